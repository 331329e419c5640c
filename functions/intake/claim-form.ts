import { randomBytes } from 'node:crypto';
import { renderClaimForm } from '../../shared/claims/web/claim-form-page';
import { optionalEnv } from '../../shared/composition/env';
import { jakartaDate } from '../../shared/kernel/time';
import { httpHandler } from '../../shared/platform/http/handler';
import { type HttpResponse, html } from '../../shared/platform/http/responses';
import { STATUS_SCRIPT } from '../../shared/platform/web/assets/status.generated';
import { STYLESHEET } from '../../shared/platform/web/assets/styles.generated';
import { UPLOAD_SCRIPT } from '../../shared/platform/web/assets/upload.generated';

/** Where the browser sends files (S3, or the twin's emulator): allowed in the page's Content-Security-Policy. */
const uploadOrigin = optionalEnv('UPLOAD_ORIGIN', '');

/** Static assets, cacheable for a day so that a weak connection loads them once. */
const asset = (contentType: string, body: string): HttpResponse => ({
  statusCode: 200,
  headers: {
    'content-type': `${contentType}; charset=utf-8`,
    'cache-control': 'public, max-age=86400',
    'x-content-type-options': 'nosniff',
  },
  body,
});
const ASSETS: Record<string, HttpResponse> = {
  'GET /assets/upload.js': asset('text/javascript', UPLOAD_SCRIPT),
  'GET /assets/app.css': asset('text/css', STYLESHEET),
  'GET /assets/status.js': asset('text/javascript', STATUS_SCRIPT),
};

/** GET /: the claim form (GET /assets/* its script and stylesheet), with a fresh idempotency key so that a double tap or a resend files one claim. */
export const handler = httpHandler(async (request) => {
  const staticAsset = ASSETS[request.route];
  if (staticAsset) return staticAsset;
  const page = renderClaimForm({ lang: request.lang, idempotencyKey: randomBytes(16).toString('base64url'), today: jakartaDate() });
  return html(200, page, {}, uploadOrigin);
});
