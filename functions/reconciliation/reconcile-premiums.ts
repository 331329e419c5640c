import * as z from 'zod/mini';
import { s3Client } from '../../shared/composition/claims';
import { ENV, requireEnv } from '../../shared/composition/env';
import { notifier } from '../../shared/composition/notifications';
import { importJobs, membersRepository, premiumsRepository, reconciliationRuns } from '../../shared/composition/premiums';
import { publicBaseUrl, reconciliationShards, staffEmails } from '../../shared/composition/settings';
import { isPeriod } from '../../shared/kernel/periods';
import { taskHandler } from '../../shared/platform/lambda/task-handler';
import { MetricUnit, metrics } from '../../shared/platform/observability';
import { S3ImportFiles } from '../../shared/premiums/adapters/import-files';
import { IMPORT_JOB_ID_PATTERN, performImport } from '../../shared/premiums/application/import-jobs';
import { importPayments } from '../../shared/premiums/application/import-payments';
import { importRoster } from '../../shared/premiums/application/import-roster';
import type { ImportKind } from '../../shared/premiums/application/ports';
import { RUN_ID_PATTERN } from '../../shared/premiums/application/reconciliation-runs';
import {
  planReconciliation,
  reconcileShardItem,
  recordReconciliationFailure,
  reportReconciliation,
} from '../../shared/premiums/application/reconciliation-steps';
import { COVERAGE_CATEGORIES } from '../../shared/premiums/domain/member';
import { MAX_SHARDS } from '../../shared/premiums/domain/shards';
import { reconciliationEmail } from '../../shared/premiums/web/reconciliation-email';

const deps = {
  members: membersRepository(),
  premiums: premiumsRepository(),
  notifier: notifier(),
  financeEmails: staffEmails().finance,
  summaryEmail: reconciliationEmail,
};
const runs = reconciliationRuns();
const jobs = importJobs();
// Reads uploaded import files only (the premium jobs function never signs uploads).
const files = new S3ImportFiles(s3Client(), requireEnv(ENV.documentsBucket));
/** Links in the finance email: the API's URL (the stack sets PUBLIC_BASE_URL from it; the twin sets its own). */
const baseUrl = publicBaseUrl();

const shardResult = z.object({
  period: z.string(),
  shard: z.number(),
  of: z.number(),
  members: z.number(),
  payments: z.number(),
  expected: z.object({ members: z.number(), amount: z.number() }),
  paid: z.object({ amount: z.number() }),
  counts: z.record(z.enum(COVERAGE_CATEGORIES), z.number()),
  ms: z.number(),
});
const period = z.string().check(z.refine(isPeriod, 'period.invalid'));
/** The execution input: `{ "trigger": "schedule" }` from the schedule; an on-demand run adds its id and month. */
const request = z.object({
  trigger: z.optional(z.string().check(z.maxLength(80))),
  periods: z.optional(z.array(period).check(z.minLength(1), z.maxLength(24))),
  runId: z.optional(z.string().check(z.regex(RUN_ID_PATTERN))),
  shards: z.optional(z.number().check(z.int(), z.gte(1), z.lte(MAX_SHARDS))),
});

const input = z.union([
  /** The reconciliation state machine's steps (infra/constructs/reconciliation-workflow.ts). */
  z.object({ step: z.literal('plan'), input: request }),
  z.object({
    step: z.literal('shard'),
    task: z.object({
      period,
      shard: z.number().check(z.int(), z.gte(0), z.lt(MAX_SHARDS)),
      of: z.number().check(z.int(), z.gte(1), z.lte(MAX_SHARDS)),
      rerun: z.boolean(),
      reconciledAt: z.string(),
    }),
  }),
  z.object({
    step: z.literal('report'),
    trigger: z.string(),
    periods: z.array(period),
    reconciledAt: z.string(),
    run: z.object({ runId: z.optional(z.string().check(z.regex(RUN_ID_PATTERN))) }),
    results: z.array(shardResult),
  }),
  // Whatever the execution's input was (a bad one is why Plan failed): only a well-formed run id is taken from it.
  z.object({
    step: z.literal('failed'),
    input: z.object({ runId: z.optional(z.string().check(z.regex(RUN_ID_PATTERN))) }),
    error: z.object({ Error: z.optional(z.string()), Cause: z.optional(z.string()) }),
  }),
  /** An import from storage (POST /staff/members/import, /staff/premiums/payments with {uploadId}). */
  z.object({
    importJobId: z.string().check(z.regex(IMPORT_JOB_ID_PATTERN)),
    kind: z.enum(['roster', 'payments']),
    uploadId: z.string().check(z.maxLength(40)),
  }),
]);

/**
 * The premium jobs function. The reconciliation state machine (daily at 01:00 Asia/Jakarta for the current and the
 * previous month, and every on-demand run) invokes it for each step: `plan`, one `shard` per Map item, `report`,
 * or `failed`. An import from storage is an asynchronous invocation with an `importJobId`: the file is imported
 * and the result recorded on the job. Errors are thrown: the state machine retries transient ones and records the
 * rest on the run; Lambda retries a failed import twice, then sends it to the dead-letter queue.
 */
export const handler = taskHandler(input, async (event) => {
  if ('importJobId' in event) {
    const { importJobId, kind, uploadId } = event;
    const run = async (k: ImportKind, id: string) =>
      k === 'roster'
        ? importRoster({ members: deps.members }, await files.open(k, id))
        : importPayments({ members: deps.members, premiums: deps.premiums }, await files.open(k, id));
    return { importJobId, status: await performImport({ jobs, run }, { importJobId, kind, uploadId }) };
  }
  switch (event.step) {
    case 'plan':
      return planReconciliation(deps, event.input, reconciliationShards());
    case 'shard':
      return reconcileShardItem(deps, event.task);
    case 'report': {
      const reports = await reportReconciliation({ ...deps, runs }, event, baseUrl);
      for (const r of reports)
        metrics.addMetric('PremiumDiscrepancies', MetricUnit.Count, Object.values(r.counts).reduce((a, b) => a + b, 0) - r.counts.PAID);
      return {
        reports: reports.map((r) => ({
          period: r.period,
          shards: event.results.filter((x) => x.period === r.period).length,
          counts: r.counts,
          expected: r.expected,
          paid: r.paid,
        })),
      };
    }
    case 'failed':
      await recordReconciliationFailure({ runs }, event.input, event.error);
      return {};
  }
});
