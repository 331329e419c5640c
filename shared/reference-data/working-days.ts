import { isCalendarDate, jakartaDate } from '../kernel/time';
import CORRECTIONS from './holiday-corrections.id.json';
import HOLIDAYS from './holidays.id.json';

/**
 * Working days for payout and approval deadlines (domain.md: JKM within 3 working days of a complete claim, JKK
 * within 7): Monday to Friday, except Indonesian public holidays (hari libur nasional) and collective leave (cuti
 * bersama).
 *
 * Two layers of data:
 * 1. holidays.id.json: the public holidays the maintained `date-holidays` package computes (country 'ID', type
 *    'public', data from the Indonesian and English Wikipedia lists), generated for 2015-2040 by scripts/holidays.mjs.
 *    The package parses worldwide data (1.5 MB of bundle, ~60 ms of cold start), so the bundles read the small file,
 *    and a unit test checks the file against the installed package.
 * 2. holiday-corrections.id.json: dated corrections from the yearly joint ministerial decree (SKB 3 Menteri) that
 *    sets the national holidays and cuti bersama, each naming its decree, laid over the library's dates here at run
 *    time (so the library's file stays exactly what the package computes): a holiday the library lacks or has on
 *    another day (its Islamic dates are calculated and were a day off in 2025 and 2026: Idul Fitri 2025 is 31 March
 *    and 1 April, Tahun Baru Islam 2025 is 27 June, Idul Fitri 2026 is 21-22 March), and every cuti bersama day, which
 *    the library does not have at all.
 *
 * Cuti bersama count as non-working days, as domain.md reads the deadlines ("Working days follow the public-holiday
 * calendar plus the collective leave days"): government offices close on them, and counting them would put our
 * deadline a day or more before the official calendar's (around Idul Fitri, several working days). For private
 * employers cuti bersama is optional and taken from annual leave (SE Menaker 2/MEN/XII/2016); that does not change
 * the calendar the deadline is counted in. Paying before the deadline is always allowed.
 *
 * Corrections exist for the years whose decree is recorded in the corrections file (2025 and 2026 so far); other
 * years use the library's public holidays alone, without cuti bersama, until their decree is added. Nyepi and Vesak
 * are listed by the package date by date, and only up to 2027: from 2028 they are missing until the package is
 * updated. Keep the dependency current and add each year's decree when it is signed.
 */

type CorrectionKind = 'public_holiday_added' | 'public_holiday_moved' | 'public_holiday_removed' | 'cuti_bersama';
const KINDS: readonly string[] = ['public_holiday_added', 'public_holiday_moved', 'public_holiday_removed', 'cuti_bersama'];

interface Correction {
  date: string;
  kind: CorrectionKind;
  /** For a moved holiday: the library's date that the decree's `date` replaces. */
  from?: string;
  name: string;
  /** A key of the file's `decrees`. */
  decree: string;
}

/** Days taken out of and added to the library's holidays, by year; checked once, at cold start. */
const corrections = (() => {
  const removed = new Map<number, Set<string>>();
  const added = new Map<number, Set<string>>();
  const put = (map: Map<number, Set<string>>, date: string) => {
    const year = Number(date.slice(0, 4));
    map.set(year, (map.get(year) ?? new Set()).add(date));
  };
  for (const c of CORRECTIONS.corrections as readonly Partial<Correction>[]) {
    const where = `holiday-corrections.id.json ${JSON.stringify(c)}`;
    if (!c.date || !isCalendarDate(c.date)) throw new Error(`${where}: date is not YYYY-MM-DD`);
    if (!c.kind || !KINDS.includes(c.kind)) throw new Error(`${where}: unknown kind`);
    if (!c.name || !c.decree || !Object.hasOwn(CORRECTIONS.decrees, c.decree)) throw new Error(`${where}: needs a name and a known decree`);
    if ((c.kind === 'public_holiday_moved') !== (c.from !== undefined)) throw new Error(`${where}: only a moved holiday has a from date`);
    if (c.from !== undefined && (!isCalendarDate(c.from) || c.from.slice(0, 4) !== c.date.slice(0, 4)))
      throw new Error(`${where}: from is not a date of the same year`);
    if (c.kind === 'public_holiday_removed') put(removed, c.date);
    else put(added, c.date);
    if (c.from !== undefined) put(removed, c.from);
  }
  return { removed, added };
})();

const nonWorkingByYear = new Map<number, ReadonlySet<string>>();

/** The library's public holidays of the year, corrected by the decree, plus the decree's cuti bersama. */
const nonWorkingDays = (year: number): ReadonlySet<string> => {
  let days = nonWorkingByYear.get(year);
  if (!days) {
    const list = (HOLIDAYS.years as Record<string, string[]>)[String(year)];
    if (!list)
      throw new RangeError(
        `No holiday calendar for ${year} (${HOLIDAYS.first}-${HOLIDAYS.last}); rerun scripts/holidays.mjs with a wider range`,
      );
    const removed = corrections.removed.get(year) ?? new Set<string>();
    days = new Set([...list.filter((d) => !removed.has(d)), ...(corrections.added.get(year) ?? [])]);
    nonWorkingByYear.set(year, days);
  }
  return days;
};

const DAY_MS = 86_400_000;

const dayNumber = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** A Jakarta calendar date (YYYY-MM-DD) that is Monday to Friday, not an Indonesian public holiday and not cuti bersama. */
export const isWorkingDay = (date: string): boolean => {
  if (!isCalendarDate(date)) throw new RangeError(`Expected a YYYY-MM-DD date, got ${JSON.stringify(date)}`);
  const weekday = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !nonWorkingDays(Number(date.slice(0, 4))).has(date);
};

/** An ISO 8601 instant with a date, a time and an offset or Z; a local time without an offset is ambiguous. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const parseInstant = (iso: string): number => {
  const ms = INSTANT.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`Expected an ISO 8601 instant with an offset, got ${JSON.stringify(iso)}`);
  return ms;
};

/**
 * The deadline `days` working days after the Jakarta day of `fromIso`: the end (23:59:59 WIB) of the Nth working
 * day after that day, as ISO with +07:00. The day of `fromIso` itself never counts, even if it is a working day, so a
 * claim completed on Friday evening with 1 working day is due at the end of Monday.
 */
export const addWorkingDays = (fromIso: string, days: number): string => {
  if (!Number.isSafeInteger(days) || days < 1) throw new RangeError(`days must be a positive integer, got ${days}`);
  let day = dayNumber(jakartaDate(new Date(parseInstant(fromIso))));
  let counted = 0;
  while (counted < days) {
    day += 1;
    if (isWorkingDay(dateOf(day))) counted += 1;
  }
  return `${dateOf(day)}T23:59:59+07:00`;
};

/** Whole seconds from `nowIso` until `deadlineIso`, rounded down; 0 in the deadline's last second, negative once past. */
export const secondsUntil = (deadlineIso: string, nowIso: string): number =>
  Math.floor((parseInstant(deadlineIso) - parseInstant(nowIso)) / 1000);

/**
 * The working days after `fromDate` up to and including `throughDate` (both Jakarta dates, YYYY-MM-DD): how many
 * working days a family still has before a deadline that ends on `throughDate`. The first day never counts (as in
 * addWorkingDays), so a deadline at the end of today is 0 days away; 0 as well when `throughDate` is not after it.
 */
export const workingDaysAfter = (fromDate: string, throughDate: string): number => {
  if (!isCalendarDate(fromDate) || !isCalendarDate(throughDate))
    throw new RangeError(`Expected YYYY-MM-DD dates, got ${JSON.stringify(fromDate)} and ${JSON.stringify(throughDate)}`);
  let count = 0;
  for (let day = dayNumber(fromDate) + 1; day <= dayNumber(throughDate); day += 1) if (isWorkingDay(dateOf(day))) count += 1;
  return count;
};
