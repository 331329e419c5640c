import { randomBytes } from 'node:crypto';
import { NotFoundError, ValidationError } from '../../../kernel/errors';
import { jakartaIso } from '../../../kernel/time';
import { requireRole, type StaffUser } from '../../../staff/domain/roles';
import type { Claim } from '../../domain/claim';
import type { ClaimSubmission } from '../../schemas/claim';
import type { ClaimDraft, ClaimStore, DraftStore, MemberLookup } from '../ports';
import { type FormSubmitOutcome, type SubmitDeps, submitClaim, submitUnlessDocumentsMissing } from './submit-claim';

/**
 * Assisted filing: a signed-in field coordinator (role `coordinator`, scoped to districts) files a claim for a family
 * from the same form, keeps drafts, and follows the claims of their districts. The claimant is still the family: their
 * phone and email get every message, and their NIK opens the status page as for any claim.
 */
const COORDINATOR = ['coordinator'] as const;

export interface AssistedDeps extends SubmitDeps {
  members: MemberLookup;
  drafts: DraftStore;
}

/** Draft ids: 16 base64url characters, made here; anything else in a URL is not a draft. */
const DRAFT_ID = /^[A-Za-z0-9_-]{16}$/;
export const isDraftId = (id: string | undefined): id is string => typeof id === 'string' && DRAFT_ID.test(id);
const newDraftId = () => randomBytes(12).toString('base64url');

/** A coordinator keeps at most this many drafts (each holds a family's data until filed or expired). */
export const MAX_DRAFTS = 50;

/**
 * Files the claim for the family. The member must be on the roster in one of the coordinator's districts, else a 400 on
 * `member.nik` (a coordinator learns only whether a NIK is a member of their own districts). The claim records who
 * filed it and the member's district; the draft it came from, if any, is removed.
 */
export const fileForFamily = async (
  deps: AssistedDeps,
  user: StaffUser,
  submission: ClaimSubmission,
  options: {
    baseUrl: string;
    idempotency?: { key: string; requestHash: string } | undefined;
    draftId?: string | undefined;
    /** The form asks once before filing without required documents (the family sends them later). */
    askFirst?: boolean;
  },
): Promise<FormSubmitOutcome> => {
  requireRole(user, COORDINATOR);
  const today = jakartaIso(deps.now?.() ?? new Date());
  const { member } = await deps.members.getWithCoverage(submission.member.nik, today.slice(0, 7));
  if (!member || !(user.districts ?? []).includes(member.district))
    throw new ValidationError([{ path: 'member.nik', code: 'member.notInDistricts' }], 'No member with this NIK in your districts.');
  const submitOptions = {
    channel: 'form' as const,
    baseUrl: options.baseUrl,
    ...(options.idempotency ? { idempotency: options.idempotency } : {}),
    filedBy: { username: user.username, district: member.district },
  };
  const result: FormSubmitOutcome = options.askFirst
    ? await submitUnlessDocumentsMissing(deps, submission, submitOptions)
    : { kind: 'filed', outcome: await submitClaim(deps, submission, submitOptions) };
  if (result.kind === 'filed' && isDraftId(options.draftId)) await deps.drafts.remove(user.username, options.draftId);
  return result;
};

/** Saves what was typed as a draft (new, or over the coordinator's own draft with that id); returns its id. */
export const saveDraft = async (
  deps: Pick<AssistedDeps, 'drafts' | 'now'>,
  user: StaffUser,
  values: Record<string, unknown>,
  draftId?: string,
): Promise<string> => {
  requireRole(user, COORDINATOR);
  const existing = isDraftId(draftId) ? await deps.drafts.get(user.username, draftId) : undefined;
  if (!existing && (await deps.drafts.list(user.username)).length >= MAX_DRAFTS)
    throw new ValidationError([{ path: 'draft', code: 'drafts.tooMany' }], `At most ${MAX_DRAFTS} drafts; file or delete some first.`);
  const member = values.member as { name?: unknown } | undefined;
  const draft: ClaimDraft = {
    id: existing?.id ?? newDraftId(),
    username: user.username,
    values,
    label: typeof member?.name === 'string' ? member.name.trim().slice(0, 100) : '',
    updatedAt: jakartaIso(deps.now?.() ?? new Date()),
  };
  await deps.drafts.save(draft);
  return draft.id;
};

/** One of the coordinator's own drafts (another's id is the same 404 as none). */
export const draftOf = async (deps: Pick<AssistedDeps, 'drafts'>, user: StaffUser, draftId: string): Promise<ClaimDraft> => {
  requireRole(user, COORDINATOR);
  const draft = isDraftId(draftId) ? await deps.drafts.get(user.username, draftId) : undefined;
  if (!draft) throw new NotFoundError('No such draft.');
  return draft;
};

export const deleteDraft = async (deps: Pick<AssistedDeps, 'drafts'>, user: StaffUser, draftId: string): Promise<void> => {
  requireRole(user, COORDINATOR);
  if (isDraftId(draftId)) await deps.drafts.remove(user.username, draftId);
};

/** Claims per district shown on the coordinator's page (newest first). */
const PER_DISTRICT = 50;

/** The coordinator's page: their drafts, and the claims of their districts (newest first), with who filed each. */
export const coordinatorHome = async (
  deps: { claims: Pick<ClaimStore, 'listByDistrict'>; drafts: DraftStore },
  user: StaffUser,
): Promise<{ drafts: ClaimDraft[]; claims: Claim[] }> => {
  requireRole(user, COORDINATOR);
  const [drafts, ...pages] = await Promise.all([
    deps.drafts.list(user.username),
    ...(user.districts ?? []).map((d) => deps.claims.listByDistrict(d, PER_DISTRICT)),
  ]);
  const claims = pages.flatMap((p) => p.items).sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  return { drafts, claims };
};

/** One claim of the coordinator's districts; any other claim is the same 404 as an unknown reference. */
export const claimOfDistricts = async (deps: { claims: Pick<ClaimStore, 'get'> }, user: StaffUser, reference: string): Promise<Claim> => {
  requireRole(user, COORDINATOR);
  const claim = await deps.claims.get(reference);
  if (!claim?.district || !(user.districts ?? []).includes(claim.district))
    throw new NotFoundError('No claim with this reference in your districts.');
  return claim;
};
