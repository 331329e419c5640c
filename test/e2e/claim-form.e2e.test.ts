import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { demoRoster } from '../../infra/local/demo-roster';
import { freePort } from '../../infra/local/ports';
import { uniqueNik } from '../support/fixtures';
import { CHROMIUM, CHROMIUM_ARGS, twinProcess } from '../support/twin-process';
import { pdf } from '../support/uploads';

/**
 * End to end, as a family would: `npm start`'s entry starts the twin in its own process, and headless Debian
 * Chromium on a phone-sized screen fills the form, uploads a document straight to storage and lands on the status
 * page. Then Ctrl-C (SIGINT) must stop everything.
 */
const ARTIFACTS = join(process.cwd(), 'test-results');
/** Members of the seeded demo roster, one per test (a member has one open claim per benefit). */
const roster = demoRoster();
const memberFor = (i: number) => roster[i]!;

let twin: ReturnType<typeof twinProcess>;
let baseUrl: string;
let dataDir: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium), as .ci/run does`);
  mkdirSync(ARTIFACTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'santunan-e2e-'));
  const port = await freePort();
  baseUrl = `http://localhost:${port}`;
  twin = twinProcess(port, dataDir);
  await twin.start();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 330_000);

afterAll(async () => {
  await browser?.close();
  twin?.kill();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const phone = async (javaScriptEnabled = true): Promise<Page> => {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    javaScriptEnabled,
    locale: 'id-ID',
  });
  return context.newPage();
};

/**
 * Sends the form; with required documents missing the page asks first (the family confirms that they send them
 * later), and the confirmed page files the claim.
 */
const submitConfirmingMissing = async (page: Page) => {
  await Promise.all([page.waitForLoadState('load'), page.click('#claim-form > button[type=submit]')]);
  await page.locator('#summary.confirm').waitFor();
  await page.check('input[name="_documentsLater"]');
  await Promise.all([page.waitForURL(/\/claims\/SNT-\d{4}-/), page.click('#summary.confirm button[type=submit]')]);
};

const fillClaim = async (page: Page, memberNik: string, claimantNik: string, phoneNumber = '0812 3456 7890') => {
  await page.check('input[name="benefit"][value="JKM"]');
  await page.fill('#f-member-nik', memberNik);
  await page.fill('#f-member-name', roster.find((m) => m.nik === memberNik)?.name ?? 'Siti Aminah');
  await page.check('input[name="incident.type"][value="death"]');
  await page.fill('#f-incident-date', '2026-10-03');
  await page.selectOption('#f-incident-cause', 'illness');
  await page.fill('#f-claimant-nik', claimantNik);
  await page.fill('#f-claimant-name', 'Ahmad Fauzi');
  await page.selectOption('#f-claimant-relationship', 'spouse');
  await page.fill('#f-claimant-phone', phoneNumber);
  await page.selectOption('#f-payout-bankCode', '002');
  await page.fill('#f-payout-accountNumber', '0123 0100 0123 456');
  await page.fill('#f-payout-accountHolder', 'Ahmad Fauzi');
};

test('the twin printed every URL and seeded the roster in time', () => {
  expect(twin.output).toContain(`Claim form (Bahasa Indonesia)  ${baseUrl}/`);
  expect(twin.output).toMatch(/DynamoDB Local\s+http:\/\/127\.0\.0\.1:\d+/);
  expect(twin.output).toMatch(/S3 emulator \(s3rver\)\s+http:\/\/127\.0\.0\.1:\d+/);
  const seeded = /demo roster seeded: 9600 members in ([\d.]+) s/.exec(twin.output);
  expect(seeded).not.toBeNull();
});

test('a family files a claim with a document on a phone and sees its status', async () => {
  const page = await phone();
  const memberNik = memberFor(1).nik;
  const claimantNik = uniqueNik();
  await page.goto(`${baseUrl}/`);
  expect(await page.locator('html').getAttribute('lang')).toBe('id');
  await fillClaim(page, memberNik, claimantNik);

  const row = page.locator('.doc[data-doc="DEATH_CERTIFICATE"]');
  await row.locator('input[type=file]').setInputFiles({ name: 'akta-kematian.pdf', mimeType: 'application/pdf', buffer: pdf(200_000) });
  await row.locator('.ok').waitFor({ timeout: 20_000 });
  const uploadId = await row.locator('input[name$=".uploadId"]').inputValue();
  expect(uploadId).toMatch(/^up_/);
  await page.screenshot({ path: join(ARTIFACTS, 'claim-form-filled.png'), fullPage: true });

  await submitConfirmingMissing(page);
  await expect(page.locator('body').textContent()).resolves.toContain('Klaim diterima');
  const reference = (await page.locator('#reference').textContent())!;
  expect(page.url()).toContain(`nik=${claimantNik}`);
  await page.screenshot({ path: join(ARTIFACTS, 'claim-status.png'), fullPage: true });

  // Stored and trackable through the API, with the document in storage.
  const status = await (
    await fetch(`${baseUrl}/claims/${reference}?nik=${claimantNik}`, { headers: { accept: 'application/json' } })
  ).json();
  expect(status).toMatchObject({ reference, benefit: 'JKM' });
  expect(status.timeline[0].status).toBe('SUBMITTED');
  expect(status.status).not.toBe('REJECTED');
  expect(status.missingDocuments).not.toContain('DEATH_CERTIFICATE');
  expect(status.missingDocuments).toContain('FAMILY_CARD');
  const storedFiles = join(dataDir, 's3', 'santunan-local-documents', 'uploads');
  expect(existsSync(storedFiles)).toBe(true);
});

test('a validation error comes back beside its field with every value kept', async () => {
  const page = await phone();
  const memberNik = memberFor(2).nik;
  await page.goto(`${baseUrl}/?lang=en`);
  await fillClaim(page, memberNik, uniqueNik(), '12345');
  await Promise.all([page.waitForLoadState('load'), page.click('button[type=submit]')]);
  await expect(page.locator('#f-claimant-phone-err').textContent()).resolves.toContain('Not a valid Indonesian mobile number');
  await expect(page.locator('#f-member-nik').inputValue()).resolves.toBe(memberNik);
  await expect(page.locator('#f-payout-bankCode').inputValue()).resolves.toBe('002');
  await page.fill('#f-claimant-phone', '081234567890');
  await submitConfirmingMissing(page);
  await expect(page.locator('body').textContent()).resolves.toContain('Claim received');
});

test('the form works with JavaScript off (documents are asked for later)', async () => {
  const page = await phone(false);
  await page.goto(`${baseUrl}/`);
  // Every document shows, with when it is required in words: the family knows what to bring.
  await expect(page.locator('.doc[data-doc="DEATH_CERTIFICATE"] .rule').textContent()).resolves.toBe('Wajib untuk: peserta meninggal.');
  await expect(page.locator('#docs-optional').isVisible()).resolves.toBe(false);
  await fillClaim(page, memberFor(3).nik, uniqueNik());
  await submitConfirmingMissing(page);
  await expect(page.locator('body').textContent()).resolves.toContain('Klaim diterima');
  await expect(page.locator('body').textContent()).resolves.toContain('Dokumen yang masih diperlukan');
});

test('Ctrl-C stops the twin and leaves no Java process behind', async () => {
  expect(await twin.stop()).toBe(0);
  const { execSync } = await import('node:child_process');
  const left = execSync(`pgrep -f "[D]ynamoDBLocal.jar.*-dbPath ${join(dataDir, 'dynamodb')}" || true`)
    .toString()
    .trim();
  expect(left).toBe('');
});
