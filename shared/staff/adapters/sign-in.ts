import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { HttpRequest } from '../../platform/http/handler';
import { type HttpResponse, redirect } from '../../platform/http/responses';
import { SESSION_COOKIE, sessionCookie } from './staff-auth';

/**
 * Browser sign-in for staff pages: the OAuth 2.0 authorization code flow with PKCE against a hosted sign-in page.
 * In AWS that is the Cognito hosted UI (`https://<domain>.auth.<region>.amazoncognito.com`); on the twin, its own
 * imitation of the same endpoints (infra/local/auth.ts). One code path for both, configured by STAFF_AUTH_URL.
 *
 * 1. A signed-out browser opening a staff page gets a 302 to `<auth>/oauth2/authorize` with a random `state` and a
 *    PKCE challenge; the state, the verifier and the page to come back to are kept in a short-lived HttpOnly
 *    cookie (`santunan_signin`, Path=/staff/auth, SameSite=Lax so that it comes back with the cross-site redirect).
 * 2. The hosted page signs the person in and redirects to `/staff/auth/callback?code&state`.
 * 3. The callback checks the state against the cookie, exchanges the code (with the verifier) at `<auth>/oauth2/token`,
 *    sets the session cookie with the access token and sends the browser back to the page it asked for: a page
 *    that refreshes at once, not a 302, because the session cookie is SameSite=Strict and a browser does not send it
 *    on a redirect chain that began on another site (the hosted UI's domain).
 *
 * The page to come back to is only ever a path under `/staff/` on this site (never a full URL), checked when the
 * flow starts and again when it ends.
 */
export const SIGN_IN_COOKIE = 'santunan_signin';
export const CALLBACK_PATH = '/staff/auth/callback';
const SIGN_IN_SECONDS = 600;

/** A same-site staff path, letters, digits and `/_-` only (no `//host`, no `..`, no query): else the queue. */
export const safeStaffPath = (next: string | undefined | null): string =>
  next && /^\/staff\/[A-Za-z0-9_-][A-Za-z0-9/_-]*$/.test(next) && !next.includes('//') ? next : '/staff/claims';

const base64url = (bytes: Buffer) => bytes.toString('base64url');
const challengeOf = (verifier: string) => base64url(createHash('sha256').update(verifier).digest());
const secure = (siteUrl: string) => (siteUrl.startsWith('http://') ? '' : '; Secure');

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export type SignInResult = { ok: true; next: string; token: string; expiresIn: number } | { ok: false; next: string };

export class StaffSignIn {
  constructor(
    /** The hosted sign-in's base URL: `https://<domain>.auth.<region>.amazoncognito.com`, or the twin's `<api>/auth`. */
    private readonly authUrl: string,
    private readonly clientId: string,
    private readonly fetchFn: typeof fetch = fetch,
  ) {}

  /**
   * The page to come back to: the route's path with its parameters filled in (`GET /staff/claims/{reference}` with
   * its reference), and `?lang=en` when it was asked for.
   */
  static nextOf(request: Pick<HttpRequest, 'route' | 'params' | 'query'>): string {
    const template = request.route.split(' ')[1] ?? '';
    const path = safeStaffPath(template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(request.params[name] ?? '')));
    return request.query.lang === 'en' ? `${path}?lang=en` : path;
  }

  /** 302 to the hosted sign-in page, with a fresh state and PKCE verifier kept in the sign-in cookie. */
  start(siteUrl: string, next: string): HttpResponse {
    const state = base64url(randomBytes(16));
    const verifier = base64url(randomBytes(32));
    const [path, query] = next.split('?');
    const back = `${safeStaffPath(path)}${query === 'lang=en' ? '?lang=en' : ''}`;
    const url = new URL(`${this.authUrl}/oauth2/authorize`);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.clientId,
      redirect_uri: `${siteUrl}${CALLBACK_PATH}`,
      state,
      code_challenge: challengeOf(verifier),
      code_challenge_method: 'S256',
      scope: 'openid',
    }).toString();
    const response = redirect(url.toString(), 302);
    response.cookies = [
      `${SIGN_IN_COOKIE}=${state}.${verifier}.${base64url(Buffer.from(back))}; Path=/staff/auth; HttpOnly; SameSite=Lax; Max-Age=${SIGN_IN_SECONDS}${secure(siteUrl)}`,
    ];
    return response;
  }

  /**
   * The hosted page came back with a code: checks the state, exchanges the code, and gives the session's token and
   * the page to go back to. Anything wrong (no cookie, another state, a refused code) is `ok: false`.
   */
  async finish(request: Pick<HttpRequest, 'query' | 'cookies'>, siteUrl: string): Promise<SignInResult> {
    const [state, verifier, back] = (request.cookies[SIGN_IN_COOKIE] ?? '').split('.');
    const next = safeStaffPath(back ? Buffer.from(back, 'base64url').toString('utf8').split('?')[0] : undefined);
    const code = request.query.code;
    if (!state || !verifier || !code || !request.query.state || !sameText(state, request.query.state)) return { ok: false, next };
    let response: Response;
    try {
      response = await this.fetchFn(`${this.authUrl}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: this.clientId,
          code,
          redirect_uri: `${siteUrl}${CALLBACK_PATH}`,
          code_verifier: verifier,
        }).toString(),
        signal: AbortSignal.timeout(5000),
      });
    } catch {
      return { ok: false, next };
    }
    if (!response.ok) return { ok: false, next };
    const body = (await response.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') return { ok: false, next };
    const expiresIn = typeof body.expires_in === 'number' && body.expires_in > 0 ? Math.min(body.expires_in, 12 * 3600) : 3600;
    const lang = back && Buffer.from(back, 'base64url').toString('utf8').endsWith('?lang=en') ? '?lang=en' : '';
    return { ok: true, next: `${next}${lang}`, token: body.access_token, expiresIn };
  }

  /** The cookies of a finished sign-in: the session, and the sign-in cookie cleared. */
  sessionCookies(result: Extract<SignInResult, { ok: true }>, siteUrl: string): string[] {
    return [sessionCookie(result.token, result.expiresIn, siteUrl), clearedSignInCookie(siteUrl)];
  }

  /**
   * Sign-out: the session cookie cleared, then the hosted UI's logout (which ends its own session too), which comes
   * back to the queue: signed out, that goes straight to the sign-in page.
   */
  logout(siteUrl: string): HttpResponse {
    const url = new URL(`${this.authUrl}/logout`);
    url.search = new URLSearchParams({ client_id: this.clientId, logout_uri: `${siteUrl}/staff/claims` }).toString();
    const response = redirect(url.toString(), 302);
    response.cookies = [clearedSessionCookie(siteUrl), clearedSignInCookie(siteUrl)];
    return response;
  }
}

export const clearedSessionCookie = (siteUrl: string) =>
  `${SESSION_COOKIE}=; Path=/staff; HttpOnly; SameSite=Strict; Max-Age=0${secure(siteUrl)}`;
const clearedSignInCookie = (siteUrl: string) =>
  `${SIGN_IN_COOKIE}=; Path=/staff/auth; HttpOnly; SameSite=Lax; Max-Age=0${secure(siteUrl)}`;
