/**
 * The twin as the test suite runs it: in a child process under tsx (so the workflow's handlers load exactly as under
 * `npm start`), in-memory DynamoDB, no demo seed, short retry pauses and bank timeouts. Prints one line
 * `TWIN_READY <json>` with the environment the tests need, then runs until SIGTERM/SIGINT.
 */
import { startTwin } from './twin';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const dataDir = process.env.SANTUNAN_DATA_DIR;
if (!dataDir) throw new Error('SANTUNAN_DATA_DIR is required');

const twin = await startTwin({
  dataDir,
  port: 0,
  inMemory: true,
  seed: false,
  retryIntervalMs: 20,
  bankTimeoutHoldMs: 1500,
  environment: { BANK_TIMEOUT_MS: '500', APPROVAL_TIMEOUT_SECONDS: process.env.TEST_APPROVAL_TIMEOUT_SECONDS ?? '' },
});
const stop = async () => {
  await twin.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
process.stdout.write(
  `TWIN_READY ${JSON.stringify({ env: twin.env, apiUrl: twin.apiUrl, sesUrl: twin.sesUrl, sandboxUrl: twin.sandbox.url, sfnUrl: twin.sfnUrl })}\n`,
);
