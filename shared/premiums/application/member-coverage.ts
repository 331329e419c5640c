import { csvDocument } from '../../kernel/csv';
import { NotFoundError } from '../../kernel/errors';
import { parseNik } from '../../reference-data/nik';
import type { PremiumLedger, RosterStore } from './ports';

/** A member with their premium coverage month by month (staff view). A malformed NIK is the same 404. */
export const memberWithCoverage = async (
  deps: { members: Pick<RosterStore, 'get'>; premiums: Pick<PremiumLedger, 'coverageOf'> },
  raw: string,
) => {
  const nik = raw.replace(/[\s.-]/g, '');
  const member = parseNik(nik).ok ? await deps.members.get(nik) : undefined;
  if (!member) throw new NotFoundError('No member with this NIK.');
  const coverage = (await deps.premiums.coverageOf(nik)).map(({ period, category, expected, paid, receipts, reconciledAt }) => ({
    period,
    category,
    expected,
    paid,
    receipts,
    reconciledAt,
  }));
  return { ...member, coverage };
};

/** The month's report as CSV for a spreadsheet: one row per discrepancy. */
export const reportCsv = (report: {
  period: string;
  discrepancies: { nik: string; name?: string; category: string; expected: number; paid: number }[];
}): string => {
  const rows = report.discrepancies.map((d) => [report.period, d.nik, d.name ?? '', d.category, d.expected, d.paid, d.paid - d.expected]);
  return csvDocument(['period', 'nik', 'name', 'category', 'expected', 'paid', 'difference'], rows);
};
