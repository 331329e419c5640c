import * as z from 'zod/mini';
import { nik, personName, required } from '../../reference-data/fields';
import { CLAIM_STATUSES, DOCUMENT_TYPES } from '../domain/claim';
import { uploadIdSchema } from './upload-id';

/** The claimant's NIK, as the other family routes take it: proves the claim is theirs (a mismatch is the same 404). */
const claimantNik = z.string().check(
  z.overwrite((v) => v.replace(/[\s.-]/g, '')),
  z.regex(/^\d{16}$/, 'nik.format'),
  z.meta({ description: "The claimant's NIK, 16 digits; spaces, dots and dashes are removed first." }),
);

const documents = z
  .array(z.object({ type: z.enum(DOCUMENT_TYPES, 'document.type'), uploadId: uploadIdSchema }))
  .check(z.maxLength(20, 'documents.tooMany'));

/**
 * POST /claims/{reference}/correction: the family corrects a claim rejected for something they typed or had not sent
 * (`MEMBER_NOT_FOUND`, `MEMBER_NAME_WRONG`: the member's NIK and name; `DOCUMENTS_EXPIRED`, `DOCUMENTS_NOT_SENT`: the
 * documents). Verification runs again on the same reference.
 */
export const correctionRequestSchema = z.object({
  nik: claimantNik,
  member: z.optional(z.object({ nik, name: personName }, required())),
  documents: z.optional(documents),
});
export type CorrectionRequest = z.infer<typeof correctionRequestSchema>;

/** The statement keeps its line breaks: a family may write several paragraphs. */
const statement = z.string(required()).check(
  z.overwrite((v) => v.trim().replace(/\r\n/g, '\n')),
  z.minLength(10, 'tooShort'),
  z.maxLength(2000, 'tooLong'),
  z.meta({ description: 'Why the family disagrees with the decision, 10-2000 characters.' }),
);

/** POST /claims/{reference}/appeal (api.md): a statement and, optionally, new documents. */
export const appealRequestSchema = z.object({ nik: claimantNik, statement, documents: z.optional(documents) });
export type AppealRequest = z.infer<typeof appealRequestSchema>;

/** POST /staff/claims/{reference}/appeal-decision: a supervisor upholds or refuses the family's appeal. */
export const appealDecisionRequestSchema = z.object({
  decision: z.enum(['uphold', 'refuse'], { error: 'decision.invalid' }),
  note: z.optional(z.string().check(z.maxLength(500, 'tooLong'))),
});
export type AppealDecisionRequest = z.infer<typeof appealDecisionRequestSchema>;

/** 200/201: the claim after a correction, an appeal or the decision on it. */
export const reopenResultSchema = z.object({
  reference: z.string(),
  status: z.enum(CLAIM_STATUSES),
  statusUrl: z.optional(z.string()),
});
