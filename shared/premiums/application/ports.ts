/**
 * The ports of the roster and premium use cases. Adapters: shared/premiums/adapters (DynamoDB) and
 * shared/premiums/adapters/import-files.ts (storage); in-memory fakes in test/support/fakes.
 */
import type { Readable } from 'node:stream';
import type { Message, Notifier } from '../../kernel/notifier';
import type { Coverage, Member } from '../domain/member';
import type { PaymentLine } from '../domain/payment-row';
import type { Discrepancy, DiscrepancyCategory, ReconciliationReport } from '../domain/reconciliation';
import type { RosterRow } from '../domain/roster-row';

export type { Notifier };

/** What finance's summary of a reconciled month says (the web layer renders it: shared/premiums/web/reconciliation-email.ts). */
export interface ReconciliationEmailInput {
  period: string;
  trigger: string;
  summary: { expected: { members: number; amount: number }; paid: { amount: number }; counts: Record<string, number> };
  discrepancies: number;
  baseUrl: string;
}
export type ReconciliationEmail = (input: ReconciliationEmailInput) => Message;

export interface RosterStore {
  get(nik: string): Promise<Member | undefined>;
  /**
   * Adds or updates members, keeping their status and wage histories (applyRosterRow, domain/roster-update.ts); a row
   * that changes nothing is not written.
   */
  upsertRoster(rows: readonly RosterRow[], recordedAt: string): Promise<{ imported: number; updated: number; unchanged: number }>;
  /** The members with these NIKs that are on the roster, by NIK. */
  getMany(niks: readonly string[]): Promise<Map<string, Member>>;
  /** Every member of one bucket (the NIK's last two digits, domain/shards.ts), a page at a time. */
  membersInBucket(bucket: string): AsyncIterable<Member[]>;
}

export interface StoredReport extends Omit<ReconciliationReport, 'discrepancies'> {
  reconciledAt: string;
  trigger: string;
}

/** One member and month. */
export interface MemberMonthKey {
  nik: string;
  period: string;
}

export interface PremiumLedger {
  /** Keyed by period, NIK and receipt: a line stored with the same amounts is not written again. */
  putPayments(lines: readonly PaymentLine[], importedAt: string): Promise<{ added: number; updated: number; unchanged: number }>;
  /** The payment lines of one month and bucket. */
  paymentsInBucket(period: string, bucket: string): Promise<PaymentLine[]>;
  /** Every stored payment line of these member-months, including lines written a moment before. */
  paymentsOf(keys: readonly MemberMonthKey[]): Promise<PaymentLine[]>;
  /** Replaces each member-month's coverage item whole (`name` is kept on items that are not PAID, for the report). */
  putCoverage(items: readonly (Coverage & { name?: string })[]): Promise<number>;
  /** The stored coverage items of these member-months (those that exist), as written a moment before. */
  coverageFor(keys: readonly MemberMonthKey[]): Promise<(Coverage & { name?: string })[]>;
  deleteCoverage(keys: readonly MemberMonthKey[]): Promise<number>;
  /** Removes the month's items of these buckets whose NIK is not in `current` (only discrepancies can be stale). */
  removeStaleCoverage(period: string, current: ReadonlySet<string>, buckets: readonly string[]): Promise<number>;
  coverageOf(nik: string): Promise<Coverage[]>;
  hasReport(period: string): Promise<boolean>;
  putReport(report: StoredReport): Promise<void>;
  /** The stored report with every discrepancy (the CSV export). */
  report(period: string): Promise<(StoredReport & { discrepancies: Discrepancy[] }) | undefined>;
  /** The stored report's summary alone (no discrepancy read). */
  summary(period: string): Promise<StoredReport | undefined>;
  /** The stored summaries of these months (those reconciled), in the order asked. */
  summaries(periods: readonly string[]): Promise<StoredReport[]>;
  /**
   * At most `limit` discrepancies of one month and category after a NIK, in the index's order (bucket, then NIK);
   * `more`: the index may hold items after them.
   */
  discrepancies(
    period: string,
    category: DiscrepancyCategory,
    limit: number,
    afterNik?: string,
  ): Promise<{ items: Discrepancy[]; more: boolean }>;
  /**
   * Records that finance is emailed this result of the month (a conditional write): true when the last result
   * emailed for the month was another one or none, false when this one was already sent (by this run or a concurrent one).
   */
  recordNotice(period: string, notice: ReportNotice): Promise<boolean>;
  /** Takes the record back when the email could not be sent, so the next run of the same result sends it. */
  forgetNotice(period: string, fingerprint: string): Promise<void>;
}

/** The last result of a month emailed to finance (`resultFingerprint`, domain/report-page.ts). */
export interface ReportNotice {
  fingerprint: string;
  sentAt: string;
  trigger: string;
}

export type ImportKind = 'roster' | 'payments';

/** CSV files too large for one request, uploaded to storage first. */
export interface ImportFiles {
  /** The stream of an uploaded file; ValidationError on `uploadId` when there is none. */
  open(kind: ImportKind, uploadId: string): Promise<Readable>;
  /** A direct upload for one file of this kind. */
  presign(kind: ImportKind, uploadId: string, maxBytes: number): Promise<{ url: string; fields: Record<string, string> }>;
}

/** Signs a direct upload of one object (the same signer the documents use). */
export interface ObjectUploadSigner {
  presign(
    key: string,
    contentType: string,
    maxBytes: number,
    expiresSeconds: number,
  ): Promise<{ url: string; fields: Record<string, string> }>;
}
