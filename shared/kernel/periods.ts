import { isCalendarDate, jakartaDate } from './time';

/**
 * Contribution periods: one calendar month in Asia/Jakarta, written `YYYY-MM` (handbook domain.md: BPU contributions
 * are monthly; time is WIB). Periods are plain strings so that they sort and compare as text ('2026-02' < '2026-10')
 * and serve directly as key parts (`PAYMENT#YYYY-MM`, `COVERAGE#YYYY-MM`, docs/data-model.md).
 *
 * Every function here is pure arithmetic on the string; none creates an Intl.DateTimeFormat (see time.ts).
 */

/** Years 1000-9999 and months 01-12: exactly what `YYYY-MM` can spell without a sign or a fifth digit. */
const PERIOD = /^([1-9]\d{3})-(0[1-9]|1[0-2])$/;

/** `YYYY-MM` with a real month: accepts 2026-01 and 2026-12, rejects 2026-13, 2026-00, 26-01 and 2026-1. */
export const isPeriod = (value: string): boolean => PERIOD.test(value);

const parts = (period: string): [year: number, month: number] => {
  const m = PERIOD.exec(period);
  if (!m) throw new RangeError(`Not a period (YYYY-MM): ${JSON.stringify(period)}`);
  return [Number(m[1]), Number(m[2])];
};

const format = (year: number, month: number): string => {
  const period = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  if (!isPeriod(period)) throw new RangeError(`Period out of range: ${period}`);
  return period;
};

/** An instant with an explicit offset (`Z` or `+07:00`): a local timestamp without one would be ambiguous. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T[^Z+-]*(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * The period a date falls in. A `YYYY-MM-DD` string is a Jakarta calendar date already and is taken as written; a
 * Date, or an ISO timestamp with an offset, is an instant and is converted to Jakarta first
 * (2026-01-31T20:00:00Z is 2026-02-01 03:00 WIB, so period 2026-02).
 */
export const periodOf = (date: string | Date): string => {
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime())) throw new RangeError('periodOf: invalid Date');
    return jakartaDate(date).slice(0, 7);
  }
  if (isCalendarDate(date)) return date.slice(0, 7);
  if (INSTANT.test(date)) {
    const at = new Date(date);
    if (!Number.isNaN(at.getTime())) return jakartaDate(at).slice(0, 7);
  }
  throw new RangeError(`periodOf: not a date (YYYY-MM-DD) or an instant with an offset: ${JSON.stringify(date)}`);
};

export const previousPeriod = (period: string): string => {
  const [year, month] = parts(period);
  return month === 1 ? format(year - 1, 12) : format(year, month - 1);
};

export const nextPeriod = (period: string): string => {
  const [year, month] = parts(period);
  return month === 12 ? format(year + 1, 1) : format(year, month + 1);
};

/** Every period from `from` to `to`, both included, in order; empty when `from` is after `to`. */
export const periodsBetween = (from: string, to: string): string[] => {
  parts(from);
  parts(to);
  const periods: string[] = [];
  for (let p = from; p <= to; p = nextPeriod(p)) {
    periods.push(p);
    if (p === '9999-12') break;
  }
  return periods;
};

/** 28-31; February follows the Gregorian leap-year rule (2024-02 has 29 days, 2100-02 has 28). */
export const daysInPeriod = (period: string): number => {
  const [year, month] = parts(period);
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
};

/** The first calendar day of the period, `YYYY-MM-01`. */
export const firstDayOf = (period: string): string => {
  parts(period);
  return `${period}-01`;
};

/** The last calendar day of the period, e.g. `2026-02-28`. */
export const lastDayOf = (period: string): string => `${period}-${String(daysInPeriod(period)).padStart(2, '0')}`;

/** The period that is running in Jakarta at the given instant (at 2026-01-31T17:00Z it is already 2026-02). */
export const currentPeriod = (at: Date = new Date()): string => periodOf(at);
