import * as z from 'zod/mini';
import { remindScholarships } from '../../shared/claims/application/tranches/remind-scholarships';
import { claimStore } from '../../shared/composition/claims';
import { claimMessages, notifier } from '../../shared/composition/notifications';
import { publicBaseUrl } from '../../shared/composition/settings';
import { taskHandler } from '../../shared/platform/lambda/task-handler';
import { MetricUnit, metrics } from '../../shared/platform/observability';

const deps = { claims: claimStore(), notifier: notifier(), messages: claimMessages() };
/** Links to the family's status page: the API's URL (the stack sets PUBLIC_BASE_URL; the twin sets its own). */
const baseUrl = publicBaseUrl();

/** The scheduled event: EventBridge Scheduler (and the twin's cron) send `{ "trigger": "schedule" }`. */
const input = z.object({ trigger: z.optional(z.string().check(z.maxLength(40))) });

/**
 * Yearly, 1 July 08:00 Asia/Jakarta: reminds the families whose children may still receive the scholarship to send
 * this school year's proof of schooling (see the use case). Safe to run again: each claim is reminded once a year.
 * Errors are thrown: Lambda retries the asynchronous invocation, then the schedule's dead-letter queue keeps it.
 */
export const handler = taskHandler(input, async () => {
  const result = await remindScholarships(deps, baseUrl);
  metrics.addMetric('ScholarshipReminders', MetricUnit.Count, result.reminded);
  return result;
});
