import type { Page } from 'playwright-core';
import { demoRoster, EXAMPLE_MEMBER_NIK } from '../../infra/local/demo-roster';
import { requiredDocuments } from '../../shared/claims/domain/rules/documents';
import { phonePage, seriousA11yViolations } from '../support/browser';
import { e2eTwin, until } from '../support/e2e';
import { uniqueNik } from '../support/fixtures';
import { pdf } from '../support/uploads';

/**
 * A verifier on a phone (360 px) on `npm start`'s twin: signs in from the queue, finds a claim waiting for a decision
 * with its age and deadline in words, opens an empty queue, searches by the claimant's NIK and by name, and opens the
 * member page with the coverage by month and the claim. axe-core on each page, and no page scrolls sideways.
 */
const e2e = e2eTwin('staff-console');
const member = demoRoster().find((m) => m.nik === EXAMPLE_MEMBER_NIK)!;

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
const checked = async (page: Page) => {
  expect(await seriousA11yViolations(page)).toEqual([]);
  await noSidewaysScroll(page);
};

/** One document uploaded as a client does: a presigned POST, then the file straight to storage. */
const uploadPdf = async (type: string): Promise<string> => {
  const u = (await (
    await fetch(`${e2e.base}/uploads`, {
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

/** A complete JKM claim for the demo member (paid premiums): verification sends it to approval. */
const fileClaim = async (claimantNik: string): Promise<string> => {
  const types = requiredDocuments({ benefit: 'JKM', incidentType: 'death', relationship: 'spouse', cause: 'illness' });
  const documents = [];
  for (const type of types) documents.push({ type, uploadId: await uploadPdf(type) });
  const res = await fetch(`${e2e.base}/claims`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      benefit: 'JKM',
      member: { nik: member.nik, name: member.name },
      incident: { type: 'death', date: '2026-10-03', cause: 'illness' },
      claimant: { nik: claimantNik, name: 'Bambang Kurniawan', relationship: 'spouse', phone: '+6281234567890' },
      payout: { bankCode: '002', accountNumber: '012301000123456', accountHolder: 'Bambang Kurniawan' },
      documents,
    }),
  });
  expect(res.status).toBe(201);
  const { reference } = (await res.json()) as { reference: string };
  await until(
    'the claim waits for a decision',
    async () =>
      (await (await fetch(`${e2e.base}/claims/${reference}?nik=${claimantNik}`, { headers: { accept: 'application/json' } })).json()) as {
        status: string;
      },
    (s) => s.status === 'AWAITING_APPROVAL',
  );
  return reference;
};

test('a verifier works the queue, searches, and reads the member page on a phone', async () => {
  const claimantNik = uniqueNik();
  const reference = await fileClaim(claimantNik);
  const page = await phonePage(e2e.browser);

  // Signed out: straight to the sign-in, which comes back to the queue.
  await page.goto(`${e2e.base}/staff/claims`);
  await page.waitForURL(/\/auth\/oauth2\/authorize/);
  await page.fill('#u', 'verifier');
  await page.fill('#p', 'santunan-local');
  await Promise.all([page.waitForURL(/\/staff\/claims$/), page.click('button[type=submit]')]);

  // The queue: waiting for a decision is the open tab, with its count; the claim with its deadline in words.
  await expect(page.locator('h1').textContent()).resolves.toContain('Menunggu persetujuan');
  await expect(page.locator('.tabs a[aria-current="page"]').textContent()).resolves.toMatch(/Menunggu persetujuan \(\d+\)/);
  const card = page.locator('li.queue-item', { has: page.locator(`a:has-text("${reference}")`) });
  await expect(card.locator('.deadline').textContent()).resolves.toMatch(/Tepat waktu|Tenggat hari ini|Terlambat/);
  await expect(card.textContent()).resolves.toContain('JKM (Jaminan Kematian)');
  await checked(page);

  // An empty queue says so and points elsewhere.
  await Promise.all([page.waitForURL(/status=WITHDRAWN/), page.click('.tabs a[href="/staff/claims?status=WITHDRAWN"]')]);
  await expect(page.locator('#empty').textContent()).resolves.toContain('Tidak ada klaim dengan status ini.');
  await checked(page);

  // Search by the claimant's NIK as typed with dots: the claim, linked to its page and the member's.
  await Promise.all([page.waitForURL(/\/staff\/search$/), page.click('header nav a[href="/staff/search"]')]);
  await checked(page);
  await page.fill('#q', `${claimantNik.slice(0, 6)}.${claimantNik.slice(6, 12)}.${claimantNik.slice(12)}`);
  await Promise.all([page.waitForURL(/\/staff\/search\?q=/), page.click('#search-form button[type=submit]')]);
  await expect(page.locator(`ul.cards a:has-text("${reference}")`).count()).resolves.toBe(1);
  await checked(page);

  // Too short: said beside the box.
  await page.fill('#q', 'ab');
  await Promise.all([page.waitForURL(/q=ab/), page.click('#search-form button[type=submit]')]);
  await expect(page.locator('#q-error').textContent()).resolves.toContain('paling sedikit 3');
  await checked(page);

  // By the claimant's name, in other case and without the accent the name does not have anyway: found.
  await page.fill('#q', 'bambang KURNIA');
  await Promise.all([page.waitForURL(/q=bambang/), page.click('#search-form button[type=submit]')]);
  await expect(page.locator(`ul.cards a:has-text("${reference}")`).count()).resolves.toBe(1);

  // The member page: who, coverage by month in words, and the claim.
  await Promise.all([page.waitForURL(/\/staff\/members\//), page.click(`ul.cards a[href="/staff/members/${member.nik}"] >> nth=0`)]);
  await expect(page.locator('h1').textContent()).resolves.toBe(member.name);
  await expect(page.locator('.months').first().textContent()).resolves.toContain('Lunas');
  await expect(page.locator(`a:has-text("${reference}")`).count()).resolves.toBe(1);
  await checked(page);

  // In English.
  await page.goto(`${e2e.base}/staff/members/${member.nik}?lang=en`);
  await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
  await expect(page.locator('#coverage').textContent()).resolves.toBe('Premiums by month');
  await checked(page);
}, 300_000);
