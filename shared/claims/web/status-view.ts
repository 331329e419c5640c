import { jakartaDate } from '../../kernel/time';
import { hasMessage, type Lang, type MessageKey, messageText } from '../../messages';
import { BANKS } from '../../reference-data/banks';
import { workingDaysAfter } from '../../reference-data/working-days';
import { type Claim, type ClaimStatus, inGroup } from '../domain/claim';
import { PAYOUT_DEADLINE_WORKING_DAYS } from '../domain/rules/deadlines';
import { type SchoolLevel, scholarshipRuleSetFor } from '../domain/rules/scholarship';
import { scholarshipEligible, schoolYearOf } from '../domain/tranche';

/**
 * What the family's status page says, worked out from the claim without any markup (status-page.ts renders it):
 * the outcome's colour, what happens next and by when, whether the page refreshes itself, where the money went, why
 * a claim was rejected, and the scholarship. Pure: the clock comes in as an argument.
 */

/**
 * The colour of the outcome, always beside its words (never colour alone): paid or approved is good news, a rejection
 * bad news, something the family or finance must act on amber, a claim on its way neutral.
 */
export type Outcome = 'good' | 'bad' | 'action' | 'waiting' | 'closed';
const OUTCOMES: Partial<Record<ClaimStatus, Outcome>> = {
  APPROVED: 'good',
  PAYING: 'good',
  PAID: 'good',
  REJECTED: 'bad',
  NEEDS_DOCUMENTS: 'action',
  PAYOUT_FAILED: 'action',
  WITHDRAWN: 'closed',
};
/** Any other status (a claim on its way, or a status added later) reads as neutral. */
export const outcomeOf = (status: ClaimStatus): Outcome => OUTCOMES[status] ?? 'waiting';

// ---- What happens next, and by when ------------------------------------------------------------------------------

/** A legal deadline in working days (the payout deadline), counted on the holiday calendar from today (Jakarta). */
export type WorkingDeadline =
  | { date: string; late: false; workingDaysLeft: number }
  | { date: string; late: true; workingDaysLate: number };
/** A deadline in calendar days (the documents' expiry, a 60-day wait). */
export interface CalendarDeadline {
  date: string;
  late: boolean;
  daysLeft: number;
}

export type NextStep =
  | { kind: 'checking'; payoutDays: number }
  | { kind: 'documents'; dueBy?: CalendarDeadline; payoutDays: number }
  | { kind: 'decision' | 'transfer' | 'payoutFailed'; deadline?: WorkingDeadline }
  | { kind: 'paid' | 'rejected' | 'closed' | 'none' };

const DAY_MS = 86_400_000;
const calendarDays = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The deadline at the end of `deadlineIso`'s Jakarta day, seen from `now`: working days left, or late by how many. */
export const workingDeadline = (deadlineIso: string, now: Date): WorkingDeadline => {
  const date = jakartaDate(new Date(deadlineIso));
  const today = jakartaDate(now);
  return today > date
    ? { date, late: true, workingDaysLate: workingDaysAfter(date, today) }
    : { date, late: false, workingDaysLeft: workingDaysAfter(today, date) };
};

const calendarDeadline = (dueIso: string, now: Date): CalendarDeadline => {
  const date = jakartaDate(new Date(dueIso));
  const today = jakartaDate(now);
  return { date, late: Date.parse(dueIso) <= now.getTime(), daysLeft: Math.max(0, calendarDays(today, date)) };
};

/**
 * What the family can expect next. The legal deadline (JKM 3, JKK 7 working days from a complete claim) is the one
 * the verification stored (`verification.approval.deadline`); before the claim is complete it is said as a rule.
 */
export const nextStep = (claim: Claim, now: Date): NextStep => {
  const payoutDays = PAYOUT_DEADLINE_WORKING_DAYS[claim.benefit];
  const stored = claim.verification?.approval?.deadline;
  const deadline = stored ? workingDeadline(stored, now) : undefined;
  switch (claim.status) {
    case 'SUBMITTED':
    case 'VERIFYING':
      return { kind: 'checking', payoutDays };
    case 'NEEDS_DOCUMENTS':
      return { kind: 'documents', payoutDays, ...(claim.documentsDueBy ? { dueBy: calendarDeadline(claim.documentsDueBy, now) } : {}) };
    case 'AWAITING_APPROVAL':
      return { kind: 'decision', ...(deadline ? { deadline } : {}) };
    case 'APPROVED':
    case 'PAYING':
      return { kind: 'transfer', ...(deadline ? { deadline } : {}) };
    case 'PAYOUT_FAILED':
      return { kind: 'payoutFailed', ...(deadline ? { deadline } : {}) };
    case 'PAID':
      return { kind: 'paid' };
    case 'REJECTED':
      return { kind: 'rejected' };
    case 'WITHDRAWN':
      return { kind: 'closed' };
    default:
      return { kind: 'none' };
  }
};

// ---- Refreshing itself -------------------------------------------------------------------------------------------

/** Steps the system takes on its own within seconds (verification, the bank): the page looks again soon. */
const QUICK: readonly ClaimStatus[] = ['SUBMITTED', 'VERIFYING', 'APPROVED', 'PAYING'];
const TRANCHE_MOVING: readonly string[] = ['AWAITING_APPROVAL', 'APPROVED', 'PAYING', 'PAYOUT_FAILED'];

/**
 * The claim is on its way and nobody waits for the family: the workflow or staff will change it. A claim waiting for
 * documents is the family's move, and a final one does not change (a further payment still in progress does).
 */
export const isMoving = (claim: Pick<Claim, 'status' | 'tranches'>): boolean =>
  (inGroup(claim.status, 'open') && claim.status !== 'NEEDS_DOCUMENTS') ||
  (claim.tranches ?? []).some((t) => TRANCHE_MOVING.includes(t.status));

export interface Refresh {
  /** With JavaScript: how often the page asks for the status JSON (it backs off, and reloads only on a change). */
  pollSeconds: number;
  /** Without JavaScript: the meta refresh's delay (a whole page each time, so less often). */
  metaSeconds: number;
}

/**
 * Whether and how often the page refreshes itself: only while the claim moves, never while the family fills a form on
 * the page (a reload would lose the chosen files), and never when the family turned it off.
 */
export const refreshOf = (
  claim: Pick<Claim, 'status' | 'tranches'>,
  page: { formShown: boolean; autoOff: boolean },
): Refresh | undefined => {
  if (page.formShown || page.autoOff || !isMoving(claim)) return undefined;
  return QUICK.includes(claim.status) ? { pollSeconds: 5, metaSeconds: 30 } : { pollSeconds: 20, metaSeconds: 120 };
};

// ---- Where the money went, and why not -----------------------------------------------------------------------------

/** The heir's account as the page may show it: the bank's name and the last four digits, never the whole number. */
export const paidTo = (account: Claim['bankAccount']): { bank: string; last4: string } => ({
  bank: Object.hasOwn(BANKS, account.bankCode) ? BANKS[account.bankCode]! : account.bankCode,
  last4: account.accountNumber.slice(-4),
});

const textIfAny = (key: string, lang: Lang): string | undefined => (hasMessage(key) ? messageText(key as MessageKey, lang) : undefined);

/**
 * Why a claim was rejected or closed, in the page's language, from its reason code: a staff closure, the workflow's
 * own rules (`decidedBy: system`) or a staff rejection. The stored text (Bahasa Indonesia) when the code is unknown.
 */
export const reasonText = (claim: Claim, lang: Lang): string | undefined => {
  if (claim.status !== 'REJECTED' && claim.status !== 'WITHDRAWN') return undefined;
  if (claim.closure) return textIfAny(`closeReason.${claim.closure.reasonCode}`, lang) ?? claim.closure.reason;
  const d = claim.decision;
  if (!d) return undefined;
  const code = d.reasonCode ?? '';
  const [first, second] = d.decidedBy === 'system' || !d.decidedBy ? ['rejection', 'staffRejection'] : ['staffRejection', 'rejection'];
  return textIfAny(`${first}.${code}`, lang) ?? textIfAny(`${second}.${code}`, lang) ?? d.reason;
};

// ---- The scholarship -----------------------------------------------------------------------------------------------

export interface ScholarshipInfo {
  maxChildren: number;
  ageLimit: number;
  /** Per level, the amount per child per school year (PP 82/2019); empty under a lump-sum rule set. */
  perYear: { level: SchoolLevel; amount: number }[];
  /** PP 44/2015: one payment for one child. */
  lumpSum?: number;
  /** The current school year (July to June) and the proofs of schooling already sent for it. */
  schoolYear: string;
  proofsThisYear: number;
  /** Proof of schooling is taken on this page once the first payment is made. */
  canSend: boolean;
}

/** The scholarship, when the claim makes the member's children eligible (tranche.ts) and was not rejected. */
export const scholarshipInfo = (claim: Claim, now: Date): ScholarshipInfo | undefined => {
  if (claim.status === 'REJECTED' || claim.status === 'WITHDRAWN' || !scholarshipEligible(claim)) return undefined;
  const rules = scholarshipRuleSetFor(claim.incident.date);
  if (!rules) return undefined;
  const schoolYear = schoolYearOf(jakartaDate(now));
  return {
    maxChildren: rules.maxChildren.value,
    ageLimit: rules.ageLimit.value,
    perYear: Object.entries(rules.perYear.value).map(([level, v]) => ({ level: level as SchoolLevel, amount: v.amount })),
    ...(rules.lumpSum ? { lumpSum: rules.lumpSum.value } : {}),
    schoolYear,
    proofsThisYear: claim.documents.filter((d) => d.type === 'SCHOOL_CERTIFICATE' && d.schoolYear === schoolYear).length,
    canSend: claim.status === 'PAID',
  };
};
