import { ConflictError, ForbiddenError, NotFoundError } from '../../../kernel/errors';
import { jakartaIso } from '../../../kernel/time';
import { t } from '../../../messages';
import { requireRole, type StaffUser } from '../../../staff/domain/roles';
import { type Claim, locksOf } from '../../domain/claim';
import { overrideOf } from '../../domain/reopening';
import { startRound } from '../intake/reopen-claim';
import type { ClaimMessages, ClaimStore, ClaimWorkflow, Notifier } from '../ports';

export interface AppealDecisionInput {
  decision: 'uphold' | 'refuse';
  note?: string;
}

export interface AppealDecisionDeps {
  claims: ClaimStore;
  workflow: Pick<ClaimWorkflow, 'restart'>;
  notifier: Notifier;
  messages: ClaimMessages;
  now?: () => Date;
}

/** Only supervisors decide appeals (api.md: "the claim goes to a supervisor"). */
export const APPEAL_ROLES = ['supervisor'] as const;

/**
 * POST /staff/claims/{reference}/appeal-decision: a supervisor answers the family's appeal. Whoever took the decision
 * appealed against may not judge the appeal (403). Upheld: the rejection is set aside (verification skips that rule
 * and flags the claim `APPEAL_UPHELD`, so a supervisor approves it) and verification runs again on the same reference,
 * which routes the claim to the documents it still lacks or to approval. Refused: the rejection stands, final, and the
 * claim's lock is released. Either way the family is told, and the audit trail has who, when and the note.
 */
export const decideAppeal = async (
  deps: AppealDecisionDeps,
  reference: string,
  user: StaffUser,
  input: AppealDecisionInput,
  baseUrl: string,
): Promise<Claim> => {
  const role = requireRole(user, [...APPEAL_ROLES]);
  const claim = await deps.claims.get(reference);
  if (!claim) throw new NotFoundError('No claim with this reference.');
  if (claim.status !== 'APPEALED' || !claim.appeal)
    throw new ConflictError('NOT_APPEALED', `Claim ${reference} has no appeal waiting (status ${claim.status}).`);
  if (claim.appeal.against.decidedBy && claim.appeal.against.decidedBy === user.username)
    throw new ForbiddenError('Whoever took the decision appealed against cannot judge the appeal.');
  const at = jakartaIso(deps.now?.());
  const note = input.note?.trim().slice(0, 500) || undefined;
  const answered = {
    ...claim.appeal,
    outcome: input.decision === 'uphold' ? 'upheld' : 'refused',
    decidedBy: user.username,
    decidedAt: at,
    note,
  };
  const audit = {
    type: input.decision === 'uphold' ? 'APPEAL_UPHELD' : 'APPEAL_REFUSED',
    at,
    actor: { kind: 'staff' as const, id: user.username },
    details: { role, reasonCode: claim.appeal.against.reasonCode, note },
  };

  if (input.decision === 'refuse') {
    const refused = await deps.claims.transition(reference, {
      from: ['APPEALED'],
      expectVersion: claim.version,
      to: 'REJECTED',
      at,
      set: { appeal: answered },
      timeline: { status: 'REJECTED', at, note: t('timeline.appealRefused', 'id') },
      audit,
      releaseLock: locksOf(claim),
    });
    await Promise.all([
      deps.notifier.email([refused.claimant.email ?? ''], await deps.messages.appeals.family.refused(refused, baseUrl)),
      deps.notifier.sms(refused.claimant.phone, await deps.messages.appeals.sms.refused(refused, baseUrl)),
    ]);
    return refused;
  }

  const round = (claim.round ?? 0) + 1;
  const overridden = [...new Set([...(claim.overriddenRejections ?? []), ...overrideOf(claim.appeal.against.reasonCode)])];
  const upheld = await deps.claims.transition(reference, {
    from: ['APPEALED'],
    expectVersion: claim.version,
    to: 'SUBMITTED',
    at,
    set: {
      appeal: answered,
      round,
      overriddenRejections: overridden,
      decision: undefined,
      documentsDueBy: undefined,
      verification: undefined,
      approvals: undefined,
    },
    timeline: { status: 'SUBMITTED', at, note: t('timeline.appealUpheld', 'id') },
    audit,
  });
  await startRound(deps, reference, round, baseUrl);
  await Promise.all([
    deps.notifier.email([upheld.claimant.email ?? ''], await deps.messages.appeals.family.upheld(upheld, baseUrl)),
    deps.notifier.sms(upheld.claimant.phone, await deps.messages.appeals.sms.upheld(upheld, baseUrl)),
  ]);
  return upheld;
};
