import * as z from 'zod/mini';
import { jakartaIso } from '../../shared/kernel/time';
import { taskHandler } from '../../shared/platform/lambda/task-handler';
import { claims as claimsRepo, workflow as workflowClient } from '../../shared/composition/lambda';

const claims = claimsRepo();
const workflow = workflowClient();

const input = z.object({ reference: z.string(), baseUrl: z.string(), taskToken: z.string().check(z.minLength(1)) });

/**
 * waitForTaskToken: stores the token on the claim, so that the family's next upload (POST /claims/{ref}/documents)
 * can resume the workflow once nothing is missing. The family was already told what is missing by verification.
 * If the documents became complete in between, the task answers its own token at once.
 */
export const handler = taskHandler(input, async ({ reference, taskToken }) => {
  const at = jakartaIso();
  const claim = await claims.get(reference);
  if (!claim) throw new Error(`Claim ${reference} not found`);
  if (claim.status !== 'NEEDS_DOCUMENTS' || claim.missingDocuments.length === 0) {
    await workflow.succeed(taskToken, { documents: 'complete' });
    return;
  }
  await claims.transition(reference, {
    from: ['NEEDS_DOCUMENTS'],
    at,
    set: { pendingTask: { kind: 'documents', token: taskToken, since: at } },
    audit: { type: 'WAITING_FOR_DOCUMENTS', at, actor: { kind: 'system' }, details: { missing: claim.missingDocuments } },
  });
});
