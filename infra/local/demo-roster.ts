import { firstDayOf, previousPeriod } from '../../shared/kernel/periods';
import { type Coverage, type Member, wageOn } from '../../shared/premiums/domain/member';
import type { PaymentLine } from '../../shared/premiums/domain/payment-row';
import { owesMonth } from '../../shared/premiums/domain/reconciliation';
import { CONTRIBUTION_RULES, contributionFor } from '../../shared/premiums/domain/rules/contributions';
import { PROGRAMMES } from '../../shared/reference-data/programmes';
import { PROVINCES } from '../../shared/reference-data/regions';

/**
 * A deterministic, synthetic roster for the local twin and tests: the same NIKs on every machine, no real person.
 * Sizes follow the handbook: 7,100 TKSK, and samples of PKH (2,000) and BPNT (500) companions.
 */
export const DEMO_PROGRAMS = [
  { program: 'TKSK', count: 7100, wage: 1_000_000 },
  { program: 'PKH', count: 2000, wage: 2_500_000 },
  { program: 'BPNT', count: 500, wage: 1_500_000 },
] as const;

/** The example member of api.md, always present so the documented request works on a fresh twin. */
export const EXAMPLE_MEMBER_NIK = '3173014107850003';

const GIVEN = [
  'Siti',
  'Ahmad',
  'Dewi',
  'Budi',
  'Sri',
  'Agus',
  'Nur',
  'Rina',
  'Joko',
  'Wahyu',
  'Putu',
  'Made',
  'Yohanes',
  'Maria',
  'Andi',
  'Fitri',
  'Hendra',
  'Lestari',
  'Rahmat',
  'Ketut',
];
const FAMILY = [
  'Aminah',
  'Fauzi',
  'Santoso',
  'Wijaya',
  'Lubis',
  'Siregar',
  'Hasibuan',
  'Nasution',
  'Pratama',
  'Saputra',
  'Rahayu',
  'Kurniawan',
  'Hidayat',
  'Simanjuntak',
  'Manurung',
  'Sembiring',
];

/** mulberry32: a tiny seeded PRNG so the roster is identical on every run. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const demoRoster = (recordedAt = '2026-01-01T00:00:00+07:00'): Member[] => {
  const rand = prng(20260101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const provinces = Object.keys(PROVINCES);
  const members: Member[] = [];
  const seen = new Set<string>([EXAMPLE_MEMBER_NIK]);
  members.push(member(EXAMPLE_MEMBER_NIK, 'Siti Aminah', 'TKSK', '2019-01-01', 1_000_000, recordedAt, '+6281234567890'));
  let serial = 1;
  for (const { program, count, wage } of DEMO_PROGRAMS) {
    for (let i = program === 'TKSK' ? 1 : 0; i < count; i += 1) {
      const province = provinces[i % provinces.length]!;
      const regency = `${province}${pad(1 + Math.floor(rand() * 20), 2)}`;
      const district = `${regency}${pad(1 + Math.floor(rand() * 30), 2)}`;
      const female = rand() < 0.45;
      const day = 1 + Math.floor(rand() * 28);
      const birth = `${pad(day + (female ? 40 : 0), 2)}${pad(1 + Math.floor(rand() * 12), 2)}${pad(60 + Math.floor(rand() * 40), 2)}`;
      let nik: string;
      do nik = `${district}${birth}${pad(serial++ % 10000 || 1, 4)}`;
      while (seen.has(nik));
      seen.add(nik);
      const name = rand() < 0.1 ? pick(GIVEN) : `${pick(GIVEN)} ${pick(FAMILY)}`;
      const enrolled = `${2018 + Math.floor(rand() * 6)}-${pad(1 + Math.floor(rand() * 12), 2)}-01`;
      const phone = `+628${pad(1 + Math.floor(rand() * 99), 2)}${pad(Math.floor(rand() * 1e8), 8)}`;
      members.push(member(nik, name, program, enrolled, wage, recordedAt, phone));
    }
  }
  return members;
};

const member = (
  nik: string,
  name: string,
  program: string,
  enrolledOn: string,
  monthlyWage: number,
  recordedAt: string,
  phone?: string,
): Member => ({
  nik,
  name,
  program,
  province: nik.slice(0, 2),
  regency: nik.slice(0, 4),
  district: nik.slice(0, 6),
  enrolledOn,
  monthlyWage,
  phone,
  status: 'active',
  statusHistory: [{ status: 'active', on: enrolledOn, recordedAt }],
  updatedAt: recordedAt,
});

/**
 * Paid premium coverage for the first members of the demo roster (the api.md example member first), month by month
 * from `from` to `to` (YYYY-MM), so that a demo claim passes the workflow's coverage check. The rest of the roster has
 * no coverage: their claims are flagged SPONSOR_ARREARS and go to a supervisor, which the demo can show as well.
 */
export const demoCoverage = (members: readonly Member[], from: string, to: string, reconciledAt: string): Coverage[] => {
  const periods: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  while (`${y}-${pad(m, 2)}` <= to) {
    periods.push(`${y}-${pad(m, 2)}`);
    if (m === 12) {
      y += 1;
      m = 1;
    } else m += 1;
  }
  return members.flatMap((member) =>
    periods.map((period) => ({
      nik: member.nik,
      period,
      category: 'PAID' as const,
      expected: { jkk: 10_000, jkm: 6_800, total: 16_800 },
      paid: { jkk: 10_000, jkm: 6_800, total: 16_800 },
      receipts: [`DEMO-${period}`],
      reconciledAt,
    })),
  );
};

/**
 * The districts of the twin's demo coordinator (`coordinator`): those of the first ten demo members, so the demo and
 * the browser tests have members to file for in them, and many more outside them.
 */
export const demoCoordinatorDistricts = (): string[] =>
  [
    ...new Set(
      demoRoster()
        .slice(0, 10)
        .map((m) => m.district),
    ),
  ].sort();

/** Members of the demo roster with paid coverage since 2024-01 (the example member first): demoCoverage. */
export const DEMO_COVERED_MEMBERS = 21;

/** The months the demo premiums cover: the month before the seed's and the seed's own (what the nightly run reconciles). */
export const demoPremiumMonths = (seedMonth: string): string[] => [previousPeriod(seedMonth), seedMonth];

/**
 * Who the demo premiums leave out or get wrong, by position in the demo roster (so tests can find them), so that the
 * report of each month tells a story. Every other member enrolled by the end of a month is paid in full for it.
 */
export const DEMO_PLANTED = {
  /** The sponsor's arrears: nothing paid for either month (their claims are flagged and go to a supervisor). */
  arrears: [30, 49] as const,
  /** Paid the earlier month, not yet the later one. */
  late: [50, 54] as const,
  /** JKK short by Rp1,000 in the earlier month. */
  underpaid: [55, 57] as const,
  /** Paid twice (a second receipt) in the earlier month. */
  overpaid: [58, 59] as const,
  /** Died on the 20th of the month before the earlier month; the sponsor kept paying both months. */
  deceased: 60,
  /** Paid the later month under a mistyped NIK (the last digit off by one): an unknown NIK, and this member unpaid. */
  mistyped: 61,
} as const;

const inRange = (i: number, [from, to]: readonly [number, number]) => i >= from && i <= to;

/** A NIK one digit off from `nik` (its last digit), that is not `taken`. */
const typoOf = (nik: string, taken: ReadonlySet<string>): string => {
  for (let d = 1; d < 10; d += 1) {
    const typo = `${nik.slice(0, 15)}${(Number(nik[15]) + d) % 10}`;
    if (typo.slice(12) !== '0000' && !taken.has(typo)) return typo;
  }
  throw new Error(`no free typo of ${nik}`);
};

/**
 * The demo premiums of `months` (demoPremiumMonths): the roster as seeded (the planted death applied) and the payment
 * lines of every member who owed a month, less and more where DEMO_PLANTED says, at the rates of
 * rules/contributions.ts for each member's programme and wage. Receipts `DEMO-<period>-<serial>`.
 */
export const demoPremiums = (
  roster: readonly Member[],
  months: readonly string[],
  recordedAt: string,
): { members: Member[]; payments: PaymentLine[] } => {
  const [earlier, later] = [months[0]!, months[months.length - 1]!];
  const members = roster.map((m, i) => {
    if (i !== DEMO_PLANTED.deceased) return m;
    const on = `${previousPeriod(earlier)}-20`;
    return { ...m, status: 'deceased' as const, statusHistory: [...m.statusHistory, { status: 'deceased' as const, on, recordedAt }] };
  });
  const taken = new Set(members.map((m) => m.nik));
  const payments: PaymentLine[] = [];
  members.forEach((member, i) => {
    // The first members' months are paid already (demoCoverage and its DEMO-<period> lines).
    if (i < DEMO_COVERED_MEMBERS) return;
    for (const period of months) {
      if (inRange(i, DEMO_PLANTED.arrears)) continue;
      if (inRange(i, DEMO_PLANTED.late) && period === later) continue;
      // A dead member's months are paid all the same: the sponsor's file did not know.
      if (i !== DEMO_PLANTED.deceased && !owesMonth(member, period)) continue;
      const owed = contributionFor(PROGRAMMES[member.program]!, wageOn(member, firstDayOf(period)), period, CONTRIBUTION_RULES);
      const line = (jkk: number, jkm: number, serial: string, nik = member.nik): PaymentLine => ({
        period,
        nik,
        jkk,
        jkm,
        receiptNo: `DEMO-${period}-${serial}`,
        paidOn: `${period}-10`,
      });
      const serial = String(i).padStart(5, '0');
      if (i === DEMO_PLANTED.mistyped && period === later) payments.push(line(owed.jkk, owed.jkm, serial, typoOf(member.nik, taken)));
      else if (inRange(i, DEMO_PLANTED.underpaid) && period === earlier) payments.push(line(owed.jkk - 1_000, owed.jkm, serial));
      else {
        payments.push(line(owed.jkk, owed.jkm, serial));
        if (inRange(i, DEMO_PLANTED.overpaid) && period === earlier) payments.push(line(owed.jkk, owed.jkm, `${serial}-2`));
      }
    }
  });
  return { members, payments };
};
