import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { EXAMPLE_MEMBER_NIK } from '../../infra/local/demo-roster';
import { requiredDocuments } from '../../shared/claims/domain/rules/documents';
import { apiClient } from '../support/api';
import { phonePage, seriousA11yViolations } from '../support/browser';
import { ARTIFACTS, e2eTwin, until } from '../support/e2e';
import { uniqueNik, validClaim } from '../support/fixtures';
import { pdf, uploadDocument } from '../support/uploads';

/**
 * Issue 9, deliverables 1 and 2 as an approver does them on a phone (360 px), on `npm start`'s twin: the approval
 * email in the twin's inbox (HTML, a real link), its link opened signed out, straight to the sign-in page (a wrong
 * password keeps the user name), back to the claim page, which shows the claim in words without sideways scrolling;
 * a photographed document opens and decodes, a PDF opens as a PDF, both views are in the audit trail; the claim is
 * approved with a note that the audit trail shows; sign-out ends on the sign-in page. axe-core on the sign-in page and
 * the claim page.
 */
const e2e = e2eTwin('staff-claim');
const api = () => apiClient(e2e.base);
const urlOf = (label: RegExp) => label.exec(e2e.twin.output)![1]!;

/** A 1×1 PNG, as a phone's photo of a document would be (smaller). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const statusJson = async (ref: string, nik: string) =>
  (await api().call('GET', `/claims/${ref}?nik=${nik}`, { headers: { accept: 'application/json' } })).json;
const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

test('from the approval email to a decision on a phone: sign-in and back, the claim in words, documents opened and audited', async () => {
  // A JKM claim for the example member (premiums paid: one approver decides), the first document a photo.
  const claimantNik = uniqueNik();
  const body = validClaim((b) => {
    b.member = { nik: EXAMPLE_MEMBER_NIK, name: 'Siti Aminah' };
    b.claimant.nik = claimantNik;
  });
  const types = requiredDocuments({ benefit: 'JKM', incidentType: 'death', relationship: 'spouse', cause: 'illness' });
  body.documents = [];
  for (const [i, type] of types.entries())
    body.documents.push({
      type,
      uploadId: await (i === 0 ? uploadDocument(api(), type, PNG, 'image/png') : uploadDocument(api(), type, pdf(1024))),
    });
  const created = await api().postJson('/claims', body);
  expect(created.status).toBe(201);
  const reference = created.json.reference as string;

  // The approver's email: HTML with a real link to the claim page, no NIK.
  const sesUrl = urlOf(/Email inbox \(SES, staff\+family\) (\S+)\//);
  type Email = { subject: string; destination: { to: string[] }; body: { text: string; html?: string } };
  const toApprover = (emails: Email[]) =>
    emails.find((e) => e.destination.to.includes('approver@santunan.local') && e.subject.includes(reference));
  const mail = toApprover(
    await until(
      'the approval email',
      async () => ((await (await fetch(`${sesUrl}/store`)).json()) as { emails: Email[] }).emails,
      (emails) => !!toApprover(emails),
    ),
  )!;
  const link = `${e2e.base}/staff/claims/${reference}`;
  expect(mail.body.text).toContain(`\n${link}\n`);
  expect(mail.body.html).toContain(`href="${link}"`);
  for (const part of [mail.subject, mail.body.text, mail.body.html!]) {
    expect(part).not.toContain(EXAMPLE_MEMBER_NIK);
    expect(part).not.toContain(claimantNik);
  }
  expect(mail.subject).toContain('JKM (Jaminan Kematian)');

  // Signed out, the link goes straight to the sign-in page.
  const approver = await phonePage(e2e.browser);
  await approver.goto(link);
  expect(new URL(approver.url()).pathname).toBe('/auth/oauth2/authorize');
  expect(await seriousA11yViolations(approver)).toEqual([]);
  await noSidewaysScroll(approver);
  await approver.fill('#u', 'approver');
  await approver.fill('#p', 'not-the-password');
  await approver.click('button[type=submit]');
  await expect(approver.locator('#login-error').textContent()).resolves.toContain('Nama pengguna atau kata sandi salah.');
  await expect(approver.inputValue('#u')).resolves.toBe('approver');
  expect(await seriousA11yViolations(approver)).toEqual([]);
  await approver.fill('#p', 'santunan-local');
  await Promise.all([approver.waitForURL(link), approver.click('button[type=submit]')]);

  // The claim page: the decision needs the task, which the workflow stores a moment after the email.
  await until(
    'the decision form',
    async () => {
      await approver.goto(link);
      return approver.locator('#decision-form').count();
    },
    (n) => n === 1,
  );
  await expect(approver.locator('#status').textContent()).resolves.toBe('Menunggu persetujuan');
  const summary = (await approver.locator('#summary').textContent())!;
  for (const text of ['Siti Aminah', 'Suami/istri', 'JKM (Jaminan Kematian)', 'Rp42.000.000', 'kematian · 3 Oktober 2026'])
    expect([text, summary.includes(text)]).toEqual([text, true]);
  await expect(approver.locator('#coverage [aria-current]').textContent()).resolves.toContain('Oktober 2026');
  const text = (await approver.locator('main').textContent())!;
  for (const code of ['AWAITING_APPROVAL', 'LUMP_SUM', 'spouse', 'DEATH_CERTIFICATE', 'CLAIM_SUBMITTED', 'illness'])
    expect([code, text.includes(code)]).toEqual([code, false]);
  await noSidewaysScroll(approver);
  expect(await seriousA11yViolations(approver)).toEqual([]);
  await approver.screenshot({ path: join(ARTIFACTS, 'staff-claim-phone.png'), fullPage: true });

  // The photo opens in a new tab, inline, and decodes.
  const links = approver.locator('#documents a');
  expect(await links.count()).toBe(types.length);
  const [photo] = await Promise.all([approver.context().waitForEvent('page'), links.nth(0).click()]);
  await photo.waitForLoadState();
  expect(new URL(photo.url()).searchParams.get('X-Amz-Expires')).toBe('60');
  await until(
    'the photo decoded',
    () => photo.evaluate(() => (document.images[0]?.complete ? document.images[0].naturalWidth : 0)),
    (width) => width === 1,
    10_000,
  );
  await photo.close();
  // A PDF: through the same route, with the session of this browser; the storage answers it as a PDF, inline.
  const pdfHref = (await links.nth(1).getAttribute('href'))!;
  const opened = await approver.context().request.get(`${e2e.base}${pdfHref}`);
  expect(opened.status()).toBe(200);
  expect(opened.headers()['content-type']).toBe('application/pdf');
  expect(opened.headers()['content-disposition']).toBe('inline');
  expect((await opened.body()).subarray(0, 4).toString()).toBe('%PDF');

  // In English, then back; both views are in the audit trail.
  await approver.click('header a[hreflang="en"]');
  await expect(approver.locator('html').getAttribute('lang')).resolves.toBe('en');
  await expect(approver.locator('#status').textContent()).resolves.toBe('Awaiting approval');
  await approver.click('header a[hreflang="id"]');
  const audit = approver.locator('#audit');
  await expect(audit.locator('li', { hasText: 'Dokumen dibuka' }).count()).resolves.toBe(2);

  // The decision, with a note that the audit trail keeps.
  await approver.check('#decision-form input[value="approve"]');
  await approver.fill('#decision-form-note', 'Akta kematian dan KK sudah dicek.');
  const [decided] = await Promise.all([
    approver.waitForResponse((r) => r.url() === `${link}/decision` && r.request().method() === 'POST'),
    approver.click('#decision-form button[type=submit]'),
  ]);
  expect(decided.status()).toBe(303);
  await approver.waitForURL(link);
  await approver.waitForLoadState();
  await expect(approver.locator('main').textContent()).resolves.toContain('Catatan: Akta kematian dan KK sudah dicek.');
  await until(
    'the approval',
    () => statusJson(reference, claimantNik),
    (s) => ['APPROVED', 'PAYING', 'PAID'].includes(s.status),
  );

  // Sign-out: the session is gone, and the sign-in page is shown.
  await Promise.all([approver.waitForURL(/\/auth\/oauth2\/authorize/), approver.click('a[href="/staff/logout"]')]);
  await approver.goto(link);
  expect(new URL(approver.url()).pathname).toBe('/auth/oauth2/authorize');
}, 300_000);
