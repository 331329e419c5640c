import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { type Lang, t } from '../../shared/messages';
import { html } from '../../shared/platform/web/html';
import { sessionCookie } from '../../shared/staff/adapters/staff-auth';
import { groupsOf } from '../../shared/staff/domain/accounts';
import { type Role, STAFF_ROLES } from '../../shared/staff/domain/roles';
import { LocalStaffStore } from './cognito';
import { demoCoordinatorDistricts } from './demo-roster';

/**
 * The twin's seeded staff: one user per role, and a second supervisor (`supervisor2`) so that a decision needing two
 * supervisors (a flagged or competing claim) can be taken locally; all with this password. Never present in AWS
 * (Cognito issues tokens there).
 */
export const LOCAL_PASSWORD = 'santunan-local';
export const LOCAL_USERS: readonly { username: string; email: string; roles: Role[]; districts?: string[]; provinces?: string[] }[] = [
  ...STAFF_ROLES.map((r) => ({ username: r as string, email: `${r}@santunan.local`, roles: [r] })),
  { username: 'supervisor2', email: 'supervisor2@santunan.local', roles: ['supervisor'] },
  // A field coordinator, scoped to the districts of the first demo members (district groups, as in Cognito).
  { username: 'coordinator', email: 'coordinator@santunan.local', roles: ['coordinator'], districts: demoCoordinatorDistricts() },
  // A supervisor limited to one province (31, DKI Jakarta): sees and acts on that province's claims and members only.
  { username: 'supervisor-dki', email: 'supervisor-dki@santunan.local', roles: ['supervisor'], provinces: ['31'] },
];

/** The seeded users as the twin's user store holds them: their roles and scopes as groups, as in Cognito. */
export const seededStaff = () => LOCAL_USERS.map((u) => ({ username: u.username, email: u.email, groups: groupsOf(u) }));
export const LOCAL_CLIENT_ID = 'santunan-local';
const TOKEN_SECONDS = 3600;

/** The twin's sign-in page speaks the staff pages' language. */
const lang: Lang = 'id';

/**
 * A local token issuer in the shape of Cognito's access tokens (RS256, `token_use: access`, `cognito:groups`,
 * `client_id`, `username`), with its JWKS. The functions verify these tokens with the same StaffAuth code as in AWS;
 * only the issuer and JWKS URL differ, by configuration. The key is kept in the data directory, so tokens survive a
 * restart of the twin.
 */
export const startLocalIssuer = async (dataDir: string, apiUrl: string, store = new LocalStaffStore(dataDir, seededStaff())) => {
  const keyFile = join(dataDir, 'auth-key.json');
  let privateJwk: JWK;
  if (existsSync(keyFile)) privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  else {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), kid: `local-${Date.now()}`, alg: 'RS256', use: 'sig' };
    writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  const privateKey = await importJWK(privateJwk, 'RS256');
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  const issuer = `${apiUrl}/auth`;

  const issue = async (username: string, password: string): Promise<string | undefined> => {
    // The twin's user store (infra/local/cognito.ts): the seeded users and those an admin created; a disabled one
    // cannot sign in, as in Cognito. Every local user has the one password.
    const user = store.find(username);
    if (!user?.enabled || password !== LOCAL_PASSWORD) return undefined;
    return new SignJWT({
      token_use: 'access',
      client_id: LOCAL_CLIENT_ID,
      username: user.username,
      'cognito:groups': [...user.groups],
      scope: 'aws.cognito.signin.user.admin',
    })
      .setProtectedHeader({ alg: 'RS256', kid: publicJwk.kid })
      .setIssuer(issuer)
      .setSubject(`local-${user.username}`)
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_SECONDS}s`)
      .setJti(crypto.randomUUID())
      .sign(privateKey);
  };

  const readBody = (req: IncomingMessage): Promise<string> =>
    new Promise((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8').slice(0, 10_000)));
    });
  const users = LOCAL_USERS.map((u) => u.username).join(', ');
  const loginPage = (next: string, failed: boolean): string =>
    html`${[
      html`<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
      html`<link rel="stylesheet" href="/assets/app.css"><title>${t('staff.login.title', lang)}</title>`,
      html`<header><strong>Santunan</strong> · ${t('staff.login.tagline', lang)}</header><main><h1>${t('staff.login.heading', lang)}</h1>`,
      failed && html`<p class="err">${t('staff.login.failed', lang)}</p>`,
      html`<form method="post" action="/staff/login"><input type="hidden" name="next" value="${next}">`,
      html`<label for="u">${t('staff.login.username', lang)}</label><input id="u" name="username" autocomplete="username">`,
      html`<label for="p">${t('staff.login.password', lang)}</label>`,
      html`<input id="p" name="password" type="password" autocomplete="current-password">`,
      html`<p><button type="submit">${t('staff.login.submit', lang)}</button></p></form>`,
      html`<p class="muted">${t('staff.login.hint', lang, { users, password: LOCAL_PASSWORD })}</p></main></html>`,
    ]}`.toString();
  const safeNext = (next: string | null | undefined) => (next && /^\/staff\/[A-Za-z0-9/_-]*$/.test(next) ? next : '/staff/claims');

  /** Twin-only routes: POST /auth/token (api.md), the JWKS, and a sign-in page that sets the session cookie. */
  const routes = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    if (req.method === 'GET' && url.pathname === '/.well-known/jwks.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=300' }).end(JSON.stringify({ keys: [publicJwk] }));
      return true;
    }
    if (req.method === 'POST' && url.pathname === '/auth/token') {
      let input: { username?: unknown; password?: unknown } = {};
      try {
        input = JSON.parse(await readBody(req)) as typeof input;
      } catch {
        // treated as missing credentials below
      }
      const token =
        typeof input.username === 'string' && typeof input.password === 'string' ? await issue(input.username, input.password) : undefined;
      if (!token)
        res
          .writeHead(401, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: 'UNAUTHORIZED', message: 'Wrong username or password.' }));
      else
        res
          .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
          .end(JSON.stringify({ accessToken: token, expiresIn: TOKEN_SECONDS, tokenType: 'Bearer' }));
      return true;
    }
    if (req.method === 'GET' && url.pathname === '/staff/login') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(safeNext(url.searchParams.get('next')), false));
      return true;
    }
    if (req.method === 'POST' && url.pathname === '/staff/login') {
      const form = new URLSearchParams(await readBody(req));
      const token = await issue(form.get('username') ?? '', form.get('password') ?? '');
      const next = safeNext(form.get('next'));
      if (!token) res.writeHead(401, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(next, true));
      else
        res
          .writeHead(303, {
            location: next,
            // Secure whenever the twin itself is served over https.
            'set-cookie': sessionCookie(token, TOKEN_SECONDS, apiUrl),
          })
          .end();
      return true;
    }
    return false;
  };

  return { issuer, jwksUrl: `${apiUrl}/.well-known/jwks.json`, clientId: LOCAL_CLIENT_ID, issue, routes, store };
};
