import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importPayments } from '../../shared/premiums/application/import-payments';
import { importRoster } from '../../shared/premiums/application/import-roster';
import { runReconciliation } from '../../shared/premiums/application/reconciliation-steps';
import { InMemoryLedger, InMemoryRoster } from '../support/fakes/premiums';

/**
 * The example files of examples/ (linked from the README): each imports with no rejected line, the comma files and
 * the Excel ones (semicolons, a byte-order mark, CRLF) alike, and October 2026 reconciles to the story they tell.
 */
const file = (name: string) => join(__dirname, '..', '..', 'examples', name);
const NOW = () => new Date('2026-11-28T03:00:00Z');

describe('the example files', () => {
  it('are what they say: the Excel ones separated by semicolons, with a BOM and CRLF line ends', () => {
    for (const name of ['roster-excel.csv', 'payments-excel.csv']) {
      const bytes = readFileSync(file(name));
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8').split('\r\n')[0]).toContain(';');
    }
    expect(readFileSync(file('roster.csv'), 'utf8').split('\n')[0]).toBe(
      'nik,name,program,kpj,province,regency,district,enrolledOn,monthlyWage,phone,status',
    );
  });

  it('import with no rejected line, and reconcile to a few planted discrepancies', async () => {
    // Arrange
    const members = new InMemoryRoster();
    const premiums = new InMemoryLedger();

    // Act
    const rosters = [
      await importRoster({ members, now: NOW }, createReadStream(file('roster.csv'))),
      await importRoster({ members, now: NOW }, createReadStream(file('roster-excel.csv'))),
    ];
    const payments = [
      await importPayments({ members, premiums, now: NOW }, createReadStream(file('payments.csv'))),
      await importPayments({ members, premiums, now: NOW }, createReadStream(file('payments-excel.csv'))),
    ];
    const report = await runReconciliation({ members, premiums }, '2026-10', 'test');

    // Assert
    expect(rosters).toEqual([
      expect.objectContaining({ lines: 6, imported: 6, rejected: [] }),
      expect.objectContaining({ lines: 3, imported: 3, rejected: [] }),
    ]);
    expect(payments).toEqual([
      expect.objectContaining({ lines: 7, added: 7, rejected: [], unknownMembers: [expect.objectContaining({ nik: '3173011205800199' })] }),
      expect.objectContaining({ lines: 4, added: 4, rejected: [], unknownMembers: [] }),
    ]);
    expect(members.members.get('3374015003880108')?.name).toBe('Nur Hidayah, S.Pd');
    expect(report.counts).toEqual({ PAID: 5, UNPAID: 1, UNDERPAID: 1, OVERPAID: 1, PAID_FOR_INACTIVE: 1, UNKNOWN_MEMBER: 1 });
  });

  it.each(['roster', 'payments'] as const)(
    'the %s import refuses a tab-separated file, saying a comma or a semicolon is expected',
    async (kind) => {
      const members = new InMemoryRoster();
      const premiums = new InMemoryLedger();
      const text = readFileSync(file(`${kind}.csv`), 'utf8').replaceAll(',', '\t');
      const run = kind === 'roster' ? importRoster({ members, now: NOW }, text) : importPayments({ members, premiums, now: NOW }, text);
      await expect(run).rejects.toMatchObject({
        fields: [expect.objectContaining({ path: 'line 1', message: expect.stringMatching(/comma or a semicolon/) })],
      });
    },
  );
});
