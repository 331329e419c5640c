import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The per-session token in staff forms (cross-site request forgery, issue 10). A staff browser holds its access
 * token in an HttpOnly cookie that the browser adds to every request, forged ones included; a post signed only by
 * that cookie must also prove it was made by a page of ours, by carrying a token that only our pages show.
 *
 * The token is derived from the session itself: base64url(sha256("csrf:" + the session token)). No secret and no
 * storage are needed, and it is sound for the double-submit pattern bound to the session: a forging page can neither
 * read the HttpOnly cookie nor read our pages (same-origin policy), so it can compute or copy the token of no
 * session; the hash does not reveal the session token (a preimage of SHA-256), so a leaked form token is not a
 * session; and it changes with every sign-in, so a token is worthless once its session ends. The prefix keeps the
 * digest apart from any other hash of the same token.
 */
export const CSRF_FIELD = '_csrf';
/** The same token for a script that posts JSON or CSV with the cookie. Header names are lower case at our edge. */
export const CSRF_HEADER = 'x-csrf-token';

export const csrfTokenFor = (sessionToken: string): string => createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Whether `sent` is the session's token, compared in constant time (digests of equal length, whatever was sent). */
export const isCsrfTokenOf = (sessionToken: string, sent: string | undefined): boolean =>
  sent !== undefined && timingSafeEqual(digest(sent), digest(csrfTokenFor(sessionToken)));
