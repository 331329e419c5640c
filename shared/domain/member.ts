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
