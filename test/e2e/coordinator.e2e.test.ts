import type { Page } from 'playwright-core';
import { demoCoordinatorDistricts, demoRoster } from '../../infra/local/demo-roster';
import { requiredDocuments } from '../../shared/claims/domain/rules/documents';
import { FAST_3G, phonePage, seriousA11yViolations } from '../support/browser';
import { e2eTwin, until } from '../support/e2e';
import { uniqueNik } from '../support/fixtures';
import { pdf } from '../support/uploads';

/**
 * Assisted filing, as a field coordinator does it on a phone (360 px, a weak 3G signal), on `npm start`'s twin: sign in,
 * start a claim for a family and save it as a draft, continue the draft, upload the documents, file; the claim is the
 * family's (their NIK opens its status page, their inbox gets the messages) and shows in the coordinator's list of
 * their districts. A member outside their districts is refused beside the field. axe-core on each page.
 */
const e2e = e2eTwin('coordinator');
const browser = () => e2e.browser;
const districts = demoCoordinatorDistricts();
const roster = demoRoster();
const inDistrict = roster.slice(0, 10).find((m) => districts.includes(m.district) && m.nik !== roster[0]!.nik)!;
const outside = roster.find((m) => !districts.includes(m.district))!;

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

const signIn = async (page: Page) => {
  await page.goto(`${e2e.base}/staff/coordinator`);
  // Signed out: straight to the sign-in page, which comes back here.
  await page.waitForURL(/\/auth\/oauth2\/authorize/);
  await page.fill('#u', 'coordinator');
  await page.fill('#p', 'santunan-local');
  await Promise.all([page.waitForURL(/\/staff\/coordinator$/), page.click('button[type=submit]')]);
};

const fillFamily = async (page: Page, memberNik: string, memberName: string, claimantNik: string) => {
  await page.check('input[name="benefit"][value="JKM"]');
  await page.fill('#f-member-nik', memberNik);
  await page.fill('#f-member-name', memberName);
  await page.check('input[name="incident.type"][value="death"]');
  await page.fill('#f-incident-date', '2026-10-03');
  await page.selectOption('#f-incident-cause', 'illness');
  await page.fill('#f-claimant-nik', claimantNik);
  await page.fill('#f-claimant-name', 'Wati Lestari');
  await page.selectOption('#f-claimant-relationship', 'spouse');
  await page.fill('#f-claimant-phone', '0813 1111 2222');
  await page.fill('#f-claimant-email', `wati-${claimantNik}@example.org`);
  await page.selectOption('#f-payout-bankCode', '002');
  await page.fill('#f-payout-accountNumber', '012301000777777');
  await page.fill('#f-payout-accountHolder', 'Wati Lestari');
};

test('a coordinator saves a draft, continues it, files for the family, and follows the claim in their districts', async () => {
  const page = await phonePage(browser(), { network: FAST_3G });
  await signIn(page);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await noSidewaysScroll(page);

  // Start a claim, stop half way: a draft.
  await Promise.all([page.waitForURL(/\/staff\/coordinator\/claims\/new/), page.click('a.btn')]);
  await expect(page.locator('#assisted').isVisible()).resolves.toBe(true);
  expect(await seriousA11yViolations(page)).toEqual([]);
  const claimantNik = uniqueNik({ female: true });
  await fillFamily(page, inDistrict.nik, inDistrict.name, claimantNik);
  await Promise.all([page.waitForURL(/\/staff\/coordinator\?saved=1/), page.click('button[name="_action"][value="draft"]')]);
  await expect(page.locator('#drafts').textContent()).resolves.toContain(inDistrict.name);

  // Continue it: what was typed is there; add every required document and file.
  await Promise.all([page.waitForURL(/claims\/new\?draft=/), page.click(`#drafts a:has-text("${inDistrict.name}")`)]);
  await expect(page.inputValue('#f-member-nik')).resolves.toBe(inDistrict.nik);
  for (const type of requiredDocuments({ benefit: 'JKM', incidentType: 'death', relationship: 'spouse', cause: 'illness' })) {
    const row = page.locator(`.doc[data-doc="${type}"]`);
    await row.locator('input[type=file]').setInputFiles({ name: `${type}.pdf`, mimeType: 'application/pdf', buffer: pdf(4_000) });
    await row.locator('.ok').waitFor({ timeout: 60_000 });
  }
  await Promise.all([page.waitForURL(/\/staff\/coordinator\?filed=SNT-/), page.click('#claim-form button[type=submit]:not([name])')]);
  const reference = new URL(page.url()).searchParams.get('filed')!;
  await expect(page.locator('[role=status]').textContent()).resolves.toContain(reference);
  // The draft is gone; the claim is in the list of their districts, filed by them.
  await expect(page.locator('#drafts').count()).resolves.toBe(0);
  await until(
    'the claim in the district list',
    async () => {
      await page.reload();
      return page.locator(`#district-claims a:has-text("${reference}")`).count();
    },
    (listed) => listed > 0,
  );
  expect(await seriousA11yViolations(page)).toEqual([]);
  await noSidewaysScroll(page);

  // The coordinator's view of the claim: status and history in words, no NIK.
  await Promise.all([page.waitForURL(new RegExp(`/staff/coordinator/claims/${reference}`)), page.click(`a:has-text("${reference}")`)]);
  const text = (await page.locator('main').textContent())!;
  expect(text).not.toContain(claimantNik);
  expect(text).not.toContain(inDistrict.nik);
  expect(await seriousA11yViolations(page)).toEqual([]);

  // The family: their own NIK opens the status page; their inbox has the claim's messages.
  const family = await (
    await fetch(`${e2e.base}/claims/${reference}?nik=${claimantNik}`, { headers: { accept: 'application/json' } })
  ).json();
  expect(family.reference).toBe(reference);
  const inbox = /Email inbox \(SES, staff\+family\) (\S+)\//.exec(e2e.twin.output)![1]!;
  await until(
    'a message to the family',
    async () => ((await (await fetch(`${inbox}/store`)).json()) as { emails: { destination: { to: string[] }; subject: string }[] }).emails,
    (emails) => emails.some((e) => e.destination.to.includes(`wati-${claimantNik}@example.org`) && e.subject.includes(reference)),
  );
});

test('a member outside the coordinator’s districts is refused beside the field, with everything typed kept', async () => {
  const page = await phonePage(browser());
  await signIn(page);
  await page.goto(`${e2e.base}/staff/coordinator/claims/new`);
  const claimantNik = uniqueNik();
  await fillFamily(page, outside.nik, outside.name, claimantNik);
  await page.click('#claim-form button[type=submit]:not([name])');
  await page.locator('#f-member-nik-err').waitFor();
  await expect(page.inputValue('#f-claimant-nik')).resolves.toBe(claimantNik);
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test('a family’s own staff pages stay closed to a coordinator', async () => {
  const page = await phonePage(browser());
  await signIn(page);
  // The staff queue sends them to their own page; the staff API refuses them.
  await page.goto(`${e2e.base}/staff/claims`);
  expect(new URL(page.url()).pathname).toBe('/staff/coordinator');
  const token = (
    (await (
      await fetch(`${e2e.base}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'coordinator', password: 'santunan-local' }),
      })
    ).json()) as { accessToken: string }
  ).accessToken;
  const res = await fetch(`${e2e.base}/staff/claims`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
  expect(res.status).toBe(403);
});
