import { BENEFITS } from '../../claims/domain/claim';
import type { CsvCell } from '../../kernel/csv';
import { type Lang, t } from '../../messages';
import { DIMENSIONS, type Dimension, type ReportSummary } from '../domain/summary';
import { dayName, monthName, number, percent, rupiah, valueLabel } from './labels';

/**
 * Every table of the dashboard, once: the page shows it (words, formatted numbers, links) and `?format=csv&table=`
 * exports it (the codes beside the words, plain numbers). One definition keeps the two from drifting.
 */
export const REPORT_TABLES = ['months', 'status', ...DIMENSIONS, 'daysToPay', 'breaches', 'coverage'] as const;
export type ReportTableName = (typeof REPORT_TABLES)[number];
export const isReportTable = (name: string): name is ReportTableName => (REPORT_TABLES as readonly string[]).includes(name);

export interface Column {
  label: string;
  numeric?: boolean;
  /** Only in the CSV (a code beside its words). */
  csvOnly?: boolean;
}
export interface Cell {
  text: string;
  csv: CsvCell;
  /** A link on the page (a claim). */
  href?: string;
}
export interface ReportTable {
  name: ReportTableName;
  title: string;
  columns: Column[];
  rows: Cell[][];
}

const num = (n: number | null, lang: Lang): Cell => ({ text: n === null ? '-' : number(n, lang), csv: n ?? undefined });
const money = (n: number): Cell => ({ text: rupiah(n), csv: n });
const words = (text: string, csv: CsvCell = text): Cell => ({ text, csv });
const code = (c: string): Cell => ({ text: c, csv: c });

/** A code column beside the words of the one after it: `Provinsi (kode)`. */
const codeOf = (label: string, lang: Lang): Column => ({ label: `${label} (${t('report.code', lang).toLowerCase()})`, csvOnly: true });

const activityColumns = (lang: Lang): Column[] => [
  { label: t('report.received', lang), numeric: true },
  { label: t('report.decided', lang), numeric: true },
  { label: t('report.rejected', lang), numeric: true },
  { label: t('report.paid', lang), numeric: true },
  { label: t('report.amount', lang), numeric: true },
];
const activityCells = (a: { received: number; decided: number; rejected: number; paid: number; amount: number }, lang: Lang): Cell[] => [
  num(a.received, lang),
  num(a.decided, lang),
  num(a.rejected, lang),
  num(a.paid, lang),
  money(a.amount),
];

export const reportTable = (summary: ReportSummary, name: ReportTableName, lang: Lang): ReportTable => {
  const tr = (key: Parameters<typeof t>[0]) => t(key as 'report.month', lang);
  const month = (p: string): Cell => ({ text: monthName(p, lang), csv: p });
  switch (name) {
    case 'months':
      return {
        name,
        title: tr('report.section.months'),
        columns: [{ label: tr('report.month') }, ...activityColumns(lang)],
        rows: summary.months.map((m) => [month(m.period), ...activityCells(m, lang)]),
      };
    case 'status':
      return {
        name,
        title: tr('report.section.status'),
        columns: [codeOf(tr('report.status'), lang), { label: tr('report.status') }, { label: tr('report.count'), numeric: true }],
        rows: Object.entries(summary.claims.byStatus)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([status, count]) => [code(status), words(valueLabel('status', status, lang)), num(count, lang)]),
      };
    case 'benefit':
    case 'cause':
    case 'programme':
    case 'province': {
      const dimension: Dimension = name;
      return {
        name,
        title: tr(`report.section.${dimension}`),
        columns: [
          { label: tr('report.month') },
          codeOf(tr(`report.dimension.${dimension}`), lang),
          { label: tr(`report.dimension.${dimension}`) },
          ...activityColumns(lang),
        ],
        rows: summary.byMonth[dimension].map((r) => [
          month(r.period),
          code(r.value),
          words(valueLabel(dimension, r.value, lang)),
          ...activityCells(r, lang),
        ]),
      };
    }
    case 'daysToPay': {
      const d = summary.daysToPay;
      return {
        name,
        title: tr('report.section.daysToPay'),
        columns: [
          codeOf(tr('report.benefit'), lang),
          { label: tr('report.benefit') },
          { label: tr('report.transfers'), numeric: true },
          { label: tr('report.median'), numeric: true },
          { label: tr('report.p90'), numeric: true },
          { label: tr('report.legalDeadline'), numeric: true },
        ],
        rows: [
          ...BENEFITS.map((b) => {
            const x = d.byBenefit[b];
            return [
              code(b),
              words(valueLabel('benefit', b, lang)),
              num(x.count, lang),
              num(x.median, lang),
              num(x.p90, lang),
              num(x.deadlineWorkingDays, lang),
            ];
          }),
          [code('ALL'), words(tr('report.all')), num(d.count, lang), num(d.median, lang), num(d.p90, lang), words('-', undefined)],
        ],
      };
    }
    case 'breaches':
      return {
        name,
        title: tr('report.section.breaches'),
        columns: [
          { label: tr('report.reference') },
          { label: tr('report.tranche') },
          codeOf(tr('report.benefit'), lang),
          { label: tr('report.benefit') },
          codeOf(tr('report.dimension.province'), lang),
          { label: tr('report.dimension.province') },
          { label: tr('report.deadline') },
          { label: tr('report.paidOn') },
          { label: tr('report.late'), numeric: true },
        ],
        rows: summary.breaches.map((b) => [
          { text: b.reference, csv: b.reference, href: `/staff/claims/${b.reference}` },
          b.tranche ? code(b.tranche) : words(tr('report.firstPayment'), ''),
          code(b.benefit),
          words(valueLabel('benefit', b.benefit, lang)),
          code(b.province),
          words(valueLabel('province', b.province, lang)),
          { text: dayName(b.deadline, lang), csv: b.deadline },
          b.paidAt ? { text: dayName(b.paidAt, lang), csv: b.paidAt } : words(tr('report.unpaid'), ''),
          { text: t('report.days', lang, { days: b.workingDaysLate }), csv: b.workingDaysLate },
        ]),
      };
    case 'coverage':
      return {
        name,
        title: tr('report.section.coverage'),
        columns: [
          { label: tr('report.month') },
          { label: tr('report.expectedMembers'), numeric: true },
          { label: tr('report.coveredMembers'), numeric: true },
          { label: tr('report.rate'), numeric: true },
        ],
        rows: summary.coverageByMonth.map((c) => [
          month(c.period),
          num(c.expected, lang),
          num(c.covered, lang),
          { text: percent(c.rate, lang), csv: c.rate ?? undefined },
        ]),
      };
  }
};

/** The file name of a table's CSV: `laporan-province-2025-03-01_2025-04-30.csv`. */
export const csvFileName = (summary: ReportSummary, name: ReportTableName): string =>
  `laporan-${name}-${summary.range.from}_${summary.range.to}.csv`;
