import { ForbiddenError, UnauthorizedError } from '../../shared/kernel/errors';
import { checkCsrfToken, SESSION_COOKIE, StaffAuth } from '../../shared/staff/adapters/staff-auth';
import { csrfTokenFor, isCsrfTokenOf } from '../../shared/staff/domain/csrf';

const SESSION = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzcmkifQ.c2lnbmF0dXJl';

describe('the per-session form token', () => {
  it('is base64url of a SHA-256, the same for one session and different for another, and does not contain the session', () => {
    const token = csrfTokenFor(SESSION);
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(csrfTokenFor(SESSION)).toBe(token);
    expect(csrfTokenFor(`${SESSION}x`)).not.toBe(token);
    expect(token).not.toContain(SESSION.slice(0, 10));
  });

  it('matches only the whole token of the same session, whatever the length sent', () => {
    const token = csrfTokenFor(SESSION);
    expect(isCsrfTokenOf(SESSION, token)).toBe(true);
    for (const sent of [undefined, '', token.slice(0, 20), `${token}=`, csrfTokenFor('another session'), SESSION])
      expect(isCsrfTokenOf(SESSION, sent)).toBe(false);
  });

  it('is taken from the form field `_csrf` or the header X-CSRF-Token; anything else is 403 CSRF_TOKEN_INVALID', () => {
    const token = csrfTokenFor(SESSION);
    expect(() => checkCsrfToken({ headers: {}, bodyKind: 'form', body: { _csrf: token } }, SESSION)).not.toThrow();
    expect(() => checkCsrfToken({ headers: { 'x-csrf-token': token }, bodyKind: 'json', body: {} }, SESSION)).not.toThrow();
    for (const request of [
      { headers: {}, bodyKind: 'form' as const, body: {} },
      { headers: {}, bodyKind: 'form' as const, body: { _csrf: [token, token] } },
      // A JSON body is not a form: the field does not count there (scripts send the header).
      { headers: {}, bodyKind: 'json' as const, body: { _csrf: token } },
      { headers: { 'x-csrf-token': 'wrong' }, bodyKind: 'form' as const, body: { _csrf: token } },
    ]) {
      const error = (() => {
        try {
          checkCsrfToken(request, SESSION);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
    }
  });
});

describe('StaffAuth.authenticate and the form token', () => {
  // Never fetched: both checks come before the token is verified.
  const auth = new StaffAuth('https://issuer.invalid', 'https://issuer.invalid/jwks.json', undefined, 'https://santunan.example');
  const cookiePost = (body: Record<string, unknown>, headers: Record<string, string> = {}) => ({
    method: 'POST',
    headers: { 'sec-fetch-site': 'same-origin', ...headers },
    cookies: { [SESSION_COOKIE]: SESSION },
    bodyKind: 'form' as const,
    body,
  });

  it('refuses a same-origin cookie post without the token, before anything else is looked at', async () => {
    await expect(auth.authenticate(cookiePost({ decision: 'approve' }))).rejects.toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
  });

  it('lets a cookie post with the token on to the token check, and takes the field out of the body', async () => {
    const request = cookiePost({ decision: 'approve', _csrf: csrfTokenFor(SESSION) });
    await expect(auth.authenticate(request)).rejects.toBeInstanceOf(UnauthorizedError);
    expect(request.body).toEqual({ decision: 'approve' });
  });

  it('asks nothing of a Bearer token or of a GET', async () => {
    const bearer = { ...cookiePost({ decision: 'approve' }), cookies: {}, headers: { authorization: `Bearer ${SESSION}` } };
    await expect(auth.authenticate(bearer)).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(auth.authenticate({ ...cookiePost({}), method: 'GET', bodyKind: undefined })).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('gives pages the token of the session that asked for them', () => {
    expect(auth.csrfToken({ headers: {}, cookies: { [SESSION_COOKIE]: SESSION } })).toBe(csrfTokenFor(SESSION));
  });
});
