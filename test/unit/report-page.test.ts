import { parse } from 'csv-parse/sync';
import { CLAIM_STATUSES, INCIDENT_CAUSES } from '../../shared/claims/domain/claim';
import { summarize } from '../../shared/reporting/domain/summary';
import { BOM, dashboardCsv, renderDashboard } from '../../shared/reporting/web/dashboard-page';
import { REPORT_TABLES } from '../../shared/reporting/web/tables';
import { REPORT_CLAIMS, REPORT_COVERAGE, REPORT_NOW, REPORT_RANGE } from '../support/report-fixture';

const summary = summarize({ range: REPORT_RANGE, claims: REPORT_CLAIMS, coverage: REPORT_COVERAGE, now: REPORT_NOW });
const user = { username: 'supervisor', roles: ['supervisor'] };
/** What a person reads: the text outside tags, links' targets and the CSV links' queries left out. */
const visibleText = (page: string) =>
  page
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('the reports CSV', () => {
  it('starts with a BOM, quotes what needs quoting and neutralises cells a spreadsheet would run', () => {
    const csv = dashboardCsv(summary, 'breaches', 'id');
    expect(csv.startsWith(`${BOM}Nomor klaim,Tahap,`)).toBe(true);
    expect(csv).toContain('\r\n');
    const rows = parse(csv, { bom: true }) as string[][];
    // The tranche column of a first payment is empty in the file; the page says "first payment".
    expect(rows[1]!.slice(0, 2)).toEqual(['SNT-2025-RPTC03', '']);
  });

  it.each(REPORT_TABLES)('%s: a header and rows of the same width, codes beside their words', (table) => {
    const rows = parse(dashboardCsv(summary, table, 'id'), { bom: true }) as string[][];
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row).toHaveLength(rows[0]!.length);
  });

  it('keeps the code and the words of a province, and plain numbers', () => {
    const rows = parse(dashboardCsv(summary, 'province', 'en'), { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Month', 'Province (code)', 'Province', 'Claims received', 'Decided', 'Rejected', 'Paid', 'Amount paid']);
    expect(rows).toContainEqual(['2025-03', '61', 'Kalimantan Barat', '0', '0', '0', '1', '42000000']);
  });
});

describe('the dashboard page', () => {
  const page = renderDashboard(summary, { lang: 'id', user, query: { from: '2025-03', to: '2025-04' } });

  it('says every code in words: no status, cause or unknown-value code is shown', () => {
    const text = visibleText(page);
    for (const code of [...CLAIM_STATUSES, ...INCIDENT_CAUSES, 'UNKNOWN']) expect([code, text.includes(code)]).toEqual([code, false]);
    expect(text).toContain('Sudah dibayarkan');
    expect(text).toContain('Kecelakaan di luar pekerjaan');
    expect(text).toContain('TKSK (Tenaga Kesejahteraan Sosial Kecamatan)');
    expect(text).toContain('Tidak diketahui');
    expect(text).toContain('Kalimantan Barat');
  });

  it('names and describes every chart for screen readers, values as text', () => {
    const charts = page.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(charts.length).toBeGreaterThanOrEqual(7);
    for (const svg of charts) {
      const id = /aria-labelledby="([^ ]+) ([^"]+)"/.exec(svg)!;
      expect(svg).toContain('role="img"');
      expect(svg).toContain(`<title id="${id[1]}">`);
      expect(svg).toContain(`<desc id="${id[2]}">`);
      expect(svg).not.toContain('style=');
    }
    expect(page).toContain('Maret 2025: 3 diterima, 2 dibayar.');
  });

  it('links each breach to its claim, and each table to its CSV with the range', () => {
    expect(page).toContain('<a href="/staff/claims/SNT-2025-RPTC03">SNT-2025-RPTC03</a>');
    for (const table of REPORT_TABLES)
      expect(page).toContain(`/staff/reports?from=2025-03-01&amp;to=2025-04-30&amp;format=csv&amp;table=${table}`);
    expect(page).toContain('aria-current="page">Laporan</a>');
  });

  it('is in English with lang=en, the links keeping the language', () => {
    const en = renderDashboard(summary, { lang: 'en', user, query: {} });
    expect(en).toContain('<html lang="en">');
    expect(visibleText(en)).toContain('Accident while working');
    expect(en).toContain('table=months&amp;lang=en');
  });

  it('comes back with the message beside the field for a refused range', () => {
    const refused = renderDashboard(undefined, {
      lang: 'id',
      user,
      query: { from: '2025-05', to: '2025-04' },
      errors: [{ path: 'to', code: 'report.reversed' }],
    });
    expect(refused).toContain('<p class="err" id="r-to-err">Tanggal akhir ada sebelum tanggal awal.</p>');
    expect(refused).toContain('value="2025-05"');
    expect(refused).not.toContain('<svg');
  });
});
