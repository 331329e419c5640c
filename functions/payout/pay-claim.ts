import * as z from 'zod/mini';
import { payClaim } from '../../shared/claims/application/payout/pay-claim';
import { payTranche } from '../../shared/claims/application/tranches/tranche-workflow';
import { isFurtherTranche } from '../../shared/claims/domain/tranche';
import { claimStore, disbursement } from '../../shared/composition/claims';
import { claimMessages, notifier } from '../../shared/composition/notifications';
import { taskHandler } from '../../shared/platform/lambda/task-handler';
import { MetricUnit, metrics } from '../../shared/platform/observability';

export { ClaimNotPayableError } from '../../shared/claims/application/payout/pay-claim';

const deps = { claims: claimStore(), bank: disbursement(), notifier: notifier(), messages: claimMessages() };
const input = z.object({ reference: z.string(), baseUrl: z.string(), tranche: z.optional(z.string()) });

/** Pays an approved claim (or tranche) once (see the use cases); bank errors propagate by name to the state machine's Retry/Catch. */
export const handler = taskHandler(input, async ({ tranche, ...task }) => {
  const result = isFurtherTranche(tranche) ? await payTranche(deps, { ...task, tranche }) : await payClaim(deps, task);
  if (result.amount !== undefined) {
    metrics.addMetric('ClaimsPaid', MetricUnit.Count, 1);
    metrics.addMetric('AmountPaidIdr', MetricUnit.NoUnit, result.amount);
  }
  return result;
});
