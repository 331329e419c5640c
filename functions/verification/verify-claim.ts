import * as z from 'zod/mini';
import { routeTranche } from '../../shared/claims/application/tranches/tranche-workflow';
import { verifyClaim } from '../../shared/claims/application/verification/verify-claim';
import { FIRST_TRANCHE, isFurtherTranche } from '../../shared/claims/domain/tranche';
import { claimStore } from '../../shared/composition/claims';
import { claimMessages, notifier } from '../../shared/composition/notifications';
import { membersRepository } from '../../shared/composition/premiums';
import { workflowSettings } from '../../shared/composition/settings';
import { taskHandler } from '../../shared/platform/lambda/task-handler';
import { MetricUnit, metrics } from '../../shared/platform/observability';

const settings = workflowSettings();
const deps = {
  claims: claimStore(),
  members: membersRepository(),
  notifier: notifier(),
  messages: claimMessages(),
  policy: settings,
  staffEmails: settings.staffEmails,
};

const input = z.object({
  reference: z.string().check(z.minLength(1)),
  baseUrl: z.string().check(z.minLength(1)),
  /** Set by a tranche's execution (`T2`, ...); absent in the first payment's, which this task names `T1`. */
  tranche: z.optional(z.string().check(z.regex(/^T\d{1,3}$/))),
});

/**
 * The workflow's first task, and the one every (re)start goes through: see the use case. A tranche's execution skips
 * verification and goes by the tranche's status. The output always names the tranche, so every later task has it.
 */
export const handler = taskHandler(input, async (task) => {
  const { reference, baseUrl } = task;
  if (isFurtherTranche(task.tranche))
    return { reference, baseUrl, tranche: task.tranche, ...(await routeTranche(deps, task as { reference: string; tranche: string })) };
  const out = await verifyClaim(deps, { reference, baseUrl });
  if (out.rejected) metrics.addDimensions({ outcome: 'reject', decidedBy: 'system' }).addMetric('ClaimDecisions', MetricUnit.Count, 1);
  return { ...out, tranche: FIRST_TRANCHE };
});
