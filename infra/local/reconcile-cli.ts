/**
 * `npm run reconcile -- --period YYYY-MM [--period YYYY-MM ...]`: runs the reconciliation from the shell against the
 * running twin (its services are found in <data dir>/twin.json), through the same function the schedule invokes.
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
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--period' && args[i + 1]) {
    i += 1;
    periods.push(args[i]!);
  } else if (args[i]?.startsWith('--period=')) periods.push(args[i]!.slice('--period='.length));
  else {
    console.error(`Unknown argument ${args[i]}. Usage: npm run reconcile -- --period YYYY-MM`);
    process.exit(2);
  }
}
const twin = JSON.parse(readFileSync(file, 'utf8')) as { env: Record<string, string> };
Object.assign(process.env, twin.env, { POWERTOOLS_LOG_LEVEL: 'WARN' });
const { invokeFunction } = await import('./gateway');
try {
  const result = (await invokeFunction('reconcilePremiums', { trigger: 'shell', ...(periods.length ? { periods } : {}) }, 600_000)) as {
    reports: unknown[];
  };
  console.log(JSON.stringify(result, null, 2));
} catch (error) {
  console.error(`Reconciliation failed: ${(error as Error).message}`);
  process.exit(1);
}
