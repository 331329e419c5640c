import { ForbiddenError } from '../../kernel/errors';

/** Staff roles: Cognito groups in AWS, the twin's seeded users locally. */
export const STAFF_ROLES = ['verifier', 'approver', 'supervisor', 'finance', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A signed-in member of staff, as every use case sees them (however the token was checked). */
export interface StaffUser {
  username: string;
  roles: StaffRole[];
}

/** The first of `allowed` that the user holds, or ForbiddenError naming the roles that would do. */
export const requireRole = (user: StaffUser, allowed: readonly StaffRole[]): StaffRole => {
  const role = allowed.find((r) => user.roles.includes(r));
  if (!role) throw new ForbiddenError(`This needs the role ${allowed.join(' or ')}.`);
  return role;
};
