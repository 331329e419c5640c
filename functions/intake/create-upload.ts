import { randomBytes } from 'node:crypto';
import { uploadSigner, uploadsRepository } from '../../shared/composition/intake-adapters';
import { MAX_UPLOAD_BYTES, UPLOAD_URL_TTL_SECONDS } from '../../shared/claims/domain/claim';
import { jakartaDate, jakartaIso } from '../../shared/kernel/time';
import { httpHandler } from '../../shared/platform/http/handler';
import { json } from '../../shared/platform/http/responses';
import { uploadRequestSchema } from '../../shared/claims/schemas/upload';
import { validate } from '../../shared/kernel/validate';

const uploads = uploadsRepository();
const signer = uploadSigner();
/** Upload records not attached to a claim disappear after a week (DynamoDB TTL). Their objects stay: see docs/operations.md. */
const RECORD_TTL_SECONDS = 7 * 24 * 3600;

/** POST /uploads: reserve one document upload and hand back a presigned POST limited to its type and size. */
export const handler = httpHandler(
  async (request) => {
    const input = validate(uploadRequestSchema, request.body);
    const now = new Date();
    const uploadId = `up_${randomBytes(16).toString('base64url')}`;
    const key = `uploads/${jakartaDate(now).replaceAll('-', '/')}/${uploadId}`;
    await uploads.put({
      uploadId,
      type: input.type,
      contentType: input.contentType,
      declaredSize: input.size,
      key,
      createdAt: jakartaIso(now),
      expiresAt: Math.floor(now.getTime() / 1000) + RECORD_TTL_SECONDS,
    });
    const post = await signer.presign(key, input.contentType, MAX_UPLOAD_BYTES, UPLOAD_URL_TTL_SECONDS);
    return json(201, {
      uploadId,
      method: 'POST',
      url: post.url,
      fields: post.fields,
      maxBytes: MAX_UPLOAD_BYTES,
      expiresAt: jakartaIso(new Date(now.getTime() + UPLOAD_URL_TTL_SECONDS * 1000)),
    });
  },
  { accepts: ['json'], maxBodyBytes: 4 * 1024 },
);
