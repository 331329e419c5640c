import { decide } from '../../shared/claims/application/approval/decide';
import { DOCUMENT_LINK_SECONDS, viewDocument } from '../../shared/claims/application/approval/view-document';
import type { DocumentLinks } from '../../shared/claims/application/ports';
import { CLAIM_FLAGS, CLAIM_STATUSES, type Claim, DOCUMENT_TYPES, RELATIONSHIPS } from '../../shared/claims/domain/claim';
import { renderStaffClaimPage } from '../../shared/claims/web/staff-page';
import { maskNumbersInText } from '../../shared/kernel/mask-text';
import { InMemoryClaimStore, RecordingNotifier } from '../support/fakes/claims';

/**
 * The staff claim page in words (issue 9): no status, benefit, component, flag, relationship, document or audit code
 * reaches the reader; the same page in English with `lang: 'en'`; what an approver needs comes first; the decision
 * note is in the audit trail (masked) and on the page; each document opens through its audited route.
 */
const CSRF = 'tok';
const approver = { username: 'ani', roles: ['approver' as const] };

const claim: Claim = {
  reference: 'SNT-2026-7KQ4MZ',
  status: 'AWAITING_APPROVAL',
  benefit: 'JKM',
  member: { nik: '3173014107850003', name: 'Siti Aminah' },
  incident: { type: 'death', date: '2026-10-03', cause: 'illness' },
  claimant: { nik: '3173010203800001', name: 'Ahmad Fauzi', relationship: 'spouse', phone: '+6281234567890' },
  bankAccount: { bankCode: '002', accountNumber: '012301000123456', accountHolder: 'Ahmad Fauzi' },
  documents: [
    { type: 'DEATH_CERTIFICATE', uploadId: 'u1', contentType: 'application/pdf', size: 200_000, key: 'uploads/2026/10/03/u1' },
    { type: 'FAMILY_CARD', uploadId: 'u2', contentType: 'image/jpeg', size: 90_000, key: 'uploads/2026/10/03/u2' },
  ],
  submittedAt: '2026-10-05T10:00:00.000+07:00',
  updatedAt: '2026-10-05T10:00:00.000+07:00',
  timeline: [
    { status: 'SUBMITTED', at: '2026-10-05T10:00:00.000+07:00' },
    { status: 'AWAITING_APPROVAL', at: '2026-10-05T10:01:00.000+07:00' },
  ],
  missingDocuments: [],
  pendingTask: { kind: 'decision', token: 'task-1', since: '2026-10-05T10:01:00.000+07:00' },
  verification: {
    checkedAt: '2026-10-05T10:01:00.000+07:00',
    program: 'TKSK',
    flags: ['SPONSOR_ARREARS', 'NAME_MISMATCH'],
    benefit: {
      ruleSet: 'PP 82/2019',
      total: 42_000_000,
      currency: 'IDR',
      components: [{ code: 'LUMP_SUM', amount: 42_000_000 }],
      scholarshipEligible: false,
    },
    approval: { level: 'approver', secondApprovalRequired: false, deadline: '2026-10-08T17:00:00.000+07:00' },
  },
  version: 3,
};
const member = { program: 'TKSK', province: '31', regency: '3173' };
const coverage = [
  { period: '2026-08', category: 'PAID', expected: 16_800, paid: 16_800 },
  { period: '2026-09', category: 'PAID', expected: 16_800, paid: 16_800 },
  { period: '2026-10', category: 'UNPAID', expected: 16_800, paid: 0 },
];
const audit = [
  { type: 'CLAIM_SUBMITTED', at: '2026-10-05T10:00:00.000+07:00', actor: { kind: 'family' as const } },
  {
    type: 'DOCUMENT_VIEWED',
    at: '2026-10-05T11:00:00.000+07:00',
    actor: { kind: 'staff' as const, id: 'ani' },
    details: { documentType: 'DEATH_CERTIFICATE' },
  },
  {
    type: 'CLAIM_APPROVED',
    at: '2026-10-05T11:05:00.000+07:00',
    actor: { kind: 'staff' as const, id: 'ani' },
    details: { note: 'Akta asli, dicek ke Dukcapil.' },
  },
];

const render = (lang: 'id' | 'en' = 'id') => renderStaffClaimPage(claim, audit, approver, { csrfToken: CSRF, lang, member, coverage });
/** The text a reader sees: no tags, no attribute values (codes are fine as form values and ids). */
const textOf = (page: string) =>
  page
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&');
const CODES = [
  ...CLAIM_STATUSES,
  ...CLAIM_FLAGS,
  ...DOCUMENT_TYPES,
  ...RELATIONSHIPS,
  'LUMP_SUM',
  'CLAIM_SUBMITTED',
  'CLAIM_APPROVED',
  'DOCUMENT_VIEWED',
  'TKSK',
  'death',
  'illness',
  'staff',
  'family',
];
const words = (text: string) => new Set(text.split(/[^A-Za-z_]+/));

describe('the staff claim page', () => {
  it('writes every code as words, in Bahasa Indonesia and in English', () => {
    for (const lang of ['id', 'en'] as const) {
      const seen = words(textOf(render(lang)));
      // In English, "death" and "family" are words of the sentence, not codes.
      const codes = lang === 'en' ? CODES.filter((c) => c !== c.toLowerCase()) : CODES;
      expect([lang, codes.filter((c) => seen.has(c))]).toEqual([lang, []]);
    }
    const id = textOf(render('id'));
    for (const text of [
      'Menunggu persetujuan',
      'Suami/istri',
      'JKM (Jaminan Kematian)',
      'Santunan sekaligus',
      'iuran bulan kejadian belum lunas dari sponsor',
      'Rp42.000.000',
      '8 Oktober 2026 pukul 17.00 WIB',
      'DKI Jakarta',
      'Dokumen dibuka',
      'Keluarga',
    ])
      expect([text, id.includes(text)]).toEqual([text, true]);
    const en = render('en');
    expect(en).toContain('<html lang="en">');
    expect(textOf(en)).toContain('Awaiting approval');
    // The language switch leads to the other language; forms post back in the page's language.
    expect(en).toContain('href="/staff/claims/SNT-2026-7KQ4MZ" hreflang="id"');
    expect(render('id')).toContain('href="/staff/claims/SNT-2026-7KQ4MZ?lang=en" hreflang="en"');
    expect(en).toContain('action="/staff/claims/SNT-2026-7KQ4MZ/decision?lang=en"');
  });

  it('puts what an approver needs first: member, heir, coverage, flags, breakdown, documents, then the decision form', () => {
    const page = render();
    const order = ['id="summary"', 'id="coverage"', 'id="flags"', 'id="benefit"', 'id="documents"', 'id="decision-form"', 'id="audit"'];
    const at = order.map((marker) => page.indexOf(marker));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // The staff layout: the console's bar and sign-out, not the family's footer.
    expect(page).toContain('<a href="/staff/logout">Keluar</a>');
    expect(page).not.toContain('<footer');
    // No table to scroll sideways on a 360 px screen.
    expect(page).not.toContain('<table');
  });

  it('shows coverage month by month around the incident, the incident month marked', () => {
    const months = /<ol class="months" id="coverage">([\s\S]*?)<\/ol>/.exec(render())![1]!;
    const items = [...months.matchAll(/<li class="(\w+)"[^>]*><span>([^<]+)<\/span> <strong>([^<]+)<\/strong>/g)].map((m) => [
      m[2],
      m[3],
      m[1],
    ]);
    expect(items).toEqual([
      ['Mei 2026', '-', 'none'],
      ['Juni 2026', '-', 'none'],
      ['Juli 2026', '-', 'none'],
      ['Agustus 2026', 'Lunas', 'ok'],
      ['September 2026', 'Lunas', 'ok'],
      ['Oktober 2026', 'Belum dibayar', 'bad'],
      ['November 2026', '-', 'none'],
    ]);
    expect(months).toContain('aria-current="true"><span>Oktober 2026</span> <strong>Belum dibayar</strong> <em>(bulan kejadian)</em>');
  });

  it('links each document to its audited route, and offers the reasons in words', () => {
    const page = render();
    expect(page).toContain('<a href="/staff/claims/SNT-2026-7KQ4MZ/documents/1" target="_blank" rel="noopener">Buka Akta kematian');
    expect(page).toContain(
      '<a href="/staff/claims/SNT-2026-7KQ4MZ/documents/2" target="_blank" rel="noopener">Buka Kartu Keluarga (KK) (JPEG, 88 KB)</a>',
    );
    expect(page).toContain('<option value="HEIR_NOT_ENTITLED">Pengaju bukan ahli waris');
  });

  it('shows the decision note of the audit trail, and which document was opened', () => {
    const trail = /<ol class="timeline" id="audit">([\s\S]*?)<\/ol>/.exec(render())![1]!;
    expect(trail).toContain('<strong>Klaim disetujui</strong> · Petugas: ani<br><q>Catatan: Akta asli, dicek ke Dukcapil.</q>');
    expect(trail).toContain('<strong>Dokumen dibuka</strong> · Petugas: ani<br>Dokumen: Akta kematian atau surat keterangan kematian');
  });
});

describe('the decision note in the audit trail', () => {
  const deps = () => {
    const claims = new InMemoryClaimStore();
    claims.put(claim);
    const answered: string[] = [];
    return {
      claims,
      answered,
      deps: {
        claims,
        workflow: { succeed: async (token: string) => void answered.push(token) },
        notifier: new RecordingNotifier(),
        messages: undefined as never,
        staffEmails: { approver: [], supervisor: [], finance: [], admin: [] },
      },
    };
  };

  it('is kept with the approval, numbers that may be a NIK, an account or a phone masked', async () => {
    const { claims, deps: d } = deps();
    await decide(
      d as never,
      claim.reference,
      approver,
      { decision: 'approve', note: 'Cek KTP 3173014107850003, telp +62 812-3456-7890.' },
      'http://x',
    );
    const event = (await claims.auditTrail(claim.reference)).find((e) => e.type === 'CLAIM_APPROVED')!;
    expect(event.details).toMatchObject({ role: 'approver', note: 'Cek KTP ************0003, telp *********7890.' });
  });

  it('masks runs of 8 or more digits only (amounts and dates stay)', () => {
    expect(maskNumbersInText('Rp42.000.000 pada 3/10/2026; rekening 0123 0100 0123 456')).toBe(
      'Rp42.000.000 pada 3/10/2026; rekening ***********3456',
    );
  });
});

describe('opening a document', () => {
  const signed: { key: string; contentType: string; seconds: number }[] = [];
  const links: DocumentLinks = {
    viewUrl: async (key, contentType, seconds) => {
      signed.push({ key, contentType, seconds });
      return `https://bucket.example/${key}?sig`;
    },
  };
  const store = () => {
    const claims = new InMemoryClaimStore();
    claims.put(claim);
    claims.put({ ...claim, reference: 'SNT-2026-BCDFGH', documents: [claim.documents[0]!] });
    return claims;
  };

  it('audits the view (who, when, which type; no personal data) before it signs a 60-second link', async () => {
    const claims = store();
    const now = () => new Date('2026-10-05T04:00:00Z');
    const { url } = await viewDocument({ claims, links, now }, claim.reference, '2', { username: 'vera', roles: ['verifier'] });
    expect(url).toBe('https://bucket.example/uploads/2026/10/03/u2?sig');
    expect(signed.at(-1)).toEqual({ key: 'uploads/2026/10/03/u2', contentType: 'image/jpeg', seconds: DOCUMENT_LINK_SECONDS });
    expect(DOCUMENT_LINK_SECONDS).toBeLessThanOrEqual(60);
    const event = (await claims.auditTrail(claim.reference)).at(-1)!;
    expect(event).toMatchObject({
      type: 'DOCUMENT_VIEWED',
      at: '2026-10-05T11:00:00.000+07:00',
      actor: { kind: 'staff', id: 'vera' },
      details: { role: 'verifier', document: 2, documentType: 'FAMILY_CARD', contentType: 'image/jpeg' },
    });
    expect(JSON.stringify(event)).not.toMatch(/3173|Ahmad|Siti|uploads\//);
  });

  it("refuses a number the claim does not have (another claim's document cannot be named), and non-staff", async () => {
    const claims = store();
    const before = signed.length;
    for (const n of ['3', '0', '-1', '1.5', 'abc', '01', '2'.repeat(5)])
      await expect(viewDocument({ claims, links }, 'SNT-2026-BCDFGH', n, approver)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(viewDocument({ claims, links }, 'SNT-2026-ZZZZZZ', '1', approver)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(viewDocument({ claims, links }, claim.reference, '1', { username: 'c', roles: ['coordinator'] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(signed.length).toBe(before);
    expect((await claims.auditTrail('SNT-2026-BCDFGH')).filter((e) => e.type === 'DOCUMENT_VIEWED')).toEqual([]);
  });
});
