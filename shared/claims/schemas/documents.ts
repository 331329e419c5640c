import * as z from 'zod/mini';
import { DOCUMENT_TYPES } from '../domain/claim';
import { isSchoolYear } from '../domain/tranche';
import { uploadIdSchema } from './upload-id';

/**
 * POST /claims/{reference}/documents: the family sends what was missing. The claimant's NIK proves the claim is
 * theirs (a mismatch is the same 404 as an unknown reference); every document must be a finished upload.
 */
export const addDocumentsRequestSchema = z.object({
  nik: z.string().check(
    z.overwrite((v) => v.replace(/[\s.-]/g, '')),
    z.regex(/^\d{16}$/, 'nik.format'),
    z.meta({ description: "The claimant's NIK, 16 digits; spaces, dots and dashes are removed first." }),
  ),
  documents: z
    .array(
      z.object({
        type: z.enum(DOCUMENT_TYPES, 'document.type'),
        uploadId: uploadIdSchema,
        schoolYear: z.optional(
          z
            .string('schoolYear.invalid')
            .check(
              z.refine(isSchoolYear, 'schoolYear.invalid'),
              z.meta({ description: 'SCHOOL_CERTIFICATE: the school year it proves (`2026/2027`); default: the current one.' }),
            ),
        ),
      }),
    )
    .check(z.minLength(1, 'required'), z.maxLength(20, 'documents.tooMany')),
});
export type AddDocumentsRequest = z.infer<typeof addDocumentsRequestSchema>;
