import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTwin } from '../../infra/local/twin';
import { uniqueNik, validClaim } from '../support/fixtures';
import { pool, ratio, verdict } from './stats';

/**
 * (c) Claims per second through the twin's intake (HTTP -> gateway -> payload 2.0 event -> middy -> validation ->
 * DynamoDB transaction) against the same DynamoDB writes issued directly (the ClaimsRepository transaction: claim,
 * open-claim lock, audit event) at the same concurrency, on the same DynamoDB Local, in the same process.
 * For context it also measures the HTTP floor: a bare node:http server in the same process whose handler does
 * nothing but the same transaction and the StartExecution call, posted to by the same load generator. No intake
 * can beat it on this machine, so it shows how much of the gap is product code and how much the HTTP hops.
 */
const TARGET = 0.9;
const CONCURRENCIES = [10, 50];
const CLAIMS_PER_RUN = 600;
const ROUNDS = 3;

export const benchIntake = async (): Promise<{
  markdown: string;
  results: { concurrency: number; intake: number; direct: number; floor: number }[];
}> => {
  const dir = mkdtempSync(join(tmpdir(), 'santunan-bench-'));
  // The workflow is not run here (StartExecution is answered and recorded): in AWS it runs on other machines, and
  // it has its own section below. Intake still makes the StartExecution call.
  const twin = await startTwin({ dataDir: dir, port: 0, inMemory: true, seed: false, runWorkflows: false });
  // Imported after the twin has set the environment, as a function would be.
  const { ClaimsRepository } = await import('../../shared/claims/adapters/claims-repository');
  const { buildClaim } = await import('../../shared/claims/application/intake/submit-claim');
  const { validate } = await import('../../shared/kernel/validate');
  const { claimSubmissionSchema } = await import('../../shared/claims/schemas/claim');
  const { newReference } = await import('../../shared/claims/domain/reference');
  const { claimWorkflow } = await import('../../shared/composition/claims');
  const repo = new ClaimsRepository(process.env.CLAIMS_TABLE_NAME!);
  const workflow = claimWorkflow();
  // Thousands of claims a run draw a reference twice now and then (a birthday collision among 28^6 references): the
  // baselines draw another, as intake does.
  const create = async (claim: Parameters<typeof repo.create>[0]) => {
    let result = await repo.create(claim, { type: 'CLAIM_SUBMITTED', at: claim.submittedAt, actor: { kind: 'family' } });
    while (result.kind === 'referenceTaken') {
      claim.reference = newReference(2026);
      result = await repo.create(claim, { type: 'CLAIM_SUBMITTED', at: claim.submittedAt, actor: { kind: 'family' } });
    }
    if (result.kind !== 'created') throw new Error(result.kind);
  };
  const prebuilt = () => JSON.stringify(buildClaim(validate(claimSubmissionSchema, validClaim()), [], newReference(2026), new Date()));

  // The HTTP floor: no gateway, no middy, no validation, the claim built beforehand; only the request, the same
  // transaction and the same StartExecution.
  const floor = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      try {
        const claim = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        await create(claim);
        await workflow.start(claim.reference, 'http://bench');
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ reference: claim.reference }));
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    });
  });
  await new Promise<void>((r) => floor.listen(0, '127.0.0.1', r));
  const floorUrl = `http://127.0.0.1:${(floor.address() as AddressInfo).port}/`;

  const viaIntake = async (concurrency: number): Promise<number> => {
    const bodies = Array.from({ length: CLAIMS_PER_RUN }, () => JSON.stringify(validClaim()));
    const started = performance.now();
    await pool(bodies, concurrency, async (body) => {
      const res = await fetch(`${twin.apiUrl}/claims`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`intake answered ${res.status}`);
    });
    return CLAIMS_PER_RUN / ((performance.now() - started) / 1000);
  };

  const viaFloor = async (concurrency: number): Promise<number> => {
    const bodies = Array.from({ length: CLAIMS_PER_RUN }, prebuilt);
    const started = performance.now();
    await pool(bodies, concurrency, async (body) => {
      const res = await fetch(floorUrl, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`floor answered ${res.status}`);
    });
    return CLAIMS_PER_RUN / ((performance.now() - started) / 1000);
  };

  const direct = async (concurrency: number): Promise<number> => {
    const claims = Array.from({ length: CLAIMS_PER_RUN }, () =>
      buildClaim(validate(claimSubmissionSchema, validClaim()), [], newReference(2026), new Date()),
    );
    const started = performance.now();
    await pool(claims, concurrency, async (claim) => {
      await create(claim);
    });
    return CLAIMS_PER_RUN / ((performance.now() - started) / 1000);
  };

  try {
    // Warm up the JVM, the handlers and the connection pools before measuring.
    await direct(10);
    await viaIntake(10);
    await viaFloor(10);
    const results: { concurrency: number; intake: number; direct: number; floor: number; ratios: number[] }[] = [];
    for (const c of CONCURRENCIES) {
      const intakeRates: number[] = [];
      const directRates: number[] = [];
      const floorRates: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        directRates.push(await direct(c));
        intakeRates.push(await viaIntake(c));
        floorRates.push(await viaFloor(c));
      }
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      results.push({
        concurrency: c,
        intake: med(intakeRates),
        direct: med(directRates),
        floor: med(floorRates),
        ratios: intakeRates.map((r, i) => r / directRates[i]!),
      });
    }
    void uniqueNik;
    const markdown = [
      '## Intake throughput on the twin',
      '',
      `Method: ${CLAIMS_PER_RUN} distinct valid claims per run posted as JSON to \`POST /claims\` on the twin's gateway (in-memory DynamoDB Local, handlers in process; each claim's StartExecution call is answered by the twin's Step Functions endpoint, which records the execution without running it, as the workflow runs elsewhere in AWS and is measured in its own section), ` +
        `against the same ${CLAIMS_PER_RUN} DynamoDB transactions (claim + open-claim lock + audit event) issued directly with the repository at the same concurrency. ` +
        `${ROUNDS} alternating rounds per concurrency after a warm-up; the median round of each is reported (and the ratio of each round). Load generator, gateway and handlers share one Node process, as the twin does, and that process shares the machine's cores with DynamoDB Local. ` +
        'The **HTTP floor** is a bare `node:http` server in the same process whose handler only runs the same transaction and the same StartExecution for a claim built beforehand (no gateway, middy, validation or logging), posted to by the same load generator in the same rounds: what any intake behind one HTTP hop can reach here.',
      '',
      `Target: intake at least ${TARGET}x the direct writes.`,
      '',
      '| concurrency | intake (claims/s) | direct writes (claims/s) | ratio (each round) | HTTP floor (claims/s, ratio to direct) |',
      '|---|---|---|---|---|',
      ...results.map(
        (r) =>
          `| ${r.concurrency} | ${r.intake.toFixed(0)} | ${r.direct.toFixed(0)} | **${ratio(r.intake, r.direct)}** (${verdict(r.intake / r.direct >= TARGET)}; ${r.ratios.map((x) => x.toFixed(2)).join(', ')}) | ${r.floor.toFixed(0)}, ${ratio(r.floor, r.direct)} |`,
      ),
    ].join('\n');
    return { markdown, results };
  } finally {
    floor.closeAllConnections();
    floor.close();
    await twin.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};
