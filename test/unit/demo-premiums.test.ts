import {
  DEMO_COVERED_MEMBERS,
  DEMO_PLANTED,
  demoCoverage,
  demoPremiumMonths,
  demoPremiums,
  demoRoster,
} from '../../infra/local/demo-roster';
import { runReconciliation } from '../../shared/premiums/application/reconciliation-steps';
import { InMemoryLedger, InMemoryRoster } from '../support/fakes/premiums';

/**
 * The twin's demo premiums (infra/local/seed.ts): most demo members paid in full for the two seeded months, and the
 * planted discrepancies, so each month's report tells a story: the arrears of 20 members, 5 late, 3 underpaid, 2 paid
 * twice, a death the sponsor did not know of, and a mistyped NIK.
 */
const SEED_MONTH = '2026-12';
const AT = '2026-12-01T08:00:00.000+07:00';

const seeded = async () => {
  const months = demoPremiumMonths(SEED_MONTH);
  const { members, payments } = demoPremiums(demoRoster(), months, AT);
  const roster = new InMemoryRoster();
  for (const m of members) roster.members.set(m.nik, m);
  const premiums = new InMemoryLedger();
  // As the seed: the first members' history, then the demo premiums.
  const history = demoCoverage(members.slice(0, DEMO_COVERED_MEMBERS), '2024-01', SEED_MONTH, AT);
  await premiums.putPayments(
    history.map((c) => ({
      period: c.period,
      nik: c.nik,
      jkk: c.expected.jkk,
      jkm: c.expected.jkm,
      receiptNo: `DEMO-${c.period}`,
      paidOn: `${c.period}-10`,
    })),
  );
  await premiums.putPayments(payments);
  return { months, members, payments, roster, premiums };
};

describe('the demo premiums', () => {
  it('pay most of the roster for the month before the seed and the seed month', async () => {
    const { months, members, payments } = await seeded();
    expect(months).toEqual(['2026-11', '2026-12']);
    // Two months for every member after the first ones, less the arrears' and the late ones', plus the second receipts.
    expect(payments.length).toBe(2 * (members.length - DEMO_COVERED_MEMBERS) - 2 * 20 - 5 + 2);
    expect(new Set(payments.map((p) => `${p.period}#${p.nik}#${p.receiptNo}`)).size).toBe(payments.length);
    expect(members[DEMO_PLANTED.deceased]).toMatchObject({ status: 'deceased' });
    // The members other tests pick stay as they were.
    expect(members.slice(0, 60).every((m) => m.status === 'active')).toBe(true);
  });

  it('reconcile to the planted story, month by month', async () => {
    // Arrange
    const { months, members, roster, premiums } = await seeded();

    // Act
    const [earlier, later] = [
      await runReconciliation({ members: roster, premiums }, months[0]!, 'seed'),
      await runReconciliation({ members: roster, premiums }, months[1]!, 'seed'),
    ];

    // Assert
    expect(earlier.counts).toEqual({
      PAID: members.length - 20 - 3 - 2 - 1,
      UNPAID: 20,
      UNDERPAID: 3,
      OVERPAID: 2,
      PAID_FOR_INACTIVE: 1,
      UNKNOWN_MEMBER: 0,
    });
    expect(later.counts).toEqual({
      PAID: members.length - 20 - 5 - 1 - 1,
      UNPAID: 26,
      UNDERPAID: 0,
      OVERPAID: 0,
      PAID_FOR_INACTIVE: 1,
      UNKNOWN_MEMBER: 1,
    });
    expect(earlier.expected.members).toBe(members.length - 1);
    // The first members (the example member among them) are paid, as the claim demos need.
    expect(premiums.coverageItem(members[0]!.nik, months[1]!)?.category).toBe('PAID');
    expect(premiums.coverageItem(members[DEMO_PLANTED.arrears[0]]!.nik, months[0]!)?.category).toBe('UNPAID');
    expect(premiums.coverageItem(members[DEMO_PLANTED.underpaid[0]]!.nik, months[0]!)).toMatchObject({
      category: 'UNDERPAID',
      expected: { total: 16_800 },
      paid: { total: 15_800 },
    });
  });
});
