import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, jitter, sleep } from './client';

/** Still unprocessed after every retry: throttling, named so that a workflow's Retry treats it as transient. */
const throttled = (what: string) => Object.assign(new Error(`${what} kept returning unprocessed items`), { name: 'ThrottlingException' });

/**
 * At most `size` tasks at a time, served in order of arrival. Callers that share one limiter share one budget of
 * requests in flight: a roster import writes batch after batch while it reads the next ones, and its writes stay
 * within the same eight requests in flight as one large BatchWrite.
 */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.size) this.active += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // the finishing task hands over its slot
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}

/**
 * BatchWriteItem in chunks of 25, `concurrency` chunks in flight (or the slots of a shared Limiter), unprocessed
 * items retried with jittered backoff. Returns the number of requests sent (for the benchmarks' writes-per-member
 * figures).
 */
export const batchWrite = async (
  tableName: string,
  requests: readonly Record<string, unknown>[],
  concurrency: number | Limiter = 8,
): Promise<number> => {
  const limiter = typeof concurrency === 'number' ? new Limiter(concurrency) : concurrency;
  let calls = 0;
  const writeChunk = async (chunk: Record<string, unknown>[]) => {
    let pending = chunk;
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt > 10) throw throttled('BatchWriteItem');
      if (attempt > 0) await sleep(jitter(attempt, 50, 2000));
      calls += 1;
      const out = await documentClient.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }));
      pending = (out.UnprocessedItems?.[tableName] as Record<string, unknown>[] | undefined) ?? [];
    }
  };
  const chunks: Promise<void>[] = [];
  for (let i = 0; i < requests.length; i += 25) {
    const chunk = requests.slice(i, i + 25) as Record<string, unknown>[];
    chunks.push(limiter.run(() => writeChunk(chunk)));
  }
  await Promise.all(chunks);
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
        const out = await documentClient.send(
          new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: options.consistentRead } } }),
        );
        found.push(...(out.Responses?.[tableName] ?? []));
        pending = (out.UnprocessedKeys?.[tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, chunks.length) }, worker));
  return found;
};
