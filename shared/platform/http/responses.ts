import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { type DomainError, TooManyAttemptsError, ValidationError } from '../../kernel/errors';
import { errorMessage, hasErrorMessage, type Lang } from '../web/i18n';
import { STYLESHEET_CSP_SOURCE } from '../web/stylesheet';

export type HttpResponse = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string>; body: string };

const BASE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // Status pages carry a NIK in the URL (api.md): never cache them in shared proxies.
  'cache-control': 'no-store',
};

export const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  statusCode,
  headers: { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});

export const html = (statusCode: number, page: string, headers: Record<string, string> = {}, extraConnectSrc = ''): HttpResponse => ({
  statusCode,
  headers: {
    ...BASE_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `default-src 'none'; style-src 'self' ${STYLESHEET_CSP_SOURCE}; script-src 'self'; img-src 'self' data:; form-action 'self'; connect-src 'self'${extraConnectSrc ? ` ${extraConnectSrc}` : ''}; base-uri 'none'; frame-ancestors 'none'`,
    ...headers,
  },
  body: page,
});

/** A spreadsheet download: never cached (it holds personal data), never sniffed as anything but CSV. */
export const csv = (body: string, filename: string): HttpResponse => ({
  statusCode: 200,
  headers: {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  },
  body,
});

export const redirect = (location: string, statusCode = 303): HttpResponse => ({
  statusCode,
  headers: { ...BASE_HEADERS, location },
  body: '',
});

/** Seconds to wait, as a `Retry-After` header (RFC 9110), for an error that says when to come back. */
export const retryAfterHeader = (error: DomainError): Record<string, string> =>
  error instanceof TooManyAttemptsError ? { 'retry-after': String(Math.max(1, Math.ceil(error.retryAfterSeconds))) } : {};

/** The api.md error shape: `{ error, message, fields? }`. Field messages are in the request's language. */
export const errorResponse = (error: DomainError, status: number, lang: Lang): HttpResponse => {
  const body: Record<string, unknown> = { error: error.code, message: error.message };
  if (error instanceof ValidationError) {
    body.fields = error.fields.map((f) => ({
      path: f.path,
      code: f.code,
      message: f.message ?? (hasErrorMessage(f.code) ? errorMessage(f.code, lang) : errorMessage('invalid', lang)),
    }));
  }
  return json(status, body, retryAfterHeader(error));
};

/** api.md: JSON when the client asks for `application/json` (before any text/html), else an HTML page. */
/** RFC 7240: a client that would rather poll than wait for a long job asks with `Prefer: respond-async`. */
export const prefersAsync = (headers: Record<string, string | undefined>): boolean => /\brespond-async\b/i.test(headers.prefer ?? '');

export const wantsJson = (headers: Record<string, string | undefined>): boolean => {
  const accept = (headers.accept ?? '').toLowerCase();
  const jsonAt = accept.indexOf('application/json');
  if (jsonAt === -1) return false;
  const htmlAt = accept.indexOf('text/html');
  return htmlAt === -1 || jsonAt < htmlAt;
};
