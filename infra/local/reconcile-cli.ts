/**
 * `npm run reconcile -- --period YYYY-MM [--period YYYY-MM ...] [--shards N]`: runs the reconciliation from the shell
 * against the running twin (its services are found in <data dir>/twin.json): an execution of the same reconciliation
 * state machine the schedule starts, through the twin's Step Functions endpoint, waited for and its output printed.
 * Without --period it reconciles the previous and the current month, as the daily schedule does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dataDir = process.env.SANTUNAN_DATA_DIR || '.santunan';
const file = join(dataDir, 'twin.json');
if (!existsSync(file)) {
  console.error(`No running twin found (${file} is missing): start it with npm start first.`);
  process.exit(2);
}
const periods: string[] = [];
let shards: number | undefined;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--period' && args[i + 1]) {
    i += 1;
    periods.push(args[i]!);
  } else if (args[i]?.startsWith('--period=')) periods.push(args[i]!.slice('--period='.length));
  else if (args[i] === '--shards' && args[i + 1]) {
    i += 1;
    shards = Number(args[i]);
    if (!Number.isInteger(shards) || shards < 1 || shards > 100) {
      console.error(`--shards takes a whole number from 1 to 100, not ${args[i]}`);
      process.exit(2);
    }
  } else {
    console.error(`Unknown argument ${args[i]}. Usage: npm run reconcile -- --period YYYY-MM [--shards 1-100]`);
    process.exit(2);
  }
}
const twin = JSON.parse(readFileSync(file, 'utf8')) as { env: Record<string, string> };
Object.assign(process.env, twin.env, { POWERTOOLS_LOG_LEVEL: 'WARN' });
const { SFNClient, StartExecutionCommand, DescribeExecutionCommand } = await import('@aws-sdk/client-sfn');
const sfn = new SFNClient({});
try {
  const { executionArn } = await sfn.send(
    new StartExecutionCommand({
      stateMachineArn: process.env.RECONCILIATION_STATE_MACHINE_ARN,
      name: `shell-${Date.now()}`,
      input: JSON.stringify({ trigger: 'shell', ...(periods.length ? { periods } : {}), ...(shards ? { shards } : {}) }),
    }),
  );
  for (;;) {
    const run = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (run.status === 'SUCCEEDED') {
      console.log(JSON.stringify(JSON.parse(run.output ?? '{}'), null, 2));
      break;
    }
    if (run.status !== 'RUNNING') throw new Error(`${run.status}: ${run.error ?? ''} ${run.cause ?? ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
} catch (error) {
  console.error(`Reconciliation failed: ${(error as Error).message}`);
  process.exit(1);
} finally {
  sfn.destroy();
}
