/**
 * The twin as the test suite runs it: in a child process under tsx (so the workflow's handlers load exactly as under
 * `npm start`), in-memory DynamoDB, no demo seed, short retry pauses and bank timeouts. Prints one line
 * `TWIN_READY <json>` with the environment the tests need, then runs until SIGTERM/SIGINT.
 *
 * The proof suite (test/proof) also sets: SANTUNAN_TEST_PORT (the API port, kept across a restart),
 * SANTUNAN_TEST_DYNAMODB_PORT and SANTUNAN_TEST_DYNAMODB_ON_DISK=true (DynamoDB Local on a fixed port with its tables
 * in the data directory, so the twin can be killed and started again on the same data), SANTUNAN_TEST_RETRY_MS (the
 * workflow's retry pause), SANTUNAN_TEST_BANK_TIMEOUT_MS and SANTUNAN_TEST_BANK_HOLD_MS (the payout's bank timeout
 * and how long the sandbox bank holds a request it was told to time out; 500 and 1500 ms unless set),
 * SANTUNAN_TEST_DOCUMENTS_REMINDER_DAYS and SANTUNAN_TEST_DOCUMENTS_EXPIRY_DAYS (days as fractions, to see reminders in
 * seconds) and
 * SANTUNAN_TEST_CONTROL=stdin, which reads `dynamodb stop` and `dynamodb start` lines
 * from stdin to stop DynamoDB Local under a running twin and start it again (answered `DYNAMODB_STOPPED`,
 * `DYNAMODB_STARTED`).
 */
import { createInterface } from 'node:readline';
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb';
import { dynamodbDir, startTwin } from './twin';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const dataDir = process.env.SANTUNAN_DATA_DIR;
if (!dataDir) throw new Error('SANTUNAN_DATA_DIR is required');
const onDisk = process.env.SANTUNAN_TEST_DYNAMODB_ON_DISK === 'true';
const dynamodbPort = Number(process.env.SANTUNAN_TEST_DYNAMODB_PORT ?? 0) || undefined;

const twin = await startTwin({
  dataDir,
  port: Number(process.env.SANTUNAN_TEST_PORT ?? 0),
  inMemory: !onDisk,
  dynamodbPort,
  seed: false,
  retryIntervalMs: Number(process.env.SANTUNAN_TEST_RETRY_MS ?? 20),
  bankTimeoutHoldMs: Number(process.env.SANTUNAN_TEST_BANK_HOLD_MS ?? 1500),
  environment: {
    BANK_TIMEOUT_MS: process.env.SANTUNAN_TEST_BANK_TIMEOUT_MS ?? '500',
    APPROVAL_TIMEOUT_SECONDS: process.env.TEST_APPROVAL_TIMEOUT_SECONDS ?? '',
    // The workflow test of document reminders shortens days to seconds (test/workflow/document-reminders.test.ts).
    DOCUMENTS_REMINDER_DAYS: process.env.SANTUNAN_TEST_DOCUMENTS_REMINDER_DAYS ?? '',
    DOCUMENTS_EXPIRY_DAYS: process.env.SANTUNAN_TEST_DOCUMENTS_EXPIRY_DAYS ?? '',
  },
});
/** DynamoDB Local as started again by a `dynamodb start` command (the twin stops only the one it started). */
let restarted: DynamoDbLocal | undefined;
const stop = async () => {
  await restarted?.stop();
  await twin.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

if (process.env.SANTUNAN_TEST_CONTROL === 'stdin') {
  const port = Number(new URL(twin.dynamodb.endpoint).port);
  createInterface({ input: process.stdin }).on('line', (line) => {
    void (async () => {
      try {
        if (line === 'dynamodb stop') {
          await (restarted ?? twin.dynamodb).stop();
          process.stdout.write('DYNAMODB_STOPPED\n');
        } else if (line === 'dynamodb start') {
          restarted = await startDynamoDbLocal({ dataDir: onDisk ? dynamodbDir(dataDir) : undefined, port });
          process.stdout.write('DYNAMODB_STARTED\n');
        }
      } catch (error) {
        process.stdout.write(`CONTROL_FAILED ${JSON.stringify(String(error))}\n`);
      }
    })();
  });
}
process.stdout.write(
  `TWIN_READY ${JSON.stringify({ env: twin.env, apiUrl: twin.apiUrl, sesUrl: twin.sesUrl, sandboxUrl: twin.sandbox.url, sfnUrl: twin.sfnUrl, resumed: twin.resumed })}\n`,
);
