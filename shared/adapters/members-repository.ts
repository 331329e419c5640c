import { BatchGetCommand, BatchWriteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Coverage, Member } from '../domain/member';
import type { RosterRow } from '../domain/roster-row';
import { batchGet, batchWrite } from './batch';
import { documentClient, jitter, sleep } from './dynamo';
import { memberKeys } from './keys';

const BATCH = 25; // DynamoDB BatchWriteItem limit

const toItem = (m: Member) => ({ ...memberKeys.member(m.nik), ...memberKeys.byProgram(m.program, m.province, m.nik), entity: 'MEMBER', ...m });

export class MembersRepository {
  constructor(private readonly tableName: string) {}

  async get(nik: string): Promise<Member | undefined> {
    const out = await documentClient.send(new GetCommand({ TableName: this.tableName, Key: memberKeys.member(nik) }));
    if (!out.Item) return undefined;
    const { pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, entity: _e, ...member } = out.Item;
    return member as Member;
  }

  /** The member and the coverage of one month in one BatchGetItem (the workflow's eligibility and coverage checks). */
  async getWithCoverage(nik: string, period: string): Promise<{ member?: Member; coverage?: Coverage }> {
    const keys = [memberKeys.member(nik), memberKeys.coverage(nik, period)];
    let member: Member | undefined;
    let coverage: Coverage | undefined;
    let pending: Record<string, unknown>[] = keys;
    for (let attempt = 0; pending.length > 0 && attempt < 5; attempt += 1) {
      const out = await documentClient.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: true } } }));
      for (const item of out.Responses?.[this.tableName] ?? []) {
        const { pk: _a, sk, gsi1pk: _c, gsi1sk: _d, entity: _e, ...rest } = item;
        if (sk === 'PROFILE') member = rest as Member;
        else coverage = rest as Coverage;
      }
      pending = (out.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
      if (pending.length) await sleep(jitter(attempt, 50, 1000));
    }
    // Never read "no member" from a throttled read: that would reject a family's claim as MEMBER_NOT_FOUND.
    if (pending.length) throw Object.assign(new Error('Member read still unprocessed after retries'), { name: 'ThrottlingException' });
    return { member, coverage };
  }

  /** Writes one month's coverage (the reconciliation's output; tests and the demo seed use it too). */
  async putCoverage(coverage: Coverage[]): Promise<void> {
    for (let i = 0; i < coverage.length; i += BATCH) {
      let requests: Record<string, unknown>[] = coverage
        .slice(i, i + BATCH)
        .map((c) => ({ PutRequest: { Item: { ...memberKeys.coverage(c.nik, c.period), entity: 'COVERAGE', ...c } } }));
      for (let attempt = 0; requests.length > 0; attempt += 1) {
        if (attempt > 10) throw new Error('BatchWrite kept returning unprocessed items');
        if (attempt > 0) await sleep(jitter(attempt, 50, 2000));
        const out = await documentClient.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests as never } }));
        requests = (out.UnprocessedItems?.[this.tableName] as Record<string, unknown>[] | undefined) ?? [];
      }
    }
  }

  /**
   * Writes members in batches of 25 with `concurrency` batches in flight; unprocessed items are retried with
   * backoff. Puts are idempotent: writing the same member twice leaves one item.
   */
  async putMany(members: readonly Member[], concurrency = 8): Promise<number> {
    const batches: Member[][] = [];
    for (let i = 0; i < members.length; i += BATCH) batches.push(members.slice(i, i + BATCH));
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        let requests: Record<string, unknown>[] = batch.map((m) => ({ PutRequest: { Item: toItem(m) } }));
        for (let attempt = 0; requests.length > 0; attempt += 1) {
          if (attempt > 10) throw new Error('BatchWrite kept returning unprocessed items');
          if (attempt > 0) await sleep(jitter(attempt, 50, 2000));
          const out = await documentClient.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests as never } }));
          requests = (out.UnprocessedItems?.[this.tableName] as Record<string, unknown>[] | undefined) ?? [];
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
    return members.length;
  }

  /** A marker item (e.g. that the demo seed ran), written only once. */
  async markOnce(name: string, attributes: Record<string, unknown>): Promise<boolean> {
    try {
      await documentClient.send(
        new PutCommand({ TableName: this.tableName, Item: { ...memberKeys.meta(name), ...attributes }, ConditionExpression: 'attribute_not_exists(pk)' }),
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
      (await batchGet(this.tableName, [...unique.keys()].map((nik) => memberKeys.member(nik)))).map((i) => [String(i.nik), i as unknown as Member]),
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
          ? [{ status: 'active', on: row.enrolledOn, recordedAt }, ...(row.status === 'active' ? [] : [{ status: row.status, on: on < row.enrolledOn ? row.enrolledOn : on, recordedAt }])]
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
    await batchWrite(this.tableName, writes);
    return { imported, updated, unchanged: unique.size - imported - updated };
  }

  /** Every member of a programme (GSI byProgram), a page at a time: the reconciliation reads the roster this way. */
  async *membersOf(program: string): AsyncGenerator<Member[]> {
    let start: Record<string, unknown> | undefined;
    do {
      const out = await documentClient.send(
        new QueryCommand({ TableName: this.tableName, IndexName: 'byProgram', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': `PROGRAM#${program}` }, ExclusiveStartKey: start }),
      );
      yield (out.Items ?? []).map((item) => {
        const { pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, entity: _e, ...member } = item;
        return member as Member;
      });
      start = out.LastEvaluatedKey;
    } while (start);
  }
}

const ROSTER_FIELDS = ['name', 'program', 'kpj', 'province', 'regency', 'district', 'enrolledOn', 'monthlyWage', 'phone', 'status'] as const;
const sameRow = (old: Member, row: RosterRow): boolean => ROSTER_FIELDS.every((f) => (old[f] ?? '') === (row[f] ?? ''));
