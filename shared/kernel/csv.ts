/**
 * CSV for spreadsheets (RFC 4180, CRLF): every export the product writes goes through here. A text cell a spreadsheet
 * would run as a formula (starting with = + - @, a tab or a CR) gets a leading apostrophe (OWASP "CSV injection");
 * numbers are written as numbers, so a negative difference stays a number.
 */
export type CsvCell = string | number | undefined;

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const text = (v: string) => quote(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export const csvCell = (value: CsvCell): string => (typeof value === 'number' ? String(value) : text(value ?? ''));

/** A header row and the rows, each line ended by CRLF. */
export const csvDocument = (header: readonly string[], rows: readonly (readonly CsvCell[])[]): string =>
  [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
