/** A roster member as the sponsor reports it (handbook api.md, roster CSV). */
export const MEMBER_STATUSES = ['active', 'inactive', 'deceased'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export interface Member {
  nik: string;
  name: string;
  program: string;
  kpj?: string;
  province: string;
  regency: string;
  district: string;
  enrolledOn: string;
  /** Integer rupiah: the wage or declared income reported for the member (the JKK wage base). */
  monthlyWage: number;
  phone?: string;
  status: MemberStatus;
  /** Every status change with the date it took effect and when we recorded it. */
  statusHistory: { status: MemberStatus; on: string; recordedAt: string }[];
  updatedAt: string;
}

/** Premium coverage categories of one member and month (the reconciliation writes them; docs/data-model.md). */
export const COVERAGE_CATEGORIES = ['PAID', 'UNPAID', 'UNDERPAID', 'OVERPAID', 'PAID_FOR_INACTIVE', 'UNKNOWN_MEMBER'] as const;
export type CoverageCategory = (typeof COVERAGE_CATEGORIES)[number];

export interface Coverage {
  nik: string;
  period: string; // YYYY-MM, Asia/Jakarta
  category: CoverageCategory;
  expected: { jkk: number; jkm: number; total: number };
  paid: { jkk: number; jkm: number; total: number };
  receipts: string[];
  reconciledAt: string;
}
