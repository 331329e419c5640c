import { isCalendarDate, jakartaDate } from '../kernel/time';
import HOLIDAYS from './holidays.id.json';

/**
 * Working days for payout and approval deadlines (domain.md: JKM within 3 working days of a complete claim, JKK
 * within 7): Monday to Friday, except Indonesian public holidays (hari libur nasional).
 *
 * Source: the maintained `date-holidays` package (country 'ID', data from the Indonesian and English Wikipedia lists
 * of public holidays), type 'public' only. Facts checked against date-holidays 3.37.0:
 * - Every ID entry is type 'public'. Collective leave (cuti bersama), which the government decrees each year by a
 *   joint ministerial decree (SKB 3 Menteri), is NOT in the data, so those days count as working days here: for 2026,
 *   16 Feb, 18 Mar, 20/23/24 Mar, 15 May, 28 May and 24 Dec. A deadline can therefore fall a little earlier than the
 *   government calendar's, which errs on the side of paying families on time.
 * - Islamic holidays are calculated, and may differ by a day from the decree: 2026 Idul Fitri is 20-21 Mar in the
 *   package but 21-22 Mar in SKB 1497/2025 (20 Mar is cuti bersama, so the working days agree there).
 * - Nyepi and Vesak are listed date by date, and only up to 2027: from 2028 they are missing until the package is
 *   updated. Keep the dependency current.
 *
 * The package parses worldwide data (1.5 MB of bundle, ~60 ms of cold start), so the Indonesian dates it computes
 * for 2015-2040 are generated into holidays.id.json by scripts/holidays.mjs, and a unit test checks the file against
 * the installed package.
 */
const holidaysByYear = new Map<number, ReadonlySet<string>>();

const publicHolidays = (year: number): ReadonlySet<string> => {
  let days = holidaysByYear.get(year);
  if (!days) {
    const list = (HOLIDAYS.years as Record<string, string[]>)[String(year)];
    if (!list)
      throw new RangeError(
        `No holiday calendar for ${year} (${HOLIDAYS.first}-${HOLIDAYS.last}); rerun scripts/holidays.mjs with a wider range`,
      );
    days = new Set(list);
    holidaysByYear.set(year, days);
  }
  return days;
};

const DAY_MS = 86_400_000;

const dayNumber = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** A Jakarta calendar date (YYYY-MM-DD) that is Monday to Friday and not an Indonesian public holiday. */
export const isWorkingDay = (date: string): boolean => {
  if (!isCalendarDate(date)) throw new RangeError(`Expected a YYYY-MM-DD date, got ${JSON.stringify(date)}`);
  const weekday = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !publicHolidays(Number(date.slice(0, 4))).has(date);
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
