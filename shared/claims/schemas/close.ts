import * as z from 'zod/mini';
import { CLOSE_REASON_CODES } from '../domain/closure';

/**
 * POST /staff/claims/{reference}/close (JSON, or the form on the staff claim page): a supervisor closes an open
 * claim before a decision, with a coded reason; `note` is required for `OTHER` (the use case checks it).
 */
export const closeRequestSchema = z.object({
  reasonCode: z.enum(CLOSE_REASON_CODES as [string, ...string[]], { error: 'closeReason.invalid' }),
  note: z.optional(z.string().check(z.maxLength(500, 'tooLong'))),
});
export type CloseRequest = z.infer<typeof closeRequestSchema>;

/** 200: the claim's status after closing (`REJECTED` or `WITHDRAWN`, by the reason). */
export const closeResultSchema = z.object({ status: z.enum(['REJECTED', 'WITHDRAWN']), reasonCode: z.string() });
