import * as z from 'zod/mini';
import { awaitDocuments } from '../../shared/claims/application/verification/await-documents';
import { claimStore, taskResponder } from '../../shared/composition/claims';
import { taskHandler } from '../../shared/platform/lambda/task-handler';

const deps = { claims: claimStore(), workflow: taskResponder() };
const input = z.object({ reference: z.string(), baseUrl: z.string(), taskToken: z.string().check(z.minLength(1)) });

/** waitForTaskToken: the claim waits for documents with the token stored (see the use case). */
export const handler = taskHandler(input, (task) => awaitDocuments(deps, task));
