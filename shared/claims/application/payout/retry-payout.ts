import { ConflictError, NotFoundError } from '../../../kernel/errors';
import { jakartaIso } from '../../../kernel/time';
import { t } from '../../../messages';
import { requireRole, type StaffUser } from '../../../staff/domain/roles';
import type { Claim } from '../../domain/claim';
import { answerTask } from '../answer-task';
import type { ClaimStore, ClaimWorkflow } from '../ports';

/** Finance retries a failed payout: PAYOUT_FAILED back to APPROVED, and the waiting workflow pays again. */
export const retryPayout = async (
  deps: { claims: ClaimStore; workflow: Pick<ClaimWorkflow, 'succeed'>; now?: () => Date },
  reference: string,
  user: StaffUser,
): Promise<Claim> => {
  requireRole(user, ['finance']);
  const claim = await deps.claims.get(reference);
  if (!claim) throw new NotFoundError('No claim with this reference.');
  const task = claim.pendingTask;
  if (claim.status !== 'PAYOUT_FAILED' || task?.kind !== 'payout') {
    throw new ConflictError('NOT_AWAITING_PAYOUT_RETRY', `Claim ${reference} has no failed payout to retry (status ${claim.status}).`);
  }
  const at = jakartaIso(deps.now?.());
  const retried = await deps.claims.transition(reference, {
    from: ['PAYOUT_FAILED'],
    to: 'APPROVED',
    at,
    expectToken: task.token,
    set: { pendingTask: undefined },
    // Timeline notes are stored in Bahasa Indonesia, the family's language (the status page shows them as they are).
    timeline: { status: 'APPROVED', at, note: t('timeline.payoutRetried', 'id') },
    audit: { type: 'PAYOUT_RETRY', at, actor: { kind: 'staff', id: user.username } },
  });
  await answerTask(deps.workflow, task.token, { retry: true });
  return retried;
};
