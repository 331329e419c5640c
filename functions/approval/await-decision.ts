import * as z from 'zod/mini';
import { requestDecision } from '../../shared/claims/application/approval/request-decision';
import { requestTrancheDecision } from '../../shared/claims/application/tranches/tranche-workflow';
import { isFurtherTranche } from '../../shared/claims/domain/tranche';
import { claimStore, taskResponder } from '../../shared/composition/claims';
import { claimMessages, notifier } from '../../shared/composition/notifications';
import { staffEmails } from '../../shared/composition/settings';
import { taskHandler } from '../../shared/platform/lambda/task-handler';

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

/** waitForTaskToken: stores the decision token on the claim (or the tranche) and asks staff (see the use cases). */
export const handler = taskHandler(input, ({ tranche, ...task }) =>
  isFurtherTranche(tranche) ? requestTrancheDecision(deps, { ...task, tranche }) : requestDecision(deps, task),
);
