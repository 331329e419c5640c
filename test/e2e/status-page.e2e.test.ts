import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { demoRoster, EXAMPLE_MEMBER_NIK } from '../../infra/local/demo-roster';
import { requiredDocuments } from '../../shared/claims/domain/rules/documents';
import { FAST_3G, phoneContext, phonePage, seriousA11yViolations } from '../support/browser';
import { ARTIFACTS, e2eTwin, until } from '../support/e2e';
import { uniqueNik } from '../support/fixtures';
import { pdf } from '../support/uploads';

/**
 * The family's status page on a 360 px phone over Chromium's "Fast 3G", on the twin (`npm start`), for claims in the
 * states a family meets: rejected (an unknown member), waiting for documents, waiting for a decision, and paid. On
 * each: the outcome in its colour with its words, no sideways scrolling, no serious or critical axe-core violation,
 * the language switch keeping the page's access, and the self-refresh only while the claim moves. The claim waiting
 * for a decision is approved by staff meanwhile, and the open page turns to "paid" on its own.
 */
const e2e = e2eTwin('status');
const base = () => e2e.base;

// ---- Claims on the twin, through the public API --------------------------------------------------------------------

const statusJson = async (reference: string, nik: string) =>
  (await fetch(`${base()}/claims/${reference}?nik=${nik}`, { headers: { accept: 'application/json' } })).json() as Promise<any>;

const uploadPdf = async (type: string): Promise<string> => {
  const u = (await (
    await fetch(`${base()}/uploads`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type, contentType: 'application/pdf', size: 100 }),
    })
  ).json()) as { uploadId: string; url: string; fields: Record<string, string> };
  const form = new FormData();
  for (const [k, v] of Object.entries(u.fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(pdf(100))], { type: 'application/pdf' }));
  await fetch(u.url, { method: 'POST', body: form });
  return u.uploadId;
};

/** Files a JKM claim by a spouse for `member`, with every required document or none; resolves when `wanted` is reached. */
const fileClaim = async (member: { nik: string; name: string }, withDocuments: boolean, wanted: string) => {
  const claimantNik = uniqueNik();
  const documents: { type: string; uploadId: string }[] = [];
  if (withDocuments)
    for (const type of requiredDocuments({ benefit: 'JKM', incidentType: 'death', relationship: 'spouse' }))
      documents.push({ type, uploadId: await uploadPdf(type) });
  const res = await fetch(`${base()}/claims`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      benefit: 'JKM',
      member: { nik: member.nik, name: member.name },
      incident: { type: 'death', date: '2026-10-03', cause: 'illness' },
      claimant: { nik: claimantNik, name: 'Ahmad Fauzi', relationship: 'spouse', phone: '+6281234567890' },
      payout: { bankCode: '002', accountNumber: '012301000123456', accountHolder: 'Ahmad Fauzi' },
      documents,
    }),
  });
  expect(res.status).toBe(201);
  const { reference } = (await res.json()) as { reference: string };
  await until(
    wanted,
    () => statusJson(reference, claimantNik),
    (s) => s.status === wanted,
  );
  return { reference, claimantNik };
};

/** A supervisor approves (a supervisor may decide before and after an escalation). */
const approve = async (reference: string) => {
  const { accessToken } = (await (
    await fetch(`${base()}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'supervisor', password: 'santunan-local' }),
    })
  ).json()) as { accessToken: string };
  const headers = { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${accessToken}` };
  await until(
    'the decision task',
    async () => (await fetch(`${base()}/staff/claims/${reference}`, { headers })).json() as Promise<any>,
    (c) => c.pendingTask?.kind === 'decision',
  );
  const res = await fetch(`${base()}/staff/claims/${reference}/decision`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ decision: 'approve' }),
  });
  expect(res.status).toBe(200);
};

// ---- What every status page must be ----------------------------------------------------------------------------

const open = async (reference: string, nik: string): Promise<Page> => {
  const page = await phonePage(e2e.browser, { network: FAST_3G });
  await page.goto(`${base()}/claims/${reference}?nik=${nik}`);
  return page;
};

/** Readable at 360 px without sideways scrolling, and no serious or critical WCAG A/AA violation. */
const expectReadableAndAccessible = async (page: Page, name: string) => {
  await page.screenshot({ path: join(ARTIFACTS, `status-${name}.png`), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await seriousA11yViolations(page)).toEqual([]);
};

/** The switch to English keeps the access (the NIK typed or the token followed) and the claim; back again as well. */
const expectLanguageSwitchKeepsAccess = async (page: Page, nik: string, englishStatus: string) => {
  await Promise.all([page.waitForURL(/lang=en/), page.click('header a[hreflang="en"]')]);
  expect(new URL(page.url()).searchParams.get('nik')).toBe(nik);
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  await expect(page.locator('#status').textContent()).resolves.toBe(englishStatus);
  await expectReadableAndAccessible(page, `${englishStatus.toLowerCase().replace(/\W+/g, '-')}-en`);
  await Promise.all([page.waitForURL((url) => !url.search.includes('lang=en')), page.click('header a[hreflang="id"]')]);
  expect(new URL(page.url()).searchParams.get('nik')).toBe(nik);
  expect(await page.locator('html').getAttribute('lang')).toBe('id');
};

const refreshes = async (page: Page) => (await page.locator('script[src="/assets/status.js"]').count()) === 1;

test('a rejected claim: red, the reason once, a real contact, and no refresh', async () => {
  const { reference, claimantNik } = await fileClaim({ nik: uniqueNik({ female: true }), name: 'Tidak Terdaftar' }, false, 'REJECTED');
  const page = await open(reference, claimantNik);
  await expect(page.locator('#status').textContent()).resolves.toBe('Tidak dapat dibayarkan');
  expect(await page.locator('#decision').getAttribute('class')).toBe('outcome outcome-bad');
  const body = (await page.locator('body').textContent())!;
  expect(body.split('kami belum menemukan peserta dengan NIK tersebut')).toHaveLength(2);
  await expect(page.locator('#contact a[href^="tel:"]').count()).resolves.toBe(1);
  await expect(page.locator('#contact a[href^="https://wa.me/"]').count()).resolves.toBe(1);
  expect(await refreshes(page)).toBe(false);
  await expectReadableAndAccessible(page, 'rejected');
  await expectLanguageSwitchKeepsAccess(page, claimantNik, 'Not payable');
}, 240_000);

test('a claim waiting for documents: amber, the upload form and its deadline, and no refresh while the family fills it', async () => {
  const member = demoRoster()[1]!;
  const { reference, claimantNik } = await fileClaim(member, false, 'NEEDS_DOCUMENTS');
  const page = await open(reference, claimantNik);
  await expect(page.locator('#status').textContent()).resolves.toBe('Perlu dokumen tambahan');
  expect(await page.locator('#decision').getAttribute('class')).toBe('outcome outcome-action');
  await expect(page.locator('#claim-form .doc').count()).resolves.toBeGreaterThan(0);
  await expect(page.locator('#deadline').textContent()).resolves.toMatch(/Batas waktunya: \d+ hari lagi \(sampai \w+, \d+ \w+ \d{4}\)\./);
  expect(await refreshes(page)).toBe(false);
  await expectReadableAndAccessible(page, 'needs-documents');
  await expectLanguageSwitchKeepsAccess(page, claimantNik, 'Documents needed');
}, 240_000);

test('a claim waiting for a decision refreshes itself, turns to paid on its own once approved, and shows where the money went', async () => {
  const { reference, claimantNik } = await fileClaim({ nik: EXAMPLE_MEMBER_NIK, name: 'Siti Aminah' }, true, 'AWAITING_APPROVAL');

  // Without JavaScript the page has a meta refresh; with it, the script (which looks for a change before reloading).
  const noJs = await (await phoneContext(e2e.browser, { javaScriptEnabled: false, network: FAST_3G })).newPage();
  await noJs.goto(`${base()}/claims/${reference}?nik=${claimantNik}`);
  await expect(noJs.locator('meta[http-equiv="refresh"]').getAttribute('content')).resolves.toMatch(
    new RegExp(`^\\d+;url=/claims/${reference}\\?nik=${claimantNik}$`),
  );
  await noJs.context().close();

  const page = await open(reference, claimantNik);
  await expect(page.locator('#status').textContent()).resolves.toBe('Menunggu persetujuan');
  expect(await page.locator('#decision').getAttribute('class')).toBe('outcome outcome-waiting');
  await expect(page.locator('#deadline').textContent()).resolves.toMatch(
    /santunan dibayar paling lambat (\d hari kerja lagi \(sampai|hari ini,) \w+, \d+ \w+ \d{4}/,
  );
  expect(await refreshes(page)).toBe(true);
  await expectReadableAndAccessible(page, 'awaiting-approval');
  await expectLanguageSwitchKeepsAccess(page, claimantNik, 'Awaiting approval');
  expect(await refreshes(page)).toBe(true);

  // Staff approve in their own context; the family's open page follows the claim to paid by itself.
  await approve(reference);
  await page.locator('#status', { hasText: 'Sudah dibayarkan' }).waitFor({ timeout: 120_000 });
  expect(new URL(page.url()).searchParams.get('nik')).toBe(claimantNik);
  expect(await page.locator('#decision').getAttribute('class')).toBe('outcome outcome-good');
  await expect(page.locator('#amount').textContent()).resolves.toBe('Rp42.000.000');
  await expect(page.locator('#paid-to').textContent()).resolves.toMatch(
    /^Ditransfer pada \w+, \d+ \w+ 2026 ke rekening BRI yang berakhiran 3456\.$/,
  );
  const breakdown = (await page.locator('#breakdown').textContent())!;
  for (const label of ['Santunan sekaligus', 'Santunan berkala (dibayar sekaligus)', 'Biaya pemakaman']) expect(breakdown).toContain(label);
  expect((await page.locator('body').textContent())!).not.toContain('012301000123456');
  // Siti Aminah was a member for more than 3 years: her children may have the scholarship, asked for each school year.
  await expect(page.locator('#scholarship').textContent()).resolves.toContain('setiap tahun ajaran');
  await expect(page.locator('#scholarship .doc[data-doc="SCHOOL_CERTIFICATE"]').count()).resolves.toBe(2);
  expect(await refreshes(page)).toBe(false);
  await expectReadableAndAccessible(page, 'paid');
  await expectLanguageSwitchKeepsAccess(page, claimantNik, 'Paid');
}, 360_000);
