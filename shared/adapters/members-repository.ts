import { BatchGetCommand, BatchWriteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Coverage, Member } from '../domain/member';
import { documentClient, jitter, sleep } from './dynamo';
import { memberKeys } from './keys';

const BATCH = 25; // DynamoDB BatchWriteItem limit

const toItem = (m: Member) => ({ ...memberKeys.member(m.nik), ...memberKeys.byProgram(m.program, m.province, m.nik), entity: 'MEMBER', ...m });

export class MembersRepository {
  constructor(private readonly tableName: string) {}

  async get(nik: string): Promise<Member | undefined> {
    const out = await documentClient.send(new GetCommand({ TableName: this.tableName, Key: memberKeys.member(nik) }));
    if (!out.Item) return undefined;
    const { pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, entity: _e, ...member } = out.Item;
    return member as Member;
  }

  /** The member and the coverage of one month in one BatchGetItem (the workflow's eligibility and coverage checks). */
  async getWithCoverage(nik: string, period: string): Promise<{ member?: Member; coverage?: Coverage }> {
    const keys = [memberKeys.member(nik), memberKeys.coverage(nik, period)];
    let member: Member | undefined;
    let coverage: Coverage | undefined;
    let pending: Record<string, unknown>[] = keys;
    for (let attempt = 0; pending.length > 0 && attempt < 5; attempt += 1) {
      const out = await documentClient.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } } }));
      for (const item of out.Responses?.[this.tableName] ?? []) {
        const { pk: _a, sk, gsi1pk: _c, gsi1sk: _d, entity: _e, ...rest } = item;
        if (sk === 'PROFILE') member = rest as Member;
        else coverage = rest as Coverage;
      }
      pending = (out.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
    }
    return { member, coverage };
  }

  /** Writes one month's coverage (the reconciliation's output; tests and the demo seed use it too). */
  async putCoverage(coverage: Coverage[]): Promise<void> {
    for (let i = 0; i < coverage.length; i += BATCH) {
      let requests: Record<string, unknown>[] = coverage
        .slice(i, i + BATCH)
        .map((c) => ({ PutRequest: { Item: { ...memberKeys.coverage(c.nik, c.period), entity: 'COVERAGE', ...c } } }));
      for (let attempt = 0; requests.length > 0; attempt += 1) {
        if (attempt > 10) throw new Error('BatchWrite kept returning unprocessed items');
        if (attempt > 0) await sleep(jitter(attempt, 50, 2000));
        const out = await documentClient.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests as never } }));
        requests = (out.UnprocessedItems?.[this.tableName] as Record<string, unknown>[] | undefined) ?? [];
      }
    }
  }

  /**
   * Writes members in batches of 25 with `concurrency` batches in flight; unprocessed items are retried with
   * backoff. Puts are idempotent: writing the same member twice leaves one item.
   */
  async putMany(members: readonly Member[], concurrency = 8): Promise<number> {
    const batches: Member[][] = [];
    for (let i = 0; i < members.length; i += BATCH) batches.push(members.slice(i, i + BATCH));
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        let requests: Record<string, unknown>[] = batch.map((m) => ({ PutRequest: { Item: toItem(m) } }));
        for (let attempt = 0; requests.length > 0; attempt += 1) {
          if (attempt > 10) throw new Error('BatchWrite kept returning unprocessed items');
          if (attempt > 0) await sleep(jitter(attempt, 50, 2000));
          const out = await documentClient.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests as never } }));
          requests = (out.UnprocessedItems?.[this.tableName] as Record<string, unknown>[] | undefined) ?? [];
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
    return members.length;
  }

  /** A marker item (e.g. that the demo seed ran), written only once. */
  async markOnce(name: string, attributes: Record<string, unknown>): Promise<boolean> {
    try {
      await documentClient.send(
        new PutCommand({ TableName: this.tableName, Item: { ...memberKeys.meta(name), ...attributes }, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async hasMarker(name: string): Promise<boolean> {
    const out = await documentClient.send(new GetCommand({ TableName: this.tableName, Key: memberKeys.meta(name) }));
    return out.Item !== undefined;
  }
}
