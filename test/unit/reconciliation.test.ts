import type { Member, MemberStatus } from '../../shared/premiums/domain/member';
import type { PaymentLine } from '../../shared/premiums/domain/payment-row';
import { categorize, owesMonth, ReconciliationInputError, reconcile } from '../../shared/premiums/domain/reconciliation';
import { CONTRIBUTION_RULES, type ContributionRules } from '../../shared/premiums/domain/rules/contributions';
import { PROGRAMMES, type Programme } from '../../shared/reference-data/programmes';
import { aMember as baseMember } from '../support/members';

const PERIOD = '2026-03';
const AT = '2026-04-16T02:00:00+07:00';
/** What a member with a declared income of Rp1.000.000 owes a month: 1% JKK and Rp6.800 JKM. */
const DUE = { jkk: 10_000, jkm: 6_800, total: 16_800 };
const NOTHING = { jkk: 0, jkm: 0, total: 0 };

const nikOf = (n: number): string => `3173${String(n).padStart(12, '0')}`;

const aMember = (n: number, overrides: Partial<Member> = {}): Member => baseMember({ nik: nikOf(n), name: `Member ${n}`, ...overrides });

const change = (status: MemberStatus, on: string, recordedAt = `${on}T09:00:00+07:00`) => ({ status, on, recordedAt });

const withHistory = (n: number, ...changes: Member['statusHistory']): Member =>
  aMember(n, { statusHistory: [change('active', '2019-01-01'), ...changes], status: changes.at(-1)?.status ?? 'active' });

let receipt = 0;
const aPayment = (n: number, jkk: number, jkm: number, overrides: Partial<PaymentLine> = {}): PaymentLine => ({
  period: PERIOD,
  nik: nikOf(n),
  jkk,
  jkm,
  receiptNo: `KWT-${++receipt}`,
  paidOn: '2026-03-14',
  ...overrides,
});

const run = (members: Member[], payments: PaymentLine[], period = PERIOD) => reconcile({ period, members, payments, reconciledAt: AT });

const itemOf = (result: ReturnType<typeof reconcile>, n: number) => result.coverage.find((c) => c.nik === nikOf(n));

describe('reconcile: categories', () => {
  it('PAID: both components exactly as owed', () => {
    // Arrange
    const payment = aPayment(1, 10_000, 6_800, { receiptNo: 'KWT-A' });

    // Act
    const result = run([aMember(1)], [payment]);

    // Assert
    expect(result.coverage).toEqual([
      { nik: nikOf(1), period: PERIOD, category: 'PAID', expected: DUE, paid: DUE, receipts: ['KWT-A'], reconciledAt: AT },
    ]);
    expect(result.report.discrepancies).toEqual([]);
  });

  it('UNPAID: owed and nothing received', () => {
    // Act
    const result = run([aMember(1)], []);

    // Assert
    expect(result.coverage).toEqual([
      { nik: nikOf(1), period: PERIOD, category: 'UNPAID', expected: DUE, paid: NOTHING, receipts: [], reconciledAt: AT },
    ]);
    expect(result.report.discrepancies).toEqual([{ nik: nikOf(1), category: 'UNPAID', expected: 16_800, paid: 0, name: 'Member 1' }]);
  });

  it('UNPAID: a receipt of Rp0 is a valid line that pays nothing, and is kept on the item', () => {
    // Act
    const result = run([aMember(1)], [aPayment(1, 0, 0, { receiptNo: 'ZERO-1' })]);

    // Assert
    expect(itemOf(result, 1)).toMatchObject({ category: 'UNPAID', paid: NOTHING, receipts: ['ZERO-1'] });
  });

  it('UNDERPAID: the total is short', () => {
    const result = run([aMember(1)], [aPayment(1, 5_000, 6_800)]);
    expect(itemOf(result, 1)).toMatchObject({ category: 'UNDERPAID', paid: { jkk: 5_000, jkm: 6_800, total: 11_800 } });
  });

  it('UNDERPAID: one component is short even though the other makes the total whole', () => {
    // Arrange: all of it paid as JKK, nothing for JKM
    const payment = aPayment(1, 16_800, 0);

    // Act
    const result = run([aMember(1)], [payment]);

    // Assert
    expect(itemOf(result, 1)).toMatchObject({ category: 'UNDERPAID', expected: DUE, paid: { jkk: 16_800, jkm: 0, total: 16_800 } });
    expect(result.report.discrepancies).toEqual([
      { nik: nikOf(1), category: 'UNDERPAID', expected: 16_800, paid: 16_800, name: 'Member 1' },
    ]);
  });

  it('UNDERPAID: one component short while the total is more than owed', () => {
    const result = run([aMember(1)], [aPayment(1, 30_000, 6_000)]);
    expect(itemOf(result, 1)?.category).toBe('UNDERPAID');
  });

  it('OVERPAID: no component short and the total above what was owed', () => {
    // Act
    const result = run([aMember(1), aMember(2)], [aPayment(1, 10_000, 10_000), aPayment(2, 10_001, 6_800)]);

    // Assert
    expect(itemOf(result, 1)?.category).toBe('OVERPAID');
    expect(itemOf(result, 2)?.category).toBe('OVERPAID');
  });

  it("computes what is owed from the member's own declared income", () => {
    // Act
    const result = run([aMember(1, { monthlyWage: 2_500_000, program: 'PKH' })], [aPayment(1, 25_000, 6_800)]);

    // Assert
    expect(itemOf(result, 1)).toMatchObject({ category: 'PAID', expected: { jkk: 25_000, jkm: 6_800, total: 31_800 } });
  });

  it('UNKNOWN_MEMBER: money for a NIK that is not on the roster, without a name, whatever its amount', () => {
    // Act
    const result = run(
      [aMember(1)],
      [aPayment(1, 10_000, 6_800), aPayment(9, 10_000, 6_800, { receiptNo: 'U-1' }), aPayment(8, 0, 0, { receiptNo: 'U-0' })],
    );

    // Assert
    expect(itemOf(result, 9)).toEqual({
      nik: nikOf(9),
      period: PERIOD,
      category: 'UNKNOWN_MEMBER',
      expected: NOTHING,
      paid: DUE,
      receipts: ['U-1'],
      reconciledAt: AT,
    });
    expect(itemOf(result, 8)).toMatchObject({ category: 'UNKNOWN_MEMBER', paid: NOTHING, receipts: ['U-0'] });
    expect(result.report.discrepancies).toEqual([
      { nik: nikOf(8), category: 'UNKNOWN_MEMBER', expected: 0, paid: 0 },
      { nik: nikOf(9), category: 'UNKNOWN_MEMBER', expected: 0, paid: 16_800 },
    ]);
    expect(result.report.expected.members).toBe(1);
  });
});

describe('reconcile: enrolment, death and inactivity', () => {
  it('(a) a member enrolled on the last day of the month owes the whole month, not a pro-rated part', () => {
    // Arrange
    const lateEnrolled = aMember(1, { enrolledOn: '2026-03-31' });
    const midMonth = aMember(2, { enrolledOn: '2026-03-15' });

    // Act
    const result = run([lateEnrolled, midMonth], [aPayment(2, 10_000, 6_800)]);

    // Assert
    expect(itemOf(result, 1)).toMatchObject({ category: 'UNPAID', expected: DUE });
    expect(itemOf(result, 2)).toMatchObject({ category: 'PAID', expected: DUE });
  });

  it('(a) a member enrolled after the month owes nothing for it, and money for it is PAID_FOR_INACTIVE', () => {
    // Arrange
    const paidEarly = aMember(1, { enrolledOn: '2026-04-01' });
    const notPaid = aMember(2, { enrolledOn: '2026-04-01' });

    // Act
    const result = run([paidEarly, notPaid], [aPayment(1, 10_000, 6_800)]);

    // Assert
    expect(itemOf(result, 1)).toMatchObject({ category: 'PAID_FOR_INACTIVE', expected: NOTHING, paid: DUE });
    expect(itemOf(result, 2)).toBeUndefined();
    expect(result.report.expected).toEqual({ members: 0, amount: 0 });
  });

  it('(b) the month of death is owed in full; the month after is not, and money for it is PAID_FOR_INACTIVE', () => {
    // Arrange
    const died = withHistory(1, change('deceased', '2026-03-20'));

    // Act
    const march = run([died], [aPayment(1, 10_000, 6_800)]);
    const april = run([died], [aPayment(1, 10_000, 6_800, { period: '2026-04' })], '2026-04');
    const aprilUnpaid = run([died], [], '2026-04');

    // Assert
    expect(itemOf(march, 1)).toMatchObject({ category: 'PAID', expected: DUE });
    expect(itemOf(april, 1)).toMatchObject({ category: 'PAID_FOR_INACTIVE', expected: NOTHING, paid: DUE });
    expect(april.report.discrepancies).toEqual([
      { nik: nikOf(1), category: 'PAID_FOR_INACTIVE', expected: 0, paid: 16_800, name: 'Member 1' },
    ]);
    expect(aprilUnpaid.coverage).toEqual([]);
  });

  it('(b) a death on the 1st still owes that month; a death on the last day of the month before does not', () => {
    // Arrange
    const diedOnFirst = withHistory(1, change('deceased', '2026-03-01'));
    const diedInFebruary = withHistory(2, change('deceased', '2026-02-28'));

    // Act
    const result = run([diedOnFirst, diedInFebruary], []);

    // Assert
    expect(itemOf(result, 1)?.category).toBe('UNPAID');
    expect(itemOf(result, 2)).toBeUndefined();
  });

  it('(c) a member inactive from the 15th owes that month; from the 1st, not; and no later month', () => {
    // Arrange
    const fromFifteenth = withHistory(1, change('inactive', '2026-03-15'));
    const fromFirst = withHistory(2, change('inactive', '2026-03-01'));

    // Act
    const march = run([fromFifteenth, fromFirst], []);
    const april = run([fromFifteenth, fromFirst], [aPayment(1, 10_000, 6_800, { period: '2026-04' })], '2026-04');

    // Assert
    expect(itemOf(march, 1)?.category).toBe('UNPAID');
    expect(itemOf(march, 2)).toBeUndefined();
    expect(itemOf(april, 1)?.category).toBe('PAID_FOR_INACTIVE');
    expect(itemOf(april, 2)).toBeUndefined();
  });

  it('(c) a member made active again owes from the month of reactivation', () => {
    // Arrange
    const member = withHistory(1, change('inactive', '2026-01-10'), change('active', '2026-03-25'));

    // Act and Assert
    expect(owesMonth(member, '2026-01')).toBe(true);
    expect(owesMonth(member, '2026-02')).toBe(false);
    expect(owesMonth(member, '2026-03')).toBe(true);
    expect(owesMonth(member, '2026-04')).toBe(true);
  });

  it('(c) takes dates from statusHistory, in date order whatever the array order, not from the undated status', () => {
    // Arrange: the current status says deceased, but the death took effect in April
    const member = aMember(1, {
      status: 'deceased',
      statusHistory: [change('deceased', '2026-04-05'), change('active', '2019-01-01')],
    });

    // Act and Assert
    expect(owesMonth(member, '2026-03')).toBe(true);
    expect(owesMonth(member, '2026-04')).toBe(true);
    expect(owesMonth(member, '2026-05')).toBe(false);
  });

  it('(c) an empty history means active since enrolment', () => {
    const member = aMember(1, { enrolledOn: '2026-02-10', statusHistory: [] });
    expect(owesMonth(member, '2026-01')).toBe(false);
    expect(owesMonth(member, '2026-02')).toBe(true);
    expect(owesMonth(member, '2030-12')).toBe(true);
  });

  it('(c) of two changes effective the same day, the one recorded later wins', () => {
    // Arrange: inactive from 1 March, then corrected the same day to active
    const corrected = aMember(1, {
      statusHistory: [
        change('active', '2019-01-01'),
        change('active', '2026-03-01', '2026-03-02T10:00:00+07:00'),
        change('inactive', '2026-03-01', '2026-03-01T10:00:00+07:00'),
      ],
    });

    // Act and Assert
    expect(owesMonth(corrected, '2026-03')).toBe(true);
  });

  it('a member inactive before a death does not owe the month of death', () => {
    const member = withHistory(1, change('inactive', '2026-01-01'), change('deceased', '2026-03-10'));
    expect(owesMonth(member, '2026-03')).toBe(false);
  });
});

describe('reconcile: payment lines', () => {
  it('(d) adds up two receipts for one member and month', () => {
    // Act
    const result = run([aMember(1)], [aPayment(1, 10_000, 0, { receiptNo: 'B-2' }), aPayment(1, 0, 6_800, { receiptNo: 'A-1' })]);

    // Assert
    expect(itemOf(result, 1)).toMatchObject({ category: 'PAID', paid: DUE, receipts: ['A-1', 'B-2'] });
    expect(result.report.paid.amount).toBe(16_800);
  });

  it('(d) two receipts that together pay too much make the month OVERPAID', () => {
    const result = run([aMember(1)], [aPayment(1, 10_000, 6_800), aPayment(1, 10_000, 6_800)]);
    expect(itemOf(result, 1)).toMatchObject({ category: 'OVERPAID', paid: { jkk: 20_000, jkm: 13_600, total: 33_600 } });
  });

  it('counts a line given twice (same period, NIK and receipt) once, as an import run twice', () => {
    // Arrange
    const line = aPayment(1, 10_000, 6_800, { receiptNo: 'SAME' });

    // Act
    const result = run([aMember(1)], [line, { ...line }]);

    // Assert
    expect(itemOf(result, 1)).toMatchObject({ category: 'PAID', paid: DUE, receipts: ['SAME'] });
    expect(result.report.paid.amount).toBe(16_800);
  });

  it('(e) a receipt of Rp0 for a month not owed produces no item: there is nothing to refund', () => {
    const result = run([withHistory(1, change('inactive', '2025-01-01'))], [aPayment(1, 0, 0)]);
    expect(result.coverage).toEqual([]);
    expect(result.report.counts.PAID_FOR_INACTIVE).toBe(0);
  });

  it('ignores lines of other periods', () => {
    // Act
    const result = run(
      [aMember(1)],
      [aPayment(1, 10_000, 6_800, { period: '2026-02' }), aPayment(2, 10_000, 6_800, { period: '2026-04' })],
    );

    // Assert
    expect(itemOf(result, 1)?.category).toBe('UNPAID');
    expect(itemOf(result, 2)).toBeUndefined();
    expect(result.report.paid.amount).toBe(0);
  });
});

describe('reconcile: the report', () => {
  it('counts every category, totals what was owed and everything received, and lists non-PAID items by category then NIK', () => {
    // Arrange
    const members = [
      aMember(7), // UNPAID
      aMember(1), // PAID
      aMember(2), // UNPAID
      aMember(3), // UNDERPAID
      aMember(4), // OVERPAID
      withHistory(5, change('deceased', '2026-01-05')), // PAID_FOR_INACTIVE
      aMember(6, { enrolledOn: '2026-05-01' }), // not owed, not paid: no item
    ];
    const payments = [
      aPayment(1, 10_000, 6_800),
      aPayment(3, 10_000, 0),
      aPayment(4, 12_000, 6_800),
      aPayment(5, 10_000, 6_800),
      aPayment(9, 1_000, 1_000), // UNKNOWN_MEMBER
    ];

    // Act
    const { report, coverage } = run(members, payments);

    // Assert
    expect(report.period).toBe(PERIOD);
    expect(report.expected).toEqual({ members: 5, amount: 5 * 16_800 });
    expect(report.paid).toEqual({ amount: 16_800 + 10_000 + 18_800 + 16_800 + 2_000 });
    expect(report.counts).toEqual({ PAID: 1, UNPAID: 2, UNDERPAID: 1, OVERPAID: 1, PAID_FOR_INACTIVE: 1, UNKNOWN_MEMBER: 1 });
    expect(report.discrepancies).toEqual([
      { nik: nikOf(2), category: 'UNPAID', expected: 16_800, paid: 0, name: 'Member 2' },
      { nik: nikOf(7), category: 'UNPAID', expected: 16_800, paid: 0, name: 'Member 7' },
      { nik: nikOf(3), category: 'UNDERPAID', expected: 16_800, paid: 10_000, name: 'Member 3' },
      { nik: nikOf(4), category: 'OVERPAID', expected: 16_800, paid: 18_800, name: 'Member 4' },
      { nik: nikOf(5), category: 'PAID_FOR_INACTIVE', expected: 0, paid: 16_800, name: 'Member 5' },
      { nik: nikOf(9), category: 'UNKNOWN_MEMBER', expected: 0, paid: 2_000 },
    ]);
    expect(coverage.map((c) => c.nik)).toEqual([7, 1, 2, 3, 4, 5, 9].map(nikOf));
  });

  it('reports zeros and no discrepancies for an empty month', () => {
    expect(run([], []).report).toEqual({
      period: PERIOD,
      expected: { members: 0, amount: 0 },
      paid: { amount: 0 },
      counts: { PAID: 0, UNPAID: 0, UNDERPAID: 0, OVERPAID: 0, PAID_FOR_INACTIVE: 0, UNKNOWN_MEMBER: 0 },
      discrepancies: [],
    });
  });

  it('is the same when run twice on the same input', () => {
    const members = [aMember(1), aMember(2)];
    const payments = [aPayment(1, 10_000, 6_800)];
    expect(run(members, payments)).toEqual(run(members, payments));
  });
});

describe('reconcile: input it refuses', () => {
  it('a malformed period', () => {
    expect(() => run([], [], '2026-13')).toThrow(ReconciliationInputError);
  });

  it('a roster with a NIK twice, without printing the NIK', () => {
    // Act
    const attempt = () => run([aMember(1), aMember(1)], []);

    // Assert
    expect(attempt).toThrow(ReconciliationInputError);
    expect(attempt).not.toThrow(nikOf(1));
  });

  it('a member owing the month under a programme that is not configured, but not one who owes nothing', () => {
    expect(() => run([aMember(1, { program: 'GONE' })], [])).toThrow(/GONE/);
    expect(run([aMember(1, { program: 'GONE', enrolledOn: '2027-01-01' })], []).coverage).toEqual([]);
  });

  it('takes the programmes and the contribution rules from the data it is given', () => {
    // Arrange: a next group of workers paid from a regional budget, and a relief rule for it alone, with no code change
    const programmes: Record<string, Programme> = {
      ...PROGRAMMES,
      NEW: { ...PROGRAMMES.TKSK!, code: 'NEW', contribution: { scheme: 'BPU', payer: 'APBD', source: 'test' } },
    };
    const rules: ContributionRules = {
      ...CONTRIBUTION_RULES,
      reliefs: [
        ...CONTRIBUTION_RULES.reliefs,
        {
          id: 'TEST',
          scheme: 'BPU',
          from: PERIOD,
          until: PERIOD,
          dueShare: 5_000,
          components: ['jkm'],
          excludes: { payers: ['APBN'], reason: 'test' },
          source: 'test',
          confidence: 'NC',
        },
      ],
    };

    // Act
    const result = reconcile(
      { period: PERIOD, members: [aMember(1, { program: 'NEW' }), aMember(2)], payments: [], reconciledAt: AT },
      { programmes, rules },
    );

    // Assert
    expect(itemOf(result, 1)?.expected).toEqual({ jkk: 10_000, jkm: 3_400, total: 13_400 });
    expect(itemOf(result, 2)?.expected).toEqual(DUE);
  });

  it('a month no contribution schedule prices', () => {
    expect(() => run([aMember(1, { enrolledOn: '2015-01-01' })], [], '2015-03')).toThrow(ReconciliationInputError);
  });
});

describe('reconcile: the status, wage and rules in force in each month', () => {
  it('a member deceased on 20 September owes September and not October; money for October is PAID_FOR_INACTIVE', () => {
    // Arrange: reported dead in October with the date of death, after September had been paid
    const died = withHistory(1, change('deceased', '2025-09-20', '2025-10-06T09:00:00+07:00'));
    const september = aPayment(1, 10_000, 6_800, { period: '2025-09' });
    const october = aPayment(1, 10_000, 6_800, { period: '2025-10' });

    // Act
    const sep = run([died], [september, october], '2025-09');
    const oct = run([died], [september, october], '2025-10');

    // Assert
    expect(itemOf(sep, 1)).toMatchObject({ category: 'PAID', expected: DUE });
    expect(sep.report.expected).toEqual({ members: 1, amount: 16_800 });
    expect(itemOf(oct, 1)).toMatchObject({ category: 'PAID_FOR_INACTIVE', expected: NOTHING, paid: DUE });
    expect(oct.report.expected).toEqual({ members: 0, amount: 0 });
  });

  it("prices each month at the member's declared income in force on its first day", () => {
    // Arrange: Rp1,000,000 until a raise to Rp2,500,000 on 2026-03-10, reported since
    const raised = aMember(1, {
      monthlyWage: 2_500_000,
      wageHistory: [
        { monthlyWage: 1_000_000, from: '2019-01-01', recordedAt: '2019-01-01T09:00:00+07:00' },
        { monthlyWage: 2_500_000, from: '2026-03-10', recordedAt: '2026-03-12T09:00:00+07:00' },
      ],
    });

    // Act
    const march = run([raised], [aPayment(1, 10_000, 6_800)]);
    const april = run([raised], [], '2026-04');

    // Assert
    expect(itemOf(march, 1)).toMatchObject({ category: 'PAID', expected: DUE });
    expect(itemOf(april, 1)?.expected).toEqual({ jkk: 25_000, jkm: 6_800, total: 31_800 });
  });

  it('prices a member stored without a wage history at monthlyWage', () => {
    const old = aMember(1, { monthlyWage: 2_000_000 });
    delete old.wageHistory;
    expect(itemOf(run([old], []), 1)?.expected).toEqual({ jkk: 20_000, jkm: 6_800, total: 26_800 });
  });

  it('a relief month (August 2020, PP 49/2020) paid at the relief rate is PAID; paid at the normal rate, OVERPAID', () => {
    // Act
    const relief = run(
      [aMember(1), aMember(2)],
      [aPayment(1, 100, 68, { period: '2020-08' }), aPayment(2, 10_000, 6_800, { period: '2020-08' })],
      '2020-08',
    );

    // Assert
    expect(itemOf(relief, 1)).toMatchObject({ category: 'PAID', expected: { jkk: 100, jkm: 68, total: 168 } });
    expect(itemOf(relief, 2)?.category).toBe('OVERPAID');
    expect(relief.report.expected).toEqual({ members: 2, amount: 336 });
  });

  it('caps JKK at Rp207,000 for a high declared income', () => {
    const result = run([aMember(1, { monthlyWage: 30_000_000 })], [aPayment(1, 207_000, 6_800)]);
    expect(itemOf(result, 1)).toMatchObject({ category: 'PAID', expected: { jkk: 207_000, jkm: 6_800, total: 213_800 } });
  });
});

describe('categorize', () => {
  it.each([
    [{ jkk: 10_000, jkm: 6_800 }, 'PAID'],
    [{ jkk: 0, jkm: 0 }, 'UNPAID'],
    [{ jkk: 9_999, jkm: 6_800 }, 'UNDERPAID'],
    [{ jkk: 10_000, jkm: 6_799 }, 'UNDERPAID'],
    [{ jkk: 11_000, jkm: 5_800 }, 'UNDERPAID'],
    [{ jkk: 10_000, jkm: 6_801 }, 'OVERPAID'],
  ])('%j is %s', (paid, category) => {
    expect(categorize(DUE, { ...paid, total: paid.jkk + paid.jkm })).toBe(category);
  });
});

describe('reconcile: the whole roster', () => {
  it('reconciles 50,000 members with correct totals', () => {
    // Arrange: every 10th unpaid, every 10th (offset 1) underpaid on JKM, every 10th (offset 2) paid twice,
    // every 10th (offset 3) deceased in January with a payment anyway; half the PKH members with a higher income
    const members: Member[] = [];
    const payments: PaymentLine[] = [];
    const expected = { members: 0, amount: 0, paid: 0, PAID: 0, UNPAID: 0, UNDERPAID: 0, OVERPAID: 0, PAID_FOR_INACTIVE: 0 };
    for (let i = 0; i < 50_000; i += 1) {
      const pkh = i % 2 === 0;
      const due = pkh ? { jkk: 25_000, jkm: 6_800 } : { jkk: 10_000, jkm: 6_800 };
      const kind = i % 10;
      members.push(
        kind === 3
          ? withHistory(i, change('deceased', '2026-01-15'))
          : aMember(i, { program: pkh ? 'PKH' : 'TKSK', monthlyWage: pkh ? 2_500_000 : 1_000_000 }),
      );
      if (kind === 3) {
        payments.push(aPayment(i, 10_000, 6_800));
        expected.PAID_FOR_INACTIVE += 1;
        expected.paid += 16_800;
        continue;
      }
      expected.members += 1;
      expected.amount += due.jkk + due.jkm;
      if (kind === 0) expected.UNPAID += 1;
      else if (kind === 1) {
        payments.push(aPayment(i, due.jkk, 6_000));
        expected.UNDERPAID += 1;
        expected.paid += due.jkk + 6_000;
      } else if (kind === 2) {
        payments.push(aPayment(i, due.jkk, due.jkm), aPayment(i, due.jkk, due.jkm));
        expected.OVERPAID += 1;
        expected.paid += 2 * (due.jkk + due.jkm);
      } else {
        payments.push(aPayment(i, due.jkk, due.jkm));
        expected.PAID += 1;
        expected.paid += due.jkk + due.jkm;
      }
    }
    payments.push(aPayment(99_999, 10_000, 6_800));
    expected.paid += 16_800;

    // Act
    const { report, coverage } = run(members, payments);

    // Assert
    expect(report.expected).toEqual({ members: expected.members, amount: expected.amount });
    // 25,000 PKH members (even i) owe Rp31.800; the 25,000 TKSK members (odd i) less the 5,000 deceased owe Rp16.800
    expect(report.expected).toEqual({ members: 45_000, amount: 25_000 * 31_800 + 20_000 * 16_800 });
    expect(report.paid.amount).toBe(expected.paid);
    expect(report.counts).toEqual({
      PAID: expected.PAID,
      UNPAID: expected.UNPAID,
      UNDERPAID: expected.UNDERPAID,
      OVERPAID: expected.OVERPAID,
      PAID_FOR_INACTIVE: expected.PAID_FOR_INACTIVE,
      UNKNOWN_MEMBER: 1,
    });
    expect(coverage).toHaveLength(50_001);
    expect(report.discrepancies).toHaveLength(50_001 - expected.PAID);
    const order = ['UNPAID', 'UNDERPAID', 'OVERPAID', 'PAID_FOR_INACTIVE', 'UNKNOWN_MEMBER'];
    for (let i = 1; i < report.discrepancies.length; i += 1) {
      const [a, b] = [report.discrepancies[i - 1]!, report.discrepancies[i]!];
      expect(order.indexOf(a.category) < order.indexOf(b.category) || (a.category === b.category && a.nik < b.nik)).toBe(true);
    }
  });
});
