import type { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import type { PresignedUpload, UploadSigner } from '../application/ports';

/**
 * Families upload straight to the private bucket with a presigned POST whose policy fixes the key, the content
 * type and the size range, so our functions never carry the bytes and S3 refuses anything else.
 */
export class S3UploadSigner implements UploadSigner {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  presign(key: string, contentType: string, maxBytes: number, expiresSeconds: number): Promise<PresignedUpload> {
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
}
