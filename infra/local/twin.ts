import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TABLES, type TableDefinition } from '../definitions/tables';
import { ensureTables, localClient, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb';
import { startGateway } from './gateway';
import { assertPortFree, freePort } from './ports';
import { startS3Local, type S3Local } from './s3';

export interface TwinOptions {
  /** Where state lives; DynamoDB Local keeps its tables here unless `inMemory`. */
  dataDir: string;
  /** HTTP API port; 0 picks a free one. */
  port: number;
  /** Tests use an in-memory DynamoDB Local; `npm start` keeps the data on disk. */
  inMemory?: boolean;
  /** Write the demo roster on first start. */
  seed?: boolean;
  log?: (line: string) => void;
}

export interface Twin {
  apiUrl: string;
  dynamodb: DynamoDbLocal;
  s3: S3Local;
  env: Record<string, string>;
  seeded: { members: number; ms: number } | 'already';
  stop: () => Promise<void>;
}

export const LOCAL_PREFIX = 'santunan-local';
export const localTableName = (t: TableDefinition) => `${LOCAL_PREFIX}-${t.id}`;
export const LOCAL_BUCKET = `${LOCAL_PREFIX}-documents`;

/**
 * The environment a function gets, pointing the unchanged AWS SDK at the twin through the standard
 * AWS_ENDPOINT_URL_* variables. The variable names are the ones the CDK stack sets.
 */
export const twinEnvironment = (dynamoEndpoint: string, s3Endpoint: string): Record<string, string> => ({
  AWS_REGION: process.env.AWS_REGION ?? 'ap-southeast-3',
  // s3rver knows one key pair; DynamoDB Local (-sharedDb) accepts any.
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
  AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
  AWS_ENDPOINT_URL_S3: s3Endpoint,
  ...Object.fromEntries(TABLES.map((t) => [t.envVar, localTableName(t)])),
  DOCUMENTS_BUCKET_NAME: LOCAL_BUCKET,
  S3_FORCE_PATH_STYLE: 'true',
  UPLOAD_ORIGIN: s3Endpoint,
  POWERTOOLS_SERVICE_NAME: 'santunan-local',
  // The twin runs on Node 20 (the machines' Node); Lambda runs Node 24, where the SDK has nothing to warn about.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
});

export const startTwin = async (options: TwinOptions): Promise<Twin> => {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const port = options.port || (await freePort());
  await assertPortFree(port);
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    const [dynamodb, s3] = await Promise.all([
      startDynamoDbLocal({ dataDir: options.inMemory ? undefined : join(dataDir, 'dynamodb') }),
      startS3Local({ dataDir: join(dataDir, 's3'), bucket: LOCAL_BUCKET, allowedOrigins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`] }),
    ]);
    stops.push(dynamodb.stop, s3.stop);
    const env = twinEnvironment(dynamodb.endpoint, s3.endpoint);
    Object.assign(process.env, env);
    const client = localClient(dynamodb.endpoint);
    await ensureTables(client, TABLES, localTableName);
    client.destroy();

    let seeded: Twin['seeded'] = 'already';
    if (options.seed) {
      // Imported only now: the SDK clients it creates must see the environment set above.
      const { seedDemoRoster } = await import('./seed');
      seeded = await seedDemoRoster(log);
    }
    const gateway = await startGateway(port);
    stops.push(gateway.stop);
    return { apiUrl: gateway.url, dynamodb, s3, env, seeded, stop };
  } catch (error) {
    await stop();
    throw error;
  }
};
