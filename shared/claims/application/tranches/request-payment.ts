import { ConflictError, NotFoundError, ValidationError } from '../../../kernel/errors';
import { jakartaDate, jakartaIso } from '../../../kernel/time';
import { logger } from '../../../platform/observability/logger';
import { wageOn } from '../../../premiums/domain/member';
import { addWorkingDays } from '../../../reference-data/working-days';
import { requireRole, type StaffUser } from '../../../staff/domain/roles';
import { type Claim, inGroup, type ScholarshipChild } from '../../domain/claim';
import { PAYOUT_DEADLINE_WORKING_DAYS } from '../../domain/rules/deadlines';
import type { Assessment } from '../../domain/rules/injury';
import {
  disabilityAssessed,
  liveTranches,
  nextTrancheId,
  priceScholarshipYear,
  scholarshipEligible,
  stmbMonthsCovered,
  type Tranche,
  type TrancheKind,
  trancheNote,
} from '../../domain/tranche';
import type { ClaimMessages, ClaimStore, ClaimWorkflow, MemberLookup, Notifier } from '../ports';
import { priceAssessment } from '../price-assessment';
import { changeTranche } from './change-tranches';

export interface RequestPaymentDeps {
  claims: ClaimStore;
  members: MemberLookup;
  workflow: Pick<ClaimWorkflow, 'start'>;
  notifier: Notifier;
  messages: ClaimMessages;
  /** A tranche above this amount (integer rupiah) needs a second approval by a different person. */
  secondApprovalAbove: number;
  now?: () => Date;
}

export interface PaymentRequest {
  kind: TrancheKind;
  assessment?: Assessment & { disability?: Assessment['disability'] & { part?: string } };
  schoolYear?: string;
  children?: ScholarshipChild[];
}

type Priced = Pick<
  Tranche,
  'amount' | 'ruleSet' | 'components' | 'assessment' | 'monthlyWage' | 'stmb' | 'totalDisability' | 'schoolYear' | 'children'
> & { set?: Record<string, unknown> };

const invalid = (path: string, code: string, message: string) => new ValidationError([{ path, code, message }], message);

/** STMB and DISABILITY: the part of the assessment the kind pays, priced by the injury rules of the incident date. */
const priceInjury = (claim: Claim, input: PaymentRequest, monthlyWage: number): Priced => {
  if (claim.benefit !== 'JKK' || claim.incident.type !== 'injury')
    throw new ConflictError('NOT_AN_INJURY', `Claim ${claim.reference} is not a JKK injury claim: ${input.kind} is paid only for one.`);
  const a = input.assessment;
  const part = input.kind === 'STMB' ? 'stmb' : 'disability';
  if (!a?.[part]) throw invalid(`assessment.${part}`, 'required', `A ${input.kind} payment needs assessment.${part}.`);
  // Transport, home care and prostheses have caps over the whole claim: they are not tranche kinds (yet).
  const others = Object.keys(a).filter((k) => k !== part && a[k as keyof typeof a] !== undefined);
  if (others.length)
    throw invalid(`assessment.${others[0]}`, 'assessment.notForKind', `A ${input.kind} payment takes only assessment.${part}.`);
  let stmbFirstMonth = 1;
  if (input.kind === 'STMB') {
    // One STMB request at a time: a request sent twice (a retry, a double click) must not pay the months twice.
    if (liveTranches(claim, 'STMB').some((t) => t.status === 'AWAITING_APPROVAL'))
      throw new ConflictError(
        'TRANCHE_AWAITING_APPROVAL',
        `Claim ${claim.reference} has an STMB payment awaiting approval: decide it first.`,
      );
    const covered = stmbMonthsCovered(claim);
    if (covered.partMonth)
      throw new ConflictError('STMB_ENDED', `Claim ${claim.reference} already paid the days of a part month, which ends the STMB.`);
    stmbFirstMonth = covered.lastMonth + 1;
    if ((a.stmb?.months ?? 0) === 0 && (a.stmb?.days ?? 0) === 0)
      throw invalid('assessment.stmb.months', 'assessment.empty', 'The STMB payment names no month or day.');
  } else if (disabilityAssessed(claim)) {
    throw new ConflictError('DISABILITY_ALREADY_ASSESSED', `Claim ${claim.reference} already has a disability assessed.`);
  }
  const priced = priceAssessment(
    { incidentDate: claim.incident.date, monthlyWage, assessment: { [part]: a[part] }, stmbFirstMonth },
    'assessment',
  );
  return {
    amount: priced.total,
    ruleSet: priced.ruleSet,
    components: priced.components,
    assessment: { [part]: a[part] },
    monthlyWage,
    ...(input.kind === 'STMB'
      ? { stmb: { fromMonth: stmbFirstMonth, months: a.stmb!.months, days: a.stmb!.days ?? 0 } }
      : { totalDisability: priced.totalDisability }),
  };
};

/** SCHOLARSHIP: one school year for the children, with its proof of schooling, within the level limits and the cap. */
const priceScholarship = (claim: Claim, input: PaymentRequest): Priced => {
  if (!scholarshipEligible(claim))
    throw new ConflictError(
      'NOT_SCHOLARSHIP_ELIGIBLE',
      `Claim ${claim.reference} gives no scholarship (JKM with 3 years' membership, JKK death, or a total disability).`,
    );
  const schoolYear = input.schoolYear;
  if (!schoolYear) throw invalid('schoolYear', 'required', 'A scholarship payment needs the school year (`2026/2027`).');
  if (liveTranches(claim, 'SCHOLARSHIP').some((tr) => tr.schoolYear === schoolYear))
    throw new ConflictError(
      'SCHOOL_YEAR_ALREADY_REQUESTED',
      `The school year ${schoolYear} of claim ${claim.reference} is already paid or requested.`,
    );
  const children = input.children ?? claim.children ?? [];
  if (children.length === 0) throw invalid('children', 'required', 'The claim declares no children: name them in `children`.');
  // The family sends the proof (POST /claims/{reference}/documents, type SCHOOL_CERTIFICATE) before staff ask to pay.
  if (!claim.documents.some((d) => d.type === 'SCHOOL_CERTIFICATE' && d.schoolYear === schoolYear))
    throw new ConflictError(
      'PROOF_OF_SCHOOLING_REQUIRED',
      `Claim ${claim.reference} has no SCHOOL_CERTIFICATE for ${schoolYear}: the family sends it from the status page first.`,
    );
  const year = priceScholarshipYear({ incidentDate: claim.incident.date, schoolYear, children, earlier: claim.tranches ?? [] });
  if (!year) throw new ConflictError('NOT_SCHOLARSHIP_ELIGIBLE', `No scholarship rules for the incident date of ${claim.reference}.`);
  if (year.capLeft === 0)
    throw new ConflictError('SCHOLARSHIP_CAP_REACHED', `Claim ${claim.reference} has paid the scholarship cap (${year.cap}).`);
  if (year.amount === 0)
    throw new ConflictError('NO_CHILD_ELIGIBLE', `No child of claim ${claim.reference} qualifies for ${schoolYear}.`, {
      children: year.children.map(({ schoolLevel, reason }) => ({ schoolLevel, reason })),
    });
  return {
    amount: year.amount,
    ruleSet: year.ruleSet,
    components: year.children
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.amount > 0)
      .map(({ c, i }) => ({
        code: 'SCHOLARSHIP',
        amount: c.amount,
        basis: `Child ${i + 1}, ${c.schoolLevel ?? 'lump sum'}, ${schoolYear}`,
      })),
    schoolYear,
    children: year.children,
    ...(input.children ? { set: { children: input.children } } : {}),
  };
};

/**
 * POST /staff/claims/{reference}/payments: a verifier or supervisor asks for a further payment of a claim whose first
 * payment is approved (APPROVED, PAYING, PAYOUT_FAILED or PAID: its amount is final, so months and caps can be
 * counted on it). The tranche is priced by the same rules as a first payment, stored AWAITING_APPROVAL, the family
 * told, and its own execution of the claim workflow started (`<reference>-T2`), which asks for the decision and pays.
 * Whoever asks cannot approve it.
 */
export const requestPayment = async (
  deps: RequestPaymentDeps,
  reference: string,
  user: StaffUser,
  input: PaymentRequest,
  baseUrl: string,
): Promise<{ claim: Claim; tranche: Tranche }> => {
  const role = requireRole(user, ['verifier', 'supervisor']);
  const stored = await deps.claims.get(reference);
  if (!stored) throw new NotFoundError('No claim with this reference.');
  const now = deps.now?.() ?? new Date();
  let monthlyWage = 0;
  if (input.kind !== 'SCHOLARSHIP' && stored.benefit === 'JKK' && stored.incident.type === 'injury') {
    const { member } = await deps.members.getWithCoverage(stored.member.nik, stored.incident.date.slice(0, 7));
    if (!member) throw new ConflictError('MEMBER_NOT_FOUND', `The member of claim ${reference} is no longer on the roster.`);
    monthlyWage = wageOn(member, stored.incident.date);
  }

  const at = jakartaIso(now);
  const done = await changeTranche(deps.claims, reference, (claim) => {
    if (claim.status === 'REJECTED' || claim.status === 'WITHDRAWN')
      throw new ConflictError('CLAIM_CLOSED', `Claim ${reference} is ${claim.status}: it pays nothing more.`);
    if (!inGroup(claim.status, 'takesTranches'))
      throw new ConflictError(
        'FIRST_PAYMENT_NOT_APPROVED',
        `Claim ${reference} is ${claim.status}: its first payment must be approved first.`,
      );
    const { set, ...priced } = input.kind === 'SCHOLARSHIP' ? priceScholarship(claim, input) : priceInjury(claim, input, monthlyWage);
    const days = PAYOUT_DEADLINE_WORKING_DAYS[claim.benefit];
    const tranche: Tranche = {
      id: nextTrancheId(claim),
      kind: input.kind,
      status: 'AWAITING_APPROVAL',
      currency: 'IDR',
      ...priced,
      requestedBy: user.username,
      requestedAt: at,
      approval: {
        level: 'approver',
        secondApprovalRequired: priced.amount > deps.secondApprovalAbove,
        deadline: addWorkingDays(at, days),
        escalateAt: addWorkingDays(at, days > 1 ? days - 1 : days),
      },
      approvals: [],
    };
    return {
      tranche,
      set,
      timeline: { status: 'AWAITING_APPROVAL', at, note: trancheNote(tranche), tranche: tranche.id },
      audit: {
        type: 'TRANCHE_REQUESTED',
        at,
        actor: { kind: 'staff', id: user.username },
        details: {
          role,
          tranche: tranche.id,
          kind: tranche.kind,
          amount: tranche.amount,
          ruleSet: tranche.ruleSet,
          components: tranche.components.map(({ code, amount }) => ({ code, amount })),
          ...(tranche.schoolYear ? { schoolYear: tranche.schoolYear } : {}),
          ...(tranche.stmb ? { stmb: tranche.stmb } : {}),
        },
      },
    };
  });
  if (!done) throw new NotFoundError('No claim with this reference.');
  const { claim, tranche } = done;
  logger.info('tranche requested', { tranche: tranche.id, kind: tranche.kind, amount: tranche.amount, date: jakartaDate(now) });
  await Promise.all([
    deps.notifier.email([claim.claimant.email ?? ''], deps.messages.tranches.family.requested(claim, tranche, baseUrl)),
    deps.notifier.sms(claim.claimant.phone, deps.messages.tranches.sms.requested(claim, tranche, baseUrl)),
  ]);
  // The tranche is stored: a failed start is logged, not the staff's error (the twin restarts open tranches; in AWS
  // an operator starts `<reference>-T<n>`, see operations.md). Step Functions refuses a second execution of one name.
  try {
    await deps.workflow.start(reference, baseUrl, tranche.id);
  } catch (error) {
    logger.error('tranche workflow not started', { reference, tranche: tranche.id, error: error as Error });
  }
  return { claim, tranche };
};
