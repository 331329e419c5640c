import type { Readable } from 'node:stream';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ValidationError } from '../../kernel/errors';
import type { ImportFiles, ImportKind, ObjectUploadSigner } from '../application/ports';

/** Where an uploaded import file lives in the documents bucket. */
const importKey = (kind: ImportKind, uploadId: string) => `imports/${kind}/${uploadId}.csv`;

/**
 * Import files in the private bucket: uploaded by presigned POST, streamed back by the import. A function that only
 * reads them is built without a signer (and so without bundling the presigned-POST library).
 */
export class S3ImportFiles implements ImportFiles {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly signer?: ObjectUploadSigner,
  ) {}

  async open(kind: ImportKind, uploadId: string): Promise<Readable> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: importKey(kind, uploadId) }));
      return out.Body as Readable;
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') {
        throw new ValidationError([{ path: 'uploadId', code: 'uploadId.notFound' }], 'No uploaded file with this uploadId.');
      }
      throw error;
    }
  }

  presign(kind: ImportKind, uploadId: string, maxBytes: number) {
    if (!this.signer) throw new Error('S3ImportFiles was built without an upload signer');
    // Fifteen minutes to start sending a file of up to 50 MB from an office connection.
    return this.signer.presign(importKey(kind, uploadId), 'text/csv', maxBytes, 15 * 60);
  }
}
