import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors';
import { jakartaIso } from '../../../kernel/time';
import { wageOn } from '../../../premiums/domain/member';
import { requireRole, type StaffUser } from '../../../staff/domain/roles';
import type { Claim, ClaimFlag } from '../../domain/claim';
import { needsSupervisor } from '../../domain/eligibility';
import type { Assessment } from '../../domain/rules/injury';
import type { ClaimMessages, ClaimStore, MemberLookup, Notifier, StaffEmails } from '../ports';
import { priceAssessment } from '../price-assessment';

export interface AssessDeps {
  claims: ClaimStore;
  members: MemberLookup;
  notifier: Notifier;
  messages: ClaimMessages;
  staffEmails: Pick<StaffEmails, 'approver' | 'supervisor'>;
  /** Claims above this total (integer rupiah) need a second approval by a different person. */
  secondApprovalAbove: number;
  now?: () => Date;
}

export type AssessmentRequest = Assessment & { disability?: Assessment['disability'] & { part?: string } };

/**
 * POST /staff/claims/{reference}/assessment: a verifier or supervisor enters what the medical report and receipts
 * say about a JKK injury; the rules of the incident date price it with the member's wage on that date. The claim
 * keeps waiting for a decision, now on this amount, under the same two-person rule as any amount: earlier approvals
 * are void (they approved another amount), and whoever assessed cannot approve. Entering it again corrects it.
 */
export const assessClaim = async (deps: AssessDeps, reference: string, user: StaffUser, input: AssessmentRequest, baseUrl: string) => {
  const role = requireRole(user, ['verifier', 'supervisor']);
  const claim = await deps.claims.get(reference);
  if (!claim) throw new NotFoundError('No claim with this reference.');
  if (claim.benefit !== 'JKK' || claim.incident.type !== 'injury')
    throw new ConflictError('NOT_AN_INJURY', `Claim ${reference} is not a JKK injury claim; its benefit follows from the rules alone.`);
  if (claim.status !== 'AWAITING_APPROVAL')
    throw new ConflictError('NOT_AWAITING_DECISION', `Claim ${reference} cannot be assessed now (status ${claim.status}).`);
  if (!input.stmb && !input.disability && !input.transport?.length && !input.homeCare && !input.prosthesis?.length)
    throw new ValidationError([{ path: '', code: 'assessment.empty' }], 'The assessment names no benefit.');

  const { member } = await deps.members.getWithCoverage(claim.member.nik, claim.incident.date.slice(0, 7));
  if (!member) throw new ConflictError('MEMBER_NOT_FOUND', `The member of claim ${reference} is no longer on the roster.`);
  const monthlyWage = wageOn(member, claim.incident.date);
  const priced = priceAssessment({ incidentDate: claim.incident.date, monthlyWage, assessment: input });

  const at = jakartaIso(deps.now?.());
  const v = claim.verification;
  const flags = (v?.flags ?? []).filter((f) => f !== 'ASSESSMENT_REQUIRED') as ClaimFlag[];
  const approval = {
    ...(v?.approval ?? { deadline: at }),
    level: needsSupervisor(flags) ? ('supervisor' as const) : ('approver' as const),
    secondApprovalRequired: flags.length > 0 || priced.total > deps.secondApprovalAbove,
  };
  const voided = claim.approvals?.length ?? 0;
  const updated: Claim = await deps.claims.transition(reference, {
    from: ['AWAITING_APPROVAL'],
    at,
    set: {
      approvals: [],
      verification: {
        ...v,
        checkedAt: v?.checkedAt ?? at,
        flags,
        benefit: {
          ruleSet: priced.ruleSet,
          total: priced.total,
          currency: 'IDR',
          components: priced.components,
          scholarshipEligible: priced.totalDisability,
        },
        assessment: { ...input, by: user.username, at, monthlyWage },
        approval,
      },
    },
    audit: {
      type: 'ASSESSMENT_RECORDED',
      at,
      actor: { kind: 'staff', id: user.username },
      details: {
        role,
        ruleSet: priced.ruleSet,
        total: priced.total,
        components: priced.components.map(({ code, amount }) => ({ code, amount })),
        assessment: input,
        ...(voided ? { approvalsVoided: voided } : {}),
      },
    },
  });
  if (updated.pendingTask?.kind === 'decision') {
    const to =
      approval.level === 'supervisor' ? deps.staffEmails.supervisor : [...deps.staffEmails.approver, ...deps.staffEmails.supervisor];
    await deps.notifier.email(
      to,
      deps.messages.staff.decisionNeeded(updated, baseUrl, { escalated: !!updated.pendingTask.escalated, secondApproval: false }),
    );
  }
  return {
    claim: updated,
    benefit: { total: priced.total, currency: 'IDR' as const, ruleSet: priced.ruleSet, components: priced.components },
  };
};
