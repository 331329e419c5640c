import { jakartaIso } from '../../../kernel/time';
import type { ClaimMessages, ClaimStore, ClaimWorkflow, Notifier, StaffEmails } from '../ports';

export interface RequestDecisionDeps {
  claims: ClaimStore;
  workflow: Pick<ClaimWorkflow, 'succeed'>;
  notifier: Notifier;
  messages: ClaimMessages;
  staffEmails: Pick<StaffEmails, 'approver' | 'supervisor'>;
  now?: () => Date;
}

export interface DecisionWait {
  reference: string;
  baseUrl: string;
  taskToken: string;
  escalated?: boolean;
}

/**
 * The workflow waits for a decision: the token is stored on the claim and the approvers (or, once the approval
 * timed out, the supervisors) are emailed a summary with a link to the claim page. The decision answers the token.
 * Safe to run again: a claim decided meanwhile answers its own token; a restart does not email twice.
 */
export const requestDecision = async (deps: RequestDecisionDeps, { reference, baseUrl, taskToken, escalated = false }: DecisionWait) => {
  const at = jakartaIso(deps.now?.());
  const claim = await deps.claims.get(reference);
  if (!claim) throw new Error(`Claim ${reference} not found`);
  if (claim.status !== 'AWAITING_APPROVAL') {
    // Decided or closed while no token was waiting (e.g. during an escalation): pass the outcome on. Only an
    // approved claim goes on to Pay; a rejected or closed (withdrawn) one ends.
    const approved = claim.decision?.outcome === 'approved' && ['APPROVED', 'PAYING', 'PAID', 'PAYOUT_FAILED'].includes(claim.status);
    const outcome = approved ? 'approved' : claim.closure ? 'closed' : 'rejected';
    await deps.workflow.succeed(taskToken, { outcome });
    return;
  }
  const previous = claim.pendingTask;
  const updated = await deps.claims.transition(reference, {
    from: ['AWAITING_APPROVAL'],
    at,
    set: { pendingTask: { kind: 'decision', token: taskToken, since: at, escalated } },
    audit: { type: escalated ? 'APPROVAL_ESCALATED' : 'APPROVAL_REQUESTED', at, actor: { kind: 'system' } },
  });
  // A resumed execution (a restart) does not email the same people twice; the daily escalation wait, however, ends
  // with a reminder to the supervisors when a day has passed since they were last asked.
  const hoursSince = previous ? (Date.parse(at) - Date.parse(previous.since)) / 3_600_000 : Infinity;
  const alreadyAsked = previous?.kind === 'decision' && previous.escalated === escalated && !(escalated && hoursSince >= 20);
  if (alreadyAsked) return;
  const level = escalated ? 'supervisor' : (updated.verification?.approval?.level ?? 'approver');
  const to = level === 'supervisor' ? deps.staffEmails.supervisor : [...deps.staffEmails.approver, ...deps.staffEmails.supervisor];
  const secondApproval = (updated.approvals?.length ?? 0) > 0;
  await deps.notifier.email(to, deps.messages.staff.decisionNeeded(updated, baseUrl, { escalated, secondApproval }));
};
