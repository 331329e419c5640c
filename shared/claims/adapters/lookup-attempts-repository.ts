import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, isConditionalCheckFailed } from '../../platform/dynamodb/client';
import { claimKeys } from '../../platform/dynamodb/keys';
import type { LookupAdmission, LookupAttempts } from '../application/ports';
import { type LookupLimitPolicy, lookupWindow, secondsLeftInWindow } from '../domain/lookup-limit';

/**
 * The lookup counters in the claims table: one item per reference and fixed window (`LOOKUP#<reference>` /
 * `WINDOW#<start>`), `failures` (a number) and `clients` (a string set of client keys). Admitting an attempt is one
 * conditional UpdateItem whose condition is `admitsLookup` (domain/lookup-limit.ts) written for DynamoDB, so the
 * check and the count are atomic: concurrent guesses cannot all read "room left". The item expires by TTL after its
 * window (DynamoDB deletes expired items lazily; a later window never reads an earlier one).
 */
export class LookupAttemptsRepository implements LookupAttempts {
  constructor(
    private readonly tableName: string,
    private readonly policy: LookupLimitPolicy,
  ) {}

  async begin(reference: string, client: string, at: Date): Promise<LookupAdmission> {
    const { start, end } = lookupWindow(at, this.policy.windowSeconds);
    try {
      await documentClient.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: claimKeys.lookupWindow(reference, start),
          UpdateExpression: 'ADD #failures :one, #clients :clientSet SET #entity = :entity, #expiresAt = :expiresAt',
          ConditionExpression:
            'attribute_not_exists(#failures) OR #failures < :perReference OR ' +
            '(#failures < :allClients AND NOT contains(#clients, :client))',
          ExpressionAttributeNames: { '#failures': 'failures', '#clients': 'clients', '#entity': 'entity', '#expiresAt': 'expiresAt' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':clientSet': new Set([client]),
            ':client': client,
            ':entity': 'LOOKUP_WINDOW',
            // A window past its end is never read again; the TTL only tidies up.
            ':expiresAt': end + this.policy.windowSeconds,
            ':perReference': this.policy.perReference,
            ':allClients': this.policy.perReferenceAllClients,
          },
        }),
      );
      return { admitted: true, window: start };
    } catch (error) {
      if (isConditionalCheckFailed(error))
        return { admitted: false, retryAfterSeconds: secondsLeftInWindow(at, this.policy.windowSeconds) };
      throw error;
    }
  }

  async succeeded(reference: string, client: string, window: number): Promise<void> {
    await documentClient.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: claimKeys.lookupWindow(reference, window),
        UpdateExpression: 'ADD #failures :minusOne DELETE #clients :clientSet',
        // Only the item `begin` wrote: never create a window with a negative count.
        ConditionExpression: 'attribute_exists(#failures)',
        ExpressionAttributeNames: { '#failures': 'failures', '#clients': 'clients' },
        ExpressionAttributeValues: { ':minusOne': -1, ':clientSet': new Set([client]) },
      }),
    );
  }
}
