import type { ClaimMessages, Message } from '../../shared/claims/application/ports';
import { statusLinks } from '../../shared/claims/application/status-links';
import {
  CLAIM_FLAGS,
  CLAIM_STATUSES,
  type Claim,
  DOCUMENT_TYPES,
  INCIDENT_CAUSES,
  INCIDENT_TYPES,
  RELATIONSHIPS,
  type Tranche,
} from '../../shared/claims/domain/claim';
import { STATUS_TOKEN_PATTERN } from '../../shared/claims/domain/status-link';
import { claimMessagesWith } from '../../shared/claims/web/notifications';
import { SMS_MAX_LENGTH } from '../../shared/claims/web/templates/sms';
import { t } from '../../shared/messages';
import { reconciliationEmail } from '../../shared/premiums/web/reconciliation-email';

/**
 * Every email and SMS a claim sends, rendered from its template with the longest realistic values (issue 8,
 * deliverable 7): HTML with a plain-text part, the private link as a real <a href> and as a bare URL on its own line,
 * dates and amounts written the Indonesian way, words instead of codes, no ISO timestamp, no NIK, no full account
 * number; every SMS one GSM-7 message of at most 160 characters, link included.
 */
const MEMBER_NIK = '3173014107850003';
const CLAIMANT_NIK = '3173010203800001';
const WARD_NIK = '3173015506150002';
const ACCOUNT = '012301000123456';
/** A base URL longer than the site's real ones (a CloudFront name is 30 characters): 40 characters. */
const BASE = 'https://klaim-santunan.kemensos.go.id/id';
const REFERENCE = 'SNT-2026-7KQ4MZ';
const NOW = new Date('2026-10-05T03:00:00Z');

const links = statusLinks({ keys: async () => ['k'.repeat(40)], ttlDays: 90, now: () => NOW });
const messages = claimMessagesWith(links);

const component = (code: string, amount: number) => ({ code, amount });
const claim: Claim = {
  reference: REFERENCE,
  status: 'PAID',
  benefit: 'JKK',
  member: { nik: MEMBER_NIK, name: 'Raden Roro Siti Aminah Kusumawardhani Purbaningrum' },
  incident: { type: 'death', date: '2026-09-30', cause: 'commute_accident' },
  claimant: {
    nik: CLAIMANT_NIK,
    name: 'Muhammad Ahmad Fauzi Abdurrahman Wahyudiningrat',
    relationship: 'guardian',
    phone: '+6281234567890',
    email: 'ahmad.fauzi@example.org',
    ward: { name: 'Putri Aminah', birthDate: '2015-06-15', nik: WARD_NIK },
  },
  bankAccount: { bankCode: '110', accountNumber: ACCOUNT, accountHolder: 'Muhammad Ahmad Fauzi Abdurrahman Wahyudiningrat' },
  documents: [],
  submittedAt: '2026-10-03T14:05:00.000+07:00',
  updatedAt: '2026-10-09T09:30:00.000+07:00',
  timeline: [{ status: 'SUBMITTED', at: '2026-10-03T14:05:00.000+07:00' }],
  missingDocuments: ['DEATH_CERTIFICATE', 'HEIR_CERTIFICATE', 'GUARDIAN_PROOF', 'POLICE_REPORT'],
  documentsDueBy: '2026-09-30T10:00:00.000+07:00',
  verification: {
    checkedAt: '2026-10-03T14:06:00.000+07:00',
    flags: [...CLAIM_FLAGS],
    benefit: {
      ruleSet: 'PP 82/2019',
      total: 1_000_000_000,
      currency: 'IDR',
      components: [component('JKK_DEATH', 968_000_000), component('PERIODIC', 12_000_000), component('FUNERAL', 10_000_000)],
      scholarshipEligible: true,
    },
    approval: { level: 'supervisor', secondApprovalRequired: true, deadline: '2026-10-14T14:06:00.000+07:00' },
  },
  payment: {
    amount: 1_000_000_000,
    currency: 'IDR',
    paidAt: '2026-10-09T09:30:00.000+07:00',
    components: [component('JKK_DEATH', 978_000_000), component('PERIODIC', 12_000_000), component('FUNERAL', 10_000_000)],
  },
  version: 7,
};
const tranche: Tranche = {
  id: 'T12',
  kind: 'SCHOLARSHIP',
  status: 'PAID',
  amount: 174_000_000,
  currency: 'IDR',
  ruleSet: 'PP 82/2019',
  components: [component('SCHOLARSHIP', 174_000_000)],
  requestedBy: 'verifier',
  requestedAt: '2026-10-09T09:30:00.000+07:00',
  schoolYear: '2026/2027',
  approval: {
    level: 'approver',
    secondApprovalRequired: true,
    deadline: '2026-10-14T14:06:00.000+07:00',
    escalateAt: '2026-10-13T14:06:00.000+07:00',
  },
  approvals: [],
  payment: {
    amount: 174_000_000,
    currency: 'IDR',
    paidAt: '2026-10-16T08:00:00.000+07:00',
    components: [component('SCHOLARSHIP', 174_000_000)],
    transferId: 'T-1',
  },
};
const REASON = 'Dokumen yang dikirim tidak sah atau tidak sesuai.';
const SCHOOL_YEAR = '2026/2027';
const opts = { escalated: true, secondApproval: true };
/** A rejection the family can correct (a mistyped member NIK), and an appeal with the longest statement and note. */
const correctable: Claim = {
  ...claim,
  status: 'REJECTED',
  decision: {
    outcome: 'rejected',
    reasonCode: 'MEMBER_NOT_FOUND',
    reason: REASON,
    decidedBy: 'system',
    at: '2026-10-09T09:30:00.000+07:00',
  },
};
const appealed: Claim = {
  ...claim,
  status: 'APPEALED',
  appeal: {
    at: '2026-10-10T09:30:00.000+07:00',
    statement: 'Suami saya masih bertugas sebagai TKSK sampai hari meninggalnya. '.repeat(30).slice(0, 2000),
    against: { reasonCode: 'DOCUMENTS_INVALID', reason: REASON, decidedBy: 'approver', at: '2026-10-09T09:30:00.000+07:00' },
    documentsAdded: 1,
    note: 'Tidak ada bukti baru yang menunjukkan peserta aktif pada tanggal kejadian.'.padEnd(500, '.'),
  },
};

type Rendered = { name: string; family: boolean; message: Message };
/** Every message of the ClaimMessages port, by its path; the test fails when a template is added without a sample here. */
const emails: Record<string, () => Message | Promise<Message>> = {
  'family.needsDocuments': () => messages.family.needsDocuments(claim, claim.missingDocuments, BASE),
  'family.needsDocuments (reminder)': () => messages.family.needsDocuments(claim, claim.missingDocuments, BASE, { reminder: true }),
  'family.awaitingApproval': () => messages.family.awaitingApproval(claim, BASE),
  'family.rejected': () => messages.family.rejected(claim, REASON, BASE),
  'family.paid': () => messages.family.paid(claim, 1_000_000_000, BASE),
  'family.payoutDelayed': () => messages.family.payoutDelayed(claim, BASE),
  'family.linksRevoked': () => messages.family.linksRevoked(claim, BASE),
  'staff.decisionNeeded': () => messages.staff.decisionNeeded(claim, BASE, opts),
  'staff.payoutFailed': () => messages.staff.payoutFailed(claim, 'Rekening tidak ditemukan di bank penerima', BASE),
  'staff.workflowFailed': () => messages.staff.workflowFailed(REFERENCE, 'Layanan bank tidak menjawab dalam 10 detik', BASE),
  'tranches.family.requested': () => messages.tranches.family.requested(claim, tranche, BASE),
  'tranches.family.rejected': () => messages.tranches.family.rejected(claim, tranche, REASON, BASE),
  'tranches.family.paid': () => messages.tranches.family.paid(claim, tranche, BASE),
  'tranches.family.scholarshipReminder': () => messages.tranches.family.scholarshipReminder(claim, SCHOOL_YEAR, BASE),
  'tranches.staff.decisionNeeded': () => messages.tranches.staff.decisionNeeded(claim, tranche, BASE, opts),
  'family.rejected (correctable)': () => messages.family.rejected(correctable, REASON, BASE),
  'appeals.family.received': () => messages.appeals.family.received(appealed, BASE),
  'appeals.family.upheld': () => messages.appeals.family.upheld(appealed, BASE),
  'appeals.family.refused': () => messages.appeals.family.refused(appealed, BASE),
  'appeals.staff.filed': () => messages.appeals.staff.filed(appealed, BASE),
};
const texts: Record<string, () => Promise<string>> = {
  'sms.needsDocuments': () => messages.sms.needsDocuments(claim, BASE),
  'sms.needsDocuments (reminder)': () => messages.sms.needsDocuments(claim, BASE, { reminder: true }),
  'sms.awaitingApproval': () => messages.sms.awaitingApproval(claim, BASE),
  'sms.rejected': () => messages.sms.rejected(claim, BASE),
  'sms.paid': () => messages.sms.paid(claim, 1_000_000_000, BASE),
  'sms.payoutDelayed': () => messages.sms.payoutDelayed(claim, BASE),
  'sms.linksRevoked': () => messages.sms.linksRevoked(claim, BASE),
  'tranches.sms.requested': () => messages.tranches.sms.requested(claim, tranche, BASE),
  'tranches.sms.rejected': () => messages.tranches.sms.rejected(claim, tranche, BASE),
  'tranches.sms.paid': () => messages.tranches.sms.paid(claim, tranche, BASE),
  'tranches.sms.scholarshipReminder': () => messages.tranches.sms.scholarshipReminder(claim, SCHOOL_YEAR, BASE),
  'sms.rejected (correctable)': () => messages.sms.rejected(correctable, BASE),
  'appeals.sms.received': () => messages.appeals.sms.received(appealed, BASE),
  'appeals.sms.upheld': () => messages.appeals.sms.upheld(appealed, BASE),
  'appeals.sms.refused': () => messages.appeals.sms.refused(appealed, BASE),
};

const pathsOf = (node: object, prefix = ''): string[] =>
  Object.entries(node).flatMap(([k, v]) => (typeof v === 'function' ? [`${prefix}${k}`] : pathsOf(v as object, `${prefix}${k}.`)));

/** Codes of the contract that must never reach a reader as they are (words instead). */
const CODES = [
  ...CLAIM_STATUSES,
  ...DOCUMENT_TYPES,
  ...CLAIM_FLAGS,
  ...RELATIONSHIPS,
  ...INCIDENT_CAUSES,
  ...INCIDENT_TYPES,
  'LUMP_SUM',
  'JKK_DEATH',
  'PERIODIC',
  'FUNERAL',
  'SCHOLARSHIP',
  'DISABILITY',
];
const wordsOf = (text: string) => new Set(text.split(/[^A-Za-z_]+/));
/** URLs are checked apart (they hold the token, which is letters and digits). */
const withoutUrls = (text: string) => text.replace(/https?:\/\/[^\s"<]+/g, ' ');
const stripTags = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&');
const statusUrl = new RegExp(`${BASE}/claims/${REFERENCE}\\?t=([A-Za-z0-9_-]+)`);

let rendered: Rendered[];
beforeAll(async () => {
  rendered = await Promise.all(
    Object.entries(emails).map(async ([name, build]) => ({ name, family: !name.includes('staff'), message: await build() })),
  );
});

describe('notification templates', () => {
  it('cover every message of the ClaimMessages port', () => {
    const covered = new Set([...Object.keys(emails), ...Object.keys(texts)].map((n) => n.replace(/ \(.*\)$/, '')));
    expect(pathsOf(messages as unknown as ClaimMessages).filter((p) => !covered.has(p))).toEqual([]);
  });

  it('render every email as HTML with a plain-text part saying the same', () => {
    for (const { name, message } of rendered) {
      expect([name, typeof message.html]).toEqual([name, 'string']);
      expect(message.html).toMatch(/^<!doctype html><html lang="id">/);
      // Every line of the text part (a paragraph, a list item, a row) is in the HTML part too.
      const norm = (s: string) => s.replace(/^- /, '').replace(/:/g, ' ').replace(/\s+/g, ' ').trim();
      const page = norm(stripTags(message.html!));
      const lines = message.text.split('\n').filter((l) => l && l !== '--');
      expect([name, lines.filter((line) => !page.includes(norm(line)))]).toEqual([name, []]);
    }
  });

  it('leave no {placeholder}, no ISO date or timestamp, and no raw code', () => {
    for (const { name, message } of rendered) {
      const all = [message.subject, message.text, stripTags(message.html!)].map(withoutUrls).join('\n');
      expect([name, all.match(/\{\w+\}/g)]).toEqual([name, null]);
      expect([name, all.match(/\d{4}-\d{2}-\d{2}|\d{2}:\d{2}:\d{2}|T\d{2}:\d{2}/g)]).toEqual([name, null]);
      const words = wordsOf(all);
      expect([name, CODES.filter((c) => words.has(c))]).toEqual([name, []]);
    }
  });

  it('write dates, times and amounts the Indonesian way', () => {
    const by = (name: string) => rendered.find((r) => r.name === name)!.message;
    expect(by('family.paid').text).toContain('Rp1.000.000.000');
    expect(by('family.paid').text).toContain('9 Oktober 2026 pukul 09.30 WIB');
    expect(by('family.needsDocuments').text).toContain('30 September 2026');
    expect(by('staff.decisionNeeded').text).toContain('14 Oktober 2026 pukul 14.06 WIB');
    expect(by('staff.decisionNeeded').text).toContain('kematian, 30 September 2026');
    expect(by('staff.decisionNeeded').text).toContain('(Wali dari anak ahli waris');
    expect(by('tranches.family.paid').text).toContain('Rp174.000.000');
  });

  it('tell staff the benefit, relationship and flags in words, with a clickable link to the claim page', () => {
    const staffMail = rendered.filter((r) => !r.family);
    expect(staffMail.map((r) => r.name).sort()).toEqual(
      ['appeals.staff.filed', 'staff.decisionNeeded', 'staff.payoutFailed', 'staff.workflowFailed', 'tranches.staff.decisionNeeded'].sort(),
    );
    const decision = rendered.find((r) => r.name === 'staff.decisionNeeded')!.message;
    expect(decision.subject).toBe(
      `[Santunan] ESKALASI: batas waktu persetujuan hampir lewat: ${REFERENCE} JKK (Jaminan Kecelakaan Kerja) Rp1.000.000.000`,
    );
    for (const flag of CLAIM_FLAGS) expect([flag, decision.text.includes(t(`flagName.${flag}`, 'id'))]).toEqual([flag, true]);
    expect(decision.text).toContain('Wali dari anak ahli waris');
    for (const { name, message } of staffMail) {
      // A real button in HTML (an <a href> to the claim page), and the address alone on its line in the text part.
      expect([name, message.html!.includes(`<a href="${BASE}/staff/claims/${REFERENCE}"`)]).toEqual([name, true]);
      expect([name, message.subject.includes('JKM') || /\bJKK\b(?! \()/.test(message.subject)]).toEqual([name, false]);
    }
  });

  it('never show a NIK or a full account number: the account by its last 4 digits only', () => {
    for (const { name, message } of rendered) {
      const all = `${message.subject}\n${message.text}\n${message.html}`;
      expect([name, [MEMBER_NIK, CLAIMANT_NIK, WARD_NIK, ACCOUNT].filter((secret) => all.includes(secret))]).toEqual([name, []]);
      expect([name, withoutUrls(all).match(/\d{16}/g)]).toEqual([name, null]);
    }
    const paid = rendered.find((r) => r.name === 'family.paid')!.message;
    expect(paid.text).toContain('nomor berakhiran 3456');
    expect(paid.text).toContain('Bank BJB');
  });

  it('carry the link: a real <a href> in HTML and a bare URL on its own line in text; the family link has a token, not the NIK', () => {
    for (const { name, family, message } of rendered) {
      const url = family ? statusUrl.exec(message.text)?.[0] : `${BASE}/staff/claims/${REFERENCE}`;
      expect([name, url && message.text.includes(`\n${url}\n`)]).toEqual([name, true]);
      expect([name, message.html!.includes(`href="${url}"`)]).toEqual([name, true]);
      if (family) expect([name, STATUS_TOKEN_PATTERN.test(statusUrl.exec(message.text)![1]!)]).toEqual([name, true]);
    }
  });
});

describe('SMS', () => {
  it('fit one GSM-7 message (160 characters) with the longest values, the private link included, and never a NIK', async () => {
    for (const [name, build] of Object.entries(texts)) {
      const text = await build();
      expect([name, text.length <= SMS_MAX_LENGTH, text.length]).toEqual([name, true, text.length]);
      // GSM-7's basic set (no Unicode that would cut a message to 70 characters).
      expect([name, text.match(/[^A-Za-z0-9 @$_!"#%&'()*+,\-./:;<=>?\n]/g)]).toEqual([name, null]);
      expect([name, statusUrl.test(text)]).toEqual([name, true]);
      expect([name, text.includes(CLAIMANT_NIK) || text.includes(ACCOUNT) || /\{\w+\}/.test(text)]).toEqual([name, false]);
    }
  });
});

describe("finance's reconciliation summary", () => {
  it('is HTML with a text part, the month and the trigger in words, counts by category in words, and both report links', () => {
    const message = reconciliationEmail({
      period: '2026-10',
      trigger: 'on demand by finance',
      summary: {
        expected: { members: 46_282, amount: 777_537_600 },
        paid: { amount: 775_000_000 },
        counts: { PAID: 46_000, UNPAID: 200, UNDERPAID: 50, OVERPAID: 20, PAID_FOR_INACTIVE: 10, UNKNOWN_MEMBER: 2 },
      },
      discrepancies: 282,
      baseUrl: BASE,
    });
    expect(message.subject).toBe('[Santunan] Rekonsiliasi iuran Oktober 2026: 282 selisih');
    expect(message.text).toContain('Rekonsiliasi iuran bulan Oktober 2026 (atas permintaan finance).');
    expect(message.text).toContain('Iuran seharusnya: Rp777.537.600');
    expect(message.text).toContain('Kurang bayar: 50');
    expect(message.text).toContain(`\n${BASE}/staff/reconciliations/2026-10\n`);
    expect(message.html).toContain(`href="${BASE}/staff/reconciliations/2026-10?format=csv"`);
    const words = wordsOf(withoutUrls(`${message.subject}\n${message.text}`));
    expect(
      ['PAID', 'UNPAID', 'UNDERPAID', 'OVERPAID', 'PAID_FOR_INACTIVE', 'UNKNOWN_MEMBER', 'schedule'].filter((c) => words.has(c)),
    ).toEqual([]);
    expect(withoutUrls(message.text)).not.toMatch(/\d{4}-\d{2}/);
  });
});
