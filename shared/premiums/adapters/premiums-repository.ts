import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGet, batchWrite, Limiter } from '../../platform/dynamodb/batch';
import { documentClient, isConditionalCheckFailed } from '../../platform/dynamodb/client';
import { memberKeys } from '../../platform/dynamodb/keys';
import type { MemberMonthKey, PremiumLedger, ReportNotice, StoredReport } from '../application/ports';
import { COVERAGE_CATEGORIES, type Coverage, type CoverageCategory } from '../domain/member';
import type { PaymentLine } from '../domain/payment-row';
import type { Discrepancy, DiscrepancyCategory } from '../domain/reconciliation';

const strip = <T>(item: Record<string, unknown>): T => {
  const { pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, gsi2pk: _e, gsi2sk: _f, gsi3pk: _h, gsi3sk: _i, entity: _g, ...rest } = item;
  return rest as T;
};

const toDiscrepancy = (i: Record<string, unknown>): Discrepancy => {
  const c = strip<Coverage & { name?: string }>(i);
  return {
    nik: c.nik,
    category: c.category as Discrepancy['category'],
    expected: c.expected.total,
    paid: c.paid.total,
    ...(c.name ? { name: c.name } : {}),
  };
};

/**
 * The premium ledger in the Members table: payment lines, coverage by member and month, and the report of each
 * month's reconciliation (docs/data-model.md).
 */
export type { StoredReport };

export class PremiumsRepository implements PremiumLedger {
  constructor(private readonly tableName: string) {}

  /**
   * Stores payment lines, keyed by period, NIK and receipt: a line already stored with the same amounts is not
   * written again, so importing a file twice changes nothing. Returns how many lines were new, changed, unchanged.
   */
  async putPayments(
    lines: readonly PaymentLine[],
    importedAt: string,
    /** `fresh`: the lines are known to be new or the same (the twin's demo seed): written without reading first. */
    options: { fresh?: boolean } = {},
  ): Promise<{ added: number; updated: number; unchanged: number }> {
    const byKey = new Map(lines.map((l) => [JSON.stringify(memberKeys.payment(l.period, l.nik, l.receiptNo)), l]));
    const existing = options.fresh
      ? []
      : await batchGet(
          this.tableName,
          [...byKey.keys()].map((k) => JSON.parse(k) as Record<string, unknown>),
        );
    const stored = new Map(existing.map((i) => [JSON.stringify({ pk: i.pk, sk: i.sk }), i]));
    const writes: Record<string, unknown>[] = [];
    let added = 0;
    let updated = 0;
    for (const [key, line] of byKey) {
      const old = stored.get(key);
      if (old && old.jkk === line.jkk && old.jkm === line.jkm && old.paidOn === line.paidOn) continue;
      if (old) updated += 1;
      else added += 1;
      writes.push({ PutRequest: { Item: { ...(JSON.parse(key) as object), entity: 'PAYMENT', ...line, importedAt } } });
    }
    await batchWrite(this.tableName, writes);
    return { added, updated, unchanged: byKey.size - added - updated };
  }

  /**
   * Every payment line of these member-months: one strongly consistent Query per member and month, on the month's
   * partition of the NIK's last digit with `begins_with(sk, "<nik>#")` (a NIK is 16 digits, so no NIK is the prefix of
   * another), eight in flight. Strongly consistent, so lines written a moment before by the same import are seen.
   */
  async paymentsOf(keys: readonly MemberMonthKey[]): Promise<PaymentLine[]> {
    const limiter = new Limiter(8);
    const unique = new Map(keys.map((k) => [`${k.nik}#${k.period}`, k]));
    const pages = await Promise.all(
      [...unique.values()].map(({ nik, period }) =>
        limiter.run(() =>
          this.queryAll({
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :nik)',
            ExpressionAttributeValues: { ':pk': memberKeys.payment(period, nik, '').pk, ':nik': `${nik}#` },
            ConsistentRead: true,
          }),
        ),
      ),
    );
    return pages
      .flat()
      .map((i) => strip<PaymentLine & { importedAt?: string }>(i))
      .map(({ importedAt: _i, ...line }) => line);
  }

  /** The payment lines of one month and bucket: one paginated Query of the bucket's partition. */
  async paymentsInBucket(period: string, bucket: string): Promise<PaymentLine[]> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': memberKeys.paymentBucket(period, bucket) },
    });
    return items.map((i) => strip<PaymentLine & { importedAt?: string }>(i)).map(({ importedAt: _i, ...line }) => line);
  }

  /**
   * Writes one month's coverage: one PutRequest per member (batched by 25). Items that are not PAID also carry the
   * sparse `discrepancies` index keys. UNKNOWN_MEMBER items are stored too, under the NIK that paid.
   */
  async putCoverage(items: readonly Coverage[]): Promise<number> {
    return batchWrite(
      this.tableName,
      items.map((c) => ({
        PutRequest: {
          Item: {
            ...memberKeys.coverage(c.nik, c.period),
            entity: 'COVERAGE',
            ...(c.category === 'PAID' ? {} : memberKeys.discrepancy(c.period, c.category, c.nik)),
            ...c,
          },
        },
      })),
    );
  }

  /**
   * The stored coverage items of these member-months (BatchGetItem, 100 keys a request), strongly consistent so that
   * an item written by the previous batch of the same import is seen.
   */
  async coverageFor(keys: readonly MemberMonthKey[]): Promise<(Coverage & { name?: string })[]> {
    const items = await batchGet(
      this.tableName,
      keys.map(({ nik, period }) => memberKeys.coverage(nik, period)),
      { consistentRead: true },
    );
    return items.map((i) => strip<Coverage & { name?: string }>(i));
  }

  /** Deletes the coverage items of these member-months (BatchWriteItem DeleteRequests; an absent item is no error). */
  async deleteCoverage(keys: readonly MemberMonthKey[]): Promise<number> {
    await batchWrite(
      this.tableName,
      keys.map(({ nik, period }) => ({ DeleteRequest: { Key: memberKeys.coverage(nik, period) } })),
    );
    return keys.length;
  }

  async hasReport(period: string): Promise<boolean> {
    const out = await documentClient.send(
      new GetCommand({ TableName: this.tableName, Key: memberKeys.report(period), ProjectionExpression: 'pk' }),
    );
    return out.Item !== undefined;
  }

  async putReport(report: StoredReport): Promise<void> {
    await documentClient.send(
      new PutCommand({ TableName: this.tableName, Item: { ...memberKeys.report(report.period), entity: 'REPORT', ...report } }),
    );
  }

  async summary(period: string): Promise<StoredReport | undefined> {
    const out = await documentClient.send(new GetCommand({ TableName: this.tableName, Key: memberKeys.report(period) }));
    return out.Item ? strip<StoredReport>(out.Item) : undefined;
  }

  /** The reports of these months (BatchGetItem of their report keys, 100 a request), in the order asked. */
  async summaries(periods: readonly string[]): Promise<StoredReport[]> {
    const items = await batchGet(
      this.tableName,
      periods.map((p) => memberKeys.report(p)),
    );
    const byPeriod = new Map(items.map((i) => [String(i.period), strip<StoredReport>(i)]));
    return periods.flatMap((p) => (byPeriod.has(p) ? [byPeriod.get(p)!] : []));
  }

  /**
   * One stretch of a category: `Query IndexName=discrepancies "gsi2pk = :pk" Limit=<limit>`, starting after the item of
   * `afterNik` (its keys are rebuilt from the NIK: the cursor a client holds is a category and a NIK, never raw keys).
   */
  async discrepancies(
    period: string,
    category: DiscrepancyCategory,
    limit: number,
    afterNik?: string,
  ): Promise<{ items: Discrepancy[]; more: boolean }> {
    if (limit < 1) return { items: [], more: true };
    const out = await documentClient.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'discrepancies',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': memberKeys.discrepancy(period, category, '').gsi2pk },
        Limit: limit,
        ...(afterNik
          ? { ExclusiveStartKey: { ...memberKeys.coverage(afterNik, period), ...memberKeys.discrepancy(period, category, afterNik) } }
          : {}),
      }),
    );
    return { items: (out.Items ?? []).map((i) => toDiscrepancy(i)), more: out.LastEvaluatedKey !== undefined };
  }

  /**
   * `PutItem pk=RECONCILIATION#<period> sk=NOTICE` with `attribute_not_exists(pk) OR fingerprint <> :fp`: of two runs
   * with the same result, concurrent or not, one writes and emails; the other's condition fails and it sends nothing.
   */
  async recordNotice(period: string, notice: ReportNotice): Promise<boolean> {
    try {
      await documentClient.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...memberKeys.reportNotice(period), entity: 'REPORT_NOTICE', period, ...notice },
          ConditionExpression: 'attribute_not_exists(pk) OR fingerprint <> :fp',
          ExpressionAttributeValues: { ':fp': notice.fingerprint },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  /** `DeleteItem` of the notice with `fingerprint = :fp` (a later run's record of another result stays). */
  async forgetNotice(period: string, fingerprint: string): Promise<void> {
    try {
      await documentClient.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: memberKeys.reportNotice(period),
          ConditionExpression: 'fingerprint = :fp',
          ExpressionAttributeValues: { ':fp': fingerprint },
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }

  /** The stored report and its discrepancies, read from the sparse index, one Query per category. */
  async report(period: string): Promise<(StoredReport & { discrepancies: Discrepancy[] }) | undefined> {
    const out = await documentClient.send(new GetCommand({ TableName: this.tableName, Key: memberKeys.report(period) }));
    if (!out.Item) return undefined;
    const summary = strip<StoredReport>(out.Item);
    // In the order of COVERAGE_CATEGORIES, as the reconciliation returns them (a stored map keeps no order).
    const categories = COVERAGE_CATEGORIES.filter((c): c is CoverageCategory => c !== 'PAID' && (summary.counts[c] ?? 0) > 0);
    const lists = await Promise.all(
      categories.map((category) =>
        this.queryAll({
          IndexName: 'discrepancies',
          KeyConditionExpression: 'gsi2pk = :pk',
          ExpressionAttributeValues: { ':pk': `DISCREPANCY#${period}#${category}` },
        }),
      ),
    );
    const discrepancies = lists
      .flatMap((list) => list.sort((a, b) => String(a.nik).localeCompare(String(b.nik))))
      .map((i) => toDiscrepancy(i));
    return { ...summary, discrepancies };
  }

  /**
   * Removes the coverage items of a month and of these buckets that a rerun no longer produces (a member taken off
   * the roster, a payment line corrected away): only items that were discrepancies can be stale, so only the sparse
   * index is read, and only the buckets' ranges of it (`begins_with(gsi2sk, "<bucket>#")`).
   */
  async removeStaleCoverage(period: string, current: ReadonlySet<string>, buckets: readonly string[]): Promise<number> {
    // Every bucket (a run in one shard): the whole partition of each category, not 100 ranges of it.
    const ranges = buckets.length >= 100 ? [undefined] : buckets;
    const lists = await Promise.all(
      COVERAGE_CATEGORIES.filter((c) => c !== 'PAID').flatMap((category) =>
        ranges.map((bucket) =>
          this.queryAll({
            IndexName: 'discrepancies',
            KeyConditionExpression: bucket === undefined ? 'gsi2pk = :pk' : 'gsi2pk = :pk AND begins_with(gsi2sk, :bucket)',
            ExpressionAttributeValues: {
              ':pk': `DISCREPANCY#${period}#${category}`,
              ...(bucket === undefined ? {} : { ':bucket': `${bucket}#` }),
            },
            ProjectionExpression: 'pk, sk, nik',
          }),
        ),
      ),
    );
    const stale = lists.flat().filter((i) => !current.has(String(i.nik)));
    await batchWrite(
      this.tableName,
      stale.map((i) => ({ DeleteRequest: { Key: { pk: i.pk, sk: i.sk } } })),
    );
    return stale.length;
  }

  /** A member's coverage, month by month (Query on the member's partition). */
  async coverageOf(nik: string): Promise<Coverage[]> {
    const items = await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)',
      ExpressionAttributeValues: { ':pk': memberKeys.member(nik).pk, ':c': 'COVERAGE#' },
    });
    return items.map((i) => strip<Coverage>(i));
  }

  private async queryAll(input: Record<string, unknown>): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await documentClient.send(new QueryCommand({ TableName: this.tableName, ...input, ExclusiveStartKey: start } as never));
      items.push(...((out.Items ?? []) as Record<string, unknown>[]));
      start = out.LastEvaluatedKey as Record<string, unknown> | undefined;
    } while (start);
    return items;
  }
}
