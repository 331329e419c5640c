import * as z from 'zod/mini';
import { verifyClaim } from '../../shared/claims/application/verification/verify-claim';
import { claimStore } from '../../shared/composition/claims';
import { claimMessages, notifier } from '../../shared/composition/notifications';
import { membersRepository } from '../../shared/composition/premiums';
import { workflowSettings } from '../../shared/composition/settings';
import { taskHandler } from '../../shared/platform/lambda/task-handler';
import { MetricUnit, metrics } from '../../shared/platform/observability';

const settings = workflowSettings();
const deps = { claims: claimStore(), members: membersRepository(), notifier: notifier(), messages: claimMessages, policy: settings };

const input = z.object({ reference: z.string().check(z.minLength(1)), baseUrl: z.string().check(z.minLength(1)) });

/** The workflow's first task, and the one every (re)start goes through: see the use case. */
export const handler = taskHandler(input, async (task) => {
  const out = await verifyClaim(deps, task);
  if (out.rejected) metrics.addDimensions({ outcome: 'reject', decidedBy: 'system' }).addMetric('ClaimDecisions', MetricUnit.Count, 1);
  return out;
});
