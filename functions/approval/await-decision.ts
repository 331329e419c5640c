import * as z from 'zod/mini';
import { requestDecision } from '../../shared/claims/application/approval/request-decision';
import { requestTrancheDecision } from '../../shared/claims/application/tranches/tranche-workflow';
import { isFurtherTranche } from '../../shared/claims/domain/tranche';
import { claimStore, taskResponder } from '../../shared/composition/claims';
import { claimMessages, notifier } from '../../shared/composition/notifications';
import { staffEmails } from '../../shared/composition/settings';
import { taskHandler } from '../../shared/platform/lambda/task-handler';
import { MetricUnit, metrics } from '../../shared/platform/observability';

const deps = {
  claims: claimStore(),
  workflow: taskResponder(),
  notifier: notifier(),
  messages: claimMessages(),
  staffEmails: staffEmails(),
};
const input = z.object({
  reference: z.string(),
  baseUrl: z.string(),
  taskToken: z.string().check(z.minLength(1)),
  escalated: z.optional(z.boolean()),
  tranche: z.optional(z.string()),
});

/**
 * waitForTaskToken: stores the decision token on the claim (or the tranche) and asks staff (see the use cases). An
 * escalated ask (the approval passed its escalation point, near the legal deadline; then once a day until decided) is
 * counted as `ApprovalsEscalated`, which the operations alarm watches.
 */
export const handler = taskHandler(input, async ({ tranche, ...task }) => {
  const further = isFurtherTranche(tranche);
  if (task.escalated) metrics.addDimensions({ kind: further ? 'tranche' : 'claim' }).addMetric('ApprovalsEscalated', MetricUnit.Count, 1);
  return further ? requestTrancheDecision(deps, { ...task, tranche }) : requestDecision(deps, task);
});
