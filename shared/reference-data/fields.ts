import * as z from 'zod/mini';
import { isCalendarDate, jakartaDate } from '../kernel/time';
import { BANKS } from './banks';
import { parseNik } from './nik';
import { normalizeMobile } from './phone';

/**
 * The fields every Indonesian form and file here shares, as zod schemas: NIK, names, past dates, mobile numbers,
 * email. Messages are codes, translated at the edge; values are normalised as they are checked. `z.meta` checks only
 * describe a field for docs/openapi.json: they validate nothing.
 */
export const required = (code = 'invalid') => ({
  error: (iss: { input: unknown }) => (iss.input === undefined || iss.input === '' ? 'required' : code),
});

export const text = (min: number, max: number) =>
  z.string(required()).check(
    z.overwrite((v) => v.trim().replace(/\s+/g, ' ')),
    z.minLength(min, min <= 1 ? 'required' : 'tooShort'),
    z.maxLength(max, 'tooLong'),
  );

/**
 * Names: one word is a full name for many Indonesians (e.g. "Sukarno"). Letters of any script, spaces,
 * apostrophes, dots, commas and hyphens (titles such as "H." or "S.Pd." are common).
 */
export const personName = z.string(required()).check(
  z.overwrite((v) => v.trim().replace(/\s+/g, ' ')),
  z.minLength(1, 'required'),
  z.maxLength(100, 'tooLong'),
  z.regex(/^[\p{L}\p{M}][\p{L}\p{M} .,'’-]*$/u, 'name.invalid'),
  z.meta({ description: 'Letters of any script, spaces, dots, commas, apostrophes and hyphens; spaces are trimmed and collapsed.' }),
);

export const nik = z.string(required('nik.format')).check(
  z.overwrite((v) => v.replace(/[\s.-]/g, '')),
  z.superRefine((value, ctx) => {
    const result = parseNik(value);
    if (!result.ok) ctx.issues.push({ code: 'custom', message: `nik.${result.problem}`, input: value });
  }),
  z.meta({
    pattern: '^\\d{16}$',
    description:
      'NIK (Nomor Induk Kependudukan), 16 digits; spaces, dots and dashes are removed first. The province and region codes, ' +
      'the birth date and the serial must be plausible.',
  }),
);

export const pastDate = z.string(required('date.invalid')).check(
  z.overwrite((v) => v.trim()),
  z.superRefine((value, ctx) => {
    if (!isCalendarDate(value)) ctx.issues.push({ code: 'custom', message: 'date.invalid', input: value });
    else if (value > jakartaDate()) ctx.issues.push({ code: 'custom', message: 'date.future', input: value });
    else if (value < '2000-01-01') ctx.issues.push({ code: 'custom', message: 'date.tooOld', input: value });
  }),
  z.meta({ format: 'date', description: 'YYYY-MM-DD, not after today in Asia/Jakarta and not before 2000-01-01.' }),
);

/** The accepted bank codes in order, for the API description. */
export const BANK_CODES = Object.keys(BANKS).sort();

/** Normalised to E.164 when valid; anything else stays as typed and fails the check, so the form can show it again. */
export const mobilePhone = z.string().check(
  z.maxLength(20, 'phone.invalid'),
  z.overwrite((v) => normalizeMobile(v) ?? v),
  z.regex(/^\+628\d{7,12}$/, 'phone.invalid'),
  z.meta({ description: 'An Indonesian mobile number; 08…, 628… and +628… forms are accepted and stored as E.164 (+628…).' }),
);

export const email = z.string().check(
  z.overwrite((v) => v.trim().toLowerCase()),
  z.maxLength(254, 'email.invalid'),
  z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'email.invalid'),
  z.meta({ format: 'email' }),
);
