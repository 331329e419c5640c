import { queueRow } from '../../shared/claims/application/approval/staff-queues';
import { parseSearch, searchClaims } from '../../shared/claims/application/approval/staff-search';
import type { ClaimQueues } from '../../shared/claims/application/ports';
import type { Claim } from '../../shared/claims/domain/claim';
import { renderStaffQueue } from '../../shared/claims/web/staff-queue-page';
import { renderStaffSearch } from '../../shared/claims/web/staff-search-page';
import { ValidationError } from '../../shared/kernel/errors';
import type { Member } from '../../shared/premiums/domain/member';
import { renderMemberPage } from '../../shared/premiums/web/member-page';

const EVIL = `"><script>alert('x')</script>`;
const verifier = { username: 'verifier', roles: ['verifier'] as const } as unknown as Parameters<typeof renderStaffQueue>[0]['user'];

const aClaim = (over: Partial<Claim> = {}): Claim =>
  ({
    reference: 'SNT-2026-7KQ4MZ',
    status: 'AWAITING_APPROVAL',
    benefit: 'JKM',
    member: { nik: '3173014107850003', name: 'Siti Rahayu' },
    incident: { type: 'death', date: '2026-10-03', cause: 'illness' },
    claimant: { nik: '3173010203800001', name: 'Ahmad Hidayat', relationship: 'spouse' },
    bankAccount: { bankCode: '002', accountNumber: '012301000123456', accountHolder: 'Ahmad Hidayat' },
    documents: [],
    submittedAt: '2026-11-26T10:00:00+07:00',
    updatedAt: '2026-11-30T09:00:00+07:00',
    timeline: [],
    missingDocuments: [],
    version: 1,
    verification: {
      checkedAt: '2026-11-30T09:00:00+07:00',
      flags: [],
      benefit: { ruleSet: 'PP 82/2019', total: 42_000_000, currency: 'IDR', components: [], scholarshipEligible: false },
      approval: { level: 'approver', secondApprovalRequired: false, deadline: '2026-12-03T23:59:59+07:00' },
    },
    ...over,
  }) as Claim;

/** The text a reader sees: tags taken out, entities left (enough to look for codes). */
const visibleText = (page: string) =>
  page
    .replace(/<head>[\s\S]*?<\/head>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

const CODES =
  /\b(AWAITING_APPROVAL|NEEDS_DOCUMENTS|PAYOUT_FAILED|SUBMITTED|REJECTED|UNPAID|UNDERPAID|OVERPAID|PAID_FOR_INACTIVE|active|inactive)\b/;

describe('a queue row: age in working days and the deadline', () => {
  // Verified (complete) on Monday 30 November 2026; JKM's 3 working days end on Thursday 3 December.
  it('on time, due today and late, counted on the working-day calendar', () => {
    const on = queueRow(aClaim(), new Date('2026-12-01T10:00:00+07:00'));
    expect(on).toMatchObject({ complete: true, ageWorkingDays: 1, deadline: { state: 'onTime', daysLeft: 2 } });
    expect(queueRow(aClaim(), new Date('2026-12-03T20:00:00+07:00')).deadline).toMatchObject({ state: 'dueToday' });
    // Friday and Monday past the deadline: two working days late, the weekend not counted.
    const late = queueRow(aClaim(), new Date('2026-12-07T08:00:00+07:00'));
    expect(late).toMatchObject({ ageWorkingDays: 5, deadline: { state: 'late', daysLate: 2 } });
  });

  it('a claim not complete yet has no deadline running and its age counts from submission; a closed one has none', () => {
    const waiting = queueRow(
      aClaim({ status: 'NEEDS_DOCUMENTS', verification: { checkedAt: '2026-11-26T10:05:00+07:00', flags: [] } }),
      new Date('2026-12-01T10:00:00+07:00'),
    );
    // Submitted Thursday 26 November: Friday, Monday, Tuesday.
    expect(waiting).toMatchObject({ complete: false, ageWorkingDays: 3, deadline: { state: 'notComplete' } });
    expect(queueRow(aClaim({ status: 'PAID' }), new Date('2026-12-07T08:00:00+07:00')).deadline).toEqual({ state: 'closed' });
  });

  it('an older claim without a stored deadline gets it counted again from completion (JKK: 7 working days)', () => {
    const claim = aClaim({ benefit: 'JKK' });
    delete (claim.verification!.approval as { deadline?: string }).deadline;
    const row = queueRow(claim, new Date('2026-12-01T10:00:00+07:00'));
    expect(row.deadline).toMatchObject({ state: 'onTime', deadline: '2026-12-09T23:59:59+07:00', daysLeft: 6 });
  });
});

describe('the queue page', () => {
  const now = new Date('2026-12-07T08:00:00+07:00');
  const counts = {
    AWAITING_APPROVAL: { count: 2, capped: false },
    NEEDS_DOCUMENTS: { count: 0, capped: false },
    PAID: { count: 1000, capped: true },
  };

  it('tabs with counts (waiting for a decision first), every code in words, the deadline in words and colour', () => {
    const rows = [
      queueRow(aClaim({ member: { nik: '3173014107850003', name: `Siti ${EVIL}` } }), now),
      queueRow(aClaim({ reference: 'SNT-2026-BCDFGH', verification: undefined, status: 'AWAITING_APPROVAL' }), now),
    ];
    const page = renderStaffQueue({ lang: 'id', user: verifier, queue: 'AWAITING_APPROVAL', rows, counts, nextToken: 'a"b' });
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('Siti &quot;&gt;&lt;script&gt;');
    // The tabs: waiting for a decision first, with its count, marked as the current one; a capped count says so.
    const tabs = page.slice(page.indexOf('<ul class="tabs">'), page.indexOf('</ul>', page.indexOf('<ul class="tabs">')));
    expect(tabs.indexOf('Menunggu persetujuan')).toBeLessThan(tabs.indexOf('Klaim diterima'));
    expect(tabs).toContain(
      '<a href="/staff/claims?status=AWAITING_APPROVAL" aria-current="page">Menunggu persetujuan <span class="count">(2)</span>',
    );
    expect(tabs).toContain('Sudah dibayarkan <span class="count">(1000+)</span>');
    expect(tabs).toContain('<a href="/staff/claims?status=ALL">Semua klaim</a>');
    // Late: red with a mark and the words; the benefit and the amount in words.
    expect(page).toContain('<span class="deadline deadline-late">✗ Terlambat 2 hari kerja (tenggat 3 Desember 2026)</span>');
    expect(page).toContain('JKM (Jaminan Kematian)');
    expect(page).toContain('Rp42.000.000');
    expect(page).toContain('Lengkap sejak 5 hari kerja');
    expect(page).toContain('Belum lengkap: tenggat dihitung sejak klaim lengkap');
    expect(page).toContain('<a href="/staff/claims?status=AWAITING_APPROVAL&amp;nextToken=a%22b" rel="next">Halaman berikutnya</a>');
    // The staff layout: the queue section is current.
    expect(page).toContain('<a href="/staff/claims" aria-current="page">Antrean</a>');
    expect(visibleText(page)).not.toMatch(CODES);
  });

  it('on time and due today carry their own words and colours', () => {
    const ok = renderStaffQueue({
      lang: 'id',
      user: verifier,
      queue: 'AWAITING_APPROVAL',
      rows: [queueRow(aClaim(), new Date('2026-12-01T10:00:00+07:00'))],
      counts,
    });
    expect(ok).toContain('<span class="deadline deadline-ok">✓ Tepat waktu: sisa 2 hari kerja (tenggat 3 Desember 2026)</span>');
    const today = renderStaffQueue({
      lang: 'en',
      user: verifier,
      queue: 'AWAITING_APPROVAL',
      rows: [queueRow(aClaim(), new Date('2026-12-03T10:00:00+07:00'))],
      counts,
    });
    expect(today).toContain('<span class="deadline deadline-today">! Due today</span>');
    expect(today).toContain('<html lang="en"');
    expect(today).toContain('href="/staff/claims/SNT-2026-7KQ4MZ?lang=en"');
    expect(today).toContain('href="/staff/claims?status=PAID&amp;lang=en"');
  });

  it('an empty queue says so in words and points to the queues that have claims', () => {
    const page = renderStaffQueue({ lang: 'id', user: verifier, queue: 'NEEDS_DOCUMENTS', rows: [], counts });
    expect(page).toContain('Tidak ada klaim dengan status ini.');
    expect(page).toContain('<a href="/staff/claims?status=AWAITING_APPROVAL">Menunggu persetujuan (2)</a>');
    expect(page).toContain('<a href="/staff/claims?status=PAID">Sudah dibayarkan (1000+)</a>');
    expect(page).not.toContain('<ul class="cards queue"');
    const nothingAnywhere = renderStaffQueue({ lang: 'en', user: verifier, queue: 'APPEALED', rows: [], counts: {} });
    expect(nothingAnywhere).toContain('No claims with this status.');
    expect(nothingAnywhere).toContain('See all claims');
  });

  it("the all view names each claim's status in words", () => {
    const page = renderStaffQueue({
      lang: 'en',
      user: verifier,
      queue: 'ALL',
      rows: [queueRow(aClaim({ status: 'PAYOUT_FAILED' }), now)],
      counts,
    });
    expect(page).toContain('Claim queue: All claims');
    expect(page).toContain('Transfer');
    expect(page).toContain('Newest first.');
    expect(visibleText(page)).not.toMatch(CODES);
  });
});

describe('search input', () => {
  it('tells a reference, a NIK and a name apart, as people type them', () => {
    expect(parseSearch(' snt 2026 7kq4mz ')).toEqual({ kind: 'reference', reference: 'SNT-2026-7KQ4MZ' });
    expect(parseSearch('3173.0141.0785.0003')).toEqual({ kind: 'nik', nik: '3173014107850003' });
    expect(parseSearch('Sri  WÁHYUNI')).toEqual({ kind: 'name', words: ['sri', 'wahyuni'] });
  });

  it.each([
    ['', 'required'],
    ['ab', 'tooShort'],
    ['x'.repeat(101), 'tooLong'],
    ['budi\u0000', 'controlCharacters'],
    ['budi\nsantoso', 'controlCharacters'],
    ['317301410785000', 'nik.length'],
    ['SNT-2026-7KQ', 'reference.format'],
    ['!!!???', 'name.noLetters'],
  ])('%j is a 400 on q (%s)', (q, code) => {
    try {
      parseSearch(q);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fields).toEqual([{ path: 'q', code }]);
    }
  });
});

describe('search over claims', () => {
  const claims = [
    aClaim({
      reference: 'SNT-2026-BBBBBB',
      member: { nik: '3173014107850003', name: 'Sri Wahyuni' },
      submittedAt: '2026-11-02T10:00:00+07:00',
    }),
    aClaim({ reference: 'SNT-2026-CCCCCC', claimant: { nik: '3173010203800001', name: 'Dédé Suryadi', relationship: 'child' } }),
  ];
  const store = {
    get: async (r: string) => claims.find((c) => c.reference === r),
    listAll: async () => ({ items: claims }),
    claimsByNik: async () => [],
  } as unknown as ClaimQueues;
  const members = { get: async () => undefined };

  it("finds names without regard to case or accents, by parts of words, the member's or the claimant's", async () => {
    expect((await searchClaims({ claims: store, members }, 'wahyu')).hits.map((h) => h.reference)).toEqual(['SNT-2026-BBBBBB']);
    const dede = await searchClaims({ claims: store, members }, 'dede sury');
    expect(dede.hits).toMatchObject([{ reference: 'SNT-2026-CCCCCC', matched: ['claimant'] }]);
    expect((await searchClaims({ claims: store, members }, 'santoso')).hits).toEqual([]);
  });

  it('a user limited to provinces finds only the claims and members of theirs, by reference, NIK or name', async () => {
    const outside = aClaim({
      reference: 'SNT-2026-DDDDDD',
      member: { nik: '3201014107850004', name: 'Sri Lestari' },
      submittedAt: '2026-11-03T10:00:00+07:00',
    });
    const all = [...claims, outside];
    const scopedStore = {
      get: async (r: string) => all.find((c) => c.reference === r),
      listAll: async () => ({ items: all }),
      claimsByNik: async (nik: string) => all.filter((c) => c.member.nik === nik).map((claim) => ({ claim, as: ['member'] })),
    } as unknown as ClaimQueues;
    const roster = { get: async (nik: string) => ({ nik, name: 'Sri Lestari', program: 'PKH' }) as Member };
    const jakarta = { username: 'supervisor-dki', roles: ['supervisor' as const], provinces: ['31'] };
    const deps = { claims: scopedStore, members: roster };
    // National: both Sris; limited to DKI Jakarta (31): the one in West Java (32) is as if it did not exist.
    expect((await searchClaims(deps, 'sri')).hits.map((h) => h.reference)).toEqual(['SNT-2026-BBBBBB', 'SNT-2026-DDDDDD']);
    expect((await searchClaims(deps, 'sri', jakarta)).hits.map((h) => h.reference)).toEqual(['SNT-2026-BBBBBB']);
    expect((await searchClaims(deps, 'SNT-2026-DDDDDD', jakarta)).hits).toEqual([]);
    const byNik = await searchClaims(deps, '3201014107850004', jakarta);
    expect(byNik.hits).toEqual([]);
    expect(byNik.member).toBeUndefined();
    expect((await searchClaims(deps, '3201014107850004')).member).toMatchObject({ nik: '3201014107850004' });
  });

  it('the results page links each claim and its member; nothing found is said in words', async () => {
    const result = await searchClaims({ claims: store, members }, 'snt-2026-bbbbbb');
    const page = renderStaffSearch({ lang: 'id', user: verifier, q: 'snt-2026-bbbbbb', result });
    expect(page).toContain('<a href="/staff/claims/SNT-2026-BBBBBB"><strong>SNT-2026-BBBBBB</strong></a> · Menunggu persetujuan');
    expect(page).toContain('<a href="/staff/members/3173014107850003">Sri Wahyuni</a>');
    expect(page).toContain('value="snt-2026-bbbbbb"');
    expect(page).toContain('<a href="/staff/search" aria-current="page">Cari</a>');
    const none = renderStaffSearch({ lang: 'en', user: verifier, q: 'zzz', result: await searchClaims({ claims: store, members }, 'zzz') });
    expect(none).toContain('No claim has this name.');
    const refused = renderStaffSearch({
      lang: 'id',
      user: verifier,
      q: `ab${EVIL}`.slice(0, 2),
      error: 'Ketik paling sedikit 3 karakter.',
    });
    expect(refused).toContain('<p class="err" id="q-error">Ketik paling sedikit 3 karakter.</p>');
    expect(refused).toContain('aria-invalid="true"');
  });
});

describe('the member page', () => {
  const member: Member & { coverage: Parameters<typeof renderMemberPage>[0]['member']['coverage'] } = {
    nik: '3173014107850003',
    name: `Siti ${EVIL}`,
    program: 'TKSK',
    province: '31',
    regency: '3173',
    district: '317301',
    enrolledOn: '2026-06-15',
    monthlyWage: 1_000_000,
    status: 'active',
    statusHistory: [{ status: 'active', on: '2026-06-15', recordedAt: '2026-06-15T10:00:00+07:00' }],
    wageHistory: [{ monthlyWage: 1_000_000, from: '2026-06-15', recordedAt: '2026-06-15T10:00:00+07:00' }],
    updatedAt: '2026-06-15T10:00:00+07:00',
    coverage: [
      {
        period: '2026-06',
        category: 'PAID',
        expected: { jkk: 10000, jkm: 6800, total: 16800 },
        paid: { jkk: 10000, jkm: 6800, total: 16800 },
        receipts: ['R1'],
        reconciledAt: '2026-07-01T01:00:00+07:00',
      },
      {
        period: '2026-07',
        category: 'UNPAID',
        expected: { jkk: 10000, jkm: 6800, total: 16800 },
        paid: { jkk: 0, jkm: 0, total: 0 },
        receipts: [],
        reconciledAt: '2026-08-01T01:00:00+07:00',
      },
    ],
  };

  it('the member, coverage month by month and claims, in words', () => {
    const page = renderMemberPage({
      lang: 'id',
      user: verifier,
      member,
      claims: [
        {
          reference: 'SNT-2026-7KQ4MZ',
          status: 'AWAITING_APPROVAL',
          benefit: 'JKM',
          submittedAt: '2026-11-26T10:00:00+07:00',
          as: ['member'],
        },
      ],
      now: new Date('2026-09-10T10:00:00+07:00'),
    });
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('Tenaga Kesejahteraan Sosial Kecamatan (TKSK)');
    expect(page).toContain('DKI Jakarta, kabupaten/kota 3173, kecamatan 317301');
    expect(page).toContain('15 Juni 2026: Aktif');
    expect(page).toContain('<li class="month month-PAID"><span class="m">Jun</span> ✓ Lunas</li>');
    expect(page).toContain(
      '<li class="month month-UNPAID"><span class="m">Jul</span> ✗ Belum dibayar<span class="amounts"> (dibayar Rp0 dari Rp16.800)</span></li>',
    );
    // August and September are not reconciled yet: said so, not left out.
    expect(page).toContain('<li class="month month-none"><span class="m">Agu</span> Belum ada data</li>');
    expect(page).toContain('<span class="m">Sep</span>');
    expect(page).toContain('<a href="/staff/claims/SNT-2026-7KQ4MZ"><strong>SNT-2026-7KQ4MZ</strong></a> · Menunggu persetujuan');
    expect(visibleText(page)).not.toMatch(CODES);
  });

  it('in English, with no claims', () => {
    const page = renderMemberPage({ lang: 'en', user: verifier, member, claims: [], now: new Date('2026-09-10T10:00:00+07:00') });
    expect(page).toContain('No claims for this NIK yet.');
    expect(page).toContain('Unpaid');
    expect(page).toContain('Active');
  });
});
