import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from '../../infra/local/ports';

export interface ProofTwinOptions {
  /** Log file under test-results/. */
  name: string;
  /** DynamoDB Local with its tables in the data directory (needed to restart it, or the twin, on the same data). */
  onDisk?: boolean;
  /** The workflow's retry pause (ms); the suite's twin uses 20. */
  retryMs?: number;
  /** The payout's bank timeout (ms); the suite's twin uses 500, the product 10,000. */
  bankTimeoutMs?: number;
  /** How long the sandbox bank holds a request it was told to time out (ms); the suite's twin uses 1500. */
  bankHoldMs?: number;
}

/**
 * The synthesized state machine, cached by the first proof twin for the others (the twin checks the cache against
 * the CDK sources, so a stale copy is synthesized again): synthesis takes 10-30 s on a busy 2-core machine.
 */
const ASL_CACHE = join(tmpdir(), 'santunan-proof-workflow-asl.json');

interface Ready {
  env: Record<string, string>;
  apiUrl: string;
  sesUrl: string;
  sandboxUrl: string;
  sfnUrl: string;
  resumed: number;
}

/** Is something listening on the port? */
const listening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/**
 * The twin of the proof suite, in a child process (infra/local/test-twin.ts) that a test controls: started on a fixed
 * API port and DynamoDB port with its own data directory, killed with SIGKILL and started again on the same data,
 * and DynamoDB Local stopped and started under it. After each start its environment is copied into this process,
 * so the helpers of test/support (and a DynamoDB client created after the first start) reach the running twin.
 */
export const proofTwin = async (options: ProofTwinOptions) => {
  const dataDir = mkdtempSync(join(tmpdir(), `santunan-${options.name}-`));
  const port = await freePort();
  const dynamodbPort = await freePort();
  mkdirSync('test-results', { recursive: true });
  const log: WriteStream = createWriteStream(join('test-results', `${options.name}.log`), { flags: 'a' });
  let child: ChildProcess | undefined;
  let ready: Ready | undefined;
  let lines: string[] = [];
  const waiters: { line: string; resolve: () => void; reject: (e: Error) => void }[] = [];

  const start = async (): Promise<Ready> => {
    lines = [];
    const asl = join(dataDir, 'workflow-asl.json');
    if (!existsSync(asl) && existsSync(ASL_CACHE)) copyFileSync(ASL_CACHE, asl);
    const started = Date.now();
    // SANTUNAN_PROOF_PROFILE=<dir>: a CPU profile of the twin, written when it stops (to find where the time goes).
    const profile = process.env.SANTUNAN_PROOF_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SANTUNAN_PROOF_PROFILE}`] : [];
    const proc = spawn(process.execPath, [...profile, '--import', 'tsx', 'infra/local/test-twin.ts'], {
      env: {
        ...process.env,
        SANTUNAN_DATA_DIR: dataDir,
        SANTUNAN_TEST_PORT: String(port),
        SANTUNAN_TEST_DYNAMODB_PORT: String(dynamodbPort),
        SANTUNAN_TEST_DYNAMODB_ON_DISK: options.onDisk ? 'true' : 'false',
        SANTUNAN_TEST_RETRY_MS: String(options.retryMs ?? 20),
        SANTUNAN_TEST_BANK_TIMEOUT_MS: String(options.bankTimeoutMs ?? 500),
        SANTUNAN_TEST_BANK_HOLD_MS: String(options.bankHoldMs ?? 1500),
        SANTUNAN_TEST_CONTROL: 'stdin',
        POWERTOOLS_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'WARN',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child = proc;
    proc.stderr!.pipe(log, { end: false });
    let buffer = '';
    proc.stdout!.on('data', (d: Buffer) => {
      log.write(d);
      buffer += d.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        const i = waiters.findIndex((w) => line.startsWith(w.line));
        if (i >= 0) waiters.splice(i, 1)[0]!.resolve();
        if (line.startsWith('CONTROL_FAILED')) for (const w of waiters.splice(0)) w.reject(new Error(line));
      }
    });
    proc.once('exit', (code, signal) => {
      log.write(`\n[proof] twin exited (${code ?? signal})\n`);
      for (const w of waiters.splice(0)) w.reject(new Error(`the twin exited (${code ?? signal}); see test-results/${options.name}.log`));
    });
    await waitFor(
      'the proof twin',
      async () => {
        if (proc.exitCode !== null) throw new Error(`the twin exited with ${proc.exitCode}; see test-results/${options.name}.log`);
        if (!lines.some((l) => l.startsWith('TWIN_READY '))) throw new Error('not ready');
      },
      120_000,
      100,
    );
    ready = JSON.parse(lines.find((l) => l.startsWith('TWIN_READY '))!.slice('TWIN_READY '.length)) as Ready;
    log.write(`[proof] twin ready in ${Date.now() - started} ms, ${ready.resumed} workflow(s) resumed\n`);
    if (existsSync(asl)) copyFileSync(asl, ASL_CACHE);
    Object.assign(process.env, ready.env, {
      POWERTOOLS_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'SILENT',
      SANTUNAN_TEST_DIR: dataDir,
      SANTUNAN_TWIN_URL: ready.apiUrl,
      SANTUNAN_SES_URL: ready.sesUrl,
      SANTUNAN_SANDBOX_URL: ready.sandboxUrl,
    });
    return ready;
  };

  /** Sends a control line and waits for its answer. */
  const control = (command: string, answer: string): Promise<void> => {
    const done = new Promise<void>((resolve, reject) => waiters.push({ line: answer, resolve, reject }));
    child!.stdin!.write(`${command}\n`);
    return done;
  };

  const exited = (proc: ChildProcess) =>
    proc.exitCode !== null || proc.signalCode !== null ? Promise.resolve() : new Promise<void>((r) => proc.once('exit', () => r()));

  /** Waits until DynamoDB Local of the killed twin is gone (its watchdog stops it within a second or two). */
  const dynamodbGone = () =>
    waitFor(
      'DynamoDB Local of the killed twin to exit',
      async () => {
        if (await listening(dynamodbPort)) throw new Error('still listening');
      },
      30_000,
      100,
    );

  return {
    dataDir,
    get ready(): Ready {
      if (!ready) throw new Error('the proof twin is not started');
      return ready;
    },
    get apiUrl() {
      return this.ready.apiUrl;
    },
    get sandboxUrl() {
      return this.ready.sandboxUrl;
    },
    start,
    /** SIGKILL, as a crash or a pulled plug: nothing is cleaned up or flushed by the twin. */
    kill: async () => {
      if (!child) return;
      const proc = child;
      proc.kill('SIGKILL');
      await exited(proc);
      await dynamodbGone();
    },
    stop: async () => {
      if (!child) return;
      const proc = child;
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
        await exited(proc);
        clearTimeout(timer);
      }
      await new Promise<void>((r) => log.end(() => r()));
      // The log stays in test-results/; the data (tables on disk, documents, the bank ledger) goes.
      rmSync(dataDir, { recursive: true, force: true });
    },
    stopDynamoDb: () => control('dynamodb stop', 'DYNAMODB_STOPPED'),
    startDynamoDb: () => control('dynamodb start', 'DYNAMODB_STARTED'),
  };
};
export type ProofTwin = Awaited<ReturnType<typeof proofTwin>>;
