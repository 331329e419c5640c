import type { Page } from 'playwright-core';
import { demoPremiumMonths } from '../../infra/local/demo-roster';
import { currentPeriod } from '../../shared/kernel/periods';
import { type Api, apiClient } from '../support/api';
import { phonePage, seriousA11yViolations } from '../support/browser';
import { e2eTwin, until } from '../support/e2e';

/**
 * Finance reads the reconciliation report on a phone (360 px), on `npm start`'s twin with its demo premiums: signed
 * out, the report's link goes through the sign-in and back; the summary in words; the discrepancies filtered to one
 * category with the GET form, each linking to its member; the CSV of every discrepancy; the list of months; running
 * the month again. No sideways scrolling; axe-core finds no serious violation.
 */
const e2e = e2eTwin('reconciliation');
const api = (): Api => apiClient(e2e.base);
const [EARLIER] = demoPremiumMonths(currentPeriod());

const financeToken = async () =>
  (await api().postJson('/auth/token', { username: 'finance', password: 'santunan-local' })).json.accessToken as string;

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

test('finance opens the seeded report on a phone, filters it, exports the CSV and runs the month again', async () => {
  // The demo premiums are written in the background after the twin starts: wait for the earlier month's report
  // (the later month's follows it; on a busy machine that takes minutes).
  const token = await financeToken();
  await until(
    'the demo premiums',
    async () =>
      (await api().call('GET', '/staff/reconciliations', { headers: { accept: 'application/json', authorization: `Bearer ${token}` } }))
        .json,
    (list) => (list?.items ?? []).some((r: { period: string }) => r.period === EARLIER),
    900_000,
  );

  // Signed out, the link of the email: through the sign-in and back to the report.
  const page = await phonePage(e2e.browser);
  await page.goto(`${e2e.base}/staff/reconciliations/${EARLIER}`);
  await page.waitForURL(/\/auth\/oauth2\/authorize/);
  await page.fill('#u', 'finance');
  await page.fill('#p', 'santunan-local');
  await Promise.all([page.waitForURL(new RegExp(`/staff/reconciliations/${EARLIER}$`)), page.click('button[type=submit]')]);

  // The summary and the categories in words, with the planted story of the demo.
  await expect(page.locator('h1').textContent()).resolves.toMatch(/^Rekonsiliasi iuran \w+ \d{4}$/);
  const categories = (await page.locator('#categories').textContent()) ?? '';
  expect(categories).toContain('Belum dibayar: 20 peserta');
  expect(categories).toContain('Kurang bayar: 3 peserta');
  expect(categories).toContain('Lebih bayar: 2 peserta');
  expect(categories).toContain('Dibayar untuk peserta tidak aktif: 1 peserta');
  expect(categories).not.toMatch(/UNPAID|UNDERPAID/);
  await expect(page.locator('#summary').textContent()).resolves.toMatch(/Rp[\d.]+/);
  await expect(page.locator('#discrepancies li').count()).resolves.toBe(26);
  await noSidewaysScroll(page);
  expect(await seriousA11yViolations(page)).toEqual([]);

  // Filter to one category with the GET form.
  await page.selectOption('#category', 'UNDERPAID');
  await Promise.all([page.waitForURL(/category=UNDERPAID/), page.click('#filter button[type=submit]')]);
  const lines = page.locator('#discrepancies li');
  await expect(lines.count()).resolves.toBe(3);
  await expect(lines.first().textContent()).resolves.toMatch(/Kurang bayar: Seharusnya Rp[\d.]+, diterima Rp[\d.]+, selisih -Rp1\.000/);
  await expect(lines.first().locator('a').getAttribute('href')).resolves.toMatch(/^\/staff\/members\/\d{16}$/);
  await noSidewaysScroll(page);
  expect(await seriousA11yViolations(page)).toEqual([]);

  // The CSV link: every discrepancy of the month, with the session's cookie.
  const href = await page.locator('#csv').getAttribute('href');
  expect(href).toBe(`/staff/reconciliations/${EARLIER}?format=csv`);
  const csv = await page.request.get(`${e2e.base}${href}`);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const rows = (await csv.text()).trim().split('\r\n');
  expect(rows[0]).toBe('period,nik,name,category,expected,paid,difference');
  expect(rows).toHaveLength(1 + 26);

  // The list of months, then the month run again from its page (back on the page, the same story).
  await page.goto(`${e2e.base}/staff/reconciliations`);
  await expect(page.locator('#periods li').count()).resolves.toBe(24);
  await noSidewaysScroll(page);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await Promise.all([
    page.waitForURL(/\/staff\/reconciliations\/\d{4}-\d{2}$/),
    page.click(`#periods a[href="/staff/reconciliations/${EARLIER}"]`),
  ]);
  const reportJson = async () =>
    (
      await api().call('GET', `/staff/reconciliations/${EARLIER}?limit=1`, {
        headers: { accept: 'application/json', authorization: `Bearer ${token}` },
      })
    ).json;
  const before = (await reportJson()).reconciledAt as string;
  // The post waits up to 20 s for the run before it answers: no action timeout, the URL says when it is back.
  await page.click('form.run button[type=submit]', { noWaitAfter: true });
  await page.waitForURL(new RegExp(`/staff/reconciliations/${EARLIER}(\\?running=1)?$`), { timeout: 180_000 });
  await until('the rerun', reportJson, (report) => report?.reconciledAt !== before, 300_000);
  await page.goto(`${e2e.base}/staff/reconciliations/${EARLIER}`);
  await expect(page.locator('#categories').textContent()).resolves.toContain('Kurang bayar: 3 peserta');
  await expect(page.locator('p.muted').first().textContent()).resolves.toContain('atas permintaan finance');

  // English on request.
  await page.goto(`${e2e.base}/staff/reconciliations/${EARLIER}?lang=en`);
  await expect(page.locator('#categories').textContent()).resolves.toContain('Underpaid: 3 members');
  await noSidewaysScroll(page);
}, 1_500_000);
