import { randomUUID } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { parse } from 'csv-parse/sync';
import { CLAIMS_TABLE, MEMBERS_TABLE } from '../../infra/definitions/tables';
import { ensureTables } from '../../infra/local/dynamodb';
import { documentClient, dynamoClient } from '../../shared/platform/dynamodb/client';
import { claimKeys, memberKeys } from '../../shared/platform/dynamodb/keys';
import { ReportingRepository } from '../../shared/reporting/adapters/reporting-repository';
import { reportSummary } from '../../shared/reporting/application/report-summary';
import { type Api, startApi } from '../support/api';
import { REPORT_CLAIM_AFTER, REPORT_CLAIMS, REPORT_COVERAGE, REPORT_EXPECTED, REPORT_NOW } from '../support/report-fixture';
import { tokenFor } from '../support/workflow';

/**
 * The summary's numbers against a fixture of known claims in DynamoDB Local. The fixture goes into tables of its own
 * (created here with the stack's definitions), so the other test files' claims never change a figure; the API
 * gateway started in this process reads them too, so the route's answer is checked against the same numbers.
 */
const suffix = randomUUID().slice(0, 8);
const claimsTable = `reports-${suffix}-Claims`;
const membersTable = `reports-${suffix}-Members`;
let api: Api;
const tablesBefore = { claims: process.env.CLAIMS_TABLE_NAME, members: process.env.MEMBERS_TABLE_NAME };

const put = async (table: string, items: Record<string, unknown>[]) => {
  for (let i = 0; i < items.length; i += 25)
    await documentClient.send(
      new BatchWriteCommand({ RequestItems: { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }),
    );
};

beforeAll(async () => {
  await ensureTables(dynamoClient, [CLAIMS_TABLE, MEMBERS_TABLE], (t) => (t.id === 'Claims' ? claimsTable : membersTable));
  const claims = [...REPORT_CLAIMS, REPORT_CLAIM_AFTER].flatMap((claim) => [
    {
      ...claimKeys.claim(claim.reference),
      ...claimKeys.byStatus(claim.status, claim.submittedAt, claim.reference),
      entity: 'CLAIM',
      ...claim,
      // What a claim carries besides: never read by the reports.
      claimant: { nik: '3173010203800001', name: 'Ahmad Fauzi', relationship: 'spouse' },
      bankAccount: { bankCode: '002', accountNumber: '012301000123456', accountHolder: 'Ahmad Fauzi' },
      documents: [{ type: 'DEATH_CERTIFICATE', uploadId: 'up_x', contentType: 'application/pdf', size: 10, key: 'uploads/x' }],
      version: 5,
    },
    { ...claimKeys.audit(claim.reference, claim.submittedAt, 1), entity: 'AUDIT', reference: claim.reference, type: 'CLAIM_SUBMITTED' },
  ]);
  await put(claimsTable, claims);
  await put(
    membersTable,
    REPORT_COVERAGE.map((r) => ({ ...memberKeys.report(r.period), entity: 'REPORT', ...r, paid: { amount: 1 }, reconciledAt: 'x' })),
  );
  process.env.CLAIMS_TABLE_NAME = claimsTable;
  process.env.MEMBERS_TABLE_NAME = membersTable;
  api = await startApi();
}, 60_000);
afterAll(async () => {
  await api?.stop();
  process.env.CLAIMS_TABLE_NAME = tablesBefore.claims;
  process.env.MEMBERS_TABLE_NAME = tablesBefore.members;
});

describe('the summary of a fixture of known claims, read from DynamoDB Local', () => {
  const source = () => new ReportingRepository(claimsTable, membersTable);

  it('reads every claim received up to the last day, in every status, with only what the report needs', async () => {
    const claims = await source().claimsReceivedThrough('2025-04-30');
    expect(claims.map((c) => c.reference).sort()).toEqual(REPORT_CLAIMS.map((c) => c.reference).sort());
    for (const claim of claims) {
      expect(Object.keys(claim).sort()).toEqual(expect.not.arrayContaining(['bankAccount', 'claimant', 'documents', 'gsi1pk', 'version']));
      expect(Object.keys(claim.member)).toEqual(['nik']);
    }
    expect((await source().claimsReceivedThrough('2025-05-02')).map((c) => c.reference)).toContain(REPORT_CLAIM_AFTER.reference);
  });

  it('has every number of the summary as counted by hand', async () => {
    const summary = await reportSummary({ source: source() }, { from: '2025-03', to: '2025-04' }, REPORT_NOW);
    expect(summary.range).toEqual({ from: '2025-03-01', to: '2025-04-30' });
    expect(summary.claims).toEqual(REPORT_EXPECTED.claims);
    expect(summary.payouts).toEqual(REPORT_EXPECTED.payouts);
    expect(summary.daysToPay).toEqual(REPORT_EXPECTED.daysToPay);
    expect(summary.deadlineBreaches).toBe(REPORT_EXPECTED.deadlineBreaches);
    expect(summary.breaches).toEqual(REPORT_EXPECTED.breaches);
    expect(summary.coverage).toEqual(REPORT_EXPECTED.coverage);
    expect(summary.coverageByMonth).toEqual(REPORT_EXPECTED.coverageByMonth);
    expect(summary.months).toEqual(REPORT_EXPECTED.months);
  });
});

describe('GET /staff/reports/summary and the dashboard, on the same tables', () => {
  const staff = async (user = 'verifier', accept = 'application/json') => ({ accept, authorization: `Bearer ${await tokenFor(user)}` });

  it('answers the api.md shape with the fixture numbers, for any staff role', async () => {
    for (const user of ['verifier', 'approver', 'supervisor', 'finance', 'admin']) {
      const res = await api.call('GET', '/staff/reports/summary?from=2025-03-01&to=2025-04-30', { headers: await staff(user) });
      expect([user, res.status]).toEqual([user, 200]);
      // Seen later than the fixture's "now": D's unpaid days keep growing, every other figure is fixed.
      expect(res.json).toMatchObject({
        claims: REPORT_EXPECTED.claims,
        payouts: REPORT_EXPECTED.payouts,
        daysToPay: REPORT_EXPECTED.daysToPay,
        deadlineBreaches: 2,
        coverage: REPORT_EXPECTED.coverage,
        coverageByMonth: REPORT_EXPECTED.coverageByMonth,
      });
    }
  });

  it('refuses a bad or reversed range with the field, and callers without a token or a staff role', async () => {
    const bad = await api.call('GET', '/staff/reports/summary?from=2025-13&to=2025-04', { headers: await staff() });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: 'VALIDATION_FAILED', fields: [{ path: 'from', code: 'report.date' }] });
    const reversed = await api.call('GET', '/staff/reports/summary?from=2025-05&to=2025-04', { headers: await staff() });
    expect(reversed.json.fields).toEqual([expect.objectContaining({ path: 'to', code: 'report.reversed' })]);
    expect((await api.call('GET', '/staff/reports/summary', { headers: { accept: 'application/json' } })).status).toBe(401);
    expect((await api.call('GET', '/staff/reports/summary', { headers: await staff('coordinator') })).status).toBe(403);
  });

  it('serves the dashboard in both languages, each code in words, breaches linked to their claims', async () => {
    const page = await api.call('GET', '/staff/reports?from=2025-03&to=2025-04', { headers: await staff('finance', 'text/html') });
    expect(page.status).toBe(200);
    expect(page.text).toContain('Laporan klaim dan pembayaran');
    expect(page.text).toContain('Jawa Timur');
    expect(page.text).toContain('Sakit');
    expect(page.text).toContain('href="/staff/claims/SNT-2025-RPTC03"');
    expect(page.text).toContain('Rp173.000.000');
    expect(page.text).toContain('<svg');
    const en = await api.call('GET', '/staff/reports?from=2025-03&to=2025-04&lang=en', { headers: await staff('finance', 'text/html') });
    expect(en.text).toContain('Claims and payments report');
    expect(en.text).toContain('Accident while working');
    const bad = await api.call('GET', '/staff/reports?from=2025-05&to=2025-04', { headers: await staff('finance', 'text/html') });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Tanggal akhir ada sebelum tanggal awal.');
  });

  it('exports each table as CSV with a BOM and a file name, codes beside their words', async () => {
    const res = await api.call('GET', '/staff/reports?from=2025-03&to=2025-04&format=csv&table=province', { headers: await staff() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="laporan-province-2025-03-01_2025-04-30.csv"');
    // fetch's text() drops a leading BOM; the bytes keep it.
    const raw = await fetch(`${api.url}/staff/reports?from=2025-03&to=2025-04&format=csv&table=months`, { headers: await staff() });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(res.text, { bom: true }) as string[][];
    expect(rows[0]).toEqual([
      'Bulan',
      'Provinsi (kode)',
      'Provinsi',
      'Klaim diterima',
      'Diputuskan',
      'Ditolak',
      'Dibayar',
      'Jumlah dibayarkan',
    ]);
    expect(rows).toContainEqual(['2025-03', '35', 'Jawa Timur', '1', '1', '0', '1', '86000000']);
    const unknown = await api.call('GET', '/staff/reports?format=csv&table=secrets', { headers: await staff() });
    expect(unknown.status).toBe(400);
    expect(unknown.json.fields[0].path).toBe('table');
  });
});
