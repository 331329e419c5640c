import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, isConditionalCheckFailed } from '../../platform/dynamodb/client';
import { memberKeys } from '../../platform/dynamodb/keys';
import type { ReconciliationRun, RunStore } from '../application/reconciliation-runs';

/** Reconciliation runs in the members table (`RECONCILIATION_RUN#<runId>` / `RUN`), one item each, kept. */
export class RunsRepository implements RunStore {
  constructor(private readonly tableName: string) {}

  async create(run: ReconciliationRun): Promise<void> {
    await documentClient.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...memberKeys.run(run.runId), entity: 'RECONCILIATION_RUN', ...run },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async get(runId: string): Promise<ReconciliationRun | undefined> {
    const out = await documentClient.send(new GetCommand({ TableName: this.tableName, Key: memberKeys.run(runId), ConsistentRead: true }));
    if (!out.Item) return undefined;
    const { pk: _pk, sk: _sk, entity: _e, ...run } = out.Item;
    return run as ReconciliationRun;
  }

  /** A SUCCEEDED run stays so; a FAILED one may still succeed on Lambda's retry of the invocation. */
  async finish(runId: string, result: Pick<ReconciliationRun, 'status' | 'finishedAt' | 'counts' | 'error'>): Promise<void> {
    const entries = Object.entries(result).filter(([, v]) => v !== undefined);
    try {
      await documentClient.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: memberKeys.run(runId),
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
