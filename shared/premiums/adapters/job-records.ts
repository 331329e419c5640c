import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, isConditionalCheckFailed } from '../../platform/dynamodb/client';

type Key = { pk: string; sk: string };

/**
 * One item per asynchronous job (an on-demand reconciliation run, an import from storage) in the members table:
 * created once, read strongly consistent while a request waits or a client polls, finished once. A SUCCEEDED job
 * stays so; a FAILED one may still succeed on Lambda's retry of the invocation.
 */
export class JobRecords<J extends { status: string }> {
  constructor(
    private readonly tableName: string,
    private readonly keyOf: (id: string) => Key,
    private readonly entity: string,
  ) {}

  async create(id: string, job: J): Promise<void> {
    await documentClient.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...this.keyOf(id), entity: this.entity, ...job },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async get(id: string): Promise<J | undefined> {
    const out = await documentClient.send(new GetCommand({ TableName: this.tableName, Key: this.keyOf(id), ConsistentRead: true }));
    if (!out.Item) return undefined;
    const { pk: _pk, sk: _sk, entity: _e, ...job } = out.Item;
    return job as J;
  }

  async finish(id: string, outcome: Partial<J>): Promise<void> {
    const entries = Object.entries(outcome).filter(([, v]) => v !== undefined);
    try {
      await documentClient.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: this.keyOf(id),
          UpdateExpression: `SET ${entries.map((_, i) => `#k${i} = :v${i}`).join(', ')}`,
          ConditionExpression: 'attribute_exists(pk) AND #status <> :succeeded',
          ExpressionAttributeNames: { '#status': 'status', ...Object.fromEntries(entries.map(([k], i) => [`#k${i}`, k])) },
          ExpressionAttributeValues: { ':succeeded': 'SUCCEEDED', ...Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])) },
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
}
