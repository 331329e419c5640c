import * as z from 'zod/mini';
import { DOCUMENT_TYPES } from '../domain/claim';
import { uploadIdSchema } from './upload-id';

/** POST /claims/{reference}/documents: the claimant's NIK and the documents to add (finished uploads). */
export const addDocumentsSchema = z.object({
  nik: z.string().check(
    z.overwrite((v) => v.replace(/[\s.-]/g, '')),
    z.regex(/^\d{16}$/, 'nik.format'),
  ),
  documents: z
    .array(z.object({ type: z.enum(DOCUMENT_TYPES, 'document.type'), uploadId: uploadIdSchema }))
    .check(z.minLength(1, 'required'), z.maxLength(20, 'documents.tooMany')),
});
export type AddDocumentsRequest = z.infer<typeof addDocumentsSchema>;
