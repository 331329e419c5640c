import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';

export interface S3Local {
  endpoint: string;
  port: number;
  stop: () => Promise<void>;
}

/**
 * An S3-protocol emulator (s3rver) with the documents bucket and a CORS rule for the form's origin, as the CDK
 * bucket has. s3rver does not enforce presigned-POST policy conditions (size, type); intake checks both again
 * (with the file's first bytes) before it accepts a document, so the twin cannot be more lenient than AWS in what
 * it accepts.
 */
export const startS3Local = async (options: {
  dataDir: string;
  bucket: string;
  allowedOrigins: string[];
  port?: number;
}): Promise<S3Local> => {
  mkdirSync(options.dataDir, { recursive: true });
  const port = options.port ?? 0;
  const cors = `<CORSConfiguration>${options.allowedOrigins
    .map(
      (o) =>
        `<CORSRule><AllowedOrigin>${o}</AllowedOrigin><AllowedMethod>POST</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule>`,
    )
    .join('')}</CORSConfiguration>`;
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    directory: options.dataDir,
    silent: true,
    vhostBuckets: false,
    configureBuckets: [{ name: options.bucket, configs: [cors] }],
  });
  const address = (await server.run()) as { port: number };
  return { endpoint: `http://127.0.0.1:${address.port}`, port: address.port, stop: async () => void (await server.close()) };
};
