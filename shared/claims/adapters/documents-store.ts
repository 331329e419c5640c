import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DocumentStorage } from '../application/ports';

/**
 * The private documents bucket, as intake sees it: does an uploaded object exist, how big is it, what type.
 * (Presigning lives in upload-signer.ts so that functions which only check documents do not bundle it.)
 */
export class DocumentsStore implements DocumentStorage {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  /** Size and type of a stored object, or undefined when it does not exist (an upload never finished). */
  async stat(key: string): Promise<{ size: number; contentType?: string } | undefined> {
    try {
      const out = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: out.ContentLength ?? 0, contentType: out.ContentType };
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404 || (error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey'))) return undefined;
      throw error;
    }
  }
}
