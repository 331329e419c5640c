import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TABLES } from '../../infra/definitions/tables';
import { ensureTables, localClient, startDynamoDbLocal } from '../../infra/local/dynamodb';
import { startS3Local } from '../../infra/local/s3';
import { LOCAL_BUCKET, localTableName, twinEnvironment } from '../../infra/local/twin';

/**
 * Once per test run: DynamoDB Local (in memory) and the S3 emulator on free ports, with the tables and bucket the
 * stack defines. The environment set here is inherited by Jest's workers, so handlers loaded in a test find them
 * through the same variables as in AWS.
 */
export default async function globalSetup(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'; // Node 20 here, Node 24 on Lambda
  const dir = mkdtempSync(join(tmpdir(), 'santunan-test-'));
  const [dynamodb, s3] = await Promise.all([
    startDynamoDbLocal(),
    startS3Local({ dataDir: join(dir, 's3'), bucket: LOCAL_BUCKET, allowedOrigins: ['*'] }),
  ]);
  const client = localClient(dynamodb.endpoint);
  await ensureTables(client, TABLES, localTableName);
  client.destroy();
  Object.assign(process.env, twinEnvironment(dynamodb.endpoint, s3.endpoint), {
    POWERTOOLS_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'SILENT',
    SANTUNAN_TEST_DIR: dir,
  });
  (globalThis as Record<string, unknown>).__santunanServices = { stop: async () => Promise.all([dynamodb.stop(), s3.stop()]) };
}
