import { ConflictError } from '../../../kernel/errors';
import { jakartaIso } from '../../../kernel/time';
import { logger } from '../../../platform/observability/logger';
import { wageOn } from '../../../premiums/domain/member';
import { addWorkingDays, secondsUntil } from '../../../reference-data/working-days';
import { type Claim, type ClaimFlag, type ClaimStatus, inGroup, locksOf, STATUS_GROUPS } from '../../domain/claim';
import { assessEligibility, needsSupervisor, REJECTION_REASONS, type RejectionCode } from '../../domain/eligibility';
import { computeBenefit } from '../../domain/rules/benefits';
import { PAYOUT_DEADLINE_WORKING_DAYS } from '../../domain/rules/deadlines';
import { missingDocuments } from '../../domain/rules/documents';
import type { ClaimMessages, ClaimStore, MemberLookup, Notifier, StaffEmails } from '../ports';

export interface VerifyDeps {
  claims: ClaimStore;
  members: MemberLookup;
  notifier: Notifier;
  messages: ClaimMessages;
  policy: ApprovalPolicy;
  /** Supervisors are told when an older claim waiting for a decision gets a competitor. */
  staffEmails?: Pick<StaffEmails, 'supervisor'>;
  now?: () => Date;
}

/** Who must approve what, and how long an approval or missing documents may wait (deploy-time settings). */
export interface ApprovalPolicy {
  /** Claims above this total (integer rupiah) need a second approval by a different person. */
  secondApprovalAbove: number;
  /** Seconds before an approval escalates, instead of the legal deadline (drills and tests). */
  approvalTimeoutOverride?: number;
  /** Days a claim waits for missing documents before it closes (`DOCUMENTS_EXPIRED`); default 60, fractions allowed. */
  documentsExpiryDays?: number;
  /**
   * Days after the claim started waiting for documents that the family is reminded, ascending; after the last, the
   * last gap repeats. Default 3, 7, 21 (then 35, 49, ...): fractions allowed (drills and tests).
   */
  documentsReminderDays?: readonly number[];
}

export const DEFAULT_DOCUMENTS_EXPIRY_DAYS = 60;
/** Issue 8: a family missing documents is reminded after 3 and 7 days, then every 14 days as before. */
export const DEFAULT_DOCUMENTS_REMINDER_DAYS: readonly number[] = [3, 7, 21];
/** A claim not waiting for documents has no reminder; the value only fills the output (AwaitDocuments is not entered). */
const NO_REMINDER_SECONDS = 14 * 86_400;
/** A wait that ends a moment early (timers, clocks) must not send the same reminder twice. */
const REMINDER_SLACK_SECONDS = 1;

/**
 * Seconds from `now` to the next reminder of a claim that started waiting for documents at `since`: the first
 * reminder day not yet reached, counted from `since` (not from the last reminder, so a late or repeated run does not
 * shift the schedule); after the last configured day, the last gap repeats.
 */
export const secondsToNextReminder = (since: string, now: Date, days: readonly number[] = DEFAULT_DOCUMENTS_REMINDER_DAYS): number => {
  const elapsed = (now.getTime() - Date.parse(since)) / 1000;
  const offsets = days.map((d) => d * 86_400);
  const gap = offsets.length > 1 ? offsets.at(-1)! - offsets.at(-2)! : (offsets[0] ?? NO_REMINDER_SECONDS);
  let next = offsets.find((o) => o > elapsed + REMINDER_SLACK_SECONDS);
  if (next === undefined) {
    const last = offsets.at(-1) ?? 0;
    next = last + gap * Math.max(1, Math.floor((elapsed + REMINDER_SLACK_SECONDS - last) / gap) + 1);
  }
  return Math.max(1, Math.ceil(next - elapsed));
};

/** When the claim last started waiting for documents: its latest NEEDS_DOCUMENTS entry (not a tranche's). */
const waitingSince = (claim: Claim): string | undefined => claim.timeline.findLast((e) => e.status === 'NEEDS_DOCUMENTS' && !e.tranche)?.at;

/** Never wait less than an hour for a decision, whatever the calendar says. */
const MIN_APPROVAL_SECONDS = 3600;

export type Next = 'DONE' | 'NEEDS_DOCUMENTS' | 'AWAIT_DECISION' | 'ESCALATE' | 'PAY' | 'PAYOUT_FAILED';
export interface VerifyOutput {
  reference: string;
  baseUrl: string;
  next: Next;
  approvalTimeoutSeconds: number;
  /** How long AwaitDocuments waits before verifying again: the next reminder, or the expiry if sooner. */
  documentsTimeoutSeconds: number;
  /** Set when this run rejected the claim (for the decision metric; the state machine ignores it). */
  rejected?: true;
  /** For a resumed PAYOUT_FAILED claim: the failure, as the Pay state's Catch would have put it. */
  error?: { Error: string; Cause: string };
}

/** The member's district from the roster, kept on the claim (a coordinator's view of their districts). */
const districtOf = (member: { district?: string } | undefined) => (member?.district ? { district: member.district } : {});

/** Where a (re)started execution continues for a claim already past verification: the twin resumes this way. */
const RESUME: Partial<Record<ClaimStatus, Next>> = {
  AWAITING_APPROVAL: 'AWAIT_DECISION',
  APPROVED: 'PAY',
  PAYING: 'PAY',
  PAYOUT_FAILED: 'PAYOUT_FAILED',
  PAID: 'DONE',
  REJECTED: 'DONE',
  WITHDRAWN: 'DONE',
  // An appeal waits for a supervisor outside the workflow; upholding it starts a new execution.
  APPEALED: 'DONE',
};

const approvalTimeout = (
  claim: Claim,
  now: Date,
  policy: ApprovalPolicy,
): { deadline: string; escalateAt: string; timeoutSeconds: number } => {
  const days = PAYOUT_DEADLINE_WORKING_DAYS[claim.benefit];
  const deadline = addWorkingDays(jakartaIso(now), days);
  // Escalate one working day before the legal deadline, so a supervisor still has a day to decide.
  const escalateAt = days > 1 ? addWorkingDays(jakartaIso(now), days - 1) : deadline;
  const timeoutSeconds = policy.approvalTimeoutOverride ?? Math.max(MIN_APPROVAL_SECONDS, secondsUntil(escalateAt, jakartaIso(now)));
  return { deadline, escalateAt, timeoutSeconds };
};

/** A resumed claim awaiting a decision waits until the stored escalation time (at least a minute), or escalates. */
const resumeOf = (
  claim: Claim,
  next: Next,
  now: Date,
  policy: ApprovalPolicy,
): Omit<VerifyOutput, 'reference' | 'baseUrl' | 'documentsTimeoutSeconds'> => {
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
 * workflow goes next. Safe to run twice: a claim already past verification is routed by its stored status, and a
 * claim closed by staff while it was being verified (the write finds another status) is routed the same way.
 */
export const verifyClaim = async (deps: VerifyDeps, input: { reference: string; baseUrl: string }): Promise<VerifyOutput> => {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await verifyOnce(deps, input);
    } catch (error) {
      if (!(error instanceof ConflictError) || error.code !== 'CLAIM_STATE_CHANGED' || attempt >= 2) throw error;
    }
  }
};

const verifyOnce = async (deps: VerifyDeps, { reference, baseUrl }: { reference: string; baseUrl: string }): Promise<VerifyOutput> => {
  const { claims, members, notifier, messages, policy } = deps;
  const now = deps.now?.() ?? new Date();
  const claim = await claims.get(reference);
  if (!claim) throw new Error(`Claim ${reference} not found`);
  const resume = RESUME[claim.status];
  if (resume) return { reference, baseUrl, documentsTimeoutSeconds: NO_REMINDER_SECONDS, ...resumeOf(claim, resume, now, policy) };

  const at = jakartaIso(now);
  const period = claim.incident.date.slice(0, 7);
  const { member, coverage } = await members.getWithCoverage(claim.member.nik, period);
  // An upheld appeal set its rejection aside (reopening.ts): that rule is skipped, and a supervisor approves.
  const eligibility = assessEligibility({ claim, member, coverage }, undefined, claim.overriddenRejections ?? []);
  const flags = [...eligibility.flags] as ClaimFlag[];
  if (claim.appeal?.outcome === 'upheld') flags.push('APPEAL_UPHELD');
  const from = STATUS_GROUPS.verifiable;
  const verifying = claim.status === 'VERIFYING' ? [] : [{ status: 'VERIFYING' as const, at }];
  const done = { reference, baseUrl, next: 'DONE' as const, approvalTimeoutSeconds: MIN_APPROVAL_SECONDS, documentsTimeoutSeconds: 0 };

  const reject = async (reasonCode: RejectionCode) => {
    const reason = REJECTION_REASONS[reasonCode].id;
    const rejected = await claims.transition(reference, {
      from,
      to: 'REJECTED',
      at,
      set: {
        decision: { outcome: 'rejected', reasonCode, reason, decidedBy: 'system', at },
        // The member's programme, when the roster has the member: the status page gives that programme's contact.
        verification: { ...claim.verification, checkedAt: at, flags, ...(member ? { program: member.program } : {}) },
        pendingTask: undefined,
        ...districtOf(member),
      },
      timeline: [...verifying, { status: 'REJECTED', at, note: reason }],
      audit: { type: 'CLAIM_REJECTED', at, actor: { kind: 'system' }, details: { reasonCode } },
      releaseLock: locksOf(claim),
    });
    await Promise.all([
      notifier.email([rejected.claimant.email ?? ''], messages.family.rejected(rejected, reason, baseUrl)),
      notifier.sms(rejected.claimant.phone, messages.sms.rejected(rejected, baseUrl)),
    ]);
    return { ...done, rejected: true as const };
  };

  if (eligibility.outcome === 'rejected') return reject(eligibility.reasonCode);

  // Other claimants' claims for this member and benefit: none is blocked by this one, a supervisor decides.
  const competing = (await claims.openClaimsFor(claim.member.nik, claim.benefit))
    .filter((c) => c.reference !== reference && c.claimantNik !== claim.claimant.nik)
    .map((c) => c.reference)
    .sort();
  if (competing.length > 0) flags.push('COMPETING_CLAIM');
  const competition = competing.length > 0 ? { competingClaims: competing } : {};

  const missing = missingDocuments(
    { benefit: claim.benefit, incidentType: claim.incident.type, relationship: claim.claimant.relationship, cause: claim.incident.cause },
    claim.documents.map((d) => d.type),
  );
  if (missing.length > 0) {
    const expiryDays = policy.documentsExpiryDays ?? DEFAULT_DOCUMENTS_EXPIRY_DAYS;
    const dueBy = claim.documentsDueBy ?? jakartaIso(new Date(now.getTime() + expiryDays * 86_400_000));
    const secondsLeft = Math.ceil((Date.parse(dueBy) - now.getTime()) / 1000);
    if (claim.status === 'NEEDS_DOCUMENTS' && secondsLeft <= 0) return reject('DOCUMENTS_EXPIRED');
    // A claim already waiting is reminded; one that starts waiting now is asked for the first time.
    const reminder = claim.status === 'NEEDS_DOCUMENTS';
    const since = (reminder && waitingSince(claim)) || at;
    const waiting = await claims.transition(reference, {
      from,
      to: 'NEEDS_DOCUMENTS',
      at,
      set: {
        missingDocuments: missing,
        documentsDueBy: dueBy,
        ...districtOf(member),
        verification: { checkedAt: at, memberName: member?.name, program: member?.program, flags, ...competition },
      },
      timeline: claim.status === 'NEEDS_DOCUMENTS' ? undefined : [...verifying, { status: 'NEEDS_DOCUMENTS', at }],
      audit: {
        type: claim.status === 'NEEDS_DOCUMENTS' ? 'DOCUMENTS_REMINDER' : 'DOCUMENTS_REQUESTED',
        at,
        actor: { kind: 'system' },
        details: { missing, dueBy },
      },
    });
    await Promise.all([
      notifier.email([waiting.claimant.email ?? ''], messages.family.needsDocuments(waiting, missing, baseUrl, { reminder })),
      notifier.sms(waiting.claimant.phone, messages.sms.needsDocuments(waiting, baseUrl, { reminder })),
      ...competing.map((other) => flagCompeting(deps, other, reference, at, baseUrl)),
    ]);
    return {
      reference,
      baseUrl,
      next: 'NEEDS_DOCUMENTS',
      approvalTimeoutSeconds: MIN_APPROVAL_SECONDS,
      documentsTimeoutSeconds: Math.max(1, Math.min(secondsToNextReminder(since, now, policy.documentsReminderDays), secondsLeft)),
    };
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
      documentsDueBy: undefined,
      ...districtOf(member),
      verification: {
        checkedAt: at,
        memberName: member!.name,
        program: member!.program,
        flags,
        ...competition,
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
      details: { ruleSet: benefit.ruleSet, total: benefit.total, flags, level: approval.level, competingClaims: competing },
    },
  });
  logger.info('claim verified', { total: benefit.total, flags, approvalLevel: approval.level });
  await Promise.all([
    notifier.email([ready.claimant.email ?? ''], messages.family.awaitingApproval(ready, baseUrl)),
    notifier.sms(ready.claimant.phone, messages.sms.awaitingApproval(ready, baseUrl)),
    ...competing.map((other) => flagCompeting(deps, other, reference, at, baseUrl)),
  ]);
  return {
    reference,
    baseUrl,
    next: 'AWAIT_DECISION',
    approvalTimeoutSeconds: timeoutSeconds,
    documentsTimeoutSeconds: NO_REMINDER_SECONDS,
  };
};

/**
 * A newer claim by another claimant competes with `reference`: flag it, raise it to a supervisor, and tell the
 * supervisors when it already waits for a decision. Best effort: a lost race is retried twice and then logged, since
 * the decision itself checks the competing claims again (decide.ts) and the payout reservation pays one at most.
 */
const flagCompeting = async (deps: VerifyDeps, reference: string, newer: string, at: string, baseUrl: string): Promise<void> => {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const claim = await deps.claims.get(reference);
    if (!claim || !inGroup(claim.status, 'takesDocuments')) return;
    const v = claim.verification;
    if (v?.competingClaims?.includes(newer)) return;
    const flags = v?.flags.includes('COMPETING_CLAIM') ? v.flags : [...(v?.flags ?? []), 'COMPETING_CLAIM' as const];
    const approval = v?.approval && { ...v.approval, level: 'supervisor' as const, secondApprovalRequired: true };
    try {
      const flagged = await deps.claims.transition(reference, {
        from: [claim.status],
        expectVersion: claim.version,
        at,
        set: {
          verification: {
            ...(v ?? { checkedAt: at }),
            flags,
            competingClaims: [...(v?.competingClaims ?? []), newer].sort(),
            ...(approval ? { approval } : {}),
          },
        },
        audit: { type: 'COMPETING_CLAIM_FILED', at, actor: { kind: 'system' }, details: { competingClaim: newer } },
      });
      if (flagged.status === 'AWAITING_APPROVAL' && deps.staffEmails) {
        const secondApproval = (flagged.approvals?.length ?? 0) > 0;
        await deps.notifier.email(
          deps.staffEmails.supervisor,
          deps.messages.staff.decisionNeeded(flagged, baseUrl, { escalated: false, secondApproval }),
        );
      }
      return;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  logger.warn('could not flag a competing claim; the decision checks it again', { reference });
};
