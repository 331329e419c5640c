import { randomBytes } from 'node:crypto';
import { ValidationError } from '../../kernel/errors';
import { jakartaIso } from '../../kernel/time';
import { logger } from '../../platform/observability/logger';
import { type JobStatus, startAndWait } from './jobs';
import type { ImportKind } from './ports';

/**
 * Imports of files in storage (`{"uploadId"}`), up to 50 MB: a national roster takes minutes to import, beyond the
 * API's 29 s, so every import from storage is a job record plus an asynchronous invocation of the premium jobs
 * function (the one that reconciles). The request waits a little (jobs.ts) and answers the import's result when the
 * job is done by then, as before; else `202` with the job to poll. A CSV sent in the request body (up to 6 MB) is still
 * imported in the request.
 */

export interface ImportJob {
  jobId: string;
  kind: ImportKind;
  uploadId: string;
  status: JobStatus;
  requestedBy: string;
  requestedAt: string;
  finishedAt?: string;
  /** The import's answer (the same JSON the synchronous import gives), once it succeeded. */
  result?: Record<string, unknown>;
  /** Why it failed: a file refused as a whole (its field errors), or a fault (error name and message). */
  error?: { code: string; message: string; fields?: { path: string; code: string }[] };
}

export interface ImportJobStore {
  create(job: ImportJob): Promise<void>;
  get(jobId: string): Promise<ImportJob | undefined>;
  /** Only a RUNNING job changes; a SUCCEEDED one stays so. */
  finish(jobId: string, outcome: Pick<ImportJob, 'status' | 'finishedAt' | 'result' | 'error'>): Promise<void>;
}

export interface ImportJobRequest {
  importJobId: string;
  kind: ImportKind;
  uploadId: string;
}

export interface ImportJobStarter {
  start(request: ImportJobRequest): Promise<void>;
}

export const IMPORT_JOB_ID_PATTERN = /^IMP-[A-Za-z0-9_-]{16}$/;

export type ImportAnswer = { kind: 'done'; result: Record<string, unknown> } | { kind: 'accepted'; job: ImportJob };

/** Records the job and starts it; waits up to `waitMs` for its result. A file refused as a whole is still a 400. */
export const requestImport = async (
  deps: { jobs: ImportJobStore; starter: ImportJobStarter; now?: () => Date; sleep?: (ms: number) => Promise<void> },
  kind: ImportKind,
  uploadId: string,
  requestedBy: string,
  waitMs: number,
): Promise<ImportAnswer> => {
  const job: ImportJob = {
    jobId: `IMP-${randomBytes(12).toString('base64url')}`,
    kind,
    uploadId,
    status: 'RUNNING',
    requestedBy,
    requestedAt: jakartaIso(deps.now?.()),
  };
  const current = await startAndWait(
    { store: deps.jobs, sleep: deps.sleep },
    job,
    job.jobId,
    () => deps.starter.start({ importJobId: job.jobId, kind, uploadId }),
    waitMs,
  );
  if (current.status === 'SUCCEEDED' && current.result) return { kind: 'done', result: current.result };
  if (current.status === 'FAILED' && current.error?.fields) throw new ValidationError(current.error.fields, current.error.message);
  return { kind: 'accepted', job: current };
};

/**
 * The asynchronous side: runs the import and records its result on the job. A file refused as a whole is recorded
 * with its field errors and not thrown (retrying cannot help); a fault is recorded and thrown, so Lambda retries.
 */
export const performImport = async (
  deps: { jobs: ImportJobStore; run: (kind: ImportKind, uploadId: string) => Promise<object>; now?: () => Date },
  request: ImportJobRequest,
): Promise<ImportJob['status']> => {
  try {
    const result = (await deps.run(request.kind, request.uploadId)) as Record<string, unknown>;
    await deps.jobs.finish(request.importJobId, { status: 'SUCCEEDED', finishedAt: jakartaIso(deps.now?.()), result });
    return 'SUCCEEDED';
  } catch (error) {
    const finishedAt = jakartaIso(deps.now?.());
    if (error instanceof ValidationError) {
      const fields = error.fields.map(({ path, code }) => ({ path, code }));
      await deps.jobs.finish(request.importJobId, {
        status: 'FAILED',
        finishedAt,
        error: { code: 'VALIDATION_FAILED', message: error.message, fields },
      });
      return 'FAILED';
    }
    const e = error as Error;
    logger.error('import job failed', { importJobId: request.importJobId, error: e });
    await deps.jobs.finish(request.importJobId, {
      status: 'FAILED',
      finishedAt,
      error: { code: e.name, message: e.message.slice(0, 300) },
    });
    throw error;
  }
};
