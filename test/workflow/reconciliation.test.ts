import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { MembersRepository } from '../../shared/premiums/adapters/members-repository';
import { PremiumsRepository } from '../../shared/premiums/adapters/premiums-repository';
import { RunsRepository } from '../../shared/premiums/adapters/runs-repository';
import { aMember } from '../support/members';
import { emailsTo } from '../support/workflow';

/**
 * Issue "proof", Deliver 6 on the twin: the reconciliation state machine that `cdk synth` produces (Plan, a
 * Distributed Map over the shards, Report; the twin runs the Map inline), started as the schedule and the on-demand
 * runs start it, against DynamoDB Local. The same month in 1 and in 4 shards writes the same items.
 */
const table = process.env.MEMBERS_TABLE_NAME!;
const sfn = new SFNClient({});
afterAll(() => sfn.destroy());

// A month no other test file touches, and members of a district of their own, one in each of 40 buckets.
const PERIOD = '2021-03';
const niks = Array.from({ length: 40 }, (_, i) => `3574011203${String(770000 + i * 101).padStart(6, '0')}`);

const run = async (input: Record<string, unknown>) => {
  const { executionArn } = await sfn.send(
    new StartExecutionCommand({
      stateMachineArn: process.env.RECONCILIATION_STATE_MACHINE_ARN,
      name: `test-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
      input: JSON.stringify(input),
    }),
  );
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    const d = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (d.status !== 'RUNNING') return d;
  }
  throw new Error(`the reconciliation ${executionArn} did not finish in 120 s`);
};

beforeAll(async () => {
  await new MembersRepository(table).putMany(niks.map((nik, i) => aMember({ nik, name: `Pendamping ${i}` })));
  // 30 paid in full, 5 short, 5 not at all; and two payments for NIKs that are not on the roster.
  const lines = niks.slice(0, 35).map((nik, i) => ({
    period: PERIOD,
    nik,
    jkk: i >= 30 ? 5_000 : 10_000,
    jkm: 6_800,
    receiptNo: `KW-${i}`,
    paidOn: `${PERIOD}-12`,
  }));
  for (const nik of ['3574019999990017', '3574019999990088'])
    lines.push({ period: PERIOD, nik, jkk: 10_000, jkm: 6_800, receiptNo: 'KW-X', paidOn: `${PERIOD}-12` });
  await new PremiumsRepository(table).putPayments(lines, '2021-03-20T00:00:00+07:00');
});

const coverageOfMine = async () => {
  const premiums = new PremiumsRepository(table);
  const items = await premiums.coverageFor([...niks, '3574019999990017', '3574019999990088'].map((nik) => ({ nik, period: PERIOD })));
  return items.map(({ reconciledAt: _r, ...c }) => c).sort((a, b) => a.nik.localeCompare(b.nik));
};

describe('the reconciliation state machine on the twin', () => {
  it('reconciles a month in 4 shards through the Map, and in 1 shard to the same items and report', async () => {
    const four = await run({ trigger: 'test', periods: [PERIOD], shards: 4 });
    expect(four.status).toBe('SUCCEEDED');
    const [report4] = JSON.parse(four.output!).reports;
    expect(report4).toMatchObject({ period: PERIOD, shards: 4 });
    // At least the planted ones (other files' members may owe this month too).
    expect(report4.counts.UNPAID).toBeGreaterThanOrEqual(5);
    expect(report4.counts.UNDERPAID).toBeGreaterThanOrEqual(5);
    expect(report4.counts.UNKNOWN_MEMBER).toBeGreaterThanOrEqual(2);
    const mine4 = await coverageOfMine();
    expect(mine4.map((c) => c.category).sort()).toEqual(
      [...Array(30).fill('PAID'), ...Array(5).fill('UNDERPAID'), ...Array(5).fill('UNPAID'), 'UNKNOWN_MEMBER', 'UNKNOWN_MEMBER'].sort(),
    );

    const one = await run({ trigger: 'test', periods: [PERIOD], shards: 1 });
    expect(one.status).toBe('SUCCEEDED');
    const [report1] = JSON.parse(one.output!).reports;
    expect(report1.shards).toBe(1);
    expect(await coverageOfMine()).toEqual(mine4);
    const stored = await new PremiumsRepository(table).report(PERIOD);
    expect(stored).toMatchObject({ period: PERIOD, trigger: 'test', counts: report1.counts });
  });

  it('a rerun removes the items of a member taken off the roster, whatever shard it falls in', async () => {
    const leaving = niks[35]!; // UNPAID until now
    expect((await coverageOfMine()).find((c) => c.nik === leaving)?.category).toBe('UNPAID');
    const { DeleteCommand } = await import('@aws-sdk/lib-dynamodb');
    const { documentClient } = await import('../../shared/platform/dynamodb/client');
    await documentClient.send(new DeleteCommand({ TableName: table, Key: { pk: `MEMBER#${leaving}`, sk: 'PROFILE' } }));
    const again = await run({ trigger: 'test', periods: [PERIOD], shards: 4 });
    expect(again.status).toBe('SUCCEEDED');
    expect((await coverageOfMine()).find((c) => c.nik === leaving)).toBeUndefined();
  });

  it('a failed run is recorded on the run (RecordFailure) and fails the execution', async () => {
    const runs = new RunsRepository(table);
    const runId = 'REC-2021-03-failedrun1';
    await runs.create({ runId, period: PERIOD, status: 'RUNNING', requestedBy: 'finance', requestedAt: '2021-04-01T09:00:00+07:00' });
    // A month that does not exist: Plan refuses it.
    const failed = await run({ runId, periods: ['2021-13'], trigger: 'test' });
    expect(failed).toMatchObject({ status: 'FAILED', error: 'ReconciliationFailed', cause: expect.stringContaining('See the run record') });
    expect(await runs.get(runId)).toMatchObject({ status: 'FAILED', error: expect.stringMatching(/period/) });
  });
});

describe("finance's email and the report's pages, on the twin", () => {
  // A month of its own: its emails are told apart by the month in their subject.
  const MONTH = '2021-05';
  const mine = Array.from({ length: 30 }, (_, i) => `3574011505${String(660000 + i * 103).padStart(6, '0')}`);
  const emailsOfMonth = async () => (await emailsTo('finance@santunan.local')).filter((e) => e.subject.includes('Mei 2021'));

  beforeAll(async () => {
    await new MembersRepository(table).putMany(mine.map((nik, i) => aMember({ nik, name: `Peserta ${i}` })));
    // 20 paid, 10 not.
    await new PremiumsRepository(table).putPayments(
      mine.slice(0, 20).map((nik, i) => ({ period: MONTH, nik, jkk: 10_000, jkm: 6_800, receiptNo: `MEI-${i}`, paidOn: `${MONTH}-12` })),
      '2021-05-20T00:00:00+07:00',
    );
  });

  it('emails the first result once, even from two runs at the same time; a rerun with the same result sends nothing', async () => {
    const [a, b] = await Promise.all([
      run({ trigger: 'schedule', periods: [MONTH], shards: 2 }),
      run({ trigger: 'schedule', periods: [MONTH], shards: 3 }),
    ]);
    expect([a.status, b.status]).toEqual(['SUCCEEDED', 'SUCCEEDED']);
    expect(await emailsOfMonth()).toHaveLength(1);

    const again = await run({ trigger: 'on demand by finance', periods: [MONTH], shards: 1 });
    expect(again.status).toBe('SUCCEEDED');
    expect(await emailsOfMonth()).toHaveLength(1);
  });

  it('emails again when the result changed: a late payment', async () => {
    await new PremiumsRepository(table).putPayments(
      [{ period: MONTH, nik: mine[25]!, jkk: 10_000, jkm: 6_800, receiptNo: 'MEI-LATE', paidOn: `${MONTH}-28` }],
      '2021-05-28T00:00:00+07:00',
    );
    expect((await run({ trigger: 'schedule', periods: [MONTH], shards: 1 })).status).toBe('SUCCEEDED');
    const emails = await emailsOfMonth();
    expect(emails).toHaveLength(2);
    expect(emails[1]!.body.text).toContain('/staff/reconciliations/2021-05');
  });

  it("reads the month's discrepancies a page at a time from the index, each once", async () => {
    const premiums = new PremiumsRepository(table);
    const seen: string[] = [];
    let afterNik: string | undefined;
    // Other files' members owe this month too (all UNPAID): pages of 97 until the index says there is no more.
    for (let page = 0; page < 500; page += 1) {
      const { items, more } = await premiums.discrepancies(MONTH, 'UNPAID', 97, afterNik);
      expect(items.length).toBeLessThanOrEqual(97);
      seen.push(...items.map((d) => d.nik));
      if (!more || items.length === 0) break;
      afterNik = items[items.length - 1]!.nik;
    }
    const unpaidOfMine = seen.filter((nik) => mine.includes(nik));
    expect(unpaidOfMine.sort()).toEqual(mine.filter((_, i) => i >= 20 && i !== 25).sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect((await premiums.summaries(['2021-04', MONTH])).map((r) => r.period)).toEqual([MONTH]);
  });
});
