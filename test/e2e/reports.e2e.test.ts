import { join } from 'node:path';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { localClient } from '../../infra/local/dynamodb';
import { claimKeys, memberKeys } from '../../shared/platform/dynamodb/keys';
import { phonePage, seriousA11yViolations } from '../support/browser';
import { ARTIFACTS, e2eTwin } from '../support/e2e';
import { REPORT_CLAIMS, REPORT_COVERAGE } from '../support/report-fixture';

/**
 * The reports dashboard on a phone (360 px), signed in on `npm start`'s twin, with the known claims of the reporting
 * fixture written into the twin's tables: every section readable without sideways scrolling, charts named for screen
 * readers, no serious axe-core violation, the breaches linked to their claims, a table downloaded as CSV, and the
 * print layout without the navigation and the form.
 */
const e2e = e2eTwin('reports');
const RANGE = 'from=2025-03&to=2025-04';

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

beforeAll(async () => {
  const [, endpoint, claimsTable, membersTable] = /DynamoDB Local\s+(\S+)\s+tables: ([^,\s]+), ([^,\s]+)/.exec(e2e.twin.output)!;
  const db = DynamoDBDocumentClient.from(localClient(endpoint!), { marshallOptions: { removeUndefinedValues: true } });
  const claims = REPORT_CLAIMS.map((claim) => ({
    ...claimKeys.claim(claim.reference),
    ...claimKeys.byStatus(claim.status, claim.submittedAt, claim.reference),
    entity: 'CLAIM',
    ...claim,
    // The rest of a claim, so that a breach's link opens a whole claim page.
    incident: { type: 'death', date: '2025-02-20', ...claim.incident },
    claimant: { nik: '3173010203800001', name: 'Ahmad Fauzi', relationship: 'spouse' },
    bankAccount: { bankCode: '002', accountNumber: '012301000123456', accountHolder: 'Ahmad Fauzi' },
    documents: [],
    missingDocuments: [],
    updatedAt: claim.submittedAt,
    timeline: claim.timeline ?? [],
    verification: { checkedAt: claim.submittedAt, flags: [], ...claim.verification },
    version: 3,
  }));
  await db.send(new BatchWriteCommand({ RequestItems: { [claimsTable!]: claims.map((Item) => ({ PutRequest: { Item } })) } }));
  const reports = REPORT_COVERAGE.map((r) => ({ ...memberKeys.report(r.period), entity: 'REPORT', ...r }));
  await db.send(new BatchWriteCommand({ RequestItems: { [membersTable!]: reports.map((Item) => ({ PutRequest: { Item } })) } }));
});

test('a supervisor reads the dashboard on a phone, follows a breach to its claim, downloads a table and prints', async () => {
  const page = await phonePage(e2e.browser);
  await page.goto(`${e2e.base}/staff/reports`);
  // Signed out: the sign-in, which comes back to the reports.
  await page.waitForURL(/\/auth\/oauth2\/authorize/);
  await page.fill('#u', 'supervisor');
  await page.fill('#p', 'santunan-local');
  await Promise.all([page.waitForURL(/\/staff\/reports$/), page.click('button[type=submit]')]);

  // The range form, as a person types it.
  await page.fill('#r-from', '2025-03');
  await page.fill('#r-to', '2025-04');
  await Promise.all([page.waitForURL(/\/staff\/reports\?from=2025-03&to=2025-04/), page.click('.report-range button[type=submit]')]);
  await expect(page.locator('h1').textContent()).resolves.toBe('Laporan klaim dan pembayaran');
  await expect(page.locator('header.staff nav a[aria-current="page"]').textContent()).resolves.toBe('Laporan');
  await expect(page.locator('#figures').textContent()).resolves.toContain('Rp173.000.000');
  await expect(page.locator('#province').textContent()).resolves.toContain('Jawa Timur');
  await expect(page.locator('#cause').textContent()).resolves.toContain('Kecelakaan saat bekerja');
  // Each chart is an image named by its title.
  const charts = page.locator('svg.report-chart');
  expect(await charts.count()).toBeGreaterThanOrEqual(7);
  for (const name of await charts.evaluateAll((svgs) => svgs.map((s) => s.querySelector('title')?.textContent ?? '')))
    expect(name.length).toBeGreaterThan(5);
  await noSidewaysScroll(page);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, 'reports-dashboard.png'), fullPage: true });

  // A table as CSV, through the link on the page.
  const href = await page.locator('#breaches .report-csv a').getAttribute('href');
  const csv = await page.request.get(`${e2e.base}${href}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-disposition']).toBe('attachment; filename="laporan-breaches-2025-03-01_2025-04-30.csv"');
  const text = (await csv.body()).toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain('SNT-2025-RPTC03');

  // Printed: no navigation, form or download links; still no sideways overflow.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.staff nav').isVisible()).resolves.toBe(false);
  await expect(page.locator('.report-range').isVisible()).resolves.toBe(false);
  await expect(page.locator('.report-csv').first().isVisible()).resolves.toBe(false);
  await page.emulateMedia({ media: 'screen' });

  // In English, and a breach opens its claim.
  await page.goto(`${e2e.base}/staff/reports?${RANGE}&lang=en`);
  await expect(page.locator('h1').textContent()).resolves.toBe('Claims and payments report');
  await noSidewaysScroll(page);
  expect(await seriousA11yViolations(page)).toEqual([]);
  const [opened] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/staff/claims/SNT-2025-RPTD04')),
    page.click('#breaches a:has-text("SNT-2025-RPTD04")'),
  ]);
  expect(opened.status()).toBe(200);
});

test('a range typed the wrong way round comes back with the message beside the field, readable on the phone', async () => {
  const page = await phonePage(e2e.browser);
  await page.goto(`${e2e.base}/staff/login?next=/staff/reports`);
  await page.fill('#u', 'finance');
  await page.fill('#p', 'santunan-local');
  await Promise.all([page.waitForURL(/\/staff\/reports$/), page.click('button[type=submit]')]);
  const answer = await page.goto(`${e2e.base}/staff/reports?from=2025-05&to=2025-04`);
  expect(answer?.status()).toBe(400);
  await expect(page.locator('#r-to-err').textContent()).resolves.toBe('Tanggal akhir ada sebelum tanggal awal.');
  await expect(page.inputValue('#r-from')).resolves.toBe('2025-05');
  await noSidewaysScroll(page);
  expect(await seriousA11yViolations(page)).toEqual([]);
});
