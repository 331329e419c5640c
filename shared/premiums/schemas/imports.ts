import * as z from 'zod/mini';

/** A CSV body over a few MB goes through storage: POST /staff/uploads, send the file there, then import {uploadId}. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const IMPORT_UPLOAD_ID = /^imp_[A-Za-z0-9_-]{22}$/;

/** POST /staff/members/import and /staff/premiums/payments with a JSON body: import a file already in storage. */
export const importFromStorageSchema = z.object({ uploadId: z.string().check(z.regex(IMPORT_UPLOAD_ID, 'uploadId.invalid')) });

/** POST /staff/uploads: ask to upload one roster or payments CSV to storage. */
export const importUploadRequestSchema = z.object({
  kind: z.enum(['roster', 'payments'], 'invalid'),
  size: z
    .number('invalid')
    .check(z.int('invalid'), z.gte(1, 'invalid'), z.lte(MAX_IMPORT_BYTES, 'upload.tooLarge'), z.meta({ description: 'Bytes.' })),
});
