import { runPlanInProcess } from '../../shared/premiums/application/reconciliation-steps';
import type { Member } from '../../shared/premiums/domain/member';
import type { PaymentLine } from '../../shared/premiums/domain/payment-row';
import {
  BUCKETS,
  bucketOf,
  bucketsOfShard,
  combineShards,
  IncompleteShardsError,
  planShards,
  type ShardResult,
} from '../../shared/premiums/domain/shards';
import { InMemoryLedger, InMemoryRoster } from '../support/fakes/premiums';
import { aMember } from '../support/members';

/**
 * Issue "proof", Deliver 6: the month's reconciliation split into shards by the NIK's last two digits. Whatever the
 * number of shards, every bucket is reconciled exactly once and the items and the report are the same.
 */
describe('buckets and shards', () => {
  it('the bucket is the last two digits of the NIK', () => {
    expect(bucketOf('3173014107850003')).toBe('03');
    expect(bucketOf('3173014107850099')).toBe('99');
  });

  it.each([1, 2, 3, 4, 7, 20, 99, 100])('%i shards take every one of the 100 buckets exactly once', (of) => {
    const all = Array.from({ length: of }, (_, shard) => bucketsOfShard(shard, of)).flat();
    expect(all).toHaveLength(BUCKETS);
    expect(new Set(all).size).toBe(BUCKETS);
    // Even: no shard has more than one bucket more than another.
    const sizes = Array.from({ length: of }, (_, shard) => bucketsOfShard(shard, of).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('refuses a shard outside its count and a count outside 1-100', () => {
    expect(() => bucketsOfShard(4, 4)).toThrow(RangeError);
    expect(() => bucketsOfShard(-1, 4)).toThrow(RangeError);
    expect(() => bucketsOfShard(0, 0)).toThrow(RangeError);
    expect(() => bucketsOfShard(0, 101)).toThrow(RangeError);
  });

  it('plans every shard of every month, a rerun only where the month has a report', () => {
    const tasks = planShards(['2026-09', '2026-10'], 3, (p) => p === '2026-09');
    expect(tasks).toEqual([
      { period: '2026-09', shard: 0, of: 3, rerun: true },
      { period: '2026-09', shard: 1, of: 3, rerun: true },
      { period: '2026-09', shard: 2, of: 3, rerun: true },
      { period: '2026-10', shard: 0, of: 3, rerun: false },
      { period: '2026-10', shard: 1, of: 3, rerun: false },
      { period: '2026-10', shard: 2, of: 3, rerun: false },
    ]);
  });
});

const counts = (paid: number, unpaid: number) => ({
  PAID: paid,
  UNPAID: unpaid,
  UNDERPAID: 0,
  OVERPAID: 0,
  PAID_FOR_INACTIVE: 0,
  UNKNOWN_MEMBER: 0,
});
const result = (shard: number, of: number, period = '2026-10'): ShardResult => ({
  period,
  shard,
  of,
  members: 10,
  payments: 9,
  expected: { members: 10, amount: 168_000 },
  paid: { amount: 151_200 },
  counts: counts(9, 1),
  ms: 1,
});

describe('combineShards', () => {
  it("adds the shards' counts and amounts of the month, ignoring another month's", () => {
    const report = combineShards('2026-10', [result(0, 2), result(1, 2), result(0, 1, '2026-09')]);
    expect(report).toEqual({
      period: '2026-10',
      expected: { members: 20, amount: 336_000 },
      paid: { amount: 302_400 },
      counts: counts(18, 2),
    });
  });

  it('refuses a missing, a doubled or a mismatched shard rather than report a month short', () => {
    expect(() => combineShards('2026-10', [result(0, 2)])).toThrow(IncompleteShardsError);
    expect(() => combineShards('2026-10', [result(0, 2), result(0, 2)])).toThrow(IncompleteShardsError);
    expect(() => combineShards('2026-10', [result(0, 2), result(1, 3)])).toThrow(IncompleteShardsError);
    expect(() => combineShards('2026-10', [])).toThrow(IncompleteShardsError);
  });
});

/** 300 members over every bucket, with paid, unpaid, underpaid, overpaid and inactive months, and unknown NIKs. */
const fixture = () => {
  const roster = new InMemoryRoster();
  const ledger = new InMemoryLedger();
  const members: Member[] = [];
  for (let i = 0; i < 300; i += 1) {
    const nik = `3173014107${String(850000 + i).padStart(6, '0')}`;
    const m = aMember({ nik, name: `Anggota ${i}` });
    if (i % 37 === 0)
      m.statusHistory = [...m.statusHistory, { status: 'inactive', on: '2026-01-01', recordedAt: '2026-01-01T00:00:00+07:00' }];
    members.push(m);
    roster.members.set(nik, m);
  }
  const lines: PaymentLine[] = [];
  members.forEach((m, i) => {
    if (i % 10 === 3) return; // unpaid
    const jkk = i % 10 === 5 ? 9_000 : i % 10 === 7 ? 11_000 : 10_000;
    lines.push({ period: '2026-10', nik: m.nik, jkk, jkm: 6_800, receiptNo: `R${i}`, paidOn: '2026-10-10' });
  });
  for (let i = 0; i < 12; i += 1)
    lines.push({
      period: '2026-10',
      nik: `3273010101${String(900000 + i * 7).padStart(6, '0')}`,
      jkk: 10_000,
      jkm: 6_800,
      receiptNo: `U${i}`,
      paidOn: '2026-10-10',
    });
  return { roster, ledger, lines };
};

describe('a month reconciled in 1, 4 or 100 shards', () => {
  const runIn = async (shards: number) => {
    const { roster, ledger, lines } = fixture();
    await ledger.putPayments(lines);
    const runs = { finish: async () => undefined };
    const [report] = await runPlanInProcess({ members: roster, premiums: ledger, runs }, { periods: ['2026-10'], trigger: 't' }, shards);
    return { report: report!, ledger };
  };

  it('writes the same coverage items and the same report', async () => {
    const one = await runIn(1);
    expect(one.report.counts).toEqual({ PAID: 203, UNPAID: 30, UNDERPAID: 29, OVERPAID: 29, PAID_FOR_INACTIVE: 9, UNKNOWN_MEMBER: 12 });
    const strip = (l: InMemoryLedger) =>
      [...l.coverage.values()].map(({ reconciledAt: _r, ...c }) => c).sort((a, b) => a.nik.localeCompare(b.nik));
    for (const shards of [4, 100]) {
      const other = await runIn(shards);
      const { reconciledAt: _a, ...a } = one.report;
      const { reconciledAt: _b, ...b } = other.report;
      expect(b).toEqual(a);
      expect(strip(other.ledger)).toEqual(strip(one.ledger));
    }
  });

  it('a rerun in shards removes exactly the stale items of every shard', async () => {
    const { roster, ledger, lines } = fixture();
    await ledger.putPayments(lines);
    const runs = { finish: async () => undefined };
    const deps = { members: roster, premiums: ledger, runs };
    await runPlanInProcess(deps, { periods: ['2026-10'], trigger: 't' }, 4);
    // Three members leave the roster (buckets 03, 13 and 53: shards 3, 1 and 1 of 4): their UNPAID items are stale.
    const gone = ['3173014107850003', '3173014107850013', '3173014107850053'];
    for (const nik of gone) expect(ledger.coverageItem(nik, '2026-10')?.category).toBe('UNPAID');
    for (const nik of gone) roster.members.delete(nik);
    const [report] = await runPlanInProcess(deps, { periods: ['2026-10'], trigger: 't' }, 4);
    for (const nik of gone) expect(ledger.coverageItem(nik, '2026-10')).toBeUndefined();
    expect(report!.counts.UNPAID).toBe(30 - gone.length);
    expect([...ledger.coverage.values()].filter((c) => c.period === '2026-10')).toHaveLength(
      Object.values(report!.counts).reduce((n, k) => n + k, 0),
    );
  });
});
