import { type ChildProcess, spawn } from 'node:child_process';
import { waitFor } from '../../infra/local/ports';

/** Chromium as the probe of this machine starts it: headless, and quiet on a closed network. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * `npm start`'s entry in a child process, as a person runs it: started on a port and data directory of the test's,
 * ready when it prints its URLs, stopped with Ctrl-C (SIGINT). `output` is everything it printed since the last start.
 */
export const twinProcess = (port: number, dataDir: string) => {
  let child: ChildProcess | undefined;
  const state = { output: '' };
  const start = async () => {
    state.output = '';
    // The service tests' twin drills escalation after 6 s (APPROVAL_TIMEOUT_SECONDS, set for this process): a twin run
    // as a person runs it keeps the legal timing, so an approver reading a claim is not overtaken by the escalation.
    const { APPROVAL_TIMEOUT_SECONDS: _drill, ...env } = process.env;
    child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
      env: { ...env, PORT: String(port), SANTUNAN_DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: 'WARN' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (state.output += d));
    child.stderr!.on('data', (d) => (state.output += d));
    await waitFor(
      'the twin',
      async () => {
        if (child!.exitCode !== null) throw new Error(`twin exited: ${state.output}`);
        if (!state.output.includes('Ctrl-C stops everything')) throw new Error('not up yet');
      },
      300_000,
      200,
    );
  };
  /** Ctrl-C; resolves with the exit code. */
  const stop = async (): Promise<number | null> => {
    if (!child || child.exitCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
    child.kill('SIGINT');
    return exited;
  };
  const kill = () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  };
  return {
    start,
    stop,
    kill,
    get output() {
      return state.output;
    },
  };
};
