import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';

/**
 * Documents live in a private bucket. Families upload straight to it with a presigned POST whose policy fixes the
 * key, the content type and the size range, so our functions never carry the bytes.
 */
export class DocumentsStore {
  private readonly s3: S3Client;

  constructor(private readonly bucket: string, forcePathStyle: boolean) {
    this.s3 = new S3Client({ forcePathStyle });
  }

  async presignUpload(key: string, contentType: string, maxBytes: number, expiresSeconds: number) {
    return createPresignedPost(this.s3, {
      Bucket: this.bucket,
      Key: key,
      Conditions: [
        ['content-length-range', 1, maxBytes],
        ['eq', '$Content-Type', contentType],
      ],
      Fields: { 'Content-Type': contentType },
      Expires: expiresSeconds,
    });
  }

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
