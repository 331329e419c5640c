import { MEMBER_STATUSES, type MemberStatus } from './member';
import { parseNik, type NikInfo, type NikProblem } from './nik';
import { normalizeMobile } from './phone';
import { isProvinceCode } from './regions';
import { PROGRAMMES, programme } from './rules/programmes';
import { isCalendarDate } from './time';
import { personName } from '../schemas/claim';

/**
 * One line of the roster CSV (handbook api.md, "CSV formats"), already split into named string fields by the CSV
 * parser, checked and normalised. Every problem of the line is reported at once, each with a code (for programs and
 * translations) and an English message a data clerk can act on without reading this file.
 *
 * Messages never repeat a NIK, name or phone number: import results are shown and may be logged, and those are
 * personal data. They do repeat harmless values (a programme, a status, a date, an amount) so the clerk can find them.
 */

/** The roster columns, in this order (api.md). */
export const ROSTER_HEADER = ['nik', 'name', 'program', 'kpj', 'province', 'regency', 'district', 'enrolledOn', 'monthlyWage', 'phone', 'status'] as const;

export interface RowError {
  /** The CSV column the clerk has to correct. */
  field: string;
  /** A stable code, e.g. `nik.format`, `region.mismatch`, `amount.notWhole`. */
  code: string;
  message: string;
}

export type RowResult<T> = { ok: true; value: T } | { ok: false; errors: RowError[] };

export interface RosterRow {
  nik: string;
  name: string;
  /** The programme code as configured in PROGRAMMES (e.g. `TKSK`). */
  program: string;
  kpj?: string;
  province: string;
  regency: string;
  district: string;
  enrolledOn: string;
  /** Integer rupiah. */
  monthlyWage: number;
  /** E.164, e.g. +6281234567890. */
  phone?: string;
  status: MemberStatus;
}

/**
 * The earliest enrolment date accepted. The sponsor's agreements date from 2018-2019 and BPJS Ketenagakerjaan runs
 * JKK/JKM under PP 44/2015 since 2015, so an earlier date is a typo (a wrong year, or a birth date in the wrong
 * column), not history.
 */
export const EARLIEST_ENROLMENT = '2015-01-01';

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
// Field readers shared with payment-row.ts. Each returns the value, or records an error and returns undefined.

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
  if (/^\+?[\d.,\s]*\d[\d.,\s]*$/.test(raw)) {
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
// The roster row

const REGION_LEVELS = [
  { field: 'province', digits: 2, nikPart: 'province', example: '31' },
  { field: 'regency', digits: 4, nikPart: 'regency', example: '3173' },
  { field: 'district', digits: 6, nikPart: 'district', example: '317301' },
] as const;

type RegionField = (typeof REGION_LEVELS)[number]['field'];

/**
 * Region codes. Kemendagri writes them with dots (32.73.01), so dots and spaces are dropped. When the NIK is valid,
 * each code must be the NIK's own prefix (digits 1-2, 1-4, 1-6): the roster's region of a member is where the NIK was
 * issued. When the NIK is invalid that comparison is impossible, so only the nesting (district within regency within
 * province) is checked, and the NIK error says what to fix.
 */
const readRegions = (fields: Readonly<Record<string, string | undefined>>, nik: NikInfo | undefined, report: Report): Partial<Record<RegionField, string>> => {
  const codes: Partial<Record<RegionField, string>> = {};
  for (const { field, digits, example } of REGION_LEVELS) {
    const raw = fieldText(fields, field);
    const code = raw.replace(/[\s.]/g, '');
    if (code === '') report(field, 'required', `${field} is required: the ${digits}-digit Kemendagri region code, e.g. ${example}.`);
    else if (!new RegExp(`^\\d{${digits}}$`).test(code)) report(field, 'region.format', `${field} must be the ${digits}-digit Kemendagri region code, e.g. ${example} (not ${raw}).`);
    else if (field === 'province' && !isProvinceCode(code)) report(field, 'region.unknown', `province ${code} is not an Indonesian province code.`);
    else codes[field] = code;
  }
  let parent: { field: RegionField; code: string } | undefined;
  for (const { field, nikPart } of REGION_LEVELS) {
    const code = codes[field];
    if (code === undefined) {
      parent = undefined;
      continue;
    }
    if (nik && code !== nik[nikPart]) {
      report(field, 'region.mismatch', `${field} ${code} does not match the NIK, whose ${field} code is ${nik[nikPart]}: correct the ${field} or the NIK.`);
      delete codes[field];
    } else if (!nik && parent && !code.startsWith(parent.code)) {
      report(field, 'region.mismatch', `${field} ${code} is not within ${parent.field} ${parent.code}: a ${field} code starts with its ${parent.field} code.`);
      delete codes[field];
    }
    parent = { field, code };
  }
  return codes;
};

const knownProgramme = (raw: string): string | undefined =>
  // Codes are exact in PROGRAMMES; a clerk typing "tksk" means TKSK, so an upper-case match is accepted and stored as configured.
  programme(raw)?.code ?? programme(raw.toUpperCase())?.code;

const NAME_MESSAGES: Record<string, string> = {
  required: 'name is required: the full name as on the KTP.',
  tooLong: 'name is longer than 100 characters.',
  'name.invalid': 'name must start with a letter and contain only letters, spaces, dots, commas, apostrophes and hyphens (titles such as H. or S.Pd. are fine).',
};

/** Validates one roster line. `today` is the Jakarta date of the import (YYYY-MM-DD). */
export const parseRosterRow = (fields: Readonly<Record<string, string | undefined>>, today: string): RowResult<RosterRow> => {
  assertToday(today);
  const { errors, report } = errorCollector();
  const text = (name: string) => fieldText(fields, name);

  const nik = readNik(text('nik'), today, report);

  // The claim form's rules for a person's name (shared/schemas/claim.ts), so a name the roster accepts is one a family can type.
  const nameResult = personName.safeParse(fields.name ?? '');
  let name: string | undefined;
  if (nameResult.success) name = nameResult.data;
  else {
    const code = nameResult.error.issues[0]?.message ?? 'name.invalid';
    report('name', code, NAME_MESSAGES[code] ?? NAME_MESSAGES['name.invalid']!);
  }

  const programRaw = text('program');
  let program: string | undefined;
  if (programRaw === '') report('program', 'required', `program is required: one of ${Object.keys(PROGRAMMES).join(', ')}.`);
  else {
    program = knownProgramme(programRaw);
    if (!program) report('program', 'program.unknown', `program ${programRaw} is not a configured programme: use one of ${Object.keys(PROGRAMMES).join(', ')}.`);
  }

  const kpjRaw = text('kpj');
  const kpj = kpjRaw.replace(/[\s.-]/g, '');
  if (kpj !== '' && !/^\d{11}$/.test(kpj)) {
    report('kpj', 'kpj.format', 'kpj must be the 11-digit BPJS Ketenagakerjaan membership number (KPJ), or left empty.');
  }

  const regions = readRegions(fields, nik, report);

  const enrolledOn = readPastDate(text('enrolledOn'), 'enrolledOn', today, report, {
    date: EARLIEST_ENROLMENT,
    why: 'earlier than any enrolment in these programmes',
  });

  const monthlyWage = readWholeRupiah(text('monthlyWage'), 'monthlyWage', '1500000', report);

  const phoneRaw = text('phone');
  let phone: string | undefined;
  if (phoneRaw !== '') {
    // The claim form's length limit: longer input is not a phone number, and libphonenumber need not parse it.
    phone = phoneRaw.length <= 20 ? normalizeMobile(phoneRaw) : undefined;
    if (!phone) {
      report('phone', 'phone.invalid', 'phone must be an Indonesian mobile number that can receive SMS, e.g. 081234567890 or +6281234567890 (not a landline), or left empty.');
    }
  }

  const statusRaw = text('status').toLowerCase();
  const status = (MEMBER_STATUSES as readonly string[]).includes(statusRaw) ? (statusRaw as MemberStatus) : undefined;
  if (!status) {
    report('status', statusRaw === '' ? 'required' : 'status.invalid', `status must be active, inactive or deceased${statusRaw === '' ? '' : ` (not ${text('status')})`}.`);
  }

  if (errors.length > 0 || !nik || name === undefined || !program || !regions.province || !regions.regency || !regions.district || !enrolledOn || monthlyWage === undefined || !status) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      nik: nik.nik,
      name,
      program,
      ...(kpj ? { kpj } : {}),
      province: regions.province,
      regency: regions.regency,
      district: regions.district,
      enrolledOn,
      monthlyWage,
      ...(phone ? { phone } : {}),
      status,
    },
  };
};
