/**
 * `npm run bench`: measures what the issues name and writes docs/benchmarks.md. Later issues add sections.
 * Numbers are ratios against baselines run in the same process wherever a baseline exists. Each section runs in a
 * fresh Node process: the SDK clients of the functions are created once per process, as in Lambda, and bound to the
 * twin that section started.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';

const SECTIONS = ['bundles', 'intake', 'workflow', 'premiums', 'national', 'pages', 'start'] as const;
type Section = (typeof SECTIONS)[number];
const MARK = '<<<SECTION>>>';

const runSection = async (name: Section): Promise<string> => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  switch (name) {
    case 'bundles':
      return (await (await import('./bundles')).benchBundles()).markdown;
    case 'intake':
      return (await (await import('./intake')).benchIntake()).markdown;
    case 'workflow':
      return (await (await import('./workflow')).benchWorkflow()).markdown;
    case 'premiums':
      return (await (await import('./premiums')).benchPremiums()).markdown;
    case 'national':
      return (await (await import('./national')).benchNational()).markdown;
    case 'pages':
      return (await (await import('./pages')).benchPages()).markdown;
    case 'start':
      return (await (await import('./twin-start')).benchTwinStart()).markdown;
  }
};

const args = process.argv.slice(2);
if (args[0] === '--one') {
  const markdown = await runSection(args[1] as Section);
  process.stdout.write(`${MARK}\n${markdown}\n${MARK}\n`);
  process.exit(0);
}

// `--update <section> ...` reruns those sections and replaces them in docs/benchmarks.md (a new one goes before the
// twin's start section), leaving the others as they were measured; the header says which were rerun and when.
const update = args[0] === '--update';
if (update) args.shift();
const wanted = (args.length ? args : SECTIONS) as Section[];
const unknown = wanted.filter((s) => !SECTIONS.includes(s));
if (unknown.length) {
  console.error(`Unknown section(s) ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const started = Date.now();
const sections: string[] = [];
for (const name of wanted) {
  console.log(`bench: ${name}...`);
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'test/bench/run.ts', '--one', name], {
    env: process.env,
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  }).toString();
  sections.push(out.split(MARK)[1]!.trim());
}

/** The existing file with each new section in place of the one with the same heading (or before the start section). */
function replaceSections(existing: string, fresh: string[], names: string[]): string {
  let out = existing;
  for (const section of fresh) {
    const heading = section.split('\n')[0]!;
    const at = out.indexOf(`${heading}\n`);
    if (at >= 0) {
      const next = out.indexOf('\n## ', at + heading.length);
      out = `${out.slice(0, at)}${section}\n${next >= 0 ? out.slice(next) : ''}`;
    } else {
      const before = out.indexOf('\n## Twin start');
      out = before >= 0 ? `${out.slice(0, before)}\n${section}\n${out.slice(before)}` : `${out}\n${section}\n`;
    }
  }
  const note = `Sections rerun on ${new Date().toISOString().slice(0, 10)} with \`npm run bench -- --update\`: ${names.join(', ')}.`;
  return out.replace(/\n(\nSections rerun on [^\n]*\n)?\n## /, `\n\n${note}\n\n## `);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
// What the measurements mean and what changed because of them: written by hand, kept beside the benchmark and
// appended to the generated file, so a rerun refreshes the numbers without losing the findings.
const FINDINGS = 'test/bench/findings.md';
const doc = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (test/bench/run.ts); rerun it to refresh. Speed is measured here, never asserted in timed tests.',
  '',
  `Machine: ${cpus().length} x ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Linux ${release()}, Node ${process.version}. ` +
    `Run on ${new Date().toISOString().slice(0, 10)}, ${((Date.now() - started) / 1000).toFixed(0)} s in all. ` +
    'Every timed figure is a median of at least three runs (each section says of how many); sizes and counts do not vary between runs.',
  '',
  ...sections.flatMap((s) => [s, '']),
  ...(args.length === 0 && existsSync(FINDINGS) ? [readFileSync(FINDINGS, 'utf8').trim(), ''] : []),
].join('\n');
if (args.length === 0) writeFileSync('docs/benchmarks.md', doc);
else if (update) writeFileSync('docs/benchmarks.md', replaceSections(readFileSync('docs/benchmarks.md', 'utf8'), sections, wanted));
console.log(update ? readFileSync('docs/benchmarks.md', 'utf8') : doc);
