import * as z from 'zod/mini';

/** An upload id as POST /uploads issues it. Its own module: claim intake needs it without the upload schemas. */
export const uploadIdSchema = z
  .string({ error: (iss) => (iss.input === undefined || iss.input === '' ? 'required' : 'uploadId.invalid') })
  .check(z.regex(/^up_[A-Za-z0-9_-]{16,40}$/, 'uploadId.invalid'));
