import { ConflictError, NotFoundError } from '../../../kernel/errors';
import { jakartaIso } from '../../../kernel/time';
import { t } from '../../../messages';
import { logger } from '../../../platform/observability/logger';
import { secondsUntil } from '../../../reference-data/working-days';
import { requireRole, type StaffUser } from '../../../staff/domain/roles';
import type { Claim, TimelineEntry } from '../../domain/claim';
import { type Tranche, type TrancheStatus, trancheNote, trancheTransferKey } from '../../domain/tranche';
import { answerTask } from '../answer-task';
import { ClaimNotPayableError } from '../payout/pay-claim';
import type { ClaimMessages, ClaimStore, ClaimWorkflow, Disbursement, Notifier, StaffEmails } from '../ports';
import { changeTranche, findTranche } from './change-tranches';

/**
 * The tasks of a tranche's execution (`<reference>-T2`): the same state machine, the same task functions, acting on
 * the tranche the execution input names instead of on the claim's first payment. Each is safe to run again, like the
 * first payment's: the tranche's stored status says where it is.
 */

const MIN_APPROVAL_SECONDS = 3600;

export type TrancheNext = 'DONE' | 'AWAIT_DECISION' | 'ESCALATE' | 'PAY' | 'PAYOUT_FAILED';

const trancheOf = (claim: Claim | undefined, reference: string, id: string): { claim: Claim; tranche: Tranche } => {
  if (!claim) throw new Error(`Claim ${reference} not found`);
  const tranche = findTranche(claim, id);
  if (!tranche) throw new Error(`Tranche ${id} of claim ${reference} not found`);
  return { claim, tranche };
};

/** The timeline entry of a tranche step: the tranche's status, and a note in Bahasa Indonesia naming the tranche. */
const entry = (tranche: Tranche, status: TrancheStatus, at: string, note?: string): TimelineEntry => ({
  status,
  at,
  tranche: tranche.id,
  note: note ?? trancheNote(tranche),
});

/**
 * Verify, for a tranche: no eligibility, documents or pricing (all done when staff asked for it); routes by the
 * tranche's status straight to the decision, the payment or the end.
 */
export const routeTranche = async (
  deps: { claims: ClaimStore; policy: { approvalTimeoutOverride?: number }; now?: () => Date },
  { reference, tranche: id }: { reference: string; tranche: string },
): Promise<{ next: TrancheNext; approvalTimeoutSeconds: number; error?: { Error: string; Cause: string } }> => {
  const { tranche } = trancheOf(await deps.claims.get(reference), reference, id);
  const now = jakartaIso(deps.now?.());
  switch (tranche.status) {
    case 'AWAITING_APPROVAL': {
      if (tranche.pendingTask?.escalated) return { next: 'ESCALATE', approvalTimeoutSeconds: MIN_APPROVAL_SECONDS };
      // A first wait never less than an hour; a resumed one until the stored escalation time (at least a minute).
      const least = tranche.pendingTask ? 60 : MIN_APPROVAL_SECONDS;
      const seconds = Math.max(least, secondsUntil(tranche.approval.escalateAt, now));
      return { next: 'AWAIT_DECISION', approvalTimeoutSeconds: deps.policy.approvalTimeoutOverride ?? seconds };
    }
    case 'APPROVED':
    case 'PAYING':
      return { next: 'PAY', approvalTimeoutSeconds: MIN_APPROVAL_SECONDS };
    case 'PAYOUT_FAILED':
      return {
        next: 'PAYOUT_FAILED',
        approvalTimeoutSeconds: MIN_APPROVAL_SECONDS,
        error: { Error: 'PayoutFailed', Cause: 'resumed after a restart' },
      };
    default:
      return { next: 'DONE', approvalTimeoutSeconds: MIN_APPROVAL_SECONDS };
  }
};

/** AwaitDecision/EscalateDecision for a tranche: the token is stored on the tranche and staff are emailed. */
export const requestTrancheDecision = async (
  deps: {
    claims: ClaimStore;
    workflow: Pick<ClaimWorkflow, 'succeed'>;
    notifier: Notifier;
    messages: ClaimMessages;
    staffEmails: Pick<StaffEmails, 'approver' | 'supervisor'>;
    now?: () => Date;
  },
  {
    reference,
    baseUrl,
    taskToken,
    escalated = false,
    tranche: id,
  }: { reference: string; baseUrl: string; taskToken: string; escalated?: boolean; tranche: string },
) => {
  const at = jakartaIso(deps.now?.());
  let previous: Tranche['pendingTask'];
  const done = await changeTranche(deps.claims, reference, (claim) => {
    const { tranche } = trancheOf(claim, reference, id);
    if (tranche.status !== 'AWAITING_APPROVAL') return undefined;
    previous = tranche.pendingTask;
    return {
      tranche: { ...tranche, pendingTask: { kind: 'decision', token: taskToken, since: at, escalated } },
      audit: {
        type: escalated ? 'TRANCHE_APPROVAL_ESCALATED' : 'TRANCHE_APPROVAL_REQUESTED',
        at,
        actor: { kind: 'system' },
        details: { tranche: id },
      },
    };
  });
  if (!done) {
    // Decided while no token was waiting: pass the decision on.
    const { tranche } = trancheOf(await deps.claims.get(reference), reference, id);
    await deps.workflow.succeed(taskToken, { outcome: tranche.status === 'REJECTED' ? 'rejected' : 'approved' });
    return;
  }
  const hoursSince = previous ? (Date.parse(at) - Date.parse(previous.since)) / 3_600_000 : Infinity;
  if (previous?.kind === 'decision' && previous.escalated === escalated && !(escalated && hoursSince >= 20)) return;
  const level = escalated ? 'supervisor' : done.tranche.approval.level;
  const to = level === 'supervisor' ? deps.staffEmails.supervisor : [...deps.staffEmails.approver, ...deps.staffEmails.supervisor];
  const secondApproval = done.tranche.approvals.length > 0;
  await deps.notifier.email(
    to,
    deps.messages.tranches.staff.decisionNeeded(done.claim, done.tranche, baseUrl, { escalated, secondApproval }),
  );
};

/**
 * Pay, for a tranche: APPROVED becomes PAYING before the bank is called, with the tranche's own idempotency key
 * (`<reference>/T2`), so a retry after a timeout gets the first transfer back and a tranche is paid once; the first
 * payment's key (the reference) is never reused.
 */
export const payTranche = async (
  deps: { claims: ClaimStore; bank: Disbursement; notifier: Notifier; messages: ClaimMessages; now?: () => Date },
  { reference, baseUrl, tranche: id }: { reference: string; baseUrl: string; tranche: string },
): Promise<{ paid: true; amount?: number }> => {
  let { claim, tranche } = trancheOf(await deps.claims.get(reference), reference, id);
  if (tranche.status === 'PAID') return { paid: true };
  if (tranche.amount <= 0) throw new ClaimNotPayableError(`Tranche ${id} of ${reference} has no amount`);
  if (tranche.status === 'APPROVED') {
    const at = jakartaIso(deps.now?.());
    const paying = await changeTranche(deps.claims, reference, (c) => {
      const current = trancheOf(c, reference, id).tranche;
      if (current.status !== 'APPROVED') return undefined;
      return {
        tranche: { ...current, status: 'PAYING', pendingTask: undefined },
        timeline: entry(current, 'PAYING', at),
        audit: { type: 'TRANCHE_PAYOUT_STARTED', at, actor: { kind: 'system' }, details: { tranche: id, amount: current.amount } },
      };
    });
    ({ claim, tranche } = paying ?? trancheOf(await deps.claims.get(reference), reference, id));
  }
  if (tranche.status === 'PAID') return { paid: true };
  if (tranche.status !== 'PAYING') throw new ClaimNotPayableError(`Tranche ${id} of ${reference} is ${tranche.status}`);

  const amount = tranche.amount;
  const receipt = await deps.bank.transfer({ reference: trancheTransferKey(reference, id), amount, ...claim.bankAccount });
  const at = jakartaIso(deps.now?.());
  const paid = await changeTranche(deps.claims, reference, (c) => {
    const current = trancheOf(c, reference, id).tranche;
    if (current.status !== 'PAYING') return undefined;
    return {
      tranche: {
        ...current,
        status: 'PAID',
        payoutError: undefined,
        payment: {
          amount,
          currency: 'IDR',
          paidAt: receipt.completedAt || at,
          components: current.components.map(({ code, amount: a }) => ({ code, amount: a })),
          transferId: receipt.transferId,
        },
      },
      timeline: entry(current, 'PAID', at),
      audit: { type: 'TRANCHE_PAID', at, actor: { kind: 'system' }, details: { tranche: id, amount, transferId: receipt.transferId } },
    };
  });
  if (!paid) return { paid: true };
  logger.info('tranche paid', { tranche: id, amount });
  await Promise.all([
    deps.notifier.email([paid.claim.claimant.email ?? ''], deps.messages.tranches.family.paid(paid.claim, paid.tranche, baseUrl)),
    deps.notifier.sms(paid.claim.claimant.phone, deps.messages.tranches.sms.paid(paid.claim, paid.tranche, baseUrl)),
  ]);
  return { paid: true, amount };
};

const FINANCE_REMINDER_MS = 6 * 86_400_000;

/** AwaitPayoutRetry for a tranche: PAYOUT_FAILED with the token stored on the tranche; finance and the family told. */
export const recordTranchePayoutFailure = async (
  deps: { claims: ClaimStore; notifier: Notifier; messages: ClaimMessages; staffEmails: Pick<StaffEmails, 'finance'>; now?: () => Date },
  {
    reference,
    baseUrl,
    taskToken,
    error,
    tranche: id,
  }: { reference: string; baseUrl: string; taskToken: string; error?: { Error?: string; Cause?: string }; tranche: string },
) => {
  const at = jakartaIso(deps.now?.());
  let firstTime = false;
  let remindFinance = false;
  let reason = '';
  const done = await changeTranche(deps.claims, reference, (claim) => {
    const { tranche } = trancheOf(claim, reference, id);
    if (tranche.status !== 'PAYING' && tranche.status !== 'PAYOUT_FAILED')
      throw new ConflictError('CLAIM_STATE_CHANGED', `Tranche ${id} of ${reference} is ${tranche.status}`);
    firstTime = tranche.status === 'PAYING';
    reason =
      !firstTime && tranche.payoutError ? tranche.payoutError : `${error?.Error ?? 'PayoutFailed'}: ${error?.Cause ?? ''}`.slice(0, 500);
    const previous = tranche.pendingTask;
    remindFinance = firstTime || !previous || Date.parse(at) - Date.parse(previous.since) > FINANCE_REMINDER_MS;
    return {
      tranche: { ...tranche, status: 'PAYOUT_FAILED', payoutError: reason, pendingTask: { kind: 'payout', token: taskToken, since: at } },
      timeline: firstTime ? entry(tranche, 'PAYOUT_FAILED', at) : undefined,
      audit: {
        type: firstTime ? 'TRANCHE_PAYOUT_FAILED' : 'TRANCHE_PAYOUT_RETRY_REMINDER',
        at,
        actor: { kind: 'system' },
        details: { tranche: id, error: error?.Error },
      },
    };
  });
  if (!done) return;
  const { claim } = done;
  if (remindFinance)
    await deps.notifier.email(deps.staffEmails.finance, deps.messages.staff.payoutFailed(claim, `${id}: ${reason}`, baseUrl));
  if (firstTime)
    await Promise.all([
      deps.notifier.email([claim.claimant.email ?? ''], deps.messages.family.payoutDelayed(claim, baseUrl)),
      deps.notifier.sms(claim.claimant.phone, deps.messages.sms.payoutDelayed(claim, baseUrl)),
    ]);
};

/** Finance retries a tranche's failed payout: PAYOUT_FAILED back to APPROVED, and its execution pays again. */
export const retryTranchePayout = async (
  deps: { claims: ClaimStore; workflow: Pick<ClaimWorkflow, 'succeed'>; now?: () => Date },
  reference: string,
  id: string,
  user: StaffUser,
): Promise<{ claim: Claim; tranche: Tranche }> => {
  requireRole(user, ['finance']);
  const at = jakartaIso(deps.now?.());
  let token = '';
  const done = await changeTranche(deps.claims, reference, (claim) => {
    const tranche = findTranche(claim, id);
    if (!tranche) throw new NotFoundError(`No payment ${id} on this claim.`);
    if (tranche.status !== 'PAYOUT_FAILED' || tranche.pendingTask?.kind !== 'payout')
      throw new ConflictError(
        'NOT_AWAITING_PAYOUT_RETRY',
        `Payment ${id} of claim ${reference} has no failed payout to retry (${tranche.status}).`,
      );
    token = tranche.pendingTask.token;
    return {
      tranche: { ...tranche, status: 'APPROVED', pendingTask: undefined },
      timeline: entry(tranche, 'APPROVED', at, `${tranche.id}: ${t('timeline.payoutRetried', 'id')}`),
      audit: { type: 'TRANCHE_PAYOUT_RETRY', at, actor: { kind: 'staff', id: user.username }, details: { tranche: id } },
    };
  });
  if (!done) throw new NotFoundError('No claim with this reference.');
  await answerTask(deps.workflow, token, { retry: true });
  return done;
};
