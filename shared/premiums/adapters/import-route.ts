/** The HTTP side of an import (an inbound adapter): a CSV in the request, or a file in storage imported as a job. */
import { validate } from '../../kernel/validate';
import type { HttpRequest } from '../../platform/http/handler';
import { type HttpResponse, json, prefersAsync } from '../../platform/http/responses';
import { type ImportJobStarter, type ImportJobStore, requestImport } from '../application/import-jobs';
import type { ImportKind } from '../application/ports';
import { importFromStorageSchema } from '../schemas/imports';

/**
 * An import route's answer: a CSV in the body is imported in the request (up to 6 MB); a file in storage
 * (`{"uploadId"}`, up to 50 MB) is a job: its result when done within the wait (RECONCILIATION_WAIT_MS), else `202`
 * with the job to poll (`Prefer: respond-async` answers `202` at once).
 */
export const importAnswer = async (
  deps: { jobs: ImportJobStore; starter: ImportJobStarter; waitMs: number },
  request: HttpRequest,
  kind: ImportKind,
  username: string,
  inRequest: (csv: string) => Promise<object>,
): Promise<HttpResponse> => {
  if (request.bodyKind === 'csv') return json(200, await inRequest(request.rawBody));
  const { uploadId } = validate(importFromStorageSchema, request.body);
  const answer = await requestImport(deps, kind, uploadId, username, prefersAsync(request.headers) ? 0 : deps.waitMs);
  if (answer.kind === 'done') return json(200, answer.result);
  const statusUrl = `/staff/imports/${answer.job.jobId}`;
  return json(202, { jobId: answer.job.jobId, status: answer.job.status, statusUrl }, { location: statusUrl });
};
