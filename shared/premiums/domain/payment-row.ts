import { parseNik, type NikInfo, type NikProblem } from '../../reference-data/nik';
import { isPeriod, periodOf } from '../../kernel/periods';
import { isCalendarDate } from '../../kernel/time';

/**
 * One line of the sponsor's payment CSV (handbook api.md, "CSV formats"): what it paid for one member and month,
 * under one receipt. Checked and normalised the same way as a roster line (roster-row.ts): every problem at once,
 * each with a code and an English message for the clerk.
 *
 * The CSV plumbing both formats share (the error shape, the header check, the NIK, amount and date readers) lives in
 * this module, and roster-row.ts imports it: the payment import and the reconciliation then bundle neither the
 * roster's phone validation (libphonenumber and its metadata) nor zod, about 65 KB minified that a cold start would
 * load for nothing. As in roster-row.ts, messages never repeat a NIK (personal data); they do repeat harmless values.
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

/**
 * Checks the header row against the format's exact column list. A UTF-8 byte-order mark before the first name (Excel
 * writes one when saving "CSV UTF-8") and spaces around names are tolerated; names are otherwise exact, case included,
 * because the rows are read by name. The order must match too: a file with reordered columns was most likely
 * assembled by hand, and a clerk comparing it with the template should see the same layout.
 */
export const checkHeader = (actual: readonly string[], expected: readonly string[]): HeaderCheck => {
  const names = actual.map((name, i) => (i === 0 ? name.replace(/^\uFEFF/, '') : name).trim());
  const expectedSet = new Set(expected);
  const actualSet = new Set(names);
  const missing = expected.filter((name) => !actualSet.has(name));
  const unknown = [...new Set(names.filter((name) => !expectedSet.has(name)))];
  const seen = new Set<string>();
  const duplicated = [...new Set(names.filter((name) => (seen.has(name) ? true : (seen.add(name), false))))];
  const template = `The header row must be exactly: ${expected.join(',')}`;

  if (missing.length === 0 && unknown.length === 0 && duplicated.length === 0) {
    if (names.every((name, i) => name === expected[i])) return { ok: true };
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
    const meant = missing.find((m) => m.toLowerCase() === name.toLowerCase());
    return meant ? `"${name}" (did you mean "${meant}"? names are case-sensitive)` : `"${name}"`;
  };
  const problems: string[] = [];
  if (missing.length) problems.push(`missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`);
  if (unknown.length) problems.push(`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map(describe).join(', ')}`);
  if (duplicated.length) problems.push(`column${duplicated.length > 1 ? 's' : ''} ${duplicated.map((d) => `"${d}"`).join(', ')} appear${duplicated.length > 1 ? '' : 's'} more than once`);
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
  province: (nik) => `nik starts with ${nik.slice(0, 2)}, which is not an Indonesian province code: check the first 2 digits against the KTP.`,
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
    if (value > MAX_RUPIAH) return report(field, 'amount.tooLarge', `${field} ${raw} is more than Rp1,000,000,000: check for extra digits.`);
    return value;
  }
  if (/^[\d.,\s]*\d[\d.,\s]*$/.test(raw)) {
    return report(field, 'amount.notWhole', `${field} must be whole rupiah without dots, commas, spaces or cents, ${wholeHint} (not ${raw}).`);
  }
  return report(field, 'amount.format', `${field} must be whole rupiah written with digits only, ${wholeHint}, without "Rp" or other text (not ${raw}).`);
};

/** A real calendar date `YYYY-MM-DD`, not after today (and not before `notBefore`, when given). */
export const readPastDate = (raw: string, field: string, today: string, report: Report, notBefore?: { date: string; why: string }): string | undefined => {
  if (raw === '') return report(field, 'required', `${field} is required: a date written YYYY-MM-DD, e.g. 2024-01-31.`);
  if (!isCalendarDate(raw)) {
    return report(field, 'date.invalid', `${field} must be a real date written YYYY-MM-DD, e.g. 2024-01-31 (not ${raw}; spreadsheets may turn dates into 31/01/2024: format the column as Text).`);
  }
  if (raw > today) return report(field, 'date.future', `${field} ${raw} is after today (${today}).`);
  if (notBefore && raw < notBefore.date) return report(field, 'date.tooOld', `${field} ${raw} is before ${notBefore.date}, ${notBefore.why}: check the year.`);
  return raw;
};

// ---------------------------------------------------------------------------------------------------------------
// The payment line

/** The payment columns, in this order (api.md). */
export const PAYMENT_HEADER = ['period', 'nik', 'jkk', 'jkm', 'receiptNo', 'paidOn'] as const;

export interface PaymentLine {
  /** YYYY-MM, Asia/Jakarta: the month the money pays for (not the month it was paid in). */
  period: string;
  nik: string;
  /** Integer rupiah; 0 is a valid line. */
  jkk: number;
  jkm: number;
  receiptNo: string;
  paidOn: string;
}

/** Receipt numbers as banks and BPJS print them: letters, digits and / _ . - (e.g. `KWT/2026/01-0001`). */
const RECEIPT_NO = /^[A-Za-z0-9/_.-]{1,40}$/;

/**
 * The identity of a line (api.md, docs/data-model.md `PAYMENT#<period>` / `<nik>#<receiptNo>`): importing the same
 * file twice writes the same keys and changes nothing, while two receipts for one member and month are two lines
 * that add up. The receipt number is kept as written, case included: it is the payer's reference and we do not know
 * that its issuer treats `kwt-1` and `KWT-1` as the same receipt.
 */
export const paymentLineKey = (line: Pick<PaymentLine, 'period' | 'nik' | 'receiptNo'>): string => `${line.period}#${line.nik}#${line.receiptNo}`;

/**
 * Validates one payment line. `today` is the Jakarta date of the import (YYYY-MM-DD). The period may not be after
 * today's month: a contribution is paid for a month that has begun (BPU contributions fall due by the 15th of the same
 * month, domain.md), and a future period is almost always a typo in the year or the month.
 */
export const parsePaymentRow = (fields: Readonly<Record<string, string | undefined>>, today: string): RowResult<PaymentLine> => {
  assertToday(today);
  const { errors, report } = errorCollector();
  const text = (name: string) => fieldText(fields, name);

  const periodRaw = text('period');
  let period: string | undefined;
  if (periodRaw === '') report('period', 'required', 'period is required: the month paid for, written YYYY-MM, e.g. 2026-01.');
  else if (!isPeriod(periodRaw)) {
    report('period', 'period.invalid', `period must be a month written YYYY-MM, e.g. 2026-01 (not ${periodRaw}; spreadsheets may turn it into Jan-26: format the column as Text).`);
  } else if (periodRaw > periodOf(today)) {
    report('period', 'period.future', `period ${periodRaw} is after the current month (${periodOf(today)}).`);
  } else period = periodRaw;

  const nik = readNik(text('nik'), today, report);
  const jkk = readWholeRupiah(text('jkk'), 'jkk', '10000', report);
  const jkm = readWholeRupiah(text('jkm'), 'jkm', '6800', report);

  const receiptRaw = text('receiptNo');
  let receiptNo: string | undefined;
  if (receiptRaw === '') report('receiptNo', 'required', 'receiptNo is required: the receipt or transfer reference of the payment.');
  else if (receiptRaw.length > 40) report('receiptNo', 'receipt.tooLong', `receiptNo is longer than 40 characters (${receiptRaw.length}).`);
  else if (!RECEIPT_NO.test(receiptRaw)) {
    report('receiptNo', 'receipt.invalid', `receiptNo may contain only letters, digits and / _ . - (no spaces), e.g. KWT/2026/01-0001 (not ${receiptRaw}).`);
  } else receiptNo = receiptRaw;

  const paidOn = readPastDate(text('paidOn'), 'paidOn', today, report);

  if (errors.length > 0 || !period || !nik || jkk === undefined || jkm === undefined || !receiptNo || !paidOn) return { ok: false, errors };
  return { ok: true, value: { period, nik: nik.nik, jkk, jkm, receiptNo, paidOn } };
};
