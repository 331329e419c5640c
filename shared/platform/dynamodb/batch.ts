import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, jitter, sleep } from './client';

/** Still unprocessed after every retry: throttling, named so that a workflow's Retry treats it as transient. */
const throttled = (what: string) => Object.assign(new Error(`${what} kept returning unprocessed items`), { name: 'ThrottlingException' });

/**
 * BatchWriteItem in chunks of 25, `concurrency` chunks in flight, unprocessed items retried with jittered backoff.
 * Returns the number of requests sent (for the benchmarks' writes-per-member figures).
 */
export const batchWrite = async (tableName: string, requests: readonly Record<string, unknown>[], concurrency = 8): Promise<number> => {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < requests.length; i += 25) chunks.push(requests.slice(i, i + 25));
  let next = 0;
  let calls = 0;
  const worker = async () => {
    while (next < chunks.length) {
      let pending = chunks[next++]!;
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        if (attempt > 10) throw throttled('BatchWriteItem');
        if (attempt > 0) await sleep(jitter(attempt, 50, 2000));
        calls += 1;
        const out = await documentClient.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }));
        pending = (out.UnprocessedItems?.[tableName] as Record<string, unknown>[] | undefined) ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
  return calls;
};

/** BatchGetItem in chunks of 100, unprocessed keys retried; returns the items found (order not kept). */
export const batchGet = async (
  tableName: string,
  keys: readonly Record<string, unknown>[],
  options: { concurrency?: number; consistentRead?: boolean } = {},
): Promise<Record<string, unknown>[]> => {
  const concurrency = options.concurrency ?? 4;
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < keys.length; i += 100) chunks.push(keys.slice(i, i + 100));
  const found: Record<string, unknown>[] = [];
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      let pending = chunks[next++]!;
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        if (attempt > 10) throw throttled('BatchGetItem');
        if (attempt > 0) await sleep(jitter(attempt, 50, 2000));
        const out = await documentClient.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: options.consistentRead } } }));
        found.push(...(out.Responses?.[tableName] ?? []));
        pending = (out.UnprocessedKeys?.[tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
  return found;
};
