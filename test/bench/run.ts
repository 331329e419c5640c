/**
 * `npm run bench`: measures what the issues name and writes docs/benchmarks.md. Later issues add sections.
 * Numbers are ratios against baselines run in the same process wherever a baseline exists.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { benchBundles } from './bundles';
import { benchIntake } from './intake';
import { benchTwinStart } from './twin-start';
import { benchWorkflow } from './workflow';
import { benchPremiums } from './premiums';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

const sections: string[] = [];
const started = Date.now();
if (want('bundles')) {
  console.log('bench: bundles...');
  sections.push((await benchBundles()).markdown);
}
if (want('intake')) {
  console.log('bench: intake throughput...');
  sections.push((await benchIntake()).markdown);
}
if (want('workflow')) {
  console.log('bench: claim workflow...');
  sections.push((await benchWorkflow()).markdown);
}
if (want('premiums')) {
  console.log('bench: roster import and reconciliation...');
  sections.push((await benchPremiums()).markdown);
}
if (want('start')) {
  console.log('bench: twin start...');
  sections.push((await benchTwinStart()).markdown);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const doc = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (test/bench/run.ts); rerun it to refresh. Speed is measured here, never asserted in timed tests.',
  '',
  `Machine: ${cpus().length} x ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Linux ${release()}, Node ${process.version}. ` +
    `Run on ${new Date().toISOString().slice(0, 10)}, ${((Date.now() - started) / 1000).toFixed(0)} s in all.`,
  '',
  ...sections.flatMap((s) => [s, '']),
].join('\n');
if (only.length === 0) writeFileSync('docs/benchmarks.md', doc);
console.log(doc);
