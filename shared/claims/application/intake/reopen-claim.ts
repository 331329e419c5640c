import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors';
import { jakartaDate, jakartaIso } from '../../../kernel/time';
import { t } from '../../../messages';
import { logger } from '../../../platform/observability/logger';
import { type Claim, type ClaimDocument, type ClaimStatus, type Correction, type DocumentType, locksOf } from '../../domain/claim';
import { appealRefusal, CORRECTABLE, correctableReason, correctionRefusal, last4 } from '../../domain/reopening';
import { missingDocuments } from '../../domain/rules/documents';
import type { ClaimMessages, ClaimStore, ClaimWorkflow, Notifier, StaffEmails } from '../ports';
import { UploadsRefusedError } from '../ports';
import { type ClaimantLookupDeps, findClaimOfClaimant } from './find-claim';
import { type DocumentDeps, refusedUploadsError, resolveDocuments } from './resolve-documents';

export interface ReopenDeps extends DocumentDeps, ClaimantLookupDeps {
  claims: ClaimStore;
  workflow: Pick<ClaimWorkflow, 'restart'>;
  notifier: Notifier;
  messages: ClaimMessages;
  staffEmails: Pick<StaffEmails, 'supervisor'>;
  /** Days after the rejection an appeal is taken (APPEAL_WINDOW_DAYS, default 30). */
  appealWindowDays: number;
  now?: () => Date;
}

interface FamilyRequest {
  reference: string;
  /** The claimant's NIK: proves the claim is theirs (a wrong one is the same 404 as an unknown reference). */
  nik: string;
  /** The client's address, for the limit on wrong NIKs per reference. */
  sourceIp: string;
  documents?: { type: DocumentType; uploadId: string }[];
  /** The public base URL, for links in messages. */
  baseUrl: string;
}

export interface CorrectionInput extends FamilyRequest {
  member?: { nik: string; name: string };
}

export interface AppealInput extends FamilyRequest {
  statement: string;
}

export interface ReopenResult {
  reference: string;
  status: ClaimStatus;
  /** True when this request repeated one already applied (a retry after a lost answer): nothing new was written. */
  replayed: boolean;
}

const refused = (code: string, message: string) => new ConflictError(code, message);

/** The documents of the request, checked, added to the claim's own (an upload already on the claim is not added twice). */
const withDocuments = async (deps: ReopenDeps, claim: Claim, submitted: FamilyRequest['documents']) => {
  const added = await resolveDocuments(deps, submitted ?? []);
  const known = new Set(claim.documents.map((d) => d.uploadId));
  const documents: ClaimDocument[] = [...claim.documents, ...added.filter((d) => !known.has(d.uploadId))];
  return { documents, added: documents.length - claim.documents.length };
};

const uploadsRefused = (submitted: FamilyRequest['documents']) => (error: unknown) => {
  throw error instanceof UploadsRefusedError ? refusedUploadsError(submitted ?? [], error) : error;
};

/**
 * POST /claims/{reference}/correction: a claim rejected for something the family typed or had not sent yet is
 * corrected (the member NIK and name, or the documents) and verified again on the same reference, its history
 * kept. Allowed within the claim window and at most MAX_CORRECTIONS times. The claim takes its claimant's open-claim
 * lock again (for the corrected member), so a family cannot hold two open claims for one member through it. A retry
 * of a correction already applied answers as the first did and starts the same verification run (never a second).
 */
export const correctClaim = async (deps: ReopenDeps, input: CorrectionInput): Promise<ReopenResult> => {
  const claim = await findClaimOfClaimant(deps, input);
  if (!claim) throw new NotFoundError('No claim with this reference and claimant NIK.');
  const now = deps.now?.() ?? new Date();

  // A retry of the correction that reopened this claim: the same member, and the claim moved on from it.
  const sameMember = !input.member || (input.member.nik === claim.member.nik && input.member.name === claim.member.name);
  const known = new Set(claim.documents.map((d) => d.uploadId));
  const nothingNew = (input.documents ?? []).every((d) => known.has(d.uploadId));
  if (claim.status !== 'REJECTED' && claim.corrections?.length && claim.round && sameMember && nothingNew) {
    await startRound(deps, claim.reference, claim.round, input.baseUrl);
    return { reference: claim.reference, status: claim.status, replayed: true };
  }

  const refusal = correctionRefusal(claim, jakartaDate(now));
  if (refusal) throw refused(refusal, `Claim ${claim.reference} cannot be corrected (${refusal}).`);
  const reasonCode = correctableReason(claim)!;
  const kind = CORRECTABLE[reasonCode];
  const member = input.member ?? claim.member;
  const memberChanged = member.nik !== claim.member.nik || member.name !== claim.member.name;
  if (kind === 'member' && !memberChanged)
    throw new ValidationError(
      [{ path: 'member.nik', code: input.member ? 'correction.unchanged' : 'required' }],
      'Give the corrected member NIK and name.',
    );
  if (kind === 'member' && member.nik === claim.claimant.nik && claim.incident.type === 'death')
    throw new ValidationError(
      [{ path: 'member.nik', code: 'claimant.sameAsMember' }],
      'The member cannot be the claimant of a death claim.',
    );
  const { documents, added } = await withDocuments(deps, claim, input.documents);
  if (kind === 'documents' && !memberChanged && added === 0)
    throw new ValidationError([{ path: 'documents', code: 'required' }], 'Send the missing documents.');

  const at = jakartaIso(now);
  const round = (claim.round ?? 0) + 1;
  const correction: Correction = {
    at,
    reasonCode,
    before: { nikLast4: last4(claim.member.nik), name: claim.member.name },
    memberChanged,
    documentsAdded: added,
  };
  const corrected = { ...claim, member };
  const missing = missingDocuments(
    { benefit: claim.benefit, incidentType: claim.incident.type, relationship: claim.claimant.relationship, cause: claim.incident.cause },
    documents.map((d) => d.type),
  );
  const reopened = await deps.claims
    .transition(claim.reference, {
      from: ['REJECTED'],
      expectVersion: claim.version,
      to: 'SUBMITTED',
      at,
      set: {
        member,
        documents,
        missingDocuments: missing,
        corrections: [...(claim.corrections ?? []), correction],
        round,
        decision: undefined,
        documentsDueBy: undefined,
        verification: undefined,
        approvals: undefined,
      },
      timeline: { status: 'SUBMITTED', at, note: t('timeline.corrected', 'id') },
      audit: {
        type: 'CLAIM_CORRECTED',
        at,
        actor: { kind: 'family' },
        details: { reasonCode, round, memberChanged, memberNikLast4: last4(member.nik), documentsAdded: added },
      },
      takeLock: locksOf(corrected),
      useUploads: (input.documents ?? []).map((d) => ({ uploadId: d.uploadId, type: d.type })),
    })
    .catch(uploadsRefused(input.documents));
  await startRound(deps, reopened.reference, round, input.baseUrl);
  return { reference: reopened.reference, status: reopened.status, replayed: false };
};

/**
 * POST /claims/{reference}/appeal (api.md): within the appeal window after a rejection, once per claim, the family
 * sends a statement and new documents. The claim waits for a supervisor (`APPEALED`), holding its claimant's lock
 * again; the supervisors are emailed and the family told it was received. A retry of the same appeal answers 201 again.
 */
export const appealClaim = async (deps: ReopenDeps, input: AppealInput): Promise<ReopenResult> => {
  const claim = await findClaimOfClaimant(deps, input);
  if (!claim) throw new NotFoundError('No claim with this reference and claimant NIK.');
  if (claim.appeal && claim.appeal.statement === input.statement && !claim.appeal.outcome)
    return { reference: claim.reference, status: claim.status, replayed: true };
  const now = deps.now?.() ?? new Date();
  const refusal = appealRefusal(claim, jakartaDate(now), deps.appealWindowDays);
  if (refusal) throw refused(refusal, `Claim ${claim.reference} cannot be appealed (${refusal}).`);
  const { documents, added } = await withDocuments(deps, claim, input.documents);
  const at = jakartaIso(now);
  const { reasonCode, reason, decidedBy, at: decidedAt } = claim.decision ?? {};
  const appealed = await deps.claims
    .transition(claim.reference, {
      from: ['REJECTED'],
      expectVersion: claim.version,
      to: 'APPEALED',
      at,
      set: {
        documents,
        appeal: { at, statement: input.statement, against: { reasonCode, reason, decidedBy, at: decidedAt }, documentsAdded: added },
      },
      timeline: { status: 'APPEALED', at },
      audit: { type: 'APPEAL_FILED', at, actor: { kind: 'family' }, details: { reasonCode, documentsAdded: added } },
      takeLock: locksOf(claim),
      useUploads: (input.documents ?? []).map((d) => ({ uploadId: d.uploadId, type: d.type })),
    })
    .catch(uploadsRefused(input.documents));
  await Promise.all([
    deps.notifier.email(deps.staffEmails.supervisor, deps.messages.appeals.staff.filed(appealed, input.baseUrl)),
    deps.notifier.email([appealed.claimant.email ?? ''], await deps.messages.appeals.family.received(appealed, input.baseUrl)),
    deps.notifier.sms(appealed.claimant.phone, await deps.messages.appeals.sms.received(appealed, input.baseUrl)),
  ]);
  return { reference: appealed.reference, status: appealed.status, replayed: false };
};

/**
 * Starts the verification run of a reopened claim. The claim is already stored as SUBMITTED, so a failure here does
 * not fail the family's request: it is logged, and a retry of the same request starts the run (a second start of
 * one round duplicates nothing; the twin also resumes every SUBMITTED claim when it restarts).
 */
export const startRound = async (deps: Pick<ReopenDeps, 'workflow'>, reference: string, round: number, baseUrl: string) => {
  try {
    await deps.workflow.restart(reference, baseUrl, round);
  } catch (error) {
    logger.error('workflow not restarted', { reference, round, error: error as Error });
  }
};
