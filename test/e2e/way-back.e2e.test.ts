import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { demoRoster } from '../../infra/local/demo-roster';
import { requiredDocuments } from '../../shared/claims/domain/rules/documents';
import { type Api, apiClient } from '../support/api';
import { FAST_3G, phonePage, seriousA11yViolations } from '../support/browser';
import { ARTIFACTS, e2eTwin, until } from '../support/e2e';
import { uniqueNik, validClaim } from '../support/fixtures';
import { pdf, uploadDocument } from '../support/uploads';

/**
 * The way back from a rejection, as a family on a phone does it (360 px, a weak 3G signal), on `npm start`'s twin:
 * a member NIK mistyped by one digit is corrected from the status page and verified on the same reference; an appeal is
 * upheld by a supervisor in a second browser, another refused. axe-core checks the rejected page with its correction
 * and appeal forms, and the supervisor's appeal page.
 */
const e2e = e2eTwin('wayback');
const api = (): Api => apiClient(e2e.base);
const browser = () => e2e.browser;
/** Demo roster members, one per test (a member has one open claim per claimant and benefit). */
const roster = demoRoster().slice(30);

const statusJson = async (ref: string, nik: string) =>
  (await api().call('GET', `/claims/${ref}?nik=${nik}`, { headers: { accept: 'application/json' } })).json;
const untilStatus = (ref: string, nik: string, status: string) =>
  until(
    `${ref} ${status}`,
    () => statusJson(ref, nik),
    (s) => s?.status === status,
  );
const token = async (username: string) =>
  (await api().postJson('/auth/token', { username, password: 'santunan-local' })).json.accessToken as string;
const asStaff = async (username: string, method: string, path: string, body?: unknown) =>
  api().call(method, path, {
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { authorization: `Bearer ${await token(username)}`, accept: 'application/json', 'content-type': 'application/json' },
  });

/** A JKM claim filed through the API with every required document, for a demo member (or a mistyped NIK). */
const fileClaim = async (member: { nik: string; name: string }, memberNik = member.nik) => {
  const claimantNik = uniqueNik();
  const body = validClaim((b) => {
    b.member = { nik: memberNik, name: member.name };
    b.claimant.nik = claimantNik;
  });
  body.documents = [];
  for (const type of requiredDocuments({ benefit: 'JKM', incidentType: 'death', relationship: 'spouse', cause: 'illness' }))
    body.documents.push({ type, uploadId: await uploadDocument(api(), type, pdf(1024)) });
  const created = await api().postJson('/claims', body);
  expect(created.status).toBe(201);
  return { ref: created.json.reference as string, claimantNik };
};

/**
 * A second supervisor rejects the claim once it waits for a decision (demo members' premiums are mostly unpaid, so
 * their claims need a supervisor; the appeal then goes to the other supervisor, as the rule requires).
 */
const rejectBySupervisor2 = async (ref: string, claimantNik: string) => {
  await untilStatus(ref, claimantNik, 'AWAITING_APPROVAL');
  await until(
    `${ref} decision task`,
    async () => (await asStaff('supervisor', 'GET', `/staff/claims/${ref}`)).json,
    (claim) => claim?.pendingTask?.kind === 'decision',
  );
  const rejected = await asStaff('supervisor2', 'POST', `/staff/claims/${ref}/decision`, {
    decision: 'reject',
    reasonCode: 'DOCUMENTS_INVALID',
  });
  expect({ status: rejected.status, body: rejected.json }).toMatchObject({ status: 200 });
  await untilStatus(ref, claimantNik, 'REJECTED');
};

const familyPage = (): Promise<Page> => phonePage(browser(), { network: FAST_3G });
const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

test('a member NIK one digit off: the status page offers the correction first, and the claim is verified again on the same reference', async () => {
  const member = roster[0]!;
  const typo = `${member.nik.slice(0, 15)}${(Number(member.nik[15]) + 1) % 10}`;
  const { ref, claimantNik } = await fileClaim(member, typo);
  await untilStatus(ref, claimantNik, 'REJECTED');

  const family = await familyPage();
  await family.goto(`${e2e.base}/claims/${ref}?nik=${claimantNik}`);
  // The way back comes first in the page, in words, before the family reads that the claim cannot be paid.
  const correction = family.locator('#correction');
  await expect(correction.isVisible()).resolves.toBe(true);
  const order = await family.evaluate(() => {
    const c = document.getElementById('correction')!;
    const s = document.getElementById('status')!;
    return c.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  expect(order).toBeTruthy();
  expect(await seriousA11yViolations(family)).toEqual([]);
  await noSidewaysScroll(family);
  await family.screenshot({ path: join(ARTIFACTS, 'way-back-correction.png'), fullPage: true });

  // The member's NIK as typed is in the field; the family fixes the one digit.
  await expect(family.inputValue('#r-member-nik')).resolves.toBe(typo);
  await family.fill('#r-member-nik', member.nik);
  await Promise.all([family.waitForURL(new RegExp(`/claims/${ref}\\?nik=`)), family.click('#correction button[type=submit]')]);
  await untilStatus(ref, claimantNik, 'AWAITING_APPROVAL');
  await family.reload();
  await expect(family.locator('#correction').count()).resolves.toBe(0);
  const history = (await statusJson(ref, claimantNik)).timeline.map((e: { status: string }) => e.status);
  expect(history).toEqual(['SUBMITTED', 'VERIFYING', 'REJECTED', 'SUBMITTED', 'VERIFYING', 'AWAITING_APPROVAL']);
});

test('a refused correction comes back as the page with the message beside the field and what was typed kept', async () => {
  const member = roster[1]!;
  const typo = `${member.nik.slice(0, 15)}${(Number(member.nik[15]) + 1) % 10}`;
  const { ref, claimantNik } = await fileClaim(member, typo);
  await untilStatus(ref, claimantNik, 'REJECTED');
  const family = await familyPage();
  await family.goto(`${e2e.base}/claims/${ref}?nik=${claimantNik}`);
  await family.fill('#r-member-nik', '12345');
  await family.click('#correction button[type=submit]');
  await family.locator('#r-member-nik-err').waitFor();
  await expect(family.inputValue('#r-member-nik')).resolves.toBe('12345');
  expect(await seriousA11yViolations(family)).toEqual([]);
  expect((await statusJson(ref, claimantNik)).status).toBe('REJECTED');
});

test('an appeal upheld by a supervisor in a second browser: the claim is verified again and waits for a supervisor', async () => {
  const { ref, claimantNik } = await fileClaim(roster[2]!);
  await rejectBySupervisor2(ref, claimantNik);

  const family = await familyPage();
  await family.goto(`${e2e.base}/claims/${ref}?nik=${claimantNik}`);
  // DOCUMENTS_INVALID cannot be corrected by the family: only the appeal is offered, open.
  await expect(family.locator('#correction').count()).resolves.toBe(0);
  await expect(family.locator('#appeal').getAttribute('open')).resolves.not.toBeNull();
  expect(await seriousA11yViolations(family)).toEqual([]);
  await noSidewaysScroll(family);
  await family.fill('#r-statement', 'Akta kematian kami asli, dikeluarkan Dukcapil. Mohon diperiksa kembali.');
  await Promise.all([family.waitForURL(new RegExp(`/claims/${ref}\\?nik=`)), family.click('#appeal button[type=submit]')]);
  await expect(family.locator('#appeal-state').textContent()).resolves.toContain('supervisor');
  expect((await statusJson(ref, claimantNik)).status).toBe('APPEALED');

  const supervisor = await (await browser().newContext({ viewport: { width: 360, height: 740 } })).newPage();
  await supervisor.goto(`${e2e.base}/staff/login?next=/staff/claims/${ref}`);
  await supervisor.fill('#u', 'supervisor');
  await supervisor.fill('#p', 'santunan-local');
  await Promise.all([supervisor.waitForURL(new RegExp(`/staff/claims/${ref}$`)), supervisor.click('button[type=submit]')]);
  await expect(supervisor.locator('#appeal-statement').textContent()).resolves.toContain('Dukcapil');
  expect(await seriousA11yViolations(supervisor)).toEqual([]);
  await supervisor.check('#appeal-form input[value="uphold"]');
  await supervisor.fill('#appeal-note', 'Akta sah setelah dicek ke Dukcapil.');
  await Promise.all([supervisor.waitForURL(new RegExp(`/staff/claims/${ref}$`)), supervisor.click('#appeal-form button[type=submit]')]);

  await untilStatus(ref, claimantNik, 'AWAITING_APPROVAL');
  const claim = (await asStaff('supervisor', 'GET', `/staff/claims/${ref}`)).json;
  expect(claim.verification.flags).toContain('APPEAL_UPHELD');
  await family.reload();
  await expect(family.locator('#appeal-state').textContent()).resolves.toContain('dikabulkan');
});

test('an appeal refused: the rejection stands and the family reads why', async () => {
  const { ref, claimantNik } = await fileClaim(roster[3]!);
  await rejectBySupervisor2(ref, claimantNik);
  const family = await familyPage();
  await family.goto(`${e2e.base}/claims/${ref}?nik=${claimantNik}`);
  await family.fill('#r-statement', 'Kami tidak setuju dengan keputusan ini.');
  await Promise.all([family.waitForURL(new RegExp(`/claims/${ref}\\?nik=`)), family.click('#appeal button[type=submit]')]);
  expect(
    (await asStaff('supervisor', 'POST', `/staff/claims/${ref}/appeal-decision`, { decision: 'refuse', note: 'Tidak ada bukti baru.' }))
      .status,
  ).toBe(200);
  await family.reload();
  expect((await statusJson(ref, claimantNik)).status).toBe('REJECTED');
  const state = await family.locator('#appeal-state').textContent();
  expect(state).toContain('tidak dapat diterima');
  expect(state).toContain('Tidak ada bukti baru.');
  // No second appeal form.
  await expect(family.locator('#appeal').count()).resolves.toBe(0);
});
