import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../kernel/errors';
import { jakartaIso } from '../../../kernel/time';
import { t } from '../../../messages';
import { requireRole, type StaffUser } from '../../../staff/domain/roles';
import type { Claim, Tranche } from '../../domain/claim';
import { trancheNote } from '../../domain/tranche';
import { answerTask } from '../answer-task';
import { type DecisionDeps, type DecisionInput, STAFF_REJECTION_REASONS } from '../approval/decide';
import { changeTranche, findTranche } from './change-tranches';

/**
 * POST /staff/claims/{reference}/decision with `tranche: "T2"`: the decision on one further payment, under the same
 * rules as the first: only a tranche awaiting a decision with its task stored (else 409); the approver role, or a
 * supervisor once escalated; over the second-approval threshold two different people; whoever asked for the tranche
 * cannot approve it. Every change is conditional on the tranche's stored token (read again and retried when the
 * workflow replaced it meanwhile, as for a claim).
 */
export const decideTranche = async (
  deps: DecisionDeps,
  reference: string,
  trancheId: string,
  user: StaffUser,
  input: DecisionInput,
  baseUrl: string,
): Promise<{ claim: Claim; tranche: Tranche }> => {
  const at = jakartaIso(deps.now?.());
  let token = '';
  let escalated = false;
  let role = '';
  let reason = '';
  const done = await changeTranche(deps.claims, reference, (claim) => {
    const tranche = findTranche(claim, trancheId);
    if (!tranche) throw new ConflictError('NOT_AWAITING_DECISION', `Claim ${reference} has no payment ${trancheId}.`);
    if (tranche.status !== 'AWAITING_APPROVAL')
      throw new ConflictError('NOT_AWAITING_DECISION', `Payment ${trancheId} of ${reference} awaits no decision (${tranche.status}).`);
    const task = tranche.pendingTask;
    if (task?.kind !== 'decision')
      throw new ConflictError(
        'NOT_AWAITING_DECISION',
        `Payment ${trancheId} of ${reference} is not ready for a decision yet; try again in a moment.`,
      );
    token = task.token;
    escalated = !!task.escalated;
    const level = task.escalated ? 'supervisor' : tranche.approval.level;
    role = requireRole(user, level === 'supervisor' ? ['supervisor'] : ['approver', 'supervisor']);
    const kind = t(`tranche.kind.${tranche.kind}`, 'id');

    if (input.decision === 'reject') {
      const code = input.reasonCode ?? '';
      if (!Object.hasOwn(STAFF_REJECTION_REASONS, code))
        throw new ValidationError(
          [{ path: 'reasonCode', code: input.reasonCode ? 'invalid' : 'required' }],
          'A rejection needs a known reasonCode.',
        );
      reason = STAFF_REJECTION_REASONS[code]!.id;
      return {
        tranche: {
          ...tranche,
          status: 'REJECTED',
          pendingTask: undefined,
          decision: { outcome: 'rejected', reasonCode: code, reason, decidedBy: user.username, at },
        },
        timeline: {
          status: 'REJECTED',
          at,
          tranche: trancheId,
          note: t('timeline.trancheRejected', 'id', { tranche: trancheId, kind, reason }),
        },
        audit: {
          type: 'TRANCHE_REJECTED',
          at,
          actor: { kind: 'staff', id: user.username },
          details: { role, tranche: trancheId, reasonCode: code, note: input.note?.slice(0, 500) },
        },
      };
    }

    if (tranche.approvals.some((a) => a.by === user.username))
      throw new ForbiddenError('Two-person rule: the second approval must come from someone else.');
    if (tranche.requestedBy === user.username)
      throw new ForbiddenError('Two-person rule: whoever asked for the payment cannot approve it.');
    const approval = { by: user.username, role, at, ...(input.note ? { note: input.note.slice(0, 500) } : {}) };
    const approvals = [...tranche.approvals, approval];
    const needed = tranche.approval.secondApprovalRequired ? 2 : 1;
    if (approvals.length < needed)
      return {
        tranche: { ...tranche, approvals },
        audit: {
          type: 'TRANCHE_FIRST_APPROVAL',
          at,
          actor: { kind: 'staff', id: user.username },
          details: { role, tranche: trancheId, note: approval.note },
        },
      };
    return {
      tranche: {
        ...tranche,
        approvals,
        status: 'APPROVED',
        pendingTask: undefined,
        decision: { outcome: 'approved', decidedBy: user.username, at },
      },
      timeline: {
        status: 'APPROVED',
        at,
        tranche: trancheId,
        note: trancheNote(tranche),
      },
      audit: {
        type: 'TRANCHE_APPROVED',
        at,
        actor: { kind: 'staff', id: user.username },
        details: { role, tranche: trancheId, approvals: approvals.length, note: approval.note },
      },
    };
  });
  if (!done) throw new NotFoundError('No claim with this reference.');
  const { claim, tranche } = done;
  if (tranche.status === 'REJECTED') {
    await answerTask(deps.workflow, token, { outcome: 'rejected' });
    await Promise.all([
      deps.notifier.email([claim.claimant.email ?? ''], deps.messages.tranches.family.rejected(claim, tranche, reason, baseUrl)),
      deps.notifier.sms(claim.claimant.phone, deps.messages.tranches.sms.rejected(claim, tranche, baseUrl)),
    ]);
  } else if (tranche.status === 'APPROVED') {
    await answerTask(deps.workflow, token, { outcome: 'approved' });
  } else {
    const level = escalated ? 'supervisor' : tranche.approval.level;
    const to = level === 'supervisor' ? deps.staffEmails.supervisor : [...deps.staffEmails.approver, ...deps.staffEmails.supervisor];
    await deps.notifier.email(
      to,
      deps.messages.tranches.staff.decisionNeeded(claim, tranche, baseUrl, { escalated, secondApproval: true }),
    );
  }
  return done;
};
