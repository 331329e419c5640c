import { assessEligibility } from '../../../shared/claims/domain/eligibility';
import { importPayments } from '../../../shared/premiums/application/import-payments';
import { importRoster } from '../../../shared/premiums/application/import-roster';
import { runReconciliation } from '../../../shared/premiums/application/reconciliation-steps';
import { PAYMENT_HEADER } from '../../../shared/premiums/domain/payment-row';
import { ROSTER_HEADER } from '../../../shared/premiums/domain/roster-row';
import { InMemoryLedger, InMemoryRoster } from '../../support/fakes/premiums';

/**
 * The roster, payment and reconciliation use cases against in-memory ports: the header decides which optional roster
 * columns a file has, the histories they feed, and what the reconciliation makes of them.
 */
const NIK_A = '3173014107850003';
const NIK_B = '3201011203780004';
const NOW = () => new Date('2026-11-28T03:00:00Z'); // 10:00 in Jakarta
const AT = '2026-11-28T10:00:00.000+07:00';

const line = (cells: (string | number)[]) => cells.join(',');
const memberCells = (nik: string, wage: number, status: string) => [
  nik,
  'Siti Aminah',
  'TKSK',
  '',
  nik.slice(0, 2),
  nik.slice(0, 4),
  nik.slice(0, 6),
  '2019-01-01',
  wage,
  '',
  status,
];

describe('importRoster: the optional statusDate and wageFrom columns', () => {
  it('imports a file without them as before: a death takes effect on the import day', async () => {
    // Arrange
    const members = new InMemoryRoster();
    const csv = [ROSTER_HEADER.join(','), line(memberCells(NIK_A, 1_000_000, 'deceased')), ''].join('\n');

    // Act
    const result = await importRoster({ members, now: NOW }, csv);

    // Assert
    expect(result).toMatchObject({ lines: 1, imported: 1, rejected: [] });
    expect((await members.get(NIK_A))?.statusHistory).toEqual([
      { status: 'active', on: '2019-01-01', recordedAt: AT },
      { status: 'deceased', on: '2026-11-28', recordedAt: AT },
    ]);
  });

  it('reads them when the header names them, and dates the histories with them', async () => {
    // Arrange
    const members = new InMemoryRoster();
    const csv = [
      `${ROSTER_HEADER.join(',')},statusDate,wageFrom`,
      line([...memberCells(NIK_A, 2_000_000, 'deceased'), '2025-09-20', '2024-07-01']),
      line([...memberCells(NIK_B, 1_500_000, 'active'), '', '']),
      '',
    ].join('\n');

    // Act
    const result = await importRoster({ members, now: NOW }, csv);

    // Assert
    expect(result).toMatchObject({ lines: 2, imported: 2, rejected: [] });
    const a = await members.get(NIK_A);
    expect(a?.statusHistory.at(-1)).toEqual({ status: 'deceased', on: '2025-09-20', recordedAt: AT });
    expect(a?.wageHistory).toEqual([{ monthlyWage: 2_000_000, from: '2024-07-01', recordedAt: AT }]);
    expect(a).not.toHaveProperty('statusDate');
    const b = await members.get(NIK_B);
    expect(b?.statusHistory).toEqual([{ status: 'active', on: '2019-01-01', recordedAt: AT }]);
    expect(b?.wageHistory).toEqual([{ monthlyWage: 1_500_000, from: '2019-01-01', recordedAt: AT }]);
  });

  it('takes statusDate alone, and importing the same file again changes nothing', async () => {
    // Arrange
    const members = new InMemoryRoster();
    const csv = [`${ROSTER_HEADER.join(',')},statusDate`, line([...memberCells(NIK_A, 1_000_000, 'inactive'), '2026-03-15']), ''].join(
      '\n',
    );

    // Act
    await importRoster({ members, now: NOW }, csv);
    const again = await importRoster({ members, now: () => new Date('2026-12-01T03:00:00Z') }, csv);

    // Assert
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 1 });
    expect((await members.get(NIK_A))?.statusHistory.at(-1)).toMatchObject({ status: 'inactive', on: '2026-03-15' });
  });

  it("counts cells against the file's own header: a short line in a file with the columns is refused, not guessed", async () => {
    // Arrange
    const members = new InMemoryRoster();
    const csv = [`${ROSTER_HEADER.join(',')},statusDate,wageFrom`, line(memberCells(NIK_A, 1_000_000, 'active')), ''].join('\n');

    // Act
    const result = await importRoster({ members, now: NOW }, csv);

    // Assert
    expect(result.rejected).toEqual([{ line: 2, errors: [expect.objectContaining({ code: 'csv.columns' })] }]);
  });

  it('refuses a header with the optional columns out of order, as a whole', async () => {
    const csv = `${ROSTER_HEADER.join(',')},wageFrom,statusDate\n`;
    await expect(importRoster({ members: new InMemoryRoster(), now: NOW }, csv)).rejects.toMatchObject({
      name: 'ValidationError',
    });
  });
});

const paymentsCsv = (rows: (string | number)[][]) => [PAYMENT_HEADER.join(','), ...rows.map(line), ''].join('\n');
const DUE = { jkk: 10_000, jkm: 6_800, total: 16_800 };
const NOTHING = { jkk: 0, jkm: 0, total: 0 };

describe('the status in force in each month, from an imported statusDate', () => {
  it('a member deceased on 20 September owes September and not October: money for October is PAID_FOR_INACTIVE', async () => {
    // Arrange: the death reported in November with its date; September and October both paid
    const members = new InMemoryRoster();
    const premiums = new InMemoryLedger();
    await importRoster(
      { members, now: NOW },
      [`${ROSTER_HEADER.join(',')},statusDate`, line([...memberCells(NIK_A, 1_000_000, 'deceased'), '2025-09-20']), ''].join('\n'),
    );
    await importPayments(
      { members, premiums, now: NOW },
      paymentsCsv([
        ['2025-09', NIK_A, 10_000, 6_800, 'KWT-09', '2025-09-10'],
        ['2025-10', NIK_A, 10_000, 6_800, 'KWT-10', '2025-10-10'],
      ]),
    );

    // Act
    const september = await runReconciliation({ members, premiums }, '2025-09', 'test');
    const october = await runReconciliation({ members, premiums }, '2025-10', 'test');

    // Assert
    expect(september.expected).toEqual({ members: 1, amount: 16_800 });
    expect(september.counts.PAID).toBe(1);
    expect(october.expected).toEqual({ members: 0, amount: 0 });
    expect((await premiums.report('2025-10'))?.discrepancies).toEqual([
      { nik: NIK_A, category: 'PAID_FOR_INACTIVE', expected: 0, paid: 16_800, name: 'Siti Aminah' },
    ]);
  });
});

describe('importPayments refreshes the coverage of the member-months it touches', () => {
  const setup = async () => {
    const members = new InMemoryRoster();
    const premiums = new InMemoryLedger();
    await importRoster(
      { members, now: NOW },
      [ROSTER_HEADER.join(','), line(memberCells(NIK_A, 1_000_000, 'active')), line(memberCells(NIK_B, 1_000_000, 'active')), ''].join(
        '\n',
      ),
    );
    return { members, premiums, deps: { members, premiums, now: NOW } };
  };

  it('writes the coverage at once, with the same categories the reconciliation gives', async () => {
    // Arrange
    const { premiums, deps } = await setup();
    const stranger = '3578011501900001';

    // Act
    await importPayments(
      deps,
      paymentsCsv([
        ['2026-10', NIK_A, 10_000, 6_800, 'KWT-1', '2026-10-10'],
        ['2026-10', NIK_B, 9_000, 6_800, 'KWT-2', '2026-10-10'],
        ['2026-10', stranger, 10_000, 6_800, 'KWT-3', '2026-10-10'],
      ]),
    );

    // Assert
    expect(premiums.coverageItem(NIK_A, '2026-10')).toEqual({
      nik: NIK_A,
      period: '2026-10',
      category: 'PAID',
      expected: DUE,
      paid: DUE,
      receipts: ['KWT-1'],
      reconciledAt: AT,
    });
    expect(premiums.coverageItem(NIK_B, '2026-10')).toMatchObject({ category: 'UNDERPAID', name: 'Siti Aminah' });
    expect(premiums.coverageItem(stranger, '2026-10')).toMatchObject({ category: 'UNKNOWN_MEMBER', expected: NOTHING });
  });

  it('adds a second receipt to the first, reading the lines already stored', async () => {
    // Arrange
    const { premiums, deps } = await setup();
    await importPayments(deps, paymentsCsv([['2026-10', NIK_A, 5_000, 3_400, 'A-1', '2026-10-10']]));
    expect(premiums.coverageItem(NIK_A, '2026-10')?.category).toBe('UNDERPAID');

    // Act
    await importPayments(deps, paymentsCsv([['2026-10', NIK_A, 5_000, 3_400, 'B-1', '2026-10-20']]));

    // Assert
    expect(premiums.coverageItem(NIK_A, '2026-10')).toMatchObject({ category: 'PAID', paid: DUE, receipts: ['A-1', 'B-1'] });
  });

  it('queries the stored lines of a member-month only when its coverage counts a receipt outside the batch', async () => {
    // Arrange: September never reconciled (no item); October reconciled before any payment (UNPAID, no receipt)
    const { members, premiums, deps } = await setup();
    await runReconciliation({ members, premiums }, '2026-10', 'test');

    // Act
    await importPayments(
      deps,
      paymentsCsv([
        ['2026-09', NIK_A, 10_000, 6_800, 'KWT-1', '2026-09-10'],
        ['2026-10', NIK_A, 10_000, 6_800, 'KWT-2', '2026-10-10'],
      ]),
    );
    await importPayments(deps, paymentsCsv([['2026-10', NIK_A, 0, 6_800, 'KWT-3', '2026-10-20']]));

    // Assert
    expect(premiums.memberMonthsRead).toEqual([
      { nik: NIK_A, period: '2026-09' },
      { nik: NIK_A, period: '2026-10' },
    ]);
    expect(premiums.coverageItem(NIK_A, '2026-10')).toMatchObject({ category: 'OVERPAID', receipts: ['KWT-2', 'KWT-3'] });
  });

  it('writes no coverage when the same file is imported again', async () => {
    // Arrange
    const { premiums, deps } = await setup();
    const csv = paymentsCsv([
      ['2026-09', NIK_A, 10_000, 6_800, 'KWT-1', '2026-09-10'],
      ['2026-10', NIK_B, 0, 0, 'KWT-2', '2026-10-10'],
    ]);
    await importPayments(deps, csv);
    const writes = premiums.coverageWrites;
    const item = premiums.coverageItem(NIK_A, '2026-09');

    // Act
    await importPayments({ ...deps, now: () => new Date('2026-11-29T03:00:00Z') }, csv);

    // Assert
    expect(premiums.coverageWrites).toBe(writes);
    expect(premiums.coverageItem(NIK_A, '2026-09')).toEqual(item);
    expect(premiums.coverageItem(NIK_B, '2026-10')?.category).toBe('UNPAID');
  });

  it('removes the item of a month not owed once its money is corrected to Rp0, as a rerun of the month would', async () => {
    // Arrange: an October payment for a member who died in September
    const { members, premiums, deps } = await setup();
    await importRoster(
      { members, now: NOW },
      [`${ROSTER_HEADER.join(',')},statusDate`, line([...memberCells(NIK_A, 1_000_000, 'deceased'), '2026-09-20']), ''].join('\n'),
    );
    await importPayments(deps, paymentsCsv([['2026-10', NIK_A, 10_000, 6_800, 'KWT-1', '2026-10-10']]));
    expect(premiums.coverageItem(NIK_A, '2026-10')?.category).toBe('PAID_FOR_INACTIVE');

    // Act
    await importPayments(deps, paymentsCsv([['2026-10', NIK_A, 0, 0, 'KWT-1', '2026-10-10']]));

    // Assert
    expect(premiums.coverageItem(NIK_A, '2026-10')).toBeUndefined();
  });

  it('a relief month paid at the relief rate is PAID at once, and a claim in it is not flagged SPONSOR_ARREARS', async () => {
    // Arrange: August 2020, PP 49/2020: JKK Rp100 and JKM Rp68
    const { members, premiums, deps } = await setup();
    await importPayments(deps, paymentsCsv([['2020-08', NIK_A, 100, 68, 'KWT-R', '2020-08-14']]));
    const member = await members.get(NIK_A);

    // Act
    const eligibility = assessEligibility({
      claim: {
        benefit: 'JKM',
        incident: { type: 'death', date: '2020-08-25', cause: 'illness' },
        claimant: { relationship: 'spouse', nik: '3173010203800001' },
        member: { nik: NIK_A, name: 'Siti Aminah' },
        submittedAt: '2020-09-01T09:00:00+07:00',
      },
      member,
      coverage: premiums.coverageItem(NIK_A, '2020-08'),
    });

    // Assert
    expect(premiums.coverageItem(NIK_A, '2020-08')).toMatchObject({ category: 'PAID', expected: { jkk: 100, jkm: 68, total: 168 } });
    expect(eligibility).toEqual({ outcome: 'eligible', flags: [] });
  });
});
