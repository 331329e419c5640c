/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (Excel reads UTF-8 only with it: province and cause names carry
 * no accents today, people's names might), commas, CRLF, RFC 4180 quoting. A text cell that a spreadsheet would run
 * as a formula (= + - @, tab, CR) gets a leading apostrophe (OWASP "CSV injection"), as the reconciliation's CSV does;
 * numbers are written as numbers. Written here in a few lines: the CSV package the project has, csv-parse, only
 * parses (the tests read these files back with it).
 */
export type CsvCell = string | number | null | undefined;

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const cell = (v: CsvCell): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return quote(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
};

export const BOM = '\uFEFF';

export const csvDocument = (header: readonly string[], rows: readonly (readonly CsvCell[])[]): string =>
  `${BOM}${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
