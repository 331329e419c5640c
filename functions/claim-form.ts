import { randomBytes } from 'node:crypto';
import { httpHandler } from '../shared/http/handler';
import { html, type HttpResponse } from '../shared/http/responses';
import { jakartaDate } from '../shared/domain/time';
import { renderClaimForm } from '../shared/web/claim-form-page';
import { UPLOAD_SCRIPT } from '../shared/web/assets/upload';
import { optionalEnv } from '../shared/config';

/** Where the browser sends files (S3, or the twin's emulator): allowed in the page's Content-Security-Policy. */
const uploadOrigin = optionalEnv('UPLOAD_ORIGIN', '');

/** GET /assets/upload.js: the form's one script, cacheable for a day so a weak connection loads it once. */
const script: HttpResponse = {
  statusCode: 200,
  headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=86400', 'x-content-type-options': 'nosniff' },
  body: UPLOAD_SCRIPT,
};

/** GET /: the claim form, with a fresh idempotency key so that a double tap or a resend files one claim. */
export const handler = httpHandler(async (request) => {
  if (request.route === 'GET /assets/upload.js') return script;
  const page = renderClaimForm({ lang: request.lang, idempotencyKey: randomBytes(16).toString('base64url'), today: jakartaDate() });
  return html(200, page, {}, uploadOrigin);
});
