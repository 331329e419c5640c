import { ValidationError } from '../../kernel/errors';
import type { Discrepancy, DiscrepancyCategory } from '../domain/reconciliation';
import {
  type DiscrepancyCursor,
  isDiscrepancyCategory,
  REPORT_PAGE_DEFAULT,
  REPORT_PAGE_MAX,
  readDiscrepancyPage,
} from '../domain/report-page';
import type { PremiumLedger, StoredReport } from './ports';

/**
 * The report of a month as the API and the report page answer it: the stored summary (api.md's `period`, `expected`,
 * `paid`, `counts`) and one page of `discrepancies`, with `nextToken` when there are more. The full list is the CSV.
 */
export interface ReportQuery {
  /** Discrepancies on the page: 1-1000, 100 unless asked. */
  limit: number;
  /** Only this category's discrepancies. */
  category?: DiscrepancyCategory;
  /** Where the page starts (a `nextToken` this API gave out). */
  cursor?: DiscrepancyCursor;
}

export type ReportPage = StoredReport & { discrepancies: Discrepancy[]; nextToken?: string; category?: DiscrepancyCategory };

const NIK = /^\d{16}$/;

/** The opaque `nextToken`: the cursor's category and NIK, base64url JSON. */
export const encodeReportToken = (cursor: DiscrepancyCursor): string =>
  Buffer.from(JSON.stringify({ c: cursor.category, ...(cursor.afterNik ? { n: cursor.afterNik } : {}) })).toString('base64url');

const badToken = () => new ValidationError([{ path: 'nextToken', code: 'invalid' }], 'nextToken is not one this API gave out.');

export const decodeReportToken = (token: string): DiscrepancyCursor => {
  let parsed: unknown;
  try {
    parsed = token.length <= 200 ? JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) : undefined;
  } catch {
    throw badToken();
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw badToken();
  const { c, n, ...rest } = parsed as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || typeof c !== 'string' || !isDiscrepancyCategory(c)) throw badToken();
  if (n !== undefined && (typeof n !== 'string' || !NIK.test(n))) throw badToken();
  return { category: c, ...(typeof n === 'string' ? { afterNik: n } : {}) };
};

/**
 * `limit`, `category` and `nextToken` from a query string: a 400 naming the field for anything else than a number
 * 1-1000, a category other than PAID's, or a token this API did not give out (or one of another category than the filter's).
 */
export const reportQueryFrom = (query: Readonly<Record<string, string | undefined>>): ReportQuery => {
  const fields: { path: string; code: string; message?: string }[] = [];
  let limit = REPORT_PAGE_DEFAULT;
  if (query.limit !== undefined && query.limit !== '') {
    const n = /^\d{1,4}$/.test(query.limit) ? Number(query.limit) : Number.NaN;
    if (n >= 1 && n <= REPORT_PAGE_MAX) limit = n;
    else fields.push({ path: 'limit', code: 'invalid', message: `limit is a whole number from 1 to ${REPORT_PAGE_MAX}.` });
  }
  let category: DiscrepancyCategory | undefined;
  if (query.category !== undefined && query.category !== '') {
    if (isDiscrepancyCategory(query.category)) category = query.category;
    else
      fields.push({
        path: 'category',
        code: 'invalid',
        message: 'category is UNPAID, UNDERPAID, OVERPAID, PAID_FOR_INACTIVE or UNKNOWN_MEMBER.',
      });
  }
  let cursor: DiscrepancyCursor | undefined;
  if (query.nextToken) {
    try {
      cursor = decodeReportToken(query.nextToken);
      if (category && cursor.category !== category) throw badToken();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      fields.push(...error.fields);
    }
  }
  if (fields.length > 0) throw new ValidationError(fields, 'The report query is not valid.');
  return { limit, ...(category ? { category } : {}), ...(cursor ? { cursor } : {}) };
};

/** The summary with one page of its discrepancies; undefined when the month has no report. */
export const reportPage = async (
  deps: { premiums: Pick<PremiumLedger, 'summary' | 'discrepancies'> },
  period: string,
  query: ReportQuery,
  known?: StoredReport,
): Promise<ReportPage | undefined> => {
  const summary = known ?? (await deps.premiums.summary(period));
  if (!summary) return undefined;
  const page = await readDiscrepancyPage(summary.counts, query, (category, limit, afterNik) =>
    deps.premiums.discrepancies(period, category, limit, afterNik),
  );
  return {
    ...summary,
    ...(query.category ? { category: query.category } : {}),
    discrepancies: page.discrepancies,
    ...(page.next ? { nextToken: encodeReportToken(page.next) } : {}),
  };
};
