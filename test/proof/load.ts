import { randomBytes } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import autocannon, { type Result } from 'autocannon';
import { requiredDocuments } from '../../shared/claims/domain/rules/documents';
import { batchWrite } from '../../shared/platform/dynamodb/batch';
import { claimKeys } from '../../shared/platform/dynamodb/keys';
import { MembersRepository } from '../../shared/premiums/adapters/members-repository';
import { uniqueNik, validClaim } from '../support/fixtures';
import { aMember, paidMonth } from '../support/members';
import { pdf } from '../support/uploads';
import { tokenFor } from '../support/workflow';
import { allExecutions, bankTransfers, countInStatus, eventually, storedClaimKeys } from './store';

/**
 * The load of issue 10: `claims` JKM claims filed with POST /claims at `connections` concurrent connections
 * (autocannon) against a running twin, each for its own roster member with paid premiums and complete documents, so
 * that every one goes through verification to a decision; then every one approved through the decision API at the
 * same concurrency, and paid by the sandbox bank. It measures intake and the workflow, not uploads: the documents'
 * upload records are written to DynamoDB beforehand (each claim its own seven records; the seven stored objects are
 * shared), as are the members and their coverage. Used by test/proof/load.test.ts (which asserts on the report) and
 * runnable alone: `npx tsx test/proof/run-load.ts [claims] [connections]`.
 */
export interface LoadOptions {
  apiUrl: string;
  claims: number;
  connections: number;
  /** Waits for the workflow (to the decision, to the payout) fail after this long. */
  waitMs?: number;
  log?: (line: string) => void;
}

export interface Phase {
  name: string;
  ms: number;
}

export interface LoadReport {
  options: { claims: number; connections: number };
  phases: Phase[];
  intake: Summary;
  approvals: Summary;
  /** References answered with 201. */
  references: string[];
  /** Requests autocannon built (and so sent): one per claim and one per approval. */
  built: { intake: number; approvals: number };
  /** Every status code the claims and the approvals got, with counts. */
  statuses: { intake: Record<string, number>; approvals: Record<string, number> };
  stored: { claims: number; perReference: Map<string, number>; perMember: Map<string, number> };
  executions: { total: number; perName: Map<string, number> };
  transfers: { total: number; perReference: Map<string, number>; amounts: Set<number> };
  paid: number;
}

export interface Summary {
  requests: number;
  seconds: number;
  throughput: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  status5xx: number;
}

const summary = (result: Result, ms: number): Summary => ({
  requests: result.latency.totalCount,
  seconds: ms / 1000,
  throughput: result.latency.totalCount / (ms / 1000),
  p50: result.latency.p50,
  p99: result.latency.p99,
  max: result.latency.max,
  errors: result.errors,
  timeouts: result.timeouts,
  status5xx: result['5xx'],
});

const JKM_SPOUSE_DOCUMENTS = requiredDocuments({ benefit: 'JKM', incidentType: 'death', relationship: 'spouse' });

/** Members with paid premiums for the incident month, upload records for each claim's documents, and the bodies. */
export const prepareClaims = async (count: number): Promise<string[]> => {
  const claimsTable = process.env.CLAIMS_TABLE_NAME!;
  const membersTable = process.env.MEMBERS_TABLE_NAME!;
  const niks = new Set<string>();
  while (niks.size < count * 2) niks.add(uniqueNik({ female: niks.size % 2 === 0 }));
  const all = [...niks];
  const memberNiks = all.slice(0, count);
  const claimantNiks = all.slice(count);
  await new MembersRepository(membersTable).putMany(
    memberNiks.map((nik) => aMember({ nik })),
    16,
  );
  await batchWrite(
    membersTable,
    memberNiks.map((nik) => ({
      PutRequest: {
        Item: {
          pk: `MEMBER#${nik}`,
          sk: 'COVERAGE#2026-10',
          entity: 'COVERAGE',
          ...paidMonth(nik, '2026-10'),
        },
      },
    })),
    16,
  );
  // One stored object per document type, shared by the claims' upload records. A client of its own: the S3
  // emulator's port changes when a test starts the twin again, and a client keeps the endpoint it first resolved.
  const keyOf = (type: string) => `uploads/proof-load/${type}`;
  const s3 = new S3Client({ forcePathStyle: true });
  for (const type of JKM_SPOUSE_DOCUMENTS)
    await s3.send(
      new PutObjectCommand({
        Bucket: process.env.DOCUMENTS_BUCKET_NAME!,
        Key: keyOf(type),
        Body: pdf(2048),
        ContentType: 'application/pdf',
      }),
    );
  s3.destroy();
  const now = new Date();
  const uploads: Record<string, unknown>[] = [];
  const bodies = memberNiks.map((nik, i) =>
    validClaim((b) => {
      b.member = { nik, name: 'Siti Aminah' };
      b.claimant.nik = claimantNiks[i]!;
      b.claimant.email = `family-${i}@example.org`;
      b.documents = JKM_SPOUSE_DOCUMENTS.map((type) => {
        const uploadId = `up_${randomBytes(16).toString('base64url')}`;
        uploads.push({
          ...claimKeys.upload(uploadId),
          entity: 'UPLOAD',
          uploadId,
          type,
          contentType: 'application/pdf',
          declaredSize: 2048,
          key: keyOf(type),
          createdAt: now.toISOString(),
          expiresAt: Math.floor(now.getTime() / 1000) + 86_400,
        });
        return { type, uploadId };
      });
    }),
  );
  await batchWrite(
    claimsTable,
    uploads.map((Item) => ({ PutRequest: { Item } })),
    16,
  );
  return bodies.map((b) => JSON.stringify(b));
};

/** One autocannon run of `count` requests, each built by `build(i)`; statuses and bodies are handed to `seen`. */
const fire = async (
  apiUrl: string,
  connections: number,
  count: number,
  build: (i: number) => { path: string; body: string; headers: Record<string, string> },
  seen: (status: number, body: string) => void,
) => {
  let next = 0;
  const started = Date.now();
  const result = await autocannon({
    url: apiUrl,
    connections,
    amount: count,
    // No request may time out: a timed-out claim might be stored without its answer being seen.
    timeout: 300,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          // autocannon builds exactly one request per request it sends (`built` is checked against `count`); a
          // request beyond `count` (after a reconnect) would resend the last one, which the checks would catch.
          const i = Math.min(next, count - 1);
          next += 1;
          return { ...request, ...build(i) };
        },
        onResponse: (status, body) => seen(status, body),
      },
    ],
  });
  return { result, ms: Date.now() - started, built: next };
};

const countBy = (values: readonly string[]) => values.reduce((acc, v) => acc.set(v, (acc.get(v) ?? 0) + 1), new Map<string, number>());

export const runLoad = async (options: LoadOptions): Promise<LoadReport> => {
  const log = options.log ?? (() => undefined);
  const waitMs = options.waitMs ?? 15 * 60_000;
  const phases: Phase[] = [];
  const timed = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const started = Date.now();
    const value = await run();
    phases.push({ name, ms: Date.now() - started });
    log(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return value;
  };

  const bodies = await timed('prepare members, coverage and upload records', () => prepareClaims(options.claims));
  const run = randomBytes(4).toString('hex');

  const intakeStatuses: string[] = [];
  const references: string[] = [];
  const intake = await timed('intake', () =>
    fire(
      options.apiUrl,
      options.connections,
      options.claims,
      (i) => ({
        path: '/claims',
        body: bodies[i]!,
        headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': `load-${run}-${i}` },
      }),
      (status, body) => {
        intakeStatuses.push(String(status));
        if (status === 201) references.push((JSON.parse(body) as { reference: string }).reference);
      },
    ),
  );

  await timed('workflow to AWAITING_APPROVAL (after intake)', () =>
    eventually(
      `${references.length} claims awaiting a decision`,
      async () => {
        const waiting = await countInStatus('AWAITING_APPROVAL', true);
        return waiting >= references.length ? waiting : undefined;
      },
      waitMs,
      async () => `${await countInStatus('AWAITING_APPROVAL')} awaiting approval`,
      2000,
    ),
  );

  const token = await tokenFor('approver');
  const approvalStatuses: string[] = [];
  const approvals = await timed('approvals', () =>
    fire(
      options.apiUrl,
      options.connections,
      references.length,
      (i) => ({
        path: `/staff/claims/${references[i]}/decision`,
        body: '{"decision":"approve"}',
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
      }),
      (status) => approvalStatuses.push(String(status)),
    ),
  );

  const paid = await timed('workflow to PAID (after approvals)', () =>
    eventually(
      `${references.length} claims paid`,
      async () => {
        const n = await countInStatus('PAID');
        return n >= references.length ? n : undefined;
      },
      waitMs,
      async () => `${await countInStatus('PAID')} paid, ${await countInStatus('PAYOUT_FAILED')} payout failed`,
      2000,
    ),
  );

  const claims = await storedClaimKeys();
  const executions = await allExecutions();
  const transfers = await bankTransfers();
  return {
    options: { claims: options.claims, connections: options.connections },
    phases,
    intake: summary(intake.result, intake.ms),
    approvals: summary(approvals.result, approvals.ms),
    references,
    built: { intake: intake.built, approvals: approvals.built },
    statuses: {
      intake: Object.fromEntries(countBy(intakeStatuses)),
      approvals: Object.fromEntries(countBy(approvalStatuses)),
    },
    stored: {
      claims: claims.length,
      perReference: countBy(claims.map((c) => c.reference)),
      perMember: countBy(claims.map((c) => c.member.nik)),
    },
    executions: { total: executions.length, perName: countBy(executions.map((e) => e.name)) },
    transfers: {
      total: transfers.length,
      perReference: countBy(transfers.map((t) => t.reference)),
      amounts: new Set(transfers.map((t) => t.amount)),
    },
    paid,
  };
};

/** The report as the lines docs/benchmarks.md (through test/bench/findings.md) and the test log carry. */
export const describeLoad = (r: LoadReport): string => {
  const s = (x: Summary) =>
    `${x.requests} requests in ${x.seconds.toFixed(1)} s = ${x.throughput.toFixed(0)}/s; latency p50 ${x.p50} ms, p99 ${x.p99} ms, max ${x.max} ms`;
  return [
    `claims ${r.options.claims} at ${r.options.connections} connections`,
    `intake (POST /claims): ${s(r.intake)}; statuses ${JSON.stringify(r.statuses.intake)}`,
    `approvals (POST /staff/claims/{reference}/decision): ${s(r.approvals)}; statuses ${JSON.stringify(r.statuses.approvals)}`,
    `stored claims ${r.stored.claims}, executions ${r.executions.total}, bank transfers ${r.transfers.total}, paid ${r.paid}`,
    `phases: ${r.phases.map((p) => `${p.name} ${(p.ms / 1000).toFixed(1)} s`).join('; ')}`,
  ].join('\n');
};
