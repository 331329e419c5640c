import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import { ForbiddenError, UnauthorizedError } from '../../kernel/errors';
import type { HttpRequest } from '../../platform/http/handler';
import { linkBase } from '../../platform/http/links';
import { CSRF_FIELD, CSRF_HEADER, csrfTokenFor, isCsrfTokenOf } from '../domain/csrf';
import { type StaffUser, scopeFromGroups } from '../domain/roles';

/** The browser keeps the staff token in this cookie (HttpOnly, SameSite=Strict); API clients send a Bearer header. */
export const SESSION_COOKIE = 'santunan_session';

/**
 * The `Set-Cookie` value of a staff session: HttpOnly (no script reads the token), SameSite=Strict, scoped to the
 * staff pages, and `Secure` unless the site itself is plain http (the twin on a developer's machine), so outside
 * the twin the token never travels over an unencrypted connection.
 */
export const sessionCookie = (token: string, maxAgeSeconds: number, siteUrl: string): string => {
  const attributes = [`${SESSION_COOKIE}=${token}`, 'Path=/staff', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`];
  if (!siteUrl.startsWith('http://')) attributes.push('Secure');
  return attributes.join('; ');
};

/**
 * How long after its issue (`iat`) a staff token is accepted, whatever its `exp` says: a token minted with a far
 * expiry (a misconfigured client, a stolen signing key's output) still ends with the working day.
 */
export const STAFF_TOKEN_MAX_AGE_SECONDS = 12 * 3600;

/**
 * One verification path for every staff request: a JWT access token checked against the issuer's JWKS. In AWS the
 * issuer is the Cognito user pool; on the twin it is the twin's own issuer with its seeded users. Issuer, JWKS URL
 * and app client come from configuration, read once.
 */
/**
 * Cross-site request forgery: a state-changing request signed only by the session cookie must come from our own
 * pages. SameSite=Strict stops other sites but not a same-site page on another port or subdomain, so the browser's
 * own word is checked too: `Sec-Fetch-Site: same-origin` (every current browser sends it), else an `Origin` equal
 * to the configured public origin. Neither, or anything else, is a 403. A Bearer token is not sent by a browser on
 * its own, so API clients need neither header.
 */
export const checkSameOrigin = (
  request: Pick<HttpRequest, 'headers'> & { domainName?: string },
  allowedOrigin: string | undefined,
): void => {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) {
    if (site === 'same-origin' || site === 'none') return;
    throw new ForbiddenError('This form was sent from another site. Open the claim page again and send it from there.');
  }
  const origin = request.headers.origin;
  // The configured origin, else the API's own domain as API Gateway names it (never the client's Host header).
  const base = linkBase({ domainName: request.domainName ?? '' }, allowedOrigin ?? '');
  if (origin && base && origin === new URL(base).origin) return;
  throw new ForbiddenError('This form was sent from another site. Open the claim page again and send it from there.');
};

/**
 * The per-session token (../domain/csrf.ts) of a state-changing request signed only by the session cookie: the form
 * field `_csrf` or the header `X-CSRF-Token` must be the session's token, else 403 `CSRF_TOKEN_INVALID`. This comes on
 * top of the same-origin check: the origin headers say where a post came from, the token that it came from a page we
 * served to this session.
 */
export const checkCsrfToken = (
  request: Pick<HttpRequest, 'headers'> & Partial<Pick<HttpRequest, 'body' | 'bodyKind'>>,
  sessionToken: string,
): void => {
  const field = request.bodyKind === 'form' ? (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD] : undefined;
  const sent = request.headers[CSRF_HEADER] ?? (typeof field === 'string' ? field : undefined);
  if (!isCsrfTokenOf(sessionToken, sent))
    throw new ForbiddenError(
      'This form is out of date or was not sent from our pages (its session token is missing or wrong). Open the page again and send it from there.',
      'CSRF_TOKEN_INVALID',
    );
};

/** The form token is for this check only: taken out of a form body, so that no body schema or use case sees it. */
const dropCsrfField = (request: Partial<Pick<HttpRequest, 'body' | 'bodyKind'>>): void => {
  if (request.bodyKind === 'form' && request.body && typeof request.body === 'object')
    delete (request.body as Record<string, unknown>)[CSRF_FIELD];
};

export class StaffAuth {
  private jwks?: ReturnType<typeof createRemoteJWKSet>;
  private readonly jwksUrl: URL;

  constructor(
    private readonly issuer: string,
    jwksUrl: string,
    private readonly clientId?: string,
    /** The site's own origin (from PUBLIC_BASE_URL), for cookie-signed posts. */
    private readonly allowedOrigin?: string,
    /** Tokens older than this (seconds since `iat`) are refused even before their expiry; a token without `iat` is refused. */
    private readonly maxTokenAgeSeconds: number = STAFF_TOKEN_MAX_AGE_SECONDS,
  ) {
    this.jwksUrl = new URL(jwksUrl);
  }

  tokenOf(request: Pick<HttpRequest, 'headers' | 'cookies'>): string | undefined {
    const header = request.headers.authorization;
    if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim();
    return request.cookies[SESSION_COOKIE];
  }

  /** The form token of the request's session (cookie or bearer), for the hidden `_csrf` field of the pages it gets. */
  csrfToken(request: Pick<HttpRequest, 'headers' | 'cookies'>): string {
    return csrfTokenFor(this.tokenOf(request) ?? '');
  }

  /**
   * The signed-in staff member. A state-changing request signed only by the session cookie must pass the same-origin
   * check and carry the session's form token; a Bearer token is exempt (a browser never adds one on its own).
   * A form body leaves here without its `_csrf` field.
   */
  async authenticate(
    request: Pick<HttpRequest, 'headers' | 'cookies'> &
      Partial<Pick<HttpRequest, 'body' | 'bodyKind'>> & { method?: string; domainName?: string },
  ): Promise<StaffUser> {
    const token = this.tokenOf(request);
    if (!token) throw new UnauthorizedError('Sign in first: send an access token as "Authorization: Bearer <token>".');
    const fromCookie = !request.headers.authorization?.toLowerCase().startsWith('bearer ');
    if (fromCookie && request.method !== undefined && request.method !== 'GET' && request.method !== 'HEAD') {
      checkSameOrigin(request, this.allowedOrigin);
      checkCsrfToken(request, token);
    }
    dropCsrfField(request);
    let payload: JWTPayload;
    try {
      // Built on first use: the key set is fetched then anyway, and building it costs ~12 ms that a cold start
      // serving no request yet need not pay (measured by npm run bench). It is cached for the container's life.
      this.jwks ??= createRemoteJWKSet(this.jwksUrl, { cacheMaxAge: 10 * 60_000 });
      ({ payload } = await jwtVerify(token, this.jwks, { issuer: this.issuer, clockTolerance: 30, maxTokenAge: this.maxTokenAgeSeconds }));
    } catch {
      throw new UnauthorizedError('The access token is invalid or expired. Sign in again.');
    }
    // Cognito access tokens: token_use "access", client_id, cognito:groups, username.
    if (payload.token_use !== 'access') throw new UnauthorizedError('An access token is required.');
    if (this.clientId && payload.client_id !== this.clientId) throw new UnauthorizedError('The token was issued for another application.');
    const groups = Array.isArray(payload['cognito:groups']) ? (payload['cognito:groups'] as unknown[]) : [];
    const { roles, districts, provinces } = scopeFromGroups(groups);
    const username = String(payload.username ?? payload['cognito:username'] ?? payload.sub ?? '');
    if (!username) throw new UnauthorizedError('The token names no user.');
    return { username, roles, ...(districts.length ? { districts } : {}), ...(provinces.length ? { provinces } : {}) };
  }
}
