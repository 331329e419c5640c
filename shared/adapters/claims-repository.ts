import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Claim } from '../domain/claim';
import { ConflictError, IdempotencyKeyReusedError, WriteConflictError } from '../http/errors';
import { cancellationReasons, documentClient, jitter, sleep, type CancellationReason } from './dynamo';
import { claimKeys } from './keys';

export interface AuditEvent {
  type: string;
  at: string;
  actor: { kind: 'family' | 'staff' | 'system'; id?: string };
  /** Already masked: no NIK, account or phone in clear. */
  details?: Record<string, unknown>;
}

export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export interface IdempotencyInput {
  scope: string;
  key: string;
  requestHash: string;
  response: StoredResponse;
  ttlSeconds: number;
}

export type CreateClaimResult =
  | { kind: 'created' }
  | { kind: 'replayed'; response: StoredResponse }
  | { kind: 'referenceTaken' };

const CLAIM_PREFIX_FIELDS = (claim: Claim) => ({
  ...claimKeys.claim(claim.reference),
  ...claimKeys.byStatus(claim.status, claim.submittedAt, claim.reference),
  entity: 'CLAIM',
});

const itemOf = (reason: CancellationReason | undefined): Record<string, unknown> | undefined => {
  const item = reason?.Item as Record<string, unknown> | undefined;
  if (!item) return undefined;
  // The document client does not unmarshall cancellation reasons: items arrive in AttributeValue form.
  const first = Object.values(item)[0];
  return first && typeof first === 'object' && !Array.isArray(first) ? unmarshall(item as never) : item;
};

export class ClaimsRepository {
  constructor(private readonly tableName: string) {}

  /**
   * Writes the claim, its open-claim lock, its first audit event and (when a key was given) the idempotency record
   * in one transaction: either all of them exist afterwards or none does. Concurrent submissions for one member
   * and benefit race on the lock's attribute_not_exists condition and exactly one wins.
   */
  async create(claim: Claim, audit: AuditEvent, idempotency?: IdempotencyInput): Promise<CreateClaimResult> {
    const nowEpoch = Math.floor(Date.now() / 1000);
    const items = [
      {
        Put: {
          TableName: this.tableName,
          Item: { ...CLAIM_PREFIX_FIELDS(claim), ...claim },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: {
            ...claimKeys.openLock(claim.member.nik, claim.benefit),
            entity: 'OPEN_CLAIM_LOCK',
            reference: claim.reference,
            claimantNik: claim.claimant.nik,
            createdAt: claim.submittedAt,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: { ...claimKeys.audit(claim.reference, audit.at, 1), entity: 'AUDIT', reference: claim.reference, ...audit },
        },
      },
    ];
    if (idempotency) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: {
            ...claimKeys.idempotency(idempotency.scope, idempotency.key),
            entity: 'IDEMPOTENCY',
            requestHash: idempotency.requestHash,
            response: idempotency.response,
            expiresAt: nowEpoch + idempotency.ttlSeconds,
          },
          // An expired record (TTL deletion is lazy) may be replaced.
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
          ExpressionAttributeValues: { ':now': nowEpoch },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
        } as never,
      });
    }

    for (let attempt = 0; ; attempt += 1) {
      try {
        await documentClient.send(new TransactWriteCommand({ TransactItems: items }));
        return { kind: 'created' };
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (!reasons) throw error;
        const [claimReason, lockReason, , idemReason] = reasons;
        if (idemReason?.Code === 'ConditionalCheckFailed') {
          const existing = itemOf(idemReason);
          if (existing?.requestHash !== idempotency?.requestHash) throw new IdempotencyKeyReusedError();
          return { kind: 'replayed', response: existing!.response as StoredResponse };
        }
        if (lockReason?.Code === 'ConditionalCheckFailed') {
          const lock = itemOf(lockReason);
          throw new ConflictError('DUPLICATE_CLAIM', 'An open or paid claim already exists for this member and benefit.', {
            reference: lock?.reference,
            claimantNik: lock?.claimantNik,
          });
        }
        if (claimReason?.Code === 'ConditionalCheckFailed') return { kind: 'referenceTaken' };
        // TransactionConflict: another transaction touched the same items. Back off and try again; the loser
        // of a race then sees the winner's lock or idempotency record and answers accordingly.
        if (!reasons.some((r) => r.Code === 'TransactionConflict')) throw error; // e.g. ValidationError, throttling: a real fault
        if (attempt < 8) {
          await sleep(jitter(attempt));
          continue;
        }
        throw new WriteConflictError('The claim could not be saved because of concurrent requests; please retry.', { cause: error });
      }
    }
  }

  /** Strongly consistent: the form redirects to the status page right after the write. */
  async get(reference: string): Promise<Claim | undefined> {
    const out = await documentClient.send(new GetCommand({ TableName: this.tableName, Key: claimKeys.claim(reference), ConsistentRead: true }));
    if (!out.Item) return undefined;
    const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, entity: _e, ...claim } = out.Item;
    return claim as Claim;
  }
}
