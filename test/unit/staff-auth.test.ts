import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { SESSION_COOKIE, StaffAuth, sessionCookie } from '../../shared/staff/adapters/staff-auth';

/**
 * Staff token verification against a JWKS served in process, with tokens signed here in the shape of Cognito's
 * access tokens. The expiry is not the only bound on a token's life: it must also be younger than a maximum age.
 */
const ISSUER = 'https://issuer.test/pool';
const CLIENT = 'client-1';
let server: Server;
let jwksUrl: string;
let privateKey: CryptoKey;
let publicJwk: JWK;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  privateKey = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] })),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const HOUR = 3600;
const now = () => Math.floor(Date.now() / 1000);
/** An access token issued `ageSeconds` ago that expires `expiresInSeconds` from now. */
const token = (ageSeconds: number, expiresInSeconds: number) =>
  new SignJWT({ token_use: 'access', client_id: CLIENT, username: 'siti', 'cognito:groups': ['approver'] })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(ISSUER)
    .setSubject('u-siti')
    .setIssuedAt(now() - ageSeconds)
    .setExpirationTime(now() + expiresInSeconds)
    .sign(privateKey);
const bearer = async (t: Promise<string>) => ({ headers: { authorization: `Bearer ${await t}` }, cookies: {} });

describe('StaffAuth: token age', () => {
  test('accepts a fresh access token and reads the user and roles', async () => {
    const auth = new StaffAuth(ISSUER, jwksUrl, CLIENT);
    await expect(auth.authenticate(await bearer(token(60, HOUR)))).resolves.toEqual({ username: 'siti', roles: ['approver'] });
  });

  test('refuses a token issued more than 12 hours ago even when its expiry is far away', async () => {
    const auth = new StaffAuth(ISSUER, jwksUrl, CLIENT);
    await expect(auth.authenticate(await bearer(token(13 * HOUR, 30 * 24 * HOUR)))).rejects.toMatchObject({ name: 'UnauthorizedError' });
  });

  test('the maximum age is configurable', async () => {
    const auth = new StaffAuth(ISSUER, jwksUrl, CLIENT, undefined, 24 * HOUR);
    await expect(auth.authenticate(await bearer(token(13 * HOUR, 30 * 24 * HOUR)))).resolves.toMatchObject({ username: 'siti' });
    await expect(auth.authenticate(await bearer(token(25 * HOUR, HOUR)))).rejects.toMatchObject({ name: 'UnauthorizedError' });
  });

  test('refuses a token without an issue time (its age cannot be known)', async () => {
    const auth = new StaffAuth(ISSUER, jwksUrl, CLIENT);
    const noIat = new SignJWT({ token_use: 'access', client_id: CLIENT, username: 'siti' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setExpirationTime(now() + HOUR)
      .sign(privateKey);
    await expect(auth.authenticate(await bearer(noIat))).rejects.toMatchObject({ name: 'UnauthorizedError' });
  });
});

describe('session cookie', () => {
  test('HttpOnly, SameSite=Strict, scoped to /staff, with the max age', () => {
    const cookie = sessionCookie('tok', 3600, 'http://127.0.0.1:3000');
    expect(cookie.split('; ')).toEqual([`${SESSION_COOKIE}=tok`, 'Path=/staff', 'HttpOnly', 'SameSite=Strict', 'Max-Age=3600']);
  });

  test('Secure whenever the site is served over https (everywhere but a twin on plain http)', () => {
    expect(sessionCookie('tok', 3600, 'https://klaim.example.go.id').split('; ')).toContain('Secure');
    expect(sessionCookie('tok', 3600, 'https://abc.execute-api.ap-southeast-3.amazonaws.com/').split('; ')).toContain('Secure');
    expect(sessionCookie('tok', 3600, 'http://localhost:3000').split('; ')).not.toContain('Secure');
  });

  test('Secure when the site URL is unknown: only an explicit http URL drops it', () => {
    expect(sessionCookie('tok', 3600, '').split('; ')).toContain('Secure');
  });
});
