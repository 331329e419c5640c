import { readFileSync } from 'node:fs';
import { validClaim } from '../support/fixtures';
import { checkResponse, documentValidator, loadOpenApi, OPENAPI_FILE, type Operation, operationsOf, twinApi } from '../support/openapi';
import { pdf, uploadDocument } from '../support/uploads';
import { completeClaim, givenMember, tokenFor, waitForDecisionTask, waitForStatus } from '../support/workflow';

/**
 * The document against the running twin (the global setup's): every documented example request is sent as it stands,
 * and every answer must be one the document lists, with a body that validates against the documented schema. Then a
 * claim goes the whole way (filed, decided, paid) so that the success shapes are checked on real data too.
 */
const doc = loadOpenApi();
const validate = documentValidator(doc);
const api = twinApi();

type Response = Awaited<ReturnType<typeof api.call>>;
const expectDocumented = (method: string, path: string, res: Response) => {
  expect({ request: `${method} ${path}`, problems: checkResponse(doc, validate, { method, path }, res) }).toEqual({
    request: `${method} ${path}`,
    problems: [],
  });
};

/** A staff token with the first role the operation names. */
const authFor = async (operation: Operation): Promise<Record<string, string>> =>
  operation['x-roles'] ? { authorization: `Bearer ${await tokenFor(operation['x-roles'][0]!)}` } : {};

/**
 * What each documented example gets on a fresh twin, in the route table's order. The examples build on each other as a
 * reader would use them: the roster import comes before reading a member, the payments before the reconciliation.
 * Examples that name a claim name one that does not exist (404), and a storage uploadId that was never sent (400).
 */
const EXPECTED: Record<string, number> = {
  'GET /': 200,
  'GET /assets/upload.js': 200,
  'GET /assets/app.css': 200,
  'GET /assets/status.js': 200,
  'POST /uploads application/json': 201,
  'POST /claims application/json': 201,
  'POST /claims application/x-www-form-urlencoded': 303,
  'GET /claims/{reference}': 404,
  'GET /status': 303,
  'POST /claims/{reference}/documents application/json': 404,
  'POST /claims/{reference}/documents application/x-www-form-urlencoded': 404,
  'POST /claims/{reference}/correction application/json': 404,
  'POST /claims/{reference}/correction application/x-www-form-urlencoded': 404,
  'POST /claims/{reference}/appeal application/json': 404,
  'POST /claims/{reference}/appeal application/x-www-form-urlencoded': 404,
  'POST /benefits/estimate application/json': 200,
  'GET /staff/claims': 200,
  'GET /staff/claims/{reference}': 404,
  'GET /staff/claims/{reference}/documents/{document}': 404,
  'GET /staff/auth/callback': 400,
  'GET /staff/logout': 302,
  'POST /staff/claims/{reference}/decision application/json': 404,
  'POST /staff/claims/{reference}/decision application/x-www-form-urlencoded': 404,
  'POST /staff/claims/{reference}/close application/json': 404,
  'POST /staff/claims/{reference}/close application/x-www-form-urlencoded': 404,
  'POST /staff/claims/{reference}/appeal-decision application/json': 404,
  'POST /staff/claims/{reference}/appeal-decision application/x-www-form-urlencoded': 404,
  'POST /staff/claims/{reference}/assessment application/json': 404,
  'POST /staff/claims/{reference}/assessment application/x-www-form-urlencoded': 404,
  'POST /staff/claims/{reference}/payments application/json': 404,
  'POST /staff/claims/{reference}/payout-retry application/json': 404,
  'POST /staff/claims/{reference}/links/revoke application/json': 404,
  'POST /staff/claims/{reference}/links/revoke application/x-www-form-urlencoded': 404,
  'GET /staff/claims/{reference}/audit': 404,
  'POST /staff/members/import text/csv': 200,
  'POST /staff/members/import application/json': 400,
  'GET /staff/members/{nik}': 200,
  'GET /staff/search': 200,
  'POST /staff/premiums/payments text/csv': 200,
  'POST /staff/premiums/payments application/json': 400,
  'POST /staff/reconciliations application/json': 200,
  'POST /staff/reconciliations application/x-www-form-urlencoded': 303,
  'GET /staff/reconciliations': 200,
  'GET /staff/reconciliations/{period}': 200,
  'GET /staff/reconciliations/runs/{runId}': 404,
  'GET /staff/imports/{jobId}': 404,
  'POST /staff/uploads application/json': 201,
  'GET /staff/reports/summary': 200,
  'GET /staff/reports': 200,
  'GET /staff/admin/users': 200,
  'POST /staff/admin/users application/json': 201,
  'POST /staff/admin/users application/x-www-form-urlencoded': 303,
  'POST /staff/admin/users/{username} application/json': 200,
  'POST /staff/admin/users/{username} application/x-www-form-urlencoded': 303,
  'GET /staff/coordinator': 200,
  'GET /staff/coordinator/claims/new': 200,
  'POST /staff/coordinator/claims application/x-www-form-urlencoded': 303,
  'GET /staff/coordinator/claims/{reference}': 404,
  'POST /staff/coordinator/drafts/{draftId}/delete': 303,
  'POST /auth/token application/json': 200,
  'GET /openapi.json': 200,
};

describe('the twin serves the document', () => {
  it('GET /openapi.json answers the committed docs/openapi.json as application/json', async () => {
    const res = await api.call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.text).toBe(readFileSync(OPENAPI_FILE, 'utf8'));
  });

  it("the functions' pages travel gzip-compressed to a client that asks (fetch asks for gzip and decodes it)", async () => {
    const form = await api.call('GET', '/');
    expect(form.status).toBe(200);
    expect(form.headers.get('content-encoding')).toBe('gzip');
    expect(form.text).toContain('<form');
  });
});

describe('every documented example, sent to the twin, gets a documented answer', () => {
  it('sends each example request of each route and checks status, media type and body', async () => {
    const seen: Record<string, number> = {};
    for (const { key, method, path, operation } of operationsOf(doc)) {
      let url = path;
      const query = new URLSearchParams();
      for (const p of operation.parameters ?? []) {
        if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(p.example!));
        else if (p.in === 'query' && p.example !== undefined) query.set(p.name, p.example);
      }
      if (query.size) url = `${url}?${query}`;
      const headers = { accept: 'application/json', ...(await authFor(operation)) };
      const variants = Object.entries(operation.requestBody?.content ?? {}).flatMap(([media, content]) =>
        Object.values(content.examples ?? {}).map((example) => ({
          media,
          body:
            media === 'application/json'
              ? JSON.stringify(example.value)
              : media === 'application/x-www-form-urlencoded'
                ? new URLSearchParams(example.value as Record<string, string>).toString()
                : String(example.value),
        })),
      );
      for (const variant of variants.length ? variants : [undefined]) {
        const res = await api.call(method, url, {
          body: variant?.body,
          headers: variant ? { ...headers, 'content-type': variant.media } : headers,
        });
        expectDocumented(method, path, res);
        seen[variant ? `${key} ${variant.media}` : key] = res.status;
        // CSV examples are whole files: every line of them must be importable.
        if (variant?.media === 'text/csv') expect({ key, rejected: res.json?.rejected }).toEqual({ key, rejected: [] });
      }
    }
    expect(seen).toEqual(EXPECTED);
  });
});

describe('the success and error shapes hold for real data', () => {
  it('a claim from filing to payment: every JSON answer on the way is as documented', async () => {
    const member = await givenMember();
    const body = await completeClaim(api, member);
    const created = await api.postJson('/claims', body);
    expectDocumented('POST', '/claims', created);
    expect(created.status).toBe(201);
    const { reference } = created.json as { reference: string };
    const claimantNik = body.claimant.nik as string;

    const duplicate = await api.postJson('/claims', body);
    expectDocumented('POST', '/claims', duplicate);
    expect(duplicate.json).toMatchObject({ error: 'DUPLICATE_CLAIM', reference });

    await waitForDecisionTask(api, reference);
    const staffHeaders = async (user: string) => ({ accept: 'application/json', authorization: `Bearer ${await tokenFor(user)}` });
    const staffClaim = await api.call('GET', `/staff/claims/${reference}`, { headers: await staffHeaders('verifier') });
    expectDocumented('GET', '/staff/claims/{reference}', staffClaim);
    const queue = await api.call('GET', '/staff/claims?status=AWAITING_APPROVAL', { headers: await staffHeaders('approver') });
    expectDocumented('GET', '/staff/claims', queue);
    expect(queue.json.items.map((i: { reference: string }) => i.reference)).toContain(reference);

    const extra = await uploadDocument(api, 'OTHER', pdf(512));
    const added = await api.postJson(`/claims/${reference}/documents`, {
      nik: claimantNik,
      documents: [{ type: 'OTHER', uploadId: extra }],
    });
    expectDocumented('POST', '/claims/{reference}/documents', added);
    expect(added.status).toBe(200);

    const decided = await api.postJson(
      `/staff/claims/${reference}/decision`,
      { decision: 'approve' },
      { authorization: `Bearer ${await tokenFor('approver')}` },
    );
    expectDocumented('POST', '/staff/claims/{reference}/decision', decided);
    expect(decided.status).toBe(200);
    await waitForStatus(api, reference, claimantNik, 'PAID', 30_000);

    const paid = await api.call('GET', `/claims/${reference}?nik=${claimantNik}`, { headers: { accept: 'application/json' } });
    expectDocumented('GET', '/claims/{reference}', paid);
    expect(paid.json.payout).toMatchObject({ currency: 'IDR' });
    const again = await api.postJson(
      `/staff/claims/${reference}/decision`,
      { decision: 'approve' },
      { authorization: `Bearer ${await tokenFor('supervisor')}` },
    );
    expectDocumented('POST', '/staff/claims/{reference}/decision', again);
    expect(again.json.error).toBe('NOT_AWAITING_DECISION');
    const retry = await api.call('POST', `/staff/claims/${reference}/payout-retry`, { headers: await staffHeaders('finance') });
    expectDocumented('POST', '/staff/claims/{reference}/payout-retry', retry);
    expect(retry.json.error).toBe('NOT_AWAITING_PAYOUT_RETRY');
    const closed = await api.postJson(`/claims/${reference}/documents`, {
      nik: claimantNik,
      documents: [{ type: 'OTHER', uploadId: extra }],
    });
    expectDocumented('POST', '/claims/{reference}/documents', closed);
    expect(closed.json.error).toBe('CLAIM_CLOSED');
  });

  it('refusals: invalid fields, media type, size, idempotency, sign-in and role are answered as documented', async () => {
    const invalid = await api.postJson(
      '/claims',
      validClaim((b) => (b.member.nik = '12345')),
    );
    expectDocumented('POST', '/claims', invalid);
    expect(invalid.json.fields[0]).toMatchObject({ path: 'member.nik' });

    const key = `openapi-${Date.now()}`;
    expectDocumented('POST', '/claims', await api.postJson('/claims', validClaim(), { 'idempotency-key': key }));
    const reused = await api.postJson('/claims', validClaim(), { 'idempotency-key': key });
    expectDocumented('POST', '/claims', reused);
    expect(reused.status).toBe(422);

    const wrongType = await api.call('POST', '/uploads', {
      body: 'type=OTHER',
      headers: { 'content-type': 'text/plain', accept: 'application/json' },
    });
    expectDocumented('POST', '/uploads', wrongType);
    expect(wrongType.status).toBe(415);
    const tooLarge = await api.call('POST', '/benefits/estimate', {
      body: JSON.stringify({ pad: 'x'.repeat(5000) }),
      headers: { 'content-type': 'application/json' },
    });
    expectDocumented('POST', '/benefits/estimate', tooLarge);
    expect(tooLarge.status).toBe(413);

    const anonymous = await api.call('GET', '/staff/claims', { headers: { accept: 'application/json' } });
    expectDocumented('GET', '/staff/claims', anonymous);
    expect(anonymous.status).toBe(401);
    // A browser without a session is sent to the sign-in page (documented as a 302), and comes back after it.
    const browser = await api.call('GET', '/staff/claims', { headers: { accept: 'text/html' } });
    expectDocumented('GET', '/staff/claims', browser);
    expect(browser.status).toBe(302);
    expect(browser.headers.get('location')).toContain('/oauth2/authorize?');
    const wrongRole = await api.call('POST', '/staff/members/import', {
      body: 'nik\n',
      headers: { 'content-type': 'text/csv', accept: 'application/json', authorization: `Bearer ${await tokenFor('finance')}` },
    });
    expectDocumented('POST', '/staff/members/import', wrongRole);
    expect(wrongRole.status).toBe(403);

    const finance = { accept: 'application/json', authorization: `Bearer ${await tokenFor('finance')}` };
    const badPeriod = await api.call('GET', '/staff/reconciliations/2026-13', { headers: finance });
    expectDocumented('GET', '/staff/reconciliations/{period}', badPeriod);
    expect(badPeriod.status).toBe(400);
    expect((await api.postJson('/staff/reconciliations', { period: '2026-09' }, finance)).status).toBe(200);
    const csv = await api.call('GET', '/staff/reconciliations/2026-09?format=csv', { headers: finance });
    expectDocumented('GET', '/staff/reconciliations/{period}', csv);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const { accept: _json, ...financeBrowser } = finance;
    const page = await api.call('GET', '/staff/reconciliations/2026-09?category=UNPAID', { headers: financeBrowser });
    expectDocumented('GET', '/staff/reconciliations/{period}', page);
    expect(page.headers.get('content-type')).toContain('text/html');
    const list = await api.call('GET', '/staff/reconciliations', { headers: financeBrowser });
    expectDocumented('GET', '/staff/reconciliations', list);
    expect(list.status).toBe(200);
    const signedOut = await api.call('GET', '/staff/reconciliations/2026-09', { headers: { accept: 'text/html' } });
    expectDocumented('GET', '/staff/reconciliations/{period}', signedOut);
    // To the hosted sign-in (the twin's imitation), which comes back to this month's page.
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get('location')).toMatch(/\/auth\/oauth2\/authorize\?/);
    const noMonth = await api.call('GET', '/staff/reconciliations/2019-02', { headers: financeBrowser });
    expectDocumented('GET', '/staff/reconciliations/{period}', noMonth);
    expect(noMonth.status).toBe(404);
  });
});
