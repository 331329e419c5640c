import { jakartaIso } from '../../kernel/time';
import { logger } from '../../platform/observability/logger';
import type { Member } from '../domain/member';
import type { PaymentLine } from '../domain/payment-row';
import { reconcile } from '../domain/reconciliation';
import { resultFingerprint } from '../domain/report-page';
import { bucketsOfShard, combineShards, type ShardResult, type ShardTask } from '../domain/shards';
import type { Notifier, PremiumLedger, ReconciliationEmail, RosterStore, StoredReport } from './ports';

export interface ReconcileDeps {
  members: Pick<RosterStore, 'membersInBucket'>;
  premiums: PremiumLedger;
  notifier?: Notifier;
  financeEmails?: string[];
  /** The summary's template (with `notifier`): HTML and text, in words. */
  summaryEmail?: ReconciliationEmail;
}

/**
 * One shard of one month (domain/shards.ts): for each of its buckets, the bucket's members (one Query of the
 * byShard index) and the month's payment lines of that bucket (one Query of its partition); reconciled in memory
 * (domain/reconciliation.ts), one coverage item per member written (batched). On a rerun, the items of these buckets
 * that this run no longer produces are removed. Returns counts and sums only: the report is the sum of the shards'.
 * The Map of the reconciliation state machine runs one of these per item; the in-process run runs them in a loop.
 */
export const reconcileShard = async (
  deps: Pick<ReconcileDeps, 'members' | 'premiums'>,
  task: ShardTask,
  reconciledAt: string = jakartaIso(),
): Promise<ShardResult> => {
  const started = Date.now();
  const buckets = bucketsOfShard(task.shard, task.of);
  const members: Member[] = [];
  const payments: PaymentLine[] = [];
  // Buckets are read a few at a time: a shard of 25 buckets has 25 Queries of each kind to make.
  for (let i = 0; i < buckets.length; i += 4) {
    await Promise.all(
      buckets.slice(i, i + 4).map(async (bucket) => {
        for await (const page of deps.members.membersInBucket(bucket)) members.push(...page);
        payments.push(...(await deps.premiums.paymentsInBucket(task.period, bucket)));
      }),
    );
  }
  const result = reconcile({ period: task.period, members, payments, reconciledAt });
  const names = new Map(result.report.discrepancies.filter((d) => d.name).map((d) => [d.nik, d.name!]));
  await deps.premiums.putCoverage(result.coverage.map((c) => (names.has(c.nik) ? { ...c, name: names.get(c.nik) } : c)));
  // A rerun replaces the month: items an earlier run wrote and this one did not are removed.
  if (task.rerun) await deps.premiums.removeStaleCoverage(task.period, new Set(result.coverage.map((c) => c.nik)), buckets);
  const { expected, paid, counts } = result.report;
  const ms = Date.now() - started;
  logger.info('reconciled shard', {
    period: task.period,
    shard: task.shard,
    of: task.of,
    members: members.length,
    payments: payments.length,
    ms,
  });
  return {
    period: task.period,
    shard: task.shard,
    of: task.of,
    members: members.length,
    payments: payments.length,
    expected,
    paid,
    counts,
    ms,
  };
};

/**
 * The month's report from its shards' results (every shard exactly once, or IncompleteShardsError): stored, replacing
 * the previous run's, and finance emailed a summary with the link to the report, once per month and result: a rerun
 * with the same totals and counts (the nightly run of a month nobody changed) sends nothing; a changed result sends
 * again. The record of what was sent is written before the email (a conditional write, so of two concurrent runs with
 * one result only one sends), and taken back when the email could not be sent, so the next run tries again.
 */
export const finishReconciliation = async (
  deps: ReconcileDeps,
  period: string,
  trigger: string,
  results: readonly ShardResult[],
  baseUrl?: string,
  reconciledAt: string = jakartaIso(),
): Promise<StoredReport> => {
  const summary = combineShards(period, results);
  const stored: StoredReport = { ...summary, reconciledAt, trigger };
  await deps.premiums.putReport(stored);
  const discrepancies = Object.entries(summary.counts).reduce((n, [c, k]) => (c === 'PAID' ? n : n + k), 0);
  const mine = results.filter((r) => r.period === period);
  logger.info('reconciled', {
    period,
    shards: mine.length,
    members: mine.reduce((n, r) => n + r.members, 0),
    payments: mine.reduce((n, r) => n + r.payments, 0),
    discrepancies,
  });
  if (deps.notifier && deps.summaryEmail && deps.financeEmails?.length) {
    const fingerprint = resultFingerprint(summary);
    if (await deps.premiums.recordNotice(period, { fingerprint, sentAt: jakartaIso(), trigger })) {
      const sent = await deps.notifier.email(
        deps.financeEmails,
        deps.summaryEmail({ period, trigger, summary, discrepancies, baseUrl: baseUrl ?? '' }),
      );
      if (!sent) await deps.premiums.forgetNotice(period, fingerprint);
    } else logger.info('reconciliation result already emailed', { period });
  }
  return stored;
};
