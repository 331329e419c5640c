import type { Coverage, Member } from '../../shared/premiums/domain/member';

/**
 * A roster member for tests: an active TKSK member since 2019 with a wage of Rp1,000,000 (JKK Rp10,000 + JKM
 * Rp6,800 a month), the region codes taken from the NIK. Override what the test is about.
 */
export const aMember = (overrides: Partial<Member> = {}): Member => {
  const nik = overrides.nik ?? '3173014107850003';
  const enrolledOn = overrides.enrolledOn ?? '2019-01-01';
  return {
    nik,
    name: 'Siti Aminah',
    program: 'TKSK',
    province: nik.slice(0, 2),
    regency: nik.slice(0, 4),
    district: nik.slice(0, 6),
    enrolledOn,
    monthlyWage: 1_000_000,
    status: 'active',
    statusHistory: [{ status: 'active', on: enrolledOn, recordedAt: '2019-01-01T00:00:00+07:00' }],
    updatedAt: '2026-01-01T00:00:00+07:00',
    ...overrides,
  };
};

/** The coverage of a month the sponsor paid in full for aMember's wage (JKK Rp10,000 + JKM Rp6,800). */
export const paidMonth = (nik: string, period: string, overrides: Partial<Coverage> = {}): Coverage => ({
  nik,
  period,
  category: 'PAID',
  expected: { jkk: 10_000, jkm: 6_800, total: 16_800 },
  paid: { jkk: 10_000, jkm: 6_800, total: 16_800 },
  receipts: ['R-1'],
  reconciledAt: '2026-11-01T01:00:00+07:00',
  ...overrides,
});
