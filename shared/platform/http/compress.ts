import { gzipSync } from 'node:zlib';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * Gzip for text responses the client accepts it for. A family on a weak 3G signal loads the claim form (17 KB of
 * HTML, a third of it the bank list) as under 5 KB. API Gateway HTTP APIs do not compress, so the function does:
 * the body goes out base64-encoded with `Content-Encoding: gzip`, which API Gateway (and the twin) send as bytes.
 * Small bodies are left alone: below ~1 KB the gzip header and a round of CPU buy nothing.
 */
const MIN_BYTES = 1024;
const TEXT = /^(text\/|application\/(json|javascript|xml)|image\/svg)/i;

const acceptsGzip = (event: APIGatewayProxyEventV2): boolean =>
  acceptsGzipEncoding(Object.entries(event.headers ?? {}).find(([k]) => k.toLowerCase() === 'accept-encoding')?.[1] ?? '');

/** An `Accept-Encoding` value that allows gzip: "gzip", "gzip;q=1.0", "*", but not "gzip;q=0". */
export const acceptsGzipEncoding = (header: string): boolean =>
  header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });

export const compressResponse = (response: APIGatewayProxyStructuredResultV2, event: APIGatewayProxyEventV2): void => {
  if (!response || typeof response !== 'object' || response.isBase64Encoded || typeof response.body !== 'string') return;
  response.headers ??= {};
  const headers = response.headers;
  const type = String(Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '');
  if (!TEXT.test(type) || Object.keys(headers).some((k) => k.toLowerCase() === 'content-encoding')) return;
  headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
  if (Buffer.byteLength(response.body) < MIN_BYTES || !acceptsGzip(event)) return;
  response.body = gzipSync(response.body).toString('base64');
  response.isBase64Encoded = true;
  headers['content-encoding'] = 'gzip';
};

export const compress = (): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> => ({
  after: (request) => compressResponse(request.response as APIGatewayProxyStructuredResultV2, request.event),
  onError: (request) => {
    if (request.response) compressResponse(request.response as APIGatewayProxyStructuredResultV2, request.event);
  },
});
