import * as z from 'zod/mini';
import { isProvinceCode } from '../../reference-data/regions';
import { ROLES, type Role } from '../domain/roles';

/** Usernames: lower case letters, digits, `.`, `_`, `-`, starting with a letter, 3 to 32 characters. */
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/;

const roles = z
  .array(z.enum(ROLES as [Role, ...Role[]], { error: 'staff.role.invalid' }))
  .check(z.minLength(1, 'staff.roles.required'), z.maxLength(ROLES.length, 'staff.roles.invalid'));
const provinces = z
  .array(z.string().check(z.refine((p) => /^\d{2}$/.test(p) && isProvinceCode(p), 'staff.province.invalid')))
  .check(z.maxLength(38, 'staff.provinces.tooMany'));
const districts = z
  .array(z.string().check(z.refine((d) => /^\d{6}$/.test(d) && isProvinceCode(d.slice(0, 2)), 'staff.district.invalid')))
  .check(z.maxLength(100, 'staff.districts.tooMany'));

/** POST /staff/admin/users: a new staff account. Provinces and districts are optional (none: national). */
export const createStaffSchema = z.strictObject({
  username: z.string({ error: 'staff.username.invalid' }).check(z.regex(USERNAME_PATTERN, 'staff.username.invalid')),
  email: z.string({ error: 'staff.email.invalid' }).check(z.maxLength(254, 'staff.email.invalid'), z.email('staff.email.invalid')),
  roles,
  provinces: z.optional(provinces),
  districts: z.optional(districts),
});
export type CreateStaffRequest = z.infer<typeof createStaffSchema>;

/** POST /staff/admin/users/{username}: any of roles, provinces, districts (each replaces the list) and enabled. */
export const updateStaffSchema = z
  .strictObject({
    roles: z.optional(roles),
    provinces: z.optional(provinces),
    districts: z.optional(districts),
    enabled: z.optional(z.boolean({ error: 'staff.enabled.invalid' })),
  })
  .check(z.refine((v) => Object.keys(v).length > 0, { message: 'staff.change.empty', path: ['roles'] }));
export type UpdateStaffRequest = z.infer<typeof updateStaffSchema>;

/** The staff page's forms: checkboxes `roles[i]`, codes typed separated by commas or spaces, `enabled` as text. */
const codes = (v: unknown): unknown => (typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : (v ?? []));
export const staffRequestFromForm = (body: Record<string, unknown>, kind: 'create' | 'update'): Record<string, unknown> => {
  if (kind === 'update' && body.enabled !== undefined) {
    const { enabled, ...rest } = body;
    return { ...rest, enabled: enabled === 'true' ? true : enabled === 'false' ? false : enabled };
  }
  return { ...body, roles: body.roles ?? [], provinces: codes(body.provinces), districts: codes(body.districts) };
};

/** The staff page's create form, as its fields are named: role checkboxes `roles[i]`, codes typed as text. */
export const createStaffFormSchema = z.object({
  username: z.string(),
  email: z.string(),
  roles: z.array(z.enum(ROLES as [Role, ...Role[]])),
  provinces: z.optional(z.string().check(z.maxLength(400))),
  districts: z.optional(z.string().check(z.maxLength(1400))),
});
/** The staff page's forms for one account: roles and scopes, or `enabled` alone (the disable/enable button). */
export const updateStaffFormSchema = z.object({
  roles: z.optional(z.array(z.enum(ROLES as [Role, ...Role[]]))),
  provinces: z.optional(z.string().check(z.maxLength(400))),
  districts: z.optional(z.string().check(z.maxLength(1400))),
  enabled: z.optional(z.enum(['true', 'false'])),
});

/** One staff account as the admin's routes answer it. */
export const staffAccountSchema = z.object({
  username: z.string(),
  email: z.string(),
  roles: z.array(z.enum(ROLES as [Role, ...Role[]])),
  provinces: z.array(z.string()),
  districts: z.array(z.string()),
  enabled: z.boolean(),
  createdAt: z.optional(z.string()),
});
export const staffAccountListSchema = z.object({ items: z.array(staffAccountSchema) });
