import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConflictError, IdempotencyKeyReusedError, WriteConflictError } from '../../kernel/errors';
import { batchGet } from '../../platform/dynamodb/batch';
import {
  cancellationReasons,
  cancelledItem,
  documentClient,
  isConditionalCheckFailed,
  jitter,
  sleep,
} from '../../platform/dynamodb/client';
import { claimKeys } from '../../platform/dynamodb/keys';
import {
  type ClaimPage,
  type ClaimStore,
  type CreateClaimResult,
  type IdempotencyInput,
  type Transition,
  UploadsRefusedError,
} from '../application/ports';
import { type AuditEvent, type Claim, type ClaimStatus, locksOf } from '../domain/claim';
import { distinctUses, refusedUses, uploadUseItems } from './uploads-repository';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const CLAIM_PREFIX_FIELDS = (claim: Claim) => ({
  ...claimKeys.claim(claim.reference),
  ...claimKeys.byStatus(claim.status, claim.submittedAt, claim.reference),
  ...(claim.district ? claimKeys.byDistrict(claim.district, claim.submittedAt, claim.reference) : {}),
  ...claimKeys.byNik(claim.member.nik, claim.reference, 'MEMBER'),
  entity: 'CLAIM',
});

/** The claimant's entry in byNik: the claimant never changes, so it is written once, with the claim. */
const CLAIMANT_INDEX_ITEM = (claim: Claim) => ({
  ...claimKeys.claimantIndex(claim.reference),
  ...claimKeys.byNik(claim.claimant.nik, claim.reference, 'CLAIMANT'),
  entity: 'CLAIMANT_INDEX',
  reference: claim.reference,
});

/** References are 15 characters (`SNT-2026-7KQ4MZ`); older imports may differ a little, never by kilobytes. */
const MAX_REFERENCE_LENGTH = 64;
const plausibleReference = (reference: string): boolean => reference.length > 0 && reference.length <= MAX_REFERENCE_LENGTH;

export class ClaimsRepository implements ClaimStore {
  constructor(private readonly tableName: string) {}

  /**
   * Writes the claim, its claimant's open-claim lock, its first audit event, (when a key was given) the idempotency
   * record, the binding of each document's upload and the claimant's byNik index item in one transaction, checking that no claim for the member and
   * benefit was paid: either all of them exist afterwards or none does. Concurrent submissions by one claimant race on
   * the lock's attribute_not_exists condition, and concurrent claims naming one upload on its claimReference
   * condition: exactly one wins each; another claimant's claim is accepted (a competing claim). At most 6 + 20 items
   * (a claim has at most 20 documents), well within the 100 a transaction takes.
   */
  async create(claim: Claim, audit: AuditEvent, idempotency?: IdempotencyInput): Promise<CreateClaimResult> {
    const nowEpoch = Math.floor(Date.now() / 1000);
    const { memberNik, benefit, claimantNik } = locksOf(claim);
    const items: TransactItem[] = [
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
            ...claimKeys.claimantLock(memberNik, benefit, claimantNik),
            entity: 'OPEN_CLAIM_LOCK',
            reference: claim.reference,
            claimantNik,
            createdAt: claim.submittedAt,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      {
        ConditionCheck: {
          TableName: this.tableName,
          Key: claimKeys.payoutLock(memberNik, benefit),
          ConditionExpression: 'attribute_not_exists(pk) OR #state <> :paid',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':paid': 'paid' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: { ...claimKeys.audit(claim.reference, audit.at, 1), entity: 'AUDIT', reference: claim.reference, ...audit },
          ConditionExpression: 'attribute_not_exists(pk)',
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
            reference: claim.reference,
            expiresAt: nowEpoch + idempotency.ttlSeconds,
          },
          // An expired record (TTL deletion is lazy) may be replaced.
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
          ExpressionAttributeValues: { ':now': nowEpoch },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      });
    }
    // Reasons come back in item order: remember where the optional items sit.
    const idempotencyAt = idempotency ? 4 : -1;
    const usesAt = items.length;
    const uses = distinctUses(claim.documents.map((d) => ({ uploadId: d.uploadId, type: d.type })));
    items.push(...uploadUseItems(this.tableName, claim.reference, uses));
    // Last, so the reasons above keep their places: a new reference has no index item yet, so no condition.
    items.push({ Put: { TableName: this.tableName, Item: CLAIMANT_INDEX_ITEM(claim) } });

    for (let attempt = 0; ; attempt += 1) {
      try {
        await documentClient.send(new TransactWriteCommand({ TransactItems: items }));
        return { kind: 'created' };
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (!reasons) throw error;
        const [claimReason, lockReason, paidReason] = reasons;
        const idemReason = idempotencyAt >= 0 ? reasons[idempotencyAt] : undefined;
        // A replay first: its uploads are bound to the claim it created, and the lock is that claim's.
        if (idemReason?.Code === 'ConditionalCheckFailed') {
          const existing = cancelledItem(idemReason);
          if (existing?.requestHash !== idempotency?.requestHash) throw new IdempotencyKeyReusedError();
          return { kind: 'replayed', reference: referenceOf(existing!) };
        }
        if (lockReason?.Code === 'ConditionalCheckFailed' || paidReason?.Code === 'ConditionalCheckFailed') {
          const lock = cancelledItem(lockReason?.Code === 'ConditionalCheckFailed' ? lockReason : paidReason);
          throw new ConflictError('DUPLICATE_CLAIM', 'An open or paid claim already exists for this member and benefit.', {
            reference: lock?.reference,
            claimantNik: lock?.claimantNik,
          });
        }
        const refused = refusedUses(reasons.slice(usesAt), uses);
        if (refused.length) throw new UploadsRefusedError(refused);
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
    // No claim has a reference this long, and DynamoDB refuses a key over 2 KB with an error: answer "none" first.
    if (!plausibleReference(reference)) return undefined;
    const out = await documentClient.send(
      new GetCommand({ TableName: this.tableName, Key: claimKeys.claim(reference), ConsistentRead: true }),
    );
    return out.Item ? stripKeys(out.Item) : undefined;
  }

  /**
   * A state change of a claim: one conditional update (expected status, and optionally an expected pending task
   * token) plus its audit event, in one transaction, and the open-claim lock released when the claim closes
   * without payment. Every workflow step and staff decision goes through here; a lost race is a ConflictError.
   */
  async transition(reference: string, change: Transition): Promise<Claim> {
    const names: Record<string, string> = { '#status': 'status', '#version': 'version', '#updatedAt': 'updatedAt' };
    const values: Record<string, unknown> = { ':one': 1, ':at': change.at };
    const sets = ['#version = #version + :one', '#updatedAt = :at'];
    const removes: string[] = [];
    const conditions: string[] = [];
    change.from.forEach((status, i) => {
      values[`:from${i}`] = status;
    });
    conditions.push(`#status IN (${change.from.map((_, i) => `:from${i}`).join(', ')})`);
    if (change.expectToken !== undefined) {
      names['#pendingTask'] = 'pendingTask';
      names['#token'] = 'token';
      values[':token'] = change.expectToken;
      conditions.push('#pendingTask.#token = :token');
    }
    if (change.expectVersion !== undefined) {
      values[':version'] = change.expectVersion;
      conditions.push('#version = :version');
    }
    if (change.to) {
      values[':to'] = change.to;
      values[':gsi1pk'] = `STATUS#${change.to}`;
      names['#gsi1pk'] = 'gsi1pk';
      sets.push('#status = :to', '#gsi1pk = :gsi1pk');
    }
    // A district set on the claim (verification found the member) keys it in byDistrict; the sort key keeps the time
    // it was first set, so a claim verified again does not move in its district's list.
    const district = change.set?.district;
    if (typeof district === 'string') {
      const keys = claimKeys.byDistrict(district, change.at, reference);
      names['#gsi2pk'] = 'gsi2pk';
      names['#gsi2sk'] = 'gsi2sk';
      values[':gsi2pk'] = keys.gsi2pk;
      values[':gsi2sk'] = keys.gsi2sk;
      sets.push('#gsi2pk = :gsi2pk', '#gsi2sk = if_not_exists(#gsi2sk, :gsi2sk)');
    }
    // A correction of the member moves the claim in byNik to the corrected member's NIK.
    const member = change.set?.member as { nik?: unknown } | undefined;
    if (typeof member?.nik === 'string') {
      const keys = claimKeys.byNik(member.nik, reference, 'MEMBER');
      names['#gsi3pk'] = 'gsi3pk';
      names['#gsi3sk'] = 'gsi3sk';
      values[':gsi3pk'] = keys.gsi3pk;
      values[':gsi3sk'] = keys.gsi3sk;
      sets.push('#gsi3pk = :gsi3pk', '#gsi3sk = :gsi3sk');
    }
    if (change.timeline) {
      names['#timeline'] = 'timeline';
      values[':entry'] = Array.isArray(change.timeline) ? change.timeline : [change.timeline];
      sets.push('#timeline = list_append(#timeline, :entry)');
    }
    Object.entries(change.set ?? {}).forEach(([key, value], i) => {
      names[`#s${i}`] = key;
      if (value === undefined) removes.push(`#s${i}`);
      else {
        values[`:s${i}`] = value;
        sets.push(`#s${i} = :s${i}`);
      }
    });
    const update = `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`;
    const items: TransactItem[] = [
      {
        Update: {
          TableName: this.tableName,
          Key: claimKeys.claim(reference),
          UpdateExpression: update,
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: { ...claimKeys.audit(reference, change.at, randomUUID().slice(0, 8)), entity: 'AUDIT', reference, ...change.audit },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
    items.push(...this.lockItems(reference, change));
    const reservationIndex = change.reservePayout ? 2 : -1;
    // takeLock's two items come right after the claim update and the audit event (lockItems puts them first).
    const takeLockAt = change.takeLock ? 2 : -1;
    // Documents added to the claim: their uploads are bound to it in the same write (at most 5 + 20 items).
    const usesAt = items.length;
    const uses = distinctUses(change.useUploads ?? []);
    items.push(...uploadUseItems(this.tableName, reference, uses));
    for (let attempt = 0; ; attempt += 1) {
      try {
        await documentClient.send(new TransactWriteCommand({ TransactItems: items }));
        break;
      } catch (error) {
        const reasons = cancellationReasons(error);
        if (takeLockAt >= 0 && reasons?.[0]?.Code !== 'ConditionalCheckFailed') {
          const held = [reasons?.[takeLockAt], reasons?.[takeLockAt + 1]].find((r) => r?.Code === 'ConditionalCheckFailed');
          if (held) {
            const holder = cancelledItem(held);
            throw new ConflictError('DUPLICATE_CLAIM', 'An open or paid claim already exists for this member and benefit.', {
              reference: holder?.reference,
              claimantNik: holder?.claimantNik,
            });
          }
        }
        if (reservationIndex >= 0 && reasons?.[reservationIndex]?.Code === 'ConditionalCheckFailed') {
          const holder = cancelledItem(reasons[reservationIndex]);
          throw new ConflictError(
            'COMPETING_CLAIM_APPROVED',
            `Another claim for this member and benefit (${String(holder?.reference ?? 'unknown')}) is approved or paid; only one can be paid.`,
            { reference: holder?.reference },
          );
        }
        if (reasons?.[0]?.Code === 'ConditionalCheckFailed' || isConditionalCheckFailed(error)) {
          throw new ConflictError(
            'CLAIM_STATE_CHANGED',
            `Claim ${reference} is no longer in the expected state (${change.from.join(', ')}).`,
          );
        }
        const refused = refusedUses(reasons?.slice(usesAt) ?? [], uses);
        if (refused.length) throw new UploadsRefusedError(refused);
        if (reasons?.some((r) => r.Code === 'TransactionConflict')) {
          if (attempt < 5) {
            await sleep(jitter(attempt));
            continue;
          }
          // Retryable by name in the state machine (TRANSIENT_ERRORS) and a 409 at the HTTP edge.
          throw new WriteConflictError(`Claim ${reference} was changed concurrently; try again.`, { cause: error });
        }
        throw error;
      }
    }
    const after = await this.get(reference);
    if (!after) throw new Error(`Claim ${reference} vanished after an update`);
    return after;
  }

  /**
   * The items a transition writes in the member-and-benefit partition, in this order: the claimant's lock taken
   * again with a check that nothing was paid (`takeLock`, third and fourth), the payout reservation
   * (`reservePayout`, third, after the claim update and the audit event; never with takeLock), the paid reservation (`markPaid`),
   * the released open-claim lock (`releaseLock`). Each touches only what this claim holds: a reservation is taken at
   * approval, so a claim that closes without payment (always before approval) never holds one to release.
   */
  private lockItems(reference: string, change: Transition): TransactItem[] {
    const names = { '#ref': 'reference', '#state': 'state' };
    const items: TransactItem[] = [];
    if (change.takeLock) {
      const { memberNik, benefit, claimantNik } = change.takeLock;
      items.push(
        {
          Put: {
            TableName: this.tableName,
            Item: {
              ...claimKeys.claimantLock(memberNik, benefit, claimantNik),
              entity: 'OPEN_CLAIM_LOCK',
              reference,
              claimantNik,
              createdAt: change.at,
            },
            // Held by this claim already (a retried reopening) is fine; another claim's lock refuses it.
            ConditionExpression: 'attribute_not_exists(pk) OR #ref = :ref',
            ExpressionAttributeNames: { '#ref': 'reference' },
            ExpressionAttributeValues: { ':ref': reference },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        {
          ConditionCheck: {
            TableName: this.tableName,
            Key: claimKeys.payoutLock(memberNik, benefit),
            ConditionExpression: 'attribute_not_exists(pk) OR #state <> :paid',
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ':paid': 'paid' },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
      );
    }
    if (change.reservePayout) {
      const { memberNik, benefit } = change.reservePayout;
      items.push({
        Put: {
          TableName: this.tableName,
          Item: { ...claimKeys.payoutLock(memberNik, benefit), entity: 'PAYOUT_RESERVATION', reference, state: 'reserved', at: change.at },
          // Taken again before the bank is called: idempotent for its holder, refused to any other claim.
          ConditionExpression: 'attribute_not_exists(pk) OR (#ref = :ref AND #state = :reserved)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':ref': reference, ':reserved': 'reserved' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      });
    }
    if (change.markPaid) {
      const { memberNik, benefit } = change.markPaid;
      items.push({
        Put: {
          TableName: this.tableName,
          Item: { ...claimKeys.payoutLock(memberNik, benefit), entity: 'PAYOUT_RESERVATION', reference, state: 'paid', at: change.at },
          ConditionExpression: 'attribute_not_exists(pk) OR #ref = :ref',
          ExpressionAttributeNames: { '#ref': 'reference' },
          ExpressionAttributeValues: { ':ref': reference },
        },
      });
    }
    if (change.releaseLock) {
      const { memberNik, benefit, claimantNik } = change.releaseLock;
      // Only this claim's own lock: a newer claim by the same claimant keeps its lock.
      items.push({
        Delete: {
          TableName: this.tableName,
          Key: claimKeys.claimantLock(memberNik, benefit, claimantNik),
          ConditionExpression: 'attribute_not_exists(pk) OR #ref = :ref',
          ExpressionAttributeNames: { '#ref': 'reference' },
          ExpressionAttributeValues: { ':ref': reference },
        },
      });
    }
    return items;
  }

  /** The open claims of a member and benefit, one per claimant (a paid claim's lock stays: it is listed too). */
  async openClaimsFor(memberNik: string, benefit: string): Promise<{ reference: string; claimantNik: string }[]> {
    const out = await documentClient.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :claimant)',
        ExpressionAttributeValues: { ':pk': claimKeys.memberBenefit(memberNik, benefit), ':claimant': 'CLAIMANT#' },
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).map((item) => ({ reference: String(item.reference), claimantNik: String(item.claimantNik) }));
  }

  /** Staff queue: claims in one status, newest first (or oldest first), a page at a time (GSI byStatus). */
  listByStatus(
    status: ClaimStatus,
    limit: number,
    startKey?: Record<string, unknown>,
    order: 'newest' | 'oldest' = 'newest',
  ): Promise<ClaimPage> {
    return this.newestFirst('byStatus', 'gsi1pk', `STATUS#${status}`, limit, startKey, order === 'oldest');
  }

  /**
   * Claims of every status, newest first: one Query per status partition of byStatus, each for the `limit` newest
   * before `before` (a `gsi1sk`), merged. The cursor is the last claim's `gsi1sk`: a claim that changes status between
   * two pages may show twice or not at all, as in any list of a moving queue.
   */
  async listAll(statuses: readonly ClaimStatus[], limit: number, before?: string): Promise<{ items: Claim[]; next?: string }> {
    const pages = await Promise.all(
      statuses.map((status) =>
        documentClient.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: 'byStatus',
            KeyConditionExpression: before ? '#pk = :pk AND #sk < :before' : '#pk = :pk',
            ExpressionAttributeNames: { '#pk': 'gsi1pk', ...(before ? { '#sk': 'gsi1sk' } : {}) },
            ExpressionAttributeValues: { ':pk': `STATUS#${status}`, ...(before ? { ':before': before } : {}) },
            ScanIndexForward: false,
            Limit: limit,
          }),
        ),
      ),
    );
    // A partition cut short (its Limit, or 1 MB) may hold claims older than its last one: only the claims at or after
    // the latest such cut are known to be complete, so a page never skips one.
    const cut = pages
      .filter((p) => p.LastEvaluatedKey)
      .map((p) => String(p.Items?.at(-1)?.gsi1sk ?? p.LastEvaluatedKey?.gsi1sk ?? ''))
      .reduce((a, b) => (b > a ? b : a), '');
    const all = pages
      .flatMap((p) => p.Items ?? [])
      .filter((item) => String(item.gsi1sk) >= cut)
      .sort((a, b) => String(b.gsi1sk).localeCompare(String(a.gsi1sk)));
    const more = all.length > limit || pages.some((p) => p.LastEvaluatedKey);
    const taken = all.slice(0, limit);
    const last = taken.at(-1);
    return { items: taken.map(stripKeys), ...(more && last ? { next: String(last.gsi1sk) } : {}) };
  }

  /**
   * How many claims are in a status: `Select COUNT` on its byStatus partition, page by page (each page reads up to
   * 1 MB), stopping once `cap` is reached (`capped`: there are at least that many).
   */
  async countByStatus(status: ClaimStatus, cap: number): Promise<{ count: number; capped: boolean }> {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const out = await documentClient.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'byStatus',
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': 'gsi1pk' },
          ExpressionAttributeValues: { ':pk': `STATUS#${status}` },
          Select: 'COUNT',
          ExclusiveStartKey: start,
        }),
      );
      count += out.Count ?? 0;
      start = out.LastEvaluatedKey;
    } while (start && count < cap);
    // Capped: more than the cap were counted, or the cap was reached with pages left unread.
    return { count: Math.min(count, cap), capped: count > cap || (count === cap && start !== undefined) };
  }

  /**
   * The claims whose member or claimant has this NIK (GSI byNik, eventually consistent): the claims the Query finds
   * as members, and through the claimant index items a BatchGet of the others. Claims stored before the index
   * existed carry no byNik keys and are not found (docs/data-model.md, C14).
   */
  async claimsByNik(nik: string, limit: number): Promise<{ claim: Claim; as: ('member' | 'claimant')[] }[]> {
    const out = await documentClient.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'byNik',
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': 'gsi3pk' },
        ExpressionAttributeValues: { ':pk': `NIK#${nik}` },
        Limit: limit * 2,
      }),
    );
    const found = new Map<string, { claim?: Claim; as: ('member' | 'claimant')[] }>();
    for (const item of out.Items ?? []) {
      const reference = String(item.reference);
      const entry = found.get(reference) ?? { as: [] };
      if (item.entity === 'CLAIM') {
        entry.claim = stripKeys(item);
        entry.as.push('member');
      } else entry.as.push('claimant');
      found.set(reference, entry);
    }
    const missing = [...found].filter(([, e]) => !e.claim).map(([reference]) => reference);
    if (missing.length) {
      const got = await batchGet(
        this.tableName,
        missing.slice(0, 100).map((r) => claimKeys.claim(r)),
      );
      for (const item of got) {
        const entry = found.get(String(item.reference));
        if (entry) entry.claim = stripKeys(item);
      }
    }
    return [...found.values()]
      .filter((e): e is { claim: Claim; as: ('member' | 'claimant')[] } => e.claim !== undefined)
      .sort((a, b) => b.claim.submittedAt.localeCompare(a.claim.submittedAt))
      .slice(0, limit);
  }

  /** A district's claims, newest first, a page at a time (GSI byDistrict; eventually consistent). */
  listByDistrict(district: string, limit: number, startKey?: Record<string, unknown>): Promise<ClaimPage> {
    return this.newestFirst('byDistrict', 'gsi2pk', `DISTRICT#${district}`, limit, startKey);
  }

  /** One partition of a claims index, newest first (the sort keys start with a time). */
  private async newestFirst(
    indexName: string,
    keyName: string,
    key: string,
    limit: number,
    startKey?: Record<string, unknown>,
    oldestFirst = false,
  ): Promise<ClaimPage> {
    const out = await documentClient.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: indexName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': keyName },
        ExpressionAttributeValues: { ':pk': key },
        ScanIndexForward: oldestFirst,
        Limit: limit,
        ExclusiveStartKey: startKey,
      }),
    );
    return { items: (out.Items ?? []).map(stripKeys), next: out.LastEvaluatedKey };
  }

  /** A lone audit event: a new item (attribute_not_exists), so an existing event is never overwritten. */
  async recordAudit(reference: string, event: AuditEvent): Promise<void> {
    await documentClient.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...claimKeys.audit(reference, event.at, randomUUID().slice(0, 8)), entity: 'AUDIT', reference, ...event },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /** The audit trail of one claim, oldest first. */
  async auditTrail(reference: string): Promise<(AuditEvent & { sk: string })[]> {
    if (!plausibleReference(reference)) return [];
    const items: (AuditEvent & { sk: string })[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await documentClient.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
          ExpressionAttributeValues: { ':pk': claimKeys.auditPartition(reference), ':audit': 'AUDIT#' },
          ExclusiveStartKey: start,
        }),
      );
      items.push(...((out.Items ?? []) as (AuditEvent & { sk: string })[]));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }
}

const stripKeys = (item: Record<string, unknown>): Claim => {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, gsi2pk: _g3, gsi2sk: _g4, gsi3pk: _g5, gsi3sk: _g6, entity: _e, ...claim } = item;
  return claim as unknown as Claim;
};

/**
 * The claim an idempotency record points at. Records written before the record kept the reference held the whole
 * HTTP response instead; they expire within a day, and until then the reference is read from that response.
 */
const referenceOf = (record: Record<string, unknown>): string => {
  if (typeof record.reference === 'string') return record.reference;
  const response = record.response as { headers?: { location?: string }; body?: string } | undefined;
  const m = /SNT-\d{4}-[A-Z0-9]{6}/.exec(`${response?.headers?.location ?? ''} ${response?.body ?? ''}`);
  if (!m) throw new Error('Idempotency record without a claim reference');
  return m[0];
};
