import { StaffAuditRepository } from '../../shared/staff/adapters/staff-audit-repository';
import { type Api, startApi } from '../support/api';
import { uniqueNik } from '../support/fixtures';
import { twinApi } from '../support/openapi';
import { givenMember, staff } from '../support/workflow';

/**
 * The admin's staff accounts against the twin: the routes write the twin's Cognito-shaped user store, and the twin's
 * token issuer signs in from the same store, so an account made here can sign in at once (POST /auth/token).
 */
let api: Api;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.stop();
});

/** Tokens come from the twin's own issuer (the global twin; the gateway here serves the functions only). */
const signIn = (username: string) =>
  twinApi()
    .postJson('/auth/token', { username, password: 'santunan-local' })
    .then((r) => ({ status: r.status, token: r.json?.accessToken as string }));
const as = (token: string, method: string, path: string, body?: unknown) =>
  api.call(method, path, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: {
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
  });
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const audit = () => new StaffAuditRepository(process.env.CLAIMS_TABLE_NAME!);

describe('staff accounts (admin)', () => {
  it('lists the accounts with their roles and scopes, to an admin only', async () => {
    const list = await staff(api, 'admin', 'GET', '/staff/admin/users');
    expect(list.status).toBe(200);
    const byName = new Map((list.json.items as { username: string }[]).map((a) => [a.username, a]));
    expect(byName.get('verifier')).toMatchObject({
      roles: ['verifier'],
      provinces: [],
      districts: [],
      enabled: true,
      email: 'verifier@santunan.local',
    });
    expect(byName.get('supervisor-dki')).toMatchObject({ roles: ['supervisor'], provinces: ['31'] });
    for (const other of ['verifier', 'approver', 'supervisor', 'finance', 'coordinator'])
      expect((await staff(api, other, 'GET', '/staff/admin/users')).status).toBe(403);
    expect((await api.call('GET', '/staff/admin/users', { headers: { accept: 'application/json' } })).status).toBe(401);
  });

  it('creates an account that signs in at once, limited to its province, and records who made it', async () => {
    const username = unique('ina');
    const created = await staff(api, 'admin', 'POST', '/staff/admin/users', {
      username,
      email: `${username}@santunan.local`,
      roles: ['verifier'],
      provinces: ['31'],
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ username, roles: ['verifier'], provinces: ['31'], districts: [], enabled: true });
    const { status, token } = await signIn(username);
    expect(status).toBe(200);
    // Scoped: a member of province 31 is visible, one of province 32 answers as if there were none.
    const jakarta = await givenMember({ nik: uniqueNik({ province: '31' }) });
    const westJava = await givenMember({ nik: uniqueNik({ province: '32' }) });
    expect((await as(token, 'GET', `/staff/members/${jakarta.nik}`)).status).toBe(200);
    const hidden = await as(token, 'GET', `/staff/members/${westJava.nik}`);
    expect(hidden.status).toBe(404);
    expect(hidden.json.message).toBe('No member with this NIK.');
    expect((await as(token, 'GET', '/staff/claims')).status).toBe(200);
    // A national route: the reconciliation report.
    expect((await as(token, 'GET', '/staff/admin/users')).status).toBe(403);
    const events = await audit().of(username);
    expect(events).toEqual([
      expect.objectContaining({
        by: 'admin',
        username,
        action: 'CREATED',
        after: expect.objectContaining({ roles: ['verifier'], provinces: ['31'] }),
      }),
    ]);
    expect(Date.now() - Date.parse(events[0]!.at)).toBeLessThan(60_000);
  });

  it('changes roles and scopes, disables and enables: a disabled account cannot sign in', async () => {
    const username = unique('budi');
    await staff(api, 'admin', 'POST', '/staff/admin/users', { username, email: `${username}@santunan.local`, roles: ['verifier'] });
    const changed = await staff(api, 'admin', 'POST', `/staff/admin/users/${username}`, { roles: ['approver'], provinces: ['32', '31'] });
    expect(changed.status).toBe(200);
    expect(changed.json).toMatchObject({ roles: ['approver'], provinces: ['31', '32'] });
    const token = (await signIn(username)).token;
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
    expect([...payload['cognito:groups']].sort()).toEqual(['approver', 'province:31', 'province:32']);
    expect((await staff(api, 'admin', 'POST', `/staff/admin/users/${username}`, { enabled: false })).json.enabled).toBe(false);
    expect((await signIn(username)).status).toBe(401);
    expect((await staff(api, 'admin', 'POST', `/staff/admin/users/${username}`, { enabled: true, provinces: [] })).json).toMatchObject({
      enabled: true,
      provinces: [],
    });
    expect((await signIn(username)).status).toBe(200);
    expect((await audit().of(username)).map((e) => [e.action, e.by, e.change])).toEqual([
      ['CREATED', 'admin', expect.anything()],
      ['CHANGED', 'admin', { roles: ['approver'], provinces: ['31', '32'] }],
      ['CHANGED', 'admin', { enabled: false }],
      ['CHANGED', 'admin', { enabled: true, provinces: [] }],
    ]);
  });

  it('an admin cannot lock themselves out, and nothing is recorded for a refused change', async () => {
    const before = (await audit().of('admin')).length;
    for (const change of [{ roles: ['verifier'] }, { enabled: false }, { provinces: ['31'] }]) {
      const res = await staff(api, 'admin', 'POST', '/staff/admin/users/admin', change);
      expect({ change, status: res.status, error: res.json.error }).toEqual({ change, status: 409, error: 'SELF_LOCKOUT' });
    }
    expect((await signIn('admin')).status).toBe(200);
    expect((await staff(api, 'admin', 'GET', '/staff/admin/users')).status).toBe(200);
    expect(await audit().of('admin')).toHaveLength(before);
  });

  it('refuses bad input with the field and the reason (400), a taken username (409), an unknown account (404)', async () => {
    const bad = await staff(api, 'admin', 'POST', '/staff/admin/users', {
      username: 'Bad Name',
      email: 'not-an-email',
      roles: ['root'],
      provinces: ['99'],
      districts: ['12345'],
    });
    expect(bad.status).toBe(400);
    expect(
      Object.fromEntries((bad.json.fields as { path: string; code: string }[]).map((f) => [f.path.replace(/\[\d+\]$/, ''), f.code])),
    ).toEqual({
      username: 'staff.username.invalid',
      email: 'staff.email.invalid',
      roles: 'staff.role.invalid',
      provinces: 'staff.province.invalid',
      districts: 'staff.district.invalid',
    });
    const extra = await staff(api, 'admin', 'POST', '/staff/admin/users', {
      username: 'someone',
      email: 'a@b.id',
      roles: ['verifier'],
      password: 'x',
    });
    expect(extra.status).toBe(400);
    const taken = await staff(api, 'admin', 'POST', '/staff/admin/users', {
      username: 'verifier',
      email: 'v@santunan.local',
      roles: ['verifier'],
    });
    expect([taken.status, taken.json.error]).toEqual([409, 'USERNAME_TAKEN']);
    expect((await staff(api, 'admin', 'POST', '/staff/admin/users/nobody-here', { roles: ['verifier'] })).status).toBe(404);
    expect((await staff(api, 'admin', 'POST', '/staff/admin/users/verifier', {})).status).toBe(400);
    expect((await staff(api, 'admin', 'POST', '/staff/admin/users/verifier', { roles: [] })).status).toBe(400);
  });

  it('an admin limited to a province may not manage staff (403)', async () => {
    const username = unique('admin-jabar');
    await staff(api, 'admin', 'POST', '/staff/admin/users', {
      username,
      email: `${username}@santunan.local`,
      roles: ['admin'],
      provinces: ['32'],
    });
    const { token } = await signIn(username);
    expect((await as(token, 'GET', '/staff/admin/users')).status).toBe(403);
    expect((await as(token, 'POST', '/staff/admin/users/verifier', { enabled: false })).status).toBe(403);
  });
});
