import { jakartaIso } from '../../../kernel/time';
import { logger } from '../../../platform/observability/logger';
import type { ClaimMessages, ClaimStore, Notifier, StaffEmails } from '../ports';

export interface RecordFailureDeps {
  claims: ClaimStore;
  notifier: Notifier;
  messages: ClaimMessages;
  staffEmails: Pick<StaffEmails, 'admin'>;
  now?: () => Date;
}

export interface WorkflowFailure {
  reference: string;
  baseUrl: string;
  /** The execution that failed: the reference, or `<reference>-T2` for a tranche's. */
  execution?: string;
  error?: { Error?: string; Cause?: string };
}

/**
 * The named failure handler: an unexpected error stopped the workflow. The claim keeps its status (the family's
 * page does not change), the error is recorded in its audit trail and the admins are emailed. The execution then
 * ends in a Fail state, visible in Step Functions.
 */
export const recordWorkflowFailure = async (deps: RecordFailureDeps, { reference, baseUrl, execution, error }: WorkflowFailure) => {
  const at = jakartaIso(deps.now?.());
  const message = `${error?.Error ?? 'Error'}: ${error?.Cause ?? ''}`.slice(0, 1000);
  logger.error('workflow failed', { error: error?.Error });
  const claim = await deps.claims.get(reference);
  if (claim) {
    await deps.claims.transition(reference, {
      from: [claim.status],
      at,
      set: { workflowError: { at, error: error?.Error ?? 'Error' } },
      audit: {
        type: 'WORKFLOW_FAILED',
        at,
        actor: { kind: 'system' },
        details: { error: error?.Error, ...(execution && execution !== reference ? { execution } : {}) },
      },
    });
  }
  await deps.notifier.email(deps.staffEmails.admin, deps.messages.staff.workflowFailed(reference, message, baseUrl));
  return { recorded: true };
};
