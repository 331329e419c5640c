import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';

/** s3rver's one key pair (the twin's functions sign with it: infra/local/twin.ts). */
const ACCESS_KEY = 'S3RVER';
const SECRET_KEY = 'S3RVER';

/** RFC 3986 encoding, as SigV4 canonicalises query names and values. */
const rfc3986 = (v: string) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

export type GetCheck = { ok: true } | { ok: false; code: 'AccessDenied' | 'SignatureDoesNotMatch'; message: string };

/**
 * What S3 checks on a GET of an object in a private bucket, which s3rver does not: a request with neither an
 * Authorization header nor a query signature is refused (no anonymous reads), and a presigned GET (SigV4 in the
 * query) must carry a valid signature for this very method, path, query and signed headers, by the known key, and
 * must not have expired (`X-Amz-Date` + `X-Amz-Expires`). Requests signed in the Authorization header (the functions'
 * own SDK calls) pass as before.
 */
export const checkGet = (
  request: { method: string; path: string; querystring: string; header: (name: string) => string },
  now: Date = new Date(),
): GetCheck => {
  if (request.header('authorization')) return { ok: true };
  const query = new URLSearchParams(request.querystring);
  const denied = (message: string): GetCheck => ({ ok: false, code: 'AccessDenied', message });
  const signature = query.get('X-Amz-Signature');
  if (!signature) return denied('Access Denied');
  const [accessKey, date, region, service, terminal] = (query.get('X-Amz-Credential') ?? '').split('/');
  const amzDate = query.get('X-Amz-Date') ?? '';
  const expires = Number(query.get('X-Amz-Expires'));
  const signedHeaders = query.get('X-Amz-SignedHeaders') ?? '';
  const stamp = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256' || !stamp || !Number.isInteger(expires) || expires < 1 || expires > 604_800)
    return denied('Malformed presigned URL');
  if (accessKey !== ACCESS_KEY || service !== 's3' || terminal !== 'aws4_request' || date !== amzDate.slice(0, 8) || !region)
    return denied('The AWS Access Key Id you provided does not exist in our records.');
  const signedAt = Date.UTC(+stamp[1]!, +stamp[2]! - 1, +stamp[3]!, +stamp[4]!, +stamp[5]!, +stamp[6]!);
  if (now.getTime() > signedAt + expires * 1000) return denied('Request has expired');
  if (signedAt > now.getTime() + 15 * 60_000) return denied('Request is not yet valid');
  const canonicalQuery = [...query]
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => [rfc3986(name), rfc3986(value)] as const)
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const headers = signedHeaders.split(';').map((h) => `${h}:${request.header(h).trim().replace(/\s+/g, ' ')}\n`);
  const canonical = [request.method, request.path, canonicalQuery, headers.join(''), signedHeaders, 'UNSIGNED-PAYLOAD'].join('\n');
  const scope = `${date}/${region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${SECRET_KEY}`, date), region), 's3'), 'aws4_request');
  const expected = Buffer.from(hmac(key, toSign).toString('hex'));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return {
      ok: false,
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided.',
    };
  return { ok: true };
};

interface KoaContext {
  method: string;
  path: string;
  querystring: string;
  get(name: string): string;
  status: number;
  type: string;
  body: unknown;
}

export interface S3Local {
  endpoint: string;
  port: number;
  stop: () => Promise<void>;
}

/**
 * An S3-protocol emulator (s3rver) with the documents bucket and a CORS rule for the form's origin, as the CDK
 * bucket has. s3rver does not enforce presigned-POST policy conditions (size, type); intake checks both again
 * (with the file's first bytes) before it accepts a document, so the twin cannot be more lenient than AWS in what
 * it accepts. It does not check signatures either: checkGet (above) does it for reads, in front of s3rver, so a
 * document link that works on the twin is one S3 would accept (and an expired or forged one fails as on S3).
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
  // First in the chain, before s3rver's own routes (Koa composes the middleware when the server starts).
  const middleware = (server as unknown as { middleware: unknown[] }).middleware;
  middleware.unshift(async (ctx: KoaContext, next: () => Promise<void>) => {
    if (ctx.method === 'GET' || ctx.method === 'HEAD') {
      const check = checkGet({ method: ctx.method, path: ctx.path, querystring: ctx.querystring, header: (name) => ctx.get(name) });
      if (!check.ok) {
        ctx.status = 403;
        ctx.type = 'application/xml';
        ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${check.code}</Code><Message>${check.message}</Message></Error>`;
        return;
      }
    }
    await next();
  });
  const address = (await server.run()) as { port: number };
  return { endpoint: `http://127.0.0.1:${address.port}`, port: address.port, stop: async () => void (await server.close()) };
};
