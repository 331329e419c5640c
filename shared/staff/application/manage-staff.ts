import { ConflictError, NotFoundError } from '../../kernel/errors';
import { checkNotSelfLockout, groupChanges, groupsOf, type StaffAccount, type StaffChange } from '../domain/accounts';
import { requireRole, type StaffUser } from '../domain/roles';
import { requireNational } from '../domain/scope';
import type { CreateStaffRequest } from '../schemas/accounts';
import type { StaffAuditLog, StaffDirectory } from './ports';

export interface StaffAdminDeps {
  directory: StaffDirectory;
  audit: StaffAuditLog;
  now?: () => Date;
}

/** Staff accounts are managed by a national admin only. */
const requireAdmin = (user: StaffUser) => {
  requireRole(user, ['admin']);
  requireNational(user);
};

const snapshot = ({ createdAt: _c, ...a }: StaffAccount) => a;

export const listStaff = async (deps: StaffAdminDeps, user: StaffUser): Promise<StaffAccount[]> => {
  requireAdmin(user);
  return (await deps.directory.list()).sort((a, b) => a.username.localeCompare(b.username));
};

/** Creates an account (Cognito sends its temporary password by email) and records who did it. */
export const createStaff = async (deps: StaffAdminDeps, user: StaffUser, input: CreateStaffRequest): Promise<StaffAccount> => {
  requireAdmin(user);
  if (await deps.directory.get(input.username)) throw new ConflictError('USERNAME_TAKEN', 'This username is taken.', { field: 'username' });
  const account = {
    username: input.username,
    email: input.email,
    roles: [...new Set(input.roles)] as StaffAccount['roles'],
    provinces: [...new Set(input.provinces ?? [])].sort(),
    districts: [...new Set(input.districts ?? [])].sort(),
    enabled: true,
  };
  await deps.directory.create({ username: account.username, email: account.email, groups: groupsOf(account) });
  const at = (deps.now?.() ?? new Date()).toISOString();
  await deps.audit.record({ at, by: user.username, username: account.username, action: 'CREATED', change: { ...input }, after: account });
  return { ...account, createdAt: at };
};

/** Changes roles, scopes or whether the account may sign in; an admin cannot lock themselves out. */
export const changeStaff = async (deps: StaffAdminDeps, user: StaffUser, username: string, change: StaffChange): Promise<StaffAccount> => {
  requireAdmin(user);
  const current = await deps.directory.get(username);
  if (!current) throw new NotFoundError('No staff account with this username.');
  checkNotSelfLockout(user.username, current, change);
  const normalized: StaffChange = {
    ...(change.roles ? { roles: [...new Set(change.roles)] } : {}),
    ...(change.provinces ? { provinces: [...new Set(change.provinces)].sort() } : {}),
    ...(change.districts ? { districts: [...new Set(change.districts)].sort() } : {}),
    ...(change.enabled !== undefined ? { enabled: change.enabled } : {}),
  };
  const { add, remove } = groupChanges(current, normalized);
  if (add.length || remove.length) await deps.directory.changeGroups(username, add, remove);
  if (normalized.enabled !== undefined && normalized.enabled !== current.enabled)
    await deps.directory.setEnabled(username, normalized.enabled);
  const after: StaffAccount = {
    ...current,
    roles: normalized.roles ?? current.roles,
    provinces: normalized.provinces ?? current.provinces,
    districts: normalized.districts ?? current.districts,
    enabled: normalized.enabled ?? current.enabled,
  };
  await deps.audit.record({
    at: (deps.now?.() ?? new Date()).toISOString(),
    by: user.username,
    username,
    action: 'CHANGED',
    change: { ...normalized },
    before: snapshot(current),
    after: snapshot(after),
  });
  return after;
};
