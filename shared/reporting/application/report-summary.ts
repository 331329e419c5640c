import { jakartaDate } from '../../kernel/time';
import { monthsOf, parseReportRange, type ReportRange } from '../domain/range';
import { type CoverageReport, type ReportClaim, type ReportSummary, summarize } from '../domain/summary';

/** What the reports read (shared/reporting/adapters/reporting-repository.ts; docs/data-model.md R1 and R2). */
export interface ReportSource {
  /** Every claim received up to the end of `lastDay` (YYYY-MM-DD, Jakarta), in any status, with what the report reads. */
  claimsReceivedThrough(lastDay: string): Promise<ReportClaim[]>;
  /** The reconciliation reports of these months (YYYY-MM) that exist. */
  coverageReports(periods: readonly string[]): Promise<CoverageReport[]>;
}

/**
 * The summary of a range (`from`/`to` as the query gave them, checked here: a 400 on the field). Every claim received
 * up to the range's end is read, because a claim received years before may be paid, decided or due in the range
 * (a scholarship is paid every school year); each figure then counts its own events by their own day.
 */
export const reportSummary = async (
  deps: { source: ReportSource },
  query: { from?: string; to?: string },
  now: Date = new Date(),
  scope: { provinces?: readonly string[] } = {},
): Promise<ReportSummary> => {
  const range: ReportRange = parseReportRange(query, jakartaDate(now));
  const [claims, coverage] = await Promise.all([deps.source.claimsReceivedThrough(range.to), deps.source.coverageReports(monthsOf(range))]);
  return summarize({ range, claims, coverage, now, ...(scope.provinces ? { provinces: scope.provinces } : {}) });
};
