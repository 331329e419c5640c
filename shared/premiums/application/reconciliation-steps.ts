import { currentPeriod, previousPeriod } from '../../kernel/periods';
import { jakartaIso } from '../../kernel/time';
import { logger } from '../../platform/observability/logger';
import { planShards, type ShardResult, type ShardTask } from '../domain/shards';
import type { PremiumLedger, StoredReport } from './ports';
import { finishReconciliation, type ReconcileDeps, reconcileShard } from './reconcile';
import type { RunStore } from './reconciliation-runs';

/**
 * The steps of the reconciliation state machine (infra/constructs/reconciliation-workflow.ts), each one invocation of
 * the premium jobs function: **plan** the shards of the months, reconcile each **shard** (the Map), **report** the
 * months from the shards' results and record the run, or record its **failure**. The schedule starts it with
 * `{ "trigger": "schedule" }` (the current and the previous month); an on-demand run with its run id and month.
 */
export interface ReconciliationRequest {
  trigger?: string;
  periods?: string[];
  runId?: string;
  /** Shards per month (1-100); the configured number (RECONCILIATION_SHARDS) when absent. */
  shards?: number;
}

export interface ShardItem extends ShardTask {
  reconciledAt: string;
}

export interface ReconciliationPlan {
  trigger: string;
  periods: string[];
  reconciledAt: string;
  /** `{ runId }` of an on-demand run, else empty (always an object: the state machine's paths need it). */
  run: { runId?: string };
  tasks: ShardItem[];
}

export const planReconciliation = async (
  deps: { premiums: Pick<PremiumLedger, 'hasReport'>; now?: () => Date },
  request: ReconciliationRequest,
  defaultShards: number,
): Promise<ReconciliationPlan> => {
  const now = currentPeriod(deps.now?.());
  const periods = request.periods ?? [previousPeriod(now), now];
  const of = request.shards ?? defaultShards;
  const reconciledAt = jakartaIso(deps.now?.());
  // Only a rerun can leave stale coverage behind; the first run of a month skips that check (and its reads).
  const reruns = new Map(await Promise.all(periods.map(async (p) => [p, await deps.premiums.hasReport(p)] as const)));
  const tasks = planShards(periods, of, (p) => reruns.get(p) === true).map((t) => ({ ...t, reconciledAt }));
  logger.info('reconciliation planned', { periods, shards: of, runId: request.runId });
  return {
    trigger: request.trigger ?? 'schedule',
    periods,
    reconciledAt,
    run: request.runId ? { runId: request.runId } : {},
    tasks,
  };
};

export const reconcileShardItem = (deps: Pick<ReconcileDeps, 'members' | 'premiums'>, item: ShardItem): Promise<ShardResult> =>
  reconcileShard(deps, item, item.reconciledAt);

export interface ReportInput {
  trigger: string;
  periods: string[];
  reconciledAt: string;
  run: { runId?: string };
  results: ShardResult[];
}

/** Each month's report from its shards (finance emailed once per month and run), and the run's outcome recorded. */
export const reportReconciliation = async (
  deps: ReconcileDeps & { runs?: Pick<RunStore, 'finish'>; now?: () => Date },
  input: ReportInput,
  baseUrl?: string,
): Promise<StoredReport[]> => {
  const reports: StoredReport[] = [];
  for (const period of input.periods)
    reports.push(await finishReconciliation(deps, period, input.trigger, input.results, baseUrl, input.reconciledAt));
  if (input.run.runId && deps.runs)
    await deps.runs.finish(input.run.runId, { status: 'SUCCEEDED', finishedAt: jakartaIso(deps.now?.()), counts: reports[0]?.counts });
  return reports;
};

/** The state machine caught an error (`{ Error, Cause }`): the on-demand run says so, without personal data. */
export const recordReconciliationFailure = async (
  deps: { runs?: Pick<RunStore, 'finish'>; now?: () => Date },
  request: Pick<ReconciliationRequest, 'runId'>,
  error: { Error?: string; Cause?: string },
): Promise<void> => {
  logger.error('reconciliation failed', { runId: request.runId, error: error.Error });
  if (!request.runId || !deps.runs) return;
  // A Lambda error's Cause is its JSON ({errorType, errorMessage, trace}): the message is what a person can read.
  let message = error.Cause ?? '';
  try {
    const parsed = JSON.parse(message) as { errorMessage?: unknown };
    if (typeof parsed.errorMessage === 'string') message = parsed.errorMessage;
  } catch {
    // not JSON: kept as it is
  }
  await deps.runs.finish(request.runId, {
    status: 'FAILED',
    finishedAt: jakartaIso(deps.now?.()),
    error: `${error.Error ?? 'Error'}: ${message}`.slice(0, 300),
  });
};

/**
 * The state machine's path in one process: plan, every shard in turn, report (or record the failure and throw). The
 * shell and the use-case tests run this; the twin and AWS run the ASL.
 */
export const runPlanInProcess = async (
  deps: ReconcileDeps & { runs?: Pick<RunStore, 'finish'> },
  request: ReconciliationRequest,
  defaultShards: number,
  baseUrl?: string,
): Promise<StoredReport[]> => {
  try {
    const plan = await planReconciliation(deps, request, defaultShards);
    const results: ShardResult[] = [];
    for (const item of plan.tasks) results.push(await reconcileShardItem(deps, item));
    return await reportReconciliation(deps, { ...plan, results }, baseUrl);
  } catch (error) {
    const e = error as Error;
    await recordReconciliationFailure(deps, request, { Error: e.name, Cause: e.message });
    throw error;
  }
};

/** One month in this process, without a run record (the use-case tests and the premiums bench): its report. */
export const runReconciliation = async (
  deps: ReconcileDeps,
  period: string,
  trigger: string,
  baseUrl?: string,
  shards = 1,
): Promise<StoredReport> => {
  const [report] = await runPlanInProcess(deps, { periods: [period], trigger }, shards, baseUrl);
  return report!;
};
