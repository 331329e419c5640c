import { type FieldError, ValidationError } from '../../kernel/errors';
import { firstDayOf, isPeriod, lastDayOf, periodOf, periodsBetween } from '../../kernel/periods';
import { isCalendarDate } from '../../kernel/time';

/**
 * The reporting range of `GET /staff/reports/summary` and the dashboard: two Jakarta calendar days, both included.
 *
 * - `from` and `to` are each a day (`YYYY-MM-DD`) or a month (`YYYY-MM`): a month as `from` is its first day, as `to`
 *   its last, so `from=2026-01&to=2026-03` is the first quarter.
 * - Defaults: `to` is today (Jakarta); `from` is the first day of the eleventh month before `to`'s month, so a bare
 *   request covers the last twelve calendar months, the current one included.
 * - Limits: at most REPORT_MAX_MONTHS calendar months (the read grows with the history, docs/data-model.md R1), and only
 *   within the working-day calendar (REPORT_FIRST_DAY to REPORT_LAST_DAY), which the days-to-pay figures need.
 * - A bad value is a 400 on its field (`report.date`), a `to` before `from` on `to` (`report.reversed`), a range
 *   too long on `to` (`report.tooLong`), a day outside the calendar on its field (`report.outOfCalendar`).
 */
export interface ReportRange {
  /** First day, YYYY-MM-DD (Jakarta). */
  from: string;
  /** Last day, YYYY-MM-DD (Jakarta), included. */
  to: string;
}

export const REPORT_MAX_MONTHS = 120;
/** The holiday calendar's first and last day (shared/reference-data/holidays.id.json: 2015-2040). */
export const REPORT_FIRST_DAY = '2015-01-01';
export const REPORT_LAST_DAY = '2040-12-31';
/** The months a bare request covers, the current one included. */
export const REPORT_DEFAULT_MONTHS = 12;

type Edge = 'from' | 'to';

const dayOf = (raw: string, edge: Edge): string | undefined => {
  if (isCalendarDate(raw)) return raw;
  if (isPeriod(raw)) return edge === 'from' ? firstDayOf(raw) : lastDayOf(raw);
  return undefined;
};

/** The range a query asks for, checked; `today` is the Jakarta date of the request. */
export const parseReportRange = (query: { from?: string; to?: string }, today: string): ReportRange => {
  const fields: FieldError[] = [];
  const read = (edge: Edge): string | undefined => {
    const raw = query[edge]?.trim();
    if (raw === undefined || raw === '') return undefined;
    const day = raw.length <= 10 ? dayOf(raw, edge) : undefined;
    if (!day) fields.push({ path: edge, code: 'report.date' });
    else if (day < REPORT_FIRST_DAY || day > REPORT_LAST_DAY) fields.push({ path: edge, code: 'report.outOfCalendar' });
    return day;
  };
  const givenFrom = read('from');
  const givenTo = read('to');
  if (fields.length > 0) throw new ValidationError(fields, 'from and to are days (YYYY-MM-DD) or months (YYYY-MM) from 2015 to 2040.');
  const to = givenTo ?? today;
  const from = givenFrom ?? firstDayOf(periodsBetween('2015-01', periodOf(to)).slice(-REPORT_DEFAULT_MONTHS)[0]!);
  if (to < from) throw new ValidationError([{ path: 'to', code: 'report.reversed' }], 'to is before from.');
  if (periodsBetween(periodOf(from), periodOf(to)).length > REPORT_MAX_MONTHS)
    throw new ValidationError([{ path: 'to', code: 'report.tooLong' }], `A report covers at most ${REPORT_MAX_MONTHS} months.`);
  return { from, to };
};

/** The months the range touches, in order (`YYYY-MM`). */
export const monthsOf = (range: ReportRange): string[] => periodsBetween(periodOf(range.from), periodOf(range.to));

/** Whether a Jakarta date (YYYY-MM-DD) is inside the range. */
export const inRange = (range: ReportRange, date: string): boolean => date >= range.from && date <= range.to;
