import { optionalEnv, requireEnv } from './env';

const list = (name: string): string[] => optionalEnv(name, '').split(',').map((s) => s.trim()).filter(Boolean);

/** Workflow settings, read once at cold start. Amounts are integer rupiah. */
export const workflowConfig = () => ({
  mailFrom: requireEnv('MAIL_FROM'),
  staffEmails: {
    approver: list('STAFF_EMAILS_APPROVER'),
    supervisor: list('STAFF_EMAILS_SUPERVISOR'),
    finance: list('STAFF_EMAILS_FINANCE'),
    admin: list('STAFF_EMAILS_ADMIN'),
  },
  /** Claims above this total need a second approval by a different person (configurable, default Rp50,000,000). */
  secondApprovalAbove: Number(optionalEnv('SECOND_APPROVAL_ABOVE', '50000000')),
  /**
   * Seconds an approval may wait before it is escalated. Normally derived from the legal deadline (3 working days
   * for JKM, 7 for JKK); this override exists for drills and tests of the escalation path.
   */
  approvalTimeoutOverride: process.env.APPROVAL_TIMEOUT_SECONDS ? Number(process.env.APPROVAL_TIMEOUT_SECONDS) : undefined,
  smsGatewayUrl: process.env.SMS_GATEWAY_URL || undefined,
});

export type WorkflowConfig = ReturnType<typeof workflowConfig>;
