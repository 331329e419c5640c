import type { Readable } from 'node:stream';
import { jakartaDate, jakartaIso } from '../../kernel/time';
import { PAYMENT_HEADER, type PaymentLine, parsePaymentRow, paymentLineKey } from '../domain/payment-row';
import { importCsv } from './csv-import';
import type { PremiumLedger, RosterStore } from './ports';
import { refreshCoverage } from './refresh-coverage';

/**
 * Imports the sponsor's payment lines. Every line is kept, matched or not: a payment for an unknown NIK is money
 * the sponsor sent, to be traced. Importing the same file twice changes nothing. After each batch, the coverage of
 * the member-months its lines touch is recomputed and written at once (refreshCoverage), so verification need not
 * wait for the nightly reconciliation to see a month paid.
 */
export const importPayments = async (
  deps: {
    members: Pick<RosterStore, 'getMany'>;
    premiums: Pick<PremiumLedger, 'putPayments' | 'coverageFor' | 'paymentsOf' | 'putCoverage' | 'deleteCoverage'>;
    now?: () => Date;
  },
  source: string | Readable,
) => {
  const now = deps.now?.() ?? new Date();
  const importedAt = jakartaIso(now);
  const totals = { added: 0, updated: 0, unchanged: 0, matched: 0 };
  const unknownMembers: { nik: string; period: string; receiptNo: string }[] = [];
  const result = await importCsv<PaymentLine>(source, {
    header: PAYMENT_HEADER,
    parseRow: parsePaymentRow,
    keyOf: paymentLineKey,
    today: jakartaDate(now),
    write: async (lines) => {
      const r = await deps.premiums.putPayments(lines, importedAt);
      totals.added += r.added;
      totals.updated += r.updated;
      totals.unchanged += r.unchanged;
      const known = await deps.members.getMany(lines.map((l) => l.nik));
      for (const line of lines) {
        if (known.has(line.nik)) totals.matched += 1;
        else unknownMembers.push({ nik: line.nik, period: line.period, receiptNo: line.receiptNo });
      }
      await refreshCoverage(deps, lines, known, importedAt);
    },
  });
  return {
    lines: result.lines,
    matched: totals.matched,
    added: totals.added,
    updated: totals.updated,
    unchanged: totals.unchanged,
    unknownMembers,
    rejected: result.rejected,
  };
};
