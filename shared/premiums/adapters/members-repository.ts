import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet, batchWrite, Limiter } from '../../platform/dynamodb/batch';
import { documentClient } from '../../platform/dynamodb/client';
import { memberKeys } from '../../platform/dynamodb/keys';
import type { RosterStore } from '../application/ports';
import type { Coverage, Member } from '../domain/member';
import type { RosterRow } from '../domain/roster-row';
import { applyRosterRow } from '../domain/roster-update';

/** A stored member without its keys. Items written before wages had a history have no `wageHistory` (wageOn copes). */
const toMember = (item: Record<string, unknown>): Member => {
  const { pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, gsi3pk: _f, gsi3sk: _g, entity: _e, ...member } = item;
  return member as unknown as Member;
};

const toItem = (m: Member) => ({
  ...memberKeys.member(m.nik),
  ...memberKeys.byProgram(m.program, m.province, m.nik),
  ...memberKeys.byShard(m.nik),
  entity: 'MEMBER',
  ...m,
});

/** The roster; it also serves the claims' MemberLookup port (getWithCoverage), matched by shape in the composition root. */
export class MembersRepository implements RosterStore {
  /**
   * The roster's writes share one budget of eight BatchWriteItem requests in flight, however many batches of an
   * import are being applied at once (the import reads the next batch while this one is written).
   */
  private readonly rosterWrites = new Limiter(8);

  constructor(private readonly tableName: string) {}

  async get(nik: string): Promise<Member | undefined> {
    const out = await documentClient.send(new GetCommand({ TableName: this.tableName, Key: memberKeys.member(nik) }));
    if (!out.Item) return undefined;
    return toMember(out.Item);
  }

  /**
   * The member and the coverage of one month in one BatchGetItem (the workflow's eligibility and coverage checks),
   * strongly consistent. A read still throttled after the retries throws (ThrottlingException): it must never be
   * taken for "no member", which would reject a family's claim as MEMBER_NOT_FOUND.
   */
  async getWithCoverage(nik: string, period: string): Promise<{ member?: Member; coverage?: Coverage }> {
    const items = await batchGet(this.tableName, [memberKeys.member(nik), memberKeys.coverage(nik, period)], { consistentRead: true });
    let member: Member | undefined;
    let coverage: Coverage | undefined;
    for (const item of items) {
      const { pk: _a, sk, gsi1pk: _c, gsi1sk: _d, gsi2pk: _e, gsi2sk: _f, gsi3pk: _h, gsi3sk: _i, entity: _g, ...rest } = item;
      if (sk === 'PROFILE') member = rest as unknown as Member;
      else coverage = rest as unknown as Coverage;
    }
    return { member, coverage };
  }

  /** The members with these NIKs that are on the roster, by NIK (BatchGetItem of their profiles). */
  async getMany(niks: readonly string[]): Promise<Map<string, Member>> {
    const items = await batchGet(
      this.tableName,
      [...new Set(niks)].map((nik) => memberKeys.member(nik)),
    );
    return new Map(items.map((item) => [String(item.nik), toMember(item)]));
  }

  /** Writes members (BatchWriteItem by 25, `concurrency` batches in flight). Idempotent: a member written twice is one item. */
  async putMany(members: readonly Member[], concurrency = 8): Promise<number> {
    await batchWrite(
      this.tableName,
      members.map((m) => ({ PutRequest: { Item: toItem(m) } })),
      concurrency,
    );
    return members.length;
  }

  /** A marker item (e.g. that the demo seed ran), written only once. */
  async markOnce(name: string, attributes: Record<string, unknown>): Promise<boolean> {
    try {
      await documentClient.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...memberKeys.meta(name), ...attributes },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async hasMarker(name: string): Promise<boolean> {
    const out = await documentClient.send(new GetCommand({ TableName: this.tableName, Key: memberKeys.meta(name) }));
    return out.Item !== undefined;
  }

  /**
   * Applies roster rows (applyRosterRow, roster-update.ts): new members are added; a member whose data changed is
   * updated, with its status and wage histories; a row equal to what is stored is not written at all, so importing
   * the same file twice changes nothing (except to give an item written before the byShard index its keys). One
   * BatchGet per 100 rows, one BatchWrite per 25 changes.
   */
  async upsertRoster(rows: readonly RosterRow[], recordedAt: string): Promise<{ imported: number; updated: number; unchanged: number }> {
    const unique = new Map(rows.map((r) => [r.nik, r]));
    const items = await batchGet(
      this.tableName,
      [...unique.keys()].map((nik) => memberKeys.member(nik)),
    );
    const existing = new Map(items.map((item) => [String(item.nik), toMember(item)]));
    // A member item written before the byShard index has no gsi3 keys: the sharded reconciliation would not see it.
    // Its row, even unchanged, is written again with them (still counted unchanged: its data did not change).
    const unkeyed = new Set(items.filter((item) => item.gsi3pk === undefined).map((item) => String(item.nik)));
    const writes: Record<string, unknown>[] = [];
    const counts = { imported: 0, updated: 0, unchanged: 0 };
    for (const row of unique.values()) {
      const { member, change } = applyRosterRow(existing.get(row.nik), row, recordedAt);
      counts[change] += 1;
      if (change !== 'unchanged' || unkeyed.has(row.nik)) writes.push({ PutRequest: { Item: toItem(member) } });
    }
    await batchWrite(this.tableName, writes, this.rosterWrites);
    return counts;
  }

  /**
   * Every member of one bucket (GSI byShard, `SHARD#<last two digits of the NIK>`), a page at a time: a shard of the
   * reconciliation reads its members this way, one Query per bucket, never a Scan.
   */
  async *membersInBucket(bucket: string): AsyncGenerator<Member[]> {
    let start: Record<string, unknown> | undefined;
    do {
      const out = await documentClient.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'byShard',
          KeyConditionExpression: 'gsi3pk = :pk',
          ExpressionAttributeValues: { ':pk': memberKeys.shardPartition(bucket) },
          ExclusiveStartKey: start,
        }),
      );
      yield (out.Items ?? []).map(toMember);
      start = out.LastEvaluatedKey;
    } while (start);
  }
}
