import { ValidationError } from '../../shared/kernel/errors';
import type { Message } from '../../shared/kernel/notifier';
import { decodeReportToken, encodeReportToken, reportPage, reportQueryFrom } from '../../shared/premiums/application/reconciliation-report';
import { runReconciliation } from '../../shared/premiums/application/reconciliation-steps';
import { resultFingerprint } from '../../shared/premiums/domain/report-page';
import { reconciliationEmail } from '../../shared/premiums/web/reconciliation-email';
import { renderReconciliationList, renderReconciliationReport } from '../../shared/premiums/web/reconciliation-page';
import { RecordingNotifier } from '../support/fakes/claims';
import { InMemoryLedger, InMemoryRoster } from '../support/fakes/premiums';
import { aMember } from '../support/members';

/**
 * The reconciliation report a page at a time (the summary and one page of discrepancies, `nextToken` for the next),
 * finance emailed once per month and result, and the report pages in words.
 */
const PERIOD = '2026-10';
const nikOf = (i: number) => `3173014107${String(100_000 + i * 37).padStart(6, '0')}`;

/** 250 members: 30 paid, 200 unpaid, 10 underpaid, 10 overpaid; 3 payments for NIKs not on the roster. */
const month = async () => {
  const members = new InMemoryRoster();
  const premiums = new InMemoryLedger();
  for (let i = 0; i < 250; i += 1) members.members.set(nikOf(i), aMember({ nik: nikOf(i), name: `Anggota ${i}` }));
  const line = (nik: string, jkk: number, jkm: number, receiptNo = `KW-${nik.slice(-6)}`) => ({
    period: PERIOD,
    nik,
    jkk,
    jkm,
    receiptNo,
    paidOn: '2026-10-10',
  });
  await premiums.putPayments([
    ...Array.from({ length: 30 }, (_, i) => line(nikOf(i), 10_000, 6_800)),
    ...Array.from({ length: 10 }, (_, i) => line(nikOf(30 + i), 9_000, 6_800)),
    ...Array.from({ length: 10 }, (_, i) => line(nikOf(40 + i), 10_000, 9_800)),
    ...['3173019999990011', '3173019999990022', '3173019999990033'].map((nik) => line(nik, 10_000, 6_800)),
  ]);
  const notifier = new RecordingNotifier();
  const deps = { members, premiums, notifier, financeEmails: ['finance@test'], summaryEmail: reconciliationEmail };
  return { members, premiums, notifier, deps };
};

describe('the report a page at a time', () => {
  it('pages through every discrepancy exactly once, in category order, never more than the limit a page', async () => {
    // Arrange
    const t = await month();
    await runReconciliation(t.deps, PERIOD, 'test');

    // Act: pages of 64
    const pages = [];
    let nextToken: string | undefined;
    do {
      const page = (await reportPage(t, PERIOD, reportQueryFrom({ limit: '64', nextToken })))!;
      pages.push(page);
      nextToken = page.nextToken;
    } while (nextToken && pages.length < 20);

    // Assert
    const all = pages.flatMap((p) => p.discrepancies);
    expect(pages.map((p) => p.discrepancies.length)).toEqual([64, 64, 64, 31]);
    expect(all).toHaveLength(223);
    expect(new Set(all.map((d) => `${d.category}#${d.nik}`)).size).toBe(223);
    expect(all.map((d) => d.category)).toEqual([
      ...Array(200).fill('UNPAID'),
      ...Array(10).fill('UNDERPAID'),
      ...Array(10).fill('OVERPAID'),
      ...Array(3).fill('UNKNOWN_MEMBER'),
    ]);
    // Every page carries the summary of api.md.
    expect(pages[3]).toMatchObject({ period: PERIOD, counts: { PAID: 30, UNPAID: 200 }, expected: { members: 250 } });
  });

  it('filters by category, 100 a page unless asked', async () => {
    const t = await month();
    await runReconciliation(t.deps, PERIOD, 'test');

    const first = (await reportPage(t, PERIOD, reportQueryFrom({ category: 'UNPAID' })))!;
    const second = (await reportPage(t, PERIOD, reportQueryFrom({ category: 'UNPAID', nextToken: first.nextToken })))!;
    const over = (await reportPage(t, PERIOD, reportQueryFrom({ category: 'OVERPAID' })))!;

    expect([first, second].map((p) => p.discrepancies.length)).toEqual([100, 100]);
    // The store says nothing follows the 200th: no token (DynamoDB may say "more" there: the next page is then empty).
    expect(second.nextToken).toBeUndefined();
    expect(new Set([...first.discrepancies, ...second.discrepancies].map((d) => d.nik)).size).toBe(200);
    expect(first.category).toBe('UNPAID');
    expect(over.discrepancies.map((d) => d.category)).toEqual(Array(10).fill('OVERPAID'));
    expect(over.discrepancies[0]).toMatchObject({ expected: 16_800, paid: 19_800, name: expect.stringMatching(/^Anggota/) });
    expect(over.nextToken).toBeUndefined();
    // A category with none: an empty page, no token.
    expect(await reportPage(t, PERIOD, reportQueryFrom({ category: 'PAID_FOR_INACTIVE' }))).toMatchObject({ discrepancies: [] });
    expect((await reportPage(t, PERIOD, reportQueryFrom({ category: 'PAID_FOR_INACTIVE' })))?.nextToken).toBeUndefined();
  });

  it('answers nothing for a month without a report', async () => {
    const t = await month();
    expect(await reportPage(t, '2026-09', reportQueryFrom({}))).toBeUndefined();
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '1001' }, 'limit'],
    [{ limit: '1e3' }, 'limit'],
    [{ limit: '-5' }, 'limit'],
    [{ category: 'PAID' }, 'category'],
    [{ category: 'unpaid' }, 'category'],
    [{ nextToken: 'not-a-token' }, 'nextToken'],
    [{ nextToken: Buffer.from('{"c":"UNPAID","n":"123"}').toString('base64url') }, 'nextToken'],
    [{ nextToken: Buffer.from('{"c":"UNPAID","pk":"MEMBER#x"}').toString('base64url') }, 'nextToken'],
    [{ nextToken: 'x'.repeat(300) }, 'nextToken'],
    [{ category: 'OVERPAID', nextToken: encodeReportToken({ category: 'UNPAID', afterNik: nikOf(1) }) }, 'nextToken'],
  ])('refuses %j on %s with a 400 naming the field', (query, field) => {
    let error: unknown;
    try {
      reportQueryFrom(query);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.map((f) => f.path)).toEqual([field]);
  });

  it('gives out tokens it takes back: a category and a NIK, nothing else', () => {
    const cursor = { category: 'UNDERPAID' as const, afterNik: nikOf(3) };
    expect(decodeReportToken(encodeReportToken(cursor))).toEqual(cursor);
    expect(decodeReportToken(encodeReportToken({ category: 'OVERPAID' }))).toEqual({ category: 'OVERPAID' });
    expect(reportQueryFrom({})).toEqual({ limit: 100 });
    expect(reportQueryFrom({ limit: '1000', category: 'UNPAID' })).toEqual({ limit: 1000, category: 'UNPAID' });
  });
});

describe("finance's email: once per month and result", () => {
  const subjects = (emails: { message: Message }[]) => emails.map((e) => e.message.subject);

  it('is sent for the first result, not for a rerun with the same result, and again when the result changes', async () => {
    // Arrange
    const t = await month();

    // Act
    await runReconciliation(t.deps, PERIOD, 'schedule');
    await runReconciliation(t.deps, PERIOD, 'on demand by finance');
    const afterRerun = t.notifier.emails.length;
    await t.premiums.putPayments([{ period: PERIOD, nik: nikOf(100), jkk: 10_000, jkm: 6_800, receiptNo: 'LATE-1', paidOn: '2026-10-28' }]);
    await runReconciliation(t.deps, PERIOD, 'schedule');
    await runReconciliation(t.deps, PERIOD, 'schedule');

    // Assert
    expect(afterRerun).toBe(1);
    expect(subjects(t.notifier.emails)).toEqual([
      '[Santunan] Rekonsiliasi iuran Oktober 2026: 223 selisih',
      '[Santunan] Rekonsiliasi iuran Oktober 2026: 222 selisih',
    ]);
    expect(t.premiums.notices.get(PERIOD)?.fingerprint).toContain('UNPAID=199');
  });

  it('is tried again by the next run when it could not be sent', async () => {
    const t = await month();
    const failing = { email: async () => false, sms: async () => false };
    await runReconciliation({ ...t.deps, notifier: failing }, PERIOD, 'schedule');
    expect(t.premiums.notices.has(PERIOD)).toBe(false);
    await runReconciliation(t.deps, PERIOD, 'schedule');
    expect(t.notifier.emails).toHaveLength(1);
  });

  it('tells results apart by totals and counts, not by when or why the run happened', () => {
    const counts = { PAID: 1, UNPAID: 2, UNDERPAID: 0, OVERPAID: 0, PAID_FOR_INACTIVE: 0, UNKNOWN_MEMBER: 0 };
    const a = { period: PERIOD, expected: { members: 3, amount: 50_400 }, paid: { amount: 16_800 }, counts };
    expect(resultFingerprint({ ...a, reconciledAt: 'x', trigger: 'y' } as never)).toBe(resultFingerprint(a));
    expect(resultFingerprint({ ...a, paid: { amount: 16_801 } })).not.toBe(resultFingerprint(a));
    expect(resultFingerprint({ ...a, counts: { ...counts, UNPAID: 1, UNDERPAID: 1 } })).not.toBe(resultFingerprint(a));
  });

  it('is HTML with a plain-text part, in words, linking to the report page', async () => {
    const t = await month();
    await runReconciliation(t.deps, PERIOD, 'on demand by finance', 'https://santunan.example');
    const { message } = t.notifier.emails[0]!;
    expect(message.html).toContain('href="https://santunan.example/staff/reconciliations/2026-10"');
    expect(message.text).toContain('https://santunan.example/staff/reconciliations/2026-10');
    expect(message.text).toContain('Belum dibayar');
    expect(message.text).toContain('atas permintaan finance');
    expect(message.text).not.toMatch(/\bUNPAID\b|on demand by/);
  });
});

describe('the report pages', () => {
  const user = { username: 'finance', roles: ['finance'] };

  it('shows the summary, categories and discrepancies in words, each linking to its member, with the CSV and run forms', async () => {
    const t = await month();
    await runReconciliation(t.deps, PERIOD, 'on demand by finance');
    const report = await reportPage(t, PERIOD, reportQueryFrom({ limit: '5', category: 'UNDERPAID' }));

    const page = renderReconciliationReport({ lang: 'id', user, period: PERIOD, report, limit: 5, csrfToken: 'tok' });

    const text = page.replace(/<style>[\s\S]*?<\/style>/, ' ').replace(/<[^>]+>/g, ' ');
    expect(text).toContain('Rekonsiliasi iuran Oktober 2026');
    expect(text).toContain('Kurang bayar');
    expect(text).toContain('Ada pembayaran, tetapi JKK, JKM atau jumlahnya kurang');
    expect(text).toContain('Rp4.200.000'); // 250 × Rp16.800 owed
    expect(text).toContain('Seharusnya Rp16.800, diterima Rp15.800, selisih -Rp1.000');
    expect(text).toContain('atas permintaan finance');
    // Codes appear only in values and links, never as words on the page.
    expect(text).not.toMatch(/\b(UNPAID|UNDERPAID|OVERPAID|PAID_FOR_INACTIVE|UNKNOWN_MEMBER)\b/);
    expect(page).toContain(`href="/staff/members/${nikOf(30)}"`);
    expect(page).toContain('href="/staff/reconciliations/2026-10?format=csv"');
    expect(page).toMatch(/<option value="UNDERPAID" selected>/);
    expect(page).toContain('<input type="hidden" name="_csrf" value="tok">');
    expect(page).toContain('<input type="hidden" name="period" value="2026-10">');
    expect(page).toMatch(/id="next" href="\/staff\/reconciliations\/2026-10\?category=UNDERPAID&amp;limit=5&amp;nextToken=[\w-]+#list"/);
    expect(page).toContain('aria-current="page"');
  });

  it('in English with ?lang=en, links keeping the language, and a month without a report offers to run it', async () => {
    const t = await month();
    await runReconciliation(t.deps, PERIOD, 'schedule');
    const report = await reportPage(t, PERIOD, reportQueryFrom({}));

    const page = renderReconciliationReport({ lang: 'en', user, period: PERIOD, report, csrfToken: 'tok' });
    const missing = renderReconciliationReport({ lang: 'id', user, period: '2026-09', report: undefined, csrfToken: 'tok', running: true });

    expect(page).toContain('Premium reconciliation October 2026');
    expect(page).toContain('Unpaid');
    expect(page).toContain('daily schedule');
    expect(page).toContain('<input type="hidden" name="lang" value="en">');
    expect(page).toContain('action="/staff/reconciliations?lang=en"');
    expect(missing).toContain('Bulan September 2026 belum direkonsiliasi.');
    expect(missing).toContain('Rekonsiliasi masih berjalan');
    expect(missing).toContain('name="period" value="2026-09"');
  });

  it('lists the months with their last result in words, and a form to run one', async () => {
    const t = await month();
    await runReconciliation(t.deps, PERIOD, 'schedule');
    const reports = await t.premiums.summaries(['2026-11', PERIOD]);

    const page = renderReconciliationList({ lang: 'id', user, periods: ['2026-11', PERIOD], reports, csrfToken: 'tok' });

    const text = page.replace(/<style>[\s\S]*?<\/style>/, ' ').replace(/<[^>]+>/g, ' ');
    expect(text).toContain('November 2026');
    expect(text).toContain('Belum direkonsiliasi');
    expect(text).toContain('223 selisih dari 250 peserta wajib iuran; diterima Rp910.400 dari Rp4.200.000');
    expect(page).toContain('<option value="2026-11">November 2026</option>');
    expect(page).toContain('href="/staff/reconciliations/2026-10"');
  });
});
