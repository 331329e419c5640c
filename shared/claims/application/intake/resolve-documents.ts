import { type FieldError, ValidationError } from '../../../kernel/errors';
import type { ClaimDocument, DocumentType } from '../../domain/claim';
import { checkUploadContent } from '../../domain/upload-content';
import type { DocumentStorage, UploadStore, UploadsRefusedError } from '../ports';

export interface DocumentDeps {
  uploads: UploadStore;
  documents: DocumentStorage;
  now?: () => Date;
}

/**
 * Every document must name a finished upload, used under the document type it was declared for: its record exists
 * and the object is in storage with the declared size and content type, and starts as a file of that type does
 * (checkUploadContent). Checked before anything is written.
 */
export const resolveDocuments = async (
  deps: DocumentDeps,
  submitted: readonly { type: DocumentType; uploadId: string }[],
): Promise<ClaimDocument[]> => {
  if (submitted.length === 0) return [];
  const records = await deps.uploads.getMany(submitted.map((d) => d.uploadId));
  const now = (deps.now?.() ?? new Date()).getTime();
  const errors: FieldError[] = [];
  const resolved = await Promise.all(
    submitted.map(async (doc, i) => {
      const path = `documents[${i}].uploadId`;
      const found = records.get(doc.uploadId);
      // TTL deletes lazily: an expired record is treated as gone. A record bound to a claim no longer expires.
      const record = found && (found.expiresAt === undefined || found.expiresAt * 1000 > now) ? found : undefined;
      const stored = record ? await deps.documents.stat(record.key) : undefined;
      if (!record || !stored) return void errors.push({ path, code: 'uploadId.notFound' });
      // The type is fixed when the upload is reserved (POST /uploads): a file sent as a death certificate cannot
      // be relabelled as a bank book afterwards.
      if (doc.type !== record.type) return void errors.push({ path: `documents[${i}].type`, code: 'document.typeMismatch' });
      const problem = checkUploadContent({ contentType: record.contentType, size: record.declaredSize }, stored, stored.head);
      if (problem) return void errors.push({ path, code: problem });
      return {
        type: doc.type,
        uploadId: doc.uploadId,
        contentType: record.contentType,
        size: stored.size,
        key: record.key,
      } satisfies ClaimDocument;
    }),
  );
  if (errors.length) throw new ValidationError(errors.sort((a, b) => a.path.localeCompare(b.path)));
  return resolved.filter((d): d is ClaimDocument => d !== undefined);
};

/**
 * The uploads a claim's write refused (another claim has them, or they are gone), on the fields of the request that
 * named them: the same paths and codes as the checks above.
 */
export const refusedUploadsError = (submitted: readonly { uploadId: string }[], error: UploadsRefusedError): ValidationError =>
  new ValidationError(
    submitted.flatMap((doc, i): FieldError[] => {
      const refusal = error.refused.find((r) => r.uploadId === doc.uploadId);
      if (!refusal) return [];
      if (refusal.reason === 'typeMismatch') return [{ path: `documents[${i}].type`, code: 'document.typeMismatch' }];
      return [{ path: `documents[${i}].uploadId`, code: `uploadId.${refusal.reason}` }];
    }),
  );
