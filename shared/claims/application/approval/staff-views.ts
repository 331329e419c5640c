import { NotFoundError } from '../../../kernel/errors';
import type { ClaimStore } from '../ports';

/** The whole claim with its audit trail, for staff. The task token itself never leaves the store. */
export const claimForStaff = async (claims: ClaimStore, reference: string) => {
  const claim = await claims.get(reference);
  if (!claim) throw new NotFoundError('No claim with this reference.');
  const audit = await claims.auditTrail(reference);
  return { claim, audit };
};
