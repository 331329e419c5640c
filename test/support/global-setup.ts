import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Once per test run: the whole twin (DynamoDB Local in memory, the S3 emulator, the Step Functions executor running
 * the synthesized ASL, the SES inbox, the sandbox bank and SMS gateway, the local token issuer) in a child process,
 * on free ports. Its environment is handed to Jest's workers, so handlers loaded in a test reach every service
 * through the same variables as in AWS; workflow tasks run in the twin's process. Its log: test-results/twin.log.
 */
export default async function globalSetup(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'; // Node 20 here, Node 24 on Lambda
  const dir = mkdtempSync(join(tmpdir(), 'santunan-test-'));
  mkdirSync('test-results', { recursive: true });
  const log = createWriteStream(join('test-results', 'twin.log'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/test-twin.ts'], {
    env: {
      ...process.env,
      SANTUNAN_DATA_DIR: dir,
      POWERTOOLS_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'WARN',
      TEST_APPROVAL_TIMEOUT_SECONDS: '6',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.pipe(log);
  const ready = await new Promise<{ env: Record<string, string>; apiUrl: string; sesUrl: string; sandboxUrl: string }>(
    (resolve, reject) => {
      let buffer = '';
      const timer = setTimeout(() => reject(new Error('the test twin did not start within 90 s; see test-results/twin.log')), 90_000);
      child.stdout.on('data', (d: Buffer) => {
        buffer += d.toString();
        log.write(d);
        const line = buffer.split('\n').find((l) => l.startsWith('TWIN_READY '));
        if (line) {
          clearTimeout(timer);
          resolve(JSON.parse(line.slice('TWIN_READY '.length)));
        }
      });
      child.once('exit', (code) => reject(new Error(`the test twin exited with ${code}; see test-results/twin.log`)));
    },
  );
  Object.assign(process.env, ready.env, {
    POWERTOOLS_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'SILENT',
    SANTUNAN_TEST_DIR: dir,
    SANTUNAN_TWIN_URL: ready.apiUrl,
    SANTUNAN_SES_URL: ready.sesUrl,
    SANTUNAN_SANDBOX_URL: ready.sandboxUrl,
  });
  (globalThis as Record<string, unknown>).__santunanServices = {
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
