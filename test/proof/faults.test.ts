import { randomBytes } from 'node:crypto';
import { tokenFor } from '../support/workflow';
import { prepareClaims } from './load';
import { bankTransfers, duplicates, eventually, scanAll, statusCounts, storedClaims } from './store';
import { type ProofTwin, proofTwin } from './twin';

/**
 * Issue 10, faults, on one twin whose DynamoDB Local keeps its tables on disk (so it, and the whole twin, can be
 * stopped and started again on the same data), with the workflow's retry pause at 4 s (the state machine retries a
 * transient fault 4 times: 16 s, which a DynamoDB Local restart of 3-8 s fits in; AWS waits about as long, with
 * jitter) and a bank that answers within 2 s or times out (held 5 s when told to):
 * - DynamoDB Local stopped under a stream of claims and started again: intake answers 503 with Retry-After, never a
 *   500; nothing is half-written; every acknowledged claim (and every refused one, sent again with its key) completes.
 * - the twin killed (SIGKILL) with claims mid-workflow, started again on the same data: every claim resumes.
 * - the bank failing and timing out at random while claims are paid: no claim is paid twice, and each one is PAID or
 *   PAYOUT_FAILED with a retry task for finance, which then pays it once.
 * Claims are prepared as in the load (test/proof/load.ts): a member each, documents as upload records.
 */
jest.setTimeout(20 * 60_000);

let twin: ProofTwin;
beforeAll(async () => {
  twin = await proofTwin({ name: 'proof-faults', onDisk: true, retryMs: 4000, bankTimeoutMs: 2000, bankHoldMs: 5000 });
  await twin.start();
});
afterAll(async () => {
  await twin?.stop();
});

interface Filed {
  i: number;
  status: number;
  retryAfter: string | null;
  body: any;
}

/** POSTs each body with its own Idempotency-Key, `concurrency` at a time; `each` runs after every answer. */
const file = async (bodies: string[], keys: string[], concurrency: number, each: (done: Filed[]) => Promise<void> | void = () => {}) => {
  const done: Filed[] = [];
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const i = next;
      next += 1;
      let filed: Filed;
      try {
        const res = await fetch(`${twin.apiUrl}/claims`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': keys[i]! },
          body: bodies[i],
        });
        const text = await res.text();
        filed = { i, status: res.status, retryAfter: res.headers.get('retry-after'), body: text ? JSON.parse(text) : undefined };
      } catch (error) {
        filed = { i, status: 0, retryAfter: null, body: String(error) };
      }
      done.push(filed);
      await each(done);
      // A client backs off when refused (Retry-After says 5 s; a second keeps the stream going through the outage).
      if (filed.status === 503 || filed.status === 0) await new Promise((r) => setTimeout(r, 1000));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done.sort((a, b) => a.i - b.i);
};

const staffPost = async (user: string, path: string, body: unknown) => {
  const res = await fetch(`${twin.apiUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await tokenFor(user)}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json().catch(() => undefined)) as any };
};

/** Runs `fn` over the items, `concurrency` at a time. */
const eachLimited = async <T, R>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> => {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next;
        next += 1;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
};

const byReference = async (references: readonly string[]) => {
  const wanted = new Set(references);
  return (await storedClaims()).filter((c) => wanted.has(c.reference));
};

/** Waits until every one of the claims satisfies `ok`; fails with the statuses seen. */
const waitUntilAll = (what: string, references: readonly string[], ok: (c: any) => boolean, timeoutMs = 180_000) =>
  eventually(
    what,
    async () => {
      const claims = await byReference(references);
      return claims.length === references.length && claims.every(ok) ? claims : undefined;
    },
    timeoutMs,
    async () => {
      const claims = await byReference(references);
      return `${claims.length} of ${references.length} stored; statuses ${JSON.stringify(statusCounts(claims))}; pending tasks ${JSON.stringify(
        statusCounts(claims.map((c) => ({ status: `${c.status}:${c.pendingTask?.kind ?? '-'}` }))),
      )}`;
    },
    1000,
  );

const awaitingDecision = (c: any) => c.status === 'AWAITING_APPROVAL' && c.pendingTask?.kind === 'decision';

/** Approves each claim (one approver suffices: Rp42,000,000 is under the second-approval threshold). */
const approveAll = async (references: readonly string[]) => {
  const answers = await eachLimited(references, 10, (ref) =>
    staffPost('approver', `/staff/claims/${ref}/decision`, { decision: 'approve' }),
  );
  expect(statusCounts(answers.map((a) => ({ status: String(a.status) })))).toEqual({ '200': references.length });
};

/** Every claim paid by exactly one transfer of its amount; no other transfer for them. */
const expectPaidOnce = async (references: readonly string[]) => {
  const claims = await waitUntilAll(`${references.length} claims paid`, references, (c) => c.status === 'PAID');
  const transfers = (await bankTransfers()).filter((t) => references.includes(t.reference));
  expect(duplicates(transfers.map((t) => t.reference))).toEqual([]);
  expect(transfers).toHaveLength(references.length);
  expect(new Set(transfers.map((t) => t.amount))).toEqual(new Set([42_000_000]));
  return claims;
};

/**
 * Nothing half-written: every claim has its CLAIM_SUBMITTED audit event and its claimant's open-claim lock, every lock
 * and idempotency record names a stored claim.
 */
const expectWholeClaims = async () => {
  const items = await scanAll('claims');
  const claims = new Set(items.filter((i) => i.entity === 'CLAIM').map((i) => i.reference as string));
  const submitted = new Set(items.filter((i) => i.entity === 'AUDIT' && i.type === 'CLAIM_SUBMITTED').map((i) => i.reference as string));
  const locks = items.filter((i) => i.entity === 'OPEN_CLAIM_LOCK').map((i) => i.reference as string);
  const keys = items.filter((i) => i.entity === 'IDEMPOTENCY').map((i) => i.reference as string);
  expect([...claims].filter((r) => !submitted.has(r))).toEqual([]);
  expect([...submitted].filter((r) => !claims.has(r))).toEqual([]);
  expect(locks.filter((r) => !claims.has(r))).toEqual([]);
  expect(keys.filter((r) => !claims.has(r))).toEqual([]);
  return claims;
};

describe('faults', () => {
  it('DynamoDB Local stopped under a stream of claims: 503 with Retry-After, nothing half-written, every claim completes', async () => {
    const count = 200;
    const bodies = await prepareClaims(count);
    const run = randomBytes(4).toString('hex');
    const keys = bodies.map((_, i) => `fault-ddb-${run}-${i}`);
    let outage: Promise<number> | undefined;
    const filed = await file(bodies, keys, 10, async (done) => {
      // After 60 answers, DynamoDB Local goes away; it comes back once at least 10 requests were refused.
      if (done.length === 60 && !outage)
        outage = (async () => {
          const started = Date.now();
          await twin.stopDynamoDb();
          const refusals = async () => (done.slice(60).filter((d) => d.status !== 201).length >= 10 ? true : undefined);
          await eventually('10 refusals', refusals, 60_000, async () => '', 50);
          await twin.startDynamoDb();
          return Date.now() - started;
        })();
    });
    const outageMs = await outage;

    const statuses = statusCounts(filed.map((f) => ({ status: String(f.status) })));
    console.log(`DynamoDB outage of ${((outageMs ?? 0) / 1000).toFixed(1)} s under ${count} claims: answers ${JSON.stringify(statuses)}`);
    expect(Object.keys(statuses).sort()).toEqual(['201', '503']);
    const refused = filed.filter((f) => f.status === 503);
    for (const r of refused) {
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
      expect(r.body).toEqual({ error: 'SERVICE_UNAVAILABLE', message: expect.any(String) });
    }
    // What was refused was not stored; nothing is half-written.
    const acknowledged = filed.filter((f) => f.status === 201).map((f) => f.body.reference as string);
    const stored = await expectWholeClaims();
    expect(duplicates(acknowledged)).toEqual([]);
    expect(acknowledged.filter((r) => !stored.has(r))).toEqual([]);
    expect([...stored].filter((r) => !acknowledged.includes(r))).toEqual([]);

    // The refused ones, sent again with their keys once DynamoDB is back, as Retry-After says.
    const again = await file(
      refused.map((r) => bodies[r.i]!),
      refused.map((r) => keys[r.i]!),
      10,
    );
    expect(statusCounts(again.map((f) => ({ status: String(f.status) })))).toEqual({ '201': refused.length });
    const references = [...acknowledged, ...again.map((f) => f.body.reference as string)];
    expect(references).toHaveLength(count);
    expect(duplicates(references)).toEqual([]);

    // Every claim completes: to a decision (those in flight during the outage were retried by the workflow), then paid.
    await waitUntilAll(`${count} claims awaiting a decision`, references, awaitingDecision);
    await expectWholeClaims();
    await approveAll(references);
    await expectPaidOnce(references);
  });

  it('the twin killed with claims mid-workflow and started again on the same data: every claim resumes', async () => {
    const bodies = await prepareClaims(60);
    const run = randomBytes(4).toString('hex');
    const keys = bodies.map((_, i) => `fault-kill-${run}-${i}`);
    // 30 claims waiting for a decision, 20 of them approved while the bank times out (the transfer booked, the answer
    // held), and 30 more being filed, when the plug is pulled.
    const first = await file(bodies.slice(0, 30), keys.slice(0, 30), 10);
    const waiting = first.map((f) => f.body.reference as string);
    await waitUntilAll('30 claims awaiting a decision', waiting, awaitingDecision);
    await fetch(`${twin.sandboxUrl}/_sandbox/failures`, { method: 'POST', body: JSON.stringify({ mode: 'timeout', count: 20 }) });
    const approved = waiting.slice(0, 20);
    await approveAll(approved);
    const later = file(bodies.slice(30), keys.slice(30), 10);
    await new Promise((r) => setTimeout(r, 1500));
    await twin.kill();
    const second = await later; // answered or cut off by the kill
    await twin.start();
    console.log(
      `twin killed: filing answers before the kill ${JSON.stringify(statusCounts(second.map((f) => ({ status: String(f.status) }))))}, ${twin.ready.resumed} workflows resumed at the restart`,
    );
    expect(twin.ready.resumed).toBeGreaterThan(0);

    // Every stored claim resumes: the approved ones are paid, once; the others wait for a decision again. Those cut
    // off without an answer are sent again with their keys: each lands on its claim, or is filed now.
    const cut = second.filter((f) => f.status !== 201).map((f) => f.i + 30);
    const resent = await file(
      cut.map((i) => bodies[i]!),
      cut.map((i) => keys[i]!),
      10,
    );
    expect(resent.every((f) => f.status === 201)).toBe(true);
    const filedLater = [...second.filter((f) => f.status === 201), ...resent].map((f) => f.body.reference as string);
    expect(filedLater).toHaveLength(30);
    await expectPaidOnce(approved);
    const rest = [...waiting.slice(20), ...filedLater];
    await waitUntilAll(`${rest.length} claims awaiting a decision again`, rest, awaitingDecision);
    await expectWholeClaims();
    await approveAll(rest);
    await expectPaidOnce([...approved, ...rest]);
  });

  it('the bank failing and timing out at random: no claim paid twice, each PAID or waiting for finance, who pay it once', async () => {
    const count = 60;
    const bodies = await prepareClaims(count);
    const run = randomBytes(4).toString('hex');
    const filed = await file(
      bodies,
      bodies.map((_, i) => `fault-bank-${run}-${i}`),
      10,
    );
    const references = filed.map((f) => f.body.reference as string);
    await waitUntilAll(`${count} claims awaiting a decision`, references, awaitingDecision);

    // While the claims are approved and paid, failures are queued at random: 5xx, timeouts (after the transfer is
    // booked) and now and then a refusal, in bursts, so that some payouts fail outright and others on a retry.
    let chaos = true;
    const modes = ['5xx', '5xx', 'timeout', 'timeout', 'reject'] as const;
    const queued: string[] = [];
    const feeder = (async () => {
      while (chaos) {
        const burst = Math.floor(Math.random() * 4);
        for (let i = 0; i < burst; i += 1) {
          const mode = modes[Math.floor(Math.random() * modes.length)]!;
          queued.push(mode);
          await fetch(`${twin.sandboxUrl}/_sandbox/failures`, { method: 'POST', body: JSON.stringify({ mode, count: 1 }) });
        }
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
      }
    })();
    await approveAll(references);
    const settled = (c: any) => c.status === 'PAID' || (c.status === 'PAYOUT_FAILED' && c.pendingTask?.kind === 'payout');
    await new Promise((r) => setTimeout(r, 5000));
    chaos = false;
    await feeder;
    await fetch(`${twin.sandboxUrl}/_sandbox/failures`, { method: 'DELETE' });
    const claims = await waitUntilAll(`${count} claims paid or waiting for finance`, references, settled, 300_000);
    const counts = statusCounts(claims);
    console.log(
      `bank chaos: ${queued.length} failures queued (${JSON.stringify(statusCounts(queued.map((status) => ({ status }))))}); claims ${JSON.stringify(counts)}`,
    );
    expect(queued.length).toBeGreaterThan(0);

    // Never paid twice; a claim that failed may have been paid once (a timeout after the money moved).
    const transfers = (await bankTransfers()).filter((t) => references.includes(t.reference));
    expect(duplicates(transfers.map((t) => t.reference))).toEqual([]);
    for (const c of claims.filter((x) => x.status === 'PAID')) expect(transfers.some((t) => t.reference === c.reference)).toBe(true);

    // Finance retries every failed payout: each is paid, exactly once.
    const failed = claims.filter((c) => c.status === 'PAYOUT_FAILED').map((c) => c.reference);
    const retries = await eachLimited(failed, 10, (ref) => staffPost('finance', `/staff/claims/${ref}/payout-retry`, {}));
    expect(retries.every((r) => r.status === 200)).toBe(true);
    await expectPaidOnce(references);
  });
});
