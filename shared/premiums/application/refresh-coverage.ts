import { logger } from '../../platform/observability/logger';
import type { Coverage, Member } from '../domain/member';
import { type PaymentLine, paymentLineKey } from '../domain/payment-row';
import { ReconciliationInputError, reconcileMemberMonth } from '../domain/reconciliation';
import type { MemberMonthKey, PremiumLedger } from './ports';

export type CoverageRefreshDeps = {
  premiums: Pick<PremiumLedger, 'coverageFor' | 'paymentsOf' | 'putCoverage' | 'deleteCoverage'>;
};

type StoredCoverage = Coverage & { name?: string };

const sameItem = (a: StoredCoverage, b: StoredCoverage): boolean =>
  a.category === b.category &&
  a.name === b.name &&
  a.expected.jkk === b.expected.jkk &&
  a.expected.jkm === b.expected.jkm &&
  a.paid.jkk === b.paid.jkk &&
  a.paid.jkm === b.paid.jkm &&
  a.receipts.length === b.receipts.length &&
  a.receipts.every((r, i) => r === b.receipts[i]);

/**
 * Recomputes and writes, at once, the coverage of the member-months that one batch of imported payment lines touches,
 * with the month's reconciliation's own per-member categorisation (reconcileMemberMonth): a claim filed after a
 * payment import and before the nightly run reads the month as the payments left it, not as SPONSOR_ARREARS.
 *
 * Which lines count for a member-month: the batch's own lines, plus those stored before. Those are read with one
 * strongly consistent Query of the member-month (`paymentsOf`), except when the member-month's stored coverage item
 * counts no receipt outside the batch: then the batch's lines are all the lines (the usual case, where the nightly
 * run wrote the month UNPAID, or a file is imported again), and no Query is sent. The coverage items themselves are
 * read in one BatchGetItem per 100 member-months.
 *
 * That shortcut trusts a coverage item to count every line stored when it was written: every writer of payment
 * lines refreshes coverage after them, and the reconciliation recomputes from every line. A line stored but left out
 * of coverage (an import stopped between its lines and their coverage, and not run again) is counted at the month's
 * next reconciliation; until then the month can only look less paid than it is (flagged for a supervisor, never
 * rejected), never more.
 *
 * Bounded by the batch (at most 500 lines): at most one coverage read per 100 member-months, one Query per
 * member-month that needs one, one write per member-month whose item changes. Idempotent: an item equal to the stored
 * one (apart from `reconciledAt`) is not written again, so importing a file twice writes no coverage the second time.
 * A member-month the reconciliation would leave without an item (Rp0 for a month not owed) loses the item it had. A
 * member-month the rules cannot price (a programme no longer configured, a month before any schedule) keeps its item,
 * is logged, and is left to the reconciliation, which fails loudly on it.
 *
 * `members` are the roster profiles of the lines' NIKs (absent: not on the roster, UNKNOWN_MEMBER).
 */
export const refreshCoverage = async (
  deps: CoverageRefreshDeps,
  lines: readonly PaymentLine[],
  members: ReadonlyMap<string, Member>,
  reconciledAt: string,
): Promise<{ written: number; removed: number; queried: number; skipped: number }> => {
  const batchLines = new Map<string, Map<string, PaymentLine>>();
  const keys = new Map<string, MemberMonthKey>();
  for (const line of lines) {
    const key = `${line.nik}#${line.period}`;
    keys.set(key, { nik: line.nik, period: line.period });
    const own = batchLines.get(key) ?? new Map<string, PaymentLine>();
    own.set(paymentLineKey(line), line);
    batchLines.set(key, own);
  }
  if (keys.size === 0) return { written: 0, removed: 0, queried: 0, skipped: 0 };

  const stored = new Map((await deps.premiums.coverageFor([...keys.values()])).map((c) => [`${c.nik}#${c.period}`, c]));
  const toQuery = [...keys].filter(([key]) => {
    // Query unless a stored item counts only receipts of this batch (absent item: lines may be stored, never counted).
    const receipts = new Set([...batchLines.get(key)!.values()].map((l) => l.receiptNo));
    return !stored.get(key)?.receipts.every((r) => receipts.has(r));
  });
  const queried = new Map<string, PaymentLine[]>();
  if (toQuery.length > 0) {
    for (const line of await deps.premiums.paymentsOf(toQuery.map(([, k]) => k))) {
      const key = `${line.nik}#${line.period}`;
      const list = queried.get(key);
      if (list) list.push(line);
      else queried.set(key, [line]);
    }
  }

  const items: StoredCoverage[] = [];
  const removed: MemberMonthKey[] = [];
  let skipped = 0;
  for (const [key, { nik, period }] of keys) {
    const member = members.get(nik);
    // The queried lines include the batch's own (the Query is strongly consistent and runs after their write).
    const monthLines = queried.get(key) ?? [...batchLines.get(key)!.values()];
    let coverage: Coverage | undefined;
    try {
      coverage = reconcileMemberMonth({ period, nik, member, lines: monthLines, reconciledAt }).coverage;
    } catch (error) {
      if (!(error instanceof ReconciliationInputError)) throw error;
      skipped += 1;
      logger.warn('coverage not refreshed', { period, reason: error.message });
      continue;
    }
    const old = stored.get(key);
    if (!coverage) {
      if (old) removed.push({ nik, period });
      continue;
    }
    const item: StoredCoverage = coverage.category !== 'PAID' && member ? { ...coverage, name: member.name } : coverage;
    if (!old || !sameItem(old, item)) items.push(item);
  }
  if (items.length) await deps.premiums.putCoverage(items);
  if (removed.length) await deps.premiums.deleteCoverage(removed);
  return { written: items.length, removed: removed.length, queried: toQuery.length, skipped };
};
