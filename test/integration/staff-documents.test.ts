import { S3DocumentLinks } from '../../shared/claims/adapters/document-links';
import { s3Client } from '../../shared/composition/claims';
import { apiClient } from '../support/api';
import { validClaim } from '../support/fixtures';
import { completeClaim, fileAndAwaitDecision, givenMember, tokenFor, twinUrl } from '../support/workflow';

/**
 * Issue 9, deliverable 2, on the twin: a staff member opens a claim's document through
 * `GET /staff/claims/{reference}/documents/{n}`; the view is in the audit trail (who, when, which type; no personal
 * data); the answer is a 302 to a 60-second presigned GET that the twin's storage serves inline with the stored
 * type, and refuses once expired, when altered, or without a signature (as S3 does for a private bucket).
 * Sign-in for browsers: the hosted sign-in flow (the twin imitates Cognito's) and back, a wrong password keeping the
 * user name, and sign-out.
 */
const api = () => apiClient(twinUrl());
const bearer = async (user: string) => ({ authorization: `Bearer ${await tokenFor(user)}` });
const staffJson = async (user: string, path: string) =>
  api().call('GET', path, { headers: { ...(await bearer(user)), accept: 'application/json' } });

let reference = '';
let waiting = '';
let memberNik = '';
let claimantNik = '';

beforeAll(async () => {
  const member = await givenMember();
  const body = await completeClaim(api(), member);
  memberNik = member.nik;
  claimantNik = body.claimant.nik;
  reference = (await fileAndAwaitDecision(api(), body)).ref;
  // A second claim without documents: it waits for them, and has none to open.
  const other = await givenMember();
  const created = await api().postJson(
    '/claims',
    validClaim((b) => {
      b.member = { nik: other.nik, name: other.name };
      b.documents = [];
    }),
  );
  expect(created.status).toBe(201);
  waiting = created.json.reference;
}, 60_000);

describe('opening a document from the claim page', () => {
  it('audits the view, then redirects to a 60-second presigned GET served inline with the stored type', async () => {
    const res = await api().call('GET', `/staff/claims/${reference}/documents/1`, { headers: await bearer('verifier') });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('X-Amz-Expires')).toBe('60');
    expect(location.searchParams.get('response-content-disposition')).toBe('inline');
    expect(location.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);

    const file = await fetch(location);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe('inline');
    expect((await file.text()).startsWith('%PDF')).toBe(true);

    const claim = (await staffJson('supervisor', `/staff/claims/${reference}`)).json;
    const viewed = (claim.audit as { type: string; actor: { id?: string }; details?: Record<string, unknown> }[]).filter(
      (e) => e.type === 'DOCUMENT_VIEWED',
    );
    expect(viewed).toHaveLength(1);
    expect(viewed[0]).toMatchObject({
      actor: { kind: 'staff', id: 'verifier' },
      details: { document: 1, documentType: claim.documents[0].type },
    });
    const stored = JSON.stringify(viewed[0]);
    for (const secret of [memberNik, claimantNik, 'uploads/']) expect([secret, stored.includes(secret)]).toEqual([secret, false]);
  });

  it("refuses a document the claim does not have (another claim's cannot be named), without an audit event", async () => {
    for (const path of [
      `/staff/claims/${waiting}/documents/1`,
      `/staff/claims/${reference}/documents/99`,
      `/staff/claims/${reference}/documents/0`,
    ]) {
      const res = await api().call('GET', path, { headers: { ...(await bearer('approver')), accept: 'application/json' } });
      expect([path, res.status, res.json?.error]).toEqual([path, 404, 'NOT_FOUND']);
    }
    const claim = (await staffJson('supervisor', `/staff/claims/${waiting}`)).json;
    expect(claim.audit.filter((e: { type: string }) => e.type === 'DOCUMENT_VIEWED')).toEqual([]);
  });

  it('asks for a staff role and a session: a coordinator is refused, a signed-out browser goes to sign in', async () => {
    const coordinator = await api().call('GET', `/staff/claims/${reference}/documents/1`, {
      headers: { ...(await bearer('coordinator')), accept: 'application/json' },
    });
    expect(coordinator.status).toBe(403);
    const anonymous = await api().call('GET', `/staff/claims/${reference}/documents/1`, { headers: { accept: 'application/json' } });
    expect(anonymous.status).toBe(401);
    const browser = await api().call('GET', `/staff/claims/${reference}/documents/1`, { headers: { accept: 'text/html' } });
    expect(browser.status).toBe(302);
    expect(browser.headers.get('location')).toMatch(new RegExp(`^${twinUrl()}/auth/oauth2/authorize\\?`));
  });

  it('the storage refuses a link once expired, an altered link, and a read without a signature', async () => {
    const claim = (await staffJson('supervisor', `/staff/claims/${reference}`)).json;
    const [first, second] = claim.documents as { key: string; contentType: string }[];
    const links = new S3DocumentLinks(s3Client(), process.env.DOCUMENTS_BUCKET_NAME!);
    const short = await links.viewUrl(first!.key, first!.contentType, 1);
    expect((await fetch(short)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2100));
    const expired = await fetch(short);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');

    const valid = await links.viewUrl(first!.key, first!.contentType, 60);
    const altered = new URL(valid);
    altered.pathname = altered.pathname.replace(first!.key, second!.key);
    const forged = await fetch(altered);
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('SignatureDoesNotMatch');
    const unsigned = await fetch(`${new URL(valid).origin}${new URL(valid).pathname}`);
    expect(unsigned.status).toBe(403);
  });
});

describe('signing in from a link, and out', () => {
  /** The cookies a response sets, by name (value only). */
  const cookiesOf = (res: { headers: Headers }) =>
    Object.fromEntries(res.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]));

  it('goes straight to the sign-in page and back to the claim; a wrong password keeps the user name and says so', async () => {
    const page = `/staff/claims/${reference}`;
    const start = await api().call('GET', page, { headers: { accept: 'text/html' } });
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.pathname).toBe('/auth/oauth2/authorize');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${twinUrl()}/staff/auth/callback`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    const signIn = cookiesOf(start).santunan_signin!;
    expect(signIn).toBeTruthy();

    const form = await fetch(authorize);
    expect(form.status).toBe(200);
    const fields = new URLSearchParams();
    for (const [, name, value] of (await form.text()).matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g))
      fields.set(name!, value!);
    const post = (password: string) =>
      fetch(`${twinUrl()}/auth/oauth2/authorize`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...Object.fromEntries(fields), username: 'approver', password }),
      });
    const wrong = await post('not-the-password');
    expect(wrong.status).toBe(401);
    const wrongPage = await wrong.text();
    expect(wrongPage).toContain('value="approver"');
    expect(wrongPage).toContain('Nama pengguna atau kata sandi salah.');

    const right = await post('santunan-local');
    expect(right.status).toBe(302);
    const callback = new URL(right.headers.get('location')!);
    expect(`${callback.origin}${callback.pathname}`).toBe(`${twinUrl()}/staff/auth/callback`);

    // Another browser (no sign-in cookie, or another one) cannot use the code.
    const stranger = await api().call('GET', `${callback.pathname}${callback.search}`, { headers: { cookie: 'santunan_signin=x.y.z' } });
    expect(stranger.status).toBe(400);
    const done = await api().call('GET', `${callback.pathname}${callback.search}`, { headers: { cookie: `santunan_signin=${signIn}` } });
    expect(done.status).toBe(200);
    expect(done.text).toContain(`<meta http-equiv="refresh" content="0;url=${page}">`);
    const session = cookiesOf(done).santunan_session!;
    expect(session.split('.')).toHaveLength(3);
    // A code is used once.
    const replay = await api().call('GET', `${callback.pathname}${callback.search}`, { headers: { cookie: `santunan_signin=${signIn}` } });
    expect(replay.status).toBe(400);

    const claimPage = await api().call('GET', page, { headers: { cookie: `santunan_session=${session}` } });
    expect(claimPage.status).toBe(200);
    expect(claimPage.text).toContain('<a href="/staff/logout">Keluar</a>');

    // The decision from the page's form (cookie, form token), with a note: back to the page, which shows the note.
    const csrf =
      /<form method="post" action="[^"]*\/decision" id="decision-form"[^>]*><input type="hidden" name="_csrf" value="([^"]+)">/.exec(
        claimPage.text,
      )![1]!;
    const decided = await api().call('POST', `${page}/decision`, {
      headers: {
        cookie: `santunan_session=${session}`,
        'content-type': 'application/x-www-form-urlencoded',
        'sec-fetch-site': 'same-origin',
      },
      body: new URLSearchParams({ _csrf: csrf, decision: 'approve', reasonCode: '', note: 'Akta dicek; KTP 3173014107850003.' }),
    });
    expect([decided.status, decided.headers.get('location'), decided.text.slice(0, 300)]).toEqual([303, page, '']);
    const after = await api().call('GET', page, { headers: { cookie: `santunan_session=${session}` } });
    expect(after.text).toContain('<q>Catatan: Akta dicek; KTP ************0003.</q>');

    const out = await api().call('GET', '/staff/logout', { headers: { cookie: `santunan_session=${session}` } });
    expect(out.status).toBe(302);
    expect(out.headers.getSetCookie().some((c) => c.startsWith('santunan_session=;') && c.includes('Max-Age=0'))).toBe(true);
    const logout = await fetch(out.headers.get('location')!, { redirect: 'manual' });
    expect(logout.status).toBe(302);
    expect(logout.headers.get('location')).toBe(`${twinUrl()}/staff/claims`);
  });

  it('comes back only to a staff page of this site', async () => {
    const evil = await fetch(
      `${twinUrl()}/auth/oauth2/authorize?${new URLSearchParams({
        response_type: 'code',
        client_id: 'santunan-local',
        redirect_uri: 'https://evil.example/staff/auth/callback',
        state: 'abc',
        code_challenge: 'A'.repeat(43),
        code_challenge_method: 'S256',
      })}`,
    );
    expect(evil.status).toBe(400);
    const out = await fetch(`${twinUrl()}/auth/logout?client_id=santunan-local&logout_uri=${encodeURIComponent('https://evil.example/')}`, {
      redirect: 'manual',
    });
    expect(out.status).toBe(400);
  });
});
