import { BatchGetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentType, UploadContentType } from '../domain/claim';
import { documentClient } from './dynamo';
import { claimKeys } from './keys';

export interface UploadRecord {
  uploadId: string;
  type: DocumentType;
  contentType: UploadContentType;
  declaredSize: number;
  key: string;
  createdAt: string;
  /** Epoch seconds; DynamoDB TTL removes records never attached to a claim. */
  expiresAt: number;
}

export class UploadsRepository {
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

  /** At most 20 documents per claim, so one BatchGet (limit 100) is enough; unprocessed keys are retried. */
  async getMany(uploadIds: readonly string[]): Promise<Map<string, UploadRecord>> {
    const found = new Map<string, UploadRecord>();
    let keys: Record<string, unknown>[] = [...new Set(uploadIds)].map((id) => claimKeys.upload(id));
    for (let attempt = 0; keys.length > 0 && attempt < 5; attempt += 1) {
      const out = await documentClient.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys } } }));
      for (const item of out.Responses?.[this.tableName] ?? []) found.set(item.uploadId as string, item as UploadRecord);
      keys = (out.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
    }
    return found;
  }
}
