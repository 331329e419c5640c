import { COVERAGE_CATEGORIES, type CoverageCategory } from './member';
import type { ReconciliationReport } from './reconciliation';

/**
 * How a month's reconciliation is split for a national roster (docs/architecture.md "National scale").
 *
 * A member belongs to one of 100 **buckets**, the last two digits of the NIK (a serial number within the
 * sub-district and birth date, so the buckets are even by construction). Members are indexed by bucket (`byShard`)
 * and a month's payment lines are stored in one partition per bucket, so a bucket's members and exactly their
 * payments are two Queries, and no bucket reads another's items. A payment for a NIK not on the roster falls in the
 * bucket of that NIK, so UNKNOWN_MEMBER is decided within a bucket too.
 *
 * A **shard** is the work of one Map iteration: shard `i` of `n` takes the buckets `b` with `b mod n = i`. The same
 * data can thus be run as 1 shard (the whole month in one process), 4, or 100 (one bucket each, the production
 * plan), and gives the same coverage and report, which the shard tests check.
 */
export const BUCKETS = 100;
export const MAX_SHARDS = BUCKETS;

/** The bucket of a NIK: its last two digits. */
export const bucketOf = (nik: string): string => nik.slice(-2).padStart(2, '0');

const bucketName = (b: number) => String(b).padStart(2, '0');

/** The buckets shard `shard` of `of` reconciles. */
export const bucketsOfShard = (shard: number, of: number): string[] => {
  if (!Number.isInteger(of) || of < 1 || of > MAX_SHARDS) throw new RangeError(`shards must be 1-${MAX_SHARDS}, not ${of}`);
  if (!Number.isInteger(shard) || shard < 0 || shard >= of) throw new RangeError(`shard must be 0-${of - 1}, not ${shard}`);
  const buckets: string[] = [];
  for (let b = shard; b < BUCKETS; b += of) buckets.push(bucketName(b));
  return buckets;
};

/** One item of the Map: a shard of one month. `rerun`: the month had a report before, so stale items are removed. */
export interface ShardTask {
  period: string;
  shard: number;
  of: number;
  rerun: boolean;
}

/** The Map's items for these months, in `of` shards each. */
export const planShards = (periods: readonly string[], of: number, rerun: (period: string) => boolean): ShardTask[] =>
  periods.flatMap((period) => Array.from({ length: of }, (_, shard) => ({ period, shard, of, rerun: rerun(period) })));

/** What a shard returns to the Map (small: counts and sums, never the discrepancies, which are in the table). */
export interface ShardResult {
  period: string;
  shard: number;
  of: number;
  /** Roster members read and payment lines read. */
  members: number;
  payments: number;
  expected: { members: number; amount: number };
  paid: { amount: number };
  counts: Record<CoverageCategory, number>;
  ms: number;
}

export class IncompleteShardsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IncompleteShardsError';
  }
}

/**
 * The month's report from its shards' results: sums of the counts and amounts. Refuses a set of results that does
 * not cover every shard of the month exactly once (a lost or doubled iteration would otherwise give a wrong report
 * that looks right).
 */
export const combineShards = (period: string, results: readonly ShardResult[]): Omit<ReconciliationReport, 'discrepancies'> => {
  const mine = results.filter((r) => r.period === period);
  const of = mine[0]?.of;
  const seen = new Set(mine.map((r) => r.shard));
  if (!of || mine.some((r) => r.of !== of) || seen.size !== mine.length || mine.length !== of)
    throw new IncompleteShardsError(
      `${period}: ${mine.length} shard results for ${of ?? '?'} shards (${[...seen].sort((a, b) => a - b).join(',')})`,
    );
  const counts = Object.fromEntries(COVERAGE_CATEGORIES.map((c) => [c, 0])) as Record<CoverageCategory, number>;
  let members = 0;
  let amount = 0;
  let paid = 0;
  for (const r of mine) {
    for (const c of COVERAGE_CATEGORIES) counts[c] += r.counts[c] ?? 0;
    members += r.expected.members;
    amount += r.expected.amount;
    paid += r.paid.amount;
  }
  return { period, expected: { members, amount }, paid: { amount: paid }, counts };
};
