import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/dynamodb/client';
import { claimKeys } from '../../platform/dynamodb/keys';
import type { StaffAuditEvent, StaffAuditLog } from '../application/ports';

/**
 * The audit trail of staff accounts in the claims table (`AUDIT#STAFF#<username>` / `AUDIT#<at>#<id>`), beside the claims'
 * own audit partitions (`AUDIT#<reference>`): each change is one item put once (attribute_not_exists), never updated.
 */
export class StaffAuditRepository implements StaffAuditLog {
  constructor(private readonly tableName: string) {}

  async record(event: StaffAuditEvent): Promise<void> {
    await documentClient.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...claimKeys.staffAudit(event.username, event.at, randomUUID().slice(0, 8)), entity: 'STAFF_AUDIT', ...event },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async of(username: string): Promise<StaffAuditEvent[]> {
    const events: StaffAuditEvent[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const out = await documentClient.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
          ExpressionAttributeValues: { ':pk': claimKeys.staffAuditOf(username), ':audit': 'AUDIT#' },
          ExclusiveStartKey,
        }),
      );
      for (const { pk: _pk, sk: _sk, entity: _e, ...event } of out.Items ?? []) events.push(event as StaffAuditEvent);
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return events;
  }
}
