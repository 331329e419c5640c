import { NotFoundError, ValidationError } from '../../../kernel/errors';
import { CLAIM_STATUSES, type ClaimStatus } from '../../domain/claim';
import type { ClaimStore } from '../ports';

/** One page of a staff queue: the claims in one status, newest first, with what a verifier scans for. */
export const claimQueue = async (claims: ClaimStore, rawStatus: string, cursor?: Record<string, unknown>, limit = 50) => {
  const status = rawStatus.toUpperCase();
  if (!(CLAIM_STATUSES as readonly string[]).includes(status)) {
    throw new ValidationError([{ path: 'status', code: 'invalid' }], `status must be one of ${CLAIM_STATUSES.join(', ')}.`);
  }
  const page = await claims.listByStatus(status as ClaimStatus, limit, cursor);
  const items = page.items.map((c) => ({
    reference: c.reference,
    status: c.status,
    benefit: c.benefit,
    memberName: c.member.name,
    amount: c.verification?.benefit?.total,
    submittedAt: c.submittedAt,
  }));
  return { status: status as ClaimStatus, items, next: page.next };
};
export type QueueItem = Awaited<ReturnType<typeof claimQueue>>['items'][number];

/** The whole claim with its audit trail, for staff. The task token itself never leaves the store. */
export const claimForStaff = async (claims: ClaimStore, reference: string) => {
  const claim = await claims.get(reference);
  if (!claim) throw new NotFoundError('No claim with this reference.');
  const audit = await claims.auditTrail(reference);
  return { claim, audit };
};
