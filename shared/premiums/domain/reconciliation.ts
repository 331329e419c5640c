import { firstDayOf, isPeriod, lastDayOf } from '../../kernel/periods';
import { type MonthlyContribution, monthlyContribution, PROGRAMMES, type Programme } from '../../reference-data/programmes';
import { COVERAGE_CATEGORIES, type Coverage, type CoverageCategory, type Member, type MemberStatus } from './member';
import { type PaymentLine, paymentLineKey } from './payment-row';

/**
 * Premium reconciliation of one month: what the sponsor owed for each member against what it paid (handbook
 * domain.md "Contributions and coverage"; api.md for the report; docs/data-model.md for the items it becomes).
 * Pure: the caller loads the roster and the month's payment lines, and writes the result.
 *
 * ## Which months a member owes
 * A member owes a month when they were covered on at least one day of it. BPU contributions are a flat monthly
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
 *   eligibility.ts), whatever `status` says.
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

interface Received {
  jkk: number;
  jkm: number;
  total: number;
  receipts: string[];
}

/**
 * Reconciles one period. `programmes` is the programme data (PROGRAMMES unless given), so that a new group of
 * workers needs no change here. Throws ReconciliationInputError for a malformed period, a NIK listed twice in the
 * roster, or a member owing the month under a programme that is not configured (an expected amount of 0 would hide
 * a debt).
 */
export const reconcile = (
  input: ReconciliationInput,
  programmes: Readonly<Record<string, Programme>> = PROGRAMMES,
): ReconciliationResult => {
  const { period, members, payments, reconciledAt } = input;
  if (!isPeriod(period)) throw new ReconciliationInputError(`period must be YYYY-MM, got ${JSON.stringify(period)}`);

  // The month's lines, one per key (rule: importing twice changes nothing).
  const lines = new Map<string, PaymentLine>();
  for (const line of payments) if (line.period === period) lines.set(paymentLineKey(line), line);

  // What each NIK paid for the month (rules d and e), and everything received.
  const received = new Map<string, Received>();
  let paidAmount = 0;
  for (const line of lines.values()) {
    const sum = received.get(line.nik) ?? { jkk: 0, jkm: 0, total: 0, receipts: [] };
    sum.jkk += line.jkk;
    sum.jkm += line.jkm;
    sum.total += line.jkk + line.jkm;
    sum.receipts.push(line.receiptNo);
    received.set(line.nik, sum);
    paidAmount += line.jkk + line.jkm;
  }

  const coverage: Coverage[] = [];
  const discrepancies: Discrepancy[] = [];
  const counts = Object.fromEntries(COVERAGE_CATEGORIES.map((c) => [c, 0])) as Record<CoverageCategory, number>;
  let expectedMembers = 0;
  let expectedAmount = 0;

  const record = (nik: string, category: CoverageCategory, expected: MonthlyContribution, paid: Received | undefined, name?: string) => {
    const paidSum = paid ? { jkk: paid.jkk, jkm: paid.jkm, total: paid.total } : { ...ZERO };
    coverage.push({
      nik,
      period,
      category,
      expected: { jkk: expected.jkk, jkm: expected.jkm, total: expected.total },
      paid: paidSum,
      receipts: paid ? [...paid.receipts].sort() : [],
      reconciledAt,
    });
    counts[category] += 1;
    if (category !== 'PAID') {
      discrepancies.push({ nik, category, expected: expected.total, paid: paidSum.total, ...(name !== undefined ? { name } : {}) });
    }
  };

  const onRoster = new Set<string>();
  for (const member of members) {
    if (onRoster.has(member.nik))
      throw new ReconciliationInputError(`the roster lists a NIK twice (${member.nik.slice(0, 2)}…${member.nik.slice(-2)})`);
    onRoster.add(member.nik);
    const paid = received.get(member.nik);
    if (owesMonth(member, period)) {
      const memberProgramme = Object.hasOwn(programmes, member.program) ? programmes[member.program] : undefined;
      if (!memberProgramme)
        throw new ReconciliationInputError(`a member owes ${period} under programme ${member.program}, which is not configured`);
      const expected = monthlyContribution(memberProgramme, member.monthlyWage);
      expectedMembers += 1;
      expectedAmount += expected.total;
      record(member.nik, categorize(expected, paid ?? ZERO), expected, paid, member.name);
    } else if (paid && paid.total > 0) {
      record(member.nik, 'PAID_FOR_INACTIVE', ZERO, paid, member.name);
    }
  }

  for (const [nik, paid] of received) {
    if (!onRoster.has(nik)) record(nik, 'UNKNOWN_MEMBER', ZERO, paid);
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
