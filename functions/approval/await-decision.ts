import * as z from 'zod/mini';
import { jakartaIso } from '../../shared/kernel/time';
import { staffMessages } from '../../shared/claims/web/notifications';
import { workflowConfig } from '../../shared/composition/settings';
import { taskHandler } from '../../shared/platform/lambda/task-handler';
import { claims as claimsRepo, notifier as makeNotifier, workflow as workflowClient } from '../../shared/composition/lambda';

const claims = claimsRepo();
const notifier = makeNotifier();
const workflow = workflowClient();
const config = workflowConfig();

const input = z.object({ reference: z.string(), baseUrl: z.string(), taskToken: z.string().check(z.minLength(1)), escalated: z.optional(z.boolean()) });

/**
 * waitForTaskToken: stores the decision token on the claim and emails the approvers (or, once the approval timed
 * out, the supervisors) a summary with a link to the claim page. The decision API answers the token.
 * Safe to run again: a claim decided meanwhile answers its own token; a restart does not email twice.
 */
export const handler = taskHandler(input, async ({ reference, baseUrl, taskToken, escalated = false }) => {
  const at = jakartaIso();
  const claim = await claims.get(reference);
  if (!claim) throw new Error(`Claim ${reference} not found`);
  if (claim.status !== 'AWAITING_APPROVAL') {
    // Decided while no token was waiting (e.g. during an escalation): pass the decision on.
    await workflow.succeed(taskToken, { outcome: claim.status === 'REJECTED' ? 'rejected' : 'approved' });
    return;
  }
  const previous = claim.pendingTask;
  const updated = await claims.transition(reference, {
    from: ['AWAITING_APPROVAL'],
    at,
    set: { pendingTask: { kind: 'decision', token: taskToken, since: at, escalated } },
    audit: { type: escalated ? 'APPROVAL_ESCALATED' : 'APPROVAL_REQUESTED', at, actor: { kind: 'system' } },
  });
  // A resumed execution (a restart) does not email the same people twice; the daily escalation wait, however, ends
  // with a reminder to the supervisors when a day has passed since they were last asked.
  const hoursSince = previous ? (Date.parse(at) - Date.parse(previous.since)) / 3_600_000 : Infinity;
  const alreadyAsked = previous?.kind === 'decision' && previous.escalated === escalated && !(escalated && hoursSince >= 20);
  if (alreadyAsked) return;
  const level = escalated ? 'supervisor' : (updated.verification?.approval?.level ?? 'approver');
  const to = level === 'supervisor' ? config.staffEmails.supervisor : [...config.staffEmails.approver, ...config.staffEmails.supervisor];
  await notifier.email(to, staffMessages.decisionNeeded(updated, baseUrl, { escalated, secondApproval: (updated.approvals?.length ?? 0) > 0 }));
});
