import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { type Lang, t } from '../../shared/messages';
import { html } from '../../shared/platform/web/html';
import { CALLBACK_PATH, safeStaffPath } from '../../shared/staff/adapters/sign-in';
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
  const apiOrigin = new URL(apiUrl).origin;
  /** The app client's registered URLs, as Cognito checks them: the callback, and staff pages to land on after sign-out. */
  const onTwin = (raw: string | null | undefined, check: (path: string) => boolean): raw is string => {
    try {
      const url = new URL(raw ?? '');
      return url.origin === apiOrigin && !url.search && !url.hash && check(url.pathname);
    } catch {
      return false;
    }
  };
  const isCallback = (raw: string | null | undefined) => onTwin(raw, (path) => path === CALLBACK_PATH);

  /** The authorization request's parameters, as the sign-in form carries them from GET to POST. */
  const FLOW_FIELDS = ['client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method', 'response_type'] as const;
  type Flow = Record<(typeof FLOW_FIELDS)[number], string>;
  const flowOf = (params: URLSearchParams): Flow | undefined => {
    const flow = Object.fromEntries(FLOW_FIELDS.map((f) => [f, params.get(f) ?? ''])) as Flow;
    const valid =
      flow.response_type === 'code' &&
      flow.client_id === LOCAL_CLIENT_ID &&
      isCallback(flow.redirect_uri) &&
      flow.code_challenge_method === 'S256' &&
      /^[A-Za-z0-9_-]{43}$/.test(flow.code_challenge) &&
      /^[A-Za-z0-9_-]{1,200}$/.test(flow.state);
    return valid ? flow : undefined;
  };
  /** Codes issued by the sign-in form: one use each, five minutes (as Cognito's). */
  const codes = new Map<string, { token: string; redirectUri: string; challenge: string; expires: number }>();

  const loginPage = (flow: Flow, failed: { username: string } | undefined): string =>
    html`${[
      html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
      html`<link rel="stylesheet" href="/assets/app.css"><title>${t('staff.login.title', lang)}</title></head>`,
      html`<body><header><strong>Santunan</strong> · ${t('staff.login.tagline', lang)}</header><main><h1>${t('staff.login.heading', lang)}</h1>`,
      failed &&
        html`<div class="summary" role="alert" id="login-error"><p class="err">${t('staff.login.failed', lang)} ${t('staff.login.usernameKept', lang)}</p></div>`,
      html`<form method="post" action="/auth/oauth2/authorize">`,
      FLOW_FIELDS.map((f) => html`<input type="hidden" name="${f}" value="${flow[f]}">`),
      html`<label for="u">${t('staff.login.username', lang)}</label>`,
      html`<input id="u" name="username" autocomplete="username" required value="${failed?.username ?? ''}"${failed && html` aria-describedby="login-error"`}>`,
      html`<label for="p">${t('staff.login.password', lang)}</label>`,
      html`<input id="p" name="password" type="password" autocomplete="current-password" required${failed && html` autofocus aria-describedby="login-error"`}>`,
      html`<p><button type="submit">${t('staff.login.submit', lang)}</button></p></form>`,
      html`<p class="muted">${t('staff.login.hint', lang, { users, password: LOCAL_PASSWORD })}</p></main></body></html>`,
    ]}`.toString();
  const htmlHeaders = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
  const badRequest = (res: ServerResponse, message: string) =>
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end(message);
  const challengeOf = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

  /**
   * Twin-only routes: POST /auth/token (api.md), the JWKS, and an imitation of the Cognito hosted UI's endpoints the
   * staff pages use (authorization code flow with PKCE): `/auth/oauth2/authorize` (the sign-in form),
   * `/auth/oauth2/token` and `/auth/logout`. The functions' callback (`/staff/auth/callback`) is the same code as in AWS.
   */
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
    if (req.method === 'GET' && url.pathname === '/auth/oauth2/authorize') {
      const flow = flowOf(url.searchParams);
      if (!flow) {
        badRequest(res, 'invalid_request: client_id, redirect_uri, state or the PKCE challenge is wrong.');
        return true;
      }
      res.writeHead(200, htmlHeaders).end(loginPage(flow, undefined));
      return true;
    }
    if (req.method === 'POST' && url.pathname === '/auth/oauth2/authorize') {
      const form = new URLSearchParams(await readBody(req));
      const flow = flowOf(form);
      if (!flow) {
        badRequest(res, 'invalid_request: client_id, redirect_uri, state or the PKCE challenge is wrong.');
        return true;
      }
      const username = (form.get('username') ?? '').slice(0, 128);
      const token = await issue(username, form.get('password') ?? '');
      // A wrong password keeps the user name filled in, and says so.
      if (!token) {
        res.writeHead(401, htmlHeaders).end(loginPage(flow, { username }));
        return true;
      }
      const code = randomUUID();
      codes.set(code, { token, redirectUri: flow.redirect_uri, challenge: flow.code_challenge, expires: Date.now() + 300_000 });
      const back = new URL(flow.redirect_uri);
      back.search = new URLSearchParams({ code, state: flow.state }).toString();
      res.writeHead(302, { location: back.toString(), 'cache-control': 'no-store' }).end();
      return true;
    }
    if (req.method === 'POST' && url.pathname === '/auth/oauth2/token') {
      const form = new URLSearchParams(await readBody(req));
      const code = form.get('code') ?? '';
      const issued = codes.get(code);
      codes.delete(code);
      const valid =
        issued &&
        issued.expires > Date.now() &&
        form.get('grant_type') === 'authorization_code' &&
        form.get('client_id') === LOCAL_CLIENT_ID &&
        form.get('redirect_uri') === issued.redirectUri &&
        challengeOf(form.get('code_verifier') ?? '') === issued.challenge;
      if (!valid) res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_grant' }));
      else
        res
          .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
          .end(JSON.stringify({ access_token: issued.token, expires_in: TOKEN_SECONDS, token_type: 'Bearer' }));
      return true;
    }
    if (req.method === 'GET' && url.pathname === '/auth/logout') {
      const logoutUri = url.searchParams.get('logout_uri');
      if (url.searchParams.get('client_id') !== LOCAL_CLIENT_ID || !onTwin(logoutUri, (path) => path.startsWith('/staff/'))) {
        badRequest(res, 'invalid_request: client_id or logout_uri is not registered.');
        return true;
      }
      res.writeHead(302, { location: logoutUri, 'cache-control': 'no-store' }).end();
      return true;
    }
    // The old sign-in address (bookmarks, earlier emails): the page itself, which sends a signed-out browser to sign in.
    if (req.method === 'GET' && url.pathname === '/staff/login') {
      res.writeHead(302, { location: safeStaffPath(url.searchParams.get('next')) }).end();
      return true;
    }
    return false;
  };

  return { issuer, jwksUrl: `${apiUrl}/.well-known/jwks.json`, clientId: LOCAL_CLIENT_ID, signInUrl: issuer, issue, routes, store };
};
