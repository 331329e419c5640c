import { jakartaIso } from '../../../kernel/time';
import type { ClaimStore, ClaimWorkflow } from '../ports';

export interface AwaitDocumentsDeps {
  claims: ClaimStore;
  workflow: Pick<ClaimWorkflow, 'succeed'>;
  now?: () => Date;
}

/**
 * The workflow waits for missing documents: the task token is stored on the claim, so that the family's next
 * upload can resume the workflow once nothing is missing. The family was already told what is missing by
 * verification. If the documents became complete in between, the task answers its own token at once.
 */
export const awaitDocuments = async (deps: AwaitDocumentsDeps, { reference, taskToken }: { reference: string; taskToken: string }) => {
  const at = jakartaIso(deps.now?.());
  const claim = await deps.claims.get(reference);
  if (!claim) throw new Error(`Claim ${reference} not found`);
  if (claim.status !== 'NEEDS_DOCUMENTS' || claim.missingDocuments.length === 0) {
    await deps.workflow.succeed(taskToken, { documents: 'complete' });
    return;
  }
  await deps.claims.transition(reference, {
    from: ['NEEDS_DOCUMENTS'],
    at,
    set: { pendingTask: { kind: 'documents', token: taskToken, since: at } },
    audit: { type: 'WAITING_FOR_DOCUMENTS', at, actor: { kind: 'system' }, details: { missing: claim.missingDocuments } },
  });
};
