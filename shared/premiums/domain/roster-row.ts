import { personName } from '../../reference-data/fields';
import type { NikInfo } from '../../reference-data/nik';
import { normalizeMobile } from '../../reference-data/phone';
import { PROGRAMMES, programme } from '../../reference-data/programmes';
import { isProvinceCode } from '../../reference-data/regions';
import { assertToday, errorCollector, fieldText, type Report, type RowResult, readNik, readPastDate, readWholeRupiah } from './csv-line';
import { MEMBER_STATUSES, type Member, type MemberStatus } from './member';

/** The header check and the row result shape are shared with the payment CSV (payment-row.ts, which says why they live there). */
export { checkHeader, type HeaderCheck, MAX_RUPIAH, type RowError, type RowResult } from './csv-line';

/**
 * One line of the roster CSV (handbook api.md, "CSV formats"), already split into named string fields by the CSV
 * parser, checked and normalised. Every problem of the line is reported at once, each with a code (for programs and
 * translations) and an English message a data clerk can act on without reading this file.
 *
 * Messages never repeat a NIK, name or phone number: import results are shown and may be logged, and those are
 * personal data. They do repeat harmless values (a programme, a status, a date, an amount) so the clerk can find them.
 */

/** The roster columns, in this order (api.md). */
export const ROSTER_HEADER = [
  'nik',
  'name',
  'program',
  'kpj',
  'province',
  'regency',
  'district',
  'enrolledOn',
  'monthlyWage',
  'phone',
  'status',
] as const;

/**
 * Optional columns after ROSTER_HEADER (api.md), in this order: `statusDate`, the day `status` took effect, and
 * `wageFrom`, the day `monthlyWage` took effect. The header row says whether a file has them; files without them keep
 * importing, and an empty cell is the same as no column.
 */
export const ROSTER_OPTIONAL_HEADER = ['statusDate', 'wageFrom'] as const;

/**
 * One roster line: a member as the sponsor reports it, before the histories the import keeps (Member, member.ts),
 * with the dates the file gives for its status and wage, if any (without them the import day stands in;
 * roster-update.ts).
 */
export type RosterRow = Omit<Member, 'statusHistory' | 'wageHistory' | 'updatedAt'> & {
  /** The day `status` took effect (YYYY-MM-DD), when the file says. */
  statusDate?: string;
  /** The day `monthlyWage` took effect (YYYY-MM-DD), when the file says. */
  wageFrom?: string;
};

/**
 * The earliest enrolment date accepted. The sponsor's agreements date from 2018-2019 and BPJS Ketenagakerjaan runs
 * JKK/JKM under PP 44/2015 since 2015, so an earlier date is a typo (a wrong year, or a birth date in the wrong
 * column), not history.
 */
export const EARLIEST_ENROLMENT = '2015-01-01';

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
const readRegions = (
  fields: Readonly<Record<string, string | undefined>>,
  nik: NikInfo | undefined,
  report: Report,
): Partial<Record<RegionField, string>> => {
  const codes: Partial<Record<RegionField, string>> = {};
  for (const { field, digits, example } of REGION_LEVELS) {
    const raw = fieldText(fields, field);
    const code = raw.replace(/[\s.]/g, '');
    if (code === '') report(field, 'required', `${field} is required: the ${digits}-digit Kemendagri region code, e.g. ${example}.`);
    else if (!new RegExp(`^\\d{${digits}}$`).test(code))
      report(field, 'region.format', `${field} must be the ${digits}-digit Kemendagri region code, e.g. ${example} (not ${raw}).`);
    else if (field === 'province' && !isProvinceCode(code))
      report(field, 'region.unknown', `province ${code} is not an Indonesian province code.`);
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
      report(
        field,
        'region.mismatch',
        `${field} ${code} does not match the NIK, whose ${field} code is ${nik[nikPart]}: correct the ${field} or the NIK.`,
      );
      delete codes[field];
    } else if (!nik && parent && !code.startsWith(parent.code)) {
      report(
        field,
        'region.mismatch',
        `${field} ${code} is not within ${parent.field} ${parent.code}: a ${field} code starts with its ${parent.field} code.`,
      );
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
  'name.invalid':
    'name must start with a letter and contain only letters, spaces, dots, commas, apostrophes and hyphens (titles such as H. or S.Pd. are fine).',
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
    if (!program)
      report(
        'program',
        'program.unknown',
        `program ${programRaw} is not a configured programme: use one of ${Object.keys(PROGRAMMES).join(', ')}.`,
      );
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
      report(
        'phone',
        'phone.invalid',
        'phone must be an Indonesian mobile number that can receive SMS, e.g. 081234567890 or +6281234567890 (not a landline), or left empty.',
      );
    }
  }

  const statusRaw = text('status').toLowerCase();
  const status = (MEMBER_STATUSES as readonly string[]).includes(statusRaw) ? (statusRaw as MemberStatus) : undefined;
  if (!status) {
    report(
      'status',
      statusRaw === '' ? 'required' : 'status.invalid',
      `status must be active, inactive or deceased${statusRaw === '' ? '' : ` (not ${text('status')})`}.`,
    );
  }

  // The optional dates (ROSTER_OPTIONAL_HEADER): empty, or a real date not after today. A status cannot take effect
  // before enrolment; a wage may (the sponsor's wage record may predate the enrolment), but not before the earliest
  // enrolment date either, which would be a typo in the year.
  const dateFloor = { date: EARLIEST_ENROLMENT, why: 'earlier than any enrolment in these programmes' };
  const statusDateRaw = text('statusDate');
  let statusDate = statusDateRaw === '' ? undefined : readPastDate(statusDateRaw, 'statusDate', today, report, dateFloor);
  if (statusDate && enrolledOn && statusDate < enrolledOn) {
    statusDate = report(
      'statusDate',
      'date.beforeEnrolment',
      `statusDate ${statusDate} is before enrolledOn ${enrolledOn}: a status takes effect on or after enrolment.`,
    );
  }
  const wageFromRaw = text('wageFrom');
  const wageFrom = wageFromRaw === '' ? undefined : readPastDate(wageFromRaw, 'wageFrom', today, report, dateFloor);

  if (
    errors.length > 0 ||
    !nik ||
    name === undefined ||
    !program ||
    !regions.province ||
    !regions.regency ||
    !regions.district ||
    !enrolledOn ||
    monthlyWage === undefined ||
    !status
  ) {
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
      ...(statusDate ? { statusDate } : {}),
      ...(wageFrom ? { wageFrom } : {}),
    },
  };
};
