import { firstDayOf, isPeriod, lastDayOf } from '../../kernel/periods';
import { PROGRAMMES, type Programme } from '../../reference-data/programmes';
import { COVERAGE_CATEGORIES, type Coverage, type CoverageCategory, type Member, type MemberStatus, wageOn } from './member';
import { type PaymentLine, paymentLineKey } from './payment-row';
import {
  CONTRIBUTION_RULES,
  type ContributionRules,
  contributionFor,
  type MonthlyContribution,
  NoContributionRuleError,
} from './rules/contributions';

/**
 * Premium reconciliation of one month: what the sponsor owed for each member against what it paid (handbook
 * domain.md "Contributions and coverage"; api.md for the report; docs/data-model.md for the items it becomes).
 * Pure: the caller loads the roster and the month's payment lines, and writes the result.
 *
 * ## Which months a member owes: the status in force in a month
 * A member owes a month when they were covered on at least one day of it: that is what "the status in force in a
 * month" means here. A member deceased on 20 September owes September (covered until the 20th) and not October; money
 * for October is PAID_FOR_INACTIVE. The alternative, the status on the month's first day, would give the same answer
 * for a death but would let a member enrolled or reactivated on the 2nd owe nothing for that month. BPU contributions are a flat monthly
 * amount, due by the 15th of the month, and are **not pro-rated** (assumption: no source gives a daily rate, and
 * BPJS bills BPU months whole). So:
 * - (a) **Enrolment during the month**: enrolled on or before the month's last day means the whole month is owed;
 *   enrolled after it, nothing is owed (a payment for it is PAID_FOR_INACTIVE).
 * - (b) **Death during the month**: the month of death is owed in full, since the member was covered until death, and
 *   a JKM/JKK claim for that death looks up that month's coverage (eligibility.ts flags SPONSOR_ARREARS when it is not
 *   fully paid). A member is covered on the day of death itself, so a death on the 1st still owes that month. The
 *   months after are not owed; money for them is PAID_FOR_INACTIVE (a refund candidate).
 * - (c) **Status changes come from `statusHistory`** (status and the date it took effect), not from the current
 *   `status`, which says nothing about when. The status on a day is the last change effective on or before it (of
 *   changes effective the same day, the one recorded later), as in eligibility.ts; before any change, enrolment made
 *   the member active. 'inactive' takes effect on its date: a member inactive from the 1st owes nothing for that
 *   month, one inactive from the 15th owes it (covered on the 1st-14th), and no month starting after the date is
 *   owed, until a later 'active' change. An empty history therefore means active since enrolment (as in
 *   eligibility.ts), whatever `status` says. The roster import dates these changes with the file's `statusDate`, or
 *   the import day without one (roster-update.ts).
 *
 * ## What a month costs: the rules and the wage of that month
 * The expected amount is `contributionFor` (rules/contributions.ts) with the contribution rules **in force in that
 * month** (a relief month such as August 2020 under PP 49/2020 expects 1% of the normal figures, so a relief month
 * paid at the relief rate is PAID, and a claim in it is not flagged SPONSOR_ARREARS), for the member's declared
 * income **in force on the month's first day** (`wageOn`: BPU contributions are paid in advance, by the 15th, for the
 * income declared for the month; a change taking effect during the month counts from the next one). A month no
 * schedule prices makes the reconciliation throw ReconciliationInputError, as an unconfigured programme does.
 *
 * ## Categories (per member and month)
 * Amounts are compared per component as well as in total, because JKK and JKM are separate BPJS programmes with
 * separate funds: a surplus of JKK does not pay for a missing JKM, and a death benefit is funded by the JKM share.
 * - UNPAID: the month is owed and nothing was paid (no receipt, or only receipts of Rp0).
 * - UNDERPAID: something was paid, but the total or either component is below what was owed, even when a surplus in
 *   the other component makes the total whole. This errs toward review: a claim on such a month is flagged and routed
 *   to a supervisor, never rejected.
 * - OVERPAID: neither component short and the total above what was owed.
 * - PAID: both components exactly as owed.
 * - PAID_FOR_INACTIVE: more than Rp0 received for a month the member did not owe (not yet enrolled, inactive or
 *   deceased for the whole month): a refund candidate. Receipts of Rp0 for such a month produce no item, since there
 *   is nothing to refund, and a sponsor's export that lists every worker with 0 would otherwise flood the report.
 * - UNKNOWN_MEMBER: a payment line for a NIK that is not on the roster, whatever its amount: a NIK typo in the
 *   sponsor's file usually means that a real member's month is the one left unpaid.
 * A member who neither owed nor paid the month gets no coverage item.
 *
 * ## Payment lines
 * - (d) Lines add up per NIK: two receipts for one member and month are one coverage item with both receipts.
 * - (e) Amounts of 0 are valid lines and count as Rp0 paid.
 * - A line is identified by `paymentLineKey` (period, NIK, receipt number); the same key given twice counts once (the
 *   later wins, as a rewritten PutItem would), so reconciling after importing a file twice changes nothing.
 * - Lines for another period are ignored, so a caller may pass a whole ledger.
 * - `paid.amount` in the report is every rupiah received for the month, matched to a member or not.
 *
 * Linear in members + payments (Maps keyed by NIK): it runs on the whole roster, some 50,000 members. Only each
 * member's own status history is sorted, and the discrepancy list (as api.md wants it ordered).
 */

export type DiscrepancyCategory = Exclude<CoverageCategory, 'PAID'>;

export interface Discrepancy {
  nik: string;
  category: DiscrepancyCategory;
  /** Total rupiah owed for the month (0 when nothing was owed). */
  expected: number;
  /** Total rupiah received for the month. */
  paid: number;
  /** The roster name; absent for an UNKNOWN_MEMBER. */
  name?: string;
}

export interface ReconciliationReport {
  period: string;
  /** `members`: members who owed the month; `amount`: the sum they owed. */
  expected: { members: number; amount: number };
  /** Every rupiah received for the month, matched or not. */
  paid: { amount: number };
  counts: Record<CoverageCategory, number>;
  /** Every item that is not PAID, by category (in COVERAGE_CATEGORIES order) then NIK. */
  discrepancies: Discrepancy[];
}

export interface ReconciliationInput {
  period: string;
  members: readonly Member[];
  payments: readonly PaymentLine[];
  reconciledAt: string;
}

export interface ReconciliationResult {
  period: string;
  /**
   * One item per member who owed or paid the month, in roster order, then one per unknown NIK that paid, in payment
   * order. UNKNOWN_MEMBER items are included so that their receipts are at hand; note that docs/data-model.md says a
   * payment for an unknown NIK "has no coverage item", so whether the writer stores them is the writer's decision.
   */
  coverage: Coverage[];
  report: ReconciliationReport;
}

/** Bad input that no rerun can fix: thrown, never returned, so a scheduled run or workflow task fails visibly. */
export class ReconciliationInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReconciliationInputError';
  }
}

type StatusChange = Member['statusHistory'][number];

const byEffectiveDate = (x: StatusChange, y: StatusChange): number =>
  x.on === y.on ? x.recordedAt.localeCompare(y.recordedAt) : x.on.localeCompare(y.on);

/** Covered on a day: active after the day's changes, or died that day while active (rule b). */
const coveredOn = (before: MemberStatus, after: MemberStatus): boolean =>
  after === 'active' || (after === 'deceased' && before === 'active');

/**
 * Whether the member owes the contribution of `period` (covered on at least one day of it; rules a-c above).
 * Walks only the days on which the status changes, so it costs the length of the member's history.
 */
export const owesMonth = (member: Pick<Member, 'enrolledOn' | 'statusHistory'>, period: string): boolean => {
  const last = lastDayOf(period);
  const first = firstDayOf(period);
  // YYYY-MM-DD dates compare as strings: the later of enrolment and the month's first day.
  const start = member.enrolledOn > first ? member.enrolledOn : first;
  if (start > last) return false;
  const history = member.statusHistory.length > 1 ? [...member.statusHistory].sort(byEffectiveDate) : member.statusHistory;
  let status: MemberStatus = 'active';
  let i = 0;
  while (i < history.length && history[i]!.on < start) status = history[i++]!.status;
  for (let day = start; ; ) {
    const before = status;
    while (i < history.length && history[i]!.on === day) status = history[i++]!.status;
    if (coveredOn(before, status)) return true;
    // Not covered at the end of `day`: the status stays so until the next change, if one falls within the month.
    const next = history[i];
    if (!next || next.on > last) return false;
    day = next.on;
  }
};

const ZERO: MonthlyContribution = Object.freeze({ jkk: 0, jkm: 0, total: 0 });

/** The category of a month the member owed (see the rules above). */
export const categorize = (expected: MonthlyContribution, paid: MonthlyContribution): CoverageCategory => {
  if (paid.total === 0 && expected.total > 0) return 'UNPAID';
  if (paid.jkk < expected.jkk || paid.jkm < expected.jkm) return 'UNDERPAID';
  if (paid.total > expected.total) return 'OVERPAID';
  return 'PAID';
};

/** The programme data and contribution rules a reconciliation prices months with (the configured ones unless given). */
export interface PricingData {
  programmes?: Readonly<Record<string, Programme>>;
  rules?: ContributionRules;
}

export interface MemberMonth {
  period: string;
  nik: string;
  /** The roster member with this NIK; undefined for a NIK not on the roster. */
  member: Member | undefined;
  /** The NIK's payment lines for the period (others are ignored; a key given twice counts once, the later winning). */
  lines: readonly PaymentLine[];
  reconciledAt: string;
}

export interface MemberMonthResult {
  /** Whether the member owed the month (and so counts in the report's `expected`). */
  owed: boolean;
  /** The coverage item of the month; undefined when the member neither owed nor paid more than Rp0 for it. */
  coverage?: Coverage;
}

/**
 * One member and month: what was owed, what was paid, and the coverage item it makes (the rules above). The same
 * categorisation for the whole month's reconciliation and for the coverage a payment import refreshes at once.
 * Throws ReconciliationInputError for a member owing the month under a programme that is not configured, or in a
 * month no contribution schedule prices.
 */
export const reconcileMemberMonth = (input: MemberMonth, pricing: PricingData = {}): MemberMonthResult => {
  const { period, nik, member, reconciledAt } = input;
  const programmes = pricing.programmes ?? PROGRAMMES;
  const lines = new Map<string, PaymentLine>();
  for (const line of input.lines) if (line.period === period && line.nik === nik) lines.set(paymentLineKey(line), line);
  const paid = { jkk: 0, jkm: 0, total: 0 };
  for (const line of lines.values()) {
    paid.jkk += line.jkk;
    paid.jkm += line.jkm;
    paid.total += line.jkk + line.jkm;
  }
  const item = (category: CoverageCategory, expected: MonthlyContribution): Coverage => ({
    nik,
    period,
    category,
    expected: { jkk: expected.jkk, jkm: expected.jkm, total: expected.total },
    paid,
    receipts: [...lines.values()].map((l) => l.receiptNo).sort(),
    reconciledAt,
  });

  if (!member) return { owed: false, ...(lines.size > 0 ? { coverage: item('UNKNOWN_MEMBER', ZERO) } : {}) };
  if (!owesMonth(member, period)) return { owed: false, ...(paid.total > 0 ? { coverage: item('PAID_FOR_INACTIVE', ZERO) } : {}) };
  const memberProgramme = Object.hasOwn(programmes, member.program) ? programmes[member.program] : undefined;
  if (!memberProgramme)
    throw new ReconciliationInputError(`a member owes ${period} under programme ${member.program}, which is not configured`);
  let expected: MonthlyContribution;
  try {
    expected = contributionFor(memberProgramme, wageOn(member, firstDayOf(period)), period, pricing.rules ?? CONTRIBUTION_RULES);
  } catch (error) {
    if (error instanceof NoContributionRuleError) throw new ReconciliationInputError(error.message);
    throw error;
  }
  return { owed: true, coverage: item(categorize(expected, paid), expected) };
};

/**
 * Reconciles one period. `pricing` holds the programme data and contribution rules (the configured ones unless
 * given), so that a new group of workers, or a new relief period, needs no change here. Throws
 * ReconciliationInputError for a malformed period, a NIK listed twice in the roster, or a member owing the month under
 * a programme that is not configured or in a month no schedule prices (an expected amount of 0 would hide a debt).
 */
export const reconcile = (input: ReconciliationInput, pricing: PricingData = {}): ReconciliationResult => {
  const { period, members, payments, reconciledAt } = input;
  if (!isPeriod(period)) throw new ReconciliationInputError(`period must be YYYY-MM, got ${JSON.stringify(period)}`);

  // The month's lines by NIK, one per key (rule: importing twice changes nothing), and everything received.
  const byKey = new Map<string, PaymentLine>();
  for (const line of payments) if (line.period === period) byKey.set(paymentLineKey(line), line);
  const linesOf = new Map<string, PaymentLine[]>();
  let paidAmount = 0;
  for (const line of byKey.values()) {
    const list = linesOf.get(line.nik);
    if (list) list.push(line);
    else linesOf.set(line.nik, [line]);
    paidAmount += line.jkk + line.jkm;
  }

  const coverage: Coverage[] = [];
  const discrepancies: Discrepancy[] = [];
  const counts = Object.fromEntries(COVERAGE_CATEGORIES.map((c) => [c, 0])) as Record<CoverageCategory, number>;
  let expectedMembers = 0;
  let expectedAmount = 0;

  const record = (result: MemberMonthResult, name?: string) => {
    if (result.owed) {
      expectedMembers += 1;
      expectedAmount += result.coverage!.expected.total;
    }
    const item = result.coverage;
    if (!item) return;
    coverage.push(item);
    counts[item.category] += 1;
    if (item.category !== 'PAID') {
      discrepancies.push({
        nik: item.nik,
        category: item.category,
        expected: item.expected.total,
        paid: item.paid.total,
        ...(name !== undefined ? { name } : {}),
      });
    }
  };

  const onRoster = new Set<string>();
  for (const member of members) {
    if (onRoster.has(member.nik))
      throw new ReconciliationInputError(`the roster lists a NIK twice (${member.nik.slice(0, 2)}…${member.nik.slice(-2)})`);
    onRoster.add(member.nik);
    const lines = linesOf.get(member.nik) ?? [];
    record(reconcileMemberMonth({ period, nik: member.nik, member, lines, reconciledAt }, pricing), member.name);
  }

  for (const [nik, lines] of linesOf) {
    if (!onRoster.has(nik)) record(reconcileMemberMonth({ period, nik, member: undefined, lines, reconciledAt }, pricing));
  }

  const order = new Map(COVERAGE_CATEGORIES.map((c, i) => [c, i]));
  discrepancies.sort((x, y) => order.get(x.category)! - order.get(y.category)! || (x.nik < y.nik ? -1 : x.nik > y.nik ? 1 : 0));

  return {
    period,
    coverage,
    report: {
      period,
      expected: { members: expectedMembers, amount: expectedAmount },
      paid: { amount: paidAmount },
      counts,
      discrepancies,
    },
  };
};
