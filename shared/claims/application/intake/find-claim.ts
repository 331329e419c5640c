import { timingSafeEqual } from 'node:crypto';
import type { Claim } from '../../domain/claim';
import { normalizeReference, REFERENCE_PATTERN } from '../../domain/reference';
import type { ClaimStore } from '../ports';

const sameNik = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The claim with this reference when it was filed by the person with this NIK; undefined otherwise. An unknown
 * reference and a wrong NIK look alike (and take alike), so the family pages cannot be used to probe references.
 */
export const findClaimOfClaimant = async (claims: ClaimStore, rawReference: string, rawNik: string): Promise<Claim | undefined> => {
  const reference = normalizeReference(rawReference);
  const nik = rawNik.replace(/[\s.-]/g, '');
  if (!REFERENCE_PATTERN.test(reference) || !/^\d{16}$/.test(nik)) return undefined;
  const claim = await claims.get(reference);
  return claim && sameNik(claim.claimant.nik, nik) ? claim : undefined;
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
