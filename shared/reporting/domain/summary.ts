import type { Benefit, ClaimStatus, TimelineEntry } from '../../claims/domain/claim';
import { PAYOUT_DEADLINE_WORKING_DAYS } from '../../claims/domain/rules/deadlines';
import { jakartaDate } from '../../kernel/time';
import { addWorkingDays, workingDaysAfter } from '../../reference-data/working-days';
import { inRange, monthsOf, type ReportRange } from './range';

/**
 * The reporting figures, pure arithmetic over the claims and the month reports read for a range (nothing here reads
 * a table or a clock). Which event counts where:
 *
 * - **received**: the claim's `submittedAt` day is in the range; `claims.by*` count these claims, by their status
 *   today, benefit, cause, programme and province.
 * - **decided**: the decision (`decision.at`) was taken in the range, approved or rejected, by staff or by
 *   verification; **rejected** is the part of those that were rejections; a closure (WITHDRAWN) is no decision.
 * - **paid**: the claim's first payment (`payment.paidAt`) was in the range. Further payments (tranches) are transfers
 *   too: `payouts` counts every transfer in the range (first payments and tranches) and sums their amounts, and the
 *   monthly `amount` is every rupiah transferred in the month.
 * - **days to pay**: for each transfer in the range, the working days (holiday calendar and cuti bersama) after the
 *   Jakarta day the claim was complete, up to and including the day it was paid; the claim was complete when
 *   verification found every required document and sent it to approval (the last `AWAITING_APPROVAL` entry of its
 *   timeline before the payment), a tranche when it was requested. Paid on the legal deadline's day is N days.
 * - **deadline breaches**: transfers whose legal deadline (the one verification stored, `verification.approval.deadline`,
 *   else JKM 3 / JKK 7 working days after the complete day) falls in the range and that were paid after it, or are
 *   still unpaid, due and past it at `now`. A claim rejected or closed is not a breach: nothing was owed.
 * - **province**: the first two digits of the member's district (set when verification found the member on the
 *   roster), else of the member's NIK.
 */

/** A claim as the report reads it (a projection of the claim item). */
export interface ReportClaim {
  reference: string;
  status: ClaimStatus;
  benefit: Benefit;
  member: { nik: string };
  incident?: { cause?: string };
  district?: string;
  submittedAt: string;
  timeline?: TimelineEntry[];
  verification?: { program?: string; approval?: { deadline?: string } };
  decision?: { outcome: 'approved' | 'rejected'; at?: string };
  payment?: { amount: number; paidAt: string };
  tranches?: ReportTranche[];
}

export interface ReportTranche {
  id: string;
  status: string;
  requestedAt: string;
  approval?: { deadline?: string };
  decision?: { outcome: 'approved' | 'rejected'; at?: string };
  payment?: { amount: number; paidAt: string };
}

/** A month's reconciliation report, as far as coverage goes (the Members table's `REPORT` item). */
export interface CoverageReport {
  period: string;
  expected: { members: number };
  counts: Partial<Record<string, number>>;
}

export const DIMENSIONS = ['benefit', 'cause', 'programme', 'province'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The value a claim has when the data does not say (no cause, member not found on the roster). */
export const UNKNOWN = 'UNKNOWN';

export interface Activity {
  received: number;
  decided: number;
  rejected: number;
  /** Claims whose first payment fell in the month. */
  paid: number;
  /** Every rupiah transferred in the month, tranches included. */
  amount: number;
}

export interface MonthRow extends Activity {
  period: string;
}
export interface DimensionRow extends MonthRow {
  value: string;
}

export interface DaysToPay {
  median: number | null;
  p90: number | null;
  /** How many transfers the figures are taken from. */
  count: number;
}

export interface Breach {
  reference: string;
  /** A further payment's id (`T2`), absent for the first payment. */
  tranche?: string;
  benefit: Benefit;
  province: string;
  /** The legal deadline, ISO 8601. */
  deadline: string;
  /** When it was paid; absent when it is still unpaid. */
  paidAt?: string;
  /** Working days after the deadline's day, up to the payment day (or today for an unpaid one). */
  workingDaysLate: number;
}

export interface CoverageMonth {
  period: string;
  /** Members who owed the month (the report's `expected.members`). */
  expected: number;
  /** Of those, the members whose month is paid (`PAID` or `OVERPAID`: what verification treats as covered). */
  covered: number;
  /** covered / expected, rounded to 4 decimals; null when nobody owed the month. */
  rate: number | null;
}

export interface ReportSummary {
  range: ReportRange;
  claims: {
    received: number;
    byStatus: Record<string, number>;
    byBenefit: Record<string, number>;
    byCause: Record<string, number>;
    byProgramme: Record<string, number>;
    byProvince: Record<string, number>;
  };
  payouts: { count: number; amount: number; currency: 'IDR'; claims: number };
  daysToPay: DaysToPay & { byBenefit: Record<Benefit, DaysToPay & { deadlineWorkingDays: number }> };
  deadlineBreaches: number;
  breaches: Breach[];
  /** api.md's `coverage`: the range's latest reconciled month (null: none reconciled yet). */
  coverage: CoverageMonth | null;
  /** Every reconciled month of the range, in order (an extension). */
  coverageByMonth: CoverageMonth[];
  /** Every month of the range, in order, with the activity of the month. */
  months: MonthRow[];
  /** Per dimension, the activity of each month and value (only rows with some activity), by month then value. */
  byMonth: Record<Dimension, DimensionRow[]>;
}

/** The first two digits of the member's district, or of the NIK when verification did not find the member. */
export const provinceOf = (claim: Pick<ReportClaim, 'district' | 'member'>): string => (claim.district ?? claim.member.nik).slice(0, 2);

export const dimensionValue = (claim: ReportClaim, dimension: Dimension): string => {
  switch (dimension) {
    case 'benefit':
      return claim.benefit;
    case 'cause':
      return claim.incident?.cause ?? UNKNOWN;
    case 'programme':
      return claim.verification?.program ?? UNKNOWN;
    case 'province':
      return provinceOf(claim);
  }
};

/** The Jakarta day of an instant (payments may carry the bank's UTC time). */
const dayOf = (iso: string): string => jakartaDate(new Date(iso));

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The nearest-rank percentile: the smallest value with at least `p`% of the values at or below it; null for none. */
export const percentile = (values: readonly number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** When the claim was complete for its first payment: the last time it went to approval before `paidAt` (or ever). */
export const completedAt = (claim: Pick<ReportClaim, 'timeline'>, before?: string): string | undefined => {
  const limit = before ? Date.parse(before) : Number.POSITIVE_INFINITY;
  let at: string | undefined;
  for (const entry of claim.timeline ?? [])
    if (!entry.tranche && entry.status === 'AWAITING_APPROVAL' && Date.parse(entry.at) <= limit) at = entry.at;
  return at;
};

/** One amount owed to the family: the claim's first payment, or a further one (a tranche). */
interface Due {
  claim: ReportClaim;
  tranche?: string;
  /** When the clock started (the claim complete, the tranche requested). */
  since?: string;
  deadline?: string;
  paid?: { amount: number; paidAt: string };
  /** Not paid yet, and still to be paid (approval pending, approved, paying or a failed transfer). */
  open: boolean;
}

const OPEN_FIRST: readonly string[] = ['AWAITING_APPROVAL', 'APPROVED', 'PAYING', 'PAYOUT_FAILED'];
const OPEN_TRANCHE: readonly string[] = ['AWAITING_APPROVAL', 'APPROVED', 'PAYING', 'PAYOUT_FAILED'];

const duesOf = (claim: ReportClaim): Due[] => {
  const since = completedAt(claim, claim.payment?.paidAt);
  const deadline =
    claim.verification?.approval?.deadline ?? (since ? addWorkingDays(since, PAYOUT_DEADLINE_WORKING_DAYS[claim.benefit]) : undefined);
  const first: Due = { claim, since, deadline, paid: claim.payment, open: !claim.payment && OPEN_FIRST.includes(claim.status) };
  const further = (claim.tranches ?? []).map(
    (t): Due => ({
      claim,
      tranche: t.id,
      since: t.requestedAt,
      deadline: t.approval?.deadline ?? addWorkingDays(t.requestedAt, PAYOUT_DEADLINE_WORKING_DAYS[claim.benefit]),
      paid: t.payment,
      open: !t.payment && OPEN_TRANCHE.includes(t.status),
    }),
  );
  return [first, ...further];
};

const zero = (): Activity => ({ received: 0, decided: 0, rejected: 0, paid: 0, amount: 0 });
const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/**
 * The whole summary of a range. `claims` may hold claims outside the range (the read is bounded by `to` only): each
 * event is counted by its own day. `now` is the instant of the request (unpaid claims past their deadline).
 */
export const summarize = (input: {
  range: ReportRange;
  claims: readonly ReportClaim[];
  coverage: readonly CoverageReport[];
  now: Date;
  /**
   * Staff limited to provinces see only the claims of theirs (the province as `provinceOf` reads it). Coverage stays
   * national: a month's reconciliation report is not split by province.
   */
  provinces?: readonly string[];
}): ReportSummary => {
  const { range, now } = input;
  const allowed = input.provinces && new Set(input.provinces);
  const claims = allowed ? input.claims.filter((c) => allowed.has(provinceOf(c))) : input.claims;
  const today = jakartaDate(now);
  const nowMs = now.getTime();
  const months = monthsOf(range);
  const monthRows = new Map(months.map((p) => [p, zero()]));
  const cube: Record<Dimension, Map<string, Activity>> = {
    benefit: new Map(),
    cause: new Map(),
    programme: new Map(),
    province: new Map(),
  };
  const add = (claim: ReportClaim, iso: string, apply: (a: Activity) => void) => {
    const day = dayOf(iso);
    if (!inRange(range, day)) return;
    const period = day.slice(0, 7);
    apply(monthRows.get(period)!);
    for (const d of DIMENSIONS) {
      const key = `${period}|${dimensionValue(claim, d)}`;
      const row = cube[d].get(key) ?? zero();
      apply(row);
      cube[d].set(key, row);
    }
  };

  const byStatus: Record<string, number> = {};
  const byBenefit: Record<string, number> = {};
  const byCause: Record<string, number> = {};
  const byProgramme: Record<string, number> = {};
  const byProvince: Record<string, number> = {};
  let received = 0;
  const transfers: { benefit: Benefit; days: number | undefined; amount: number; reference: string }[] = [];
  const breaches: Breach[] = [];

  for (const claim of claims) {
    if (inRange(range, dayOf(claim.submittedAt))) {
      received += 1;
      bump(byStatus, claim.status);
      bump(byBenefit, dimensionValue(claim, 'benefit'));
      bump(byCause, dimensionValue(claim, 'cause'));
      bump(byProgramme, dimensionValue(claim, 'programme'));
      bump(byProvince, dimensionValue(claim, 'province'));
    }
    add(claim, claim.submittedAt, (a) => {
      a.received += 1;
    });
    const decidedAt = claim.decision?.at;
    if (decidedAt)
      add(claim, decidedAt, (a) => {
        a.decided += 1;
        if (claim.decision?.outcome === 'rejected') a.rejected += 1;
      });
    if (claim.payment)
      add(claim, claim.payment.paidAt, (a) => {
        a.paid += 1;
      });

    for (const due of duesOf(claim)) {
      if (due.paid) {
        const paidDay = dayOf(due.paid.paidAt);
        const amount = due.paid.amount;
        add(claim, due.paid.paidAt, (a) => {
          a.amount += amount;
        });
        if (inRange(range, paidDay))
          transfers.push({
            benefit: claim.benefit,
            reference: claim.reference,
            amount,
            days: due.since ? workingDaysAfter(dayOf(due.since), paidDay) : undefined,
          });
      }
      if (!due.deadline || !inRange(range, dayOf(due.deadline))) continue;
      const deadlineMs = Date.parse(due.deadline);
      const late = due.paid ? Date.parse(due.paid.paidAt) > deadlineMs : due.open && nowMs > deadlineMs;
      if (!late) continue;
      breaches.push({
        reference: claim.reference,
        ...(due.tranche ? { tranche: due.tranche } : {}),
        benefit: claim.benefit,
        province: provinceOf(claim),
        deadline: due.deadline,
        ...(due.paid ? { paidAt: due.paid.paidAt } : {}),
        workingDaysLate: workingDaysAfter(dayOf(due.deadline), due.paid ? dayOf(due.paid.paidAt) : today),
      });
    }
  }

  const daysOf = (list: typeof transfers): DaysToPay => {
    const days = list.flatMap((t) => (t.days === undefined ? [] : [t.days]));
    return { median: median(days), p90: percentile(days, 90), count: days.length };
  };
  const byBenefitDays = {
    JKM: { ...daysOf(transfers.filter((t) => t.benefit === 'JKM')), deadlineWorkingDays: PAYOUT_DEADLINE_WORKING_DAYS.JKM },
    JKK: { ...daysOf(transfers.filter((t) => t.benefit === 'JKK')), deadlineWorkingDays: PAYOUT_DEADLINE_WORKING_DAYS.JKK },
  };
  breaches.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.reference.localeCompare(b.reference));

  const wanted = new Set(months);
  const coverageByMonth = input.coverage
    .filter((r) => wanted.has(r.period))
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((r): CoverageMonth => {
      const covered = (r.counts.PAID ?? 0) + (r.counts.OVERPAID ?? 0);
      const expected = r.expected.members;
      return { period: r.period, expected, covered, rate: expected > 0 ? Math.round((covered / expected) * 10_000) / 10_000 : null };
    });

  const rowsOf = (d: Dimension): DimensionRow[] =>
    [...cube[d]]
      .map(([key, activity]) => {
        const [period, value] = key.split('|') as [string, string];
        return { period, value, ...activity };
      })
      .sort((a, b) => a.period.localeCompare(b.period) || a.value.localeCompare(b.value));

  return {
    range,
    claims: { received, byStatus, byBenefit, byCause, byProgramme, byProvince },
    payouts: {
      count: transfers.length,
      amount: transfers.reduce((sum, t) => sum + t.amount, 0),
      currency: 'IDR',
      claims: new Set(transfers.map((t) => t.reference)).size,
    },
    daysToPay: { ...daysOf(transfers), byBenefit: byBenefitDays },
    deadlineBreaches: breaches.length,
    breaches,
    coverage: coverageByMonth.at(-1) ?? null,
    coverageByMonth,
    months: months.map((period) => ({ period, ...monthRows.get(period)! })),
    byMonth: { benefit: rowsOf('benefit'), cause: rowsOf('cause'), programme: rowsOf('programme'), province: rowsOf('province') },
  };
};
