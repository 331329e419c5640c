import { jakartaIso } from '../../../kernel/time';
import type { ClaimMessages, ClaimStore, Notifier, StaffEmails } from '../ports';

export interface PayoutFailureDeps {
  claims: ClaimStore;
  notifier: Notifier;
  messages: ClaimMessages;
  staffEmails: Pick<StaffEmails, 'finance'>;
  now?: () => Date;
}

export interface PayoutFailure {
  reference: string;
  baseUrl: string;
  taskToken: string;
  error?: { Error?: string; Cause?: string };
}

/** Finance is reminded of a failed payout at most this often while it waits. */
const FINANCE_REMINDER_MS = 6 * 86_400_000;

/**
 * After a permanent payout failure the workflow waits for finance: PAYOUT_FAILED with the token stored, finance
 * emailed, the family told the transfer is delayed. Finance answers with a payout retry.
 */
export const recordPayoutFailure = async (deps: PayoutFailureDeps, { reference, baseUrl, taskToken, error }: PayoutFailure) => {
  const at = jakartaIso(deps.now?.());
  const claim = await deps.claims.get(reference);
  if (!claim) throw new Error(`Claim ${reference} not found`);
  const firstTime = claim.status === 'PAYING';
  const stored = (claim as typeof claim & { payoutError?: string }).payoutError;
  // A resumed execution (after a restart) passes the stored reason back: keep it as it was.
  const reason = !firstTime && stored ? stored : `${error?.Error ?? 'PayoutFailed'}: ${error?.Cause ?? ''}`.slice(0, 500);
  const previous = claim.pendingTask;
  const remindFinance = firstTime || !previous || Date.parse(at) - Date.parse(previous.since) > FINANCE_REMINDER_MS;
  const failed = await deps.claims.transition(reference, {
    from: ['PAYING', 'PAYOUT_FAILED'],
    to: 'PAYOUT_FAILED',
    at,
    set: { pendingTask: { kind: 'payout', token: taskToken, since: at }, payoutError: reason },
    timeline: firstTime ? { status: 'PAYOUT_FAILED', at } : undefined,
    audit: { type: firstTime ? 'PAYOUT_FAILED' : 'PAYOUT_RETRY_REMINDER', at, actor: { kind: 'system' }, details: { error: error?.Error } },
  });
  if (remindFinance) await deps.notifier.email(deps.staffEmails.finance, deps.messages.staff.payoutFailed(failed, reason, baseUrl));
  if (firstTime) {
    await Promise.all([
      deps.notifier.email([failed.claimant.email ?? ''], deps.messages.family.payoutDelayed(failed, baseUrl)),
      deps.notifier.sms(failed.claimant.phone, deps.messages.sms.payoutDelayed(failed, baseUrl)),
    ]);
  }
};
