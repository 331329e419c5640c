import { importRoster } from '../../../shared/premiums/application/import-roster';
import { ROSTER_HEADER } from '../../../shared/premiums/domain/roster-row';
import { InMemoryRoster } from '../../support/fakes/premiums';

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
