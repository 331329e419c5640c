/**
 * What the premium jobs have in common (on-demand reconciliation runs, reconciliation-runs.ts; imports from
 * storage, import-jobs.ts): a record created `RUNNING`, work started elsewhere (an execution of the reconciliation
 * state machine, an asynchronous invocation), and a request that waits a little for the record to settle before it
 * answers the result or `202` with the record to poll. Nothing is ever finished in the background of a request that
 * already answered (an API function is frozen once it has answered).
 */
export type JobStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED';

export interface JobRecordStore<J> {
  create(job: J): Promise<void>;
  get(id: string): Promise<J | undefined>;
}

/** How often a waiting request reads the record again. */
const POLL_MS = 250;

/**
 * Creates the record, starts the work, then reads the record every 250 ms until it is no longer RUNNING or `waitMs`
 * has passed (0: answer at once). Returns the record as last read (the created one if it could not be read).
 */
export const startAndWait = async <J extends { status: JobStatus }>(
  deps: { store: JobRecordStore<J>; sleep?: (ms: number) => Promise<void> },
  job: J,
  id: string,
  start: () => Promise<void>,
  waitMs: number,
): Promise<J> => {
  await deps.store.create(job);
  await start();
  const sleep = deps.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const deadline = Date.now() + waitMs;
  let current: J | undefined = job;
  while (Date.now() < deadline) {
    await sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
    current = (await deps.store.get(id)) ?? current;
    if (current.status !== 'RUNNING') return current;
  }
  return waitMs > 0 ? current : ((await deps.store.get(id)) ?? job);
};
