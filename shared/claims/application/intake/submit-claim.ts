import type { Claim, ClaimDocument, DocumentType } from '../../domain/claim';
import { MAX_UPLOAD_BYTES } from '../../domain/claim';
import { maskNik } from '../../../reference-data/nik';
import { newReference } from '../../domain/reference';
import { missingDocuments } from '../../domain/rules/documents';
import { jakartaIso } from '../../../kernel/time';
import type { ClaimSubmission } from '../../schemas/claim';
import { ValidationError, type FieldError } from '../../../kernel/errors';
import type { ClaimsRepository, StoredResponse } from '../../adapters/claims-repository';
import type { UploadsRepository } from '../../adapters/uploads-repository';
import type { DocumentsStore } from '../../adapters/documents-store';
import type { WorkflowClient } from '../../adapters/workflow-client';
import { logger } from '../../../platform/observability/logger';

export interface IntakeDeps {
  claims: ClaimsRepository;
  uploads: UploadsRepository;
  documents: DocumentsStore;
  workflow?: WorkflowClient;
  now?: () => Date;
}

/**
 * Every document must name a finished upload: its record exists and the object is in storage, within the size
 * limit, with the declared content type. Checked before anything is written.
 */
export const resolveDocuments = async (
  deps: Pick<IntakeDeps, 'uploads' | 'documents' | 'now'>,
  submitted: readonly { type: DocumentType; uploadId: string }[],
): Promise<ClaimDocument[]> => {
  if (submitted.length === 0) return [];
  const records = await deps.uploads.getMany(submitted.map((d) => d.uploadId));
  const errors: FieldError[] = [];
  const resolved = await Promise.all(
    submitted.map(async (doc, i) => {
      const path = `documents[${i}].uploadId`;
      const found = records.get(doc.uploadId);
      // DynamoDB TTL deletes lazily: an expired record is treated as gone.
      const record = found && found.expiresAt * 1000 > (deps.now?.() ?? new Date()).getTime() ? found : undefined;
      const stored = record ? await deps.documents.stat(record.key) : undefined;
      if (!record || !stored) return void errors.push({ path, code: 'uploadId.notFound' });
      if (stored.size > MAX_UPLOAD_BYTES) return void errors.push({ path, code: 'uploadId.tooLarge' });
      if (stored.contentType && stored.contentType !== record.contentType) return void errors.push({ path, code: 'uploadId.typeMismatch' });
      return { type: doc.type, uploadId: doc.uploadId, contentType: record.contentType, size: stored.size, key: record.key } satisfies ClaimDocument;
    }),
  );
  if (errors.length) throw new ValidationError(errors.sort((a, b) => a.path.localeCompare(b.path)));
  return resolved.filter((d): d is ClaimDocument => d !== undefined);
};

export const buildClaim = (submission: ClaimSubmission, documents: ClaimDocument[], reference: string, at: Date): Claim => {
  const iso = jakartaIso(at);
  return {
    reference,
    status: 'SUBMITTED',
    benefit: submission.benefit,
    member: submission.member,
    incident: submission.incident,
    claimant: submission.claimant,
    bankAccount: submission.payout,
    documents,
    submittedAt: iso,
    updatedAt: iso,
    timeline: [{ status: 'SUBMITTED', at: iso }],
    missingDocuments: missingDocuments(
      { benefit: submission.benefit, incidentType: submission.incident.type, relationship: submission.claimant.relationship, cause: submission.incident.cause },
      documents.map((d) => d.type),
    ),
    version: 1,
  };
};

export interface SubmitOptions {
  channel: 'api' | 'form';
  idempotency?: { key: string; requestHash: string };
  /** Origin for links in notifications (`https://<api host>`), passed to the workflow. */
  baseUrl: string;
  /** Builds the HTTP response for a new claim, so that a replay can return exactly the same one. */
  respond: (claim: Claim) => StoredResponse;
}

const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

/** Stores a valid submission once. Returns the response to send (the first one again on a replay). */
export const submitClaim = async (deps: IntakeDeps, submission: ClaimSubmission, options: SubmitOptions): Promise<StoredResponse> => {
  const documents = await resolveDocuments(deps, submission.documents ?? []);
  const now = deps.now?.() ?? new Date();
  const year = Number(jakartaIso(now).slice(0, 4));
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const claim = buildClaim(submission, documents, newReference(year), now);
    const response = options.respond(claim);
    const result = await deps.claims.create(
      claim,
      {
        type: 'CLAIM_SUBMITTED',
        at: claim.submittedAt,
        actor: { kind: 'family' },
        details: { channel: options.channel, benefit: claim.benefit, memberNik: maskNik(claim.member.nik), documents: documents.length, missingDocuments: claim.missingDocuments.length },
      },
      options.idempotency && { scope: 'claims', ...options.idempotency, response, ttlSeconds: IDEMPOTENCY_TTL_SECONDS },
    );
    if (result.kind === 'created' || result.kind === 'replayed') {
      const reference = result.kind === 'created' ? claim.reference : referenceOf(result.response);
      if (reference) await startWorkflow(deps, reference, options.baseUrl);
      return result.kind === 'created' ? response : result.response;
    }
    // referenceTaken: a one-in-hundreds-of-millions clash; draw another reference.
  }
  throw new Error('Could not allocate a unique claim reference');
};

/** The reference inside a stored response: the JSON body, or the status URL a form post was redirected to. */
const referenceOf = (response: StoredResponse): string | undefined => {
  const m = /SNT-\d{4}-[A-Z0-9]{6}/.exec(`${response.headers.location ?? ''} ${response.body}`);
  return m?.[0];
};

/**
 * Starts the claim's workflow, named by its reference. The claim is already stored, so a failure here does not
 * fail the family's request: the claim stays SUBMITTED, the error is logged, and a retry of the same request
 * (idempotent replay) starts it again; Step Functions refuses a second execution of one claim.
 */
const startWorkflow = async (deps: IntakeDeps, reference: string, baseUrl: string) => {
  if (!deps.workflow) return;
  try {
    await deps.workflow.start(reference, baseUrl);
  } catch (error) {
    logger.error('workflow not started', { reference, error: error as Error });
  }
};
