/** A roster member as the sponsor reports it (handbook api.md, roster CSV). */
export const MEMBER_STATUSES = ['active', 'inactive', 'deceased'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** One status change: the status, the day it took effect (Jakarta date) and when we recorded it. */
export interface StatusChange {
  status: MemberStatus;
  on: string;
  recordedAt: string;
}

/** One wage change: the wage or declared income, the day it took effect (Jakarta date) and when we recorded it. */
export interface WageChange {
  /** Integer rupiah. */
  monthlyWage: number;
  from: string;
  recordedAt: string;
}

export interface Member {
  nik: string;
  name: string;
  program: string;
  kpj?: string;
  province: string;
  regency: string;
  district: string;
  enrolledOn: string;
  /**
   * Integer rupiah: the wage or declared income the roster reports now (the JKK wage base). The figure in force on
   * another day is `wageOn(member, day)`, from `wageHistory`.
   */
  monthlyWage: number;
  phone?: string;
  status: MemberStatus;
  /** Every status change with the date it took effect and when we recorded it. */
  statusHistory: StatusChange[];
  /**
   * Every wage change with the date it took effect and when we recorded it. Absent on members stored before wages
   * had a history: for them `monthlyWage` is the only wage known.
   */
  wageHistory?: WageChange[];
  updatedAt: string;
}

/** Later-effective last; of two changes effective the same day, the one recorded later is the later one. */
const byDateThenRecorded =
  <C extends { recordedAt: string }>(dateOf: (c: C) => string) =>
  (x: C, y: C): number =>
    dateOf(x) === dateOf(y) ? x.recordedAt.localeCompare(y.recordedAt) : dateOf(x).localeCompare(dateOf(y));

/** The status changes in the order they took effect (a copy; the stored order is the order they were recorded). */
export const statusChangesInOrder = (history: readonly StatusChange[]): StatusChange[] =>
  [...history].sort(byDateThenRecorded((c) => c.on));

/** The wage changes in the order they took effect (a copy). */
export const wageChangesInOrder = (history: readonly WageChange[]): WageChange[] => [...history].sort(byDateThenRecorded((c) => c.from));

/**
 * The roster status in force on a day (YYYY-MM-DD): the last change effective on or before it (of changes effective
 * the same day, the one recorded later). With no change on record by then, enrolment made the member active.
 */
export const statusOn = (member: Pick<Member, 'statusHistory'>, date: string): MemberStatus =>
  statusChangesInOrder(member.statusHistory)
    .filter((c) => c.on <= date)
    .at(-1)?.status ?? 'active';

/**
 * The wage (integer rupiah) in force on a day (YYYY-MM-DD): the latest change with `from` on or before the day (of
 * changes from the same day, the one recorded later).
 *
 * For a member without a wage history (stored before there was one), `monthlyWage`, the only figure known. For a
 * day before the first recorded change, the **earliest known wage**: the roster tells us nothing about the wage
 * before it, and the first figure reported is a closer guess than none (a benefit can never be computed from
 * nothing) or than a later figure (which would let a raise reach back before it took effect). A benefit or a
 * contribution computed this way for such a day rests on that assumption; a wage history that starts at enrolment
 * (what the import writes for a new member without `wageFrom`) never needs it.
 */
export const wageOn = (member: Pick<Member, 'monthlyWage' | 'wageHistory'>, date: string): number => {
  const history = member.wageHistory;
  if (!history || history.length === 0) return member.monthlyWage;
  const ordered = wageChangesInOrder(history);
  return (ordered.filter((c) => c.from <= date).at(-1) ?? ordered[0]!).monthlyWage;
};

/** Premium coverage categories of one member and month (the reconciliation writes them; docs/data-model.md). */
export const COVERAGE_CATEGORIES = ['PAID', 'UNPAID', 'UNDERPAID', 'OVERPAID', 'PAID_FOR_INACTIVE', 'UNKNOWN_MEMBER'] as const;
export type CoverageCategory = (typeof COVERAGE_CATEGORIES)[number];

export interface Coverage {
  nik: string;
  period: string; // YYYY-MM, Asia/Jakarta
  category: CoverageCategory;
  expected: { jkk: number; jkm: number; total: number };
  paid: { jkk: number; jkm: number; total: number };
  receipts: string[];
  reconciledAt: string;
}
