import { searchClaims } from '../../shared/claims/application/approval/staff-search';
import { renderStaffSearch } from '../../shared/claims/web/staff-search-page';
import { claimQueues } from '../../shared/composition/claims';
import { membersRepository } from '../../shared/composition/premiums';
import { signInStarter, staffAuth } from '../../shared/composition/staff-auth';
import { NotFoundError, UnauthorizedError, ValidationError } from '../../shared/kernel/errors';
import { CATALOGUE, type MessageKey } from '../../shared/messages';
import { httpHandler } from '../../shared/platform/http/handler';
import { html, json, wantsJson } from '../../shared/platform/http/responses';
import { enforceScope } from '../../shared/staff/application/scope-guard';
import { requireRole, STAFF_ROLES, type StaffUser } from '../../shared/staff/domain/roles';

const auth = staffAuth();
const deps = { claims: claimQueues(), members: membersRepository() };
const startSignIn = signInStarter();

/**
 * `GET /staff/search?q=`: claims by reference, NIK (member or claimant) or name, for any staff. A page for browsers
 * (the box alone without `q`), JSON with `Accept: application/json`. Bad input is a 400 on `q` with the reason, on the
 * page beside the box. Read only; the query is never logged (it may be a NIK).
 */
export const handler = httpHandler(async (request) => {
  const asJson = wantsJson(request.headers);
  let user: StaffUser;
  try {
    user = await auth.authenticate(request);
  } catch (error) {
    if (error instanceof UnauthorizedError && !asJson) return startSignIn(request);
    throw error;
  }
  requireRole(user, STAFF_ROLES);
  // A user limited to provinces searches their share only (searchClaims filters with the same scope rule).
  await enforceScope(user, request, {});
  if (request.route !== 'GET /staff/search') throw new NotFoundError();
  const q = request.query.q;
  const lang = request.lang;
  if (!asJson && q === undefined) return html(200, renderStaffSearch({ lang, user }));
  try {
    const result = await searchClaims(deps, q, user);
    if (asJson) return json(200, { query: result.query, member: result.member, items: result.hits, bounded: result.bounded });
    return html(200, renderStaffSearch({ lang, user, q, result }));
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    // The reason in the reader's language, for the page and the JSON field alike.
    const fields = error.fields.map((f) => ({
      ...f,
      message: CATALOGUE[lang][`staff.search.error.${f.code}` as MessageKey] ?? error.message,
    }));
    if (asJson) throw new ValidationError(fields, error.message);
    // What was typed goes back into the box, without its control characters.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is taken out
    const shown = (q ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, 100);
    return html(400, renderStaffSearch({ lang, user, q: shown, error: fields[0]?.message }));
  }
}, {});
