import * as z from 'zod/mini';
import { BENEFITS, DOCUMENT_TYPES, INCIDENT_CAUSES, INCIDENT_TYPES, JKK_CAUSES, RELATIONSHIPS, JKM_CAUSES } from '../domain/claim';
import { parseNik } from '../../reference-data/nik';
import { BANKS, isBankCode } from '../../reference-data/banks';
import { normalizeMobile } from '../../reference-data/phone';
import { isCalendarDate, jakartaDate } from '../../kernel/time';
import { uploadIdSchema } from './upload-id';

/**
 * Every schema of the HTTP edge lives in this folder. Messages are codes (see shared/web/i18n.ts) so that
 * the form can show them in Bahasa Indonesia or English; paths are the JSON paths the form uses as field names.
 * `z.meta` checks only describe a field for docs/openapi.json (formats, canonical patterns, what is normalised): they
 * validate nothing, and what a refinement checks beyond them is said in their description.
 */
const required = (code = 'invalid') => ({ error: (iss: { input: unknown }) => (iss.input === undefined || iss.input === '' ? 'required' : code) });

const text = (min: number, max: number) =>
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
const BANK_CODES = Object.keys(BANKS).sort();

/** Normalised to E.164 when valid; anything else stays as typed and fails the check, so the form can show it again. */
const mobilePhone = z.string().check(
  z.maxLength(20, 'phone.invalid'),
  z.overwrite((v) => normalizeMobile(v) ?? v),
  z.regex(/^\+628\d{7,12}$/, 'phone.invalid'),
  z.meta({ description: 'An Indonesian mobile number; 08…, 628… and +628… forms are accepted and stored as E.164 (+628…).' }),
);

const email = z.string().check(
  z.overwrite((v) => v.trim().toLowerCase()),
  z.maxLength(254, 'email.invalid'),
  z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'email.invalid'),
  z.meta({ format: 'email' }),
);


export const claimSubmissionSchema = z
  .object({
    benefit: z.enum(BENEFITS, required('benefit.invalid')),
    member: z.object({ nik, name: personName }, required()),
    incident: z.object(
      {
        type: z.enum(INCIDENT_TYPES, required('incidentType.invalid')),
        date: pastDate,
        cause: z.optional(z.enum(INCIDENT_CAUSES, 'cause.invalid')),
        description: z.optional(text(0, 1000)),
      },
      required(),
    ),
    claimant: z.object(
      {
        nik,
        name: personName,
        relationship: z.enum(RELATIONSHIPS, required('relationship.invalid')),
        phone: z.optional(mobilePhone),
        email: z.optional(email),
      },
      required(),
    ),
    payout: z.object(
      {
        bankCode: z.string(required('bank.unknown')).check(
          z.overwrite((v) => v.trim()),
          z.refine(isBankCode, 'bank.unknown'),
          z.meta({ enum: BANK_CODES, description: `Bank clearing code: ${BANK_CODES.map((c) => `${c} ${BANKS[c]}`).join(', ')}.` }),
        ),
        accountNumber: z.string(required('account.invalid')).check(
          z.overwrite((v) => v.replace(/[\s.-]/g, '')),
          z.regex(/^\d{6,20}$/, 'account.invalid'),
          z.meta({ description: 'Digits only once spaces, dots and dashes are removed.' }),
        ),
        accountHolder: personName,
      },
      required(),
    ),
    documents: z.optional(
      z.array(z.object({ type: z.enum(DOCUMENT_TYPES, required('document.type')), uploadId: uploadIdSchema }), 'invalid').check(
        z.maxLength(20, 'documents.tooMany'),
      ),
    ),
  })
  .check(
    // Rules that tie fields together. Each issue names the field a person has to change.
    z.superRefine((c, ctx) => {
      const issue = (path: (string | number)[], message: string) => ctx.issues.push({ code: 'custom', message, path, input: c });
      if (c.benefit === 'JKM' && c.incident.type !== 'death') issue(['incident', 'type'], 'incidentType.jkmRequiresDeath');
      if (c.benefit === 'JKK' && !c.incident.cause) issue(['incident', 'cause'], 'cause.required');
      if (c.benefit === 'JKK' && c.incident.cause && !(JKK_CAUSES as readonly string[]).includes(c.incident.cause)) issue(['incident', 'cause'], 'cause.notWork');
      if (c.benefit === 'JKM' && c.incident.cause && !(JKM_CAUSES as readonly string[]).includes(c.incident.cause)) issue(['incident', 'cause'], 'cause.isWork');
      if (c.incident.type === 'death' && c.claimant.relationship === 'self') issue(['claimant', 'relationship'], 'relationship.selfOnlyInjury');
      if (c.incident.type === 'injury' && c.claimant.relationship !== 'self') issue(['claimant', 'relationship'], 'relationship.injuryIsSelf');
      if (c.incident.type === 'injury' && c.claimant.relationship === 'self' && c.claimant.nik !== c.member.nik) issue(['claimant', 'nik'], 'claimant.selfNikMismatch');
      if (c.incident.type === 'death' && c.claimant.nik === c.member.nik) issue(['claimant', 'nik'], 'claimant.sameAsMember');
      if (!c.claimant.phone && !c.claimant.email) issue(['claimant', 'phone'], 'claimant.contactRequired');
      const seen = new Set<string>();
      (c.documents ?? []).forEach((d, i) => {
        if (seen.has(d.uploadId)) issue(['documents', i, 'uploadId'], 'documents.duplicate');
        seen.add(d.uploadId);
      });
    }),
  );

export type ClaimSubmission = z.infer<typeof claimSubmissionSchema>;
