import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../kernel/errors';
import { maskNumbersInText } from '../../../kernel/mask-text';
import { jakartaIso } from '../../../kernel/time';
import { type Text, texts } from '../../../messages';
import { requireRole, type StaffUser } from '../../../staff/domain/roles';
import { type Claim, locksOf } from '../../domain/claim';
import { answerTask as answer } from '../answer-task';
import type { ClaimMessages, ClaimStore, ClaimWorkflow, Notifier, StaffEmails } from '../ports';

/** The decision's note as the audit trail keeps it: at most 500 characters, numbers that may be personal data masked. */
const auditNote = (note: string | undefined): { note?: string } => (note ? { note: maskNumbersInText(note.slice(0, 500)) } : {});

/** Reasons an approver or supervisor may give for a rejection, with the text the family reads (shared/messages). */
export const STAFF_REJECTION_REASONS: Record<string, Text> = texts('staffRejection', [
  'HEIR_NOT_ENTITLED',
  'DOCUMENTS_INVALID',
  /** The member's name on the claim is not the member's: the family can correct it from the status page. */
  'MEMBER_NAME_WRONG',
  'NOT_ACTIVE_AT_INCIDENT',
  'BENEFIT_NOT_COVERED',
  'CAUSE_NOT_COVERED',
  'DUPLICATE_CLAIM',
  'COMPETING_CLAIM_PREFERRED',
  'OTHER',
]);

export interface DecisionInput {
  decision: 'approve' | 'reject';
  reasonCode?: string;
  note?: string;
}

export interface DecisionDeps {
  claims: ClaimStore;
  workflow: Pick<ClaimWorkflow, 'succeed'>;
  notifier: Notifier;
  messages: ClaimMessages;
  staffEmails: Pick<StaffEmails, 'approver' | 'supervisor'>;
  now?: () => Date;
}

/**
 * POST /staff/claims/{reference}/decision. Only a claim awaiting a decision can be decided (else 409); a claim that
 * needs a supervisor (flags, escalation) can only be decided by one (else 403); with the two-person rule, the second
 * approval must come from someone else (else 403). Every change is a conditional write on the stored task token.
 */
export const decide = async (
  deps: DecisionDeps,
  reference: string,
  user: StaffUser,
  input: DecisionInput,
  baseUrl: string,
): Promise<Claim> => {
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

const decideOnce = async (
  deps: DecisionDeps,
  reference: string,
  user: StaffUser,
  input: DecisionInput,
  baseUrl: string,
): Promise<Claim> => {
  const claim = await deps.claims.get(reference);
  if (!claim) throw new NotFoundError('No claim with this reference.');
  if (claim.status !== 'AWAITING_APPROVAL')
    throw new ConflictError('NOT_AWAITING_DECISION', `Claim ${reference} awaits no decision (status ${claim.status}).`);
  const task = claim.pendingTask;
  if (task?.kind !== 'decision')
    throw new ConflictError('NOT_AWAITING_DECISION', `Claim ${reference} is not ready for a decision yet; try again in a moment.`);
  // Competing claims are looked up again here, not only read from the flag: a claim filed after this one was
  // verified still makes this a supervisor's decision.
  const competing = (await deps.claims.openClaimsFor(claim.member.nik, claim.benefit)).some(
    (c) => c.reference !== reference && c.claimantNik !== claim.claimant.nik,
  );
  const level = task.escalated || competing ? 'supervisor' : (claim.verification?.approval?.level ?? 'approver');
  const role = requireRole(user, level === 'supervisor' ? ['supervisor'] : ['approver', 'supervisor']);
  const at = jakartaIso(deps.now?.());
  const approvals = claim.approvals ?? [];

  if (input.decision === 'reject') {
    const code = input.reasonCode ?? '';
    if (!Object.hasOwn(STAFF_REJECTION_REASONS, code))
      throw new ValidationError(
        [{ path: 'reasonCode', code: input.reasonCode ? 'invalid' : 'required' }],
        'A rejection needs a known reasonCode.',
      );
    const reason = STAFF_REJECTION_REASONS[code]!.id;
    const rejected = await deps.claims.transition(reference, {
      from: ['AWAITING_APPROVAL'],
      to: 'REJECTED',
      at,
      expectToken: task.token,
      set: { decision: { outcome: 'rejected', reasonCode: code, reason, decidedBy: user.username, at }, pendingTask: undefined },
      timeline: { status: 'REJECTED', at, note: reason },
      audit: {
        type: 'CLAIM_REJECTED',
        at,
        actor: { kind: 'staff', id: user.username },
        details: { role, reasonCode: code, ...auditNote(input.note) },
      },
      releaseLock: locksOf(claim),
    });
    await answer(deps.workflow, task.token, { outcome: 'rejected' });
    await Promise.all([
      deps.notifier.email([rejected.claimant.email ?? ''], deps.messages.family.rejected(rejected, reason, baseUrl)),
      deps.notifier.sms(rejected.claimant.phone, deps.messages.sms.rejected(rejected, baseUrl)),
    ]);
    return rejected;
  }

  if (approvals.some((a) => a.by === user.username))
    throw new ForbiddenError('Two-person rule: the second approval must come from someone else.');
  if (claim.verification?.assessment?.by === user.username)
    throw new ForbiddenError('Two-person rule: whoever assessed the amount cannot approve it.');
  // JKK injury benefits (temporary inability, disability, care) need an assessment the system cannot make yet.
  if (!claim.verification?.benefit || claim.verification.benefit.total <= 0) {
    throw new ConflictError(
      'ASSESSMENT_REQUIRED',
      `Claim ${reference} has no computed benefit (an injury needs an assessment); it can be rejected but not approved here yet.`,
    );
  }
  const approval = { by: user.username, role, at, ...(input.note ? { note: input.note.slice(0, 500) } : {}) };
  const needed = claim.verification?.approval?.secondApprovalRequired || competing ? 2 : 1;
  if (approvals.length + 1 < needed) {
    const half = await deps.claims.transition(reference, {
      from: ['AWAITING_APPROVAL'],
      at,
      expectToken: task.token,
      set: { approvals: [...approvals, approval] },
      audit: { type: 'FIRST_APPROVAL', at, actor: { kind: 'staff', id: user.username }, details: { role, ...auditNote(input.note) } },
    });
    const to = level === 'supervisor' ? deps.staffEmails.supervisor : [...deps.staffEmails.approver, ...deps.staffEmails.supervisor];
    await deps.notifier.email(to, deps.messages.staff.decisionNeeded(half, baseUrl, { escalated: !!task.escalated, secondApproval: true }));
    return half;
  }
  const approved = await deps.claims.transition(reference, {
    from: ['AWAITING_APPROVAL'],
    to: 'APPROVED',
    at,
    expectToken: task.token,
    set: { approvals: [...approvals, approval], decision: { outcome: 'approved', decidedBy: user.username, at }, pendingTask: undefined },
    timeline: { status: 'APPROVED', at },
    // One claim per member and benefit is ever paid: another claim approved first makes this a 409.
    reservePayout: locksOf(claim),
    audit: {
      type: 'CLAIM_APPROVED',
      at,
      actor: { kind: 'staff', id: user.username },
      details: { role, approvals: approvals.length + 1, ...auditNote(input.note) },
    },
  });
  await answer(deps.workflow, task.token, { outcome: 'approved' });
  return approved;
};
