import { jakartaIso } from '../../../kernel/time';
import { logger } from '../../../platform/observability/logger';
import { locksOf } from '../../domain/claim';
import type { ClaimMessages, ClaimStore, Disbursement, Notifier } from '../ports';

export interface PayDeps {
  claims: ClaimStore;
  bank: Disbursement;
  notifier: Notifier;
  messages: ClaimMessages;
  now?: () => Date;
}

/** The claim is in no state to be paid (a bug or a manual change): not retried. */
export class ClaimNotPayableError extends Error {
  override name = 'ClaimNotPayableError';
}

/**
 * Pays an approved claim once. APPROVED becomes PAYING before the bank is called, in one write with the payout
 * reservation of the member and benefit (a competing claim holding it stops this one); the bank receives the claim
 * reference as idempotency key, so a retry after a timeout returns the first transfer instead of sending a second.
 * BankUnavailableError (timeouts, 5xx) is retried by the state machine; BankRejectedError goes to finance.
 */
/** `amount` is set when this run made the transfer (not when the claim was found paid already). */
export const payClaim = async (
  deps: PayDeps,
  { reference, baseUrl }: { reference: string; baseUrl: string },
): Promise<{ paid: true; amount?: number }> => {
  let claim = await deps.claims.get(reference);
  if (!claim) throw new Error(`Claim ${reference} not found`);
  if (claim.status === 'PAID') return { paid: true };
  const amount = claim.verification?.benefit?.total;
  if (!amount || amount <= 0) throw new ClaimNotPayableError(`Claim ${reference} has no computed benefit`);
  if (claim.status === 'APPROVED') {
    const at = jakartaIso(deps.now?.());
    claim = await deps.claims.transition(reference, {
      from: ['APPROVED'],
      to: 'PAYING',
      at,
      set: { pendingTask: undefined },
      // The one payout of this member and benefit, checked again in the same write, before the bank is called.
      reservePayout: locksOf(claim),
      timeline: { status: 'PAYING', at },
      audit: { type: 'PAYOUT_STARTED', at, actor: { kind: 'system' }, details: { amount } },
    });
  } else if (claim.status !== 'PAYING') {
    throw new ClaimNotPayableError(`Claim ${reference} is ${claim.status}`);
  }

  const receipt = await deps.bank.transfer({ reference, amount, ...claim.bankAccount });
  const at = jakartaIso(deps.now?.());
  const components = claim.verification?.benefit?.components.map(({ code, amount: a }) => ({ code, amount: a })) ?? [];
  const paid = await deps.claims.transition(reference, {
    from: ['PAYING'],
    to: 'PAID',
    at,
    set: { payment: { amount, currency: 'IDR', paidAt: receipt.completedAt || at, components, transferId: receipt.transferId } },
    timeline: { status: 'PAID', at },
    markPaid: locksOf(claim),
    audit: { type: 'PAID', at, actor: { kind: 'system' }, details: { amount, transferId: receipt.transferId } },
  });
  logger.info('claim paid', { amount });
  await Promise.all([
    deps.notifier.email([paid.claimant.email ?? ''], deps.messages.family.paid(paid, amount, baseUrl)),
    deps.notifier.sms(paid.claimant.phone, deps.messages.sms.paid(paid, amount, baseUrl)),
  ]);
  return { paid: true, amount };
};
