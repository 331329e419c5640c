import { CLAIMS_TABLE, MEMBERS_TABLE, type TableDefinition } from './tables';

/**
 * Every Lambda function: its entry file and what it may touch. The CDK stack grants exactly this access and sets
 * the matching environment variables; the local twin loads the same entry files.
 */
export interface FunctionDefinition {
  entry: string;
  description: string;
  tables: { table: TableDefinition; access: 'read' | 'readwrite' }[];
  /**
   * The documents bucket, by key prefix: the function is granted `access` to objects under `prefix` only. Family
   * uploads live under `uploads/` (shared/claims/application/intake/create-upload.ts), CSV imports under
   * `imports/` (shared/premiums/adapters/import-files.ts).
   */
  documents?: { access: 'read' | 'write' | 'readwrite'; prefix: DocumentsPrefix };
  /** `start`: may start the claim workflow (STATE_MACHINE_ARN); `respond`: may answer its task tokens. */
  workflow?: ('start' | 'respond')[];
  /** Sends notifications: SES email (MAIL_FROM, staff lists) and the SMS gateway. */
  notifies?: boolean;
  /** Calls the disbursement service (BANK_API_URL and its key). */
  bank?: boolean;
  /**
   * Signs or checks the family's status links (STATUS_LINK_KEY_SECRET, readable by these functions only): every function
   * that builds claim messages (they link to the status page), and the status page.
   */
  statusLinks?: boolean;
  /**
   * Counts wrong claimant NIKs per reference in the claims table (docs/architecture.md, "Rate limits"): a function
   * that only reads that table may still update its `LOOKUP#` items. Functions with read-write access need nothing more.
   */
  lookupCounters?: boolean;
  /** Verifies staff access tokens (AUTH_ISSUER, AUTH_JWKS_URL, AUTH_CLIENT_ID). */
  staffAuth?: boolean;
  /**
   * Manages staff accounts: STAFF_USER_POOL_ID and the Cognito admin calls on that pool only, and the staff accounts'
   * audit items (`STAFF#` partitions of the claims table), put and read only.
   */
  staffDirectory?: boolean;
  memorySize?: number;
  /** Seconds; 10 by default (the HTTP API gives up after 30). */
  timeoutSeconds?: number;
  /** Workflow task functions are invoked by the state machine, never by the HTTP API. */
  workflowTask?: boolean;
  /** Invoked by EventBridge Scheduler (daily reconciliation); PUBLIC_BASE_URL is set for links in its emails. */
  scheduled?: boolean;
  /**
   * Starts premium jobs (an on-demand reconciliation run, an import from storage) as asynchronous invocations of
   * reconcilePremiums (RECONCILE_FUNCTION_NAME and lambda:InvokeFunction on it, nothing else).
   */
  startsPremiumJobs?: boolean;
  /**
   * Starts on-demand reconciliation runs: RECONCILIATION_STATE_MACHINE_ARN and states:StartExecution on the
   * reconciliation state machine (with startsPremiumJobs).
   */
  startsReconciliation?: boolean;
}

/** The key prefixes of the documents bucket. */
export type DocumentsPrefix = 'uploads/' | 'imports/';

const claimsRW = { table: CLAIMS_TABLE, access: 'readwrite' } as const;

export const FUNCTIONS = {
  claimForm: { entry: 'functions/intake/claim-form.ts', description: 'GET / claim form and its script', tables: [] },
  createUpload: {
    entry: 'functions/intake/create-upload.ts',
    description: 'POST /uploads presigned document upload',
    tables: [claimsRW],
    documents: { access: 'write', prefix: 'uploads/' },
  },
  submitClaim: {
    entry: 'functions/intake/submit-claim.ts',
    description: 'POST /claims intake',
    tables: [claimsRW],
    documents: { access: 'read', prefix: 'uploads/' },
    workflow: ['start'],
  },
  claimStatus: {
    entry: 'functions/intake/claim-status.ts',
    description: 'GET /claims/{reference} status',
    tables: [{ table: CLAIMS_TABLE, access: 'read' }],
    statusLinks: true,
    lookupCounters: true,
  },
  addDocuments: {
    entry: 'functions/intake/add-documents.ts',
    description: 'POST /claims/{reference}/documents',
    tables: [claimsRW],
    documents: { access: 'read', prefix: 'uploads/' },
    workflow: ['respond'],
  },
  familyRequests: {
    entry: 'functions/intake/family-requests.ts',
    description: 'POST /claims/{reference}/correction and /appeal',
    tables: [claimsRW],
    documents: { access: 'read', prefix: 'uploads/' },
    // `start`: a corrected claim is verified again in its own execution, `<reference>-R1`.
    workflow: ['start'],
    // The supervisors are told of an appeal, the family that it was received (with a status link).
    notifies: true,
    statusLinks: true,
  },
  coordinatorApi: {
    entry: 'functions/intake/coordinator.ts',
    description: 'Field coordinators: file for a family, drafts, the claims of their districts',
    tables: [claimsRW, { table: MEMBERS_TABLE, access: 'read' }],
    documents: { access: 'read', prefix: 'uploads/' },
    // `start`: a claim filed for a family starts its workflow, as intake does.
    workflow: ['start'],
    staffAuth: true,
  },
  benefitEstimate: { entry: 'functions/intake/benefit-estimate.ts', description: 'POST /benefits/estimate', tables: [] },
  staffApi: {
    entry: 'functions/approval/staff-claims.ts',
    description: 'Staff claim queue, claim page and its documents, sign-in callback, decision, assessment, further payments, payout retry',
    tables: [claimsRW, { table: MEMBERS_TABLE, access: 'read' }],
    // Read: it signs the short-lived GETs that open a claim's documents (presigned with its own role).
    documents: { access: 'read', prefix: 'uploads/' },
    statusLinks: true,
    // `start`: a further payment (tranche) runs in its own execution, `<reference>-T2`.
    workflow: ['start', 'respond'],
    notifies: true,
    staffAuth: true,
  },
  staffSearch: {
    entry: 'functions/approval/staff-search.ts',
    description: 'Staff search: claims by reference, NIK or name',
    // Read only: a claim by key, the byNik and byStatus indexes, and a member by key.
    tables: [
      { table: CLAIMS_TABLE, access: 'read' },
      { table: MEMBERS_TABLE, access: 'read' },
    ],
    staffAuth: true,
  },
  verifyClaim: {
    entry: 'functions/verification/verify-claim.ts',
    description: 'Workflow: eligibility, coverage, documents, benefit',
    tables: [claimsRW, { table: MEMBERS_TABLE, access: 'read' }],
    statusLinks: true,
    notifies: true,
    workflowTask: true,
  },
  awaitDocuments: {
    entry: 'functions/verification/await-documents.ts',
    description: 'Workflow: wait for missing documents',
    tables: [claimsRW],
    workflow: ['respond'],
    workflowTask: true,
  },
  awaitDecision: {
    entry: 'functions/approval/await-decision.ts',
    description: 'Workflow: ask staff for a decision',
    tables: [claimsRW],
    statusLinks: true,
    workflow: ['respond'],
    notifies: true,
    workflowTask: true,
  },
  // 30 s: three times the bank client's own timeout (BANK_TIMEOUT_MS, 10 s), so a slow bank fails as the bank, not as Lambda.
  payClaim: {
    entry: 'functions/payout/pay-claim.ts',
    description: 'Workflow: pay the heir once',
    tables: [claimsRW],
    statusLinks: true,
    notifies: true,
    bank: true,
    workflowTask: true,
    timeoutSeconds: 30,
  },
  awaitPayoutRetry: {
    entry: 'functions/payout/await-payout-retry.ts',
    description: 'Workflow: payout failed, wait for finance',
    tables: [claimsRW],
    statusLinks: true,
    notifies: true,
    workflowTask: true,
  },
  // The premium routes are three functions, so that each bundle holds only what its routes use (docs/benchmarks.md).
  // The imports keep the old settings: a 50,000-line CSV is read and written within API Gateway's 30 s.
  staffRoster: {
    entry: 'functions/reconciliation/staff-roster.ts',
    description: 'Roster import and uploads of large import files',
    tables: [{ table: MEMBERS_TABLE, access: 'readwrite' }],
    // Signs uploads of import files (write); an import from storage runs in reconcilePremiums, which reads them.
    documents: { access: 'write', prefix: 'imports/' },
    startsPremiumJobs: true,
    staffAuth: true,
    memorySize: 1024,
    timeoutSeconds: 29,
  },
  staffPayments: {
    entry: 'functions/reconciliation/staff-payments.ts',
    description: 'Payment import and reconciliation on demand',
    tables: [{ table: MEMBERS_TABLE, access: 'readwrite' }],
    // An on-demand run is an execution of the reconciliation state machine, an import from storage an asynchronous
    // invocation of reconcilePremiums (the API's 29 s are too short for a month, or for a 50 MB file).
    startsPremiumJobs: true,
    startsReconciliation: true,
    staffAuth: true,
    memorySize: 1024,
    timeoutSeconds: 29,
  },
  staffAdmin: {
    entry: 'functions/admin/staff-admin.ts',
    description: 'Staff accounts: list, create, change roles and scopes, disable (admin)',
    tables: [],
    staffAuth: true,
    staffDirectory: true,
  },
  staffPremiumViews: {
    entry: 'functions/reconciliation/staff-premium-views.ts',
    description: 'A member with coverage by month (and claims, on the page), and reconciliation reports',
    tables: [
      { table: MEMBERS_TABLE, access: 'read' },
      // The member page lists the member's claims (GSI byNik).
      { table: CLAIMS_TABLE, access: 'read' },
    ],
    staffAuth: true,
    // A month's report may list every member (e.g. before its payments are imported): a few MB read by Query.
    memorySize: 1024,
    timeoutSeconds: 29,
  },
  staffReports: {
    entry: 'functions/reporting/staff-reports.ts',
    description: 'Reports: the summary of a range (JSON), the dashboard and its CSV tables',
    // Read only: claims by the byStatus index, and the months' reconciliation reports.
    tables: [
      { table: CLAIMS_TABLE, access: 'read' },
      { table: MEMBERS_TABLE, access: 'read' },
    ],
    staffAuth: true,
    // Every claim received up to the range's end is read (docs/data-model.md R1): thousands a year, a few MB.
    memorySize: 1024,
    timeoutSeconds: 29,
  },
  reconcilePremiums: {
    entry: 'functions/reconciliation/reconcile-premiums.ts',
    description: 'Premium jobs: the daily reconciliation, on-demand runs and imports from storage',
    tables: [{ table: MEMBERS_TABLE, access: 'readwrite' }],
    documents: { access: 'read', prefix: 'imports/' },
    notifies: true,
    memorySize: 1769,
    timeoutSeconds: 600,
    scheduled: true,
  },
  remindScholarships: {
    entry: 'functions/payout/remind-scholarships.ts',
    description: 'Yearly: remind families to send proof of schooling for the scholarship',
    tables: [claimsRW],
    statusLinks: true,
    notifies: true,
    timeoutSeconds: 300,
    scheduled: true,
  },
  handleWorkflowFailure: {
    entry: 'functions/verification/handle-failure.ts',
    description: 'Workflow: record an unexpected failure',
    tables: [claimsRW],
    statusLinks: true,
    notifies: true,
    workflowTask: true,
  },
} satisfies Record<string, FunctionDefinition>;

export type FunctionName = keyof typeof FUNCTIONS;
