import { ROUTES, routeKey } from '../../infra/definitions/routes';
import { uniqueNik } from '../support/fixtures';
import { twinApi } from '../support/openapi';
import { completeClaim, givenMember, tokenFor } from '../support/workflow';

/**
 * Who may call which staff route, as a table: every route of the route table whose path starts with /staff has a row
 * (a new route without one fails the first test, so it must declare its rules). Each row names the roles the route
 * admits and its scope:
 * - `claim`: a claim in the path; a user scoped to provinces gets 404 for a claim outside them, as if it did not exist
 *   (before any role check: outside their scope the claim does not exist for them);
 * - `member`: a member in the path, likewise;
 * - `list`: a list filtered to the user's scope;
 * - `national`: imports, reconciliations, staff accounts; a scoped user gets 403;
 * - `districts`: the field coordinator's own pages (their districts; checked by their use cases);
 * - `public`: signing in and out, which need no session (the sign-in callback, sign-out): nobody gets 401 or 403.
 * Every row is run against the test twin for every role, a user scoped to province 31 (DKI Jakarta), and no token,
 * with real tokens of the twin's issuer. "Allowed" is anything but 401 and 403 (a 400 for the empty body or a 404 for
 * an unknown id is the route answering): no case changes anything a later case depends on.
 */
type Scope = 'claim' | 'member' | 'list' | 'national' | 'districts' | 'public';
const STAFF = ['verifier', 'approver', 'supervisor', 'finance', 'admin'] as const;
type Principal = (typeof STAFF)[number] | 'coordinator';
const RULES: Record<string, { roles: readonly Principal[]; scope: Scope }> = {
  'GET /staff/claims': { roles: STAFF, scope: 'list' },
  'GET /staff/claims/{reference}': { roles: STAFF, scope: 'claim' },
  'POST /staff/claims/{reference}/decision': { roles: ['approver', 'supervisor'], scope: 'claim' },
  'POST /staff/claims/{reference}/close': { roles: ['supervisor'], scope: 'claim' },
  'POST /staff/claims/{reference}/appeal-decision': { roles: ['supervisor'], scope: 'claim' },
  'POST /staff/claims/{reference}/assessment': { roles: ['verifier', 'supervisor'], scope: 'claim' },
  'POST /staff/claims/{reference}/payments': { roles: ['verifier', 'supervisor'], scope: 'claim' },
  'POST /staff/claims/{reference}/payout-retry': { roles: ['finance'], scope: 'claim' },
  'POST /staff/claims/{reference}/links/revoke': { roles: ['supervisor'], scope: 'claim' },
  'GET /staff/claims/{reference}/audit': { roles: STAFF, scope: 'claim' },
  'GET /staff/claims/{reference}/documents/{document}': { roles: STAFF, scope: 'claim' },
  'GET /staff/auth/callback': { roles: [...STAFF, 'coordinator'], scope: 'public' },
  'GET /staff/logout': { roles: [...STAFF, 'coordinator'], scope: 'public' },
  'POST /staff/members/import': { roles: ['admin'], scope: 'national' },
  'GET /staff/members/{nik}': { roles: STAFF, scope: 'member' },
  'GET /staff/search': { roles: STAFF, scope: 'list' },
  'GET /staff/reports/summary': { roles: STAFF, scope: 'list' },
  'GET /staff/reports': { roles: STAFF, scope: 'list' },
  'POST /staff/premiums/payments': { roles: ['finance'], scope: 'national' },
  'POST /staff/reconciliations': { roles: ['finance'], scope: 'national' },
  'GET /staff/reconciliations': { roles: ['finance'], scope: 'national' },
  'GET /staff/reconciliations/{period}': { roles: ['finance'], scope: 'national' },
  'GET /staff/reconciliations/runs/{runId}': { roles: ['finance'], scope: 'national' },
  'GET /staff/imports/{jobId}': { roles: ['admin', 'finance'], scope: 'national' },
  'POST /staff/uploads': { roles: ['admin', 'finance'], scope: 'national' },
  'GET /staff/admin/users': { roles: ['admin'], scope: 'national' },
  'POST /staff/admin/users': { roles: ['admin'], scope: 'national' },
  'POST /staff/admin/users/{username}': { roles: ['admin'], scope: 'national' },
  'GET /staff/coordinator': { roles: ['coordinator'], scope: 'districts' },
  'GET /staff/coordinator/claims/new': { roles: ['coordinator'], scope: 'districts' },
  'POST /staff/coordinator/claims': { roles: ['coordinator'], scope: 'districts' },
  'GET /staff/coordinator/claims/{reference}': { roles: ['coordinator'], scope: 'districts' },
  'POST /staff/coordinator/drafts/{draftId}/delete': { roles: ['coordinator'], scope: 'districts' },
};

/** The twin's seeded supervisor limited to province 31 (infra/local/auth.ts). */
const SCOPED = { username: 'supervisor-dki', role: 'supervisor' as const, province: '31' };
const PRINCIPALS = [...STAFF, 'coordinator', SCOPED.username, 'none'] as const;
type Who = (typeof PRINCIPALS)[number];

const STAFF_ROUTES = ROUTES.filter((r) => r.path.startsWith('/staff/')).map(routeKey);

/** What a principal gets: 'allowed' (anything but 401/403), or exactly 401, 403 or 404. */
type Expected = 'allowed' | 401 | 403 | 404;
const expected = (route: string, who: Who, place: 'in' | 'out'): Expected => {
  const rule = RULES[route]!;
  if (rule.scope === 'public') return 'allowed';
  if (who === 'none') return 401;
  if (who === SCOPED.username) {
    // Outside their provinces a claim or member does not exist for them, whatever the route's roles: the scope answers
    // first (404), and says no more than reading it would.
    if ((rule.scope === 'claim' || rule.scope === 'member') && place === 'out') return 404;
    if (!rule.roles.includes(SCOPED.role)) return 403;
    if (rule.scope === 'national') return 403;
    return 'allowed';
  }
  return rule.roles.includes(who as Principal) ? 'allowed' : 403;
};

const api = twinApi();
/** A claim and a member in province 31 (inside the scoped user's province) and in 32 (outside). */
const places: Record<'in' | 'out', { reference: string; nik: string }> = {
  in: { reference: '', nik: '' },
  out: { reference: '', nik: '' },
};

beforeAll(async () => {
  for (const [place, province] of [
    ['in', SCOPED.province],
    ['out', '32'],
  ] as const) {
    const member = await givenMember({ nik: uniqueNik({ female: true, province }) });
    const filed = await api.postJson('/claims', await completeClaim(api, member));
    if (filed.status !== 201) throw new Error(`filing a claim for the matrix: ${filed.status} ${filed.text}`);
    places[place] = { reference: filed.json.reference, nik: member.nik };
  }
}, 60_000);

const pathOf = (path: string, place: 'in' | 'out'): string =>
  path
    .replace('{reference}', places[place].reference)
    .replace('{nik}', places[place].nik)
    .replace('{period}', '2026-10')
    .replace('{runId}', 'REC-2026-10-nosuchrun')
    .replace('{jobId}', 'IMP-nosuchjob')
    .replace('{username}', 'verifier')
    .replace('{draftId}', 'nosuchdraft')
    .replace('{document}', '1');

/** An empty body: every route refuses it (400) after its role and scope checks, so no case changes anything. */
const requestOf = async (method: string, route: string, who: Who) => {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (who !== 'none') headers.authorization = `Bearer ${await tokenFor(who)}`;
  if (method === 'GET') return { headers };
  // The coordinator's routes take the claim form only.
  if (route.startsWith('POST /staff/coordinator/'))
    return { headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: 'member.nik=1' };
  return { headers: { ...headers, 'content-type': 'application/json' }, body: '{}' };
};

describe('the access matrix of the staff routes', () => {
  it('has a row for every staff route, and none for a route that does not exist', () => {
    expect(STAFF_ROUTES.filter((r) => !(r in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((r) => !STAFF_ROUTES.includes(r))).toEqual([]);
  });

  const cases = STAFF_ROUTES.filter((r) => r in RULES).flatMap((route) =>
    PRINCIPALS.flatMap((who) => {
      const scope = RULES[route]!.scope;
      // The scoped user is tried on a claim or member inside and outside their province.
      const placesTried: ('in' | 'out')[] = who === SCOPED.username && (scope === 'claim' || scope === 'member') ? ['in', 'out'] : ['out'];
      return placesTried.map((place) => ({ route, who, place, expect: expected(route, who, place) }));
    }),
  );

  it.each(cases)('$route as $who ($place): $expect', async ({ route, who, place, expect: want }) => {
    const [method, path] = route.split(' ') as [string, string];
    const res = await api.call(method, pathOf(path, place), await requestOf(method, route, who));
    // A page that is HTML only (the coordinator's) sends a caller without a session to the sign-in: that is its 401.
    const toSignIn = res.status === 302 && /\/oauth2\/authorize\?/.test(res.headers.get('location') ?? '');
    const status = toSignIn ? 401 : res.status;
    const got = status === 401 || status === 403 ? status : want === 404 && status === 404 ? 404 : 'allowed';
    expect({ route, who, place, status: got }).toEqual({ route, who, place, status: want });
    // A claim or member outside the scope reads exactly as one that does not exist.
    if (want === 404) expect(res.json?.message).toMatch(/^No (claim with this reference|member with this NIK)\.$/);
  });
});
