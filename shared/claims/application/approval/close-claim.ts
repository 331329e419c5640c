import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors';
import { jakartaIso } from '../../../kernel/time';
import { requireRole, type StaffUser } from '../../../staff/domain/roles';
import { type Claim, locksOf } from '../../domain/claim';
import { CLOSABLE, CLOSE_REASON_TEXTS, CLOSE_REASONS, CLOSE_ROLES, type CloseReason } from '../../domain/closure';
import { answerTask } from '../answer-task';
import type { ClaimMessages, ClaimStore, ClaimWorkflow, Notifier } from '../ports';

export interface CloseInput {
  reasonCode: string;
  note?: string;
}

export interface CloseDeps {
  claims: ClaimStore;
  workflow: Pick<ClaimWorkflow, 'succeed'>;
  notifier: Notifier;
  messages: ClaimMessages;
  now?: () => Date;
}

/**
 * POST /staff/claims/{reference}/close: a supervisor closes an open claim with a coded reason, whatever it waits
 * for (documents, a decision), e.g. a claim filed by a stranger to block the heirs. The role is checked before
 * anything is read; the change is one conditional write on the version read, with its audit event, releasing the
 * claim's open-claim lock; the wait of the workflow is answered so that the execution ends; the family is told.
 */
export const closeClaim = async (
  deps: CloseDeps,
  reference: string,
  user: StaffUser,
  input: CloseInput,
  baseUrl: string,
): Promise<Claim> => {
  const role = requireRole(user, [...CLOSE_ROLES]);
  if (!Object.hasOwn(CLOSE_REASONS, input.reasonCode))
    throw new ValidationError([{ path: 'reasonCode', code: input.reasonCode ? 'invalid' : 'required' }], 'A known reasonCode is needed.');
  const reasonCode = input.reasonCode as CloseReason;
  const note = input.note?.trim().slice(0, 500);
  if (reasonCode === 'OTHER' && !note) throw new ValidationError([{ path: 'note', code: 'required' }], 'Reason OTHER needs a note.');

  const claim = await deps.claims.get(reference);
  if (!claim) throw new NotFoundError('No claim with this reference.');
  if (!CLOSABLE.includes(claim.status))
    throw new ConflictError('CLAIM_NOT_CLOSABLE', `Claim ${reference} cannot be closed in status ${claim.status}.`);
  const at = jakartaIso(deps.now?.());
  const to = CLOSE_REASONS[reasonCode];
  const reason = CLOSE_REASON_TEXTS[reasonCode].id;
  const closure = { reasonCode, reason, by: user.username, at, ...(note ? { note } : {}) };
  const closed = await deps.claims.transition(reference, {
    from: [claim.status],
    expectVersion: claim.version,
    to,
    at,
    set: {
      closure,
      decision: to === 'REJECTED' ? { outcome: 'rejected', reasonCode, reason, decidedBy: user.username, at } : undefined,
      pendingTask: undefined,
    },
    timeline: { status: to, at, note: reason },
    audit: { type: 'CLAIM_CLOSED', at, actor: { kind: 'staff', id: user.username }, details: { role, reasonCode, status: to, note } },
    releaseLock: locksOf(claim),
  });
  // The workflow waits on this token: documents go back to Verify, a decision to RouteDecision; both then end,
  // since the claim is closed. A claim still being verified has no token: Verify finds it closed when it writes.
  const task = claim.pendingTask;
  if (task) await answerTask(deps.workflow, task.token, task.kind === 'documents' ? { documents: 'closed' } : { outcome: 'closed' });
  await Promise.all([
    deps.notifier.email([closed.claimant.email ?? ''], deps.messages.family.rejected(closed, reason, baseUrl)),
    deps.notifier.sms(closed.claimant.phone, deps.messages.sms.rejected(closed, baseUrl)),
  ]);
  return closed;
};
