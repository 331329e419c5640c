import type { Coverage, Member } from '../../shared/premiums/domain/member';
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
