import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { DocumentLinks } from '../application/ports';

/**
 * Staff open a family's document in the browser through a presigned GET on the private bucket: valid for seconds,
 * answering with the stored content type and `Content-Disposition: inline` (the browser shows it, it does not
 * download it), and never public. The function signs with its own role, which may read `uploads/` only.
 */
export class S3DocumentLinks implements DocumentLinks {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  viewUrl(key: string, contentType: string, expiresSeconds: number): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: key,
      ResponseContentType: contentType,
      ResponseContentDisposition: 'inline',
      // A document is personal data: no shared cache keeps it after the link expires.
      ResponseCacheControl: 'private, no-store',
    });
    return getSignedUrl(this.s3, command, { expiresIn: expiresSeconds });
  }
}
