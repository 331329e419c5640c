import { jakartaIso } from '../../../kernel/time';
import { logger } from '../../../platform/observability/logger';
import { maskNik } from '../../../reference-data/nik';
import type { Claim, ClaimDocument, ClaimStatus, DocumentType } from '../../domain/claim';
import { newReference } from '../../domain/reference';
import { missingDocuments } from '../../domain/rules/documents';
import type { ClaimSubmission } from '../../schemas/claim';
import { type ClaimStore, type ClaimWorkflow, UploadsRefusedError } from '../ports';
import { type DocumentDeps, refusedUploadsError, resolveDocuments } from './resolve-documents';

export interface SubmitDeps extends DocumentDeps {
  claims: ClaimStore;
  workflow?: ClaimWorkflow;
}

export interface SubmitOptions {
  channel: 'api' | 'form';
  /** The client's key and a hash of its request: the same pair again replays, another request is refused. */
  idempotency?: { key: string; requestHash: string };
  /** Origin for links in notifications (`https://<api host>`), passed to the workflow. */
  baseUrl: string;
  /** A field coordinator files for the family (assisted filing): who, and the member's district from the roster. */
  filedBy?: { username: string; district: string };
}

/** What the edge renders, the first time and on every replay. */
export interface SubmitOutcome {
  reference: string;
  status: ClaimStatus;
  missingDocuments: DocumentType[];
  replayed: boolean;
}

const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

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
    ...(submission.children?.length ? { children: submission.children } : {}),
    submittedAt: iso,
    updatedAt: iso,
    timeline: [{ status: 'SUBMITTED', at: iso }],
    missingDocuments: missingDocuments(
      needsOf(submission),
      documents.map((d) => d.type),
    ),
    version: 1,
  };
};

/**
 * Stores a valid submission once and starts its workflow. The idempotency record keeps the claim reference and the
 * request hash, so a replay answers with the same claim (the edge renders the same response again). The claim's
 * uploads are bound to it in the same write: an upload another claim already has is refused (`uploadId.alreadyUsed`),
 * while a replay answers before that is looked at.
 */
export const submitClaim = async (deps: SubmitDeps, submission: ClaimSubmission, options: SubmitOptions): Promise<SubmitOutcome> =>
  fileClaim(deps, submission, await resolveDocuments(deps, submission.documents ?? []), options);

/** What a form post gets: the claim filed, or the required documents it lacks, for the family to confirm. */
export type FormSubmitOutcome = { kind: 'filed'; outcome: SubmitOutcome } | { kind: 'confirmMissing'; missingDocuments: DocumentType[] };

/**
 * The claim form's submission: a claim still missing required documents is not filed until the family confirms they
 * will send them later (api.md keeps `documents` optional; the form only asks first). The uploads are checked before
 * the question, so a file that did not arrive is named beside its row rather than after the confirmation. Nothing is
 * written when the answer is a question.
 */
export const submitUnlessDocumentsMissing = async (
  deps: SubmitDeps,
  submission: ClaimSubmission,
  options: SubmitOptions,
): Promise<FormSubmitOutcome> => {
  const documents = await resolveDocuments(deps, submission.documents ?? []);
  const missing = missingDocuments(
    needsOf(submission),
    documents.map((d) => d.type),
  );
  if (missing.length > 0 && !(await anyTaken(deps, documents))) return { kind: 'confirmMissing', missingDocuments: missing };
  return { kind: 'filed', outcome: await fileClaim(deps, submission, documents, options) };
};

/**
 * An upload a claim already holds: either this very form was filed before (a resend of the confirmed page, which the
 * idempotency record replays) or the file is another claim's (`uploadId.alreadyUsed`). Both are for the claim's write
 * to answer, not a question about missing documents.
 */
const anyTaken = async (deps: SubmitDeps, documents: readonly ClaimDocument[]): Promise<boolean> => {
  if (documents.length === 0) return false;
  const records = await deps.uploads.getMany(documents.map((d) => d.uploadId));
  return [...records.values()].some((r) => r.claimReference !== undefined);
};

const needsOf = (submission: ClaimSubmission) => ({
  benefit: submission.benefit,
  incidentType: submission.incident.type,
  relationship: submission.claimant.relationship,
  cause: submission.incident.cause,
});

const fileClaim = async (
  deps: SubmitDeps,
  submission: ClaimSubmission,
  documents: ClaimDocument[],
  options: SubmitOptions,
): Promise<SubmitOutcome> => {
  const now = deps.now?.() ?? new Date();
  const year = Number(jakartaIso(now).slice(0, 4));
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const built = buildClaim(submission, documents, newReference(year), now);
    const claim: Claim = options.filedBy
      ? { ...built, filedBy: { username: options.filedBy.username, role: 'coordinator' }, district: options.filedBy.district }
      : built;
    const result = await deps.claims
      .create(
        claim,
        {
          type: 'CLAIM_SUBMITTED',
          at: claim.submittedAt,
          actor: options.filedBy ? { kind: 'staff', id: options.filedBy.username } : { kind: 'family' },
          details: {
            ...(options.filedBy ? { role: 'coordinator' } : {}),
            channel: options.channel,
            benefit: claim.benefit,
            memberNik: maskNik(claim.member.nik),
            documents: documents.length,
            missingDocuments: claim.missingDocuments.length,
          },
        },
        options.idempotency && { scope: 'claims', ...options.idempotency, ttlSeconds: IDEMPOTENCY_TTL_SECONDS },
      )
      .catch((error: unknown) => {
        throw error instanceof UploadsRefusedError ? refusedUploadsError(submission.documents ?? [], error) : error;
      });
    if (result.kind === 'created') {
      await startWorkflow(deps, claim.reference, options.baseUrl);
      return { reference: claim.reference, status: claim.status, missingDocuments: claim.missingDocuments, replayed: false };
    }
    if (result.kind === 'replayed') {
      // A replay carries the same request as the first (same hash), so the first answer follows from it.
      await startWorkflow(deps, result.reference, options.baseUrl);
      return { reference: result.reference, status: 'SUBMITTED', missingDocuments: claim.missingDocuments, replayed: true };
    }
    // referenceTaken: a one-in-hundreds-of-millions clash; draw another reference.
  }
  throw new Error('Could not allocate a unique claim reference');
};

/**
 * Starts the claim's workflow, named by its reference. The claim is already stored, so a failure here does not
 * fail the family's request: the claim stays SUBMITTED, the error is logged, and a retry of the same request
 * (idempotent replay) starts it again; Step Functions refuses a second execution of one claim.
 */
const startWorkflow = async (deps: SubmitDeps, reference: string, baseUrl: string) => {
  if (!deps.workflow) return;
  try {
    await deps.workflow.start(reference, baseUrl);
  } catch (error) {
    logger.error('workflow not started', { reference, error: error as Error });
  }
};
