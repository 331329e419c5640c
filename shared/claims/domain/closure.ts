import { type Text, texts } from '../../messages';
import type { ClaimStatus } from './claim';

/**
 * Why staff close a claim before a decision, what status it closes in, and (shared/messages `closeReason.*`) what
 * the family reads. WITHDRAWN: nobody decided against the family (they asked, or it was filed by mistake); REJECTED:
 * a decision the family may contest.
 */
export const CLOSE_REASONS = {
  WITHDRAWN_BY_FAMILY: 'WITHDRAWN',
  FILED_IN_ERROR: 'WITHDRAWN',
  COMPETING_CLAIM_PREFERRED: 'REJECTED',
  SUSPECTED_FRAUD: 'REJECTED',
  DOCUMENTS_NOT_SENT: 'REJECTED',
  OTHER: 'REJECTED',
} as const satisfies Record<string, Extract<ClaimStatus, 'WITHDRAWN' | 'REJECTED'>>;
export type CloseReason = keyof typeof CLOSE_REASONS;
export const CLOSE_REASON_CODES = Object.keys(CLOSE_REASONS) as CloseReason[];
export const CLOSE_REASON_TEXTS: Record<CloseReason, Text> = texts('closeReason', CLOSE_REASON_CODES);

/**
 * The statuses a claim can be closed from: before approval. An approved claim may already be at the bank, and a
 * failed payout may have reached it (a timeout): those are finance's to retry, never to close.
 */
export const CLOSABLE: readonly ClaimStatus[] = ['SUBMITTED', 'VERIFYING', 'NEEDS_DOCUMENTS', 'AWAITING_APPROVAL'];

/** The roles that may close a claim (api: `POST /staff/claims/{reference}/close`). */
export const CLOSE_ROLES = ['supervisor'] as const;
