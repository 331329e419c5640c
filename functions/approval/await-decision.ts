import * as z from 'zod/mini';
import { requestDecision } from '../../shared/claims/application/approval/request-decision';
import { claimStore, taskResponder } from '../../shared/composition/claims';
import { claimMessages, notifier } from '../../shared/composition/notifications';
import { staffEmails } from '../../shared/composition/settings';
import { taskHandler } from '../../shared/platform/lambda/task-handler';

const deps = { claims: claimStore(), workflow: taskResponder(), notifier: notifier(), messages: claimMessages, staffEmails: staffEmails() };
const input = z.object({
  reference: z.string(),
  baseUrl: z.string(),
  taskToken: z.string().check(z.minLength(1)),
  escalated: z.optional(z.boolean()),
});

/** waitForTaskToken: stores the decision token on the claim and asks staff (see the use case). */
export const handler = taskHandler(input, (task) => requestDecision(deps, task));
