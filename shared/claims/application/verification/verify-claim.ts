import { jakartaIso } from '../../../kernel/time';
import { logger } from '../../../platform/observability/logger';
import { wageOn } from '../../../premiums/domain/member';
import { addWorkingDays, secondsUntil } from '../../../reference-data/working-days';
import { type Claim, type ClaimFlag, type ClaimStatus, STATUS_GROUPS } from '../../domain/claim';
import { assessEligibility, needsSupervisor, REJECTION_REASONS } from '../../domain/eligibility';
import { computeBenefit } from '../../domain/rules/benefits';
import { missingDocuments } from '../../domain/rules/documents';
import type { ClaimMessages, ClaimStore, MemberLookup, Notifier } from '../ports';

export interface VerifyDeps {
  claims: ClaimStore;
  members: MemberLookup;
  notifier: Notifier;
  messages: ClaimMessages;
  policy: ApprovalPolicy;
  now?: () => Date;
}

/** Who must approve what, and how long an approval may wait (deploy-time settings). */
export interface ApprovalPolicy {
  /** Claims above this total (integer rupiah) need a second approval by a different person. */
  secondApprovalAbove: number;
  /** Seconds before an approval escalates, instead of the legal deadline (drills and tests). */
  approvalTimeoutOverride?: number;
}

/** Legal payout deadlines after a complete claim, in working days (domain.md: JKM 3, JKK 7). */
const DEADLINE_WORKING_DAYS = { JKM: 3, JKK: 7 } as const;
/** Never wait less than an hour for a decision, whatever the calendar says. */
const MIN_APPROVAL_SECONDS = 3600;

export type Next = 'DONE' | 'NEEDS_DOCUMENTS' | 'AWAIT_DECISION' | 'ESCALATE' | 'PAY' | 'PAYOUT_FAILED';
export interface VerifyOutput {
  reference: string;
  baseUrl: string;
  next: Next;
  approvalTimeoutSeconds: number;
  /** Set when this run rejected the claim (for the decision metric; the state machine ignores it). */
  rejected?: true;
  /** For a resumed PAYOUT_FAILED claim: the failure, as the Pay state's Catch would have put it. */
  error?: { Error: string; Cause: string };
}

/** Where a (re)started execution continues for a claim already past verification: the twin resumes this way. */
const RESUME: Partial<Record<ClaimStatus, Next>> = {
  AWAITING_APPROVAL: 'AWAIT_DECISION',
  APPROVED: 'PAY',
  PAYING: 'PAY',
  PAYOUT_FAILED: 'PAYOUT_FAILED',
  PAID: 'DONE',
  REJECTED: 'DONE',
  WITHDRAWN: 'DONE',
};

const approvalTimeout = (
  claim: Claim,
  now: Date,
  policy: ApprovalPolicy,
): { deadline: string; escalateAt: string; timeoutSeconds: number } => {
  const days = DEADLINE_WORKING_DAYS[claim.benefit];
  const deadline = addWorkingDays(jakartaIso(now), days);
  // Escalate one working day before the legal deadline, so a supervisor still has a day to decide.
  const escalateAt = days > 1 ? addWorkingDays(jakartaIso(now), days - 1) : deadline;
  const timeoutSeconds = policy.approvalTimeoutOverride ?? Math.max(MIN_APPROVAL_SECONDS, secondsUntil(escalateAt, jakartaIso(now)));
  return { deadline, escalateAt, timeoutSeconds };
};

/** A resumed claim awaiting a decision waits until the stored escalation time (at least a minute), or escalates. */
const resumeOf = (claim: Claim, next: Next, now: Date, policy: ApprovalPolicy): Omit<VerifyOutput, 'reference' | 'baseUrl'> => {
  if (next === 'AWAIT_DECISION' && claim.pendingTask?.kind === 'decision' && claim.pendingTask.escalated)
    return { next: 'ESCALATE', approvalTimeoutSeconds: MIN_APPROVAL_SECONDS };
  if (next === 'PAYOUT_FAILED')
    return { next, approvalTimeoutSeconds: MIN_APPROVAL_SECONDS, error: { Error: 'PayoutFailed', Cause: 'resumed after a restart' } };
  const escalateAt = claim.verification?.approval?.escalateAt ?? claim.verification?.approval?.deadline;
  const seconds = escalateAt ? Math.max(60, secondsUntil(escalateAt, jakartaIso(now))) : MIN_APPROVAL_SECONDS;
  return { next, approvalTimeoutSeconds: policy.approvalTimeoutOverride ?? seconds };
};

/**
 * The first workflow task, and the one every (re)start goes through: checks membership, coverage, the claim
 * window, the heir and the documents, computes the benefit by the rules in force on the incident date, records
 * the outcome on the claim (one conditional write with its audit event), tells the family, and says where the
 * workflow goes next. Safe to run twice: a claim already past verification is routed by its stored status.
 */
export const verifyClaim = async (
  deps: VerifyDeps,
  { reference, baseUrl }: { reference: string; baseUrl: string },
): Promise<VerifyOutput> => {
  const { claims, members, notifier, messages, policy } = deps;
  const now = deps.now?.() ?? new Date();
  const claim = await claims.get(reference);
  if (!claim) throw new Error(`Claim ${reference} not found`);
  const resume = RESUME[claim.status];
  if (resume) return { reference, baseUrl, ...resumeOf(claim, resume, now, policy) };

  const at = jakartaIso(now);
  const period = claim.incident.date.slice(0, 7);
  const { member, coverage } = await members.getWithCoverage(claim.member.nik, period);
  const eligibility = assessEligibility({ claim, member, coverage });
  const flags = [...eligibility.flags] as ClaimFlag[];
  const from = STATUS_GROUPS.verifiable;
  const verifying = claim.status === 'VERIFYING' ? [] : [{ status: 'VERIFYING' as const, at }];

  if (eligibility.outcome === 'rejected') {
    const reason = REJECTION_REASONS[eligibility.reasonCode].id;
    const rejected = await claims.transition(reference, {
      from,
      to: 'REJECTED',
      at,
      set: {
        decision: { outcome: 'rejected', reasonCode: eligibility.reasonCode, reason, decidedBy: 'system', at },
        verification: { checkedAt: at, flags },
        pendingTask: undefined,
      },
      timeline: [...verifying, { status: 'REJECTED', at, note: reason }],
      audit: { type: 'CLAIM_REJECTED', at, actor: { kind: 'system' }, details: { reasonCode: eligibility.reasonCode } },
      releaseLock: { memberNik: claim.member.nik, benefit: claim.benefit },
    });
    await Promise.all([
      notifier.email([rejected.claimant.email ?? ''], messages.family.rejected(rejected, reason, baseUrl)),
      notifier.sms(rejected.claimant.phone, messages.sms.rejected(rejected)),
    ]);
    return { reference, baseUrl, next: 'DONE', approvalTimeoutSeconds: MIN_APPROVAL_SECONDS, rejected: true };
  }

  const missing = missingDocuments(
    { benefit: claim.benefit, incidentType: claim.incident.type, relationship: claim.claimant.relationship, cause: claim.incident.cause },
    claim.documents.map((d) => d.type),
  );
  if (missing.length > 0) {
    const waiting = await claims.transition(reference, {
      from,
      to: 'NEEDS_DOCUMENTS',
      at,
      set: { missingDocuments: missing, verification: { checkedAt: at, memberName: member?.name, program: member?.program, flags } },
      timeline: claim.status === 'NEEDS_DOCUMENTS' ? undefined : [...verifying, { status: 'NEEDS_DOCUMENTS', at }],
      audit: {
        type: claim.status === 'NEEDS_DOCUMENTS' ? 'DOCUMENTS_REMINDER' : 'DOCUMENTS_REQUESTED',
        at,
        actor: { kind: 'system' },
        details: { missing },
      },
    });
    await Promise.all([
      notifier.email([waiting.claimant.email ?? ''], messages.family.needsDocuments(waiting, missing, baseUrl)),
      notifier.sms(waiting.claimant.phone, messages.sms.needsDocuments(waiting)),
    ]);
    return { reference, baseUrl, next: 'NEEDS_DOCUMENTS', approvalTimeoutSeconds: MIN_APPROVAL_SECONDS };
  }

  // member is defined here: a missing member was rejected above.
  const benefit = computeBenefit({
    relationship: claim.claimant.relationship,
    benefit: claim.benefit,
    incidentType: claim.incident.type,
    incidentDate: claim.incident.date,
    monthlyWage: wageOn(member!, claim.incident.date),
    membershipStart: member!.enrolledOn,
  });
  if (benefit.requiresAssessment) flags.push('ASSESSMENT_REQUIRED');
  const { deadline, escalateAt, timeoutSeconds } = approvalTimeout(claim, now, policy);
  const approval = {
    level: needsSupervisor(flags) || benefit.requiresAssessment ? ('supervisor' as const) : ('approver' as const),
    secondApprovalRequired: flags.length > 0 || benefit.total > policy.secondApprovalAbove,
    deadline,
    escalateAt,
  };
  const ready = await claims.transition(reference, {
    from,
    to: 'AWAITING_APPROVAL',
    at,
    set: {
      missingDocuments: [],
      verification: {
        checkedAt: at,
        memberName: member!.name,
        program: member!.program,
        flags,
        benefit: {
          ruleSet: benefit.ruleSet,
          total: benefit.total,
          currency: 'IDR',
          components: benefit.components,
          scholarshipEligible: benefit.scholarshipEligible,
        },
        approval,
      },
    },
    timeline: [...verifying, { status: 'AWAITING_APPROVAL', at }],
    audit: {
      type: 'CLAIM_VERIFIED',
      at,
      actor: { kind: 'system' },
      details: { ruleSet: benefit.ruleSet, total: benefit.total, flags, level: approval.level },
    },
  });
  logger.info('claim verified', { total: benefit.total, flags, approvalLevel: approval.level });
  await Promise.all([
    notifier.email([ready.claimant.email ?? ''], messages.family.awaitingApproval(ready, baseUrl)),
    notifier.sms(ready.claimant.phone, messages.sms.awaitingApproval(ready)),
  ]);
  return { reference, baseUrl, next: 'AWAIT_DECISION', approvalTimeoutSeconds: timeoutSeconds };
};
