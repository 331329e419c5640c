import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { invocationCounts } from '../../infra/local/gateway';
import { startTwin } from '../../infra/local/twin';
import { requiredDocuments } from '../../shared/claims/domain/rules/documents';
import { uniqueNik, validClaim } from '../support/fixtures';
import { paidMonth } from '../support/members';
import { pdf } from '../support/uploads';
import { median, percentile, pool } from './stats';

/**
 * The claim workflow on the twin: state transitions, Lambda invocations and DynamoDB capacity per happy-path claim
 * (filed with its documents, approved, paid), priced at AWS list prices; and the time from submission to
 * AWAITING_APPROVAL over 100 claims.
 */
const CLAIMS = 100;
const TRANSITION_TARGET = 15;
const COST_TARGET_USD = 0.001;

/**
 * AWS list prices, us-east-1, as published on the AWS pricing pages (aws.amazon.com/<service>/pricing), recorded
 * 2026-11-28. Jakarta (ap-southeast-3) lists somewhat higher: the ratio to the target is what matters here.
 */
export const PRICES = {
  sfnTransition: 0.025 / 1000, // Step Functions Standard, per state transition
  lambdaRequest: 0.2 / 1e6, // Lambda, per request
  lambdaGbSecondArm: 0.0000133334, // Lambda arm64, per GB-second
  dynamoWru: 0.625 / 1e6, // DynamoDB on-demand, per write request unit (prices of 2024-11-01)
  dynamoRru: 0.125 / 1e6, // DynamoDB on-demand, per read request unit
  httpApiRequest: 1.0 / 1e6, // API Gateway HTTP API, per request (first 300 million)
  sesEmail: 0.1 / 1000, // SES, per email
  s3Put: 0.005 / 1000, // S3 Standard PUT/POST, per request
  s3Get: 0.0004 / 1000, // S3 Standard GET/HEAD, per request
} as const;
const MEMORY_GB = 0.5; // every function is 512 MB (infra/constructs/santunan-function.ts)

export const benchWorkflow = async (): Promise<{ markdown: string }> => {
  const dir = mkdtempSync(join(tmpdir(), 'santunan-bench-wf-'));
  const twin = await startTwin({ dataDir: dir, port: 0, inMemory: true, seed: false, retryIntervalMs: 20 });
  const { dynamoClient } = await import('../../shared/platform/dynamodb/client');
  const { MembersRepository } = await import('../../shared/premiums/adapters/members-repository');
  const { ClaimsRepository } = await import('../../shared/claims/adapters/claims-repository');
  const claims = new ClaimsRepository(process.env.CLAIMS_TABLE_NAME!);
  const members = new MembersRepository(process.env.MEMBERS_TABLE_NAME!);
  const { PremiumsRepository } = await import('../../shared/premiums/adapters/premiums-repository');
  const premiums = new PremiumsRepository(process.env.MEMBERS_TABLE_NAME!);

  // Count DynamoDB capacity: every request asks for ReturnConsumedCapacity=TOTAL, as AWS would bill it.
  const capacity = { read: 0, write: 0 };
  let counting = false;
  const READS = /^(GetItem|BatchGetItem|Query|Scan|TransactGetItems)Command$/;
  dynamoClient.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, unknown>;
      if (counting) input.ReturnConsumedCapacity ??= 'TOTAL';
      const result = await next(args);
      if (counting) {
        const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
        // On-demand tables report CapacityUnits; which kind they are follows from the operation.
        const units = ([consumed].flat().filter(Boolean) as { CapacityUnits?: number }[]).reduce((a, c) => a + (c.CapacityUnits ?? 0), 0);
        if (READS.test(String(context.commandName))) capacity.read += units;
        else capacity.write += units;
      }
      return result;
    },
    { step: 'initialize', name: 'benchConsumedCapacity' },
  );

  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${twin.apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, any> };
  };
  const upload = async (type: string) => {
    const u = (await post('/uploads', { type, contentType: 'application/pdf', size: 2048 })).json;
    const form = new FormData();
    for (const [k, v] of Object.entries(u.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(pdf(2048))], { type: 'application/pdf' }));
    await fetch(u.url, { method: 'POST', body: form });
    return u.uploadId as string;
  };
  const newMember = async () => {
    const nik = uniqueNik({ female: true });
    await members.putMany([
      {
        nik,
        name: 'Siti Aminah',
        program: 'TKSK',
        province: nik.slice(0, 2),
        regency: nik.slice(0, 4),
        district: nik.slice(0, 6),
        enrolledOn: '2019-01-01',
        monthlyWage: 1_000_000,
        status: 'active',
        statusHistory: [],
        updatedAt: '2026-01-01T00:00:00+07:00',
      },
    ]);
    await premiums.putCoverage([paidMonth(nik, '2026-10', { receipts: ['R'] })]);
    return nik;
  };
  const types = requiredDocuments({ benefit: 'JKM', incidentType: 'death', relationship: 'spouse' });
  const claimFor = async (nik: string) => validClaim((b) => (b.member = { nik, name: 'Siti Aminah' }));
  const waitFor = async (ref: string, pred: (c: Awaited<ReturnType<typeof claims.get>>) => boolean, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const c = await claims.get(ref);
      if (pred(c)) return c;
      if (Date.now() > deadline) throw new Error(`${ref} stuck at ${c?.status}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const token = (await post('/auth/token', { username: 'approver', password: 'santunan-local' })).json.accessToken as string;
  const verifierToken = (await post('/auth/token', { username: 'verifier', password: 'santunan-local' })).json.accessToken as string;
  const sesCount = async () => ((await (await fetch(`${twin.sesUrl}/store`)).json()) as { emails: unknown[] }).emails.length;
  const executionStates = (name: string) =>
    twin.stepFunctions
      .executionHistory(
        twin.stepFunctions.describeExecution(`${twin.stepFunctions.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`)
          .executionArn,
      )
      .events.filter((e) => e.type === 'StateEntered')
      .map((e) => e.stateEnteredEventDetails?.name);

  try {
    // 1. One happy-path claim, counted from the first upload to the payout.
    const nik = await newMember();
    const body = await claimFor(nik);
    invocationCounts.clear();
    counting = true;
    const startedSes = ((await (await fetch(`${twin.sesUrl}/store`)).json()) as { emails: unknown[] }).emails.length;
    body.documents = [];
    for (const type of types) body.documents.push({ type, uploadId: await upload(type) });
    const created = await post('/claims', body);
    const ref = created.json.reference as string;
    await waitFor(ref, (c) => c?.pendingTask?.kind === 'decision');
    await post(`/staff/claims/${ref}/decision`, { decision: 'approve' }, { authorization: `Bearer ${token}` });
    await waitFor(ref, (c) => c?.status === 'PAID');
    await new Promise((r) => setTimeout(r, 100)); // the execution reaches Done just after the claim is PAID
    counting = false;
    const execution = twin.stepFunctions.describeExecution(
      `${twin.stepFunctions.stateMachineArn.replace(':stateMachine:', ':execution:')}:${ref}`,
    );
    const events = twin.stepFunctions.executionHistory(execution.executionArn).events;
    const transitions = events.filter((e) => e.type === 'StateEntered').length;
    const perFunction = [...invocationCounts].map(([k, v]) => `${k} ${v}`).join(', ');
    const invocations = [...invocationCounts.values()].reduce((a, b) => a + b, 0);
    const apiRequests =
      (invocationCounts.get('createUpload') ?? 0) + (invocationCounts.get('submitClaim') ?? 0) + (invocationCounts.get('staffApi') ?? 0);
    const emails = ((await (await fetch(`${twin.sesUrl}/store`)).json()) as { emails: unknown[] }).emails.length - startedSes;
    const assumedMsPerInvocation = 100;
    const cost = {
      'Step Functions transitions': transitions * PRICES.sfnTransition,
      'Lambda requests': invocations * PRICES.lambdaRequest,
      [`Lambda duration (${invocations} x ${assumedMsPerInvocation} ms x ${MEMORY_GB} GB, arm64)`]:
        invocations * (assumedMsPerInvocation / 1000) * MEMORY_GB * PRICES.lambdaGbSecondArm,
      'DynamoDB writes': capacity.write * PRICES.dynamoWru,
      'DynamoDB reads': capacity.read * PRICES.dynamoRru,
      'HTTP API requests': apiRequests * PRICES.httpApiRequest,
      'SES emails': emails * PRICES.sesEmail,
      [`S3 (${types.length} uploads, ${types.length} HEAD checks)`]: types.length * (PRICES.s3Put + PRICES.s3Get),
    };
    const total = Object.values(cost).reduce((a, b) => a + b, 0);

    // 2. Submission to AWAITING_APPROVAL over 100 claims, documents uploaded beforehand, 4 at a time.
    const prepared = [];
    for (let i = 0; i < CLAIMS; i += 1) {
      const b = await claimFor(await newMember());
      b.documents = [];
      for (const type of types) b.documents.push({ type, uploadId: await upload(type) });
      prepared.push(b);
    }
    const latencies: number[] = [];
    await pool(prepared, 4, async (b) => {
      const t0 = performance.now();
      const r = await post('/claims', b);
      await waitFor(r.json.reference, (c) => c?.status === 'AWAITING_APPROVAL');
      latencies.push(performance.now() - t0);
    });

    // 3. An injury paid once (12 months of STMB), then two STMB tranches, each asked for by a verifier, approved by an
    // approver and paid in its own execution; each tranche counted on its own, from the request to its payment.
    const injuryNik = await newMember();
    await premiums.putCoverage([
      {
        nik: injuryNik,
        period: '2026-03',
        category: 'PAID',
        expected: { jkk: 10_000, jkm: 6_800, total: 16_800 },
        paid: { jkk: 10_000, jkm: 6_800, total: 16_800 },
        receipts: ['R'],
        reconciledAt: '2026-04-01T01:00:00+07:00',
      },
    ]);
    const injury = validClaim((b) => {
      b.benefit = 'JKK';
      b.member = { nik: injuryNik, name: 'Siti Aminah' };
      b.incident = { type: 'injury', date: '2026-03-02', cause: 'work_accident' };
      b.claimant = { ...b.claimant, nik: injuryNik, name: 'Siti Aminah', relationship: 'self' };
      b.payout.accountHolder = 'Siti Aminah';
    });
    injury.documents = [];
    for (const type of requiredDocuments({ benefit: 'JKK', incidentType: 'injury', relationship: 'self', cause: 'work_accident' }))
      injury.documents.push({ type, uploadId: await upload(type) });
    const injuryRef = (await post('/claims', injury)).json.reference as string;
    await waitFor(injuryRef, (c) => c?.pendingTask?.kind === 'decision');
    await post(`/staff/claims/${injuryRef}/assessment`, { stmb: { months: 12 } }, { authorization: `Bearer ${verifierToken}` });
    await post(`/staff/claims/${injuryRef}/decision`, { decision: 'approve' }, { authorization: `Bearer ${token}` });
    await waitFor(injuryRef, (c) => c?.status === 'PAID');
    // The family's "paid" email goes out just after the claim turns PAID: let it land before counting the tranches.
    await new Promise((r) => setTimeout(r, 300));
    const tranches: {
      id: string;
      transitions: number;
      states: string;
      invocations: string;
      capacity: string;
      emails: number;
      total: number;
    }[] = [];
    for (const months of [2, 3]) {
      invocationCounts.clear();
      capacity.read = 0;
      capacity.write = 0;
      const sesBefore = await sesCount();
      counting = true;
      const requested = await post(
        `/staff/claims/${injuryRef}/payments`,
        { kind: 'STMB', assessment: { stmb: { months } } },
        { authorization: `Bearer ${verifierToken}` },
      );
      const id = requested.json.tranche.id as string;
      const trancheOf = (c: Awaited<ReturnType<typeof claims.get>>) => c?.tranches?.find((t) => t.id === id);
      await waitFor(injuryRef, (c) => trancheOf(c)?.pendingTask?.kind === 'decision');
      await post(`/staff/claims/${injuryRef}/decision`, { decision: 'approve', tranche: id }, { authorization: `Bearer ${token}` });
      await waitFor(injuryRef, (c) => trancheOf(c)?.status === 'PAID');
      await new Promise((r) => setTimeout(r, 100));
      counting = false;
      const states = executionStates(`${injuryRef}-${id}`);
      const calls = [...invocationCounts.values()].reduce((a, b) => a + b, 0);
      const mails = (await sesCount()) - sesBefore;
      const trancheCost =
        states.length * PRICES.sfnTransition +
        calls * PRICES.lambdaRequest +
        calls * (assumedMsPerInvocation / 1000) * MEMORY_GB * PRICES.lambdaGbSecondArm +
        capacity.write * PRICES.dynamoWru +
        capacity.read * PRICES.dynamoRru +
        (invocationCounts.get('staffApi') ?? 0) * PRICES.httpApiRequest +
        mails * PRICES.sesEmail;
      tranches.push({
        id,
        transitions: states.length,
        states: states.join(' > '),
        invocations: `${calls}: ${[...invocationCounts].map(([k, v]) => `${k} ${v}`).join(', ')}`,
        capacity: `${capacity.write.toFixed(1)} WU, ${capacity.read.toFixed(1)} RU`,
        emails: mails,
        total: trancheCost,
      });
    }

    const fmt = (usd: number) => `$${usd.toFixed(6)}`;
    const markdown = [
      '## Claim workflow on the twin',
      '',
      'Method: the synthesized ASL run by the twin (`aws-local-stepfunctions`) against DynamoDB Local, in this process. One JKM claim filed with its 7 documents, approved by one approver through the decision API, and paid by the sandbox bank. ' +
        'Transitions are the `StateEntered` events of its execution; invocations are counted per function by the twin; DynamoDB capacity is what DynamoDB Local reports with `ReturnConsumedCapacity: TOTAL` on every request of the claim (a client middleware added by the benchmark only). ' +
        `Costs use AWS list prices (us-east-1, recorded 2026-11-28, test/bench/workflow.ts); Lambda duration is an assumption (${assumedMsPerInvocation} ms per invocation at 512 MB), not a measurement.`,
      '',
      `| measure (one happy-path claim) | value | target |`,
      '|---|---|---|',
      `| state transitions | ${transitions} (${events
        .filter((e) => e.type === 'StateEntered')
        .map((e) => e.stateEnteredEventDetails?.name)
        .join(' > ')}) | at most ${TRANSITION_TARGET}: ${transitions <= TRANSITION_TARGET ? 'meets target' : '**misses target**'} |`,
      `| Lambda invocations | ${invocations}: ${perFunction} | |`,
      `| DynamoDB capacity | ${capacity.write.toFixed(1)} write units, ${capacity.read.toFixed(1)} read units (transactions count double) | |`,
      `| emails sent | ${emails} | |`,
      `| cost at list prices | **${fmt(total)}** per claim | at most $${COST_TARGET_USD}: ${total <= COST_TARGET_USD ? 'meets target' : '**misses target**'} |`,
      '',
      'Cost breakdown: ' +
        Object.entries(cost)
          .map(([k, v]) => `${k} ${fmt(v)}`)
          .join('; ') +
        '.',
      '',
      `Submission to \`AWAITING_APPROVAL\` (from the \`POST /claims\` request until the claim item shows the status; ${CLAIMS} claims, 4 in flight): median **${median(latencies).toFixed(0)} ms**, p95 **${percentile(latencies, 95).toFixed(0)} ms** (target: median under 2 s: ${median(latencies) < 2000 ? 'meets target' : '**misses target**'}).`,
      '',
      '### Further payments (tranches)',
      '',
      'One JKK injury paid once (12 months of STMB, assessed by a verifier, approved by an approver), then two STMB tranches (2 and 3 more months), each asked for by a verifier (`POST /staff/claims/{reference}/payments`), approved through the decision API and paid in its own execution `<reference>-T<n>` of the same state machine. ' +
        'Each tranche is counted from its request to its payment, the same way as the claim above (its own DynamoDB capacity, invocations, emails: the family and the approvers; same prices and Lambda duration assumption).',
      '',
      '| tranche | state transitions | Lambda invocations | DynamoDB capacity | emails | cost at list prices |',
      '|---|---|---|---|---|---|',
      ...tranches.map(
        (t) =>
          `| ${t.id} | ${t.transitions} (${t.states}): ${t.transitions <= TRANSITION_TARGET ? 'meets' : '**misses**'} the target of at most ${TRANSITION_TARGET} | ${t.invocations} | ${t.capacity} | ${t.emails} | **${fmt(t.total)}**: ${t.total <= COST_TARGET_USD ? 'meets' : '**misses**'} the target of at most $${COST_TARGET_USD} |`,
      ),
      '',
    ].join('\n');
    return { markdown };
  } finally {
    await twin.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};
