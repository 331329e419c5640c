import * as z from 'zod/mini';
import { recordPayoutFailure } from '../../shared/claims/application/payout/record-payout-failure';
import { recordTranchePayoutFailure } from '../../shared/claims/application/tranches/tranche-workflow';
import { isFurtherTranche } from '../../shared/claims/domain/tranche';
import { claimStore } from '../../shared/composition/claims';
import { claimMessages, notifier } from '../../shared/composition/notifications';
import { staffEmails } from '../../shared/composition/settings';
import { taskHandler } from '../../shared/platform/lambda/task-handler';

const deps = { claims: claimStore(), notifier: notifier(), messages: claimMessages(), staffEmails: staffEmails() };
const input = z.object({
  reference: z.string(),
  baseUrl: z.string(),
  taskToken: z.string().check(z.minLength(1)),
  error: z.optional(z.object({ Error: z.optional(z.string()), Cause: z.optional(z.string()) })),
  tranche: z.optional(z.string()),
});

/** waitForTaskToken after a permanent payout failure: finance is told and answers with a retry (see the use cases). */
export const handler = taskHandler(input, ({ tranche, ...task }) =>
  isFurtherTranche(tranche) ? recordTranchePayoutFailure(deps, { ...task, tranche }) : recordPayoutFailure(deps, task),
);
