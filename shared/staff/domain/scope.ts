import { ForbiddenError, NotFoundError } from '../../kernel/errors';
import type { StaffUser } from './roles';

/**
 * Where a claim or a member belongs, for scopes: the 2-digit Kemendagri province code and, when known, the 6-digit
 * district code (the district's first two digits are its province).
 */
export interface Place {
  province: string;
  district?: string;
}

const DISTRICT = /^\d{6}$/;

/**
 * The place of a claim: its district when known (the roster's district of the member, kept on the claim by
 * verification or by a coordinator's filing), else the province of the member's NIK (its first two digits, the
 * province where the KTP was issued). A claim not yet verified is placed by the NIK, so it is never out of every scope.
 */
export const placeOfClaim = (claim: { district?: string; member: { nik: string } }): Place =>
  claim.district && DISTRICT.test(claim.district)
    ? { province: claim.district.slice(0, 2), district: claim.district }
    : { province: claim.member.nik.slice(0, 2) };

/** The place of a member: the roster's district when the member is on it, else the province of the NIK. */
export const placeOfMember = (nik: string, member?: { district?: string }): Place =>
  member?.district && DISTRICT.test(member.district)
    ? { province: member.district.slice(0, 2), district: member.district }
    : { province: nik.slice(0, 2) };

/** A user without province or district groups is national: every claim and member, and the national routes. */
export const isNational = (user: StaffUser): boolean => !user.provinces?.length && !user.districts?.length;

/** Whether the place is within the user's scope: national, one of their provinces, or one of their districts. */
export const inScope = (user: StaffUser, place: Place): boolean =>
  isNational(user) ||
  (user.provinces ?? []).includes(place.province) ||
  (place.district !== undefined && (user.districts ?? []).includes(place.district));

/**
 * The one answer to a claim or member outside the user's scope: 404, as for one that does not exist, so a scoped
 * user cannot learn which references or NIKs exist elsewhere (docs/security.md).
 */
export const requireInScope = (user: StaffUser, place: Place | undefined, notFound = 'Not found.'): void => {
  if (!place || !inScope(user, place)) throw new NotFoundError(notFound);
};

/** A national route (imports, reconciliations, staff accounts): a scoped user gets 403. */
export const requireNational = (user: StaffUser): void => {
  if (!isNational(user)) throw new ForbiddenError('This needs a national account: yours is limited to some provinces or districts.');
};
