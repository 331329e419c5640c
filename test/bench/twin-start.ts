import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../infra/local/ports';
import { kb, median, verdict } from './stats';

/** Each figure is the median of this many first starts (each on a new, empty data directory) and restarts. */
const ROUNDS = 3;

/** Time from `npm start`'s entry to "up" on a fresh data directory (with the seed) and on a restart; the form's size. */
const startOnce = async (
  dataDir: string,
  port: number,
): Promise<{ ms: number; output: string; formBytes: number; stop: () => Promise<void> }> => {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
    env: { ...process.env, PORT: String(port), SANTUNAN_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      output += d;
      if (output.includes('Ctrl-C stops everything')) resolve();
    });
    child.stderr.on('data', (d) => (output += d));
    child.once('exit', (code) => reject(new Error(`twin exited ${code}: ${output}`)));
  });
  const ms = performance.now() - started;
  const formBytes = Buffer.byteLength(await (await fetch(`http://localhost:${port}/`)).text());
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGINT');
    });
  return { ms, output, formBytes, stop };
};

const startTwice = async (): Promise<{ first: Awaited<ReturnType<typeof startOnce>>; second: Awaited<ReturnType<typeof startOnce>> }> => {
  const dir = mkdtempSync(join(tmpdir(), 'santunan-start-'));
  try {
    const port = await freePort();
    const first = await startOnce(dir, port);
    await first.stop();
    const second = await startOnce(dir, port);
    await second.stop();
    return { first, second };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export const benchTwinStart = async (): Promise<{ markdown: string; firstMs: number; restartMs: number; formBytes: number }> => {
  const rounds = [];
  for (let i = 0; i < ROUNDS; i += 1) rounds.push(await startTwice());
  const first = { ms: median(rounds.map((r) => r.first.ms)), formBytes: rounds[0]!.first.formBytes };
  const second = { ms: median(rounds.map((r) => r.second.ms)) };
  const seeds = rounds
    .map((r) => /seeded: (\d+) members in ([\d.]+) s/.exec(r.first.output))
    .filter((m): m is RegExpExecArray => m !== null);
  const seeded = seeds.length ? ([seeds[0]![0], seeds[0]![1], median(seeds.map((m) => Number(m[2]))).toFixed(1)] as const) : undefined;
  const markdown = [
    '## Twin start and the form page',
    '',
    `Method: the \`npm start\` entry (\`node --import tsx infra/local/main.ts\`) on an empty data directory, timed from spawn until it prints its URLs; then Ctrl-C (SIGINT) and a second start on the same data. ${ROUNDS} rounds, each on a new data directory; medians. The form is \`GET /\` as served.`,
    '',
    '| measure | value | target |',
    '|---|---|---|',
    `| first start, including the demo roster seed | ${(first.ms / 1000).toFixed(1)} s (seed: ${seeded ? `${seeded[1]} members in ${seeded[2]} s` : 'n/a'}) | under 60 s: ${verdict(first.ms < 60_000)} |`,
    `| restart on existing data | ${(second.ms / 1000).toFixed(1)} s | under 15 s: ${verdict(second.ms < 15_000)} |`,
    `| claim form page (HTML, without the cached script) | ${kb(first.formBytes)} | under 30 KB: ${verdict(first.formBytes < 30 * 1024)} |`,
  ].join('\n');
  return { markdown, firstMs: first.ms, restartMs: second.ms, formBytes: first.formBytes };
};
