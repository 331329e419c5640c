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

describe('POST /benefits/estimate with an assessment and children (api.md)', () => {
  const injury = (assessment: unknown, monthlyWage = 1_000_000) =>
    api.postJson('/benefits/estimate', {
      benefit: 'JKK',
      incident: { type: 'injury', date: '2026-03-02' },
      member: { monthlyWage, membershipStart: '2024-01-01' },
      assessment,
    });

  it('prices a JKK injury from the assessment: the worked examples of domain.md add up', async () => {
    const res = await injury({
      stmb: { months: 14 },
      disability: { kind: 'total' },
      transport: [
        { mode: 'land', amount: 6_500_000 },
        { mode: 'sea', amount: 1_200_000 },
        { mode: 'air', amount: 12_000_000 },
      ],
      homeCare: { monthly: 1_800_000, months: 14 },
      prosthesis: [{ item: 'kaki palsu', referencePrice: 5_000_000 }],
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      total: 13_000_000 + 56_000_000 + 12_000_000 + 16_200_000 + 20_000_000 + 7_000_000,
      currency: 'IDR',
      components: [
        { code: 'STMB', amount: 13_000_000 },
        { code: 'DISABILITY', amount: 56_000_000 },
        { code: 'PERIODIC', amount: 12_000_000 },
        { code: 'TRANSPORT', amount: 16_200_000 },
        { code: 'HOME_CARE', amount: 20_000_000 },
        { code: 'PROSTHESIS', amount: 7_000_000 },
      ],
      ruleSet: 'PP 82/2019',
      scholarshipEligible: true,
    });
  });

  it('a percentage over 100 or a negative amount is a 400 naming the field', async () => {
    const over = await injury({ disability: { kind: 'anatomical', percent: 120 } });
    expect(over.status).toBe(400);
    expect(over.json.fields).toEqual([
      { path: 'assessment.disability.percent', code: 'percent.range', message: expect.stringMatching(/0 and 100|0 dan 100/) },
    ]);
    const negative = await injury({ transport: [{ mode: 'air', amount: -5 }] });
    expect(negative.status).toBe(400);
    expect(negative.json.fields.map((f: { path: string }) => f.path)).toEqual(['assessment.transport[0].amount']);
    const noShare = await injury({ disability: { kind: 'functional', percent: 40 } });
    expect(noShare.status).toBe(400);
    expect(noShare.json.fields[0].path).toBe('assessment.disability.functionLossPercent');
    const onDeath = await api.postJson('/benefits/estimate', {
      benefit: 'JKM',
      incident: { type: 'death', date: '2026-03-02' },
      member: { monthlyWage: 1_000_000, membershipStart: '2019-01-01' },
      assessment: { stmb: { months: 1 } },
    });
    expect(onDeath.status).toBe(400);
    expect(onDeath.json.fields[0].path).toBe('assessment');
  });

  it('children add this school year of the scholarship, never inside total', async () => {
    const res = await api.postJson('/benefits/estimate', {
      benefit: 'JKM',
      incident: { type: 'death', date: '2026-10-03' },
      member: { monthlyWage: 1_000_000, membershipStart: '2019-01-01' },
      children: [
        { birthDate: '2012-05-01', schoolLevel: 'SMP' },
        { birthDate: '2017-08-17', schoolLevel: 'SD' },
        { birthDate: '2022-01-01', schoolLevel: null },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json.total).toBe(42_000_000);
    expect(res.json.scholarship).toEqual({
      eligible: true,
      children: [
        { schoolLevel: 'SMP', amountPerYear: 2_000_000 },
        { schoolLevel: 'SD', amountPerYear: 1_500_000 },
        { schoolLevel: null, amountPerYear: 0 },
      ],
      thisYear: 3_500_000,
    });
    // Less than 3 years of membership: no JKM scholarship.
    const short = await api.postJson('/benefits/estimate', {
      benefit: 'JKM',
      incident: { type: 'death', date: '2026-10-03' },
      member: { monthlyWage: 1_000_000, membershipStart: '2024-01-01' },
      children: [{ birthDate: '2012-05-01', schoolLevel: 'SMP' }],
    });
    expect(short.json.scholarship).toMatchObject({ eligible: false, thisYear: 0 });
  });
});
