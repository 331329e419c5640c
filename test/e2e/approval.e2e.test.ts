import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { demoRoster, EXAMPLE_MEMBER_NIK } from '../../infra/local/demo-roster';
import { freePort } from '../../infra/local/ports';
import { requiredDocuments } from '../../shared/claims/domain/rules/documents';
import { until } from '../support/e2e';
import { uniqueNik } from '../support/fixtures';
import { CHROMIUM, CHROMIUM_ARGS, twinProcess } from '../support/twin-process';
import { pdf } from '../support/uploads';

/**
 * The "done when", as people would do it on `npm start`: a family files a claim with every document in
 * the browser; the approver finds the email in the twin's inbox, opens the link, signs in and approves; the sandbox
 * bank pays once; the family's status page shows the timeline and the amount. Then the twin is stopped while a
 * second claim awaits approval, started again, and that claim is approved and paid.
 */
const ARTIFACTS = join(process.cwd(), 'test-results');
let browser: Browser;
let dataDir: string;
let port: number;
let twin: ReturnType<typeof twinProcess>;
const start = () => twin.start();
const stop = () => twin.stop();
const urlOf = (label: RegExp) => label.exec(twin.output)![1]!;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium`);
  mkdirSync(ARTIFACTS, { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'santunan-e2e-approval-'));
  port = await freePort();
  twin = twinProcess(port, dataDir);
  await start();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 330_000);

afterAll(async () => {
  await browser?.close();
  await stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const base = () => `http://localhost:${port}`;
const statusJson = async (ref: string, nik: string) =>
  (await fetch(`${base()}/claims/${ref}?nik=${nik}`, { headers: { accept: 'application/json' } })).json() as Promise<any>;
/** One document uploaded as a client does: ask for a presigned POST, then send the file straight to storage. */
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

test('a claim filed in the browser reaches the approver, is approved from the email link, paid once, and shown to the family', async () => {
  const family = await (await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, locale: 'id-ID' })).newPage();
  await family.goto(`${base()}/`);
  const claimantNik = uniqueNik();
  await family.check('input[name="benefit"][value="JKM"]');
  await family.fill('#f-member-nik', EXAMPLE_MEMBER_NIK);
  await family.fill('#f-member-name', 'Siti Aminah');
  await family.check('input[name="incident.type"][value="death"]');
  await family.fill('#f-incident-date', '2026-10-03');
  await family.selectOption('#f-incident-cause', 'illness');
  await family.fill('#f-claimant-nik', claimantNik);
  await family.fill('#f-claimant-name', 'Ahmad Fauzi');
  await family.selectOption('#f-claimant-relationship', 'spouse');
  await family.fill('#f-claimant-phone', '0812 3456 7890');
  await family.fill('#f-claimant-email', 'ahmad.fauzi@example.org');
  await family.selectOption('#f-payout-bankCode', '002');
  await family.fill('#f-payout-accountNumber', '012301000123456');
  await family.fill('#f-payout-accountHolder', 'Ahmad Fauzi');
  for (const type of requiredDocuments({ benefit: 'JKM', incidentType: 'death', relationship: 'spouse' })) {
    const row = family.locator(`.doc[data-doc="${type}"]`);
    await row.locator('input[type=file]').setInputFiles({ name: `${type}.pdf`, mimeType: 'application/pdf', buffer: pdf(20_000) });
    await row.locator('.ok').waitFor({ timeout: 20_000 });
  }
  await Promise.all([family.waitForURL(/\/claims\/SNT-/), family.click('button[type=submit]')]);
  const reference = (await family.locator('#reference').textContent())!;

  // The approver's inbox (the twin's SES web inbox keeps the emails; its /store is the same list as JSON).
  const sesUrl = urlOf(/Email inbox \(SES, staff\+family\) (\S+)\//);
  const mail = await until(
    'the approval email',
    async () =>
      (
        (await (await fetch(`${sesUrl}/store`)).json()) as {
          emails: { subject: string; destination: { to: string[] }; body: { text: string } }[];
        }
      ).emails,
    (emails) => emails.some((e) => e.destination.to.includes('approver@santunan.local') && e.subject.includes(reference)),
  );
  const toApprover = mail.find((e) => e.destination.to.includes('approver@santunan.local') && e.subject.includes(reference))!;
  const link = /(http\S+\/staff\/claims\/SNT-\S+)/.exec(toApprover.body.text)![1]!;
  expect(link).toBe(`${base()}/staff/claims/${reference}`);

  const approver = await (await browser.newContext()).newPage();
  // Signed out, the link goes straight to the sign-in page, which comes back to the claim.
  await approver.goto(link);
  await approver.waitForURL(/\/auth\/oauth2\/authorize/);
  await approver.fill('#u', 'approver');
  await approver.fill('#p', 'santunan-local');
  await Promise.all([approver.waitForURL(link), approver.click('button[type=submit]')]);
  await expect(approver.locator('#benefit').textContent()).resolves.toContain('Rp42.000.000');
  await approver.check('input[name="decision"][value="approve"]');
  await approver.screenshot({ path: join(ARTIFACTS, 'staff-claim-page.png'), fullPage: true });
  await Promise.all([approver.waitForURL(link), approver.click('#decision-form button[type=submit]')]);

  const paid = await until(
    'the payout',
    () => statusJson(reference, claimantNik),
    (s) => s.status === 'PAID',
  );
  expect(paid.payout.amount).toBe(42_000_000);
  const sandboxUrl = urlOf(/Sandbox bank \+ SMS outbox\s+(\S+)\//);
  const ledger = ((await (await fetch(`${sandboxUrl}/bank/transfers`)).json()) as { transfers: { reference: string }[] }).transfers;
  expect(ledger.filter((t) => t.reference === reference)).toHaveLength(1);
  // The SMS goes out after the claim is marked PAID: wait for it (bounded).
  const paidSms = (m: { to: string; text: string }) =>
    m.to === '+6281234567890' && m.text.includes(reference) && m.text.includes('Rp42.000.000');
  const sms = await until(
    'the payout SMS',
    async () => ((await (await fetch(`${sandboxUrl}/sms/messages`)).json()) as { messages: { to: string; text: string }[] }).messages,
    (ms) => ms.some(paidSms),
  );
  expect(sms.some(paidSms)).toBe(true);

  await family.reload();
  await expect(family.locator('#status').textContent()).resolves.toBe('Sudah dibayarkan');
  const page = (await family.locator('body').textContent())!;
  expect(page).toContain('Rp42.000.000');
  for (const step of ['Klaim diterima', 'Menunggu persetujuan', 'Disetujui', 'Sudah dibayarkan']) expect(page).toContain(step);
  await family.screenshot({ path: join(ARTIFACTS, 'claim-paid.png'), fullPage: true });
}, 240_000);

test('a claim awaiting approval when the twin stops is approved and paid after a restart', async () => {
  const claimantNik = uniqueNik();
  const body = {
    benefit: 'JKK',
    member: { nik: EXAMPLE_MEMBER_NIK, name: 'Siti Aminah' },
    incident: { type: 'death', date: '2026-10-03', cause: 'commute_accident' },
    claimant: { nik: claimantNik, name: 'Ahmad Fauzi', relationship: 'spouse', phone: '+6281234567890' },
    payout: { bankCode: '002', accountNumber: '012301000123456', accountHolder: 'Ahmad Fauzi' },
    documents: [] as { type: string; uploadId: string }[],
  };
  for (const type of requiredDocuments({ benefit: 'JKK', incidentType: 'death', relationship: 'spouse', cause: 'commute_accident' })) {
    body.documents.push({ type, uploadId: await uploadPdf(type) });
  }
  const created = (await (
    await fetch(`${base()}/claims`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  ).json()) as { reference: string };
  const reference = created.reference;
  await until(
    'AWAITING_APPROVAL',
    () => statusJson(reference, claimantNik),
    (s) => s.status === 'AWAITING_APPROVAL',
  );
  const token = async (username: string) =>
    (
      (await (
        await fetch(`${base()}/auth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: 'santunan-local' }),
        })
      ).json()) as { accessToken: string }
    ).accessToken;
  const staffGet = async () =>
    (
      await fetch(`${base()}/staff/claims/${reference}`, {
        headers: { accept: 'application/json', authorization: `Bearer ${await token('supervisor')}` },
      })
    ).json() as Promise<any>;
  const before = await until('the decision task', staffGet, (c) => c.pendingTask?.kind === 'decision');

  await stop();
  await start();
  expect(twin.output).toMatch(/Resumed workflows\s+\d+ open claim/);

  const approverToken = await token('approver');
  await until(
    'the resumed decision task',
    staffGet,
    (c) => c.pendingTask?.kind === 'decision' && c.pendingTask.since !== before.pendingTask.since,
  );
  // JKK at this wage is Rp70,000,000: above the two-person threshold, so two different people approve.
  for (const [who, t] of [
    ['approver', approverToken],
    ['supervisor', await token('supervisor')],
  ] as const) {
    const res = await fetch(`${base()}/staff/claims/${reference}/decision`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t}` },
      body: JSON.stringify({ decision: 'approve' }),
    });
    expect([who, res.status]).toEqual([who, 200]);
  }
  const paid = await until(
    'the payout after restart',
    () => statusJson(reference, claimantNik),
    (s) => s.status === 'PAID',
  );
  expect(paid.payout.amount).toBe(70_000_000);
  const sandboxUrl = urlOf(/Sandbox bank \+ SMS outbox\s+(\S+)\//);
  const ledger = ((await (await fetch(`${sandboxUrl}/bank/transfers`)).json()) as { transfers: { reference: string }[] }).transfers;
  expect(ledger.filter((t) => t.reference === reference)).toHaveLength(1);
  const approverMails = (
    (await (await fetch(`${urlOf(/Email inbox \(SES, staff\+family\) (\S+)\//)}/store`)).json()) as {
      emails: { subject: string; destination: { to: string[] } }[];
    }
  ).emails;
  // The restarted twin has a fresh inbox: the approvers were not emailed a second time for the same request.
  expect(
    approverMails.filter(
      (e) => e.destination.to.includes('approver@santunan.local') && e.subject.includes(reference) && !e.subject.includes('kedua'),
    ),
  ).toHaveLength(0);
}, 420_000);

test('a verifier assesses an injury on the staff page without JavaScript, and the family page shows the breakdown', async () => {
  // A demo member of their own (the example member has claims from the tests above).
  const member = demoRoster().find((m) => m.program === 'TKSK' && m.nik !== EXAMPLE_MEMBER_NIK && m.monthlyWage > 0)!;
  const body = {
    benefit: 'JKK',
    member: { nik: member.nik, name: member.name },
    incident: { type: 'injury', date: '2026-10-03', cause: 'work_accident' },
    claimant: { nik: member.nik, name: member.name, relationship: 'self', phone: '+6281234567890' },
    payout: { bankCode: '002', accountNumber: '012301000123456', accountHolder: member.name },
    documents: [] as { type: string; uploadId: string }[],
  };
  for (const type of requiredDocuments({ benefit: 'JKK', incidentType: 'injury', relationship: 'self', cause: 'work_accident' })) {
    body.documents.push({ type, uploadId: await uploadPdf(type) });
  }
  const created = await fetch(`${base()}/claims`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(created.status).toBe(201);
  const { reference } = (await created.json()) as { reference: string };
  await until(
    'AWAITING_APPROVAL',
    () => statusJson(reference, member.nik),
    (s) => s.status === 'AWAITING_APPROVAL',
  );

  // The verifier, in a browser with JavaScript off: sign in, open the claim, fill the form from the medical report.
  const verifier = await (await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } })).newPage();
  const link = `${base()}/staff/claims/${reference}`;
  // Signed out, the claim page sends the browser to the sign-in page (no JavaScript needed), which comes back to it.
  await verifier.goto(link);
  await verifier.waitForURL(/\/auth\/oauth2\/authorize/);
  await verifier.fill('#u', 'verifier');
  await verifier.fill('#p', 'santunan-local');
  await Promise.all([verifier.waitForURL(link), verifier.click('button[type=submit]')]);
  await until(
    'the assessment form',
    async () => {
      await verifier.goto(link);
      return verifier.locator('#assessment-form').count();
    },
    (n) => n === 1,
  );
  await verifier.fill('#assessment-stmb-months', '14');
  await verifier.selectOption('#assessment-disability-kind', 'anatomical');
  await verifier.selectOption('#assessment-disability-part', 'eye_one');
  await verifier.fill('#assessment-transport-0-amount', 'Rp 650.000');
  await Promise.all([verifier.waitForURL(`${link}#assessment`), verifier.click('#assessment-form button[type=submit]')]);
  const wage = member.monthlyWage;
  const stmb = 12 * wage + 2 * Math.round(wage / 2);
  const eye = Math.round(0.35 * 80 * wage);
  const table = (await verifier.locator('#benefit').textContent())!;
  expect(table).toContain('Santunan tidak mampu bekerja (STMB)');
  expect(table).toContain(`Rp${new Intl.NumberFormat('id-ID').format(stmb + eye + 650_000)}`);
  await verifier.screenshot({ path: join(ARTIFACTS, 'staff-assessment.png'), fullPage: true });

  // The family's status page: the breakdown in Bahasa Indonesia, awaiting approval.
  const family = await (await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true })).newPage();
  await family.goto(`${base()}/claims/${reference}?nik=${member.nik}`);
  const breakdown = (await family.locator('#breakdown').textContent())!;
  for (const label of ['Santunan tidak mampu bekerja (STMB)', 'Santunan cacat', 'Biaya transportasi']) expect(breakdown).toContain(label);
  expect(breakdown).toContain(`Rp${new Intl.NumberFormat('id-ID').format(eye)}`);
  await expect(family.locator('body').textContent()).resolves.toContain('Jumlah ini menunggu persetujuan petugas.');
}, 240_000);
