import { createUpload } from '../../shared/claims/application/intake/create-upload';
import { uploadRequestSchema } from '../../shared/claims/schemas/upload';
import { uploadSigner, uploadStore } from '../../shared/composition/claims';
import { validate } from '../../shared/kernel/validate';
import { httpHandler } from '../../shared/platform/http/handler';
import { json } from '../../shared/platform/http/responses';

const deps = { uploads: uploadStore(), signer: uploadSigner() };

/** POST /uploads: reserve one document upload and hand back a presigned POST limited to its type and size. */
export const handler = httpHandler(async (request) => json(201, await createUpload(deps, validate(uploadRequestSchema, request.body))), {
  accepts: ['json'],
  maxBodyBytes: 4 * 1024,
});
