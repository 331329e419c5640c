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

/** The same time as a five-field cron expression, for cron libraries. */
export const cronExpression = (cron: { minute: string; hour: string }): string => `${cron.minute} ${cron.hour} * * *`;
