/** Staff roles: Cognito groups in AWS, the twin's seeded users locally. */
export const STAFF_ROLES = ['verifier', 'approver', 'supervisor', 'finance', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
