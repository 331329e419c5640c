import { S3DocumentLinks } from '../claims/adapters/document-links';
import type { DocumentLinks } from '../claims/application/ports';
import { s3Client } from './claims';
import { ENV, requireEnv } from './env';

/**
 * Presigned GETs of family documents for the staff claim page, in a file of its own: only the staff API bundles the
 * request presigner.
 */
export const documentLinks = (): DocumentLinks => new S3DocumentLinks(s3Client(), requireEnv(ENV.documentsBucket));
