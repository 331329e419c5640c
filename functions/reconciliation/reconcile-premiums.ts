import * as z from 'zod/mini';
import { s3Client } from '../../shared/composition/claims';
import { ENV, requireEnv } from '../../shared/composition/env';
import { notifier } from '../../shared/composition/notifications';
import { importJobs, membersRepository, premiumsRepository, reconciliationRuns } from '../../shared/composition/premiums';
import { publicBaseUrl, staffEmails } from '../../shared/composition/settings';
import { currentPeriod, isPeriod, previousPeriod } from '../../shared/kernel/periods';
import { taskHandler } from '../../shared/platform/lambda/task-handler';
import { MetricUnit, metrics } from '../../shared/platform/observability';
import { S3ImportFiles } from '../../shared/premiums/adapters/import-files';
import { IMPORT_JOB_ID_PATTERN, performImport } from '../../shared/premiums/application/import-jobs';
import { importPayments } from '../../shared/premiums/application/import-payments';
import { importRoster } from '../../shared/premiums/application/import-roster';
import type { ImportKind } from '../../shared/premiums/application/ports';
import { runReconciliation } from '../../shared/premiums/application/reconcile';
import { performRun, RUN_ID_PATTERN } from '../../shared/premiums/application/reconciliation-runs';

const deps = { members: membersRepository(), premiums: premiumsRepository(), notifier: notifier(), financeEmails: staffEmails().finance };
const runs = reconciliationRuns();
const jobs = importJobs();
// Reads uploaded import files only (the premium jobs function never signs uploads).
const files = new S3ImportFiles(s3Client(), requireEnv(ENV.documentsBucket));
/** Links in the finance email: the API's URL (the stack sets PUBLIC_BASE_URL from it; the twin sets its own). */
const baseUrl = publicBaseUrl();

/** The scheduled event: EventBridge Scheduler (and the twin's cron) send `{ "trigger": "schedule" }`; a shell run names periods. */
const input = z.object({
  trigger: z.optional(z.string().check(z.maxLength(80))),
  periods: z.optional(z.array(z.string().check(z.refine(isPeriod, 'period.invalid'))).check(z.maxLength(24))),
  /** An on-demand run (POST /staff/reconciliations): one period, its outcome recorded on the run. */
  runId: z.optional(z.string().check(z.regex(RUN_ID_PATTERN))),
  /** An import from storage (POST /staff/members/import, /staff/premiums/payments with {uploadId}). */
  importJobId: z.optional(z.string().check(z.regex(IMPORT_JOB_ID_PATTERN))),
  kind: z.optional(z.enum(['roster', 'payments'])),
  uploadId: z.optional(z.string().check(z.maxLength(40))),
});

/**
 * Daily at 01:00 Asia/Jakarta: reconciles the current and the previous month (late payments for last month keep
 * arriving in the first days of this one). Safe to run twice: each run replaces the month's coverage and report.
 * With a `runId` (an on-demand run started by the staff API), the one period's outcome is recorded on the run; with
 * an `importJobId`, the file in storage is imported and the result recorded on the job (the premium jobs function).
 * Errors are thrown: Lambda retries the asynchronous invocation twice, then sends the event to the schedule's
 * dead-letter queue (its failure destination).
 */
export const handler = taskHandler(input, async ({ trigger = 'schedule', periods, runId, importJobId, kind, uploadId }) => {
  if (importJobId && kind && uploadId) {
    const run = async (k: ImportKind, id: string) =>
      k === 'roster'
        ? importRoster({ members: deps.members }, await files.open(k, id))
        : importPayments({ members: deps.members, premiums: deps.premiums }, await files.open(k, id));
    return { importJobId, status: await performImport({ jobs, run }, { importJobId, kind, uploadId }) };
  }
  if (runId && periods?.length === 1) {
    const r = await performRun({ ...deps, runs }, { runId, periods: [periods[0]!], trigger }, baseUrl);
    metrics.addMetric('PremiumDiscrepancies', MetricUnit.Count, Object.values(r.counts).reduce((a, b) => a + b, 0) - r.counts.PAID);
    return { runId, reports: [{ period: r.period, counts: r.counts, expected: r.expected, paid: r.paid }] };
  }
  const now = currentPeriod();
  const targets = periods ?? [previousPeriod(now), now];
  const reports = [];
  for (const period of targets) {
    const r = await runReconciliation(deps, period, trigger, baseUrl);
    metrics.addMetric('PremiumDiscrepancies', MetricUnit.Count, r.discrepancies.length);
    reports.push({ period, counts: r.counts, expected: r.expected, paid: r.paid });
  }
  return { reports };
});
