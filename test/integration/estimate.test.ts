import { type Api, startApi } from '../support/api';

let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.stop();
});

const estimate = (benefit: string, date: string, monthlyWage: number, membershipStart = '2019-01-01', type = 'death') =>
  api.postJson('/benefits/estimate', { benefit, incident: { type, date }, member: { monthlyWage, membershipStart } });

describe('POST /benefits/estimate (the same rule code as the workflow)', () => {
  it('JKM under PP 82/2019: Rp42,000,000 with its components', async () => {
    const res = await estimate('JKM', '2026-10-03', 1_000_000);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      total: 42_000_000,
      currency: 'IDR',
      components: [
        { code: 'LUMP_SUM', amount: 20_000_000 },
        { code: 'PERIODIC', amount: 12_000_000 },
        { code: 'FUNERAL', amount: 10_000_000 },
      ],
      ruleSet: 'PP 82/2019',
      scholarshipEligible: true,
    });
  });

  it('chooses the rule set by incident date: 2019-12-01 is PP 44/2015, 2019-12-02 is PP 82/2019', async () => {
    expect((await estimate('JKM', '2019-12-01', 1_000_000, '2010-01-01')).json).toMatchObject({ total: 24_000_000, ruleSet: 'PP 44/2015' });
    expect((await estimate('JKM', '2019-12-02', 1_000_000, '2010-01-01')).json).toMatchObject({ total: 42_000_000, ruleSet: 'PP 82/2019' });
  });

  it('JKK death: 48 x wage, at least the JKM lump sum; JKK injury needs an assessment', async () => {
    expect((await estimate('JKK', '2026-10-03', 1_000_000)).json.total).toBe(70_000_000);
    expect((await estimate('JKK', '2026-10-03', 300_000)).json.total).toBe(42_000_000);
    expect((await estimate('JKK', '2026-10-03', 1_000_000, '2019-01-01', 'injury')).json).toMatchObject({
      total: 0,
      requiresAssessment: true,
    });
  });

  it('refuses bad input with 400 and the field', async () => {
    const res = await api.postJson('/benefits/estimate', {
      benefit: 'JKM',
      incident: { type: 'injury', date: '2026-10-03' },
      member: { monthlyWage: 1.5, membershipStart: '2019-01-01' },
    });
    expect(res.status).toBe(400);
    expect(res.json.fields.map((f: { path: string }) => f.path)).toContain('member.monthlyWage');
    const early = await estimate('JKM', '2014-01-01', 1_000_000);
    expect(early.status).toBe(400);
    expect(early.json.fields[0].path).toBe('incident.date');
  });
});
