import { jakartaDate } from '../../kernel/time';
import { type Text, texts } from '../../messages';
import { type Member, statusOn } from '../../premiums/domain/member';
import { PROGRAMMES, type Programme } from '../../reference-data/programmes';
import { type Benefit, type IncidentCause, type IncidentType, JKK_CAUSES, type Relationship } from './claim';
import { namesMatch } from './name-match';
import { claimWindowEnd } from './rules/claim-window';

/**
 * Is a claim payable on the facts we hold? A pure check of the claim against the roster and the premium ledger.
 * Rejections are the rules a claim cannot pass; flags never reject: they route the claim to the right person.
 */

export const REJECTION_CODES = [
  'MEMBER_NOT_FOUND',
  'BENEFIT_NOT_COVERED',
  'NOT_ACTIVE_AT_INCIDENT',
  'CLAIM_WINDOW_EXPIRED',
  'CAUSE_NOT_COVERED',
  'HEIR_NOT_ENTITLED',
  /** Not an eligibility rule: the documents were still missing when the wait for them ended (verify-claim.ts). */
  'DOCUMENTS_EXPIRED',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export const ELIGIBILITY_FLAGS = ['NAME_MISMATCH', 'SPONSOR_ARREARS', 'HEIR_ORDER_REVIEW'] as const;
export type Flag = (typeof ELIGIBILITY_FLAGS)[number];

export interface EligibilityInput {
  /** The fields of a stored Claim the rules read (a whole Claim fits). */
  claim: {
    benefit: Benefit;
    incident: { type: IncidentType; date: string; cause?: IncidentCause | undefined };
    claimant: { relationship: Relationship; nik: string };
    member: { nik: string; name: string };
    submittedAt: string;
  };
  /** The roster's member with the claim's NIK, if any. */
  member: Member | undefined;
  /** The premium ledger for the member and the incident month (Jakarta), if reconciled. */
  coverage: { period: string; category: string } | undefined;
}

export type EligibilityResult = { outcome: 'eligible'; flags: Flag[] } | { outcome: 'rejected'; reasonCode: RejectionCode; flags: Flag[] };

/** Premium categories in which the sponsor paid the month in full (docs/data-model.md, coverage `category`). */
const PAID_CATEGORIES: readonly string[] = ['PAID', 'OVERPAID'];

/** Heirs of order 2-5 (PP 44/2015 art. 37(5)): paid only if no heir of a higher order exists, which a verifier confirms. */
const LOWER_ORDER_HEIRS: readonly Relationship[] = [
  'parent',
  'grandparent',
  'grandchild',
  'sibling',
  'parent_in_law',
  'appointed',
  // Order 6: only when there is no heir at all, which a verifier confirms.
  'funeral_arranger',
];

const WORK_CAUSES: readonly string[] = JKK_CAUSES;

/** The Jakarta date a change was recorded; an unreadable timestamp counts as recorded late (never against the family). */
const recordedOn = (recordedAt: string): string => {
  const at = new Date(recordedAt);
  return Number.isNaN(at.getTime()) ? '9999-12-31' : jakartaDate(at);
};

/**
 * Enrolled by the incident date and 'active' on it. For a death claim, a 'deceased' status effective or recorded on
 * or after the incident date is this death, reported by the sponsor, not a lapse: it is set aside. Only a death the
 * roster already held before the incident counts against the claim.
 */
const activeAtIncident = (member: Member, incident: { type: IncidentType; date: string }): boolean => {
  if (incident.date < member.enrolledOn) return false;
  const history =
    incident.type === 'death'
      ? member.statusHistory.filter(
          (c) => !(c.status === 'deceased' && (c.on >= incident.date || recordedOn(c.recordedAt) >= incident.date)),
        )
      : member.statusHistory;
  return statusOn({ statusHistory: history }, incident.date) === 'active';
};

const causeCovered = (benefit: Benefit, incident: { type: IncidentType; cause?: IncidentCause | undefined }): boolean => {
  const workCause = incident.cause !== undefined && WORK_CAUSES.includes(incident.cause);
  // JKM is a death not caused by work; JKK (death or injury) needs a work accident, the commute or an occupational disease.
  if (benefit === 'JKM') return incident.type === 'death' && !workCause;
  return workCause;
};

/** A death is claimed by an heir (a guardian for a child heir); an injury by the worker, or the spouse with a power of attorney. */
const heirEntitled = (incidentType: IncidentType, relationship: Relationship): boolean =>
  incidentType === 'death' ? relationship !== 'self' : relationship === 'self' || relationship === 'spouse';

const flagsFor = (input: EligibilityInput, member: Member): Flag[] => {
  const { claim, coverage } = input;
  const flags: Flag[] = [];
  if (!namesMatch(claim.member.name, member.name)) flags.push('NAME_MISMATCH');
  const incidentMonth = claim.incident.date.slice(0, 7);
  // Unpaid or short premiums are the sponsor's debt, never the family's fault: a supervisor handles it, no rejection.
  if (!coverage || coverage.period !== incidentMonth || !PAID_CATEGORIES.includes(coverage.category)) flags.push('SPONSOR_ARREARS');
  if (claim.incident.type === 'death' && LOWER_ORDER_HEIRS.includes(claim.claimant.relationship)) flags.push('HEIR_ORDER_REVIEW');
  return flags;
};

/**
 * The rules in the order they are checked; the first that fails names the rejection. `programmes` is the programme
 * data (PROGRAMMES unless given), so a new group of workers needs no change here. `overridden` are rejections a
 * supervisor set aside by upholding the family's appeal (reopening.ts): those rules are skipped, the later ones still
 * apply. A missing member can never be set aside: without one there is no wage to compute a benefit from.
 */
export const assessEligibility = (
  input: EligibilityInput,
  programmes: Readonly<Record<string, Programme>> = PROGRAMMES,
  overridden: readonly string[] = [],
): EligibilityResult => {
  const { claim, member } = input;
  // A member looked up by another NIK is not this claim's member.
  if (!member || member.nik !== claim.member.nik) return { outcome: 'rejected', reasonCode: 'MEMBER_NOT_FOUND', flags: [] };

  const flags = flagsFor(input, member);
  const memberProgramme = Object.hasOwn(programmes, member.program) ? programmes[member.program] : undefined;
  // Per benefit (rules/claim-window.ts): JKM never expires; JKK by the anniversary rule on Jakarta dates, so a claim
  // submitted on the 5th anniversary is in time and the day after is not.
  const submittedOn = jakartaDate(new Date(claim.submittedAt));
  const windowEnd = claimWindowEnd(claim.benefit, claim.incident.date);
  const rules: [RejectionCode, () => boolean][] = [
    ['BENEFIT_NOT_COVERED', () => memberProgramme?.benefits.includes(claim.benefit) === true],
    ['NOT_ACTIVE_AT_INCIDENT', () => activeAtIncident(member, claim.incident)],
    ['CLAIM_WINDOW_EXPIRED', () => windowEnd === undefined || submittedOn <= windowEnd],
    ['CAUSE_NOT_COVERED', () => causeCovered(claim.benefit, claim.incident)],
    ['HEIR_NOT_ENTITLED', () => heirEntitled(claim.incident.type, claim.claimant.relationship)],
  ];
  for (const [reasonCode, passes] of rules) {
    if (overridden.includes(reasonCode)) continue;
    if (!passes()) return { outcome: 'rejected', reasonCode, flags };
  }
  return { outcome: 'eligible', flags };
};

/** What the family reads when a claim is rejected: plain words, what it means, and what they can do (shared/messages). */
export const REJECTION_REASONS: Record<RejectionCode, Text> = texts('rejection', REJECTION_CODES);

/** What staff read beside a flagged claim (shared/messages). */
export const FLAG_LABELS: Record<Flag, Text> = texts('flag', ELIGIBILITY_FLAGS);

/**
 * Flags that need a supervisor's decision (sponsor arrears, name mismatches, and a competing claim by another
 * claimant, set by verification); the others a verifier clears.
 */
const SUPERVISOR_FLAGS: readonly string[] = ['SPONSOR_ARREARS', 'NAME_MISMATCH', 'COMPETING_CLAIM', 'APPEAL_UPHELD'];

export const needsSupervisor = (flags: readonly string[]): boolean => flags.some((f) => SUPERVISOR_FLAGS.includes(f));
