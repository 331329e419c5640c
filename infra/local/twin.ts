import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Cron } from 'croner';
import { ENV, type FunctionEnvironment, STAFF_EMAIL_VARS } from '../../shared/composition/env';
import { acceptsGzipEncoding } from '../../shared/platform/http/compress';
import { cronExpression, RECONCILIATION_SCHEDULE, SCHOLARSHIP_REMINDER_SCHEDULE } from '../definitions/schedules';
import { RECONCILIATION_STATE_MACHINE_NAME, STATE_MACHINE_NAME } from '../definitions/state-machines';
import { TABLES, type TableDefinition } from '../definitions/tables';
import { loadStateMachines } from './asl';
import { LOCAL_USERS, startLocalIssuer } from './auth';
import { LOCAL_USER_POOL_ID, startCognitoEndpoint } from './cognito';
import { type DynamoDbLocal, ensureTables, localClient, startDynamoDbLocal } from './dynamodb';
import { invokeFunction, startGateway, type TwinRoutes } from './gateway';
import { startLambdaEndpoint } from './lambda';
import { assertPortFree } from './ports';
import { type S3Local, startS3Local } from './s3';
import { type Sandbox, startSandbox } from './sandbox';
import { startSecretsEndpoint } from './secrets';
import { startSesLocal } from './ses';
import { LocalStepFunctions, startStepFunctionsEndpoint } from './stepfunctions';

export interface TwinOptions {
  /** Where state lives; DynamoDB Local keeps its tables here unless `inMemory`. */
  dataDir: string;
  /** HTTP API port; 0 picks a free one. */
  port: number;
  /** Tests use an in-memory DynamoDB Local; `npm start` keeps the data on disk. */
  inMemory?: boolean;
  /** DynamoDB Local's port; by default a free one. The proof suite fixes it, so a restart keeps the endpoint. */
  dynamodbPort?: number;
  /** Write the demo roster on first start. */
  seed?: boolean;
  /** Tests: workflow retries wait milliseconds instead of seconds. */
  retryIntervalMs?: number;
  /** Extra environment for the functions (tests shorten timeouts with it). */
  environment?: Record<string, string>;
  /** Run workflow executions (default). Intake's benchmark turns it off: StartExecution is answered, nothing runs. */
  runWorkflows?: boolean;
  /** How long the sandbox bank holds a request it was told to time out. */
  bankTimeoutHoldMs?: number;
  log?: (line: string) => void;
  /** One line per API request (method, route template, status, duration; no personal data). `npm start` turns it on. */
  accessLog?: (line: string) => void;
}

export interface Twin {
  apiUrl: string;
  dynamodb: DynamoDbLocal;
  s3: S3Local;
  sesUrl: string;
  sfnUrl: string;
  sandbox: Sandbox;
  /** The claim workflow's executor. */
  stepFunctions: LocalStepFunctions;
  /** The premium reconciliation's executor (its Distributed Map runs inline). */
  reconciliation: LocalStepFunctions;
  env: Record<string, string>;
  seeded: { members: number; ms: number } | 'already';
  /** The demo premiums, written in the background after the roster (infra/local/seed.ts). */
  premiumsSeeded: Promise<{ lines: number; months: string[]; ms: number } | 'already' | 'stopped'>;
  resumed: number;
  stop: () => Promise<void>;
}

export const LOCAL_PREFIX = 'santunan-local';
/** Where DynamoDB Local keeps its tables when they are on disk. */
export const dynamodbDir = (dataDir: string) => join(dataDir, 'dynamodb');
export const localTableName = (t: TableDefinition) => `${LOCAL_PREFIX}-${t.id}`;
export const LOCAL_BUCKET = `${LOCAL_PREFIX}-documents`;
export const SANDBOX_BANK_KEY = 'sandbox-bank-key';
/** The twin's secret holding the sandbox bank's key, as the stack's secret holds the real one. */
export const LOCAL_BANK_KEY_SECRET = `${LOCAL_PREFIX}/bank-api-key`;
/** The twin's secret holding the key that signs status links, as the stack's `StatusLinkKey` secret holds AWS's. */
export const LOCAL_STATUS_LINK_KEY_SECRET = `${LOCAL_PREFIX}/status-link-key`;

/**
 * The twin's status link key: made once per data directory and kept there, so links sent before a restart still
 * open their page after it (as in AWS, where the secret outlives deployments).
 */
const localStatusLinkKey = (dataDir: string): string => {
  const file = join(dataDir, 'status-link-key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
};

export interface TwinEndpoints {
  dynamodb: string;
  s3: string;
  sfn?: string;
  sesv2?: string;
  lambda?: string;
  secrets?: string;
  sandbox?: string;
  stateMachineArn?: string;
  auth?: { issuer: string; jwksUrl: string; clientId: string; signInUrl: string };
  /** The Cognito user pool stand-in (staff accounts). */
  cognito?: string;
}

/**
 * The environment a function gets, pointing the unchanged AWS SDK at the twin through the standard
 * AWS_ENDPOINT_URL_* variables. The variable names are the ones the CDK stack sets.
 */
export const twinEnvironment = (e: TwinEndpoints): Record<string, string> => {
  const staffOf = (role: 'approver' | 'supervisor' | 'finance' | 'admin') =>
    // National staff only: a province's supervisor is not on the national notification lists.
    LOCAL_USERS.filter((u) => u.roles.includes(role) && !u.provinces?.length)
      .map((u) => u.email)
      .join(',');
  // The functions' own settings, by the names of the environment contract the CDK construct also writes.
  const contract: FunctionEnvironment = {
    ...Object.fromEntries(TABLES.map((t) => [t.envVar, localTableName(t)])),
    [ENV.documentsBucket]: LOCAL_BUCKET,
    [ENV.s3ForcePathStyle]: 'true',
    [ENV.uploadOrigin]: e.s3,
    ...(e.stateMachineArn ? { [ENV.stateMachineArn]: e.stateMachineArn } : {}),
    [ENV.mailFrom]: 'santunan@santunan.local',
    [STAFF_EMAIL_VARS.approver]: staffOf('approver'),
    [STAFF_EMAIL_VARS.supervisor]: staffOf('supervisor'),
    [STAFF_EMAIL_VARS.finance]: staffOf('finance'),
    [STAFF_EMAIL_VARS.admin]: staffOf('admin'),
    ...(e.sandbox
      ? {
          [ENV.bankApiUrl]: `${e.sandbox}/bank`,
          [ENV.bankApiKeySecret]: LOCAL_BANK_KEY_SECRET,
          [ENV.smsGatewayUrl]: `${e.sandbox}/sms/messages`,
        }
      : {}),
    ...(e.secrets ? { [ENV.statusLinkKeySecret]: LOCAL_STATUS_LINK_KEY_SECRET } : {}),
    ...(e.auth
      ? {
          [ENV.authIssuer]: e.auth.issuer,
          [ENV.authJwksUrl]: e.auth.jwksUrl,
          [ENV.authClientId]: e.auth.clientId,
          [ENV.staffAuthUrl]: e.auth.signInUrl,
        }
      : {}),
    ...(e.cognito ? { [ENV.staffUserPoolId]: LOCAL_USER_POOL_ID } : {}),
  };
  return {
    AWS_REGION: process.env.AWS_REGION ?? 'ap-southeast-3',
    // s3rver knows one key pair; DynamoDB Local (-sharedDb) and the other stand-ins accept any.
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_ENDPOINT_URL_DYNAMODB: e.dynamodb,
    AWS_ENDPOINT_URL_S3: e.s3,
    ...(e.sfn ? { AWS_ENDPOINT_URL_SFN: e.sfn } : {}),
    ...(e.sesv2 ? { AWS_ENDPOINT_URL_SESV2: e.sesv2 } : {}),
    ...(e.lambda ? { AWS_ENDPOINT_URL_LAMBDA: e.lambda } : {}),
    ...(e.secrets ? { AWS_ENDPOINT_URL_SECRETS_MANAGER: e.secrets } : {}),
    ...(e.cognito ? { AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: e.cognito } : {}),
    ...(contract as Record<string, string>),
    POWERTOOLS_SERVICE_NAME: 'santunan-local',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    // Metrics are recorded as in Lambda but not printed (EMF lines would drown the twin's output and the test logs);
    // POWERTOOLS_METRICS_DISABLED=false shows them.
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
    POWERTOOLS_METRICS_NAMESPACE: 'Santunan',
    // No X-Ray daemon here: no tracing, and no X-Ray SDK async hooks, which slow every promise in the process.
    POWERTOOLS_TRACE_ENABLED: 'false',
    AWS_XRAY_MANUAL_MODE: 'true',
    // The twin runs on Node 20 (the machines' Node); Lambda runs Node 24, where the SDK has nothing to warn about.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
};

/**
 * Twin only: GET /openapi.json serves docs/openapi.json (`npm run openapi`), read on each request so that a
 * regenerated file is served without a restart. Any origin may read it, so that an API viewer on another origin can
 * load it. In AWS the document is published with the repository, not by the API: no Lambda bundles it.
 */
const serveOpenApi: TwinRoutes = async (req, res, url) => {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || url.pathname !== '/openapi.json') return false;
  let body: Buffer;
  try {
    body = await readFile(resolve(process.cwd(), 'docs', 'openapi.json'));
  } catch {
    return false; // not generated: the gateway's 404
  }
  const headers = {
    'content-type': 'application/json',
    'cache-control': 'no-cache',
    'access-control-allow-origin': '*',
    vary: 'accept-encoding',
  };
  // About 250 KB of JSON: gzip when the client accepts it, as the functions do for their text answers.
  if (acceptsGzipEncoding(String(req.headers['accept-encoding'] ?? ''))) {
    res.writeHead(200, { ...headers, 'content-encoding': 'gzip' }).end(gzipSync(body));
    return true;
  }
  res.writeHead(200, headers).end(body);
  return true;
};

export const startTwin = async (options: TwinOptions): Promise<Twin> => {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  if (options.port) await assertPortFree(options.port);
  const stops: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await Promise.resolve(s()).catch(() => undefined);
  };
  // The API port is bound first and held: services that take port 0 while starting can never land on it.
  const gateway = await startGateway(options.port, '127.0.0.1', undefined, false, options.accessLog);
  stops.push(gateway.stop);
  const port = gateway.port;
  const apiUrl = `http://localhost:${port}`;
  try {
    const [dynamodb, s3, ses, sandbox, machines, issuer] = await Promise.all([
      startDynamoDbLocal({ dataDir: options.inMemory ? undefined : dynamodbDir(dataDir), port: options.dynamodbPort }),
      startS3Local({
        dataDir: join(dataDir, 's3'),
        bucket: LOCAL_BUCKET,
        allowedOrigins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
      }),
      startSesLocal(),
      startSandbox({ dataDir, apiKey: SANDBOX_BANK_KEY, timeoutHoldMs: options.bankTimeoutHoldMs }),
      // The ASL of the synthesized stack: the same definition `cdk deploy` ships.
      loadStateMachines(dataDir),
      startLocalIssuer(dataDir, apiUrl),
    ]);
    stops.push(dynamodb.stop, s3.stop, ses.stop, sandbox.stop);
    const machine = (name: string) => {
      const m = machines.get(name);
      if (!m) throw new Error(`The synthesized stack has no state machine ${name}`);
      return m;
    };
    const stepFunctions = new LocalStepFunctions(machine(STATE_MACHINE_NAME), (fn, payload) => invokeFunction(fn, payload, 900_000), {
      retryIntervalMs: options.retryIntervalMs,
      runExecutions: options.runWorkflows,
    });
    stops.push(() => stepFunctions.stop());
    const reconciliationMachine = new LocalStepFunctions(
      machine(RECONCILIATION_STATE_MACHINE_NAME),
      (fn, payload) => invokeFunction(fn, payload, 900_000),
      { retryIntervalMs: options.retryIntervalMs },
    );
    stops.push(() => reconciliationMachine.stop());
    const sfn = await startStepFunctionsEndpoint([stepFunctions, reconciliationMachine], 0);
    stops.push(sfn.stop);
    const lambda = await startLambdaEndpoint((fn, payload) => invokeFunction(fn, payload, 900_000));
    stops.push(lambda.stop);
    const secrets = await startSecretsEndpoint({
      [LOCAL_BANK_KEY_SECRET]: SANDBOX_BANK_KEY,
      [LOCAL_STATUS_LINK_KEY_SECRET]: localStatusLinkKey(dataDir),
    });
    stops.push(secrets.stop);
    // Staff accounts: the issuer's user store behind a Cognito-shaped endpoint, which the admin's routes call.
    const cognito = await startCognitoEndpoint(issuer.store);
    stops.push(cognito.stop);

    const env = {
      ...twinEnvironment({
        dynamodb: dynamodb.endpoint,
        s3: s3.endpoint,
        sfn: sfn.url,
        sesv2: ses.url,
        lambda: lambda.url,
        secrets: secrets.url,
        cognito: cognito.url,
        sandbox: sandbox.url,
        stateMachineArn: stepFunctions.stateMachineArn,
        auth: issuer,
      }),
      [ENV.publicBaseUrl]: apiUrl,
      [ENV.reconcileFunctionName]: 'reconcilePremiums',
      [ENV.reconciliationStateMachineArn]: reconciliationMachine.stateMachineArn,
      ...options.environment,
    };
    // `npm run reconcile` and other shell tools find the running twin's services here.
    writeFileSync(join(dataDir, 'twin.json'), JSON.stringify({ apiUrl, env, startedAt: new Date().toISOString() }, null, 1));
    Object.assign(process.env, env);
    const client = localClient(dynamodb.endpoint);
    await ensureTables(client, TABLES, localTableName);
    client.destroy();

    let seeded: Twin['seeded'] = 'already';
    let premiumsSeeded: Twin['premiumsSeeded'] = Promise.resolve('already');
    if (options.seed) {
      // Imported only now: the SDK clients it creates must see the environment set above.
      const { seedDemoPremiums, seedDemoRoster } = await import('./seed');
      seeded = await seedDemoRoster(log);
      // The demo premiums go on in the background (seed.ts): the twin serves meanwhile; a stop waits for the chunk
      // being written, and the next start finishes them.
      let stopping = false;
      premiumsSeeded = seedDemoPremiums(log, () => stopping).catch((error: unknown) => {
        log(`Demo premiums not finished (the next start goes on): ${(error as Error).message}`);
        return 'stopped' as const;
      });
      const done = premiumsSeeded;
      stops.push(async () => {
        stopping = true;
        await done;
      });
    }
    gateway.open(async (req, res, url) => (await serveOpenApi(req, res, url)) || (await issuer.routes(req, res, url)));
    // EventBridge Scheduler's stand-in: the same event, at the same time, in the same time zone as the CDK schedule.
    const schedule = RECONCILIATION_SCHEDULE;
    // The target is the reconciliation state machine, started as the Scheduler starts it.
    const reconciliation = new Cron(cronExpression(schedule.cron), { timezone: schedule.timeZone, protect: true }, async () => {
      try {
        const { executionArn } = await reconciliationMachine.startExecution(
          `schedule-${new Date()
            .toISOString()
            .replace(/[^0-9]/g, '')
            .slice(0, 12)}`,
          JSON.stringify(schedule.event),
        );
        log(`Daily reconciliation started: ${executionArn}`);
      } catch (error) {
        log(`Daily reconciliation failed to start: ${(error as Error).message}`);
      }
    });
    stops.push(() => reconciliation.stop());
    const yearly = SCHOLARSHIP_REMINDER_SCHEDULE;
    const reminder = new Cron(cronExpression(yearly.cron), { timezone: yearly.timeZone, protect: true }, async () => {
      try {
        await invokeFunction('remindScholarships', yearly.event, 300_000);
        log('Yearly scholarship reminder done.');
      } catch (error) {
        log(`Yearly scholarship reminder failed: ${(error as Error).message}`);
      }
    });
    stops.push(() => reminder.stop());
    const resumed = await resumeOpenClaims(stepFunctions, apiUrl);
    if (resumed) log(`Resumed the workflow of ${resumed} open claim(s).`);
    return {
      apiUrl: gateway.url,
      dynamodb,
      s3,
      sesUrl: ses.url,
      sfnUrl: sfn.url,
      sandbox,
      stepFunctions,
      reconciliation: reconciliationMachine,
      env,
      seeded,
      premiumsSeeded,
      resumed,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};

/**
 * Executions live in memory, claims in DynamoDB: after a restart every open claim gets a fresh execution, whose
 * first task routes it by its stored status (a claim awaiting approval waits again, with a new token, without
 * emailing the approvers twice).
 */
const resumeOpenClaims = async (engine: LocalStepFunctions, apiUrl: string): Promise<number> => {
  // Imported only now, like the seed: the composition root reads the environment set above.
  const [{ claimStore }, { STATUS_GROUPS }] = await Promise.all([
    import('../../shared/composition/claims'),
    import('../../shared/claims/domain/claim'),
  ]);
  const repo = claimStore();
  let count = 0;
  // Claims whose workflow was running when the twin stopped: every open status; and the further payments
  // (tranches) not paid or rejected yet of a claim whose first payment is approved, each in its own execution.
  for (const status of new Set([...STATUS_GROUPS.open, ...STATUS_GROUPS.takesTranches])) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await repo.listByStatus(status, 100, startKey);
      for (const claim of page.items) {
        if (STATUS_GROUPS.open.includes(status as never)) {
          await engine.startExecution(claim.reference, JSON.stringify({ reference: claim.reference, baseUrl: apiUrl }));
          count += 1;
        }
        for (const tranche of claim.tranches ?? []) {
          if (tranche.status === 'PAID' || tranche.status === 'REJECTED') continue;
          const input = { reference: claim.reference, baseUrl: apiUrl, tranche: tranche.id };
          await engine.startExecution(`${claim.reference}-${tranche.id}`, JSON.stringify(input));
          count += 1;
        }
      }
      startKey = page.next;
    } while (startKey);
  }
  return count;
};
