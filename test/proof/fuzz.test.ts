import { Agent, request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { ROUTES, routeKey } from '../../infra/definitions/routes';
import { assessmentSchema } from '../../shared/claims/schemas/assessment';
import { claimSubmissionSchema } from '../../shared/claims/schemas/claim';
import { closeRequestSchema } from '../../shared/claims/schemas/close';
import { decisionRequestSchema } from '../../shared/claims/schemas/decision';
import { addDocumentsRequestSchema } from '../../shared/claims/schemas/documents';
import { revokeLinksRequestSchema } from '../../shared/claims/schemas/links';
import { paymentRequestSchema, payoutRetryRequestSchema } from '../../shared/claims/schemas/payment';
import { appealDecisionRequestSchema, appealRequestSchema, correctionRequestSchema } from '../../shared/claims/schemas/reopen';
import { uploadRequestSchema } from '../../shared/claims/schemas/upload';
import { mediaTypeOf, parseForm } from '../../shared/platform/http/body';
import { PAYMENT_HEADER } from '../../shared/premiums/domain/payment-row';
import { ROSTER_HEADER } from '../../shared/premiums/domain/roster-row';
import { importFromStorageSchema, importUploadRequestSchema } from '../../shared/premiums/schemas/imports';
import { reconcileRequestSchema } from '../../shared/premiums/schemas/reconciliation';
import { createStaffSchema, updateStaffSchema } from '../../shared/staff/schemas/accounts';
import { validClaim } from '../support/fixtures';
import { tokenFor } from '../support/workflow';
import {
  brokenJsonText,
  cookieHeader,
  csvText,
  formText,
  HEADER_NAMES,
  headerValue,
  hostileString,
  hostileValue,
  jsonText,
  pathSegment,
  queryString,
  setPath,
} from './hostile';
import { prepareClaims } from './load';
import { countInStatus, eventually, itemCounts } from './store';
import { type ProofTwin, proofTwin } from './twin';

/**
 * Issue 10, bad input: fast-check generates hostile bodies (random and broken JSON, bodies with one field made
 * hostile, form posts, CSV files), headers, cookies, paths and query strings for every route of the route table,
 * public and staff (with a token of a role that may call the route, or signed in by the session cookie alone), and
 * sends them over HTTP to a twin. Every request is invalid by construction (a body fails its schema, a CSV line its
 * key): the properties are that no answer is a 5xx, every JSON error has the api.md shape (`error` code, and for
 * VALIDATION_FAILED a path and code on every field; the gateway's own 400/404/413 have API Gateway's `message`),
 * and nothing is stored (the tables hold the same items afterwards). Runs per case below; over 10,000 in all.
 * PROOF_FUZZ_SEED replays a run (fast-check prints the seed of a failure).
 */
jest.setTimeout(15 * 60_000);

const SEED = process.env.PROOF_FUZZ_SEED ? Number(process.env.PROOF_FUZZ_SEED) : undefined;
const RUNS = { body: 320, csv: 300, headers: 110, cookies: 70, paths: 70, query: 150 };

let twin: ProofTwin;
const agent = new Agent({ keepAlive: true, maxSockets: 4 });
/** A claim awaiting a decision, a member on the roster: real ids for the staff routes, next to hostile ones. */
const real = { reference: '', nik: '', claimantNik: '', period: '2026-10' };
let before: { claims: number; members: number };
let sent = 0;
/** Answers by route and status, printed at the end: the fuzz should reach validation, not stop at 401 or 415. */
const tally = new Map<string, Map<number, number>>();

beforeAll(async () => {
  twin = await proofTwin({ name: 'proof-fuzz' });
  await twin.start();
  const [body] = await prepareClaims(1);
  const parsed = JSON.parse(body!) as { member: { nik: string }; claimant: { nik: string } };
  const res = await fetch(`${twin.apiUrl}/claims`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  real.reference = ((await res.json()) as { reference: string }).reference;
  real.nik = parsed.member.nik;
  real.claimantNik = parsed.claimant.nik;
  await eventually(
    'the claim awaiting a decision',
    async () => ((await countInStatus('AWAITING_APPROVAL', true)) === 1 ? true : undefined),
    60_000,
  );
  before = await itemCounts();
});
afterAll(async () => {
  agent.destroy();
  await twin?.stop();
});

interface Req {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}
interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** Node's HTTP server refuses a request line and headers over 16 KB (431) and closes the connection. */
const MAX_HEAD_BYTES = 16 * 1024;
const headBytes = (req: Req) => req.path.length + Object.entries(req.headers).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);

/**
 * Sends exactly what was generated (node:http, unlike fetch, sends our Host and paths as they are). A head over the
 * server's limit is answered 431 and the connection closed while a body may still be on its way, which the client
 * can see as a reset before it reads the answer: the head is then sent again without the body, to read the answer.
 */
const send = async (req: Req): Promise<Answer | 'refused-by-client'> => {
  try {
    return await sendOnce(req);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (req.body !== undefined && headBytes(req) > MAX_HEAD_BYTES && (code === 'ECONNRESET' || code === 'EPIPE'))
      return sendOnce({ ...req, body: undefined });
    throw error;
  }
};

const sendOnce = (req: Req): Promise<Answer | 'refused-by-client'> =>
  new Promise((resolve, reject) => {
    const url = new URL(twin.apiUrl);
    let r: ReturnType<typeof request>;
    try {
      r = request(
        { host: url.hostname, port: url.port, method: req.method, path: req.path, headers: req.headers, agent, timeout: 60_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const raw = Buffer.concat(chunks);
            const text = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
          });
          res.on('error', reject);
        },
      );
    } catch {
      // Node refuses to send some generated headers or paths at all (control characters): nothing reached the twin.
      return resolve('refused-by-client');
    }
    r.on('timeout', () => r.destroy(new Error(`no answer within 60 s to ${req.method} ${req.path.slice(0, 200)}`)));
    r.on('error', reject);
    r.end(req.body === undefined ? undefined : Buffer.from(req.body, 'utf8'));
  });

/** The properties every answer to hostile input has. */
/**
 * A body sent as a form is read as one: a hostile header may turn a refused JSON text (`null`, `[]`) into a form post,
 * and a form of one empty field is an empty form, which a route whose fields are all optional (revoking links) rightly
 * takes. Such a request is not hostile input; anything the schema refuses as a form still is.
 */
const validAsForm = (req: Req, spec: Spec): boolean => {
  if (mediaTypeOf(req.headers['content-type']) !== 'application/x-www-form-urlencoded' || typeof req.body !== 'string') return false;
  try {
    return acceptable(JSON.stringify(parseForm(req.body)), spec.json?.schema);
  } catch {
    return false;
  }
};

const check = (req: Req, res: Answer, stores: boolean) => {
  const where = `${req.method} ${req.path.slice(0, 120)} -> ${res.status} ${res.text.slice(0, 300)}`;
  if (res.status >= 500 || res.status < 100) throw new Error(`a ${res.status}: ${where}`);
  const type = String(res.headers['content-type'] ?? '');
  const body = type.includes('application/json') ? (JSON.parse(res.text) as Record<string, unknown>) : {};
  // A CSV import answers 200 with the lines it refused: accepted only when it refused every line.
  const csvRefusedAll = Array.isArray(body.rejected) && body.lines === body.rejected.length;
  if (stores && res.status < 400 && req.method === 'POST' && !csvRefusedAll) throw new Error(`hostile input was accepted: ${where}`);
  if (Array.isArray(body.rejected))
    for (const line of body.rejected as { line?: unknown; errors?: { field?: unknown; code?: unknown }[] }[])
      if (typeof line.line !== 'number' || !line.errors?.length || line.errors.some((e) => typeof e.field !== 'string' || !e.field))
        throw new Error(`a rejected CSV line that names no field: ${where}`);
  if (res.status < 400 || !type.includes('application/json')) return;
  const gateway = Object.keys(body).length === 1 && typeof body.message === 'string' && [400, 404, 413].includes(res.status);
  if (!gateway && (typeof body.error !== 'string' || typeof body.message !== 'string'))
    throw new Error(`not the api.md error shape: ${where}`);
  if (body.error === 'VALIDATION_FAILED') {
    const fields = body.fields as { path?: unknown; code?: unknown; message?: unknown }[] | undefined;
    if (!Array.isArray(fields) || fields.length === 0) throw new Error(`a validation error naming no field: ${where}`);
    for (const f of fields)
      if (typeof f.path !== 'string' || typeof f.code !== 'string' || !f.code || typeof f.message !== 'string' || !f.message)
        throw new Error(`a field error without path, code or message: ${where}`);
  }
};

interface Spec {
  /** Who may call it (staff routes). */
  user?: string;
  /** Real values of the path parameters (hostile ones are generated too). */
  params?: () => Record<string, string>;
  /** Query parameters the route reads. */
  query?: string[];
  /** A valid body, the fields whose hostile value makes it invalid, and the schema that decides. */
  json?: { template: () => Record<string, unknown>; poison: string[]; schema?: z.ZodMiniType };
  /** A form field whose value, prefixed with `x`, no form accepts. */
  form?: [string, string];
  csv?: { header: readonly string[]; keyColumn: number };
  /** Valid input stores something: hostile input must never be accepted. */
  stores?: boolean;
}

const claimRef = () => ({ reference: real.reference });
const SPECS: Record<string, Spec> = {
  'GET /': { query: ['lang'] },
  'GET /assets/upload.js': {},
  'GET /assets/app.css': {},
  'GET /assets/status.js': {},
  'POST /uploads': {
    json: {
      template: () => ({ type: 'DEATH_CERTIFICATE', contentType: 'application/pdf', size: 1024 }),
      poison: ['type', 'contentType', 'size'],
      schema: uploadRequestSchema,
    },
    stores: true,
  },
  'POST /claims': {
    json: {
      template: () => validClaim(),
      poison: ['member.nik', 'claimant.nik', 'benefit', 'incident.date', 'payout.bankCode', 'claimant.relationship', 'documents'],
      schema: claimSubmissionSchema,
    },
    form: ['member.nik', 'x'],
    stores: true,
  },
  'GET /claims/{reference}': { params: claimRef, query: ['nik', 't', 'lang', 'new'] },
  'GET /status': { query: ['reference', 'nik', 'lang'] },
  'POST /claims/{reference}/documents': {
    params: claimRef,
    json: {
      template: () => ({ nik: real.claimantNik, documents: [{ type: 'DEATH_CERTIFICATE', uploadId: 'up_AAAAAAAAAAAAAAAAAAAAAA' }] }),
      poison: ['nik', 'documents', 'documents.0.type', 'documents.0.uploadId'],
      schema: addDocumentsRequestSchema,
    },
    stores: true,
  },
  'POST /claims/{reference}/correction': {
    params: claimRef,
    json: {
      template: () => ({ nik: real.claimantNik, member: { nik: '3173014107850003', name: 'Siti Aminah' } }),
      poison: ['nik', 'member', 'member.nik', 'member.name', 'documents'],
      schema: correctionRequestSchema,
    },
    form: ['member.nik', 'x'],
    stores: true,
  },
  'POST /claims/{reference}/appeal': {
    params: claimRef,
    json: {
      template: () => ({ nik: real.claimantNik, statement: 'The member was active on that day.' }),
      poison: ['nik', 'statement', 'documents'],
      schema: appealRequestSchema,
    },
    form: ['statement', 'x'],
    stores: true,
  },
  'POST /benefits/estimate': {
    json: {
      template: () => ({
        benefit: 'JKM',
        incident: { type: 'death', date: '2026-10-03' },
        member: { monthlyWage: 1_000_000, membershipStart: '2019-01-01' },
      }),
      poison: ['benefit', 'incident.type', 'incident.date', 'member.monthlyWage'],
    },
  },
  'GET /staff/coordinator': { user: 'coordinator', query: ['lang', 'filed', 'saved', 'deleted'] },
  'GET /staff/coordinator/claims/new': { user: 'coordinator', query: ['draft', 'lang'] },
  'POST /staff/coordinator/claims': { user: 'coordinator', form: ['member.nik', 'x'], stores: true },
  'GET /staff/coordinator/claims/{reference}': { user: 'coordinator', params: claimRef, query: ['lang'] },
  'POST /staff/coordinator/drafts/{draftId}/delete': { user: 'coordinator', params: () => ({ draftId: 'AAAAAAAAAAAAAAAA' }) },
  'GET /staff/claims': { user: 'verifier', query: ['status', 'nextToken', 'order', 'counts', 'lang'] },
  'GET /staff/search': { user: 'verifier', query: ['q', 'lang'] },
  'GET /staff/claims/{reference}': { user: 'verifier', params: claimRef, query: ['lang'] },
  'GET /staff/claims/{reference}/documents/{document}': { user: 'verifier', params: () => ({ ...claimRef(), document: '1' }) },
  // No session needed: hostile codes, states and sign-in cookies must end in a 400 page, never a 5xx.
  'GET /staff/auth/callback': { query: ['code', 'state'] },
  'GET /staff/logout': {},
  'POST /staff/claims/{reference}/decision': {
    user: 'approver',
    params: claimRef,
    json: { template: () => ({ decision: 'approve', note: 'ok' }), poison: ['decision', 'note', 'tranche'], schema: decisionRequestSchema },
    form: ['decision', 'x'],
    stores: true,
  },
  'POST /staff/claims/{reference}/close': {
    user: 'supervisor',
    params: claimRef,
    json: { template: () => ({ reasonCode: 'DUPLICATE', note: 'x' }), poison: ['reasonCode'], schema: closeRequestSchema },
    form: ['reasonCode', 'x'],
    stores: true,
  },
  'POST /staff/claims/{reference}/appeal-decision': {
    user: 'supervisor',
    params: claimRef,
    json: { template: () => ({ decision: 'uphold', note: 'x' }), poison: ['decision', 'note'], schema: appealDecisionRequestSchema },
    form: ['decision', 'x'],
    stores: true,
  },
  'POST /staff/claims/{reference}/assessment': {
    user: 'verifier',
    params: claimRef,
    json: {
      template: () => ({ stmb: { months: 14 } }),
      poison: ['stmb', 'stmb.months', 'disability', 'transport'],
      schema: assessmentSchema,
    },
    stores: true,
  },
  'POST /staff/claims/{reference}/payments': {
    user: 'verifier',
    params: claimRef,
    json: {
      template: () => ({ kind: 'STMB', assessment: { stmb: { months: 2 } } }),
      poison: ['kind', 'assessment', 'schoolYear'],
      schema: paymentRequestSchema,
    },
    form: ['kind', 'x'],
    stores: true,
  },
  'POST /staff/claims/{reference}/payout-retry': {
    user: 'finance',
    params: claimRef,
    json: { template: () => ({ tranche: 'T1' }), poison: ['tranche'], schema: payoutRetryRequestSchema },
    stores: true,
  },
  'POST /staff/claims/{reference}/links/revoke': {
    user: 'supervisor',
    params: claimRef,
    json: { template: () => ({ note: 'Ponsel keluarga hilang.' }), poison: ['note'], schema: revokeLinksRequestSchema },
    form: ['note', 'x'.repeat(600)],
    stores: true,
  },
  'GET /staff/claims/{reference}/audit': { user: 'verifier', params: claimRef },
  'POST /staff/members/import': {
    user: 'admin',
    json: { template: () => ({ uploadId: 'imp_AAAAAAAAAAAAAAAAAAAAAA' }), poison: ['uploadId'], schema: importFromStorageSchema },
    csv: { header: ROSTER_HEADER, keyColumn: 0 },
    stores: true,
  },
  'GET /staff/members/{nik}': { user: 'verifier', params: () => ({ nik: real.nik }), query: ['lang'] },
  'POST /staff/premiums/payments': {
    user: 'finance',
    json: { template: () => ({ uploadId: 'imp_AAAAAAAAAAAAAAAAAAAAAA' }), poison: ['uploadId'], schema: importFromStorageSchema },
    csv: { header: PAYMENT_HEADER, keyColumn: 0 },
    stores: true,
  },
  'POST /staff/reconciliations': {
    user: 'finance',
    json: { template: () => ({ period: '2026-10' }), poison: ['period'], schema: reconcileRequestSchema },
    form: ['period', 'x'],
    query: ['limit', 'category', 'nextToken', 'lang'],
    stores: true,
  },
  'GET /staff/reconciliations': { user: 'finance', query: ['lang'] },
  'GET /staff/reconciliations/{period}': {
    user: 'finance',
    params: () => ({ period: real.period }),
    query: ['format', 'limit', 'category', 'nextToken', 'lang'],
  },
  'GET /staff/reconciliations/runs/{runId}': { user: 'finance', params: () => ({ runId: 'REC-2026-10-AAAAAAAAAA' }) },
  'GET /staff/imports/{jobId}': { user: 'admin', params: () => ({ jobId: 'IMP-AAAAAAAAAAAAAAAA' }) },
  'GET /staff/reports/summary': { user: 'verifier', query: ['from', 'to', 'lang'] },
  'GET /staff/reports': { user: 'finance', query: ['from', 'to', 'format', 'table', 'lang'] },
  'POST /staff/uploads': {
    user: 'admin',
    json: { template: () => ({ kind: 'roster', size: 100 }), poison: ['kind', 'size'], schema: importUploadRequestSchema },
    stores: true,
  },
  'GET /staff/admin/users': { user: 'admin', query: ['lang'] },
  'POST /staff/admin/users': {
    user: 'admin',
    json: {
      template: () => ({
        username: 'fuzz.account',
        email: 'fuzz@santunan.local',
        roles: ['verifier'],
        provinces: ['31'],
        districts: ['317301'],
      }),
      poison: ['username', 'email', 'roles', 'provinces', 'districts'],
      schema: createStaffSchema,
    },
    form: ['provinces', 'x'],
    stores: true,
  },
  'POST /staff/admin/users/{username}': {
    user: 'admin',
    // A seeded account: a hostile change must never reach it.
    params: () => ({ username: 'finance' }),
    json: { template: () => ({ provinces: ['31'] }), poison: ['roles', 'provinces', 'districts', 'enabled'], schema: updateStaffSchema },
    form: ['districts', 'x'],
    stores: true,
  },
};

/** Whether a JSON text parses into a body its route would accept (such a run is skipped: the input must be bad). */
const acceptable = (text: string, schema?: z.ZodMiniType) => {
  if (!schema) return false;
  try {
    return z.safeParse(schema, JSON.parse(text)).success;
  } catch {
    return false;
  }
};

const fillPath = (path: string, values: Record<string, string>) => path.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? 'x');
const realPath = (path: string, spec: Spec) => fillPath(path, spec.params?.() ?? {});

/** A JSON body the route must refuse: random JSON, broken JSON, or its valid body with one field made hostile. */
const jsonBody = (spec: NonNullable<Spec['json']>): fc.Arbitrary<string> =>
  fc
    .oneof(
      jsonText,
      brokenJsonText,
      fc
        .tuple(fc.constantFrom(...spec.poison), hostileValue, fc.constantFrom(...spec.poison), hostileString)
        .map(([path, value, other, text]) => JSON.stringify(setPath(setPath(spec.template(), path, value), other, text))),
    )
    .filter((text) => !acceptable(text, spec.schema));

/** The route's own request, made invalid (a poisoned body for a POST), with its credentials. */
const baseRequest = (method: string, path: string, spec: Spec, token?: string): fc.Arbitrary<Req> => {
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (method !== 'POST') return fc.constant({ method, path, headers: { accept: 'application/json', ...auth } });
  if (spec.json)
    return jsonBody(spec.json).map((body) => ({
      method,
      path,
      headers: { 'content-type': 'application/json', accept: 'application/json', ...auth },
      body,
    }));
  return fc.constant({ method, path, headers: { 'content-type': 'application/json', ...auth }, body: '[]' });
};

const run = async (key: string, spec: Spec, arbitrary: fc.Arbitrary<Req>, numRuns: number) => {
  const counts = tally.get(key) ?? new Map<number, number>();
  tally.set(key, counts);
  await fc.assert(
    fc.asyncProperty(arbitrary, async (req) => {
      const res = await send(req);
      fc.pre(res !== 'refused-by-client');
      sent += 1;
      counts.set((res as Answer).status, (counts.get((res as Answer).status) ?? 0) + 1);
      check(req, res as Answer, !!spec.stores && !validAsForm(req, spec));
    }),
    { numRuns, seed: SEED, endOnFailure: false },
  );
};

describe.each(ROUTES.map((r) => [routeKey(r), r] as const))('%s', (key, route) => {
  const spec = SPECS[key];
  if (!spec) throw new Error(`${key}: no fuzz spec; add the route to SPECS in test/proof/fuzz.test.ts`);
  const token = async () => (spec.user ? tokenFor(spec.user) : undefined);

  if (route.method === 'POST') {
    it('hostile bodies: JSON, broken JSON, one field hostile, form posts', async () => {
      const path = realPath(route.path, spec);
      const t = await token();
      const auth: Record<string, string> = t ? { authorization: `Bearer ${t}` } : {};
      const kinds: fc.Arbitrary<Req>[] = [baseRequest('POST', path, spec, t)];
      if (spec.form) {
        const [field, prefix] = spec.form;
        kinds.push(
          hostileString.chain((v) =>
            formText([field, `${prefix}${v}`]).map((body) => ({
              method: 'POST',
              path,
              headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...auth },
              body,
            })),
          ),
        );
      }
      await run(key, spec, fc.oneof(...kinds), RUNS.body);
    });
  }

  if (spec.csv) {
    const { header, keyColumn } = spec.csv;
    it('hostile CSV files: BOM, semicolons, quotes, formula cells, 10,000 columns; no line importable', async () => {
      const t = await token();
      const path = realPath(route.path, spec);
      await run(
        key,
        spec,
        fc
          .tuple(csvText(header, keyColumn), fc.constantFrom('text/csv', 'text/csv; charset=utf-8', 'TEXT/CSV', 'text/csv; charset=latin1'))
          .map(([body, type]) => ({
            method: 'POST',
            path,
            headers: { 'content-type': type, accept: 'application/json', authorization: `Bearer ${t}` },
            body,
          })),
        RUNS.csv,
      );
    });
  }

  it('hostile headers: content types, Idempotency-Key, Accept-Language, Host, X-Forwarded-*, Origin, Authorization', async () => {
    const path = realPath(route.path, spec);
    const base = baseRequest(route.method, path, spec, await token());
    await run(
      key,
      spec,
      fc
        .tuple(base, fc.array(fc.tuple(fc.constantFrom(...HEADER_NAMES), headerValue), { minLength: 1, maxLength: 4 }))
        .map(([req, extra]) => ({ ...req, headers: { ...req.headers, ...Object.fromEntries(extra) } })),
      RUNS.headers,
    );
  });

  it('hostile cookies, and the session cookie alone (valid, tampered, broken) in place of the Bearer token', async () => {
    const path = realPath(route.path, spec);
    const t = await token();
    const base = baseRequest(route.method, path, spec, undefined);
    await run(
      key,
      spec,
      fc.tuple(base, cookieHeader(t), fc.constantFrom('same-origin', 'cross-site', undefined)).map(([req, cookie, site]) => ({
        ...req,
        headers: { ...req.headers, cookie, ...(site ? { 'sec-fetch-site': site } : {}) },
      })),
      RUNS.cookies,
    );
  });

  it('hostile paths and query strings: broken percent-encoding, traversal, kilobytes-long ids, junk parameters', async () => {
    const t = await token();
    const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const real = spec.params?.() ?? {};
    const arbitrary = fc
      .tuple(
        fc.tuple(...params.map((p) => fc.oneof(pathSegment, fc.constant(real[p] ?? 'x')))),
        queryString(spec.query ?? []),
        fc.constantFrom('', '/', '//', '/..', '/%2e%2e', '/x'),
      )
      .chain(([values, query, suffix]) => {
        const path = `${fillPath(route.path, Object.fromEntries(params.map((p, i) => [p, values[i]!])))}${params.length ? suffix : ''}${query}`;
        return baseRequest(route.method, path, spec, t);
      });
    await run(key, spec, arbitrary, params.length ? RUNS.paths + RUNS.query : RUNS.query);
  });
});

describe('after every route', () => {
  it(`sent over 10,000 hostile requests, stored nothing, and the twin still serves`, async () => {
    const lines = [...tally].map(
      ([key, counts]) =>
        `${key}: ${[...counts]
          .sort((a, b) => a[0] - b[0])
          .map(([status, n]) => `${status} x${n}`)
          .join(', ')}`,
    );
    console.log(`fuzz: ${sent} hostile requests sent; answers by route:\n${lines.join('\n')}`);
    expect(sent).toBeGreaterThanOrEqual(10_000);
    expect(await itemCounts()).toEqual(before);
    const estimate = await fetch(`${twin.apiUrl}/benefits/estimate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        benefit: 'JKM',
        incident: { type: 'death', date: '2026-10-03' },
        member: { monthlyWage: 1_000_000, membershipStart: '2019-01-01' },
      }),
    });
    expect(estimate.status).toBe(200);
  });
});
