import { timingSafeEqual } from 'node:crypto';
import { documentsStore, uploadsRepository } from '../../shared/composition/intake-adapters';
import { TaskTokenGoneError } from '../../shared/claims/adapters/workflow-client';
import type { ClaimDocument } from '../../shared/claims/domain/claim';
import { normalizeReference } from '../../shared/claims/domain/reference';
import { missingDocuments } from '../../shared/claims/domain/rules/documents';
import { jakartaIso } from '../../shared/kernel/time';
import { ConflictError, NotFoundError } from '../../shared/kernel/errors';
import { httpHandler } from '../../shared/platform/http/handler';
import { json, redirect } from '../../shared/platform/http/responses';
import { resolveDocuments } from '../../shared/claims/application/intake/submit-claim';
import { addDocumentsRequestSchema as schema } from '../../shared/claims/schemas/documents';
import { validate } from '../../shared/kernel/validate';
import { logger } from '../../shared/platform/observability/logger';
import { claims as claimsRepo, workflow as workflowClient } from '../../shared/composition/lambda';

const claims = claimsRepo();
const workflow = workflowClient();
const deps = { claims, uploads: uploadsRepository(), documents: documentsStore() };

/** Documents can be added until the claim is decided. */
const OPEN = ['SUBMITTED', 'VERIFYING', 'NEEDS_DOCUMENTS', 'AWAITING_APPROVAL'] as const;

/**
 * POST /claims/{reference}/documents: the family sends what was missing (JSON, or the form on the status page).
 * The same NIK check as the status page (404 alike); every document must be a finished upload. When nothing is
 * missing any more and the workflow waits for documents, it is resumed.
 */
export const handler = httpHandler(
  async (request) => {
    const reference = normalizeReference(request.params.reference ?? '');
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (request.bodyKind === 'form' && Array.isArray(body.documents)) body.documents = (body.documents as Record<string, unknown>[]).filter((d) => d && 'uploadId' in d);
    const input = validate(schema, body);
    const claim = await claims.get(reference);
    if (!claim || claim.claimant.nik.length !== input.nik.length || !timingSafeEqual(Buffer.from(claim.claimant.nik), Buffer.from(input.nik))) throw new NotFoundError('No claim with this reference and claimant NIK.');
    if (!(OPEN as readonly string[]).includes(claim.status)) throw new ConflictError('CLAIM_CLOSED', `Claim ${reference} no longer takes documents (status ${claim.status}).`);
    const added = await resolveDocuments(deps, input.documents);
    const known = new Set(claim.documents.map((d) => d.uploadId));
    const documents: ClaimDocument[] = [...claim.documents, ...added.filter((d) => !known.has(d.uploadId))];
    const missing = missingDocuments({ benefit: claim.benefit, incidentType: claim.incident.type, relationship: claim.claimant.relationship, cause: claim.incident.cause }, documents.map((d) => d.type));
    const at = jakartaIso();
    const updated = await claims.transition(reference, {
      from: [claim.status],
      at,
      set: { documents, missingDocuments: missing },
      audit: { type: 'DOCUMENTS_ADDED', at, actor: { kind: 'family' }, details: { added: added.length, missing: missing.length } },
    });
    const task = updated.pendingTask;
    if (updated.status === 'NEEDS_DOCUMENTS' && missing.length === 0 && task?.kind === 'documents') {
      try {
        await workflow.succeed(task.token, { documents: 'complete' });
      } catch (error) {
        // The wait timed out meanwhile: the workflow re-verifies on its own and will find the documents.
        if (!(error instanceof TaskTokenGoneError)) throw error;
        logger.warn('documents token no longer waited on');
      }
    }
    if (request.bodyKind === 'form') return redirect(`/claims/${reference}?nik=${input.nik}`);
    return json(200, { reference, status: updated.status, missingDocuments: missing });
  },
  { accepts: ['json', 'form'], maxBodyBytes: 16 * 1024 },
);
