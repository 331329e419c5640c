import { logger } from '../../platform/observability/logger';
import type { Coverage, Member } from '../domain/member';
import type { PaymentLine } from '../domain/payment-row';
import { ReconciliationInputError, reconcileMemberMonth } from '../domain/reconciliation';
import type { MemberMonthKey, PremiumLedger } from './ports';

export type CoverageRefreshDeps = { premiums: Pick<PremiumLedger, 'paymentsOf' | 'putCoverage' | 'deleteCoverage'> };

/**
 * Recomputes and writes the coverage of the member-months that `written` payment lines touch, at once, with the same
 * per-member categorisation as the month's reconciliation (reconcileMemberMonth): a claim filed after a payment
 * import and before the nightly run reads the month as the payments left it, not as SPONSOR_ARREARS.
 *
 * Bounded by the lines given (one import batch, at most 500): one Query per member-month for its stored lines, and
 * one coverage write or delete per member-month. Idempotent: the result depends only on the stored lines, the profile
 * and the rules, so running it again writes the same items (a rerun of the month's reconciliation would too). A
 * member-month that the reconciliation would leave without an item (money of Rp0 for a month not owed) loses the
 * item it had. A member-month the rules cannot price (a programme no longer configured, a month before any
 * schedule) keeps its item, is logged, and is left to the reconciliation, which reports it loudly.
 *
 * `members` are the roster profiles of the lines' NIKs (absent: not on the roster, UNKNOWN_MEMBER).
 */
export const refreshCoverage = async (
  deps: CoverageRefreshDeps,
  written: readonly PaymentLine[],
  members: ReadonlyMap<string, Member>,
  reconciledAt: string,
): Promise<{ written: number; removed: number; skipped: number }> => {
  const keys = new Map<string, MemberMonthKey>();
  for (const { nik, period } of written) keys.set(`${nik}#${period}`, { nik, period });
  if (keys.size === 0) return { written: 0, removed: 0, skipped: 0 };
  const linesOf = new Map<string, PaymentLine[]>();
  for (const line of await deps.premiums.paymentsOf([...keys.values()])) {
    const key = `${line.nik}#${line.period}`;
    linesOf.set(key, [...(linesOf.get(key) ?? []), line]);
  }
  const items: (Coverage & { name?: string })[] = [];
  const removed: MemberMonthKey[] = [];
  let skipped = 0;
  for (const [key, { nik, period }] of keys) {
    const member = members.get(nik);
    try {
      const { coverage } = reconcileMemberMonth({ period, nik, member, lines: linesOf.get(key) ?? [], reconciledAt });
      if (!coverage) removed.push({ nik, period });
      else items.push(coverage.category !== 'PAID' && member ? { ...coverage, name: member.name } : coverage);
    } catch (error) {
      if (!(error instanceof ReconciliationInputError)) throw error;
      skipped += 1;
      logger.warn('coverage not refreshed', { period, reason: error.message });
    }
  }
  await deps.premiums.putCoverage(items);
  if (removed.length) await deps.premiums.deleteCoverage(removed);
  return { written: items.length, removed: removed.length, skipped };
};
