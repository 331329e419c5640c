import { randomBytes } from 'node:crypto';
import { jakartaIso } from '../../kernel/time';
import { type JobStatus, startAndWait } from './jobs';
import type { PremiumLedger, StoredReport } from './ports';

/**
 * On-demand reconciliation (`POST /staff/reconciliations`): a month of a national roster takes longer than the
 * API may hold a request (29 s), so every on-demand run is a run record plus an execution of the reconciliation
 * state machine the schedule starts (reconciliation-steps.ts), named by the run. The request waits a little
 * (jobs.ts): a run that finishes within the wait answers with its report, as before; a longer one answers `202` with
 * the run to poll.
 */
export type RunStatus = JobStatus;

export interface ReconciliationRun {
  runId: string;
  period: string;
  status: RunStatus;
  requestedBy: string;
  requestedAt: string;
  finishedAt?: string;
  /** The report's counts, once it succeeded. */
  counts?: StoredReport['counts'];
  /** What went wrong, once it failed (no personal data: an error name and message). */
  error?: string;
}

export interface RunStore {
  create(run: ReconciliationRun): Promise<void>;
  get(runId: string): Promise<ReconciliationRun | undefined>;
  /** Only a RUNNING run changes (a retried invocation does not overwrite a result). */
  finish(runId: string, result: Pick<ReconciliationRun, 'status' | 'finishedAt' | 'counts' | 'error'>): Promise<void>;
}

/** What the execution's input carries. */
export interface RunRequest {
  runId: string;
  periods: [string];
  trigger: string;
}

export interface RunStarter {
  /** Starts the run without waiting for it (StartExecution named by the run; the twin's Step Functions alike). */
  start(request: RunRequest): Promise<void>;
}

export interface RequestRunDeps {
  runs: RunStore;
  starter: RunStarter;
  premiums: Pick<PremiumLedger, 'summary'>;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export const RUN_ID_PATTERN = /^REC-\d{4}-\d{2}-[A-Za-z0-9_-]{10}$/;
const newRunId = (period: string) => `REC-${period}-${randomBytes(8).toString('base64url').slice(0, 10)}`;

export type RunAnswer = { kind: 'report'; report: StoredReport } | { kind: 'accepted'; run: ReconciliationRun };

/**
 * Records a run and starts it; waits up to `waitMs` (0 with `Prefer: respond-async`) for its result. A failed run
 * within the wait is still answered as a run (the poll says why), never as a 5xx of this request.
 */
export const requestReconciliation = async (
  deps: RequestRunDeps,
  period: string,
  requestedBy: string,
  waitMs: number,
): Promise<RunAnswer> => {
  const run: ReconciliationRun = {
    runId: newRunId(period),
    period,
    status: 'RUNNING',
    requestedBy,
    requestedAt: jakartaIso(deps.now?.()),
  };
  const current = await startAndWait(
    { store: deps.runs, sleep: deps.sleep },
    run,
    run.runId,
    () => deps.starter.start({ runId: run.runId, periods: [period], trigger: `on demand by ${requestedBy}` }),
    waitMs,
  );
  // The report is written before the run is marked SUCCEEDED (reconciliation-steps.ts), so it is there to answer.
  const report = current.status === 'SUCCEEDED' ? await deps.premiums.summary(period) : undefined;
  return report ? { kind: 'report', report } : { kind: 'accepted', run: current };
};
