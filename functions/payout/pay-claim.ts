import * as z from 'zod/mini';
import { jakartaIso } from '../../shared/kernel/time';
import { logger } from '../../shared/platform/observability/logger';
import { metrics, MetricUnit } from '../../shared/platform/observability';
import { familyMessages, familySms } from '../../shared/claims/web/notifications';
import { taskHandler } from '../../shared/platform/lambda/task-handler';
import { bank as bankClient, claims as claimsRepo, notifier as makeNotifier } from '../../shared/composition/lambda';

const claims = claimsRepo();
const notifier = makeNotifier();
const bank = bankClient();

const input = z.object({ reference: z.string(), baseUrl: z.string() });

/** The claim is in no state to be paid (a bug or a manual change): not retried. */
export class ClaimNotPayableError extends Error {
  override name = 'ClaimNotPayableError';
}

/**
 * Pays an approved claim once. APPROVED becomes PAYING before the bank is called; the bank receives the claim
 * reference as idempotency key, so a retry after a timeout returns the first transfer instead of sending a second.
 * BankUnavailableError (timeouts, 5xx) is retried by the state machine; BankRejectedError goes to finance.
 */
export const handler = taskHandler(input, async ({ reference, baseUrl }) => {
  let claim = await claims.get(reference);
  if (!claim) throw new Error(`Claim ${reference} not found`);
  if (claim.status === 'PAID') return { paid: true };
  const amount = claim.verification?.benefit?.total;
  if (!amount || amount <= 0) throw new ClaimNotPayableError(`Claim ${reference} has no computed benefit`);
  if (claim.status === 'APPROVED') {
    const at = jakartaIso();
    claim = await claims.transition(reference, {
      from: ['APPROVED'],
      to: 'PAYING',
      at,
      set: { pendingTask: undefined },
      timeline: { status: 'PAYING', at },
      audit: { type: 'PAYOUT_STARTED', at, actor: { kind: 'system' }, details: { amount } },
    });
  } else if (claim.status !== 'PAYING') {
    throw new ClaimNotPayableError(`Claim ${reference} is ${claim.status}`);
  }

  const receipt = await bank.transfer({ reference, amount, ...claim.bankAccount });
  const at = jakartaIso();
  const paid = await claims.transition(reference, {
    from: ['PAYING'],
    to: 'PAID',
    at,
    set: { payment: { amount, currency: 'IDR', paidAt: receipt.completedAt || at, components: claim.verification?.benefit?.components.map(({ code, amount: a }) => ({ code, amount: a })) ?? [], transferId: receipt.transferId } },
    timeline: { status: 'PAID', at },
    audit: { type: 'PAID', at, actor: { kind: 'system' }, details: { amount, transferId: receipt.transferId } },
  });
  logger.info('claim paid', { amount });
  metrics.addMetric('ClaimsPaid', MetricUnit.Count, 1);
  metrics.addMetric('AmountPaidIdr', MetricUnit.NoUnit, amount);
  await Promise.all([notifier.email([paid.claimant.email ?? ''], familyMessages.paid(paid, amount, baseUrl)), notifier.sms(paid.claimant.phone, familySms.paid(paid, amount))]);
  return { paid: true };
});
