import { COVERAGE_CATEGORIES, type CoverageCategory } from './member';
import type { Discrepancy, DiscrepancyCategory, ReconciliationReport } from './reconciliation';

/**
 * A month's report read a page at a time (GET and POST /staff/reconciliations answer with the summary and one page
 * of discrepancies, not every one of them: the demo roster's list was 900 KB). Pure: the repository reads the pages
 * from the sparse `discrepancies` index (docs/data-model.md M15), one category after the other.
 */

/** The categories a discrepancy can have, in the report's order (COVERAGE_CATEGORIES without PAID). */
export const DISCREPANCY_CATEGORIES = COVERAGE_CATEGORIES.filter((c): c is DiscrepancyCategory => c !== 'PAID');

export const isDiscrepancyCategory = (value: string): value is DiscrepancyCategory =>
  (DISCREPANCY_CATEGORIES as readonly string[]).includes(value);

/** Discrepancies per page unless asked (`limit`), and the most one page holds. */
export const REPORT_PAGE_DEFAULT = 100;
export const REPORT_PAGE_MAX = 1000;

/**
 * Where the next page starts: a category, and the last NIK read in it (none: the category's start). A page ends
 * inside a category or at its end; the list goes on with the next category that has items.
 */
export interface DiscrepancyCursor {
  category: DiscrepancyCategory;
  afterNik?: string;
}

export interface DiscrepancyPage {
  discrepancies: Discrepancy[];
  next?: DiscrepancyCursor;
}

/** Reads one stretch of one category, at most `limit` items, after a NIK; `more`: the index has items after these. */
export type ReadCategory = (
  category: DiscrepancyCategory,
  limit: number,
  afterNik: string | undefined,
) => Promise<{ items: Discrepancy[]; more: boolean }>;

/**
 * One page: the categories in the report's order from the cursor's (or only `category` when filtered), skipping
 * those the summary counts none of, until `limit` items are read. The next cursor points past the last item.
 */
export const readDiscrepancyPage = async (
  counts: Readonly<Record<CoverageCategory, number>>,
  query: { limit: number; category?: DiscrepancyCategory; cursor?: DiscrepancyCursor },
  read: ReadCategory,
): Promise<DiscrepancyPage> => {
  const wanted = (query.category ? [query.category] : DISCREPANCY_CATEGORIES).filter((c) => (counts[c] ?? 0) > 0);
  const start = query.cursor ? wanted.indexOf(query.cursor.category) : 0;
  if (start === -1) return { discrepancies: [] };
  const discrepancies: Discrepancy[] = [];
  for (let i = start; i < wanted.length; i += 1) {
    const category = wanted[i]!;
    const afterNik = i === start ? query.cursor?.afterNik : undefined;
    const room = query.limit - discrepancies.length;
    const { items, more } = await read(category, room, afterNik);
    discrepancies.push(...items);
    if (discrepancies.length < query.limit) continue;
    // The page is full: it goes on in this category, or at the next one that has items.
    if (more && items.length > 0) return { discrepancies, next: { category, afterNik: items[items.length - 1]!.nik } };
    const following = wanted[i + 1];
    return { discrepancies, ...(following ? { next: { category: following } } : {}) };
  }
  return { discrepancies };
};

/**
 * What makes a run's result the same as another's for finance's email: the totals and the count of each category,
 * not when it ran or who asked. Readable on the stored item (docs/data-model.md, the email record).
 */
export const resultFingerprint = (summary: Pick<ReconciliationReport, 'expected' | 'paid' | 'counts'>): string =>
  [
    `members=${summary.expected.members}`,
    `expected=${summary.expected.amount}`,
    `paid=${summary.paid.amount}`,
    ...COVERAGE_CATEGORIES.map((c) => `${c}=${summary.counts[c] ?? 0}`),
  ].join(';');
