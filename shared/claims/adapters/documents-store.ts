import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DocumentStorage, StoredObject } from '../application/ports';
import { UPLOAD_HEAD_BYTES } from '../domain/upload-content';

const isMissing = (error: unknown): boolean => {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status === 404 || (error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey'));
};

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
      if (isMissing(error)) return undefined;
      // An empty object has no byte 0 to start the range at: S3 answers 416, the twin's s3rver drops the
      // connection. Only on a failed read does a HeadObject follow, to tell an empty object from a real fault.
      const empty = await this.emptyObject(key);
      if (empty === 'missing') return undefined;
      if (empty) return empty;
      throw error;
    }
  }

  private async emptyObject(key: string): Promise<StoredObject | 'missing' | undefined> {
    try {
      const out = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      if (out.ContentLength !== 0) return undefined;
      return { size: 0, ...(out.ContentType ? { contentType: out.ContentType } : {}), head: new Uint8Array() };
    } catch (error) {
      if (isMissing(error)) return 'missing';
      return undefined;
    }
  }
}
