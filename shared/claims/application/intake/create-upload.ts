import { randomBytes } from 'node:crypto';
import { jakartaDate, jakartaIso } from '../../../kernel/time';
import { MAX_UPLOAD_BYTES, UPLOAD_URL_TTL_SECONDS } from '../../domain/claim';
import type { UploadRequest } from '../../schemas/upload';
import type { UploadSigner, UploadStore } from '../ports';

/** Upload records not attached to a claim disappear after a week (DynamoDB TTL). Their objects stay: see docs/operations.md. */
const RECORD_TTL_SECONDS = 7 * 24 * 3600;

/** Reserves one document upload and hands back a presigned POST limited to its type and size. */
export const createUpload = async (deps: { uploads: UploadStore; signer: UploadSigner; now?: () => Date }, input: UploadRequest) => {
  const now = deps.now?.() ?? new Date();
  const uploadId = `up_${randomBytes(16).toString('base64url')}`;
  const key = `uploads/${jakartaDate(now).replaceAll('-', '/')}/${uploadId}`;
  await deps.uploads.put({
    uploadId,
    type: input.type,
    contentType: input.contentType,
    declaredSize: input.size,
    key,
    createdAt: jakartaIso(now),
    expiresAt: Math.floor(now.getTime() / 1000) + RECORD_TTL_SECONDS,
  });
  const post = await deps.signer.presign(key, input.contentType, MAX_UPLOAD_BYTES, UPLOAD_URL_TTL_SECONDS);
  return {
    uploadId,
    method: 'POST' as const,
    url: post.url,
    fields: post.fields,
    maxBytes: MAX_UPLOAD_BYTES,
    expiresAt: jakartaIso(new Date(now.getTime() + UPLOAD_URL_TTL_SECONDS * 1000)),
  };
};
