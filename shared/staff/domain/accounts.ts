import { ConflictError } from '../../kernel/errors';
import { DISTRICT_GROUP_PREFIX, PROVINCE_GROUP_PREFIX, type Role, scopeFromGroups } from './roles';

/** A staff account as the admin page shows it: its roles and scopes are its groups (Cognito groups in AWS). */
export interface StaffAccount {
  username: string;
  email: string;
  roles: Role[];
  provinces: string[];
  districts: string[];
  enabled: boolean;
  createdAt?: string;
}

/** What an admin sets on an account: any of roles, provinces, districts (each replaces the whole list), enabled. */
export interface StaffChange {
  roles?: Role[];
  provinces?: string[];
  districts?: string[];
  enabled?: boolean;
}

/** The groups that carry an account's roles and scopes. */
export const groupsOf = (a: { roles: readonly Role[]; provinces?: readonly string[]; districts?: readonly string[] }): string[] => [
  ...a.roles,
  ...(a.provinces ?? []).map((p) => `${PROVINCE_GROUP_PREFIX}${p}`),
  ...(a.districts ?? []).map((d) => `${DISTRICT_GROUP_PREFIX}${d}`),
];

export const accountOf = (user: { username: string; email: string; enabled: boolean; createdAt?: string }, groups: readonly string[]) => {
  const { roles, provinces, districts } = scopeFromGroups(groups);
  return { ...user, roles, provinces, districts } satisfies StaffAccount;
};

/** The groups to add and to remove so that `current` becomes `next` (only groups that carry a role or a scope). */
export const groupChanges = (current: StaffAccount, change: StaffChange): { add: string[]; remove: string[] } => {
  const before = new Set(groupsOf(current));
  const after = new Set(
    groupsOf({
      roles: change.roles ?? current.roles,
      provinces: change.provinces ?? current.provinces,
      districts: change.districts ?? current.districts,
    }),
  );
  return { add: [...after].filter((g) => !before.has(g)), remove: [...before].filter((g) => !after.has(g)) };
};

/**
 * An admin cannot lock themselves out: no removing their own admin role, no disabling their own account, no
 * limiting their own account to provinces or districts (the staff accounts are a national route). Another admin must.
 */
export const checkNotSelfLockout = (admin: string, target: StaffAccount, change: StaffChange): void => {
  if (admin !== target.username) return;
  if (change.enabled === false)
    throw new ConflictError('SELF_LOCKOUT', 'You cannot disable your own account. Ask another admin.', { field: 'enabled' });
  if (change.roles && !change.roles.includes('admin'))
    throw new ConflictError('SELF_LOCKOUT', 'You cannot remove your own admin role. Ask another admin.', { field: 'roles' });
  if ((change.provinces?.length ?? 0) > 0 || (change.districts?.length ?? 0) > 0)
    throw new ConflictError('SELF_LOCKOUT', 'You cannot limit your own account to provinces or districts. Ask another admin.', {
      field: 'provinces',
    });
};
