/** All periods and deadlines are in Asia/Jakarta (WIB, UTC+7, no daylight saving). */
export const JAKARTA_TZ = 'Asia/Jakarta';

const dateFmt = new Intl.DateTimeFormat('en-CA', { timeZone: JAKARTA_TZ, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date (YYYY-MM-DD) in Jakarta at the given instant. */
export const jakartaDate = (at: Date = new Date()): string => dateFmt.format(at);

/** ISO 8601 timestamp with the +07:00 offset, for display and the wire. */
export const jakartaIso = (at: Date = new Date()): string => {
  const shifted = new Date(at.getTime() + 7 * 3600_000);
  return shifted.toISOString().replace('Z', '+07:00');
};

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
