import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet, batchWrite, Limiter } from '../../platform/dynamodb/batch';
import { documentClient } from '../../platform/dynamodb/client';
import { memberKeys } from '../../platform/dynamodb/keys';
import type { RosterStore } from '../application/ports';
import type { Coverage, Member } from '../domain/member';
import { ROSTER_HEADER, type RosterRow } from '../domain/roster-row';

/** The later of two YYYY-MM-DD dates (they compare as strings; Math.max would not). */
const laterDate = (a: string, b: string): string => (a > b ? a : b);

const toItem = (m: Member) => ({
  ...memberKeys.member(m.nik),
  ...memberKeys.byProgram(m.program, m.province, m.nik),
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
    const { pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, entity: _e, ...member } = out.Item;
    return member as Member;
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
      const { pk: _a, sk, gsi1pk: _c, gsi1sk: _d, gsi2pk: _e, gsi2sk: _f, entity: _g, ...rest } = item;
      if (sk === 'PROFILE') member = rest as unknown as Member;
      else coverage = rest as unknown as Coverage;
    }
    return { member, coverage };
  }

  /** Which of these NIKs are on the roster (BatchGetItem of their profiles, keys only). */
  async onRoster(niks: readonly string[]): Promise<Set<string>> {
    const items = await batchGet(
      this.tableName,
      [...new Set(niks)].map((nik) => memberKeys.member(nik)),
    );
    return new Set(items.map((m) => String(m.nik)));
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
   * Applies roster rows: new members are added; a member whose data changed is updated, and a status change is
   * appended to statusHistory with the date it was recorded; a row equal to what is stored is not written at all,
   * so importing the same file twice changes nothing. One BatchGet per 100 rows, one BatchWrite per 25 changes.
   */
  async upsertRoster(rows: readonly RosterRow[], recordedAt: string): Promise<{ imported: number; updated: number; unchanged: number }> {
    const unique = new Map(rows.map((r) => [r.nik, r]));
    const existing = new Map(
      (
        await batchGet(
          this.tableName,
          [...unique.keys()].map((nik) => memberKeys.member(nik)),
        )
      ).map((i) => [String(i.nik), i as unknown as Member]),
    );
    const on = recordedAt.slice(0, 10);
    const writes: Record<string, unknown>[] = [];
    let imported = 0;
    let updated = 0;
    for (const row of unique.values()) {
      const old = existing.get(row.nik);
      const history = old?.statusHistory ?? [];
      const statusChanged = !old || old.status !== row.status;
      const member: Member = {
        ...row,
        kpj: row.kpj || undefined,
        phone: row.phone || undefined,
        // A new member is active from enrolment; a status other than active in the same file takes effect on the
        // day it was recorded (the roster has no status date), never back to the enrolment date.
        statusHistory: !old
          ? [
              { status: 'active', on: row.enrolledOn, recordedAt },
              ...(row.status === 'active' ? [] : [{ status: row.status, on: laterDate(on, row.enrolledOn), recordedAt }]),
            ]
          : statusChanged
            ? [...history, { status: row.status, on, recordedAt }]
            : history,
        updatedAt: recordedAt,
      };
      if (old && sameRow(old, row)) continue;
      if (old) updated += 1;
      else imported += 1;
      writes.push({ PutRequest: { Item: toItem(member) } });
    }
    await batchWrite(this.tableName, writes, this.rosterWrites);
    return { imported, updated, unchanged: unique.size - imported - updated };
  }

  /** Every member of a programme (GSI byProgram), a page at a time: the reconciliation reads the roster this way. */
  async *membersOf(program: string): AsyncGenerator<Member[]> {
    let start: Record<string, unknown> | undefined;
    do {
      const out = await documentClient.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'byProgram',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': `PROGRAM#${program}` },
          ExclusiveStartKey: start,
        }),
      );
      yield (out.Items ?? []).map((item) => {
        const { pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, entity: _e, ...member } = item;
        return member as Member;
      });
      start = out.LastEvaluatedKey;
    } while (start);
  }
}

/** The roster columns a member row is compared on (the NIK is the key). */
const ROSTER_FIELDS = ROSTER_HEADER.filter((f) => f !== 'nik');
const sameRow = (old: Member, row: RosterRow): boolean => ROSTER_FIELDS.every((f) => (old[f] ?? '') === (row[f] ?? ''));
