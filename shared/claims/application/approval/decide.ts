import type { ClaimsRepository } from '../../adapters/claims-repository';
import type { Notifier } from '../../../platform/notifications/notifier';
import { TaskTokenGoneError, type WorkflowClient } from '../../adapters/workflow-client';
import type { Claim } from '../../domain/claim';
import { jakartaIso } from '../../../kernel/time';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../kernel/errors';
import { logger } from '../../../platform/observability/logger';
import { familyMessages, familySms, staffMessages } from '../../web/notifications';
import { requireRole, type StaffUser } from '../../../staff/adapters/staff-auth';

import { texts, type Text } from '../../../messages';

/** Reasons an approver or supervisor may give for a rejection, with the text the family reads (shared/messages). */
export const STAFF_REJECTION_REASONS: Record<string, Text> = texts('staffRejection', [
  'HEIR_NOT_ENTITLED',
  'DOCUMENTS_INVALID',
  'NOT_ACTIVE_AT_INCIDENT',
  'BENEFIT_NOT_COVERED',
  'CAUSE_NOT_COVERED',
  'DUPLICATE_CLAIM',
  'OTHER',
]);

export interface DecisionInput {
  decision: 'approve' | 'reject';
  reasonCode?: string;
  note?: string;
}

export interface DecisionDeps {
  claims: ClaimsRepository;
  workflow: WorkflowClient;
  notifier: Notifier;
  staffEmails: { approver: string[]; supervisor: string[] };
}

/** Tells the waiting workflow. A token that is gone means the workflow moved on (escalation): it re-reads the claim. */
const answer = async (workflow: WorkflowClient, token: string, output: Record<string, unknown>) => {
  try {
    await workflow.succeed(token, output);
  } catch (error) {
    if (error instanceof TaskTokenGoneError) logger.warn('decision token no longer waited on; the workflow will read the decision from the claim');
    else throw error;
  }
};

/**
 * POST /staff/claims/{reference}/decision. Only a claim awaiting a decision can be decided (else 409); a claim that
 * needs a supervisor (flags, escalation) can only be decided by one (else 403); with the two-person rule, the second
 * approval must come from someone else (else 403). Every change is a conditional write on the stored task token.
 */
export const decide = async (deps: DecisionDeps, reference: string, user: StaffUser, input: DecisionInput, baseUrl: string): Promise<Claim> => {
  // The workflow may replace the task token between our read and our write (a restarted twin, an escalation):
  // read again and retry a couple of times before telling the person to try again.
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await decideOnce(deps, reference, user, input, baseUrl);
    } catch (error) {
      if (!(error instanceof ConflictError) || error.code !== 'CLAIM_STATE_CHANGED' || attempt >= 2) throw error;
    }
  }
};

const decideOnce = async (deps: DecisionDeps, reference: string, user: StaffUser, input: DecisionInput, baseUrl: string): Promise<Claim> => {
  const claim = await deps.claims.get(reference);
  if (!claim) throw new NotFoundError('No claim with this reference.');
  if (claim.status !== 'AWAITING_APPROVAL') throw new ConflictError('NOT_AWAITING_DECISION', `Claim ${reference} awaits no decision (status ${claim.status}).`);
  const task = claim.pendingTask;
  if (task?.kind !== 'decision') throw new ConflictError('NOT_AWAITING_DECISION', `Claim ${reference} is not ready for a decision yet; try again in a moment.`);
  const level = task.escalated ? 'supervisor' : (claim.verification?.approval?.level ?? 'approver');
  const role = requireRole(user, level === 'supervisor' ? ['supervisor'] : ['approver', 'supervisor']);
  const at = jakartaIso();
  const approvals = claim.approvals ?? [];

  if (input.decision === 'reject') {
    const code = input.reasonCode ?? '';
    if (!Object.hasOwn(STAFF_REJECTION_REASONS, code)) throw new ValidationError([{ path: 'reasonCode', code: input.reasonCode ? 'invalid' : 'required' }], 'A rejection needs a known reasonCode.');
    const reason = STAFF_REJECTION_REASONS[code]!.id;
    const rejected = await deps.claims.transition(reference, {
      from: ['AWAITING_APPROVAL'],
      to: 'REJECTED',
      at,
      expectToken: task.token,
      set: { decision: { outcome: 'rejected', reasonCode: code, reason, decidedBy: user.username, at }, pendingTask: undefined },
      timeline: { status: 'REJECTED', at, note: reason },
      audit: { type: 'CLAIM_REJECTED', at, actor: { kind: 'staff', id: user.username }, details: { role, reasonCode: code, note: input.note?.slice(0, 500) } },
      releaseLock: { memberNik: claim.member.nik, benefit: claim.benefit },
    });
    await answer(deps.workflow, task.token, { outcome: 'rejected' });
    await Promise.all([deps.notifier.email([rejected.claimant.email ?? ''], familyMessages.rejected(rejected, reason, baseUrl)), deps.notifier.sms(rejected.claimant.phone, familySms.rejected(rejected))]);
    return rejected;
  }

  if (approvals.some((a) => a.by === user.username)) throw new ForbiddenError('Two-person rule: the second approval must come from someone else.');
  // JKK injury benefits (temporary inability, disability, care) need an assessment the system cannot make yet.
  if (!claim.verification?.benefit || claim.verification.benefit.total <= 0) {
    throw new ConflictError('ASSESSMENT_REQUIRED', `Claim ${reference} has no computed benefit (an injury needs an assessment); it can be rejected but not approved here yet.`);
  }
  const approval = { by: user.username, role, at, ...(input.note ? { note: input.note.slice(0, 500) } : {}) };
  const needed = claim.verification?.approval?.secondApprovalRequired ? 2 : 1;
  if (approvals.length + 1 < needed) {
    const half = await deps.claims.transition(reference, {
      from: ['AWAITING_APPROVAL'],
      at,
      expectToken: task.token,
      set: { approvals: [...approvals, approval] },
      audit: { type: 'FIRST_APPROVAL', at, actor: { kind: 'staff', id: user.username }, details: { role } },
    });
    const to = level === 'supervisor' ? deps.staffEmails.supervisor : [...deps.staffEmails.approver, ...deps.staffEmails.supervisor];
    await deps.notifier.email(to, staffMessages.decisionNeeded(half, baseUrl, { escalated: !!task.escalated, secondApproval: true }));
    return half;
  }
  const approved = await deps.claims.transition(reference, {
    from: ['AWAITING_APPROVAL'],
    to: 'APPROVED',
    at,
    expectToken: task.token,
    set: { approvals: [...approvals, approval], decision: { outcome: 'approved', decidedBy: user.username, at }, pendingTask: undefined },
    timeline: { status: 'APPROVED', at },
    audit: { type: 'CLAIM_APPROVED', at, actor: { kind: 'staff', id: user.username }, details: { role, approvals: approvals.length + 1 } },
  });
  await answer(deps.workflow, task.token, { outcome: 'approved' });
  return approved;
};

/** POST /staff/claims/{reference}/payout-retry (finance): PAYOUT_FAILED back to APPROVED, and the workflow pays again. */
export const retryPayout = async (deps: Pick<DecisionDeps, 'claims' | 'workflow'>, reference: string, user: StaffUser): Promise<Claim> => {
  requireRole(user, ['finance']);
  const claim = await deps.claims.get(reference);
  if (!claim) throw new NotFoundError('No claim with this reference.');
  const task = claim.pendingTask;
  if (claim.status !== 'PAYOUT_FAILED' || task?.kind !== 'payout') throw new ConflictError('NOT_AWAITING_PAYOUT_RETRY', `Claim ${reference} has no failed payout to retry (status ${claim.status}).`);
  const at = jakartaIso();
  const retried = await deps.claims.transition(reference, {
    from: ['PAYOUT_FAILED'],
    to: 'APPROVED',
    at,
    expectToken: task.token,
    set: { pendingTask: undefined },
    timeline: { status: 'APPROVED', at, note: 'Transfer dicoba ulang oleh petugas keuangan.' },
    audit: { type: 'PAYOUT_RETRY', at, actor: { kind: 'staff', id: user.username } },
  });
  await answer(deps.workflow, task.token, { retry: true });
  return retried;
};
