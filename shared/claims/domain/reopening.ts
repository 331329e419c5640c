import type { Claim } from './claim';
import { claimWindowEnd } from './rules/claim-window';

/**
 * Two ways back for a rejected claim, on the same reference with its history kept (issue: the family's side).
 *
 * - A **correction**: the rejection came from something the family typed or has not sent yet (a member NIK mistyped
 *   by one digit, a wrong member name, documents that did not arrive in time). The family fixes it from the status
 *   page, within the claim window, and verification runs again.
 * - An **appeal**: the family disagrees with the decision. Within a window after the rejection (30 days unless
 *   configured), they send a statement and new documents; a supervisor upholds it (verification runs again, the
 *   rejection set aside) or refuses it (the rejection stands, final).
 */

/**
 * Rejections a correction can answer, and what it may change. `member`: the member NIK and name (the roster has no
 * such member, or an approver found the name wrong); `documents`: the documents that were missing.
 */
export const CORRECTABLE = {
  MEMBER_NOT_FOUND: 'member',
  MEMBER_NAME_WRONG: 'member',
  DOCUMENTS_EXPIRED: 'documents',
  DOCUMENTS_NOT_SENT: 'documents',
} as const satisfies Record<string, 'member' | 'documents'>;
export type CorrectableReason = keyof typeof CORRECTABLE;

/**
 * Corrections per claim. Each one checks the roster again, so an unlimited number would let the holder of a
 * reference probe the roster NIK by NIK; three are enough for a family that mistyped.
 */
export const MAX_CORRECTIONS = 3;

/** Days after the rejection within which the family may appeal (api.md: 30, configurable by APPEAL_WINDOW_DAYS). */
export const DEFAULT_APPEAL_WINDOW_DAYS = 30;

/** Rejections an upheld appeal can set aside in verification. A missing member cannot be: there is no wage to pay on. */
const NOT_OVERRIDABLE = ['MEMBER_NOT_FOUND', 'DOCUMENTS_EXPIRED'];

export type CorrectionRefusal = 'NOT_REJECTED' | 'NOT_CORRECTABLE' | 'TOO_MANY_CORRECTIONS' | 'CLAIM_WINDOW_EXPIRED';
export type AppealRefusal = 'NOT_REJECTED' | 'ALREADY_APPEALED' | 'APPEAL_WINDOW_CLOSED';

export const correctableReason = (claim: Pick<Claim, 'status' | 'decision'>): CorrectableReason | undefined => {
  const code = claim.decision?.reasonCode;
  return claim.status === 'REJECTED' && code && Object.hasOwn(CORRECTABLE, code) ? (code as CorrectableReason) : undefined;
};

/**
 * Why a correction is refused now, or undefined when it may go ahead. `today` is the Jakarta date. The claim window
 * is the benefit's (JKK 5 years after the accident, JKM none): a claim filed in time may be corrected while it lasts.
 */
export const correctionRefusal = (
  claim: Pick<Claim, 'status' | 'decision' | 'benefit' | 'incident' | 'corrections'>,
  today: string,
): CorrectionRefusal | undefined => {
  if (claim.status !== 'REJECTED') return 'NOT_REJECTED';
  if (!correctableReason(claim)) return 'NOT_CORRECTABLE';
  if ((claim.corrections?.length ?? 0) >= MAX_CORRECTIONS) return 'TOO_MANY_CORRECTIONS';
  const windowEnd = claimWindowEnd(claim.benefit, claim.incident.date);
  if (windowEnd !== undefined && today > windowEnd) return 'CLAIM_WINDOW_EXPIRED';
  return undefined;
};

/** The last day (Jakarta date) an appeal against this rejection is taken, or undefined when the claim has no rejection date. */
export const appealDeadline = (claim: Pick<Claim, 'decision'>, windowDays: number): string | undefined => {
  const decidedAt = claim.decision?.at;
  if (!decidedAt) return undefined;
  const day = new Date(`${decidedAt.slice(0, 10)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + windowDays);
  return day.toISOString().slice(0, 10);
};

/** Why an appeal is refused now, or undefined when it may be filed. `today` is the Jakarta date. */
export const appealRefusal = (
  claim: Pick<Claim, 'status' | 'decision' | 'appeal'>,
  today: string,
  windowDays: number,
): AppealRefusal | undefined => {
  if (claim.appeal) return 'ALREADY_APPEALED';
  if (claim.status !== 'REJECTED') return 'NOT_REJECTED';
  const deadline = appealDeadline(claim, windowDays);
  if (!deadline || today > deadline) return 'APPEAL_WINDOW_CLOSED';
  return undefined;
};

/** The rejections verification skips once the appeal against `reasonCode` is upheld (none for the non-overridable). */
export const overrideOf = (reasonCode: string | undefined): string[] =>
  reasonCode && !NOT_OVERRIDABLE.includes(reasonCode) ? [reasonCode] : [];

/** The workflow execution of a restart: `<reference>-R1`, `-R2`, ... (the first run is named by the reference alone). */
export const restartExecutionName = (reference: string, round: number): string => `${reference}-R${round}`;

/** The last 4 digits of a NIK, for audit and history (never the whole NIK). */
export const last4 = (nik: string): string => nik.slice(-4);
