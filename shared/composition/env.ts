import { ORIGIN_VERIFY_VAR } from '../platform/http/origin-verify';
/**
 * The environment contract: every variable a function reads, in one table. The CDK function construct sets them
 * (infra/constructs/santunan-function.ts, through bind helpers that also grant the access they imply), the local
 * twin sets the same names (infra/local/twin.ts), and the composition root reads them once, at cold start,
 * failing fast when a required one is missing.
 */
export const ENV = {
  claimsTable: 'CLAIMS_TABLE_NAME',
  membersTable: 'MEMBERS_TABLE_NAME',
  documentsBucket: 'DOCUMENTS_BUCKET_NAME',
  /** Path-style S3 URLs; the twin's S3 emulator needs them, AWS accepts them. */
  s3ForcePathStyle: 'S3_FORCE_PATH_STYLE',
  /** Where browsers send files (S3, or the twin's emulator): allowed in the pages' Content-Security-Policy. */
  uploadOrigin: 'UPLOAD_ORIGIN',
  stateMachineArn: 'STATE_MACHINE_ARN',
  mailFrom: 'MAIL_FROM',
  staffEmailsApprover: 'STAFF_EMAILS_APPROVER',
  staffEmailsSupervisor: 'STAFF_EMAILS_SUPERVISOR',
  staffEmailsFinance: 'STAFF_EMAILS_FINANCE',
  staffEmailsAdmin: 'STAFF_EMAILS_ADMIN',
  smsGatewayUrl: 'SMS_GATEWAY_URL',
  bankApiUrl: 'BANK_API_URL',
  /** The Secrets Manager secret (ARN or name) holding the bank's API key; read once per cold start. */
  bankApiKeySecret: 'BANK_API_KEY_SECRET',
  bankTimeoutMs: 'BANK_TIMEOUT_MS',
  /** The Secrets Manager secret (ARN or name) holding the keys that sign status links (domain/status-link.ts). */
  statusLinkKeySecret: 'STATUS_LINK_KEY_SECRET',
  /** Days a status link in an email or SMS stays valid (default 90). */
  statusLinkTtlDays: 'STATUS_LINK_TTL_DAYS',
  /** Days after a claim starts waiting for documents that the family is reminded (default `3,7,21`; the last gap repeats). */
  documentsReminderDays: 'DOCUMENTS_REMINDER_DAYS',
  authIssuer: 'AUTH_ISSUER',
  authJwksUrl: 'AUTH_JWKS_URL',
  authClientId: 'AUTH_CLIENT_ID',
  /** Seconds after its issue that a staff token is still accepted (default 12 hours), whatever its expiry. */
  staffTokenMaxAgeSeconds: 'STAFF_TOKEN_MAX_AGE_SECONDS',
  /** The Cognito user pool of the staff accounts, which the admin's routes manage (the twin's stand-in locally). */
  staffUserPoolId: 'STAFF_USER_POOL_ID',
  /**
   * The hosted sign-in for staff browsers (OAuth authorization code flow with PKCE): the Cognito hosted UI's base URL
   * in AWS (`https://<domain>.auth.<region>.amazoncognito.com`), the twin's imitation (`<api>/auth`) locally.
   */
  staffAuthUrl: 'STAFF_AUTH_URL',
  /** The API's own URL, for links in messages sent by functions that serve no request (the daily job). */
  publicBaseUrl: 'PUBLIC_BASE_URL',
  /** Claims above this total need a second approval by a different person. */
  secondApprovalAbove: 'SECOND_APPROVAL_ABOVE',
  /** Drills and tests of the escalation path: seconds an approval waits before it escalates. */
  approvalTimeoutSeconds: 'APPROVAL_TIMEOUT_SECONDS',
  /** Days a claim waits for missing documents before it closes (default 60; fractions for drills and tests). */
  documentsExpiryDays: 'DOCUMENTS_EXPIRY_DAYS',
  /** Days after a rejection within which the family may appeal (default 30, api.md). */
  appealWindowDays: 'APPEAL_WINDOW_DAYS',
  /** The premium jobs function, which the staff API invokes asynchronously for an import from storage. */
  reconcileFunctionName: 'RECONCILE_FUNCTION_NAME',
  /** The reconciliation state machine, which the staff API starts for an on-demand run. */
  reconciliationStateMachineArn: 'RECONCILIATION_STATE_MACHINE_ARN',
  /** Shards per month of a reconciliation run (1-100, default 100: one bucket of NIKs each). */
  reconciliationShards: 'RECONCILIATION_SHARDS',
  /** Milliseconds an on-demand reconciliation request waits for its run before answering 202 (default 20,000). */
  reconciliationWaitMs: 'RECONCILIATION_WAIT_MS',
  /** Set behind CloudFront: the value its origin header carries; requests without it are refused (platform/http/handler.ts). */
  originVerify: ORIGIN_VERIFY_VAR,
  /** The limit on wrong claimant NIKs per claim reference (docs/architecture.md, "Rate limits"): `false` turns it off. */
  lookupLimitEnabled: 'LOOKUP_LIMIT_ENABLED',
  /** Wrong NIKs per reference and window before the clients that made them are refused. */
  lookupLimit: 'LOOKUP_LIMIT',
  /** Wrong NIKs per reference and window before every client is refused. */
  lookupLimitAllClients: 'LOOKUP_LIMIT_ALL_CLIENTS',
  /** The fixed window of the lookup limit, in seconds. */
  lookupWindowSeconds: 'LOOKUP_WINDOW_SECONDS',
} as const;

export type EnvKey = keyof typeof ENV;
export type EnvName = (typeof ENV)[EnvKey];

/** What a function's environment may hold, by contract name. */
export type FunctionEnvironment = Partial<Record<EnvName, string>>;

export const STAFF_EMAIL_VARS = {
  approver: ENV.staffEmailsApprover,
  supervisor: ENV.staffEmailsSupervisor,
  finance: ENV.staffEmailsFinance,
  admin: ENV.staffEmailsAdmin,
} as const;

export const requireEnv = (name: EnvName): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`Missing environment variable ${name}`);
  return value;
};

export const optionalEnv = (name: EnvName, fallback: string): string => process.env[name] || fallback;
