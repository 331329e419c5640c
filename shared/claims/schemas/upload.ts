import * as z from 'zod/mini';
import { DOCUMENT_TYPES, MAX_UPLOAD_BYTES, UPLOAD_CONTENT_TYPES } from '../domain/claim';

const required = (code: string) => ({
  error: (iss: { input: unknown }) => (iss.input === undefined || iss.input === '' ? 'required' : code),
});

export { uploadIdSchema } from './upload-id';

/** POST /uploads. Kept apart from the claim schema so the upload function does not bundle phone validation. */
export const uploadRequestSchema = z.object({
  type: z.enum(DOCUMENT_TYPES, required('document.type')),
  contentType: z.enum(UPLOAD_CONTENT_TYPES, required('upload.contentType')),
  size: z.number(required('upload.size')).check(z.int('upload.size'), z.gte(1, 'upload.size'), z.lte(MAX_UPLOAD_BYTES, 'upload.tooLarge')),
});
export type UploadRequest = z.infer<typeof uploadRequestSchema>;
