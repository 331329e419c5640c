import * as z from 'zod/mini';
import { payClaim } from '../../shared/claims/application/payout/pay-claim';
import { claimStore, disbursement } from '../../shared/composition/claims';
import { claimMessages, notifier } from '../../shared/composition/notifications';
import { taskHandler } from '../../shared/platform/lambda/task-handler';

export { ClaimNotPayableError } from '../../shared/claims/application/payout/pay-claim';

const deps = { claims: claimStore(), bank: disbursement(), notifier: notifier(), messages: claimMessages };
const input = z.object({ reference: z.string(), baseUrl: z.string() });

/** Pays an approved claim once (see the use case); bank errors propagate by name to the state machine's Retry/Catch. */
export const handler = taskHandler(input, (task) => payClaim(deps, task));
