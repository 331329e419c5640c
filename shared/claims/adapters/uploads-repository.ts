import { PutCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { batchGet } from '../../platform/dynamodb/batch';
import { type CancellationReason, cancelledItem, documentClient } from '../../platform/dynamodb/client';
import { claimKeys } from '../../platform/dynamodb/keys';
import type { UploadRecord, UploadRefusal, UploadStore, UploadUse } from '../application/ports';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export class UploadsRepository implements UploadStore {
  constructor(private readonly tableName: string) {}

  async put(record: UploadRecord): Promise<void> {
    await documentClient.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...claimKeys.upload(record.uploadId), entity: 'UPLOAD', ...record },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /** At most 20 documents per claim: one BatchGetItem (limit 100); unprocessed keys are retried. */
  async getMany(uploadIds: readonly string[]): Promise<Map<string, UploadRecord>> {
    const items = await batchGet(
      this.tableName,
      [...new Set(uploadIds)].map((id) => claimKeys.upload(id)),
    );
    return new Map(items.map((item) => [String(item.uploadId), item as unknown as UploadRecord]));
  }
}

/** Each upload once: DynamoDB refuses a transaction that names one item twice. */
export const distinctUses = (uses: readonly UploadUse[]): UploadUse[] => [...new Map(uses.map((u) => [u.uploadId, u] as const)).values()];

/**
 * The transaction items that bind uploads to a claim (ClaimsRepository adds them to the claim's own write). The
 * record must exist with the document type the claim uses it as (an Update on a missing key would create one), and
 * belong to no claim yet or to this one: so a replayed or repeated request of the same claim passes, any other claim
 * fails. A bound record loses its expiry: it lives as long as the claim.
 */
export const uploadUseItems = (tableName: string, reference: string, uses: readonly UploadUse[]): TransactItem[] =>
  uses.map((use) => ({
    Update: {
      TableName: tableName,
      Key: claimKeys.upload(use.uploadId),
      UpdateExpression: 'SET #claim = :ref REMOVE #expiresAt',
      ConditionExpression: '#type = :type AND (attribute_not_exists(#claim) OR #claim = :ref)',
      ExpressionAttributeNames: { '#claim': 'claimReference', '#expiresAt': 'expiresAt', '#type': 'type' },
      ExpressionAttributeValues: { ':ref': reference, ':type': use.type },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  }));

/** Why each refused binding failed, from the cancellation reasons of the upload items (in `uses` order). */
export const refusedUses = (
  reasons: readonly (CancellationReason | undefined)[],
  uses: readonly UploadUse[],
): { uploadId: string; reason: UploadRefusal }[] =>
  uses.flatMap((use, i) => {
    const reason = reasons[i];
    if (reason?.Code !== 'ConditionalCheckFailed') return [];
    const old = cancelledItem(reason);
    const why: UploadRefusal = !old ? 'notFound' : old.type !== use.type ? 'typeMismatch' : 'alreadyUsed';
    return [{ uploadId: use.uploadId, reason: why }];
  });
