import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DocumentStorage, StoredObject } from '../application/ports';
import { UPLOAD_HEAD_BYTES } from '../domain/upload-content';

const statusOf = (error: unknown) => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

/**
 * The private documents bucket, as intake sees it: does an uploaded object exist, how big is it, what type, and
 * what are its first bytes. (Presigning lives in upload-signer.ts so that functions which only check documents do
 * not bundle it.)
 */
export class DocumentsStore implements DocumentStorage {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  /**
   * One ranged GetObject (`bytes=0-15`) answers all of it: the object's size is in Content-Range, its type in
   * Content-Type, and the body is at most 16 bytes. Undefined when the object does not exist (an upload never
   * finished).
   */
  async stat(key: string): Promise<StoredObject | undefined> {
    try {
      const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${UPLOAD_HEAD_BYTES - 1}` }));
      const head = (await out.Body?.transformToByteArray()) ?? new Uint8Array();
      // `bytes 0-15/2048`; a store that ignored the range sent the whole object, and its length is the size.
      const total = /\/(\d+)$/.exec(out.ContentRange ?? '')?.[1];
      return {
        size: total === undefined ? (out.ContentLength ?? head.length) : Number(total),
        ...(out.ContentType ? { contentType: out.ContentType } : {}),
        head: head.subarray(0, UPLOAD_HEAD_BYTES),
      };
    } catch (error) {
      const status = statusOf(error);
      const name = error instanceof Error ? error.name : '';
      if (status === 404 || name === 'NotFound' || name === 'NoSuchKey') return undefined;
      // No byte 0 to start the range at: the object is empty (the presigned POST refuses those; a bad store may not).
      if (status === 416 || name === 'InvalidRange') return { size: 0, head: new Uint8Array() };
      throw error;
    }
  }
}
