import { parseReportRange } from '../../shared/reporting/domain/range';
import { median, percentile, summarize } from '../../shared/reporting/domain/summary';
import { REPORT_CLAIM_AFTER, REPORT_CLAIMS, REPORT_COVERAGE, REPORT_EXPECTED, REPORT_NOW, REPORT_RANGE } from '../support/report-fixture';

const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { fields?: { path: string; code: string }[] }).fields;
  }
  throw new Error('expected a validation error');
};

describe('the reporting range', () => {
  const today = '2026-12-01';

  it('takes days or months, both included, a month as from its first day and as to its last', () => {
    expect(parseReportRange({ from: '2026-01', to: '2026-03' }, today)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(parseReportRange({ from: '2024-02', to: '2024-02' }, today)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(parseReportRange({ from: '2026-01-15', to: '2026-02-10' }, today)).toEqual({ from: '2026-01-15', to: '2026-02-10' });
    expect(parseReportRange({ from: ' 2026-01 ', to: '' }, today)).toEqual({ from: '2026-01-01', to: today });
  });

  it('covers the last twelve months, this one included, when nothing is asked', () => {
    expect(parseReportRange({}, today)).toEqual({ from: '2026-01-01', to: today });
    expect(parseReportRange({ to: '2025-06' }, today)).toEqual({ from: '2024-07-01', to: '2025-06-30' });
    // Never before the calendar's first year.
    expect(parseReportRange({}, '2015-03-10')).toEqual({ from: '2015-01-01', to: '2015-03-10' });
  });

  it('refuses a bad value on its field, a reversed or too long range on to, and days outside the calendar', () => {
    expect(fieldsOf(() => parseReportRange({ from: '2026-13', to: '2026-02-30' }, today))).toEqual([
      { path: 'from', code: 'report.date' },
      { path: 'to', code: 'report.date' },
    ]);
    expect(fieldsOf(() => parseReportRange({ from: 'yesterday' }, today))).toEqual([{ path: 'from', code: 'report.date' }]);
    expect(fieldsOf(() => parseReportRange({ from: '2026-01-01T00:00:00Z' }, today))).toEqual([{ path: 'from', code: 'report.date' }]);
    expect(fieldsOf(() => parseReportRange({ from: '2026-03', to: '2026-02' }, today))).toEqual([{ path: 'to', code: 'report.reversed' }]);
    expect(fieldsOf(() => parseReportRange({ from: '2027-01' }, today))).toEqual([{ path: 'to', code: 'report.reversed' }]);
    expect(fieldsOf(() => parseReportRange({ from: '2016-01', to: '2026-01' }, today))).toEqual([{ path: 'to', code: 'report.tooLong' }]);
    expect(parseReportRange({ from: '2016-02', to: '2026-01' }, today)).toEqual({ from: '2016-02-01', to: '2026-01-31' });
    expect(fieldsOf(() => parseReportRange({ from: '2014-12', to: '2041-01' }, today))).toEqual([
      { path: 'from', code: 'report.outOfCalendar' },
      { path: 'to', code: 'report.outOfCalendar' },
    ]);
  });
});

describe('median and p90', () => {
  it('takes the middle (the mean of the two middle values) and the nearest rank', () => {
    expect(median([])).toBeNull();
    expect(percentile([], 90)).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([10, 3, 5])).toBe(5);
    expect(median([10, 3, 5, 10])).toBe(7.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
    expect(percentile([7], 90)).toBe(7);
  });
});

describe('the summary of known claims', () => {
  const summary = summarize({
    range: REPORT_RANGE,
    claims: [...REPORT_CLAIMS, REPORT_CLAIM_AFTER],
    coverage: REPORT_COVERAGE,
    now: REPORT_NOW,
  });

  it('counts the claims received in the range by status, benefit, cause, programme and province', () => {
    expect(summary.claims).toEqual(REPORT_EXPECTED.claims);
  });

  it('counts every transfer of the range, tranches included, and the claims paid', () => {
    expect(summary.payouts).toEqual(REPORT_EXPECTED.payouts);
  });

  it('counts working days from the complete claim to the payment, over Idul Fitri, cuti bersama and Good Friday', () => {
    expect(summary.daysToPay).toEqual(REPORT_EXPECTED.daysToPay);
  });

  it('lists the late payment and the claim still unpaid past its deadline, not those due outside the range', () => {
    expect(summary.deadlineBreaches).toBe(REPORT_EXPECTED.deadlineBreaches);
    expect(summary.breaches).toEqual(REPORT_EXPECTED.breaches);
  });

  it('gives the coverage rate of each reconciled month of the range', () => {
    expect(summary.coverageByMonth).toEqual(REPORT_EXPECTED.coverageByMonth);
    // api.md's shape: { period, rate } of the latest reconciled month.
    expect(summary.coverage).toEqual(REPORT_EXPECTED.coverage);
  });

  it('gives each month received, decided, rejected, paid and the amount transferred', () => {
    expect(summary.months).toEqual(REPORT_EXPECTED.months);
  });

  it('splits each month by benefit, cause, programme and province, and the parts add up to the month', () => {
    expect(summary.byMonth.province).toEqual([
      { period: '2025-03', value: '31', received: 1, decided: 0, rejected: 0, paid: 0, amount: 0 },
      { period: '2025-03', value: '32', received: 1, decided: 1, rejected: 1, paid: 0, amount: 0 },
      { period: '2025-03', value: '35', received: 1, decided: 1, rejected: 0, paid: 1, amount: 86_000_000 },
      { period: '2025-03', value: '61', received: 0, decided: 0, rejected: 0, paid: 1, amount: 42_000_000 },
      { period: '2025-04', value: '31', received: 2, decided: 2, rejected: 0, paid: 1, amount: 42_000_000 },
      { period: '2025-04', value: '33', received: 1, decided: 0, rejected: 0, paid: 0, amount: 0 },
      { period: '2025-04', value: '35', received: 0, decided: 0, rejected: 0, paid: 0, amount: 3_000_000 },
    ]);
    for (const dimension of ['benefit', 'cause', 'programme', 'province'] as const)
      for (const month of summary.months) {
        const parts = summary.byMonth[dimension].filter((r) => r.period === month.period);
        for (const column of ['received', 'decided', 'rejected', 'paid', 'amount'] as const)
          expect(parts.reduce((sum, r) => sum + r[column], 0)).toBe(month[column]);
      }
  });

  it('has an empty range as zeros and nulls, not errors', () => {
    const empty = summarize({ range: { from: '2025-06-01', to: '2025-06-30' }, claims: REPORT_CLAIMS, coverage: [], now: REPORT_NOW });
    expect(empty.claims.received).toBe(0);
    expect(empty.payouts).toEqual({ count: 0, amount: 0, currency: 'IDR', claims: 0 });
    expect(empty.daysToPay).toMatchObject({ median: null, p90: null, count: 0 });
    expect(empty.months).toEqual([{ period: '2025-06', received: 0, decided: 0, rejected: 0, paid: 0, amount: 0 }]);
    expect(empty.coverage).toBeNull();
  });

  it('does not count an open claim whose deadline has not passed yet', () => {
    const early = summarize({ range: REPORT_RANGE, claims: REPORT_CLAIMS, coverage: [], now: new Date('2025-04-17T20:00:00+07:00') });
    expect(early.breaches.map((b) => b.reference)).toEqual(['SNT-2025-RPTC03']);
  });

  it('keeps to the provinces of staff limited to them, coverage staying national', () => {
    const scoped = summarize({ range: REPORT_RANGE, claims: REPORT_CLAIMS, coverage: REPORT_COVERAGE, now: REPORT_NOW, provinces: ['31'] });
    expect(scoped.claims.byProvince).toEqual({ '31': 3 });
    expect(scoped.payouts).toEqual({ count: 1, amount: 42_000_000, currency: 'IDR', claims: 1 });
    expect(scoped.breaches.map((b) => b.reference)).toEqual(['SNT-2025-RPTD04']);
    expect(scoped.coverageByMonth).toEqual(REPORT_EXPECTED.coverageByMonth);
  });
});
