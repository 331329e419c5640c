import { gunzipSync } from 'node:zlib';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { compressResponse } from '../../shared/platform/http/compress';

const event = (acceptEncoding?: string) =>
  ({ headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }) as APIGatewayProxyEventV2;
const page = (body: string, type = 'text/html; charset=utf-8'): APIGatewayProxyStructuredResultV2 => ({
  statusCode: 200,
  headers: { 'content-type': type },
  body,
});

describe('gzip for text responses', () => {
  const big = `<p>${'Santunan untuk keluarga. '.repeat(200)}</p>`;

  it('compresses a large page for a client that accepts gzip, and the bytes decode to the page', () => {
    const res = page(big);
    compressResponse(res, event('gzip, deflate, br'));
    expect(res).toMatchObject({ isBase64Encoded: true, headers: { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } });
    const bytes = Buffer.from(res.body!, 'base64');
    expect(bytes.length).toBeLessThan(big.length / 10);
    expect(gunzipSync(bytes).toString()).toBe(big);
  });

  it('leaves alone: a client without gzip (or q=0), a small body, a binary or already encoded body', () => {
    for (const accept of [undefined, 'br', 'gzip;q=0']) {
      const res = page(big);
      compressResponse(res, event(accept));
      expect(res.body).toBe(big);
      expect(res.headers?.vary).toBe('Accept-Encoding');
    }
    const small = page('<p>ok</p>');
    compressResponse(small, event('gzip'));
    expect(small.body).toBe('<p>ok</p>');
    const pdf = page(big, 'application/pdf');
    compressResponse(pdf, event('gzip'));
    expect(pdf.body).toBe(big);
    const encoded = { ...page(big), isBase64Encoded: true };
    compressResponse(encoded, event('gzip'));
    expect(encoded.body).toBe(big);
  });
});
