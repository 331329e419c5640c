/**
 * Scheduled jobs as plain data: the CDK stack (EventBridge Scheduler, infra/constructs/reconciliation-schedule.ts)
 * and the twin's cron (infra/local/twin.ts) are both built from this, so the two fire at the same time with the
 * same event.
 */
export const RECONCILIATION_SCHEDULE = {
  /** 01:00 in Jakarta: after the banks' end-of-day files and before finance starts the day. */
  cron: { minute: '0', hour: '1' },
  timeZone: 'Asia/Jakarta',
  /** The event the function receives (the shell's `npm run reconcile` names periods instead). */
  event: { trigger: 'schedule' },
} as const;

/**
 * The yearly scholarship reminder: 1 July at 08:00 in Jakarta, as the new school year begins (mid-July; NC), so the
 * family has the weeks before it to send the year's proof of schooling. Once a school year per claim whatever the
 * schedule does (the year reminded is recorded on the claim).
 */
export const SCHOLARSHIP_REMINDER_SCHEDULE = {
  cron: { minute: '0', hour: '8', day: '1', month: '7' },
  timeZone: 'Asia/Jakarta',
  event: { trigger: 'schedule' },
} as const;

/** The same time as a five-field cron expression, for cron libraries. */
export const cronExpression = (cron: { minute: string; hour: string; day?: string; month?: string }): string =>
  `${cron.minute} ${cron.hour} ${cron.day ?? '*'} ${cron.month ?? '*'} *`;
