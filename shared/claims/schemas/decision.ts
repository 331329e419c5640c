import * as z from 'zod/mini';
import { trancheIdSchema } from './payment';

/**
 * POST /staff/claims/{reference}/decision (JSON, or the form on the staff claim page). A rejection needs a known
 * `reasonCode` (the use case checks it against its list, so the family reads a reason in their language).
 */
export const decisionRequestSchema = z.object({
  decision: z.enum(['approve', 'reject'], { error: 'decision.invalid' }),
  reasonCode: z.optional(z.string().check(z.maxLength(40))),
  note: z.optional(z.string().check(z.maxLength(500, 'tooLong'))),
  /** A further payment's decision (`T2`, ...); without it (or `T1`), the claim's own first decision, as before. */
  tranche: z.optional(trancheIdSchema),
});
export type DecisionRequest = z.infer<typeof decisionRequestSchema>;
