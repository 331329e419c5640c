/**
 * All periods and deadlines are in Asia/Jakarta (WIB). WIB has been a fixed UTC+7 without daylight saving since
 * 1964, so plain offset arithmetic is exact for every date this product handles. It is also cheap: creating an
 * Intl.DateTimeFormat with a time zone loads ICU zone data and added ~11 ms to every Lambda cold start (measured by
 * `npm run bench`).
 */
export const JAKARTA_TZ = 'Asia/Jakarta';
const WIB_OFFSET_MS = 7 * 3600_000;

/** ISO 8601 timestamp with the +07:00 offset, for display and the wire. */
export const jakartaIso = (at: Date = new Date()): string => new Date(at.getTime() + WIB_OFFSET_MS).toISOString().replace('Z', '+07:00');

/** The calendar date (YYYY-MM-DD) in Jakarta at the given instant. */
export const jakartaDate = (at: Date = new Date()): string => jakartaIso(at).slice(0, 10);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in the form YYYY-MM-DD (rejects 2026-02-30). */
export const isCalendarDate = (value: string): boolean => {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d);
};

export const isRealDate = (year: number, month: number, day: number): boolean => {
  if (month < 1 || month > 12 || day < 1) return false;
  const t = new Date(Date.UTC(year, month - 1, day));
  return t.getUTCFullYear() === year && t.getUTCMonth() === month - 1 && t.getUTCDate() === day;
};

/** A day as people write it, in Jakarta time: `29 Januari 2027` (id) or `29 January 2027` (en). */
export const longDate = (iso: string, lang: 'id' | 'en' = 'id'): string =>
  new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Asia/Jakarta',
  }).format(new Date(iso));
