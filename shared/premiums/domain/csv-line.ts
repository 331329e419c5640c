import { isCalendarDate } from '../../kernel/time';
import { type NikInfo, type NikProblem, parseNik } from '../../reference-data/nik';

/**
 * What the roster and payment CSV lines share: the error shape, the header check, and the readers of a NIK, an
 * amount and a date, each reporting every problem at once with a code and an English message for the clerk.
 * Messages never repeat a NIK (personal data); they do repeat harmless values.
 *
 * Kept apart from roster-row.ts so that the payment import and the reconciliation bundle neither the roster's phone
 * validation (libphonenumber and its metadata) nor zod: about 65 KB minified a cold start would load for nothing.
 */

export interface RowError {
  /** The CSV column the clerk has to correct. */
  field: string;
  /** A stable code, e.g. `nik.format`, `region.mismatch`, `amount.notWhole`. */
  code: string;
  message: string;
}

export type RowResult<T> = { ok: true; value: T } | { ok: false; errors: RowError[] };

/** Amounts above this are typos (an extra digit or two), and staying far below 2^53 keeps the sums exact. */
export const MAX_RUPIAH = 1_000_000_000;

// ---------------------------------------------------------------------------------------------------------------
// Header

export type HeaderCheck =
  | { ok: true }
  | {
      ok: false;
      /** The most basic problem first: missing, then unknown, then duplicated columns, then only the order. */
      code: 'header.missing' | 'header.unknown' | 'header.duplicate' | 'header.order';
      message: string;
      missing: string[];
      unknown: string[];
      duplicated: string[];
    };

/** The header's column names as the rows are read by: a leading byte-order mark and spaces around names dropped. */
export const headerNames = (actual: readonly string[]): string[] =>
  actual.map((name, i) => (i === 0 ? name.replace(/^\uFEFF/, '') : name).trim());

/**
 * Checks the header row against the format's exact column list. A UTF-8 byte-order mark before the first name (Excel
 * writes one when saving "CSV UTF-8") and spaces around names are tolerated; names are otherwise exact, case included,
 * because the rows are read by name. The order must match too: a file with reordered columns was most likely
 * assembled by hand, and a clerk comparing it with the template should see the same layout.
 *
 * `optional` columns may follow the required ones, each at most once and in the order given; the header decides
 * which a file has, so files written before an optional column existed keep importing.
 */
export const checkHeader = (actual: readonly string[], expected: readonly string[], optional: readonly string[] = []): HeaderCheck => {
  const names = headerNames(actual);
  const expectedSet = new Set(expected);
  const optionalSet = new Set(optional);
  const actualSet = new Set(names);
  const missing = expected.filter((name) => !actualSet.has(name));
  const unknown = [...new Set(names.filter((name) => !expectedSet.has(name) && !optionalSet.has(name)))];
  const seen = new Set<string>();
  const duplicated = [
    ...new Set(
      names.filter((name) => {
        if (seen.has(name)) return true;
        seen.add(name);
        return false;
      }),
    ),
  ];
  const template =
    `The header row must be exactly: ${expected.join(',')}` +
    (optional.length ? `, optionally followed by ${optional.join(',')} (in that order; either may be left out)` : '');

  if (missing.length === 0 && unknown.length === 0 && duplicated.length === 0) {
    const trailing = names.slice(expected.length);
    const inOrder = optional.filter((name) => trailing.includes(name));
    if (names.slice(0, expected.length).every((name, i) => name === expected[i]) && trailing.every((name, i) => name === inOrder[i]))
      return { ok: true };
    return {
      ok: false,
      code: 'header.order',
      message: `The columns are in the wrong order (${names.join(',')}). ${template}`,
      missing,
      unknown,
      duplicated,
    };
  }

  const describe = (name: string): string => {
    if (name === '') return '(an empty column name: a trailing comma?)';
    const meant = [...missing, ...optional].find((m) => m.toLowerCase() === name.toLowerCase());
    return meant ? `"${name}" (did you mean "${meant}"? names are case-sensitive)` : `"${name}"`;
  };
  const problems: string[] = [];
  if (missing.length) problems.push(`missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`);
  if (unknown.length) problems.push(`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map(describe).join(', ')}`);
  if (duplicated.length)
    problems.push(
      `column${duplicated.length > 1 ? 's' : ''} ${duplicated.map((d) => `"${d}"`).join(', ')} appear${duplicated.length > 1 ? '' : 's'} more than once`,
    );
  const code = missing.length ? 'header.missing' : unknown.length ? 'header.unknown' : 'header.duplicate';
  return { ok: false, code, message: `The header row has ${problems.join('; ')}. ${template}`, missing, unknown, duplicated };
};

// ---------------------------------------------------------------------------------------------------------------
// Field readers, shared with roster-row.ts. Each returns the value, or records an error and returns undefined.

export type Report = (field: string, code: string, message: string) => undefined;

/** A collector: `report(...)` records an error and returns undefined, so a reader can `return report(...)`. */
export const errorCollector = (): { errors: RowError[]; report: Report } => {
  const errors: RowError[] = [];
  return {
    errors,
    report: (field, code, message) => {
      errors.push({ field, code, message });
      return undefined;
    },
  };
};

/** The trimmed value of a field; a column absent from the row reads as empty. */
export const fieldText = (fields: Readonly<Record<string, string | undefined>>, name: string): string =>
  (Object.hasOwn(fields, name) ? (fields[name] ?? '') : '').trim();

export const assertToday = (today: string): void => {
  if (!isCalendarDate(today)) throw new RangeError(`today must be a YYYY-MM-DD date, got ${JSON.stringify(today)}`);
};

const NIK_MESSAGES: Record<NikProblem, (nik: string) => string> = {
  format: () =>
    'nik must be exactly 16 digits, as on the KTP. In a spreadsheet, format the column as Text, or the NIK is shown as 3.17301E+15 and its last digits are lost.',
  province: (nik) =>
    `nik starts with ${nik.slice(0, 2)}, which is not an Indonesian province code: check the first 2 digits against the KTP.`,
  region: () => 'nik has 00 as its regency or district code (digits 3-6): check them against the KTP.',
  birthDate: () => 'nik digits 7-12 are not a real birth date (DDMMYY, with 40 added to the day for women): check them against the KTP.',
  serial: () => 'nik ends in 0000, which is never issued: check the last 4 digits against the KTP.',
};

/** NIK structure (nik.ts); the code is `nik.<problem>`. */
export const readNik = (raw: string, today: string, report: Report, field = 'nik'): NikInfo | undefined => {
  if (raw === '') return report(field, 'required', `${field} is required: the 16-digit NIK from the KTP.`);
  const result = parseNik(raw, today);
  if (!result.ok) return report(field, `nik.${result.problem}`, NIK_MESSAGES[result.problem](raw.replace(/[\s.-]/g, '')));
  return result.value;
};

/**
 * Whole rupiah written with digits only: `1500000`. Dots, commas and spaces are refused rather than guessed at,
 * because "1.500" is one thousand five hundred in Indonesian spreadsheets and one and a half in English ones.
 */
export const readWholeRupiah = (raw: string, field: string, example: string, report: Report): number | undefined => {
  const wholeHint = `e.g. ${example}`;
  if (raw === '') return report(field, 'required', `${field} is required: whole rupiah with digits only, ${wholeHint} (0 if nothing).`);
  if (/^-/.test(raw)) return report(field, 'amount.negative', `${field} cannot be negative (${raw}): write whole rupiah, ${wholeHint}.`);
  if (/^\d+$/.test(raw)) {
    const value = raw.length > 10 ? Number.POSITIVE_INFINITY : Number(raw);
    if (value > MAX_RUPIAH)
      return report(field, 'amount.tooLarge', `${field} ${raw} is more than Rp1,000,000,000: check for extra digits.`);
    return value;
  }
  if (/^[\d.,\s]*\d[\d.,\s]*$/.test(raw)) {
    return report(
      field,
      'amount.notWhole',
      `${field} must be whole rupiah without dots, commas, spaces or cents, ${wholeHint} (not ${raw}).`,
    );
  }
  return report(
    field,
    'amount.format',
    `${field} must be whole rupiah written with digits only, ${wholeHint}, without "Rp" or other text (not ${raw}).`,
  );
};

/** A real calendar date `YYYY-MM-DD`, not after today (and not before `notBefore`, when given). */
export const readPastDate = (
  raw: string,
  field: string,
  today: string,
  report: Report,
  notBefore?: { date: string; why: string },
): string | undefined => {
  if (raw === '') return report(field, 'required', `${field} is required: a date written YYYY-MM-DD, e.g. 2024-01-31.`);
  if (!isCalendarDate(raw)) {
    return report(
      field,
      'date.invalid',
      `${field} must be a real date written YYYY-MM-DD, e.g. 2024-01-31 (not ${raw}; spreadsheets may turn dates into 31/01/2024: format the column as Text).`,
    );
  }
  if (raw > today) return report(field, 'date.future', `${field} ${raw} is after today (${today}).`);
  if (notBefore && raw < notBefore.date)
    return report(field, 'date.tooOld', `${field} ${raw} is before ${notBefore.date}, ${notBefore.why}: check the year.`);
  return raw;
};
