import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/dynamodb/client';
import { claimKeys } from '../../platform/dynamodb/keys';
import type { ClaimDraft, DraftStore } from '../application/ports';

/** Drafts not touched for this long are deleted by TTL: a family's data is not kept for a form nobody finished. */
export const DRAFT_TTL_SECONDS = 30 * 86_400;

/**
 * A coordinator's drafts in the claims table: `DRAFT#<username>` / `DRAFT#<draftId>`. The values are stored as one
 * JSON string (what was typed, not yet valid by definition, so no attribute of it is read by any query).
 */
export class DraftsRepository implements DraftStore {
  constructor(private readonly tableName: string) {}

  async save(draft: ClaimDraft): Promise<void> {
    await documentClient.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...claimKeys.draft(draft.username, draft.id),
          entity: 'DRAFT',
          id: draft.id,
          username: draft.username,
          label: draft.label,
          values: JSON.stringify(draft.values),
          updatedAt: draft.updatedAt,
          expiresAt: Math.floor(Date.now() / 1000) + DRAFT_TTL_SECONDS,
        },
      }),
    );
  }

  async get(username: string, id: string): Promise<ClaimDraft | undefined> {
    const out = await documentClient.send(
      new GetCommand({ TableName: this.tableName, Key: claimKeys.draft(username, id), ConsistentRead: true }),
    );
    return out.Item && !expired(out.Item) ? draftOf(out.Item) : undefined;
  }

  async list(username: string): Promise<ClaimDraft[]> {
    const out = await documentClient.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :draft)',
        ExpressionAttributeValues: { ':pk': claimKeys.draftsOf(username), ':draft': 'DRAFT#' },
        ConsistentRead: true,
        Limit: 100,
      }),
    );
    return (out.Items ?? [])
      .filter((item) => !expired(item))
      .map(draftOf)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  async remove(username: string, id: string): Promise<void> {
    await documentClient.send(new DeleteCommand({ TableName: this.tableName, Key: claimKeys.draft(username, id) }));
  }
}

/** TTL deletes lazily: an item past its time is treated as gone. */
const expired = (item: Record<string, unknown>) => typeof item.expiresAt === 'number' && item.expiresAt * 1000 < Date.now();

const draftOf = (item: Record<string, unknown>): ClaimDraft => ({
  id: String(item.id),
  username: String(item.username),
  label: String(item.label ?? ''),
  values: JSON.parse(String(item.values ?? '{}')) as Record<string, unknown>,
  updatedAt: String(item.updatedAt),
});
