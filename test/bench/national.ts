import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { startTwin } from '../../infra/local/twin';
import { contributionFor } from '../../shared/premiums/domain/rules/contributions';
import { PROGRAMMES } from '../../shared/reference-data/programmes';
import { syntheticMembers } from './members';
import { ratio } from './stats';

/**
 * Issue "proof", Deliver 6: the month's reconciliation of a national-size roster through the reconciliation state
 * machine that `cdk synth` produces (Plan, the Map over the shards, Report), run by the twin's executor (the Map
 * inline, in this process) against DynamoDB Local: wall time per 10,000 members in 1 shard and in 4 shards, against
 * a plain paginated Scan of the same table in the same process. Rounds alternate 1, 4, 1, 4... so that drift (the
 * JVM warming, the table growing its coverage items) falls on both.
 */
const MEMBERS = Number(process.env.BENCH_NATIONAL_MEMBERS ?? 200_000);
const ROUNDS = Number(process.env.BENCH_NATIONAL_ROUNDS ?? 3);
const PERIOD = '2026-10';

export const benchNational = async (): Promise<{ markdown: string }> => {
  const dir = mkdtempSync(join(tmpdir(), 'santunan-bench-national-'));
  const twin = await startTwin({ dataDir: dir, port: 0, inMemory: true, seed: false });
  const { documentClient } = await import('../../shared/platform/dynamodb/client');
  const { batchWrite } = await import('../../shared/platform/dynamodb/batch');
  const { memberKeys } = await import('../../shared/platform/dynamodb/keys');
  const { MembersRepository } = await import('../../shared/premiums/adapters/members-repository');
  const { bucketOf } = await import('../../shared/premiums/domain/shards');
  const table = process.env.MEMBERS_TABLE_NAME!;
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  try {
    // The roster and the month's payments: 98% paid in full, 1% nothing, 1% short.
    // Serials moved by 37 each repetition, so the copies spread over the buckets.
    const roster = syntheticMembers(MEMBERS, { serialStep: 37 });
    const perBucket = new Map<string, number>();
    for (const m of roster) perBucket.set(bucketOf(m.nik), (perBucket.get(bucketOf(m.nik)) ?? 0) + 1);
    let t0 = performance.now();
    await new MembersRepository(table).putMany(roster, 16);
    const seedMembersMs = performance.now() - t0;
    const lines = roster
      .map((m, i) => ({ m, i }))
      .filter(({ i }) => i % 100 !== 0)
      .map(({ m, i }) => {
        const due = contributionFor(PROGRAMMES[m.program]!, m.monthlyWage, PERIOD);
        return {
          period: PERIOD,
          nik: m.nik,
          jkk: i % 100 === 1 ? due.jkk - 1_000 : due.jkk,
          jkm: due.jkm,
          receiptNo: `R${i}`,
          paidOn: `${PERIOD}-14`,
        };
      });
    t0 = performance.now();
    await batchWrite(
      table,
      lines.map((l) => ({
        PutRequest: {
          Item: { ...memberKeys.payment(l.period, l.nik, l.receiptNo), entity: 'PAYMENT', ...l, importedAt: '2026-11-01T00:00:00+07:00' },
        },
      })),
      16,
    );
    const seedPaymentsMs = performance.now() - t0;

    // The baseline: a plain paginated Scan of what the month is about, the roster (the byShard index holds exactly the
    // member items), by the same client. (A Scan of the whole table also reads the payment lines and the coverage,
    // and DynamoDB Local's Scan slows down as a table grows: 150,000 items took 231 s in the premiums section.)
    const scan = async () => {
      const started = performance.now();
      let items = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const out = await documentClient.send(new ScanCommand({ TableName: table, IndexName: 'byShard', ExclusiveStartKey: start }));
        items += out.Items?.length ?? 0;
        start = out.LastEvaluatedKey;
      } while (start);
      return { ms: performance.now() - started, items };
    };
    const reconcile = async (shards: number, round: number) => {
      // A first run of the month each time (a rerun would also look for stale items): the report goes first.
      await documentClient.send(new DeleteCommand({ TableName: table, Key: memberKeys.report(PERIOD) }));
      const started = performance.now();
      const { executionArn } = await twin.reconciliation.startExecution(
        `bench-${shards}-${round}`,
        JSON.stringify({ trigger: 'bench', periods: [PERIOD], shards }),
      );
      for (;;) {
        const d = twin.reconciliation.describeExecution(executionArn);
        if (d.status === 'SUCCEEDED') {
          const [report] = (JSON.parse(d.output!) as { reports: { shards: number; counts: Record<string, number> }[] }).reports;
          return { ms: performance.now() - started, report: report! };
        }
        if (d.status !== 'RUNNING') throw new Error(`reconciliation in ${shards} shards: ${d.status} ${d.error} ${d.cause}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };

    // No separate warm-up run (one run of 200,000 members takes minutes): the order alternates instead, 1 then 4
    // shards in odd rounds, 4 then 1 in even ones, so a warming JVM or a growing table falls on both alike.
    const rounds: { scanMs: number; scanned: number; one: number; four: number; report: Record<string, number> }[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const s = await scan();
      const first = round % 2 === 1 ? 1 : 4;
      const a = await reconcile(first, round);
      const b = await reconcile(5 - first, round);
      const [one, four] = first === 1 ? [a, b] : [b, a];
      if (one.report.shards !== 1 || four.report.shards !== 4) throw new Error('a run did not go through its shards');
      if (JSON.stringify(one.report.counts) !== JSON.stringify(four.report.counts)) throw new Error('1 and 4 shards disagree');
      rounds.push({ scanMs: s.ms, scanned: s.items, one: one.ms, four: four.ms, report: four.report.counts });
    }
    const per10k = (ms: number) => (ms / 1000 / (MEMBERS / 10_000)).toFixed(2);
    const scanMs = med(rounds.map((r) => r.scanMs));
    const oneMs = med(rounds.map((r) => r.one));
    const fourMs = med(rounds.map((r) => r.four));
    const counts = rounds[rounds.length - 1]!.report;
    const buckets = [...perBucket.values()];
    const markdown = [
      `## Reconciliation at national scale (${MEMBERS.toLocaleString('en')} members, sharded)`,
      '',
      `Method: ${MEMBERS.toLocaleString('en')} synthetic members (${Math.min(...buckets).toLocaleString('en')}-${Math.max(...buckets).toLocaleString('en')} per bucket of the NIK's last two digits) and ${lines.length.toLocaleString('en')} payment lines for ${PERIOD} written to the twin's in-memory DynamoDB Local (${(seedMembersMs / 1000).toFixed(0)} s and ${(seedPaymentsMs / 1000).toFixed(0)} s). ` +
        'The month is reconciled by an execution of the reconciliation state machine from `cdk synth` (Plan, the Map over the shards, Report) on the twin, whose executor runs the Distributed Map as an inline Map in this one Node process: ' +
        `in 1 shard and in 4 shards, ${ROUNDS} rounds in alternating order (1 then 4, 4 then 1, ...), each a first run of the month (the report is deleted before it). ` +
        `The baseline is a plain paginated Scan of the roster (the byShard index, which holds exactly the ${rounds[0]!.scanned.toLocaleString('en')} member items) by the same client, in the same round. Medians of the rounds; the machine has ${cpus().length} cores, which DynamoDB Local (Java) and this process share.`,
      '',
      '| measure | per 10,000 members | whole month | ratio |',
      '|---|---|---|---|',
      `| plain Scan of the roster (baseline) | ${per10k(scanMs)} s | ${(scanMs / 1000).toFixed(1)} s | 1x |`,
      `| reconciliation, 1 shard | ${per10k(oneMs)} s | ${(oneMs / 1000).toFixed(1)} s | ${ratio(oneMs, scanMs)} the Scan (rounds: ${rounds.map((r) => (r.one / r.scanMs).toFixed(2)).join(', ')}) |`,
      `| reconciliation, 4 shards | ${per10k(fourMs)} s | ${(fourMs / 1000).toFixed(1)} s | ${ratio(fourMs, scanMs)} the Scan |`,
      `| speed-up from 1 to 4 shards | | | **${(oneMs / fourMs).toFixed(2)}x** (rounds: ${rounds.map((r) => (r.one / r.four).toFixed(2)).join(', ')}) |`,
      `| report (same in 1 and 4 shards) | | ${counts.PAID?.toLocaleString('en')} PAID, ${counts.UNPAID?.toLocaleString('en')} UNPAID, ${counts.UNDERPAID?.toLocaleString('en')} UNDERPAID | |`,
      '',
      'Each shard Queries its buckets of the byShard index and their payment partitions and writes its coverage with BatchWriteItem; no step scans. ' +
        'On the twin the shards share one Node process and two cores with DynamoDB Local, whose Java process stays at one core while the shards run, so the speed-up from 1 to 4 shards is bounded by that; in AWS each shard is its own child execution and Lambda invocation, and the bound is the table\'s write capacity (docs/architecture.md, "National scale").',
    ].join('\n');
    return { markdown };
  } finally {
    await twin.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};
