/**
 * The stack's state machine names, fixed so that functions can be granted access by ARN without depending on the
 * resource, and so that the twin (infra/local) finds each one in the synthesized template without loading the CDK.
 */
/** The claim workflow (infra/constructs/claim-workflow.ts). */
export const STATE_MACHINE_NAME = 'santunan-claims';
/** The premium reconciliation (infra/constructs/reconciliation-workflow.ts). */
export const RECONCILIATION_STATE_MACHINE_NAME = 'santunan-reconciliation';
