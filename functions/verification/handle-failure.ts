import * as z from 'zod/mini';
import { jakartaIso } from '../../shared/kernel/time';
import { logger } from '../../shared/platform/observability/logger';
import { staffMessages } from '../../shared/claims/web/notifications';
import { workflowConfig } from '../../shared/composition/settings';
import { taskHandler } from '../../shared/platform/lambda/task-handler';
import { claims as claimsRepo, notifier as makeNotifier } from '../../shared/composition/lambda';

const claims = claimsRepo();
const notifier = makeNotifier();
const config = workflowConfig();

const input = z.object({ reference: z.string(), baseUrl: z.string(), error: z.optional(z.object({ Error: z.optional(z.string()), Cause: z.optional(z.string()) })) });

/**
 * The named failure handler: an unexpected error stopped the workflow. The claim keeps its status (the family's
 * page does not change), the error is recorded in its audit trail and the admins are emailed. The execution then
 * ends in a Fail state, visible in Step Functions.
 */
export const handler = taskHandler(input, async ({ reference, baseUrl, error }) => {
  const at = jakartaIso();
  const message = `${error?.Error ?? 'Error'}: ${error?.Cause ?? ''}`.slice(0, 1000);
  logger.error('workflow failed', { error: error?.Error });
  const claim = await claims.get(reference);
  if (claim) {
    await claims.transition(reference, {
      from: [claim.status],
      at,
      set: { workflowError: { at, error: error?.Error ?? 'Error' } },
      audit: { type: 'WORKFLOW_FAILED', at, actor: { kind: 'system' }, details: { error: error?.Error } },
    });
  }
  await notifier.email(config.staffEmails.admin, staffMessages.workflowFailed(reference, message, baseUrl));
  return { recorded: true };
});
