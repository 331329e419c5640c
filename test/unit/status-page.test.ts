import { verifyClaim } from '../../shared/claims/application/verification/verify-claim';
import { CLAIM_STATUSES, type Claim } from '../../shared/claims/domain/claim';
import { renderStatusPage, type StatusPageOptions } from '../../shared/claims/web/status-page';
import { nextStep, outcomeOf, paidTo, refreshOf, workingDeadline } from '../../shared/claims/web/status-view';
import { hasMessage } from '../../shared/messages';
import { html } from '../../shared/platform/web/html';
import {
  type Contact,
  checkContacts,
  contactFor,
  nationalNumber,
  SPONSOR_CONTACTS,
  whatsappLink,
} from '../../shared/reference-data/contacts';
import { normalizeMobile } from '../../shared/reference-data/phone';
import { PROGRAMMES } from '../../shared/reference-data/programmes';
import { workingDaysAfter } from '../../shared/reference-data/working-days';
import { InMemoryClaimStore, InMemoryMembers, messages, RecordingNotifier } from '../support/fakes/claims';
import { aMember } from '../support/members';

/**
 * The family's status page, piece by piece: working days left to the legal deadline, the contact per programme, the
 * masked account, the outcome's colour, refreshing only while the claim moves, and the page those pieces make.
 */
const CLAIMANT_NIK = '3173010203800001';
const ACCOUNT = '012301000123456';
/** Monday 30 November 2026, 10:00 in Jakarta. */
const MONDAY = new Date('2026-11-30T03:00:00Z');

const aClaim = (over: Partial<Claim> = {}): Claim => ({
  reference: 'SNT-2026-7KQ4MZ',
  status: 'AWAITING_APPROVAL',
  benefit: 'JKM',
  member: { nik: '3173014107850003', name: 'Siti Aminah' },
  incident: { type: 'death', date: '2026-10-03', cause: 'illness' },
  claimant: { nik: CLAIMANT_NIK, name: 'Ahmad Fauzi', relationship: 'spouse', phone: '+6281234567890' },
  bankAccount: { bankCode: '002', accountNumber: ACCOUNT, accountHolder: 'Ahmad Fauzi' },
  documents: [],
  submittedAt: '2026-11-30T09:00:00+07:00',
  updatedAt: '2026-11-30T09:01:00+07:00',
  timeline: [
    { status: 'SUBMITTED', at: '2026-11-30T09:00:00+07:00' },
    { status: 'VERIFYING', at: '2026-11-30T09:00:05+07:00' },
    { status: 'AWAITING_APPROVAL', at: '2026-11-30T09:01:00+07:00' },
  ],
  missingDocuments: [],
  verification: {
    checkedAt: '2026-11-30T09:01:00+07:00',
    program: 'TKSK',
    flags: [],
    benefit: {
      ruleSet: 'PP 82/2019',
      total: 42_000_000,
      currency: 'IDR',
      components: [
        { code: 'LUMP_SUM', amount: 20_000_000 },
        { code: 'PERIODIC', amount: 12_000_000 },
        { code: 'FUNERAL', amount: 10_000_000 },
      ],
      scholarshipEligible: false,
    },
    // Three working days after Monday 30 November 2026: Thursday 3 December.
    approval: { level: 'approver', secondApprovalRequired: false, deadline: '2026-12-03T23:59:59+07:00' },
  },
  version: 3,
  ...over,
});

const paidClaim = (over: Partial<Claim> = {}): Claim => {
  const claim = aClaim();
  return aClaim({
    status: 'PAID',
    timeline: [
      ...claim.timeline,
      { status: 'APPROVED', at: '2026-12-01T10:00:00+07:00' },
      { status: 'PAYING', at: '2026-12-01T10:00:01+07:00' },
      { status: 'PAID', at: '2026-12-01T10:00:03+07:00' },
    ],
    decision: { outcome: 'approved', decidedBy: 'ani', at: '2026-12-01T10:00:00+07:00' },
    payment: {
      amount: 42_000_000,
      currency: 'IDR',
      paidAt: '2026-12-01T10:00:03+07:00',
      components: claim.verification!.benefit!.components,
    },
    ...over,
  });
};

const rejectedClaim = (over: Partial<Claim> = {}): Claim =>
  aClaim({
    status: 'REJECTED',
    timeline: [
      { status: 'SUBMITTED', at: '2026-11-30T09:00:00+07:00' },
      { status: 'VERIFYING', at: '2026-11-30T09:00:05+07:00' },
      // As verify-claim.ts writes it: the reason, in Bahasa Indonesia, as the entry's note.
      { status: 'REJECTED', at: '2026-11-30T09:00:06+07:00', note: 'Mohon maaf, kami belum menemukan peserta dengan NIK tersebut' },
    ],
    verification: { checkedAt: '2026-11-30T09:00:06+07:00', flags: [] },
    decision: {
      outcome: 'rejected',
      reasonCode: 'MEMBER_NOT_FOUND',
      reason: 'Mohon maaf, kami belum menemukan peserta',
      decidedBy: 'system',
    },
    ...over,
  });

const page = (claim: Claim, lang: 'id' | 'en' = 'id', options: Partial<StatusPageOptions> = {}) =>
  renderStatusPage(claim, lang, false, { access: `nik=${CLAIMANT_NIK}`, now: MONDAY, ...options });
/** What a person reads: the page without its markup. */
const textOf = (markup: string) =>
  markup
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('working days left to a deadline (the holiday calendar)', () => {
  it('counts the working days after today up to the deadline day, today itself never counting', () => {
    // Monday 30 November to Friday 4 December 2026: Tuesday to Friday.
    expect(workingDaysAfter('2026-11-30', '2026-12-04')).toBe(4);
    expect(workingDaysAfter('2026-12-04', '2026-12-04')).toBe(0);
    expect(workingDaysAfter('2026-12-05', '2026-12-04')).toBe(0);
  });

  it('skips weekends, public holidays and cuti bersama (Christmas 2025 and the 26th, SKB)', () => {
    // Wednesday 24 December 2025 to Monday 29 December: the 25th a holiday, the 26th cuti bersama, then a weekend.
    expect(workingDaysAfter('2025-12-24', '2025-12-29')).toBe(1);
  });

  it('says how many working days are left, or how many working days late, from the stored deadline', () => {
    const deadline = '2026-12-03T23:59:59+07:00';
    expect(workingDeadline(deadline, MONDAY)).toEqual({ date: '2026-12-03', late: false, workingDaysLeft: 3 });
    // On the deadline's own day (late evening in Jakarta is still that day): 0 left, not late.
    expect(workingDeadline(deadline, new Date('2026-12-03T16:00:00Z'))).toEqual({ date: '2026-12-03', late: false, workingDaysLeft: 0 });
    // Saturday 5 December: late by Friday; Tuesday 8 December: late by Friday, Monday and Tuesday.
    expect(workingDeadline(deadline, new Date('2026-12-05T03:00:00Z'))).toEqual({ date: '2026-12-03', late: true, workingDaysLate: 1 });
    expect(workingDeadline(deadline, new Date('2026-12-08T03:00:00Z'))).toEqual({ date: '2026-12-03', late: true, workingDaysLate: 3 });
  });

  it('writes the deadline in words on the page: working days left and the day, or plainly late', () => {
    expect(textOf(page(aClaim()))).toContain(
      'Menurut aturan, santunan dibayar paling lambat 3 hari kerja lagi (sampai Kamis, 3 Desember 2026).',
    );
    expect(textOf(page(aClaim(), 'en'))).toContain(
      'By the rules, the benefit must be paid by 3 working days from now (until Thursday, 3 December 2026).',
    );
    const late = textOf(page(aClaim(), 'id', { now: new Date('2026-12-08T03:00:00Z') }));
    expect(late).toContain('Batas waktu pembayaran sudah lewat: Kamis, 3 Desember 2026, 3 hari kerja yang lalu. Mohon maaf');
    expect(page(aClaim(), 'id', { now: new Date('2026-12-08T03:00:00Z') })).toContain('<a href="#contact">');
  });

  it('before the claim is complete, gives the documents deadline in days and the payout rule in working days', () => {
    const waiting = aClaim({ status: 'NEEDS_DOCUMENTS', missingDocuments: ['FAMILY_CARD'], documentsDueBy: '2027-01-29T10:00:00+07:00' });
    expect(nextStep(waiting, MONDAY)).toEqual({
      kind: 'documents',
      payoutDays: 3,
      dueBy: { date: '2027-01-29', late: false, daysLeft: 60 },
    });
    const text = textOf(page(waiting));
    expect(text).toContain('Batas waktunya: 60 hari lagi (sampai Jumat, 29 Januari 2027).');
    expect(text).toContain('Setelah data dan dokumen lengkap, santunan dibayar paling lambat 3 hari kerja.');
    expect(textOf(page(aClaim({ benefit: 'JKK', status: 'SUBMITTED' })))).toContain('paling lambat 7 hari kerja');
  });
});

describe('the contact, per programme', () => {
  const desk: Contact = { name: 'Meja PKH', phone: '0215551234', source: 'test', confidence: 'NC' };

  it("gives a programme's own desk when it has one, else its sponsor's, else the default sponsor's", () => {
    const tables = checkContacts({ programmes: { PKH: desk }, sponsors: SPONSOR_CONTACTS });
    expect(contactFor('PKH', tables)).toBe(desk);
    expect(contactFor('TKSK', tables)).toBe(SPONSOR_CONTACTS.Kemensos);
    // A member not in the roster (MEMBER_NOT_FOUND), an old claim without a programme, a code no longer listed.
    expect(contactFor(undefined, tables)).toBe(SPONSOR_CONTACTS.Kemensos);
    expect(contactFor('NOPE', tables)).toBe(SPONSOR_CONTACTS.Kemensos);
  });

  it('has a contact for every programme, each with a number that can be dialled or a WhatsApp mobile, and a source', () => {
    for (const code of Object.keys(PROGRAMMES)) {
      const c = contactFor(code);
      expect(c.phone ?? c.whatsapp).toBeDefined();
      if (c.whatsapp) expect(normalizeMobile(c.whatsapp)).toBe(c.whatsapp);
      expect(c.source).not.toBe('');
    }
    expect(nationalNumber('+628111022210')).toBe('0811 1022 210');
    expect(whatsappLink('+628111022210')).toBe('https://wa.me/628111022210');
  });

  it('refuses a malformed table at cold start: a WhatsApp landline, an unknown programme', () => {
    expect(() => checkContacts({ programmes: {}, sponsors: { ...SPONSOR_CONTACTS, X: { ...desk, whatsapp: '+62215551234' } } })).toThrow(
      /WhatsApp/,
    );
    expect(() => checkContacts({ programmes: { NOPE: desk }, sponsors: SPONSOR_CONTACTS })).toThrow(/no programme NOPE/);
  });

  it("shows the member's programme's contact on the page: phone, WhatsApp and office, each usable", () => {
    const markup = page(rejectedClaim());
    expect(markup).toContain('<section id="contact">');
    expect(markup).toContain('<a href="tel:171">171</a>');
    expect(markup).toContain('<a href="https://wa.me/628111022210">0811 1022 210</a>');
    expect(markup).toContain('Jl. Salemba Raya No. 28');
  });

  it('keeps the member programme on a claim the workflow rejects when the roster has the member', async () => {
    // Arrange: the member enrolled after the incident (NOT_ACTIVE_AT_INCIDENT), in programme PKH.
    const claims = new InMemoryClaimStore();
    claims.put({
      ...aClaim({ status: 'SUBMITTED', verification: undefined }),
      timeline: [{ status: 'SUBMITTED', at: '2026-11-30T09:00:00+07:00' }],
    });
    const members = new InMemoryMembers();
    members.add(aMember({ nik: '3173014107850003', program: 'PKH', enrolledOn: '2026-11-01' }), []);
    const deps = {
      claims,
      members,
      notifier: new RecordingNotifier(),
      messages,
      policy: { secondApprovalAbove: 50_000_000 },
      now: () => MONDAY,
    };

    // Act
    await verifyClaim(deps, { reference: 'SNT-2026-7KQ4MZ', baseUrl: 'https://api.test' });

    // Assert
    const rejected = await claims.get('SNT-2026-7KQ4MZ');
    expect(rejected).toMatchObject({
      status: 'REJECTED',
      decision: { reasonCode: 'NOT_ACTIVE_AT_INCIDENT' },
      verification: { program: 'PKH' },
    });
  });
});

describe('the money: the breakdown, the masked account and the date paid', () => {
  it('shows the bank by name and only the last four digits of the account', () => {
    expect(paidTo({ bankCode: '002', accountNumber: ACCOUNT, accountHolder: 'x' })).toEqual({ bank: 'BRI', last4: '3456' });
    expect(paidTo({ bankCode: '999', accountNumber: '1234567', accountHolder: 'x' })).toEqual({ bank: '999', last4: '4567' });
  });

  it('after payment: the amount, each component, the date paid and the masked account, never the whole number', () => {
    const markup = page(paidClaim());
    expect(markup).toContain('<strong id="amount">Rp42.000.000</strong>');
    expect(markup).toContain('<tr><td>Santunan berkala (dibayar sekaligus)</td><td>Rp12.000.000</td></tr>');
    expect(markup).toContain('<p id="paid-to">Ditransfer pada Selasa, 1 Desember 2026 ke rekening BRI yang berakhiran 3456.</p>');
    expect(markup).not.toContain(ACCOUNT);
    expect(page(paidClaim(), 'en')).toContain('Transferred on Tuesday, 1 December 2026 to the BRI account ending in 3456.');
  });
});

describe('the outcome, once, in a colour that matches it', () => {
  it('is green for approved and paid, red for rejected, amber when someone must act, neutral on the way', () => {
    const by = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, outcomeOf(s)]));
    expect(by).toEqual({
      SUBMITTED: 'waiting',
      VERIFYING: 'waiting',
      NEEDS_DOCUMENTS: 'action',
      AWAITING_APPROVAL: 'waiting',
      APPROVED: 'good',
      PAYING: 'good',
      PAID: 'good',
      PAYOUT_FAILED: 'action',
      REJECTED: 'bad',
      WITHDRAWN: 'closed',
      // An appeal waits for a supervisor: neutral, like any wait.
      APPEALED: 'waiting',
    });
  });

  it('says a rejection in red with its words, and its reason once (not again in the history)', () => {
    const markup = page(rejectedClaim());
    expect(markup).toContain('<section class="outcome outcome-bad" id="decision"><p class="status" id="status">Tidak dapat dibayarkan</p>');
    expect(count(markup, 'kami belum menemukan peserta dengan NIK tersebut')).toBe(1);
    expect(page(paidClaim())).toContain('<section class="outcome outcome-good" id="decision">');
  });

  it('gives the reason in the language of the page, from its code', () => {
    const text = textOf(page(rejectedClaim(), 'en'));
    expect(text).toContain('Reason:');
    expect(text).not.toContain('Mohon maaf');
  });

  it("puts the lead's actions (correction, appeal) right after the decision", () => {
    const markup = page(rejectedClaim(), 'id', { actions: html`<form id="appeal"></form>` });
    expect(markup).toContain('</section><form id="appeal"></form><section id="next">');
  });
});

describe('the history in plain words', () => {
  it('has a sentence for every status in both languages', () => {
    const missing = CLAIM_STATUSES.filter((s) => !hasMessage(`timeline.event.${s}`));
    expect(missing).toEqual([]);
  });

  it('tells what happened, never a status code', () => {
    for (const claim of [aClaim(), paidClaim(), rejectedClaim()]) {
      const text = textOf(page(claim));
      for (const code of CLAIM_STATUSES) expect(text).not.toContain(code);
    }
    expect(textOf(page(paidClaim()))).toContain('Santunan sudah ditransfer ke rekening Anda.');
    expect(textOf(page(paidClaim(), 'en'))).toContain('The benefit was transferred to your account.');
  });
});

describe('refreshing itself while the claim moves', () => {
  it('refreshes while the workflow or staff have the next move, quickly for the machine steps', () => {
    expect(refreshOf(aClaim({ status: 'VERIFYING' }), { formShown: false, autoOff: false })).toEqual({ pollSeconds: 5, metaSeconds: 30 });
    expect(refreshOf(aClaim(), { formShown: false, autoOff: false })).toEqual({ pollSeconds: 20, metaSeconds: 120 });
  });

  it('does not refresh a final claim, one waiting for the family, a page with a form, or when turned off', () => {
    for (const status of ['PAID', 'REJECTED', 'WITHDRAWN', 'NEEDS_DOCUMENTS'] as const)
      expect(refreshOf(aClaim({ status }), { formShown: false, autoOff: false })).toBeUndefined();
    expect(refreshOf(aClaim({ status: 'SUBMITTED' }), { formShown: true, autoOff: false })).toBeUndefined();
    expect(refreshOf(aClaim(), { formShown: false, autoOff: true })).toBeUndefined();
  });

  it('puts the script and a meta refresh for browsers without JavaScript on a moving page only', () => {
    const moving = page(aClaim());
    expect(moving).toContain(
      '<noscript><meta http-equiv="refresh" content="120;url=/claims/SNT-2026-7KQ4MZ?nik=3173010203800001"></noscript></head>',
    );
    expect(moving).toContain('<script src="/assets/status.js" defer data-every="20" data-seen="AWAITING_APPROVAL:3"></script>');
    expect(moving).toContain('<a href="/claims/SNT-2026-7KQ4MZ?nik=3173010203800001&amp;auto=off">Jangan perbarui otomatis</a>');
    for (const still of [paidClaim(), rejectedClaim(), aClaim({ status: 'NEEDS_DOCUMENTS', missingDocuments: ['FAMILY_CARD'] })]) {
      expect(page(still)).not.toContain('http-equiv="refresh"');
      expect(page(still)).not.toContain('/assets/status.js');
    }
    const off = page(aClaim(), 'id', { autoOff: true });
    expect(off).not.toContain('http-equiv="refresh"');
    expect(off).toContain('<a href="/claims/SNT-2026-7KQ4MZ?nik=3173010203800001">Nyalakan lagi</a>');
  });
});

describe('the language switch', () => {
  it('keeps the access that opened the page, whatever it is (a typed NIK or a signed token), and the language', () => {
    expect(page(aClaim())).toContain(
      '<a href="/claims/SNT-2026-7KQ4MZ?nik=3173010203800001&amp;lang=en" lang="en" hreflang="en">English</a>',
    );
    const token = page(aClaim(), 'en', { access: 't=abc.DEF_1-2' });
    expect(token).toContain('<a href="/claims/SNT-2026-7KQ4MZ?t=abc.DEF_1-2" lang="id" hreflang="id">Bahasa Indonesia</a>');
    expect(token).toContain('url=/claims/SNT-2026-7KQ4MZ?t=abc.DEF_1-2&amp;lang=en"');
    expect(token).not.toContain(`nik=${CLAIMANT_NIK}`);
  });
});

describe('the scholarship', () => {
  const eligible = (claim: Claim): Claim => ({
    ...claim,
    verification: { ...claim.verification!, benefit: { ...claim.verification!.benefit!, scholarshipEligible: true } },
  });

  it('says what it is and how to ask for it each school year, with the form for proof of schooling once paid', () => {
    const markup = page(eligible(paidClaim()));
    const text = textOf(markup);
    expect(text).toContain('Beasiswa untuk anak peserta');
    expect(text).toContain('Paling banyak 2 anak peserta yang berusia di bawah 23 tahun');
    expect(text).toContain('SMA/SMK: Rp3.000.000');
    expect(text).toContain('setiap tahun ajaran (mulai Juli), kirim surat keterangan masih sekolah');
    expect(markup).toContain('<input type="hidden" name="documents[1].schoolYear" value="2026/2027">');
    // Before payment it says when; a claim whose children are not eligible says nothing of it.
    expect(textOf(page(eligible(aClaim())))).toContain('setelah santunan dibayarkan');
    expect(page(eligible(aClaim()))).not.toContain('SCHOOL_CERTIFICATE');
    expect(page(paidClaim())).not.toContain('id="scholarship"');
  });
});
