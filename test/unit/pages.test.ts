import { gzipSync } from 'node:zlib';
import type { Claim } from '../../shared/claims/domain/claim';
import { duplicateBanner, renderClaimForm } from '../../shared/claims/web/claim-form-page';
import { renderSignedIn, renderSignInFailed, renderStaffClaimPage, renderStaffFormError } from '../../shared/claims/web/staff-page';
import { renderLookupPage, renderStatusPage } from '../../shared/claims/web/status-page';
import { html } from '../../shared/platform/web/html';
import { BANK_LIST } from '../../shared/reference-data/banks';

/** The page's own parameter types, so the test does not depend on where the audit and staff types live. */
type AuditEvent = Parameters<typeof renderStaffClaimPage>[1][number];
type StaffUser = Parameters<typeof renderStaffClaimPage>[2];

/** What an attacker would type into any free-text field: it must come back as text, never as markup. */
const EVIL = `"><script>alert('x')</script>`;
/** A session's form token, with the characters base64url uses. */
const CSRF = 'Ab-9_zZ';
const ESCAPED = '&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;';

const aClaim = (over: Partial<Claim> = {}): Claim => ({
  reference: 'SNT-2026-7KQ4MZ',
  status: 'NEEDS_DOCUMENTS',
  benefit: 'JKM',
  member: { nik: '3173014107850003', name: `Siti ${EVIL}` },
  incident: { type: 'death', date: '2026-10-03', cause: 'illness', description: EVIL },
  claimant: { nik: '3173010203800001', name: `Ahmad ${EVIL}`, relationship: 'spouse', phone: '+6281234567890' },
  bankAccount: { bankCode: '002', accountNumber: '012301000123456', accountHolder: `Ahmad ${EVIL}` },
  documents: [{ type: 'DEATH_CERTIFICATE', uploadId: 'up_1', contentType: 'application/pdf', size: 200_000, key: 'k' }],
  submittedAt: '2026-10-05T10:00:00+07:00',
  updatedAt: '2026-10-05T10:00:00+07:00',
  timeline: [
    { status: 'SUBMITTED', at: '2026-10-05T10:00:00+07:00' },
    { status: 'NEEDS_DOCUMENTS', at: '2026-10-05T10:01:00+07:00', note: EVIL },
  ],
  missingDocuments: ['FAMILY_CARD', 'BANK_BOOK'],
  decision: { outcome: 'rejected', reason: EVIL },
  version: 1,
  ...over,
});

/** No markup from the hostile value got through, and it is still there as text. */
const expectContained = (page: string) => {
  expect(page).not.toContain('<script>alert');
  expect(page).not.toContain(`alert('x')`);
  expect(page).toContain(ESCAPED);
};

describe('the claim form', () => {
  // What a weak signal pays for is the bytes sent (gzip); the HTML is parsed in a few milliseconds even on a cheap phone.
  // Every document row carries a line on what it is and where to get it, and one on when it is required (4 KB of
  // HTML, 1 KB sent); the stylesheet is inline (2.3 KB, under 1 KB sent, no second round trip); the bank list is 6 KB.
  it('stays small for weak connections: under 8 KB as sent (gzip), under 30 KB of HTML', () => {
    for (const lang of ['id', 'en'] as const) {
      const page = renderClaimForm({ lang, idempotencyKey: 'k', today: '2026-10-05' });
      expect(Buffer.byteLength(page)).toBeLessThan(30 * 1024);
      expect(gzipSync(page).length).toBeLessThan(8 * 1024);
    }
  });

  it('offers every bank once, grouped: the large banks, then the regional development banks, then the rest, each by name', () => {
    // Act
    const page = renderClaimForm({ lang: 'id', idempotencyKey: 'k', today: '2026-10-05', values: { payout: { bankCode: '114' } } });

    // Assert
    const select = page.slice(
      page.indexOf('<select id="f-payout-bankCode"'),
      page.indexOf('</select>', page.indexOf('id="f-payout-bankCode"')),
    );
    const groups = [...select.matchAll(/<optgroup label="([^"]+)">(.*?)<\/optgroup>/g)].map(([, label, body]) => ({
      label,
      names: [...body!.matchAll(/<option value="\d{3}"[^>]*>([^<]+) · \d{3}<\/option>/g)].map((m) => m[1]!),
      codes: [...body!.matchAll(/<option value="(\d{3})"/g)].map((m) => m[1]!),
    }));
    expect(groups.map((g) => g.label)).toEqual(['Bank besar', 'Bank Pembangunan Daerah (BPD)', 'Bank lain (A-Z)']);
    expect(groups[0]!.codes.sort()).toEqual(['002', '008', '009', '014', '200', '451']);
    expect(groups[1]!.codes).toEqual(expect.arrayContaining(['110', '114', '130', '132']));
    const all = groups.flatMap((g) => g.codes);
    expect(all.sort()).toEqual(BANK_LIST.map((b) => b.code).sort());
    for (const g of groups) expect(g.names).toEqual([...g.names].sort((a, b) => a.localeCompare(b, 'id')));
    expect(select).toContain('<option value="114" selected>Bank Jatim (Jawa Timur) · 114</option>');
  });

  it('keeps what the family typed, escaped, in inputs, selects and the textarea, with messages beside the fields', () => {
    // Arrange
    const values = { member: { nik: EVIL, name: EVIL }, incident: { description: EVIL, cause: 'illness' }, payout: { bankCode: '002' } };

    // Act
    const page = renderClaimForm({ lang: 'en', idempotencyKey: EVIL, today: '2026-10-05', values, errors: { 'member.nik': EVIL } });

    // Assert
    expectContained(page);
    expect(page).toContain(`<input id="f-member-name" name="member.name" type="text" value="${ESCAPED}" maxlength="100">`);
    expect(page).toContain(`<p class="err" id="f-member-nik-err">${ESCAPED}</p>`);
    expect(page).toContain('class="bad" aria-invalid="true" aria-describedby="f-member-nik-err"');
    expect(page).toContain(`<li><a href="#f-member-nik">${ESCAPED}</a></li>`);
    expect(page).toContain('<option value="002" selected>');
    expect(page).toContain('<option value="illness" selected>Illness</option>');
    expect(page).toContain(`rows="3" maxlength="1000">${ESCAPED}</textarea>`);
  });

  it('shows a text banner as text', () => {
    const page = renderClaimForm({ lang: 'id', idempotencyKey: 'k', today: '2026-10-05', banner: EVIL });
    expect(page).toContain(`<div class="summary" role="alert"><p>${ESCAPED}</p></div>`);
  });

  it("links a duplicate to the family's own claim, and only then", () => {
    const own = duplicateBanner('id', { reference: 'SNT-2026-7KQ4MZ', claimantNik: '3173010203800001' }).toString();
    const other = duplicateBanner('en').toString();
    const banner = duplicateBanner('id', { reference: EVIL, claimantNik: '1' });
    const page = renderClaimForm({ lang: 'id', idempotencyKey: 'k', today: '2026-10-05', banner });

    expect(own).toBe(
      'Sudah ada klaim yang sedang diproses atau sudah dibayar untuk peserta dan jenis santunan ini. ' +
        'Nomor klaim: <a href="/status?reference=SNT-2026-7KQ4MZ">SNT-2026-7KQ4MZ</a>.',
    );
    // The lookup form, the reference filled in: no NIK in a URL (browser history, shared phones; issue 8).
    expect(own).not.toContain('3173010203800001');
    expect(other).toBe('A claim for this member and benefit is already open or paid. Contact staff if you think this is wrong.');
    expectContained(page);
  });

  it("puts a document row's errors beside that row, for its upload and for its type", () => {
    const errors = { 'documents[3].uploadId': 'not finished', 'documents[3].type': 'sent as another document' };
    const page = renderClaimForm({ lang: 'en', idempotencyKey: 'k', today: '2026-10-05', errors });
    const row = page.slice(page.indexOf('<div class="doc" data-doc="DEATH_CERTIFICATE">'), page.indexOf('data-doc="HEIR_CERTIFICATE"'));
    expect(row).toContain('<p class="err" id="f-documents-3-uploadId-err">not finished</p>');
    expect(row).toContain('<p class="err" id="f-documents-3-type-err">sent as another document</p>');
  });

  it('gives the upload script its words and the rows their document types', () => {
    const page = renderClaimForm({ lang: 'en', idempotencyKey: 'k', today: '2026-10-05' });
    expect(page).toContain('<script src="/assets/upload.js" defer data-retry="Retry" data-done="Sent" data-sending="Sending..."></script>');
    expect(page).toContain(
      '<div class="doc" data-doc="DEATH_CERTIFICATE"><label id="doc-DEATH_CERTIFICATE" for="f-documents-3--file">Death certificate ',
    );
    expect(page).toContain(
      '<input id="f-documents-3--file" type="file" accept="image/jpeg,image/png,application/pdf" data-field="documents[3]" hidden>',
    );
    expect(page).toContain('<a href="/">Bahasa Indonesia</a>');
  });
});

describe('the status and lookup pages', () => {
  it('show the claim with every stored text escaped, and the upload form for missing documents', () => {
    const page = renderStatusPage(aClaim(), 'id', true, { access: 'nik=3173010203800001' });

    expectContained(page);
    expect(page).toContain('<strong id="reference">SNT-2026-7KQ4MZ</strong>');
    expect(page).toContain('<p class="status" id="status">Perlu dokumen tambahan</p>');
    expect(page).toContain('<form method="post" action="/claims/SNT-2026-7KQ4MZ/documents" id="claim-form">');
    expect(page).toContain('<div class="doc" data-doc="FAMILY_CARD"><label for="f-doc-0">Kartu Keluarga (KK)</label>');
    expect(page).toContain('data-retry="Coba lagi"');
  });

  it('leave the upload form out once the claim is past verification', () => {
    const page = renderStatusPage(aClaim({ status: 'AWAITING_APPROVAL' }), 'en', false, { access: 'nik=3173010203800001' });
    expect(page).not.toContain('id="claim-form"');
    expect(page).not.toContain('/assets/upload.js');
    expect(page).toContain('Awaiting approval');
  });

  it('lookup keeps the typed reference and NIK, escaped', () => {
    const page = renderLookupPage('en', { reference: EVIL, nik: EVIL }, { kind: 'notFound' });
    expectContained(page);
    expect(page).toContain('No claim found. Check the claim number and the claimant&#39;s NIK.');
  });

  it('lookup after too many wrong NIKs says so in Bahasa Indonesia, with the minutes left rounded up', () => {
    const page = renderLookupPage(
      'id',
      { reference: 'SNT-2026-7KQ4MZ', nik: '3173010203800001' },
      { kind: 'tooManyAttempts', retryAfterSeconds: 61 },
    );
    expect(page).toContain('<div class="summary" role="alert"><p>Terlalu banyak percobaan dengan NIK yang salah untuk nomor klaim ini.');
    expect(page).toContain('coba lagi dalam 2 menit');
    expect(page).not.toContain('Klaim tidak ditemukan');
  });
});

describe('the staff pages', () => {
  const user: StaffUser = { username: 'approver', roles: ['approver', 'finance'] };
  const audit: AuditEvent[] = [{ type: 'CLAIM_SUBMITTED', at: '2026-10-05T10:00:00+07:00', actor: { kind: 'staff', id: EVIL } }];
  const awaiting = aClaim({
    status: 'AWAITING_APPROVAL',
    pendingTask: { kind: 'decision', token: 't', since: 'x', escalated: true },
    approvals: [{ by: EVIL, role: 'approver', at: 'x' }],
    verification: {
      checkedAt: 'x',
      memberName: EVIL,
      flags: ['SPONSOR_ARREARS', 'ASSESSMENT_REQUIRED'],
      benefit: {
        ruleSet: 'PP 82/2019',
        total: 42_000_000,
        currency: 'IDR',
        components: [{ code: 'LUMP_SUM', amount: 20_000_000, basis: EVIL }],
        scholarshipEligible: true,
      },
      approval: { level: 'supervisor', secondApprovalRequired: true, deadline: '2026-10-08T17:00:00+07:00' },
    },
  });

  it('escape everything the claim, the audit trail and the message carry', () => {
    const page = renderStaffClaimPage(awaiting, audit, user, { csrfToken: CSRF, message: EVIL });

    expectContained(page);
    expect(page).toContain('<dl class="facts" id="benefit"><div><dt>Santunan sekaligus</dt><dd>Rp20.000.000 <span class="muted">');
    expect(page).toContain('<div><dt>Persetujuan</dt><dd>1 dari 2 (Disetujui: ');
    expect(page).toContain(' · tingkat supervisor · ESKALASI</dd></div>');
    expect(page).toContain('<dd>BRI · ****3456 · Ahmad ');
    // The reasons in words only: the code is the option's value, never its label.
    expect(page).toContain('<option value="DOCUMENTS_INVALID">Dokumen yang dikirim tidak sah atau tidak sesuai.</option>');
  });

  it('give every post form the session token as its first field: decision, assessment, close, tranche decision and payout retry', () => {
    const everyone: StaffUser = { username: 'sri', roles: ['supervisor', 'finance'] };
    const tranche = {
      id: 'T2',
      kind: 'STMB' as const,
      status: 'AWAITING_APPROVAL' as const,
      amount: 1_000_000,
      currency: 'IDR' as const,
      ruleSet: 'PP 82/2019',
      components: [],
      requestedBy: 'vera',
      requestedAt: '2026-11-01T10:00:00+07:00',
      approval: { level: 'approver' as const, secondApprovalRequired: false, deadline: '2026-11-10T23:59:59+07:00', escalateAt: '' },
      approvals: [],
      pendingTask: { kind: 'decision' as const, token: 't', since: '2026-11-01T10:00:00+07:00' },
    };
    const pages = [
      renderStaffClaimPage(
        { ...awaiting, benefit: 'JKK', incident: { type: 'injury', date: '2026-10-03', cause: 'work_accident' }, tranches: [tranche] },
        [],
        everyone,
        { csrfToken: CSRF },
      ),
      renderStaffClaimPage(aClaim({ status: 'PAYOUT_FAILED', pendingTask: { kind: 'payout', token: 't', since: 'x' } }), [], everyone, {
        csrfToken: CSRF,
      }),
    ];
    const actions = pages.flatMap((page) => [...page.matchAll(/<form method="post" action="[^"]*\/([\w-]+)"[^>]*>(<input[^>]*>)/g)]);
    expect(actions.map((m) => m[1]).sort()).toEqual(['assessment', 'close', 'decision', 'decision', 'payout-retry', 'revoke', 'revoke']);
    for (const m of actions) expect(m[2]).toBe(`<input type="hidden" name="_csrf" value="${CSRF}">`);
    expect(renderStaffClaimPage(awaiting, [], everyone, { csrfToken: EVIL })).not.toContain(EVIL);
  });

  it('label every flag, including the assessment a JKK injury waits for', () => {
    const page = renderStaffClaimPage(awaiting, [], user, { csrfToken: CSRF });
    expect(page).toMatch(/<li><strong>perlu penilaian cedera<\/strong>: Cedera JKK: [^<]+<\/li>/);
  });

  it('offer supervisors a close form with the coded reasons while the claim is open, and link competing claims', () => {
    const waiting = aClaim({
      status: 'NEEDS_DOCUMENTS',
      verification: { checkedAt: 'x', flags: ['COMPETING_CLAIM'], competingClaims: ['SNT-2026-BCDFGH'] },
    });
    const supervisor = renderStaffClaimPage(waiting, [], { username: 'sri', roles: ['supervisor'] }, { csrfToken: CSRF });
    expect(supervisor).toContain(
      `<form method="post" action="/staff/claims/SNT-2026-7KQ4MZ/close" id="close-form"><input type="hidden" name="_csrf" value="${CSRF}">`,
    );
    expect(supervisor).toContain('<option value="SUSPECTED_FRAUD">Klaim ditutup: ');
    expect(supervisor).toContain('<a href="/staff/claims/SNT-2026-BCDFGH">SNT-2026-BCDFGH</a>');
    expect(supervisor).toMatch(/<li><strong>ada klaim lain dari pengaju lain<\/strong>: Ada klaim lain [^<]+<\/li>/);
    expect(renderStaffClaimPage(waiting, [], user, { csrfToken: CSRF })).not.toContain('close-form');
    expect(
      renderStaffClaimPage({ ...waiting, status: 'APPROVED' }, [], { username: 'sri', roles: ['supervisor'] }, { csrfToken: CSRF }),
    ).not.toContain('close-form');
  });

  it("offer supervisors, in any status, a form to revoke the family's status links; nobody else", () => {
    const paid = aClaim({ status: 'PAID' });
    const supervisor = renderStaffClaimPage(paid, [], { username: 'sri', roles: ['supervisor'] }, { csrfToken: CSRF });
    expect(supervisor).toContain(
      `<form method="post" action="/staff/claims/SNT-2026-7KQ4MZ/links/revoke" id="links-form"><input type="hidden" name="_csrf" value="${CSRF}">`,
    );
    expect(supervisor).toContain('Cabut tautan status keluarga');
    for (const roles of [['verifier'], ['approver'], ['finance']] as const)
      expect(renderStaffClaimPage(paid, [], { username: 'x', roles: [...roles] }, { csrfToken: CSRF })).not.toContain('links-form');
  });

  it('after sign-in, the page opens the page asked for at once (escaped); a failed sign-in offers to sign in again', () => {
    const page = renderSignedIn('/staff/claims/"><x');
    expect(page).toContain('<meta http-equiv="refresh" content="0;url=/staff/claims/&quot;&gt;&lt;x">');
    expect(page).toContain('<a href="/staff/claims/&quot;&gt;&lt;x">Masuk berhasil.');
    const failed = renderSignInFailed('/staff/claims/SNT-1', 'en');
    expect(failed).toContain('<html lang="en">');
    expect(failed).toContain('<a class="btn" href="/staff/claims/SNT-1">');
    expect(failed).not.toContain('<footer');
  });

  it('form error page: the staff layout, the error message escaped instead of stripped, the way back', () => {
    const page = renderStaffFormError(409, 'Claim <b>x</b> & co', 'SNT-1/../x', user);
    expect(page).toContain(
      '<h1>Permintaan tidak dapat diproses (409)</h1><div class="summary" role="alert"><p>Claim &lt;b&gt;x&lt;/b&gt; &amp; co</p>',
    );
    expect(page).toContain('<a href="/staff/claims/SNT-1%2F..%2Fx">Kembali ke klaim</a>');
    expect(page).toContain('<header class="staff">');
    expect(page).toContain('<a href="/staff/logout">Keluar</a>');
    expect(page).not.toContain('<footer');
  });
});

describe('further payments on the staff claim page', () => {
  const tranche = (id: string, status: 'AWAITING_APPROVAL' | 'PAID', waiting: boolean) => ({
    id,
    kind: 'STMB' as const,
    status,
    amount: 1_000_000,
    currency: 'IDR' as const,
    ruleSet: 'PP 82/2019',
    components: [{ code: 'STMB', amount: 1_000_000 }],
    requestedBy: EVIL,
    requestedAt: '2026-11-01T10:00:00+07:00',
    approval: { level: 'approver' as const, secondApprovalRequired: false, deadline: '2026-11-10T23:59:59+07:00', escalateAt: '' },
    approvals: [],
    ...(waiting ? { pendingTask: { kind: 'decision' as const, token: 't', since: '2026-11-01T10:00:00+07:00' } } : {}),
  });

  it('lists each tranche and gives the one awaiting a decision its own form, naming the tranche', () => {
    const claim = aClaim({ status: 'PAID', tranches: [tranche('T2', 'PAID', false), tranche('T3', 'AWAITING_APPROVAL', true)] });
    const approver = renderStaffClaimPage(claim, [], { username: 'ani', roles: ['approver'] }, { csrfToken: CSRF });
    expect(approver).toContain('<li id="T2"><strong>T2</strong> · santunan tidak mampu bekerja (STMB) · Rp1.000.000 · Sudah dibayarkan');
    expect(approver).toContain(
      '<form method="post" action="/staff/claims/SNT-2026-7KQ4MZ/decision" id="decision-form-T3" class="decision">',
    );
    expect(approver).toContain('<input type="hidden" name="tranche" value="T3">');
    expect(approver).not.toContain('id="decision-form-T2"');
    expectContained(approver);
    // The family sees each further payment and its status, in Bahasa Indonesia.
    const family = renderStatusPage(claim, 'id', false, { access: 'nik=3173010203800001' });
    expect(family).toContain(
      '<table id="tranches"><tr><td>santunan tidak mampu bekerja (STMB)</td><td>Rp1.000.000</td><td>Sudah dibayarkan</td></tr>',
    );
    // A verifier sees the list but no decision form.
    expect(renderStaffClaimPage(claim, [], { username: 'vera', roles: ['verifier'] }, { csrfToken: CSRF })).not.toContain(
      'decision-form-T3',
    );
  });
});

describe('a page with a nested fragment', () => {
  it('is built from fragments without double escaping', () => {
    const link = html`<a href="/claims/${'SNT-1'}">${'SNT-1'}</a>`;
    const page = renderClaimForm({ lang: 'id', idempotencyKey: 'k', today: '2026-10-05', banner: html`Nomor: ${link}` });
    expect(page).toContain('<p>Nomor: <a href="/claims/SNT-1">SNT-1</a></p>');
  });
});
