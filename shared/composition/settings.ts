import type { StaffEmails } from '../claims/application/ports';
import { DEFAULT_LOOKUP_LIMIT, type LookupLimitPolicy } from '../claims/domain/lookup-limit';
import { DEFAULT_APPEAL_WINDOW_DAYS } from '../claims/domain/reopening';
import { ENV, type EnvName, optionalEnv, requireEnv, STAFF_EMAIL_VARS } from './env';

const list = (name: string): string[] =>
  (process.env[name] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The staff mailing lists (comma-separated addresses per role). */
export const staffEmails = (): StaffEmails => ({
  approver: list(STAFF_EMAIL_VARS.approver),
  supervisor: list(STAFF_EMAIL_VARS.supervisor),
  finance: list(STAFF_EMAIL_VARS.finance),
  admin: list(STAFF_EMAIL_VARS.admin),
});

/** Workflow settings, read once at cold start. Amounts are integer rupiah. */
export const workflowSettings = () => ({
  staffEmails: staffEmails(),
  /** Claims above this total need a second approval by a different person (configurable, default Rp50,000,000). */
  secondApprovalAbove: Number(optionalEnv(ENV.secondApprovalAbove, '50000000')),
  /**
   * Seconds an approval may wait before it is escalated. Normally derived from the legal deadline (3 working days
   * for JKM, 7 for JKK); this override exists for drills and tests of the escalation path.
   */
  approvalTimeoutOverride: process.env[ENV.approvalTimeoutSeconds] ? Number(process.env[ENV.approvalTimeoutSeconds]) : undefined,
  /** Days a claim waits for missing documents before it closes as DOCUMENTS_EXPIRED (default 60). */
  documentsExpiryDays: positiveNumber(ENV.documentsExpiryDays, 60),
  /** Days after a claim starts waiting for documents that the family is reminded (default 3, 7, 21; the last gap repeats). */
  documentsReminderDays: reminderDays(ENV.documentsReminderDays),
});

/** `3,7,21`: ascending positive numbers of days; a typo fails the cold start instead of never reminding anyone. */
function reminderDays(name: string): number[] | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const days = raw.split(',').map((d) => Number(d.trim()));
  if (days.some((d, i) => !Number.isFinite(d) || d <= 0 || (i > 0 && d <= days[i - 1]!)))
    throw new Error(`${name} must be ascending positive numbers of days separated by commas, not "${raw}"`);
  return days;
}

/** A setting that must be a positive number: a typo fails the cold start instead of silently closing claims. */
const positiveNumber = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
};
export type WorkflowSettings = ReturnType<typeof workflowSettings>;

/** Days after a rejection within which the family may appeal (APPEAL_WINDOW_DAYS, default 30 as api.md says). */
export const appealWindowDays = (): number => positiveNumber(ENV.appealWindowDays, DEFAULT_APPEAL_WINDOW_DAYS);

/** Milliseconds an on-demand reconciliation waits for its run before answering 202 (default 20 s; the API gives 29 s). */
export const reconciliationWaitMs = (): number => Number(optionalEnv(ENV.reconciliationWaitMs, '20000'));

/** Shards per month of a reconciliation run: 1-100 (domain/shards.ts), 100 unless set. */
export const reconciliationShards = (): number => {
  const value = Number(optionalEnv(ENV.reconciliationShards, '100'));
  if (!Number.isInteger(value) || value < 1 || value > 100) throw new Error(`${ENV.reconciliationShards} must be an integer 1-100`);
  return value;
};

const positiveInteger = (name: EnvName, fallback: number): number => {
  const raw = optionalEnv(name, String(fallback));
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, not "${raw}"`);
  return value;
};

/**
 * The limit on wrong claimant NIKs per claim reference (docs/architecture.md, "Rate limits"); undefined when
 * LOOKUP_LIMIT_ENABLED is `false`. Defaults: 10 wrong NIKs per reference for the clients that made them, 30 for
 * everyone, in windows of 15 minutes. A setting that is not a whole number stops the function at load.
 */
export const lookupLimitSettings = (): LookupLimitPolicy | undefined => {
  if (optionalEnv(ENV.lookupLimitEnabled, 'true').toLowerCase() === 'false') return undefined;
  const perReference = positiveInteger(ENV.lookupLimit, DEFAULT_LOOKUP_LIMIT.perReference);
  const perReferenceAllClients = positiveInteger(
    ENV.lookupLimitAllClients,
    Math.max(perReference, DEFAULT_LOOKUP_LIMIT.perReferenceAllClients),
  );
  if (perReferenceAllClients < perReference)
    throw new Error(`${ENV.lookupLimitAllClients} (${perReferenceAllClients}) must not be below ${ENV.lookupLimit} (${perReference})`);
  return {
    perReference,
    perReferenceAllClients,
    windowSeconds: positiveInteger(ENV.lookupWindowSeconds, DEFAULT_LOOKUP_LIMIT.windowSeconds),
  };
};

/** Where browsers upload to (for the Content-Security-Policy of pages with uploads). */
export const uploadOrigin = (): string => optionalEnv(ENV.uploadOrigin, '');

/** The API's URL for links in messages sent outside a request (the daily reconciliation). */
export const publicBaseUrl = (): string => optionalEnv(ENV.publicBaseUrl, '').replace(/\/$/, '');

export { requireEnv };
