import { ForbiddenError } from '../../kernel/errors';

/** Staff roles: Cognito groups in AWS, the twin's seeded users locally. Every staff route needs one of them. */
export const STAFF_ROLES = ['verifier', 'approver', 'supervisor', 'finance', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * Field roles: people who sign in but are not staff of the sponsor's office. A field coordinator (TKSK coordinator)
 * files claims for families and follows the claims of their districts, nothing else: no staff route admits the role.
 */
export const FIELD_ROLES = ['coordinator'] as const;
export type FieldRole = (typeof FIELD_ROLES)[number];

export type Role = StaffRole | FieldRole;
export const ROLES: readonly Role[] = [...STAFF_ROLES, ...FIELD_ROLES];

/**
 * A district scope is a group named `district:<6-digit Kemendagri district code>` (Cognito groups in AWS, so the
 * access token carries it; the twin's users locally). A coordinator sees and files only in their districts.
 */
export const DISTRICT_GROUP_PREFIX = 'district:';
export const districtGroup = (district: string): string => `${DISTRICT_GROUP_PREFIX}${district}`;
const DISTRICT_CODE = /^\d{6}$/;

/**
 * A province scope is a group named `province:<2-digit Kemendagri province code>`. A staff member with province groups
 * sees and acts only on the claims and members of those provinces (shared/staff/domain/scope.ts); without any, they
 * are national.
 */
export const PROVINCE_GROUP_PREFIX = 'province:';
export const provinceGroup = (province: string): string => `${PROVINCE_GROUP_PREFIX}${province}`;
const PROVINCE_CODE = /^\d{2}$/;

/** A signed-in person, as every use case sees them (however the token was checked). */
export interface StaffUser {
  username: string;
  roles: Role[];
  /** The districts a coordinator is scoped to (empty: none). */
  districts?: string[];
  /** The provinces a staff member is scoped to (absent or empty, and no districts: national). */
  provinces?: string[];
}

/** The codes of the groups `<prefix><code>` whose code matches `pattern`, sorted, without repeats. */
const codesOf = (names: readonly string[], prefix: string, pattern: RegExp): string[] => [
  ...new Set(
    names
      .filter((g) => g.startsWith(prefix))
      .map((g) => g.slice(prefix.length))
      .filter((c) => pattern.test(c)),
  ),
];

/** Roles, district and province scopes from a token's groups; anything else in the groups is ignored. */
export const scopeFromGroups = (groups: readonly unknown[]): { roles: Role[]; districts: string[]; provinces: string[] } => {
  const names = groups.filter((g): g is string => typeof g === 'string');
  const roles = names.filter((g): g is Role => (ROLES as readonly string[]).includes(g));
  return {
    roles,
    districts: codesOf(names, DISTRICT_GROUP_PREFIX, DISTRICT_CODE).sort(),
    provinces: codesOf(names, PROVINCE_GROUP_PREFIX, PROVINCE_CODE).sort(),
  };
};

/** The first of `allowed` that the user holds, or ForbiddenError naming the roles that would do. */
export const requireRole = <R extends Role>(user: StaffUser, allowed: readonly R[]): R => {
  const role = allowed.find((r) => user.roles.includes(r));
  if (!role) throw new ForbiddenError(`This needs the role ${allowed.join(' or ')}.`);
  return role;
};

/** A coordinator's district check: the district must be one of theirs, else ForbiddenError (nothing else is said). */
export const requireDistrict = (user: StaffUser, district: string | undefined): void => {
  if (!district || !(user.districts ?? []).includes(district)) throw new ForbiddenError('This member is not in your districts.');
};
