/**
 * In-memory fakes of the roster and premium-ledger ports, for use-case unit tests without services. They keep the
 * contract the DynamoDB adapters keep (rows applied by the same pure applyRosterRow, payment lines keyed by period,
 * NIK and receipt, coverage replaced whole per member and month), so a use case tested here behaves the same against
 * the real store (the integration tier checks that side).
 */
import type { MemberMonthKey, PremiumLedger, ReportNotice, RosterStore, StoredReport } from '../../../shared/premiums/application/ports';
import type { Coverage, Member } from '../../../shared/premiums/domain/member';
import { type PaymentLine, paymentLineKey } from '../../../shared/premiums/domain/payment-row';
import type { Discrepancy, DiscrepancyCategory } from '../../../shared/premiums/domain/reconciliation';
import type { RosterRow } from '../../../shared/premiums/domain/roster-row';
import { applyRosterRow } from '../../../shared/premiums/domain/roster-update';
import { bucketOf } from '../../../shared/premiums/domain/shards';

const clone = <T>(value: T): T => structuredClone(value);

export class InMemoryRoster implements RosterStore {
  readonly members = new Map<string, Member>();

  async get(nik: string) {
    const member = this.members.get(nik);
    return member && clone(member);
  }

  async getMany(niks: readonly string[]) {
    return new Map(niks.flatMap((nik) => (this.members.has(nik) ? [[nik, clone(this.members.get(nik)!)] as const] : [])));
  }

  async upsertRoster(rows: readonly RosterRow[], recordedAt: string) {
    const counts = { imported: 0, updated: 0, unchanged: 0 };
    for (const row of new Map(rows.map((r) => [r.nik, r])).values()) {
      const { member, change } = applyRosterRow(this.members.get(row.nik), row, recordedAt);
      counts[change] += 1;
      if (change !== 'unchanged') this.members.set(member.nik, clone(member));
    }
    return counts;
  }

  async *membersInBucket(bucket: string) {
    yield [...this.members.values()].filter((m) => bucketOf(m.nik) === bucket).map(clone);
  }
}

type StoredCoverage = Coverage & { name?: string };

export class InMemoryLedger implements PremiumLedger {
  readonly payments = new Map<string, PaymentLine>();
  /** Keyed `<nik>#<period>`. */
  readonly coverage = new Map<string, StoredCoverage>();
  readonly reports = new Map<string, StoredReport>();

  async putPayments(lines: readonly PaymentLine[]) {
    const counts = { added: 0, updated: 0, unchanged: 0 };
    for (const line of lines) {
      const key = paymentLineKey(line);
      const old = this.payments.get(key);
      if (old && old.jkk === line.jkk && old.jkm === line.jkm && old.paidOn === line.paidOn) counts.unchanged += 1;
      else {
        counts[old ? 'updated' : 'added'] += 1;
        this.payments.set(key, clone(line));
      }
    }
    return counts;
  }

  /** Member-months asked for by paymentsOf, in order (a test can check the refresh stays within the import). */
  readonly memberMonthsRead: MemberMonthKey[] = [];

  async paymentsOf(keys: readonly MemberMonthKey[]) {
    this.memberMonthsRead.push(...keys);
    const wanted = new Set(keys.map((k) => `${k.nik}#${k.period}`));
    return [...this.payments.values()].filter((l) => wanted.has(`${l.nik}#${l.period}`)).map(clone);
  }

  async deleteCoverage(keys: readonly MemberMonthKey[]) {
    for (const { nik, period } of keys) this.coverage.delete(`${nik}#${period}`);
    this.coverageWrites += keys.length;
    return keys.length;
  }

  async paymentsInBucket(period: string, bucket: string) {
    return [...this.payments.values()].filter((l) => l.period === period && bucketOf(l.nik) === bucket).map(clone);
  }

  /** Coverage items written (put or deleted), over the fake's life. */
  coverageWrites = 0;

  async putCoverage(items: readonly StoredCoverage[]) {
    for (const item of items) this.coverage.set(`${item.nik}#${item.period}`, clone(item));
    this.coverageWrites += items.length;
    return items.length;
  }

  async coverageFor(keys: readonly MemberMonthKey[]) {
    return keys.flatMap(({ nik, period }) => {
      const item = this.coverage.get(`${nik}#${period}`);
      return item ? [clone(item)] : [];
    });
  }

  async removeStaleCoverage(period: string, current: ReadonlySet<string>, buckets: readonly string[]) {
    let removed = 0;
    const mine = new Set(buckets);
    for (const [key, item] of this.coverage) {
      if (item.period === period && item.category !== 'PAID' && mine.has(bucketOf(item.nik)) && !current.has(item.nik)) {
        this.coverage.delete(key);
        removed += 1;
      }
    }
    return removed;
  }

  async coverageOf(nik: string) {
    return [...this.coverage.values()]
      .filter((c) => c.nik === nik)
      .sort((a, b) => a.period.localeCompare(b.period))
      .map(clone);
  }

  async hasReport(period: string) {
    return this.reports.has(period);
  }

  async putReport(report: StoredReport) {
    this.reports.set(report.period, clone(report));
  }

  async report(period: string) {
    const stored = this.reports.get(period);
    if (!stored) return undefined;
    const discrepancies: Discrepancy[] = [...this.coverage.values()]
      .filter((c) => c.period === period && c.category !== 'PAID')
      .map((c) => ({
        nik: c.nik,
        category: c.category as Discrepancy['category'],
        expected: c.expected.total,
        paid: c.paid.total,
        ...(c.name ? { name: c.name } : {}),
      }));
    return { ...clone(stored), discrepancies };
  }

  async summary(period: string) {
    const stored = this.reports.get(period);
    return stored ? clone(stored) : undefined;
  }

  async summaries(periods: readonly string[]) {
    return periods.flatMap((p) => (this.reports.has(p) ? [clone(this.reports.get(p)!)] : []));
  }

  /** In the index's order: bucket, then NIK. */
  async discrepancies(period: string, category: DiscrepancyCategory, limit: number, afterNik?: string) {
    const order = (nik: string) => `${bucketOf(nik)}#${nik}`;
    const all = [...this.coverage.values()]
      .filter((c) => c.period === period && c.category === category)
      .sort((a, b) => order(a.nik).localeCompare(order(b.nik)))
      .filter((c) => afterNik === undefined || order(c.nik) > order(afterNik));
    const items = all.slice(0, Math.max(0, limit)).map((c) => ({
      nik: c.nik,
      category,
      expected: c.expected.total,
      paid: c.paid.total,
      ...(c.name ? { name: c.name } : {}),
    }));
    return { items, more: all.length > items.length };
  }

  /** The last result emailed, per month. */
  readonly notices = new Map<string, ReportNotice>();

  async recordNotice(period: string, notice: ReportNotice) {
    if (this.notices.get(period)?.fingerprint === notice.fingerprint) return false;
    this.notices.set(period, { ...notice });
    return true;
  }

  async forgetNotice(period: string, fingerprint: string) {
    if (this.notices.get(period)?.fingerprint === fingerprint) this.notices.delete(period);
  }

  /** Test helper: the coverage item of a member and month. */
  coverageItem(nik: string, period: string): StoredCoverage | undefined {
    return this.coverage.get(`${nik}#${period}`);
  }
}
