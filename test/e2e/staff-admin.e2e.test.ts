import type { Page } from 'playwright-core';
import { phonePage, seriousA11yViolations } from '../support/browser';
import { e2eTwin } from '../support/e2e';

/**
 * An admin manages staff on a phone (360 px), on `npm start`'s twin: sign in from the staff page's link, create a
 * verifier limited to DKI Jakarta, see a refused form come back with the field marked and the values kept, disable the
 * new account (it can no longer sign in). axe-core on each page; no page scrolls sideways.
 */
const e2e = e2eTwin('staff-admin');

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
const signInStatus = async (username: string) =>
  (
    await fetch(`${e2e.base}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'santunan-local' }),
    })
  ).status;

test('an admin creates a province-scoped verifier, corrects a refused form, and disables the account', async () => {
  const page = await phonePage(e2e.browser);
  // Signed out: straight to the sign-in page, and back to the staff accounts after it.
  await page.goto(`${e2e.base}/staff/admin/users`);
  await page.waitForURL(/\/auth\/oauth2\/authorize/);
  await page.fill('input[name=username]', 'admin');
  await page.fill('input[name=password]', 'santunan-local');
  await Promise.all([page.waitForURL(/\/staff\/admin\/users$/), page.click('button[type=submit]')]);
  await expect(page.locator('h1').textContent()).resolves.toBe('Akun petugas');
  await expect(page.locator('#user-supervisor-dki').textContent()).resolves.toContain('DKI Jakarta (31)');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await noSidewaysScroll(page);

  // A province code that is none: the form comes back, the field marked, what was typed kept.
  await page.fill('#new-username', 'rina.verifikator');
  await page.fill('#new-email', 'rina@santunan.local');
  await page.check('form[action="/staff/admin/users"] input[name="roles[0]"]');
  await page.fill('#new-provinces', '31, 99');
  await Promise.all([page.waitForLoadState('load'), page.click('form[action="/staff/admin/users"] button[type=submit]')]);
  await expect(page.locator('#new-provinces-err').textContent()).resolves.toContain('Kode provinsi');
  await expect(page.locator('#new-username').inputValue()).resolves.toBe('rina.verifikator');
  await expect(page.locator('#new-provinces').inputValue()).resolves.toBe('31, 99');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await noSidewaysScroll(page);

  await page.fill('#new-provinces', '31');
  await Promise.all([
    page.waitForURL(/\/staff\/admin\/users#user-rina\.verifikator$/),
    page.click('form[action="/staff/admin/users"] button[type=submit]'),
  ]);
  const card = page.locator('#user-rina\\.verifikator');
  await expect(card.textContent()).resolves.toContain('Verifikator');
  await expect(card.textContent()).resolves.toContain('DKI Jakarta (31)');
  expect(await signInStatus('rina.verifikator')).toBe(200);

  // Disabled: the card says so, and the account can no longer sign in.
  await Promise.all([page.waitForURL(/#user-rina\.verifikator$/), card.locator('button.secondary').click()]);
  await expect(page.locator('#user-rina\\.verifikator').textContent()).resolves.toContain('Nonaktif');
  expect(await signInStatus('rina.verifikator')).toBe(401);
  // No disable button on the admin's own account.
  await expect(page.locator('#user-admin button.secondary').count()).resolves.toBe(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await noSidewaysScroll(page);
  await page.close();
}, 180_000);
