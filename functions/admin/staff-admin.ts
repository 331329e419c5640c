import { signInStarter, staffAuth } from '../../shared/composition/staff-auth';
import { staffAuditLog, staffDirectory } from '../../shared/composition/staff-directory';
import { ConflictError, NotFoundError, UnauthorizedError, ValidationError } from '../../shared/kernel/errors';
import { validate } from '../../shared/kernel/validate';
import { t } from '../../shared/messages';
import { type HttpRequest, httpHandler } from '../../shared/platform/http/handler';
import { type HttpResponse, html, json, redirect, wantsJson } from '../../shared/platform/http/responses';
import { pickLang } from '../../shared/platform/web/i18n';
import { changeStaff, createStaff, listStaff } from '../../shared/staff/application/manage-staff';
import { enforceScope } from '../../shared/staff/application/scope-guard';
import { requireRole, type StaffUser } from '../../shared/staff/domain/roles';
import { createStaffSchema, staffRequestFromForm, USERNAME_PATTERN, updateStaffSchema } from '../../shared/staff/schemas/accounts';
import { type AdminFormState, renderStaffAdminPage } from '../../shared/staff/web/admin-page';

const auth = staffAuth();
const deps = { directory: staffDirectory(), audit: staffAuditLog() };
const startSignIn = signInStarter();

const page = async (request: HttpRequest, user: StaffUser, status = 200, state?: AdminFormState): Promise<HttpResponse> =>
  html(
    status,
    renderStaffAdminPage({
      lang: pickLang(request.query),
      user,
      accounts: await listStaff(deps, user),
      csrfToken: auth.csrfToken(request),
      ...(state ? { state } : {}),
    }),
  );

/** A refused form comes back as the page, the fields marked and the values kept (400), or with the reason (409). */
const refusedForm = async (request: HttpRequest, user: StaffUser, error: unknown, username?: string): Promise<HttpResponse> => {
  const lang = pickLang(request.query);
  const values = (request.body ?? {}) as Record<string, unknown>;
  const target = username === undefined ? {} : { username };
  if (error instanceof ValidationError) return page(request, user, 400, { ...target, errors: error.fields, values });
  if (error instanceof ConflictError && error.code === 'USERNAME_TAKEN')
    return page(request, user, 409, {
      ...target,
      errors: [{ path: 'username', code: 'staff.username.taken' }],
      values,
      message: t('staffAdmin.usernameTaken', lang),
    });
  if (error instanceof ConflictError && error.code === 'SELF_LOCKOUT')
    return page(request, user, 409, { ...target, errors: [], message: t('staffAdmin.selfLockout', lang) });
  throw error;
};

/**
 * The admin's staff accounts: the list (HTML page or JSON), a new account, and a change of roles, scopes or whether
 * it may sign in. A national admin only; every change is recorded with who made it and when.
 */
export const handler = httpHandler(
  async (request) => {
    let user: StaffUser;
    try {
      user = await auth.authenticate(request);
    } catch (error) {
      if (error instanceof UnauthorizedError && request.method === 'GET' && !wantsJson(request.headers)) return startSignIn(request);
      throw error;
    }
    requireRole(user, ['admin']);
    // Staff accounts are a national route: an admin limited to provinces gets 403 (shared/staff/application/scope-guard.ts).
    await enforceScope(user, request, {});
    const fromForm = request.bodyKind === 'form';
    const body = (request.body ?? {}) as Record<string, unknown>;
    switch (request.route) {
      case 'GET /staff/admin/users':
        if (wantsJson(request.headers)) return json(200, { items: await listStaff(deps, user) });
        return page(request, user);
      case 'POST /staff/admin/users': {
        try {
          const input = validate(createStaffSchema, fromForm ? staffRequestFromForm(body, 'create') : body);
          const account = await createStaff(deps, user, input);
          if (fromForm) return redirect(`/staff/admin/users#user-${account.username}`);
          return json(201, account);
        } catch (error) {
          if (fromForm) return refusedForm(request, user, error);
          throw error;
        }
      }
      case 'POST /staff/admin/users/{username}': {
        const username = request.params.username ?? '';
        // Checked before the directory: a forged name of any length never reaches Cognito.
        if (!USERNAME_PATTERN.test(username)) throw new NotFoundError('No staff account with this username.');
        try {
          const change = validate(updateStaffSchema, fromForm ? staffRequestFromForm(body, 'update') : body);
          const account = await changeStaff(deps, user, username, change);
          if (fromForm) return redirect(`/staff/admin/users#user-${account.username}`);
          return json(200, account);
        } catch (error) {
          if (fromForm && !(error instanceof NotFoundError)) return refusedForm(request, user, error, username);
          throw error;
        }
      }
      default:
        throw new NotFoundError();
    }
  },
  { accepts: ['json', 'form'], maxBodyBytes: 8 * 1024, optionalBody: true },
);
