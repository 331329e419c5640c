import { ConflictError, NotFoundError } from '../../../kernel/errors';
import { jakartaDate, jakartaIso } from '../../../kernel/time';
import { logger } from '../../../platform/observability/logger';
import { type ClaimDocument, type ClaimStatus, type DocumentType, inGroup } from '../../domain/claim';
import { missingDocuments } from '../../domain/rules/documents';
import { schoolYearOf } from '../../domain/tranche';
import { type ClaimStore, type ClaimWorkflow, TaskTokenGoneError, UploadsRefusedError } from '../ports';
import { type ClaimantLookupDeps, findClaimOfClaimant } from './find-claim';
import { type DocumentDeps, refusedUploadsError, resolveDocuments } from './resolve-documents';

export interface AddDocumentsDeps extends DocumentDeps, ClaimantLookupDeps {
  claims: ClaimStore;
  workflow: Pick<ClaimWorkflow, 'succeed'>;
}

export interface AddDocumentsInput {
  reference: string;
  /** The claimant's NIK: proves the claim is theirs (a wrong one is the same 404 as an unknown reference). */
  nik: string;
  /** The client's address, for the limit on wrong NIKs per reference. */
  sourceIp: string;
  documents: { type: DocumentType; uploadId: string; schoolYear?: string }[];
}

/**
 * The family sends what was missing. Every document must be a finished upload that no other claim has (it becomes
 * this claim's in the same write). Documents can be added until the claim is decided; when nothing is missing any
 * more and the workflow waits for documents, it is resumed.
 */
export const addDocuments = async (
  deps: AddDocumentsDeps,
  input: AddDocumentsInput,
): Promise<{ reference: string; status: ClaimStatus; missingDocuments: DocumentType[] }> => {
  const claim = await findClaimOfClaimant(deps, input);
  if (!claim) throw new NotFoundError('No claim with this reference and claimant NIK.');
  // After the first approval only proof of schooling is still taken: a scholarship tranche needs one each year.
  const proofOnly = inGroup(claim.status, 'takesTranches') && input.documents.every((d) => d.type === 'SCHOOL_CERTIFICATE');
  if (!inGroup(claim.status, 'takesDocuments') && !proofOnly) {
    throw new ConflictError('CLAIM_CLOSED', `Claim ${claim.reference} no longer takes documents (status ${claim.status}).`);
  }
  const thisYear = schoolYearOf(jakartaDate(deps.now?.()));
  const added = (await resolveDocuments(deps, input.documents)).map((d, i) =>
    d.type === 'SCHOOL_CERTIFICATE' ? { ...d, schoolYear: input.documents[i]?.schoolYear ?? thisYear } : d,
  );
  const known = new Set(claim.documents.map((d) => d.uploadId));
  const documents: ClaimDocument[] = [...claim.documents, ...added.filter((d) => !known.has(d.uploadId))];
  const missing = missingDocuments(
    { benefit: claim.benefit, incidentType: claim.incident.type, relationship: claim.claimant.relationship, cause: claim.incident.cause },
    documents.map((d) => d.type),
  );
  const at = jakartaIso(deps.now?.());
  const updated = await deps.claims
    .transition(claim.reference, {
      from: [claim.status],
      at,
      set: { documents, missingDocuments: missing },
      audit: { type: 'DOCUMENTS_ADDED', at, actor: { kind: 'family' }, details: { added: added.length, missing: missing.length } },
      // Each upload becomes this claim's; one that another claim has refuses the whole request.
      useUploads: input.documents.map((d) => ({ uploadId: d.uploadId, type: d.type })),
    })
    .catch((error: unknown) => {
      throw error instanceof UploadsRefusedError ? refusedUploadsError(input.documents, error) : error;
    });
  const task = updated.pendingTask;
  if (updated.status === 'NEEDS_DOCUMENTS' && missing.length === 0 && task?.kind === 'documents') {
    try {
      await deps.workflow.succeed(task.token, { documents: 'complete' });
    } catch (error) {
      // The wait timed out meanwhile: the workflow re-verifies on its own and will find the documents.
      if (!(error instanceof TaskTokenGoneError)) throw error;
      logger.warn('documents token no longer waited on');
    }
  }
  return { reference: claim.reference, status: updated.status, missingDocuments: missing };
};
