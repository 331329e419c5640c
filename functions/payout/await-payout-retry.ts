import * as z from 'zod/mini';
import { jakartaIso } from '../../shared/kernel/time';
import { familyMessages, familySms, staffMessages } from '../../shared/claims/web/notifications';
import { workflowConfig } from '../../shared/composition/settings';
import { taskHandler } from '../../shared/platform/lambda/task-handler';
import { claims as claimsRepo, notifier as makeNotifier } from '../../shared/composition/lambda';

const claims = claimsRepo();
const notifier = makeNotifier();
const config = workflowConfig();

const input = z.object({
  reference: z.string(),
  baseUrl: z.string(),
  taskToken: z.string().check(z.minLength(1)),
  error: z.optional(z.object({ Error: z.optional(z.string()), Cause: z.optional(z.string()) })),
});

/**
 * waitForTaskToken after a permanent payout failure: PAYOUT_FAILED with the token stored, finance emailed, the
 * family told the transfer is delayed. Finance answers with POST /staff/claims/{ref}/payout-retry.
 */
export const handler = taskHandler(input, async ({ reference, baseUrl, taskToken, error }) => {
  const at = jakartaIso();
  const claim = await claims.get(reference);
  if (!claim) throw new Error(`Claim ${reference} not found`);
  const firstTime = claim.status === 'PAYING';
  const stored = (claim as typeof claim & { payoutError?: string }).payoutError;
  // A resumed execution (after a restart) passes the stored reason back: keep it as it was.
  const reason = !firstTime && stored ? stored : `${error?.Error ?? 'PayoutFailed'}: ${error?.Cause ?? ''}`.slice(0, 500);
  const previous = claim.pendingTask;
  const remindFinance = firstTime || !previous || Date.parse(at) - Date.parse(previous.since) > 6 * 86_400_000;
  const failed = await claims.transition(reference, {
    from: ['PAYING', 'PAYOUT_FAILED'],
    to: 'PAYOUT_FAILED',
    at,
    set: { pendingTask: { kind: 'payout', token: taskToken, since: at }, payoutError: reason },
    timeline: firstTime ? { status: 'PAYOUT_FAILED', at } : undefined,
    audit: { type: firstTime ? 'PAYOUT_FAILED' : 'PAYOUT_RETRY_REMINDER', at, actor: { kind: 'system' }, details: { error: error?.Error } },
  });
  if (remindFinance) await notifier.email(config.staffEmails.finance, staffMessages.payoutFailed(failed, reason, baseUrl));
  if (firstTime) {
    await Promise.all([
      notifier.email([failed.claimant.email ?? ''], familyMessages.payoutDelayed(failed, baseUrl)),
      notifier.sms(failed.claimant.phone, familySms.payoutDelayed(failed)),
    ]);
  }
});
