import { timingSafeEqual } from 'node:crypto';
import { TooManyAttemptsError } from '../../../kernel/errors';
import { logger } from '../../../platform/observability/logger';
import type { Claim } from '../../domain/claim';
import { lookupClientKey } from '../../domain/lookup-limit';
import { normalizeReference, REFERENCE_PATTERN } from '../../domain/reference';
import { STATUS_TOKEN_PATTERN } from '../../domain/status-link';
import type { ClaimStore, LookupAttempts } from '../ports';
import type { StatusLinks } from '../status-links';

const sameNik = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export interface ClaimantLookupDeps {
  claims: ClaimStore;
  /** Wrong NIKs per reference and window (domain/lookup-limit.ts); composition gives an unlimited one when it is off. */
  attempts: LookupAttempts;
  /** Checks status link tokens (`?t=`); without it a token opens nothing. */
  links?: Pick<StatusLinks, 'opens'>;
  now?: () => Date;
}

export interface ClaimantLookup {
  reference: string;
  /** The claimant's NIK, typed by hand (the lookup form, `?nik=`, the status page's forms). */
  nik?: string;
  /** Or the token of a status link from an email or SMS (`?t=`); when given, it is the credential and `nik` is ignored. */
  token?: string;
  /** The client's address (API Gateway's `requestContext.http.sourceIp`), counted by its network. */
  sourceIp: string;
}

/**
 * The claim with this reference when the caller proves it is the claimant's: the claimant's NIK, or a status link
 * token made for this claim (not expired, not revoked); undefined otherwise. An unknown reference, a wrong NIK and a
 * wrong, expired or revoked token look alike (and take alike), so the family pages cannot be used to probe references.
 * Every well-formed attempt counts against the reference's window before it is compared, a known reference or not;
 * the right one takes its attempt back. Past the limit it is a TooManyAttemptsError (429), the right one too.
 * Malformed input never reaches the store and counts for nothing (it cannot be right).
 */
export const findClaimOfClaimant = async (deps: ClaimantLookupDeps, lookup: ClaimantLookup): Promise<Claim | undefined> => {
  const reference = normalizeReference(lookup.reference);
  const token = lookup.token;
  const nik = (lookup.nik ?? '').replace(/[\s.-]/g, '');
  if (!REFERENCE_PATTERN.test(reference)) return undefined;
  if (token !== undefined ? !STATUS_TOKEN_PATTERN.test(token) : !/^\d{16}$/.test(nik)) return undefined;
  const client = lookupClientKey(lookup.sourceIp);
  const admission = await deps.attempts.begin(reference, client, deps.now?.() ?? new Date());
  if (!admission.admitted) throw new TooManyAttemptsError(admission.retryAfterSeconds);
  const claim = await deps.claims.get(reference);
  if (!claim) return undefined;
  const theirs = token !== undefined ? ((await deps.links?.opens(claim, token)) ?? false) : sameNik(claim.claimant.nik, nik);
  if (!theirs) return undefined;
  try {
    await deps.attempts.succeeded(reference, client, admission.window);
  } catch (error) {
    // The family is answered anyway: one attempt stays counted against the reference until its window ends.
    logger.warn('lookup attempt not taken back', { error: error as Error });
  }
  return claim;
};

/** The family's view of a claim: no staff notes, no bank account, no NIKs; api.md's fields only. */
export const publicStatus = (claim: Claim) => ({
  reference: claim.reference,
  status: claim.status,
  benefit: claim.benefit,
  submittedAt: claim.submittedAt,
  timeline: claim.timeline,
  missingDocuments: claim.missingDocuments,
  ...(claim.decision
    ? { decision: { outcome: claim.decision.outcome, reasonCode: claim.decision.reasonCode, reason: claim.decision.reason } }
    : {}),
  ...(claim.payment
    ? {
        payout: {
          amount: claim.payment.amount,
          currency: claim.payment.currency,
          paidAt: claim.payment.paidAt,
          components: claim.payment.components,
        },
      }
    : {}),
  ...(claim.tranches?.length
    ? {
        tranches: claim.tranches.map((t) => ({
          id: t.id,
          kind: t.kind,
          status: t.status,
          amount: t.amount,
          currency: t.currency,
          ...(t.schoolYear ? { schoolYear: t.schoolYear } : {}),
          ...(t.payment ? { paidAt: t.payment.paidAt } : {}),
        })),
      }
    : {}),
});
