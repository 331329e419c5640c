import * as z from 'zod/mini';
import { recordWorkflowFailure } from '../../shared/claims/application/verification/record-failure';
import { claimStore } from '../../shared/composition/claims';
import { claimMessages, notifier } from '../../shared/composition/notifications';
import { staffEmails } from '../../shared/composition/settings';
import { taskHandler } from '../../shared/platform/lambda/task-handler';

const deps = { claims: claimStore(), notifier: notifier(), messages: claimMessages(), staffEmails: staffEmails() };
const error = z.optional(z.object({ Error: z.optional(z.string()), Cause: z.optional(z.string()) }));
const input = z.object({ reference: z.string(), baseUrl: z.string(), execution: z.optional(z.string()), error });

/** The state machine's Catch: records an unexpected failure on the claim and tells the admins. */
export const handler = taskHandler(input, (task) => recordWorkflowFailure(deps, task));
