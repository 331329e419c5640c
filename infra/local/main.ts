/**
 * `npm start`: the local twin. DynamoDB Local, an S3 emulator, the Step Functions executor running the synthesized
 * ASL, an SES inbox, the sandbox bank and SMS gateway, and a local staff token issuer, on free ports; tables and
 * bucket from the same definitions as the CDK stack; the demo roster on first start (SANTUNAN_SEED=false skips it);
 * the HTTP API on PORT (default 3000) served by the same handlers through the same route table. Open claims resume
 * their workflow after a restart. Ctrl-C stops everything.
 */
import { ROUTES } from '../definitions/routes';
import { TABLES } from '../definitions/tables';
import { LOCAL_PASSWORD, LOCAL_USERS } from './auth';
import { LOCAL_BUCKET, localTableName, startTwin } from './twin';

const started = Date.now();
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'; // Node 20 here, Node 24 on Lambda
const dataDir = process.env.SANTUNAN_DATA_DIR || '.santunan';
const port = Number(process.env.PORT ?? 3000);

const twin = await startTwin({
  dataDir,
  port,
  seed: process.env.SANTUNAN_SEED !== 'false',
  log: (l) => console.log(l),
  // One line per request, as API Gateway's access log would give (SANTUNAN_ACCESS_LOG=off silences it).
  ...(process.env.SANTUNAN_ACCESS_LOG === 'off' ? {} : { accessLog: (l: string) => console.log(`[api] ${l}`) }),
}).catch((error: unknown) => {
  console.error(`The twin could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the twin...`);
  await twin.stop();
  console.log('Stopped. Data kept in', dataDir);
  process.exit(0);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));
// Last resort if the process dies another way: never leave Java behind.
process.on('exit', () => twin.dynamodb.kill('SIGKILL'));

const seed =
  twin.seeded === 'already'
    ? 'demo roster already present'
    : `demo roster seeded: ${twin.seeded.members} members in ${(twin.seeded.ms / 1000).toFixed(1)} s`;
console.log(`
Santunan local twin is up in ${((Date.now() - started) / 1000).toFixed(1)} s (${seed})

  Claim form (Bahasa Indonesia)  ${twin.apiUrl}/
  Claim form (English)           ${twin.apiUrl}/?lang=en
  Check a claim                  ${twin.apiUrl}/status
  HTTP API                       ${twin.apiUrl}
${ROUTES.map((r) => `    ${r.method.padEnd(5)} ${r.path}`).join('\n')}
  Staff claim queue              ${twin.apiUrl}/staff/claims  (sign in at ${twin.apiUrl}/staff/login)
  Staff tokens (twin only)       POST ${twin.apiUrl}/auth/token  users: ${LOCAL_USERS.map((u) => u.username).join(', ')}; password: ${LOCAL_PASSWORD}
  Email inbox (SES, staff+family) ${twin.sesUrl}/
  Sandbox bank + SMS outbox      ${twin.sandbox.url}/  (switch failures: POST ${twin.sandbox.url}/_sandbox/failures {"mode":"5xx"|"timeout"|"reject","count":1})
  Step Functions endpoint        ${twin.sfnUrl}  state machines: ${twin.stepFunctions.stateMachineArn}, ${twin.reconciliation.stateMachineArn}
  DynamoDB Local                 ${twin.dynamodb.endpoint}  tables: ${TABLES.map(localTableName).join(', ')}
  S3 emulator (s3rver)           ${twin.s3.endpoint}  bucket: ${LOCAL_BUCKET}
  Data directory                 ${dataDir}${twin.resumed ? `\n  Resumed workflows              ${twin.resumed} open claim(s)` : ''}

Demo member for a first claim: NIK 3173014107850003, Siti Aminah (premiums paid, so the claim goes to an approver).
Ctrl-C stops everything.`);
