import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet } from '../../platform/dynamodb/batch';
import { documentClient } from '../../platform/dynamodb/client';
import { claimKeys } from '../../platform/dynamodb/keys';
import type { UploadRecord, UploadStore } from '../application/ports';

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
