import { logger } from '../../platform/observability/logger';
import { type ClaimWorkflow, TaskTokenGoneError } from './ports';

/**
 * Tells the waiting workflow. A token that is gone means the workflow moved on (an escalation, a restart): it
 * re-reads the claim, where the change is already recorded, so nothing is lost by not answering.
 */
export const answerTask = async (workflow: Pick<ClaimWorkflow, 'succeed'>, token: string, output: Record<string, unknown>) => {
  try {
    await workflow.succeed(token, output);
  } catch (error) {
    if (error instanceof TaskTokenGoneError)
      logger.warn('task token no longer waited on; the workflow will read the change from the claim');
    else throw error;
  }
};
