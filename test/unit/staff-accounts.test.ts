import { ConflictError, ValidationError } from '../../shared/kernel/errors';
import { validate } from '../../shared/kernel/validate';
import { checkNotSelfLockout, groupChanges, groupsOf, type StaffAccount } from '../../shared/staff/domain/accounts';
import { createStaffSchema, staffRequestFromForm, updateStaffSchema } from '../../shared/staff/schemas/accounts';

const fieldsOf = (schema: Parameters<typeof validate>[0], input: unknown): Record<string, string> => {
  try {
    validate(schema, input);
    return {};
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return Object.fromEntries(error.fields.map((f) => [f.path, f.code]));
  }
};

const valid = { username: 'rina.verifier', email: 'rina@santunan.local', roles: ['verifier'] };

describe('a new staff account', () => {
  it('takes a username, an email, known roles, known 2-digit provinces and 6-digit districts in a known province', () => {
    expect(fieldsOf(createStaffSchema, { ...valid, provinces: ['31', '94'], districts: ['317301'] })).toEqual({});
    expect(fieldsOf(createStaffSchema, valid)).toEqual({});
  });

  it('refuses each bad field with its own code', () => {
    expect(
      fieldsOf(createStaffSchema, { username: 'Rina', email: 'rina@', roles: ['root'], provinces: ['99'], districts: ['990101'] }),
    ).toEqual({
      username: 'staff.username.invalid',
      email: 'staff.email.invalid',
      'roles[0]': 'staff.role.invalid',
      'provinces[0]': 'staff.province.invalid',
      'districts[0]': 'staff.district.invalid',
    });
    for (const username of ['ab', '1rina', 'rina verifier', 'a'.repeat(33), 'rina/..', 'RINA'])
      expect(fieldsOf(createStaffSchema, { ...valid, username })).toEqual({ username: 'staff.username.invalid' });
    expect(fieldsOf(createStaffSchema, { ...valid, roles: [] })).toEqual({ roles: 'staff.roles.required' });
    expect(fieldsOf(createStaffSchema, { ...valid, provinces: ['3'] })).toEqual({ 'provinces[0]': 'staff.province.invalid' });
    expect(fieldsOf(createStaffSchema, { ...valid, districts: ['31730'] })).toEqual({ 'districts[0]': 'staff.district.invalid' });
    // Nothing else is taken: no password, no groups by another name.
    expect(Object.keys(fieldsOf(createStaffSchema, { ...valid, groups: ['admin'] }))).toHaveLength(1);
  });
});

describe('a change to an account', () => {
  it('takes any of roles, provinces, districts, enabled; nothing at all is refused', () => {
    expect(fieldsOf(updateStaffSchema, { enabled: false })).toEqual({});
    expect(fieldsOf(updateStaffSchema, { provinces: [] })).toEqual({});
    expect(fieldsOf(updateStaffSchema, {})).toEqual({ roles: 'staff.change.empty' });
    expect(fieldsOf(updateStaffSchema, { enabled: 'no' })).toEqual({ enabled: 'staff.enabled.invalid' });
  });

  it('reads the page forms: role checkboxes, codes typed with commas or spaces, enabled alone', () => {
    expect(staffRequestFromForm({ username: 'x', roles: ['verifier'], provinces: '31, 32 ,33' }, 'create')).toEqual({
      username: 'x',
      roles: ['verifier'],
      provinces: ['31', '32', '33'],
      districts: [],
    });
    // No box ticked: no roles (refused as such), not "unchanged".
    expect(staffRequestFromForm({}, 'update')).toEqual({ roles: [], provinces: [], districts: [] });
    expect(staffRequestFromForm({ enabled: 'false' }, 'update')).toEqual({ enabled: false });
  });
});

const account = (over: Partial<StaffAccount> = {}): StaffAccount => ({
  username: 'admin',
  email: 'admin@santunan.local',
  roles: ['admin'],
  provinces: [],
  districts: [],
  enabled: true,
  ...over,
});

describe('groups and self-lockout', () => {
  it('an account is its groups; a change adds and removes only what differs', () => {
    expect(groupsOf({ roles: ['verifier'], provinces: ['31'], districts: ['317301'] })).toEqual([
      'verifier',
      'province:31',
      'district:317301',
    ]);
    expect(
      groupChanges(account({ roles: ['verifier'], provinces: ['31'] }), { roles: ['verifier', 'approver'], provinces: ['32'] }),
    ).toEqual({
      add: ['approver', 'province:32'],
      remove: ['province:31'],
    });
    expect(groupChanges(account(), { enabled: false })).toEqual({ add: [], remove: [] });
  });

  it('an admin cannot remove their own admin role, disable or scope themselves; another admin may', () => {
    for (const change of [{ roles: ['verifier' as const] }, { enabled: false }, { provinces: ['31'] }, { districts: ['317301'] }])
      expect(() => checkNotSelfLockout('admin', account(), change)).toThrow(ConflictError);
    expect(() => checkNotSelfLockout('admin', account(), { roles: ['admin', 'finance'] })).not.toThrow();
    expect(() => checkNotSelfLockout('admin2', account(), { enabled: false, roles: ['verifier'] })).not.toThrow();
  });
});
