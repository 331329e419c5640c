import type { ClaimStore } from '../../claims/application/ports';
import { normalizeReference } from '../../claims/domain/reference';
import type { RosterStore } from '../../premiums/application/ports';
import type { StaffUser } from '../domain/roles';
import { isNational, type Place, placeOfClaim, placeOfMember, requireInScope, requireNational } from '../domain/scope';

/** How the guard finds where a claim or a member belongs (only the handlers whose routes name one need them). */
export interface ScopeLookups {
  claimPlace?: (reference: string) => Promise<Place | undefined>;
  memberPlace?: (nik: string) => Promise<Place | undefined>;
}

export const claimPlaces = (claims: Pick<ClaimStore, 'get'>) => async (reference: string) => {
  const claim = await claims.get(normalizeReference(reference));
  return claim && placeOfClaim(claim);
};

/** A member not on the roster is placed by the NIK: the route's own 404 follows for those in scope. */
export const memberPlaces = (members: Pick<RosterStore, 'get'>) => async (nik: string) => placeOfMember(nik, await members.get(nik));

/**
 * Staff routes without a claim or member in their path that answer a scoped user with their scope's share: the
 * handler filters what it lists with `inScope`. Any other such route is national (imports, reconciliations, staff
 * accounts): a scoped user gets 403 there, so a route added later is closed to scoped users until it says otherwise.
 */
export const SCOPE_FILTERED_ROUTES: readonly string[] = [
  'GET /staff/claims',
  'GET /staff/search',
  'GET /staff/reports',
  'GET /staff/reports/summary',
];

/**
 * The one scope check of every staff route, called by each staff handler right after the role check: national users
 * pass; for a scoped user, a route naming a claim (`{reference}`) or a member (`{nik}`) answers 404 unless it is in
 * their scope (as if it did not exist), a filtered list passes (the handler filters), anything else is 403.
 */
export const enforceScope = async (
  user: StaffUser,
  request: { route: string; params: Record<string, string | undefined> },
  lookups: ScopeLookups,
): Promise<void> => {
  if (isNational(user)) return;
  const { reference, nik } = request.params;
  if (reference !== undefined) {
    if (!lookups.claimPlace) throw new Error(`${request.route} names a claim but its handler gave no claim lookup`);
    return requireInScope(user, await lookups.claimPlace(reference), 'No claim with this reference.');
  }
  if (nik !== undefined) {
    if (!lookups.memberPlace) throw new Error(`${request.route} names a member but its handler gave no member lookup`);
    return requireInScope(user, await lookups.memberPlace(nik), 'No member with this NIK.');
  }
  if (SCOPE_FILTERED_ROUTES.includes(request.route)) return;
  requireNational(user);
};
