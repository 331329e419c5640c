import { NotFoundError, ValidationError } from '../../../kernel/errors';
import { CLAIM_STATUSES, type Claim, type ClaimStatus } from '../../domain/claim';
import type { ClaimStore } from '../ports';

/** One page of a staff queue: the claims in one status, newest first, with what a verifier scans for. */
/**
 * A cursor of the status index as the store hands it out: exactly its four key attributes, for the status asked,
 * of key sizes DynamoDB accepts. Anything else (another index, a forged key) is refused before it reaches the store.
 */
const CURSOR_KEYS = ['gsi1pk', 'gsi1sk', 'pk', 'sk'];
const isQueueCursor = (cursor: Record<string, unknown>, status: string): boolean =>
  Object.keys(cursor).sort().join() === CURSOR_KEYS.join() &&
  Object.values(cursor).every((v) => typeof v === 'string' && v.length > 0 && v.length <= 200) &&
  cursor.gsi1pk === `STATUS#${status}` &&
  cursor.sk === 'CLAIM' &&
  String(cursor.pk).startsWith('CLAIM#');

/** How many store pages one queue page may read to fill itself for a user who sees only some claims (a scope). */
const MAX_PAGES_PER_QUEUE_PAGE = 10;

/**
 * `visible`: the claims the user may see (their provinces or districts). For a scoped user the queue reads on until
 * the page is full, the status has no more claims, or ten store pages were read; `next` then continues after them.
 */
export const claimQueue = async (
  claims: ClaimStore,
  rawStatus: string,
  cursor?: Record<string, unknown>,
  limit = 50,
  visible: (claim: Claim) => boolean = () => true,
) => {
  const status = rawStatus.toUpperCase();
  if (!(CLAIM_STATUSES as readonly string[]).includes(status)) {
    throw new ValidationError([{ path: 'status', code: 'invalid' }], `status must be one of ${CLAIM_STATUSES.join(', ')}.`);
  }
  if (cursor && !isQueueCursor(cursor, status))
    throw new ValidationError([{ path: 'nextToken', code: 'invalid' }], 'nextToken is not one this API gave out.');
  let page = await claims.listByStatus(status as ClaimStatus, limit, cursor);
  const seen = page.items.filter(visible);
  for (let read = 1; seen.length < limit && page.next && read < MAX_PAGES_PER_QUEUE_PAGE; read++) {
    page = await claims.listByStatus(status as ClaimStatus, limit, page.next);
    seen.push(...page.items.filter(visible));
  }
  const items = seen.map((c) => ({
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
