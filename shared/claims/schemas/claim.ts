import * as z from 'zod/mini';
import { jakartaDate } from '../../kernel/time';
import { BANKS, isBankCode } from '../../reference-data/banks';
import { BANK_CODES, email, mobilePhone, nik, pastDate, personName, required, text } from '../../reference-data/fields';
import { BENEFITS, DOCUMENT_TYPES, INCIDENT_CAUSES, INCIDENT_TYPES, JKK_CAUSES, JKM_CAUSES, RELATIONSHIPS } from '../domain/claim';
import { addYears } from '../domain/rules/benefits';
import { scholarshipChildrenSchema } from './payment';
import { uploadIdSchema } from './upload-id';

/**
 * Every schema of the HTTP edge lives in this folder. Messages are codes (translated at the edge) so that
 * the form can show them in Bahasa Indonesia or English; paths are the JSON paths the form uses as field names.
 * `z.meta` checks only describe a field for docs/openapi.json (formats, canonical patterns, what is normalised): they
 * validate nothing, and what a refinement checks beyond them is said in their description.
 */
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
        ward: z.optional(
          z
            .object({ name: personName, birthDate: pastDate, nik: z.optional(nik) }, required('ward.required'))
            .check(z.meta({ description: 'The child heir a `guardian` files for: required with that relationship, and under 17.' })),
        ),
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
      z
        .array(z.object({ type: z.enum(DOCUMENT_TYPES, required('document.type')), uploadId: uploadIdSchema }), 'invalid')
        .check(z.maxLength(20, 'documents.tooMany')),
    ),
    /** The member's children, for the scholarship of a death or a total disability (paid a school year at a time). */
    children: z.optional(scholarshipChildrenSchema),
  })
  .check(
    // Rules that tie fields together. Each issue names the field a person has to change.
    z.superRefine((c, ctx) => {
      const issue = (path: (string | number)[], message: string) => ctx.issues.push({ code: 'custom', message, path, input: c });
      if (c.benefit === 'JKM' && c.incident.type !== 'death') issue(['incident', 'type'], 'incidentType.jkmRequiresDeath');
      if (c.benefit === 'JKK' && !c.incident.cause) issue(['incident', 'cause'], 'cause.required');
      if (c.benefit === 'JKK' && c.incident.cause && !(JKK_CAUSES as readonly string[]).includes(c.incident.cause))
        issue(['incident', 'cause'], 'cause.notWork');
      if (c.benefit === 'JKM' && c.incident.cause && !(JKM_CAUSES as readonly string[]).includes(c.incident.cause))
        issue(['incident', 'cause'], 'cause.isWork');
      if (c.incident.type === 'death' && c.claimant.relationship === 'self')
        issue(['claimant', 'relationship'], 'relationship.selfOnlyInjury');
      const rel = c.claimant.relationship;
      if (c.incident.type === 'injury' && rel !== 'self' && rel !== 'spouse')
        issue(['claimant', 'relationship'], 'relationship.injuryIsSelf');
      if (c.incident.type === 'injury' && rel === 'guardian') issue(['claimant', 'relationship'], 'relationship.guardianForDeath');
      if (c.incident.type === 'injury' && rel === 'funeral_arranger') issue(['claimant', 'relationship'], 'relationship.funeralForDeath');
      if (rel === 'guardian' && !c.claimant.ward) issue(['claimant', 'ward', 'name'], 'ward.required');
      // A child of 17 has a KTP and may open an account: they file themselves (domain.md, heirs who cannot file alone).
      if (rel === 'guardian' && c.claimant.ward && addYears(c.claimant.ward.birthDate, 17) <= jakartaDate(new Date()))
        issue(['claimant', 'ward', 'birthDate'], 'ward.adult');
      if (c.incident.type === 'injury' && c.claimant.relationship === 'self' && c.claimant.nik !== c.member.nik)
        issue(['claimant', 'nik'], 'claimant.selfNikMismatch');
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
