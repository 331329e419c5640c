import type { CoverageReport, ReportClaim } from '../../shared/reporting/domain/summary';

/**
 * Known claims for the reporting tests (unit and DynamoDB Local): several statuses, both benefits, five provinces,
 * payments around Idul Fitri 2025 (31 March and 1 April, with cuti bersama on 28 March and 2-4 and 7 April) and Good
 * Friday (18 April), a payment stamped in UTC on the day before its Jakarta day, a late payment and a claim left
 * unpaid past its deadline. The expected figures (REPORT_EXPECTED) were counted by hand, day by day on the calendar,
 * for the range March-April 2025 seen on 15 May 2025; the tests compare the code against them, never against itself.
 */
export const REPORT_RANGE = { from: '2025-03-01', to: '2025-04-30' };
export const REPORT_NOW = new Date('2025-05-15T10:00:00+07:00');

const entry = (status: ReportClaim['status'], at: string) => ({ status, at });

export const REPORT_CLAIMS: ReportClaim[] = [
  // A: complete on Thursday 27 March, just before Idul Fitri: its 3 working days are 8, 9 and 10 April. Paid on the
  // 10th at 14:00 WIB (stamped in UTC): 3 working days, on time.
  {
    reference: 'SNT-2025-RPTA01',
    status: 'PAID',
    benefit: 'JKM',
    member: { nik: '3173014107850003' },
    incident: { cause: 'illness' },
    district: '317301',
    submittedAt: '2025-03-20T09:00:00.000+07:00',
    timeline: [
      entry('SUBMITTED', '2025-03-20T09:00:00.000+07:00'),
      entry('NEEDS_DOCUMENTS', '2025-03-20T09:01:00.000+07:00'),
      entry('VERIFYING', '2025-03-27T10:00:00.000+07:00'),
      entry('AWAITING_APPROVAL', '2025-03-27T10:00:00.000+07:00'),
      entry('APPROVED', '2025-04-08T09:00:00.000+07:00'),
      entry('PAYING', '2025-04-10T13:59:00.000+07:00'),
      entry('PAID', '2025-04-10T14:00:00.000+07:00'),
    ],
    verification: { program: 'TKSK', approval: { deadline: '2025-04-10T23:59:59+07:00' } },
    decision: { outcome: 'approved', at: '2025-04-08T09:00:00.000+07:00' },
    payment: { amount: 42_000_000, paidAt: '2025-04-10T07:00:00.000Z' },
  },
  // B: the member is not on the roster (no district, no programme): rejected by verification on the day it came.
  {
    reference: 'SNT-2025-RPTB02',
    status: 'REJECTED',
    benefit: 'JKM',
    member: { nik: '3204014107850004' },
    incident: { cause: 'non_work_accident' },
    submittedAt: '2025-03-05T08:00:00.000+07:00',
    timeline: [entry('SUBMITTED', '2025-03-05T08:00:00.000+07:00'), entry('REJECTED', '2025-03-05T08:05:00.000+07:00')],
    decision: { outcome: 'rejected', at: '2025-03-05T08:05:00.000+07:00' },
  },
  // C: JKK, complete Monday 10 March, deadline the end of 19 March (7 working days); paid at 00:30 WIB on Monday
  // 24 March (still the 23rd in UTC): 10 working days, 3 late. Then a scholarship tranche requested Monday 14 April and
  // paid Tuesday 22 April, over Good Friday: 5 working days, on time.
  {
    reference: 'SNT-2025-RPTC03',
    status: 'PAID',
    benefit: 'JKK',
    member: { nik: '3515014107850005' },
    incident: { cause: 'work_accident' },
    district: '351501',
    submittedAt: '2025-03-03T10:00:00.000+07:00',
    timeline: [
      entry('SUBMITTED', '2025-03-03T10:00:00.000+07:00'),
      entry('AWAITING_APPROVAL', '2025-03-10T10:00:00.000+07:00'),
      entry('APPROVED', '2025-03-20T09:00:00.000+07:00'),
      entry('PAID', '2025-03-24T00:30:00.000+07:00'),
      { status: 'AWAITING_APPROVAL', at: '2025-04-14T09:00:00.000+07:00', tranche: 'T2' },
      { status: 'PAID', at: '2025-04-22T10:00:00.000+07:00', tranche: 'T2' },
    ],
    verification: { program: 'PKH', approval: { deadline: '2025-03-19T23:59:59+07:00' } },
    decision: { outcome: 'approved', at: '2025-03-20T09:00:00.000+07:00' },
    payment: { amount: 86_000_000, paidAt: '2025-03-23T17:30:00.000Z' },
    tranches: [
      {
        id: 'T2',
        status: 'PAID',
        requestedAt: '2025-04-14T09:00:00.000+07:00',
        approval: { deadline: '2025-04-24T23:59:59+07:00' },
        decision: { outcome: 'approved', at: '2025-04-15T09:00:00.000+07:00' },
        payment: { amount: 3_000_000, paidAt: '2025-04-22T10:00:00.000+07:00' },
      },
    ],
  },
  // D: complete Monday 14 April, approved the next day, never paid: its deadline (not stored: counted from the
  // timeline) is the end of 17 April, so on 15 May it is a breach, unpaid.
  {
    reference: 'SNT-2025-RPTD04',
    status: 'APPROVED',
    benefit: 'JKM',
    member: { nik: '3173024107850006' },
    incident: { cause: 'illness' },
    district: '317302',
    submittedAt: '2025-04-01T09:00:00.000+07:00',
    timeline: [
      entry('SUBMITTED', '2025-04-01T09:00:00.000+07:00'),
      entry('AWAITING_APPROVAL', '2025-04-14T09:00:00.000+07:00'),
      entry('APPROVED', '2025-04-15T10:00:00.000+07:00'),
    ],
    verification: { program: 'TKSK' },
    decision: { outcome: 'approved', at: '2025-04-15T10:00:00.000+07:00' },
  },
  // E: waiting for documents: received, nothing else.
  {
    reference: 'SNT-2025-RPTE05',
    status: 'NEEDS_DOCUMENTS',
    benefit: 'JKK',
    member: { nik: '3301014107850007' },
    incident: { cause: 'commute_accident' },
    district: '330101',
    submittedAt: '2025-04-20T10:00:00.000+07:00',
    timeline: [entry('SUBMITTED', '2025-04-20T10:00:00.000+07:00'), entry('NEEDS_DOCUMENTS', '2025-04-20T10:01:00.000+07:00')],
    verification: { program: 'BPNT' },
  },
  // F: received in February (outside the range), paid on 3 March (inside): a transfer of the range, 10 working days
  // late... but its deadline (20 February) is outside the range, so it is not one of the range's breaches.
  {
    reference: 'SNT-2025-RPTF06',
    status: 'PAID',
    benefit: 'JKM',
    member: { nik: '6101014107850008' },
    incident: { cause: 'illness' },
    district: '610101',
    submittedAt: '2025-02-10T10:00:00.000+07:00',
    timeline: [
      entry('SUBMITTED', '2025-02-10T10:00:00.000+07:00'),
      entry('AWAITING_APPROVAL', '2025-02-17T10:00:00.000+07:00'),
      entry('APPROVED', '2025-02-28T10:00:00.000+07:00'),
      entry('PAID', '2025-03-03T10:00:00.000+07:00'),
    ],
    verification: { program: 'TKSK', approval: { deadline: '2025-02-20T23:59:59+07:00' } },
    decision: { outcome: 'approved', at: '2025-02-28T10:00:00.000+07:00' },
    payment: { amount: 42_000_000, paidAt: '2025-03-03T10:00:00.000+07:00' },
  },
  // H: awaiting approval; its deadline (2 May, after Labour Day) is after the range.
  {
    reference: 'SNT-2025-RPTH08',
    status: 'AWAITING_APPROVAL',
    benefit: 'JKM',
    member: { nik: '3173014107850009' },
    incident: { cause: 'illness' },
    district: '317301',
    submittedAt: '2025-04-25T10:00:00.000+07:00',
    timeline: [entry('SUBMITTED', '2025-04-25T10:00:00.000+07:00'), entry('AWAITING_APPROVAL', '2025-04-28T10:00:00.000+07:00')],
    verification: { program: 'TKSK', approval: { deadline: '2025-05-02T23:59:59+07:00' } },
  },
];

/** G: received after the range (the read stops at the range's last day; the aggregation ignores it anyway). */
export const REPORT_CLAIM_AFTER: ReportClaim = {
  reference: 'SNT-2025-RPTG07',
  status: 'PAID',
  benefit: 'JKM',
  member: { nik: '3173014107850010' },
  incident: { cause: 'illness' },
  district: '317301',
  submittedAt: '2025-05-02T10:00:00.000+07:00',
  timeline: [entry('SUBMITTED', '2025-05-02T10:00:00.000+07:00'), entry('AWAITING_APPROVAL', '2025-05-05T10:00:00.000+07:00')],
  verification: { program: 'TKSK' },
  decision: { outcome: 'approved', at: '2025-05-06T10:00:00.000+07:00' },
  payment: { amount: 42_000_000, paidAt: '2025-05-07T10:00:00.000+07:00' },
};

export const REPORT_COVERAGE: CoverageReport[] = [
  { period: '2025-02', expected: { members: 90 }, counts: { PAID: 90 } },
  { period: '2025-03', expected: { members: 100 }, counts: { PAID: 80, OVERPAID: 2, UNPAID: 18, UNKNOWN_MEMBER: 3 } },
  { period: '2025-04', expected: { members: 120 }, counts: { PAID: 90, UNDERPAID: 30 } },
];

/** Counted by hand (see each claim above). */
export const REPORT_EXPECTED = {
  claims: {
    received: 6,
    byStatus: { PAID: 2, REJECTED: 1, APPROVED: 1, NEEDS_DOCUMENTS: 1, AWAITING_APPROVAL: 1 },
    byBenefit: { JKM: 4, JKK: 2 },
    byCause: { illness: 3, non_work_accident: 1, work_accident: 1, commute_accident: 1 },
    byProgramme: { TKSK: 3, PKH: 1, BPNT: 1, UNKNOWN: 1 },
    byProvince: { '31': 3, '32': 1, '35': 1, '33': 1 },
  },
  // A 42m (10 Apr), C 86m (24 Mar), C's T2 3m (22 Apr), F 42m (3 Mar).
  payouts: { count: 4, amount: 173_000_000, currency: 'IDR', claims: 3 },
  // Working days: A 3, C 10, T2 5, F 10.
  daysToPay: {
    median: 7.5,
    p90: 10,
    count: 4,
    byBenefit: {
      JKM: { median: 6.5, p90: 10, count: 2, deadlineWorkingDays: 3 },
      JKK: { median: 7.5, p90: 10, count: 2, deadlineWorkingDays: 7 },
    },
  },
  deadlineBreaches: 2,
  breaches: [
    // 20, 21 and 24 March.
    {
      reference: 'SNT-2025-RPTC03',
      benefit: 'JKK',
      province: '35',
      deadline: '2025-03-19T23:59:59+07:00',
      paidAt: '2025-03-23T17:30:00.000Z',
      workingDaysLate: 3,
    },
    // 21-25 and 28-30 April (8), 2, 5-9, 14 and 15 May (8): 1 May, 12 May (Vesak) and 13 May (cuti bersama) are off.
    { reference: 'SNT-2025-RPTD04', benefit: 'JKM', province: '31', deadline: '2025-04-17T23:59:59+07:00', workingDaysLate: 16 },
  ],
  // api.md's `coverage`: the range's latest reconciled month; every month in `coverageByMonth`.
  coverage: { period: '2025-04', expected: 120, covered: 90, rate: 0.75 },
  coverageByMonth: [
    { period: '2025-03', expected: 100, covered: 82, rate: 0.82 },
    { period: '2025-04', expected: 120, covered: 90, rate: 0.75 },
  ],
  months: [
    { period: '2025-03', received: 3, decided: 2, rejected: 1, paid: 2, amount: 128_000_000 },
    { period: '2025-04', received: 3, decided: 2, rejected: 0, paid: 1, amount: 45_000_000 },
  ],
};
