import * as z from 'zod/mini';
import { currentPeriod, isPeriod } from '../../kernel/periods';

/**
 * POST /staff/reconciliations: reconcile one month now, with the same code as the daily schedule. The documented
 * pattern is the one isPeriod checks (a unit test keeps the two in step).
 */
export const reconcileRequestSchema = z.object({
  period: z.string('period.invalid').check(
    z.refine(isPeriod, 'period.invalid'),
    // A month to come has no payments and no coverage yet: reconciling it would only write "unpaid" for everyone.
    z.refine((p) => !isPeriod(p) || p <= currentPeriod(), 'period.future'),
    z.meta({
      pattern: '^[1-9]\\d{3}-(0[1-9]|1[0-2])$',
      description: 'A month, YYYY-MM (Asia/Jakarta), not after the current one.',
      examples: ['2026-10'],
    }),
  ),
});
