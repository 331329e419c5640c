import * as z from 'zod/mini';
import { STAFF_REJECTION_REASONS } from '../../shared/claims/application/approval/decide';
import { CLAIM_STATUSES, MAX_UPLOAD_BYTES } from '../../shared/claims/domain/claim';
import { CLOSE_REASON_CODES, CLOSE_REASONS } from '../../shared/claims/domain/closure';
import { DEFAULT_APPEAL_WINDOW_DAYS, MAX_CORRECTIONS } from '../../shared/claims/domain/reopening';
import { assessmentFormSchema, assessmentSchema } from '../../shared/claims/schemas/assessment';
import { claimSubmissionSchema } from '../../shared/claims/schemas/claim';
import { closeRequestSchema, closeResultSchema } from '../../shared/claims/schemas/close';
import { decisionRequestSchema } from '../../shared/claims/schemas/decision';
import { addDocumentsRequestSchema } from '../../shared/claims/schemas/documents';
import { benefitEstimateRequestSchema } from '../../shared/claims/schemas/estimate';
import { revokeLinksRequestSchema, revokeLinksResultSchema } from '../../shared/claims/schemas/links';
import { paymentRequestSchema, payoutRetryRequestSchema } from '../../shared/claims/schemas/payment';
import {
  appealDecisionRequestSchema,
  appealRequestSchema,
  correctionRequestSchema,
  reopenResultSchema,
} from '../../shared/claims/schemas/reopen';
import {
  assessmentResultSchema,
  benefitEstimateSchema,
  claimCreatedSchema,
  claimStatusResponseSchema,
  decisionResultSchema,
  documentsAddedSchema,
  payoutRetryResultSchema,
  staffClaimSchema,
  staffQueueSchema,
  staffSearchSchema,
  trancheCreatedSchema,
  trancheDecisionResultSchema,
  uploadCreatedSchema,
} from '../../shared/claims/schemas/responses';
import { uploadRequestSchema } from '../../shared/claims/schemas/upload';
import { duplicateClaimResponseSchema, errorResponseSchema, gatewayErrorSchema } from '../../shared/platform/schemas/error-response';
import { PAYMENT_HEADER } from '../../shared/premiums/domain/payment-row';
import { ROSTER_HEADER, ROSTER_OPTIONAL_HEADER } from '../../shared/premiums/domain/roster-row';
import { importFromStorageSchema, importUploadRequestSchema, MAX_IMPORT_BYTES } from '../../shared/premiums/schemas/imports';
import { reconcileRequestSchema } from '../../shared/premiums/schemas/reconciliation';
import {
  importAcceptedSchema,
  importJobSchema,
  importUploadCreatedSchema,
  memberWithCoverageSchema,
  paymentImportResultSchema,
  reconciliationAcceptedSchema,
  reconciliationListSchema,
  reconciliationReportSchema,
  reconciliationRunSchema,
  rosterImportResultSchema,
} from '../../shared/premiums/schemas/responses';
import { REPORT_DEFAULT_MONTHS, REPORT_MAX_MONTHS } from '../../shared/reporting/domain/range';
import { reportSummarySchema } from '../../shared/reporting/schemas/summary';
import { REPORT_TABLES } from '../../shared/reporting/web/tables';
import { type Role, STAFF_ROLES } from '../../shared/staff/domain/roles';
import {
  createStaffFormSchema,
  createStaffSchema,
  staffAccountListSchema,
  staffAccountSchema,
  updateStaffFormSchema,
  updateStaffSchema,
} from '../../shared/staff/schemas/accounts';

/**
 * What the route table does not say about each route: its purpose, parameters, bodies with examples, responses and
 * error codes (the handbook's api.md, checked against the handlers). scripts/openapi/document.ts turns this and the
 * zod schemas into docs/openapi.json. Only scripts and tests import this module; no Lambda does.
 */

type Schema = z.ZodMiniType;

/** Every schema the document names, with the side it describes (a request is parsed, a response is sent). */
export const COMPONENTS: readonly { name: string; schema: Schema; io: 'input' | 'output' }[] = [
  { name: 'UploadRequest', schema: uploadRequestSchema, io: 'input' },
  { name: 'ClaimSubmission', schema: claimSubmissionSchema, io: 'input' },
  { name: 'AddDocumentsRequest', schema: addDocumentsRequestSchema, io: 'input' },
  { name: 'BenefitEstimateRequest', schema: benefitEstimateRequestSchema, io: 'input' },
  { name: 'DecisionRequest', schema: decisionRequestSchema, io: 'input' },
  { name: 'CloseRequest', schema: closeRequestSchema, io: 'input' },
  { name: 'RevokeLinksRequest', schema: revokeLinksRequestSchema, io: 'input' },
  { name: 'CorrectionRequest', schema: correctionRequestSchema, io: 'input' },
  { name: 'AppealRequest', schema: appealRequestSchema, io: 'input' },
  { name: 'AppealDecisionRequest', schema: appealDecisionRequestSchema, io: 'input' },
  { name: 'Assessment', schema: assessmentSchema, io: 'input' },
  { name: 'PaymentRequest', schema: paymentRequestSchema, io: 'input' },
  { name: 'PayoutRetryRequest', schema: payoutRetryRequestSchema, io: 'input' },
  { name: 'AssessmentForm', schema: assessmentFormSchema, io: 'input' },
  { name: 'ImportFromStorage', schema: importFromStorageSchema, io: 'input' },
  { name: 'ImportUploadRequest', schema: importUploadRequestSchema, io: 'input' },
  { name: 'ReconcileRequest', schema: reconcileRequestSchema, io: 'input' },
  { name: 'CreateStaffRequest', schema: createStaffSchema, io: 'input' },
  { name: 'UpdateStaffRequest', schema: updateStaffSchema, io: 'input' },
  { name: 'CreateStaffForm', schema: createStaffFormSchema, io: 'input' },
  { name: 'UpdateStaffForm', schema: updateStaffFormSchema, io: 'input' },
  { name: 'ErrorResponse', schema: errorResponseSchema, io: 'output' },
  { name: 'DuplicateClaimError', schema: duplicateClaimResponseSchema, io: 'output' },
  { name: 'GatewayError', schema: gatewayErrorSchema, io: 'output' },
  { name: 'UploadCreated', schema: uploadCreatedSchema, io: 'output' },
  { name: 'ClaimCreated', schema: claimCreatedSchema, io: 'output' },
  { name: 'ClaimStatus', schema: claimStatusResponseSchema, io: 'output' },
  { name: 'DocumentsAdded', schema: documentsAddedSchema, io: 'output' },
  { name: 'BenefitEstimate', schema: benefitEstimateSchema, io: 'output' },
  { name: 'StaffQueue', schema: staffQueueSchema, io: 'output' },
  { name: 'StaffSearch', schema: staffSearchSchema, io: 'output' },
  { name: 'StaffClaim', schema: staffClaimSchema, io: 'output' },
  { name: 'DecisionResult', schema: decisionResultSchema, io: 'output' },
  { name: 'CloseResult', schema: closeResultSchema, io: 'output' },
  { name: 'RevokeLinksResult', schema: revokeLinksResultSchema, io: 'output' },
  { name: 'ReopenResult', schema: reopenResultSchema, io: 'output' },
  { name: 'AssessmentResult', schema: assessmentResultSchema, io: 'output' },
  { name: 'TrancheCreated', schema: trancheCreatedSchema, io: 'output' },
  { name: 'TrancheDecisionResult', schema: trancheDecisionResultSchema, io: 'output' },
  { name: 'PayoutRetryResult', schema: payoutRetryResultSchema, io: 'output' },
  { name: 'RosterImportResult', schema: rosterImportResultSchema, io: 'output' },
  { name: 'PaymentImportResult', schema: paymentImportResultSchema, io: 'output' },
  { name: 'ImportUploadCreated', schema: importUploadCreatedSchema, io: 'output' },
  { name: 'ReconciliationReport', schema: reconciliationReportSchema, io: 'output' },
  { name: 'ReconciliationAccepted', schema: reconciliationAcceptedSchema, io: 'output' },
  { name: 'ReconciliationRun', schema: reconciliationRunSchema, io: 'output' },
  { name: 'ReconciliationList', schema: reconciliationListSchema, io: 'output' },
  { name: 'ImportAccepted', schema: importAcceptedSchema, io: 'output' },
  { name: 'ImportJob', schema: importJobSchema, io: 'output' },
  { name: 'MemberWithCoverage', schema: memberWithCoverageSchema, io: 'output' },
  { name: 'ReportSummary', schema: reportSummarySchema, io: 'output' },
  { name: 'StaffAccount', schema: staffAccountSchema, io: 'output' },
  { name: 'StaffAccountList', schema: staffAccountListSchema, io: 'output' },
];

// ---- The shapes of a specification entry ------------------------------------------------------------------------

export interface Example {
  summary: string;
  value: unknown;
}

export interface BodySpec {
  /** A schema of COMPONENTS; for a form body, the JSON body's schema, flattened to the form's field names. */
  schema: Schema;
  examples: Record<string, Example>;
  /** Form-only fields that are not part of the JSON body (the claim form's idempotency key, its language). */
  extraFields?: Record<string, Record<string, unknown>>;
  description?: string;
}

/** A CSV body: its header row (required) and examples, whole files. */
export interface CsvBodySpec {
  header: readonly string[];
  examples: Record<string, Example>;
}

export interface ParameterSpec {
  name: string;
  in: 'query' | 'header';
  description: string;
  required?: boolean;
  schema: Record<string, unknown>;
  /** The contract test sends every query parameter that has an example. */
  example?: string;
}

/** One response: JSON (a schema, or the error shape limited to some codes), a page, a file, a redirect. */
export interface ResponseSpec {
  description: string;
  json?: Schema | { errors: readonly string[] } | { anyOf: readonly (Schema | { errors: readonly string[] })[] };
  html?: string;
  csv?: string;
  /** Another media type; its schema is a string unless given. */
  text?: { mediaType: string; description: string; schema?: Record<string, unknown> };
  location?: string;
  /** The response carries `Retry-After` (seconds): what it says. */
  retryAfter?: string;
}

export interface OperationSpec {
  operationId: string;
  summary: string;
  description: string;
  tag: string;
  /** Staff routes: who may call it. Sets the bearer/session security requirement and the 401 and 403 answers. */
  roles?: readonly Role[];
  /** A staff GET that a browser may open: 401 is the sign-in page unless the client asks for JSON. */
  signInPage?: boolean;
  parameters?: readonly ParameterSpec[];
  body?: { required: boolean; maxBytes: number; json?: BodySpec; form?: BodySpec; csv?: CsvBodySpec };
  responses: Record<number, ResponseSpec>;
}

export const TAGS = [
  { name: 'Pages', description: 'The claim form, the status lookup and their assets: HTML for people, no JavaScript needed.' },
  {
    name: 'Claims',
    description: 'Families: uploads, claims, status and missing documents (no sign-in; the claimant NIK proves the claim).',
  },
  { name: 'Benefits', description: 'The benefit simulation from the rule tables.' },
  { name: 'Staff claims', description: 'The claim queue, one claim, decisions and payout retries.' },
  {
    name: 'Field coordinators',
    description:
      'Assisted filing: a signed-in field coordinator files for a family, keeps drafts and follows the claims of their districts.',
  },
  { name: 'Staff premiums', description: 'The roster, premium payments and their monthly reconciliation.' },
  { name: 'Staff reports', description: 'Claims, payments, deadlines and premium coverage over a range of days or months.' },
  {
    name: 'Staff accounts',
    description: 'An admin manages staff accounts: roles, province or district scopes, disabling (Cognito groups in AWS).',
  },
  { name: 'Local twin', description: 'Only on the local twin (`npm start`); never in AWS.' },
];

// ---- Reusable pieces ----------------------------------------------------------------------------------------------

const lang: ParameterSpec = {
  name: 'lang',
  in: 'query',
  description: 'Language of pages and error messages: Bahasa Indonesia by default, `en` for English.',
  schema: { type: 'string', enum: ['id', 'en'], default: 'id' },
};
const NIK_HELP = '16 digits';
/** The page of a reconciliation report's discrepancies (an extension of api.md: the list came whole before). */
const REPORT_PAGE_PARAMETERS: readonly ParameterSpec[] = [
  {
    name: 'limit',
    in: 'query',
    description: 'Discrepancies on the page, 1-1000.',
    schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
    example: '50',
  },
  {
    name: 'category',
    in: 'query',
    description: 'Only the discrepancies of this category.',
    schema: { type: 'string', enum: ['UNPAID', 'UNDERPAID', 'OVERPAID', 'PAID_FOR_INACTIVE', 'UNKNOWN_MEMBER'] },
  },
  {
    name: 'nextToken',
    in: 'query',
    description: "From the previous page's `nextToken` (with the same `category`).",
    schema: { type: 'string', maxLength: 200 },
  },
];

/** Path parameters, by name: every route that has one uses the same meaning. */
export const PATH_PARAMETERS: Record<string, { description: string; schema: Record<string, unknown>; example: string }> = {
  draftId: {
    description: "One of the coordinator's drafts (16 base64url characters); another's id, or none, changes nothing.",
    schema: { type: 'string', maxLength: 40 },
    example: 'AAAAAAAAAAAAAAAA',
  },
  document: {
    description: 'A document of the claim by its number on the claim page, counted from 1 (`claim.documents` in its order).',
    schema: { type: 'string', pattern: '^[1-9]\\d{0,2}$' },
    example: '1',
  },
  reference: {
    description: 'The claim reference, e.g. `SNT-2026-7KQ4MZ`; lower case, spaces or a missing dash are accepted.',
    schema: { type: 'string', maxLength: 40 },
    example: 'SNT-2026-7KQ4MZ',
  },
  nik: {
    description: `The member's NIK, ${NIK_HELP}.`,
    schema: { type: 'string', pattern: '^[\\d\\s.-]{16,24}$' },
    example: '3173014107850003',
  },
  period: { description: 'A month, YYYY-MM.', schema: { type: 'string', pattern: '^\\d{4}-\\d{2}$' }, example: '2026-09' },
  jobId: {
    description: 'An import from storage, `IMP-<16 characters>`.',
    schema: { type: 'string', pattern: '^IMP-[A-Za-z0-9_-]{16}$' },
    example: 'IMP-AAAAAAAAAAAAAAAA',
  },
  username: {
    description: 'A staff account: lower-case letters, digits, `.`, `_`, `-`, starting with a letter, 3 to 32 characters.',
    schema: { type: 'string', pattern: '^[a-z][a-z0-9._-]{2,31}$' },
    example: 'rina.verifier',
  },
  runId: {
    description: 'An on-demand reconciliation run, `REC-<period>-<10 characters>`.',
    schema: { type: 'string', pattern: '^REC-\\d{4}-\\d{2}-[A-Za-z0-9_-]{10}$' },
    example: 'REC-2026-09-AAAAAAAAAA',
  },
};

const invalid = (description = 'Invalid fields, each with its path and message code (`fields`).'): ResponseSpec => ({
  description,
  json: { errors: ['VALIDATION_FAILED'] },
});
/** Too many wrong claimant NIKs on one reference (docs/architecture.md, "Rate limits"). */
const tooManyAttempts = (html?: string): ResponseSpec => ({
  description:
    'Too many wrong claimant NIKs on this reference: by default 10 in a 15-minute window from the clients that made them, ' +
    '30 from all clients. Every lookup of the reference is refused until the window ends, the right NIK too; an unknown ' +
    'reference is counted the same way.',
  json: { errors: ['TOO_MANY_ATTEMPTS'] },
  retryAfter: 'Seconds until the window ends.',
  ...(html ? { html } : {}),
});
const notFound = (description: string, html?: string): ResponseSpec => ({
  description,
  json: { errors: ['NOT_FOUND'] },
  ...(html ? { html } : {}),
});

// ---- Examples (the api.md people; the contract test sends every one of them to the twin) ---------------------------

const exampleClaim = {
  benefit: 'JKM',
  member: { nik: '3173014107850003', name: 'Siti Aminah' },
  incident: { type: 'death', date: '2026-10-03', cause: 'illness', description: 'Meninggal di rumah sakit setelah dirawat.' },
  claimant: {
    nik: '3173010203800001',
    name: 'Ahmad Fauzi',
    relationship: 'spouse',
    phone: '+6281234567890',
    email: 'ahmad.fauzi@example.org',
  },
  payout: { bankCode: '002', accountNumber: '012301000123456', accountHolder: 'Ahmad Fauzi' },
  documents: [],
};

/** A work-accident death filed from the form: field names are the JSON paths. Another family, so it is no duplicate. */
const exampleClaimForm = {
  benefit: 'JKK',
  'member.nik': '3201011203780004',
  'member.name': 'Budi Santoso',
  'incident.type': 'death',
  'incident.date': '2026-09-14',
  'incident.cause': 'work_accident',
  'claimant.nik': '3201015708800003',
  'claimant.name': 'Sri Wahyuni',
  'claimant.relationship': 'spouse',
  'claimant.phone': '+6285712345678',
  'payout.bankCode': '008',
  'payout.accountNumber': '1370012345678',
  'payout.accountHolder': 'Sri Wahyuni',
  // No document sent: the family confirmed on the page that they send them later (else the form comes back to ask).
  _documentsLater: '1',
};

const EXAMPLE_UPLOAD_ID = 'up_Zk3vQ1m0cT8rW2yLp5aHdA';
const EXAMPLE_IMPORT_UPLOAD_ID = 'imp_Q2hVbm0xTmZrN3dYcGRhRg';
/** What intake checks of each document (docs/architecture.md, "Checking an upload"). */
const DOCUMENT_RULES =
  'Each document names a finished upload (`POST /uploads`) under the document type it was declared with (else 400 ' +
  '`document.typeMismatch` on `documents[i].type`). The stored file must have the declared size and content type and start ' +
  'with its signature (PDF `%PDF-`, JPEG `FF D8 FF`, PNG `89 50 4E 47 0D 0A 1A 0A`), else 400 on `documents[i].uploadId`: ' +
  '`uploadId.notFound`, `uploadId.tooLarge`, `uploadId.sizeMismatch`, `uploadId.typeMismatch` (content type), ' +
  '`uploadId.contentMismatch`. The first claim that uses an upload keeps it: another claim naming it gets 400 `uploadId.alreadyUsed`.';

const rosterCsv = [
  ROSTER_HEADER.join(','),
  '3173014107850003,Siti Aminah,TKSK,,31,3173,317301,2019-01-01,1000000,+6281234567890,active',
  '3201011203780004,Budi Santoso,TKSK,,32,3201,320101,2020-03-01,1500000,,active',
  '',
].join('\n');

const paymentsCsv = [
  PAYMENT_HEADER.join(','),
  '2026-09,3173014107850003,10000,6800,KWT-2026-09-0001,2026-09-14',
  '2026-09,3201011203780004,15000,6800,KWT-2026-09-0002,2026-09-14',
  '',
].join('\n');

const importFromStorage: BodySpec = {
  schema: importFromStorageSchema,
  description:
    'A file over a few MB: ask POST /staff/uploads, send the file to storage, then name its uploadId here ' +
    `(at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`,
  examples: { fromStorage: { summary: 'A file uploaded to storage first', value: { uploadId: EXAMPLE_IMPORT_UPLOAD_ID } } },
};

/** The `202` of both imports: a file in storage imported as a job that outlived the wait. */
const importAccepted = {
  description:
    'A file in storage (`{"uploadId"}`) is imported as a job; when it is not done within 20 s (or with `Prefer: respond-async`), poll `statusUrl` (also in `Location`).',
  json: importAcceptedSchema,
  location: '`/staff/imports/{jobId}`',
};

const csvImportErrors = {
  400: invalid(
    'A file that is not CSV, has a wrong header, or an `uploadId` with no uploaded file; refused as a whole. ' +
      'Bad lines are not errors: see `rejected`.',
  ),
};

const anyStaff = STAFF_ROLES;

// ---- The routes of infra/definitions/routes.ts, by route key ---------------------------------------------------------

export const OPERATIONS: Record<string, OperationSpec> = {
  'GET /': {
    operationId: 'getClaimForm',
    summary: 'The claim form',
    description:
      'The claim form in Bahasa Indonesia (`?lang=en` for English). Works without JavaScript; with it, documents upload ' +
      'straight to storage.',
    tag: 'Pages',
    parameters: [lang],
    responses: { 200: { description: 'The form.', html: 'The claim form page.' } },
  },
  'GET /assets/upload.js': {
    operationId: 'getUploadScript',
    summary: "The form's upload script",
    description: 'Cacheable for a day.',
    tag: 'Pages',
    responses: { 200: { description: 'The script.', text: { mediaType: 'text/javascript', description: 'The upload script.' } } },
  },
  'GET /assets/app.css': {
    operationId: 'getStylesheet',
    summary: 'The stylesheet of every page',
    description: 'Cacheable for a day.',
    tag: 'Pages',
    responses: { 200: { description: 'The stylesheet.', text: { mediaType: 'text/css', description: 'The stylesheet.' } } },
  },
  'GET /assets/status.js': {
    operationId: 'getStatusScript',
    summary: "The status page's self-refresh",
    description:
      'While a claim moves, the status page asks for its own JSON now and then and reloads when the status changed. ' +
      'Cacheable for a day.',
    tag: 'Pages',
    responses: { 200: { description: 'The script.', text: { mediaType: 'text/javascript', description: 'The refresh script.' } } },
  },
  'POST /uploads': {
    operationId: 'createUpload',
    summary: 'Ask to upload one document',
    description:
      'Reserves one upload and answers with a presigned POST limited to the declared type and 5 MB: send `fields` and then ' +
      '`file` as multipart/form-data to `url`, straight to storage. The `uploadId` then goes into a claim or ' +
      'POST /claims/{reference}/documents.',
    tag: 'Claims',
    body: {
      required: true,
      maxBytes: 4 * 1024,
      json: {
        schema: uploadRequestSchema,
        examples: {
          deathCertificate: {
            summary: 'A death certificate as PDF',
            value: { type: 'DEATH_CERTIFICATE', contentType: 'application/pdf', size: 182_044 },
          },
        },
      },
    },
    responses: {
      201: { description: 'The upload is reserved.', json: uploadCreatedSchema },
      400: invalid(`An unknown type or content type, or a size over ${MAX_UPLOAD_BYTES} bytes (\`upload.tooLarge\`).`),
    },
  },
  'POST /claims': {
    operationId: 'submitClaim',
    summary: 'Submit a claim',
    description:
      'JSON, or the claim form (`application/x-www-form-urlencoded`, field names are the JSON paths). Rules across fields: ' +
      '`JKM` requires `incident.type` `death`; `JKK` requires a work cause (`work_accident`, `commute_accident`, ' +
      "`occupational_disease`), JKM a non-work one; `self` only for an injury and an injury only by `self` (with the member's NIK); the claimant is not the deceased " +
      `member; a phone or an email is required. ${DOCUMENT_RULES} ` +
      'An unknown member is not an intake error: the workflow rejects it with reason `MEMBER_NOT_FOUND`. A claim by another claimant ' +
      'for the same member and benefit is accepted and flagged `COMPETING_CLAIM`.',
    tag: 'Claims',
    parameters: [
      {
        name: 'Idempotency-Key',
        in: 'header',
        description:
          'The same key with the same body answers the first response again; with a different body, 422 `IDEMPOTENCY_KEY_REUSED`.',
        schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,64}$' },
      },
    ],
    body: {
      required: true,
      maxBytes: 64 * 1024,
      json: {
        schema: claimSubmissionSchema,
        examples: { jkmDeath: { summary: 'A JKM death claim by the spouse (api.md)', value: exampleClaim } },
      },
      form: {
        schema: claimSubmissionSchema,
        description: 'The claim form. Empty fields are left out; rows of `documents[i]` without an `uploadId` are ignored.',
        extraFields: {
          _idempotencyKey: {
            type: 'string',
            pattern: '^[\\x21-\\x7e]{1,64}$',
            description: "The form's own idempotency key (a hidden field).",
          },
          lang: { type: 'string', enum: ['id', 'en'], description: 'The language of the page that comes back.' },
          _documentsLater: {
            type: 'string',
            enum: ['1'],
            description:
              'The family confirmed filing with required documents still missing (the checkbox the form shows when it asks); without it such a post gets the form back (200).',
          },
        },
        examples: { jkkDeath: { summary: 'A JKK death (work accident) filed from the form', value: exampleClaimForm } },
      },
    },
    responses: {
      201: {
        description: 'Filed (JSON). `Location` is the status URL.',
        json: claimCreatedSchema,
        location: 'The status URL, `/claims/{reference}`.',
      },
      200: {
        description: 'Form posts only: the claim lacks required documents and `_documentsLater` is not set, so nothing is filed yet.',
        html: 'The form again, every value and sent file kept, listing the missing documents and asking to confirm that they will be sent later.',
      },
      303: { description: 'Filed from the form: on to the status page.', location: 'The status page, `/claims/{reference}?nik=…&new=1`.' },
      400: { ...invalid(), html: 'A form post gets the form back with each message beside its field and the values kept.' },
      409: {
        description:
          '`DUPLICATE_CLAIM`: the same claimant already has an open claim for this member and benefit, or one is paid (with `reference` ' +
          'when the caller is that claimant). A claim by another claimant is not a 409: it is accepted, flagged `COMPETING_CLAIM` and ' +
          'sent with the other one to a supervisor, and at most one of them is ever paid. `CONFLICT`: concurrent requests, retry.',
        json: { anyOf: [duplicateClaimResponseSchema, { errors: ['CONFLICT'] }] },
        html: 'A form post gets the form back with the message.',
      },
      413: { description: 'The body is over 64 KB.', json: { errors: ['PAYLOAD_TOO_LARGE'] }, html: 'A form post gets the form back.' },
      422: {
        description: 'The Idempotency-Key came with a different body.',
        json: { errors: ['IDEMPOTENCY_KEY_REUSED'] },
        html: 'A form post gets the form back.',
      },
    },
  },
  'GET /claims/{reference}': {
    operationId: 'getClaimStatus',
    summary: "A claim's status",
    description:
      'JSON when `Accept: application/json` comes before any `text/html`, else the status page. The caller proves the claim is ' +
      "theirs with the claimant's NIK typed by hand (`nik`), or with the token of a status link from an email or SMS (`t`, " +
      "which then wins: links carry no NIK). 404 alike when the reference is unknown, the NIK is not the claimant's, or the " +
      'token is wrong, expired or revoked, so references cannot be probed; too many of any of them on one reference is a 429 ' +
      'until its window ends.',
    tag: 'Claims',
    parameters: [
      {
        name: 'nik',
        in: 'query',
        description: `The claimant's NIK, ${NIK_HELP}. Required unless \`t\` is given.`,
        schema: { type: 'string' },
        example: '3173010203800001',
      },
      {
        name: 't',
        in: 'query',
        description:
          'The token of a status link (about 19 characters, base 36 expiry day then 16 base64url characters): signed for this ' +
          'claim and for viewing only, valid for `STATUS_LINK_TTL_DAYS` (90 by default), revoked with ' +
          '`POST /staff/claims/{reference}/links/revoke`. Instead of `nik`.',
        schema: { type: 'string', pattern: '^[0-9a-z]{1,6}[A-Za-z0-9_-]{16}$' },
      },
      lang,
    ],
    responses: {
      200: {
        description: 'The status.',
        json: claimStatusResponseSchema,
        html: 'The status page with the timeline and, when missing, a form to send documents.',
      },
      404: notFound('No claim with this reference and claimant NIK.', 'The lookup form with a message.'),
      429: tooManyAttempts('The lookup form with a message in the page language.'),
    },
  },
  'GET /status': {
    operationId: 'lookUpClaim',
    summary: 'The status lookup form',
    description: 'Without both `reference` and `nik`, the lookup form; with them, a redirect to the status page.',
    tag: 'Pages',
    parameters: [
      { name: 'reference', in: 'query', description: 'The claim reference.', schema: { type: 'string' }, example: 'SNT-2026-7KQ4MZ' },
      {
        name: 'nik',
        in: 'query',
        description: `The claimant's NIK, ${NIK_HELP}.`,
        schema: { type: 'string' },
        example: '3173010203800001',
      },
      lang,
    ],
    responses: {
      200: { description: 'The lookup form.', html: 'The lookup form.' },
      303: { description: 'On to the status page.', location: '`/claims/{reference}?nik=…`' },
    },
  },
  'POST /claims/{reference}/documents': {
    operationId: 'addDocuments',
    summary: 'Add missing documents',
    description:
      "The family sends what was missing, until the claim is decided; `nik` is the claimant's NIK (a mismatch is the same 404 " +
      `as an unknown reference, under the same limit as the status lookup: 429). ${DOCUMENT_RULES} A claim waiting in \`NEEDS_DOCUMENTS\` resumes when ` +
      'nothing is missing.',
    tag: 'Claims',
    body: {
      required: true,
      maxBytes: 16 * 1024,
      json: {
        schema: addDocumentsRequestSchema,
        examples: {
          deathCertificate: {
            summary: 'The death certificate, uploaded first with POST /uploads',
            value: { nik: '3173010203800001', documents: [{ type: 'DEATH_CERTIFICATE', uploadId: EXAMPLE_UPLOAD_ID }] },
          },
        },
      },
      form: {
        schema: addDocumentsRequestSchema,
        description: 'The form on the status page.',
        examples: {
          deathCertificate: {
            summary: 'The same, from the status page',
            value: { nik: '3173010203800001', 'documents[0].type': 'DEATH_CERTIFICATE', 'documents[0].uploadId': EXAMPLE_UPLOAD_ID },
          },
        },
      },
    },
    responses: {
      200: { description: 'Added (JSON).', json: documentsAddedSchema },
      303: { description: 'Added from the status page: back to it.', location: '`/claims/{reference}?nik=…`' },
      400: invalid('Invalid fields, or a document refused as described above.'),
      404: notFound('No claim with this reference and claimant NIK.'),
      409: {
        description:
          '`CLAIM_CLOSED`: the claim is decided and takes no documents. `CLAIM_STATE_CHANGED`, `CONFLICT`: it changed meanwhile, retry.',
        json: { errors: ['CLAIM_CLOSED', 'CLAIM_STATE_CHANGED', 'CONFLICT'] },
      },
      413: { description: 'The body is over 16 KB.', json: { errors: ['PAYLOAD_TOO_LARGE'] } },
      429: tooManyAttempts(),
    },
  },
  'POST /claims/{reference}/correction': {
    operationId: 'correctClaim',
    summary: 'Correct a rejected claim and verify it again',
    description:
      'An extension of api.md: a claim rejected for something the family typed or had not sent is corrected on the same reference, ' +
      'its history kept: `MEMBER_NOT_FOUND` and `MEMBER_NAME_WRONG` take the corrected `member` (NIK and name), `DOCUMENTS_EXPIRED` and ' +
      '`DOCUMENTS_NOT_SENT` the missing `documents`. Verification then runs again (the claim is `SUBMITTED`). Allowed within the claim ' +
      `window (JKK 5 years after the accident, JKM none) and at most ${MAX_CORRECTIONS} times per claim. \`nik\` is the claimant's NIK (a ` +
      'mismatch is the same 404 as an unknown reference, under the same limit as the status lookup: 429). The claim takes its ' +
      "claimant's open-claim lock again: another open claim by the same claimant for the corrected member is a 409 `DUPLICATE_CLAIM`. " +
      'Repeating a correction that was applied answers 200 again and starts nothing twice.',
    tag: 'Claims',
    body: {
      required: true,
      maxBytes: 16 * 1024,
      json: {
        schema: correctionRequestSchema,
        examples: {
          memberNik: {
            summary: "The member's NIK had one digit wrong",
            value: { nik: '3173010203800001', member: { nik: '3173014107850003', name: 'Siti Aminah' } },
          },
          documents: {
            summary: 'The documents that did not arrive in time',
            value: { nik: '3173010203800001', documents: [{ type: 'DEATH_CERTIFICATE', uploadId: EXAMPLE_UPLOAD_ID }] },
          },
        },
      },
      form: {
        schema: correctionRequestSchema,
        description: 'The correction form on the status page of a rejected claim.',
        examples: {
          memberNik: {
            summary: 'The same, from the status page',
            value: { nik: '3173010203800001', 'member.nik': '3173014107850003', 'member.name': 'Siti Aminah' },
          },
        },
      },
    },
    responses: {
      200: { description: 'Corrected: verification runs again (JSON).', json: reopenResultSchema },
      303: { description: 'Corrected from the status page: back to it.', location: '`/claims/{reference}?nik=…`' },
      400: {
        ...invalid('Invalid fields, the same member as before, or a document refused.'),
        html: 'The status page with the messages beside the form.',
      },
      404: notFound('No claim with this reference and claimant NIK.'),
      409: {
        description:
          '`NOT_REJECTED`, `NOT_CORRECTABLE` (rejected for a reason a correction cannot answer: appeal instead), `TOO_MANY_CORRECTIONS`, ' +
          '`CLAIM_WINDOW_EXPIRED`, `DUPLICATE_CLAIM`; `CLAIM_STATE_CHANGED`, `CONFLICT`: it changed meanwhile, retry.',
        json: {
          errors: [
            'NOT_REJECTED',
            'NOT_CORRECTABLE',
            'TOO_MANY_CORRECTIONS',
            'CLAIM_WINDOW_EXPIRED',
            'DUPLICATE_CLAIM',
            'CLAIM_STATE_CHANGED',
            'CONFLICT',
          ],
        },
        html: 'The status page with the refusal above the form.',
      },
      413: { description: 'The body is over 16 KB.', json: { errors: ['PAYLOAD_TOO_LARGE'] } },
      429: tooManyAttempts(),
    },
  },
  'POST /claims/{reference}/appeal': {
    operationId: 'appealClaim',
    summary: 'Appeal a rejected claim',
    description:
      `Within ${DEFAULT_APPEAL_WINDOW_DAYS} days after the rejection (\`APPEAL_WINDOW_DAYS\`), once per claim, the family sends a statement and ` +
      'new documents; the claim waits for a supervisor (`APPEALED`), who is emailed, and the family is told it was received. Upheld, ' +
      'the rejection is set aside and verification runs again (to the documents still missing, or to a supervisor for approval); ' +
      "refused, the rejection stands. `nik` is the claimant's NIK (404 and 429 as for the status lookup). Repeating the same appeal " +
      'answers 201 again.',
    tag: 'Claims',
    body: {
      required: true,
      maxBytes: 16 * 1024,
      json: {
        schema: appealRequestSchema,
        examples: {
          statement: {
            summary: 'The member was active on the day',
            value: {
              nik: '3173010203800001',
              statement: 'Suami saya masih bertugas sebagai TKSK sampai hari meninggalnya; surat tugas terlampir.',
              documents: [{ type: 'OTHER', uploadId: EXAMPLE_UPLOAD_ID }],
            },
          },
        },
      },
      form: {
        schema: appealRequestSchema,
        description: 'The appeal form on the status page of a rejected claim.',
        examples: {
          statement: {
            summary: 'The same, from the status page',
            value: { nik: '3173010203800001', statement: 'Suami saya masih bertugas.' },
          },
        },
      },
    },
    responses: {
      201: {
        description: 'Appealed: the claim waits for a supervisor (JSON).',
        json: reopenResultSchema,
        location: '`/claims/{reference}`',
      },
      303: { description: 'Appealed from the status page: back to it.', location: '`/claims/{reference}?nik=…`' },
      400: { ...invalid('Invalid fields, or a document refused.'), html: 'The status page with the messages beside the form.' },
      404: notFound('No claim with this reference and claimant NIK.'),
      409: {
        description:
          '`NOT_REJECTED`, `ALREADY_APPEALED`, `APPEAL_WINDOW_CLOSED` (too late), `DUPLICATE_CLAIM` (the claimant has another open claim for ' +
          'the member); `CLAIM_STATE_CHANGED`, `CONFLICT`: it changed meanwhile, retry.',
        json: {
          errors: ['NOT_REJECTED', 'ALREADY_APPEALED', 'APPEAL_WINDOW_CLOSED', 'DUPLICATE_CLAIM', 'CLAIM_STATE_CHANGED', 'CONFLICT'],
        },
        html: 'The status page with the refusal above the form.',
      },
      413: { description: 'The body is over 16 KB.', json: { errors: ['PAYLOAD_TOO_LARGE'] } },
      429: tooManyAttempts(),
    },
  },
  'POST /benefits/estimate': {
    operationId: 'estimateBenefit',
    summary: 'Estimate a benefit',
    description:
      'The benefit by the rule set in force on the incident date (PP 44/2015 before 2019-12-02, PP 82/2019 since). A JKK injury is priced ' +
      'from `assessment` (what staff would read from the medical report and receipts); without one, `total` is 0 and `requiresAssessment`. ' +
      '`children` add `scholarship`, what each child would receive this school year. A percentage over 100, a negative amount or a ' +
      'functional disability without `functionLossPercent` is a 400 naming the field.',
    tag: 'Benefits',
    body: {
      required: true,
      maxBytes: 4 * 1024,
      json: {
        schema: benefitEstimateRequestSchema,
        examples: {
          jkmDeath: {
            summary: 'JKM, wage Rp1,000,000, member since 2019',
            value: {
              benefit: 'JKM',
              incident: { type: 'death', date: '2026-10-03' },
              member: { monthlyWage: 1_000_000, membershipStart: '2019-01-01' },
            },
          },
          jkkInjury: {
            summary: 'JKK injury: 14 months off work and one eye lost, wage Rp2,500,000',
            value: {
              benefit: 'JKK',
              incident: { type: 'injury', date: '2026-03-02' },
              member: { monthlyWage: 2_500_000, membershipStart: '2019-01-01' },
              assessment: {
                stmb: { months: 14 },
                disability: { kind: 'anatomical', percent: 35 },
                transport: [{ mode: 'land', amount: 650_000 }],
              },
            },
          },
          jkmWithChildren: {
            summary: 'JKM with two children at school',
            value: {
              benefit: 'JKM',
              incident: { type: 'death', date: '2026-10-03' },
              member: { monthlyWage: 1_000_000, membershipStart: '2019-01-01' },
              children: [
                { birthDate: '2012-05-01', schoolLevel: 'SMP' },
                { birthDate: '2017-08-17', schoolLevel: 'SD' },
              ],
            },
          },
        },
      },
    },
    responses: {
      200: { description: 'The estimate.', json: benefitEstimateSchema },
      400: invalid('Invalid fields; a JKM injury (`incident.type`); an incident date before every rule set (`incident.date`).'),
      413: { description: 'The body is over 4 KB.', json: { errors: ['PAYLOAD_TOO_LARGE'] } },
    },
  },
  'GET /staff/claims': {
    operationId: 'listStaffClaims',
    summary: 'The claim queue',
    description:
      'Claims in one status (or `ALL`: every status, newest first), 50 a page, JSON when `Accept: application/json`, else the queue ' +
      'page: the statuses as tabs with their counts, each claim with its age in working days and where it stands against the legal ' +
      'payout deadline (on time, due today, late), a status oldest first. The JSON keeps the api.md shape; `status=ALL`, `order` ' +
      'and `counts` are extensions.',
    tag: 'Staff claims',
    roles: anyStaff,
    signInPage: true,
    parameters: [
      {
        name: 'status',
        in: 'query',
        description: 'The status to list (case-insensitive), or `ALL`.',
        schema: { type: 'string', enum: [...CLAIM_STATUSES, 'ALL'], default: 'AWAITING_APPROVAL' },
        example: 'AWAITING_APPROVAL',
      },
      {
        name: 'order',
        in: 'query',
        description: "A status queue newest first (JSON default) or oldest first (the page's default). `ALL` is always newest first.",
        schema: { type: 'string', enum: ['newest', 'oldest'] },
      },
      {
        name: 'counts',
        in: 'query',
        description: 'JSON: `true` adds `counts`, the claims in each status (one `Select COUNT` query per status).',
        schema: { type: 'string', enum: ['true', 'false'] },
        example: 'true',
      },
      { name: 'nextToken', in: 'query', description: 'From the previous page.', schema: { type: 'string' } },
      lang,
    ],
    responses: {
      200: { description: 'One page of the queue.', json: staffQueueSchema, html: 'The queue page.' },
      400: invalid('An unknown `status` or `order`, or a `nextToken` this API did not give out.'),
    },
  },
  'GET /staff/claims/{reference}': {
    operationId: 'getStaffClaim',
    summary: 'One claim with its audit trail',
    description: 'JSON when `Accept: application/json`, else the claim page staff open from the email link (a GET never changes state).',
    tag: 'Staff claims',
    roles: anyStaff,
    signInPage: true,
    responses: {
      200: {
        description: 'The claim.',
        json: staffClaimSchema,
        html: 'The claim page with the benefit, flags, documents, audit trail and decision form.',
      },
      404: notFound('No claim with this reference.'),
    },
  },
  'GET /staff/claims/{reference}/documents/{document}': {
    operationId: 'openStaffClaimDocument',
    summary: 'Open one document of a claim',
    description:
      "A staff member opens a family's document from the claim page. The view is written to the claim's audit trail first " +
      '(`DOCUMENT_VIEWED`: who, when, the document type; no personal data), then the answer is a redirect to a presigned GET on the ' +
      'private documents bucket, valid for 60 seconds, which answers with the stored content type and `Content-Disposition: inline` ' +
      '(the browser shows an image or a PDF, it does not download it). Only a document of this claim can be named.',
    tag: 'Staff claims',
    roles: anyStaff,
    signInPage: true,
    responses: {
      302: {
        description:
          'The document (a presigned GET, 60 seconds); or, for a browser without a session, the hosted sign-in page, which comes back here.',
        location: 'The presigned URL of the document on the documents bucket, or the sign-in page.',
      },
      404: notFound('No claim with this reference, or no document with this number on it.'),
    },
  },
  'GET /staff/auth/callback': {
    operationId: 'staffSignInCallback',
    summary: 'Staff sign-in: the hosted sign-in page comes back here',
    description:
      'The end of the OAuth 2.0 authorization code flow with PKCE that a staff page starts for a browser without a session (the ' +
      'Cognito hosted UI in AWS; the twin imitates its `/oauth2/authorize` and `/oauth2/token`). The `state` must match the short-lived ' +
      '`santunan_signin` cookie set when the flow started; the code is exchanged for an access token, which becomes the ' +
      '`santunan_session` cookie (HttpOnly, SameSite=Strict, Path=/staff), and a page opens the staff page asked for (a same-site ' +
      '`/staff/` path only). Not for API clients: they send a Bearer token.',
    tag: 'Staff claims',
    parameters: [
      { name: 'code', in: 'query', description: 'The authorization code from the hosted sign-in page.', schema: { type: 'string' } },
      { name: 'state', in: 'query', description: 'The state this site sent with the sign-in request.', schema: { type: 'string' } },
    ],
    responses: {
      200: { description: 'Signed in: the session cookie is set.', html: 'A page that opens the staff page asked for at once.' },
      400: {
        description: 'No sign-in in progress in this browser, another state, or a code the sign-in service refused.',
        html: 'A page that says so, with a link to sign in again.',
      },
    },
  },
  'GET /staff/logout': {
    operationId: 'staffSignOut',
    summary: 'Staff sign-out',
    description:
      "Clears the session cookie and ends the hosted sign-in's own session (Cognito's `/logout`; the twin's imitation), which " +
      'comes back to the queue: signed out, that is the sign-in page.',
    tag: 'Staff claims',
    responses: {
      302: {
        description: "Signed out: to the sign-in service's logout.",
        location: '`<sign-in service>/logout?client_id=…&logout_uri=…/staff/claims`',
      },
    },
  },
  'POST /staff/claims/{reference}/assessment': {
    operationId: 'assessClaim',
    summary: 'Assess a JKK injury',
    description:
      'A verifier or supervisor enters what the medical report and receipts say (api.md `assessment`); the rules of the accident date ' +
      "price it with the member's wage on that date. The claim keeps awaiting a decision, now on this amount, under the same two-person " +
      'rule: earlier approvals are void, and whoever assessed cannot approve. Entering it again corrects it. Recorded in the audit trail. ' +
      'The claim page has the form (no JavaScript needed; amounts may be typed as `1.800.000`), which is redirected back to the claim.',
    tag: 'Staff claims',
    roles: ['verifier', 'supervisor'],
    body: {
      required: true,
      maxBytes: 8 * 1024,
      json: {
        schema: assessmentSchema,
        examples: {
          eyeAndStmb: {
            summary: '14 months off work, one eye lost, a land trip',
            value: {
              stmb: { months: 14 },
              disability: { kind: 'anatomical', part: 'eye_one' },
              transport: [{ mode: 'land', amount: 650_000 }],
            },
          },
        },
      },
      form: {
        schema: assessmentFormSchema,
        description:
          'The assessment form on the claim page: the same fields named by their JSON paths (`stmb.months`, `transport[0].amount`), ' +
          'amounts as typed (`1.800.000`, `Rp 1.800.000`), percentages with a decimal comma (`4,5`); empty rows are left out.',
        examples: {
          homeCare: {
            summary: 'Home care, typed the Indonesian way',
            value: { 'homeCare.monthly': 'Rp 1.800.000', 'homeCare.months': '14' },
          },
        },
      },
    },
    responses: {
      200: { description: 'The benefit the assessment prices, by component.', json: assessmentResultSchema },
      303: { description: 'Assessed from the claim page: back to it.', location: '`/staff/claims/{reference}#assessment`' },
      400: {
        ...invalid(
          'A percentage outside 0-100, a negative amount, an unknown body part, a functional disability without the share lost, or an empty assessment.',
        ),
        html: 'An error page (form posts).',
      },
      401: { description: 'No valid access token.', json: { errors: ['UNAUTHORIZED'] }, html: 'An error page (form posts).' },
      403: { description: 'Not a verifier or supervisor.', json: { errors: ['FORBIDDEN'] }, html: 'An error page (form posts).' },
      404: { ...notFound('No claim with this reference.'), html: 'An error page (form posts).' },
      409: {
        description:
          '`NOT_AN_INJURY`: not a JKK injury claim. `NOT_AWAITING_DECISION`: decided, or not verified yet. `MEMBER_NOT_FOUND`: the member left the roster. ' +
          '`CLAIM_STATE_CHANGED`, `CONFLICT`: it changed meanwhile.',
        json: { errors: ['NOT_AN_INJURY', 'NOT_AWAITING_DECISION', 'MEMBER_NOT_FOUND', 'CLAIM_STATE_CHANGED', 'CONFLICT'] },
        html: 'An error page (form posts).',
      },
      413: { description: 'The body is over 8 KB.', json: { errors: ['PAYLOAD_TOO_LARGE'] }, html: 'An error page (form posts).' },
    },
  },
  'POST /staff/claims/{reference}/payments': {
    operationId: 'requestPayment',
    summary: 'Ask for a further payment (a tranche)',
    description:
      'A claim can pay more than once (domain.md): more STMB months while the worker recovers, a disability found later, one school ' +
      'year of scholarship. A verifier or supervisor asks for one on a claim whose first payment is approved (`APPROVED`, `PAYING`, ' +
      '`PAYOUT_FAILED` or `PAID`). It is priced by the same rules as a first payment: `STMB` and `DISABILITY` (JKK injuries only) ' +
      "from `assessment` (only `stmb`, or only `disability`) at the member's wage on the incident date, STMB months continuing the " +
      'count of the months already paid (months 13 on at 50%); `SCHOLARSHIP` (claims whose benefit is `scholarshipEligible`, or after ' +
      'a total disability paid) for `schoolYear`, per child at their level, within the years each level allows and the cap over all ' +
      'years, and only once the family has sent a `SCHOOL_CERTIFICATE` for that year (409 `PROOF_OF_SCHOOLING_REQUIRED` until then). ' +
      'The tranche (`T2`, `T3`, ...) then awaits its own approval (`POST …/decision` with `tranche`; two people above Rp50,000,000; ' +
      'whoever asked cannot approve), runs in its own workflow execution `<reference>-T2` and is paid once with the bank key ' +
      '`<reference>/T2`. The family is told.',
    tag: 'Staff claims',
    roles: ['verifier', 'supervisor'],
    body: {
      required: true,
      maxBytes: 8 * 1024,
      json: {
        schema: paymentRequestSchema,
        examples: {
          stmb: { summary: 'Two more months off work', value: { kind: 'STMB', assessment: { stmb: { months: 2 } } } },
          disability: {
            summary: 'A disability found later: one eye',
            value: { kind: 'DISABILITY', assessment: { disability: { kind: 'anatomical', part: 'eye_one' } } },
          },
          scholarship: {
            summary: 'A school year of scholarship, with the levels of this year',
            value: {
              kind: 'SCHOLARSHIP',
              schoolYear: '2026/2027',
              children: [
                { name: 'Rina Aminah', birthDate: '2016-08-17', schoolLevel: 'SD' },
                { name: 'Budi Aminah', birthDate: '2012-02-01', schoolLevel: 'SMP' },
              ],
            },
          },
        },
      },
    },
    responses: {
      201: { description: 'The tranche, awaiting its approval.', json: trancheCreatedSchema },
      400: invalid(
        'A missing `assessment.stmb` or `assessment.disability` (or another part given: `assessment.notForKind`), a missing or malformed `schoolYear`, no children declared.',
      ),
      404: notFound('No claim with this reference.'),
      409: {
        description:
          '`CLAIM_CLOSED`: rejected or withdrawn. `FIRST_PAYMENT_NOT_APPROVED`: the first payment is not approved yet. `NOT_AN_INJURY`: ' +
          'STMB or DISABILITY on a claim that is not a JKK injury. `TRANCHE_AWAITING_APPROVAL`: an STMB payment awaits its decision (a request sent twice pays nothing twice). `STMB_ENDED`: a part month was paid. `DISABILITY_ALREADY_ASSESSED`. ' +
          '`NOT_SCHOLARSHIP_ELIGIBLE`. `SCHOOL_YEAR_ALREADY_REQUESTED`. `PROOF_OF_SCHOOLING_REQUIRED`: no SCHOOL_CERTIFICATE for the ' +
          'year yet. `SCHOLARSHIP_CAP_REACHED`. `NO_CHILD_ELIGIBLE`. `MEMBER_NOT_FOUND`. `CLAIM_STATE_CHANGED`, `CONFLICT`: it changed meanwhile.',
        json: {
          errors: [
            'CLAIM_CLOSED',
            'FIRST_PAYMENT_NOT_APPROVED',
            'NOT_AN_INJURY',
            'TRANCHE_AWAITING_APPROVAL',
            'STMB_ENDED',
            'DISABILITY_ALREADY_ASSESSED',
            'NOT_SCHOLARSHIP_ELIGIBLE',
            'SCHOOL_YEAR_ALREADY_REQUESTED',
            'PROOF_OF_SCHOOLING_REQUIRED',
            'SCHOLARSHIP_CAP_REACHED',
            'NO_CHILD_ELIGIBLE',
            'MEMBER_NOT_FOUND',
            'CLAIM_STATE_CHANGED',
            'CONFLICT',
          ],
        },
      },
      413: { description: 'The body is over 8 KB.', json: { errors: ['PAYLOAD_TOO_LARGE'] } },
    },
  },
  'POST /staff/claims/{reference}/decision': {
    operationId: 'decideClaim',
    summary: 'Approve or reject a claim',
    description:
      'Approvers decide claims at approver level; supervisors any (claims above Rp50,000,000, flagged ones, escalations). Claims that ' +
      'need two approvals need them from two people. A rejection needs a `reasonCode`: ' +
      `${Object.keys(STAFF_REJECTION_REASONS)
        .map((c) => `\`${c}\``)
        .join(', ')}. A form post (the claim page) is redirected back to the claim, ` +
      'and its errors are pages. With `tranche` (`T2`, ...), the decision is on that further payment (see ' +
      '`POST /staff/claims/{reference}/payments`), under the same rules, and whoever asked for it cannot approve it; without it (or ' +
      "with `T1`), on the claim's own first payment, as before.",
    tag: 'Staff claims',
    roles: ['approver', 'supervisor'],
    body: {
      required: true,
      maxBytes: 8 * 1024,
      json: {
        schema: decisionRequestSchema,
        examples: {
          approve: { summary: 'Approve', value: { decision: 'approve', note: 'Dokumen lengkap dan sah.' } },
          reject: {
            summary: 'Reject with a reason',
            value: { decision: 'reject', reasonCode: 'HEIR_NOT_ENTITLED', note: 'Ada ahli waris yang lebih berhak.' },
          },
          approveTranche: { summary: 'Approve a further payment', value: { decision: 'approve', tranche: 'T2' } },
        },
      },
      form: {
        schema: decisionRequestSchema,
        description: 'The decision form on the claim page.',
        examples: { approve: { summary: 'Approve', value: { decision: 'approve' } } },
      },
    },
    responses: {
      200: {
        description:
          "The claim's status after the decision, and its approvals so far; with `tranche`, that payment's status and approvals.",
        json: { anyOf: [decisionResultSchema, trancheDecisionResultSchema] },
      },
      303: { description: 'Decided from the claim page: back to it.', location: '`/staff/claims/{reference}`' },
      400: { ...invalid('An unknown decision, or a rejection without a known `reasonCode`.'), html: 'An error page (form posts).' },
      401: { description: 'No valid access token.', json: { errors: ['UNAUTHORIZED'] }, html: 'An error page (form posts).' },
      403: {
        description: 'The role may not decide this claim, or the same person already gave the first of two approvals.',
        json: { errors: ['FORBIDDEN'] },
        html: 'An error page (form posts).',
      },
      404: { ...notFound('No claim with this reference.'), html: 'An error page (form posts).' },
      409: {
        description:
          '`NOT_AWAITING_DECISION`: the claim (or the tranche) awaits no decision (or not yet), or has no such tranche. ' +
          '`ASSESSMENT_REQUIRED`: no computed benefit to approve. ' +
          '`COMPETING_CLAIM_APPROVED`: another claim for the same member and benefit is approved or paid (only one is ever paid). ' +
          '`CLAIM_STATE_CHANGED`, `CONFLICT`: it changed meanwhile.',
        json: { errors: ['NOT_AWAITING_DECISION', 'ASSESSMENT_REQUIRED', 'COMPETING_CLAIM_APPROVED', 'CLAIM_STATE_CHANGED', 'CONFLICT'] },
        html: 'An error page (form posts).',
      },
      413: { description: 'The body is over 8 KB.', json: { errors: ['PAYLOAD_TOO_LARGE'] }, html: 'An error page (form posts).' },
    },
  },
  'POST /staff/claims/{reference}/close': {
    operationId: 'closeClaim',
    summary: 'Close an open claim with a coded reason',
    description:
      'A supervisor closes a claim before its decision (an extension of api.md), whatever it waits for: documents, verification or a ' +
      'decision; e.g. a claim filed by someone who is not an heir, or the loser of a competing claim. The reason decides the status: ' +
      `${CLOSE_REASON_CODES.map((c) => `\`${c}\` (${CLOSE_REASONS[c]})`).join(', ')}. \`OTHER\` needs a \`note\`. ` +
      "The claim's open-claim lock is released (its claimant may file again), the workflow's wait ends, the family is told and the " +
      'audit trail records `CLAIM_CLOSED` with who, why and the note. A claim that is approved, being paid or whose payout failed ' +
      'cannot be closed (the money may be at the bank).',
    tag: 'Staff claims',
    roles: ['supervisor'],
    body: {
      required: true,
      maxBytes: 8 * 1024,
      json: {
        schema: closeRequestSchema,
        examples: {
          stranger: {
            summary: 'Filed by someone who is not an heir',
            value: { reasonCode: 'SUSPECTED_FRAUD', note: 'Bukan ahli waris; KK tidak mencantumkan namanya.' },
          },
          withdrawn: { summary: 'The family asked to withdraw it', value: { reasonCode: 'WITHDRAWN_BY_FAMILY' } },
        },
      },
      form: {
        schema: closeRequestSchema,
        description: 'The close form on the claim page.',
        examples: { withdrawn: { summary: 'Withdrawn', value: { reasonCode: 'WITHDRAWN_BY_FAMILY' } } },
      },
    },
    responses: {
      200: { description: "The claim's status after closing.", json: closeResultSchema },
      303: { description: 'Closed from the claim page: back to it.', location: '`/staff/claims/{reference}`' },
      400: { ...invalid('An unknown `reasonCode`, or `OTHER` without a `note`.'), html: 'An error page (form posts).' },
      401: { description: 'No valid access token.', json: { errors: ['UNAUTHORIZED'] }, html: 'An error page (form posts).' },
      403: { description: 'Only supervisors close claims.', json: { errors: ['FORBIDDEN'] }, html: 'An error page (form posts).' },
      404: { ...notFound('No claim with this reference.'), html: 'An error page (form posts).' },
      409: {
        description:
          '`CLAIM_NOT_CLOSABLE`: the claim is approved, being paid, paid or closed already. `CLAIM_STATE_CHANGED`: it changed meanwhile.',
        json: { errors: ['CLAIM_NOT_CLOSABLE', 'CLAIM_STATE_CHANGED'] },
        html: 'An error page (form posts).',
      },
      413: { description: 'The body is over 8 KB.', json: { errors: ['PAYLOAD_TOO_LARGE'] }, html: 'An error page (form posts).' },
    },
  },
  'POST /staff/claims/{reference}/appeal-decision': {
    operationId: 'decideAppeal',
    summary: "Uphold or refuse a family's appeal",
    description:
      'A supervisor answers an appeal (an extension of api.md). `uphold`: the rejection is set aside (verification skips that rule and ' +
      'flags the claim `APPEAL_UPHELD`, so a supervisor approves it) and verification runs again on the same reference. `refuse`: the ' +
      'rejection stands, final. The family is told either way, with the `note`; the audit trail records `APPEAL_UPHELD` or ' +
      '`APPEAL_REFUSED` with who, when and the note. Whoever took the decision appealed against cannot judge the appeal (403).',
    tag: 'Staff claims',
    roles: ['supervisor'],
    body: {
      required: true,
      maxBytes: 8 * 1024,
      json: {
        schema: appealDecisionRequestSchema,
        examples: {
          uphold: { summary: 'Uphold', value: { decision: 'uphold', note: 'Surat tugas menunjukkan peserta aktif.' } },
          refuse: { summary: 'Refuse', value: { decision: 'refuse', note: 'Tidak ada bukti baru.' } },
        },
      },
      form: {
        schema: appealDecisionRequestSchema,
        description: 'The appeal form on the claim page.',
        examples: { uphold: { summary: 'Uphold', value: { decision: 'uphold' } } },
      },
    },
    responses: {
      200: { description: "The claim's status after the decision.", json: reopenResultSchema },
      303: { description: 'Decided from the claim page: back to it.', location: '`/staff/claims/{reference}`' },
      400: { ...invalid('A `decision` other than `uphold` or `refuse`.'), html: 'An error page (form posts).' },
      401: { description: 'No valid access token.', json: { errors: ['UNAUTHORIZED'] }, html: 'An error page (form posts).' },
      403: {
        description: 'Only supervisors decide appeals, and not the person whose decision is appealed.',
        json: { errors: ['FORBIDDEN'] },
        html: 'An error page (form posts).',
      },
      404: { ...notFound('No claim with this reference.'), html: 'An error page (form posts).' },
      409: {
        description: '`NOT_APPEALED`: no appeal waits. `CLAIM_STATE_CHANGED`: it changed meanwhile.',
        json: { errors: ['NOT_APPEALED', 'CLAIM_STATE_CHANGED'] },
        html: 'An error page (form posts).',
      },
      413: { description: 'The body is over 8 KB.', json: { errors: ['PAYLOAD_TOO_LARGE'] }, html: 'An error page (form posts).' },
    },
  },
  'POST /staff/claims/{reference}/links/revoke': {
    operationId: 'revokeStatusLinks',
    summary: "Revoke a claim's status links",
    description:
      'A supervisor makes every status link sent for the claim (emails and SMS: `/claims/{reference}?t=…`) stop working at once, ' +
      "e.g. when the family's phone was lost or a message was forwarded (an extension of api.md). The claim's link version goes up; " +
      'nothing else of the claim changes, in any status. The family gets a new link by email and SMS to the contacts they gave; ' +
      "the claimant's NIK typed on the lookup page keeps working. The audit trail records `STATUS_LINKS_REVOKED` with who and the note.",
    tag: 'Staff claims',
    roles: ['supervisor'],
    body: {
      required: true,
      maxBytes: 8 * 1024,
      json: {
        schema: revokeLinksRequestSchema,
        examples: {
          lostPhone: { summary: "The family's phone was lost", value: { note: 'Ponsel keluarga hilang; tautan lama dicabut.' } },
        },
      },
      form: {
        schema: revokeLinksRequestSchema,
        description: 'The revoke form on the claim page.',
        examples: { lostPhone: { summary: 'From the claim page', value: { note: 'Ponsel keluarga hilang.' } } },
      },
    },
    responses: {
      200: { description: 'Revoked; the new link was sent where the family can be reached.', json: revokeLinksResultSchema },
      303: { description: 'Revoked from the claim page: back to it.', location: '`/staff/claims/{reference}`' },
      400: { ...invalid('A `note` over 500 characters.'), html: 'An error page (form posts).' },
      401: { description: 'No valid access token.', json: { errors: ['UNAUTHORIZED'] }, html: 'An error page (form posts).' },
      403: { description: 'Only supervisors revoke links.', json: { errors: ['FORBIDDEN'] }, html: 'An error page (form posts).' },
      404: { ...notFound('No claim with this reference.'), html: 'An error page (form posts).' },
      409: {
        description: '`CLAIM_STATE_CHANGED`, `CONFLICT`: the claim changed meanwhile; retry.',
        json: { errors: ['CLAIM_STATE_CHANGED', 'CONFLICT'] },
        html: 'An error page (form posts).',
      },
      413: { description: 'The body is over 8 KB.', json: { errors: ['PAYLOAD_TOO_LARGE'] }, html: 'An error page (form posts).' },
    },
  },
  'POST /staff/claims/{reference}/payout-retry': {
    operationId: 'retryPayout',
    summary: 'Retry a failed payout',
    description:
      'Finance sends a claim in `PAYOUT_FAILED` to the bank again (an extension of api.md). No body is needed; a form post from the ' +
      'claim page is redirected back to it, and its errors are pages. `{"tranche": "T2"}` retries that further payment instead, ' +
      'with the same bank key (`<reference>/T2`).',
    tag: 'Staff claims',
    roles: ['finance'],
    body: {
      required: false,
      maxBytes: 8 * 1024,
      json: {
        schema: payoutRetryRequestSchema,
        examples: { tranche: { summary: 'Retry the failed transfer of payment T2', value: { tranche: 'T2' } } },
      },
    },
    responses: {
      200: { description: "The claim's (or the tranche's) status after the retry was sent.", json: payoutRetryResultSchema },
      400: invalid('A `tranche` that is not `T<n>`.'),
      303: { description: 'From the claim page (a form post): back to it.', location: '`/staff/claims/{reference}`' },
      401: { description: 'No valid access token.', json: { errors: ['UNAUTHORIZED'] }, html: 'An error page (form posts).' },
      403: { description: 'Only finance retries payouts.', json: { errors: ['FORBIDDEN'] }, html: 'An error page (form posts).' },
      404: { ...notFound('No claim with this reference.'), html: 'An error page (form posts).' },
      409: {
        description: '`NOT_AWAITING_PAYOUT_RETRY`: no failed payout to retry. `CLAIM_STATE_CHANGED`, `CONFLICT`: it changed meanwhile.',
        json: { errors: ['NOT_AWAITING_PAYOUT_RETRY', 'CLAIM_STATE_CHANGED', 'CONFLICT'] },
        html: 'An error page (form posts).',
      },
      413: { description: 'A body over 8 KB.', json: { errors: ['PAYLOAD_TOO_LARGE'] }, html: 'An error page (form posts).' },
      415: { description: 'A body that is neither JSON nor a form.', json: { errors: ['UNSUPPORTED_MEDIA_TYPE'] } },
    },
  },
  'GET /staff/coordinator': {
    operationId: 'coordinatorHome',
    summary: "The field coordinator's page",
    description:
      'A field coordinator (role `coordinator`, scoped to districts by token groups `district:<6-digit code>`) sees their saved drafts ' +
      'and the claims of their districts (newest first, 50 per district), each with its status in words and who filed it, and a button ' +
      'to file a new claim for a family. An HTML page only; a GET never changes state.',
    tag: 'Field coordinators',
    roles: ['coordinator'],
    signInPage: true,
    parameters: [lang],
    responses: { 200: { description: 'The page.', html: 'Drafts, the claims of their districts, and the new-claim button.' } },
  },
  'GET /staff/coordinator/claims/new': {
    operationId: 'coordinatorClaimForm',
    summary: 'The claim form, for a coordinator filing for a family',
    description:
      "The family's claim form (the same fields, documents and rules), posted to `POST /staff/coordinator/claims`, with a button to " +
      'save it as a draft. `draft` opens one of their drafts with what was typed.',
    tag: 'Field coordinators',
    roles: ['coordinator'],
    signInPage: true,
    parameters: [{ name: 'draft', in: 'query', description: 'One of their drafts to continue.', schema: { type: 'string' } }, lang],
    responses: {
      200: { description: 'The form.', html: 'The claim form.' },
      404: notFound('No such draft of theirs.'),
    },
  },
  'POST /staff/coordinator/claims': {
    operationId: 'coordinatorFileClaim',
    summary: 'File a claim for a family, or save it as a draft',
    description:
      'The claim form as a coordinator posts it (the fields of `POST /claims`). `_action=draft` saves what was typed as a draft (checked ' +
      'by nothing; at most 50 per coordinator, deleted after 30 days) and goes back to their page. Otherwise the claim is filed as the ' +
      "family's: the member must be on the roster in one of the coordinator's districts (else 400 on `member.nik`), the claimant and " +
      'their phone and email are the family, who get every message and their own status access; the claim records who filed it and ' +
      'the district. Missing required documents are asked about first, as on the family form (`_documentsLater=1` files it). A draft ' +
      'it came from (`_draftId`) is removed when the claim is filed.',
    tag: 'Field coordinators',
    roles: ['coordinator'],
    body: {
      required: true,
      maxBytes: 64 * 1024,
      form: {
        schema: claimSubmissionSchema,
        description: 'The claim form, with `_idempotencyKey`, `_action`, `_draftId` and `_documentsLater` as on the family form.',
        examples: {
          file: {
            summary: "Filed for a family in the coordinator's district, documents to follow",
            value: {
              _idempotencyKey: 'coordinator-example-0001',
              _documentsLater: '1',
              benefit: 'JKM',
              'member.nik': '3173014107850003',
              'member.name': 'Siti Aminah',
              'incident.type': 'death',
              'incident.date': '2026-10-03',
              'incident.cause': 'illness',
              'claimant.nik': '3173010508790002',
              'claimant.name': 'Budi Santoso',
              'claimant.relationship': 'child',
              'claimant.phone': '+6281298765432',
              'payout.bankCode': '002',
              'payout.accountNumber': '012301000654321',
              'payout.accountHolder': 'Budi Santoso',
            },
          },
        },
      },
    },
    responses: {
      200: { description: 'Required documents are missing: the form again, asking to confirm.', html: 'The form with the question.' },
      303: {
        description: "Filed (or the draft saved): to the coordinator's page.",
        location: '`/staff/coordinator?filed=…` or `?saved=1`',
      },
      400: { ...invalid('Invalid fields, or a member not in their districts (`member.nik`).'), html: 'The form with the messages.' },
      409: {
        description: '`DUPLICATE_CLAIM`: the claimant already has an open claim for this member and benefit.',
        json: { errors: ['DUPLICATE_CLAIM'] },
        html: 'The form with the message.',
      },
      413: { description: 'The body is over 64 KB.', json: { errors: ['PAYLOAD_TOO_LARGE'] }, html: 'The form with the message.' },
    },
  },
  'GET /staff/coordinator/claims/{reference}': {
    operationId: 'coordinatorClaim',
    summary: "One claim of the coordinator's districts",
    description:
      'Its status and history in words, what is still missing and who filed it (no NIK, no account). A claim outside their districts ' +
      'is the same 404 as an unknown reference.',
    tag: 'Field coordinators',
    roles: ['coordinator'],
    signInPage: true,
    parameters: [lang],
    responses: {
      200: { description: 'The claim.', html: 'The claim as a coordinator sees it.' },
      404: notFound('No claim with this reference in their districts.'),
    },
  },
  'POST /staff/coordinator/drafts/{draftId}/delete': {
    operationId: 'coordinatorDeleteDraft',
    summary: 'Delete a draft',
    description: "Deletes one of the coordinator's drafts (a form post from their page) and goes back to it.",
    tag: 'Field coordinators',
    roles: ['coordinator'],
    responses: { 303: { description: 'Deleted: back to their page.', location: '`/staff/coordinator?deleted=1`' } },
  },
  'GET /staff/claims/{reference}/audit': {
    operationId: 'exportClaimAudit',
    summary: "A claim's audit trail as CSV",
    description:
      'Every event of the claim, oldest first: who (`actor`, `actorId`, `role`), when (`at`, Jakarta time), what (`type`) and why ' +
      '(`reasonCode`, `note`); other details as `key=value; …` (an extension of api.md). Personal data was masked when the event ' +
      'was written. Audit events are append-only: no runtime role may change or delete them.',
    tag: 'Staff claims',
    roles: ['verifier', 'approver', 'supervisor', 'finance', 'admin'],
    responses: {
      200: { description: 'The trail.', csv: '`reference,at,type,actor,actorId,role,reasonCode,note,details`, one line per event.' },
      401: { description: 'No valid access token.', json: { errors: ['UNAUTHORIZED'] } },
      403: { description: 'Not staff.', json: { errors: ['FORBIDDEN'] } },
      404: notFound('No claim with this reference.'),
    },
  },
  'POST /staff/members/import': {
    operationId: 'importRoster',
    summary: 'Import the roster',
    description:
      `CSV with the header \`${ROSTER_HEADER.join(',')}\` (UTF-8; commas or semicolons, detected from the header, as Excel saves CSV with Indonesian settings; a BOM and CRLF are fine), optionally followed by ` +
      `\`${ROSTER_OPTIONAL_HEADER.join(',')}\` (either or both, in that order): \`statusDate\` is the day \`status\` took effect ` +
      '(without it, a changed status takes effect on the import day in Asia/Jakarta), `wageFrom` the day `monthlyWage` took effect ' +
      "(without it, a changed wage on the import day; a new member's wage from `enrolledOn`). The header row decides which columns a " +
      'file has. The member keeps both histories. Every line is checked on its own; bad lines come back with their line numbers and ' +
      'reasons, the good ones are imported. Importing the same file twice changes nothing.',
    tag: 'Staff premiums',
    roles: ['admin'],
    body: {
      required: true,
      maxBytes: 6 * 1024 * 1024 - 1024,
      csv: { header: ROSTER_HEADER, examples: { twoMembers: { summary: 'Two members', value: rosterCsv } } },
      json: importFromStorage,
    },
    responses: {
      200: { description: 'What was imported and what was refused.', json: rosterImportResultSchema },
      202: importAccepted,
      ...csvImportErrors,
    },
  },
  'GET /staff/members/{nik}': {
    operationId: 'getMember',
    summary: 'A member with coverage by month',
    description:
      'The roster member, its status history and the premium coverage of every reconciled month. JSON when `Accept: ' +
      'application/json`, else the member page: the member in words, coverage month by month, and their claims (as member or claimant).',
    tag: 'Staff premiums',
    roles: anyStaff,
    signInPage: true,
    parameters: [lang],
    responses: {
      200: {
        description: 'The member.',
        json: memberWithCoverageSchema,
        html: 'The member page: programme, region and status in words, status and wage history, coverage by month, claims.',
      },
      404: notFound('No member with this NIK (also for a NIK that is not valid).'),
    },
  },
  'GET /staff/search': {
    operationId: 'searchClaims',
    summary: 'Find claims by reference, NIK or name',
    description:
      'One box: a claim reference (exact; any case, spaces or a missing dash), a NIK of 16 digits (the member or the claimant; dots, ' +
      'dashes and spaces ignored), or a name (the member or the claimant; case and accents ignored, each word typed found inside a word ' +
      'of the name; the newest 500 claims). JSON when `Accept: application/json`, else the search page (the box alone without `q`). ' +
      'The query is never logged.',
    tag: 'Staff claims',
    roles: anyStaff,
    signInPage: true,
    parameters: [
      {
        name: 'q',
        in: 'query',
        description: '3 to 100 characters, no control characters.',
        schema: { type: 'string', minLength: 3, maxLength: 100 },
        example: '3173014107850003',
      },
      lang,
    ],
    responses: {
      200: { description: 'What was found.', json: staffSearchSchema, html: 'The search page with the results.' },
      400: invalid(
        '`q` missing, shorter than 3 or longer than 100 characters, with control characters, a number that is not 16 digits, or a malformed reference.',
      ),
    },
  },
  'POST /staff/premiums/payments': {
    operationId: 'importPayments',
    summary: 'Import premium payments',
    description:
      `CSV with the header \`${PAYMENT_HEADER.join(',')}\` (commas or semicolons, as for the roster). A line is keyed by \`period\`, \`nik\` and \`receiptNo\`: ` +
      'importing the same file twice changes nothing; two receipts for one member and month add up. Lines for NIKs not on ' +
      'the roster are kept and listed.',
    tag: 'Staff premiums',
    roles: ['finance'],
    body: {
      required: true,
      maxBytes: 6 * 1024 * 1024 - 1024,
      csv: { header: PAYMENT_HEADER, examples: { twoReceipts: { summary: 'September for two members', value: paymentsCsv } } },
      json: importFromStorage,
    },
    responses: {
      200: { description: 'What was imported and what was refused.', json: paymentImportResultSchema },
      202: importAccepted,
      ...csvImportErrors,
    },
  },
  'POST /staff/reconciliations': {
    operationId: 'reconcileMonth',
    summary: 'Reconcile a month now',
    description:
      'The same code as the daily 01:00 (Asia/Jakarta) schedule: every active member of the month against every payment for it. The ' +
      "report replaces the month's previous one. Finance is emailed a summary once per month and result: a run whose totals and " +
      'counts are those already emailed sends nothing. Every run is an asynchronous invocation of the ' +
      'reconciliation function with a run record; the request waits up to 20 s (RECONCILIATION_WAIT_MS) and answers the report (its ' +
      'first page of discrepancies, as `GET /staff/reconciliations/{period}` pages them) when the run is done by then, else `202` ' +
      "with the run to poll. `Prefer: respond-async` answers `202` at once. The form post (the console's run form) is redirected " +
      "to the month's report page.",
    tag: 'Staff premiums',
    roles: ['finance'],
    parameters: [...REPORT_PAGE_PARAMETERS, lang],
    body: {
      required: true,
      maxBytes: 6 * 1024 * 1024 - 1024,
      json: { schema: reconcileRequestSchema, examples: { september: { summary: 'September 2026', value: { period: '2026-09' } } } },
      form: {
        schema: reconcileRequestSchema,
        description: 'The run form of the reconciliation pages.',
        examples: { september: { summary: 'September 2026', value: { period: '2026-09' } } },
      },
    },
    responses: {
      200: { description: 'The report: the summary and the first page of discrepancies.', json: reconciliationReportSchema },
      202: {
        description: 'The run takes longer than a request may wait (or `Prefer: respond-async`): poll `statusUrl` (also in `Location`).',
        json: reconciliationAcceptedSchema,
        location: '`/staff/reconciliations/runs/{runId}`',
      },
      303: {
        description: "Run from the form: to the month's report page (`?running=1` while the run goes on).",
        location: '`/staff/reconciliations/{period}`',
      },
      400: invalid('`period` is not YYYY-MM, or after the current month; a bad `limit`, `category` or `nextToken`.'),
    },
  },
  'GET /staff/reconciliations': {
    operationId: 'listReconciliations',
    summary: 'The reconciled months',
    description:
      'The reports of the current month and the 23 before it that were reconciled (summaries only), the newest first; for a ' +
      'browser, the page listing those months with their last result and the form to run one. A browser without a session is ' +
      'sent to sign in first.',
    tag: 'Staff premiums',
    roles: ['finance'],
    signInPage: true,
    parameters: [lang],
    responses: {
      200: { description: 'The months.', json: reconciliationListSchema, html: 'The reconciliation page: months and the run form.' },
    },
  },
  'GET /staff/imports/{jobId}': {
    operationId: 'getImportJob',
    summary: 'An import from storage',
    description:
      'Its status (`RUNNING`, `SUCCEEDED`, `FAILED`), who asked and when; once it succeeded, `result` is the answer the import gives ' +
      '(the same JSON as a `200`); once it failed, `error` (a file refused as a whole has `fields` with the line and the reason). ' +
      "A roster import is admin's to read, a payment import finance's.",
    tag: 'Staff premiums',
    roles: ['admin', 'finance'],
    responses: {
      200: { description: 'The import job.', json: importJobSchema },
      404: notFound('No import with this id.'),
    },
  },
  'GET /staff/reconciliations/runs/{runId}': {
    operationId: 'getReconciliationRun',
    summary: 'An on-demand reconciliation run',
    description:
      'Its status (`RUNNING`, `SUCCEEDED`, `FAILED`), who asked and when; once it succeeded, its counts and `reportUrl`; once it ' +
      'failed, the error (Lambda retries a failed run twice; a retry that succeeds turns it `SUCCEEDED`).',
    tag: 'Staff premiums',
    roles: ['finance'],
    responses: {
      200: { description: 'The run.', json: reconciliationRunSchema },
      404: notFound('No run with this id.'),
    },
  },
  'GET /staff/reconciliations/{period}': {
    operationId: 'getReconciliation',
    summary: "A month's reconciliation report",
    description:
      'The last report of the month: the summary (`period`, `expected`, `paid`, `counts`) and one page of `discrepancies` (by category ' +
      "in the order of `counts`, then by the NIK's last two digits and the NIK), with `nextToken` when more follow. `?format=csv` is " +
      'every discrepancy, for a spreadsheet. A browser (no `Accept: application/json`) gets the report page: the summary in words, ' +
      'the discrepancies filterable by category, paged, each linking to the member page, the CSV link and the form to run the ' +
      'month again; without a session it is sent to sign in first.',
    tag: 'Staff premiums',
    roles: ['finance'],
    signInPage: true,
    parameters: [
      {
        name: 'format',
        in: 'query',
        description: '`csv` for a spreadsheet of every discrepancy.',
        schema: { type: 'string', enum: ['csv'] },
      },
      ...REPORT_PAGE_PARAMETERS,
      lang,
    ],
    responses: {
      200: {
        description: 'The report.',
        json: reconciliationReportSchema,
        csv: 'With `format=csv`: `period,nik,name,category,expected,paid,difference`, one line per discrepancy.',
        html: 'The report page.',
      },
      400: invalid('`period` is not YYYY-MM; a bad `limit`, `category` or `nextToken`.'),
      404: { ...notFound('No reconciliation for this month yet.'), html: 'For a browser: the page saying so, with the form to run it.' },
    },
  },
  'GET /staff/admin/users': {
    operationId: 'listStaffAccounts',
    summary: 'The staff accounts',
    description:
      'Every staff account with its roles, province and district scopes and whether it may sign in: JSON when `Accept: application/json`, ' +
      'else the page where an admin creates and changes them. National admins only: an admin limited to provinces gets 403.',
    tag: 'Staff accounts',
    roles: ['admin'],
    signInPage: true,
    parameters: [lang],
    responses: {
      200: { description: 'The accounts.', json: staffAccountListSchema, html: 'The staff accounts page.' },
    },
  },
  'POST /staff/admin/users': {
    operationId: 'createStaffAccount',
    summary: 'Create a staff account',
    description:
      'A username, an email (Cognito sends the temporary password there; on the twin every account has the local password), at least ' +
      'one role, and optionally 2-digit province codes (none: national) and 6-digit district codes (coordinators). Scope groups are ' +
      'created when first needed. Recorded with who created it and when.',
    tag: 'Staff accounts',
    roles: ['admin'],
    body: {
      required: true,
      maxBytes: 8 * 1024,
      json: {
        schema: createStaffSchema,
        examples: {
          provincial: {
            summary: 'A verifier for DKI Jakarta',
            value: { username: 'rina.verifier', email: 'rina@santunan.local', roles: ['verifier'], provinces: ['31'] },
          },
        },
      },
      form: {
        schema: createStaffFormSchema,
        description: 'The form on the staff accounts page: role checkboxes, province and district codes separated by commas.',
        examples: {
          national: {
            summary: 'A national approver',
            value: { username: 'sari.approver', email: 'sari@santunan.local', 'roles[1]': 'approver' },
          },
        },
      },
    },
    responses: {
      201: { description: 'The account.', json: staffAccountSchema },
      303: { description: 'Created from the page: back to it, at the account.', location: '`/staff/admin/users#user-{username}`' },
      400: {
        ...invalid('A bad username or email, no role or an unknown one, a province or district code that is not one.'),
        html: 'The page, the fields marked.',
      },
      409: { description: '`USERNAME_TAKEN`.', json: { errors: ['USERNAME_TAKEN'] }, html: 'The page, with the reason.' },
    },
  },
  'POST /staff/admin/users/{username}': {
    operationId: 'changeStaffAccount',
    summary: "Change an account's roles, scopes, or whether it may sign in",
    description:
      'Any of `roles`, `provinces`, `districts` (each replaces the whole list) and `enabled`. A disabled account cannot sign in. An ' +
      'admin cannot remove their own admin role, disable themselves or limit their own account (409 `SELF_LOCKOUT`). Recorded with ' +
      'who changed what and when, the account before and after.',
    tag: 'Staff accounts',
    roles: ['admin'],
    body: {
      required: true,
      maxBytes: 8 * 1024,
      json: {
        schema: updateStaffSchema,
        examples: { twoProvinces: { summary: 'DKI Jakarta and West Java', value: { provinces: ['31', '32'] } } },
      },
      form: {
        schema: updateStaffFormSchema,
        description: "The account's forms on the page: its roles and scopes, or the disable/enable button (`enabled` alone).",
        examples: { disable: { summary: 'Disable the account', value: { enabled: 'false' } } },
      },
    },
    responses: {
      200: { description: 'The account after the change.', json: staffAccountSchema },
      303: { description: 'Changed from the page: back to it, at the account.', location: '`/staff/admin/users#user-{username}`' },
      400: { ...invalid('Nothing to change, no role, an unknown role, or a code that is not one.'), html: 'The page, the fields marked.' },
      404: notFound('No staff account with this username.'),
      409: {
        description: '`SELF_LOCKOUT`: an admin locking themselves out.',
        json: { errors: ['SELF_LOCKOUT'] },
        html: 'The page, with the reason.',
      },
    },
  },
  'POST /staff/uploads': {
    operationId: 'createImportUpload',
    summary: 'Upload a large CSV to storage first',
    description:
      `For a roster or payments file over a few MB (up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB): a presigned POST, ` +
      'then import it by `uploadId`.',
    tag: 'Staff premiums',
    roles: ['admin', 'finance'],
    body: {
      required: true,
      maxBytes: 6 * 1024 * 1024 - 1024,
      json: {
        schema: importUploadRequestSchema,
        examples: { roster: { summary: 'A 1 MB roster', value: { kind: 'roster', size: 1_048_576 } } },
      },
    },
    responses: {
      201: { description: 'The upload is reserved.', json: importUploadCreatedSchema },
      400: invalid('An unknown `kind`, or a size over the limit (`upload.tooLarge`).'),
    },
  },
  'GET /staff/reports/summary': {
    operationId: 'getReportSummary',
    summary: 'The summary of a range',
    description:
      'Claims received in the range by status, benefit, cause, programme and province (counts are objects keyed by value); ' +
      'transfers and their amount; working days from a complete claim to payment (median, 90th percentile; holidays and cuti ' +
      'bersama excluded); breaches of the legal payout deadline (JKM 3, JKK 7 working days); premium coverage of each ' +
      'reconciled month. `from` and `to` are Jakarta days (`YYYY-MM-DD`) or months (`YYYY-MM`: from its first day, to its ' +
      `last), both included; without them, the last ${REPORT_DEFAULT_MONTHS} months to today; at most ${REPORT_MAX_MONTHS} months, ` +
      'within 2015-2040. Beyond api.md: `range`, `claims.received`, `payouts.currency` and `.claims`, `daysToPay.count` and ' +
      '`.byBenefit`, `breaches` (the list), `months` and `byMonth`; `coverage` is the api.md `{ period, rate }` of the latest reconciled month (with `expected` and `covered`), `coverageByMonth` every reconciled month.',
    tag: 'Staff reports',
    roles: anyStaff,
    parameters: [
      { name: 'from', in: 'query', description: 'First day or month, included.', schema: { type: 'string' }, example: '2026-01' },
      { name: 'to', in: 'query', description: 'Last day or month, included.', schema: { type: 'string' }, example: '2026-12' },
      lang,
    ],
    responses: {
      200: { description: 'The summary.', json: reportSummarySchema },
      400: invalid(
        'A bad `from` or `to` (`report.date`), a day outside 2015-2040 (`report.outOfCalendar`), `to` before `from` ' +
          '(`report.reversed`) or a range over the limit (`report.tooLong`, on `to`).',
      ),
    },
  },
  'GET /staff/reports': {
    operationId: 'reportsDashboard',
    summary: 'The reports dashboard',
    description:
      'The summary of a range as a page (Bahasa Indonesia, `lang=en` for English): key figures; claims received, decided, ' +
      'rejected and paid by month, benefit, cause, programme and province; amounts paid; working days to payment against ' +
      'the legal deadline; the breaches, each linked to its claim; premium coverage by month. Charts are inline SVG with ' +
      'text labels; every table downloads as CSV (`format=csv&table=`, UTF-8 with a byte-order mark, codes beside their words).',
    tag: 'Staff reports',
    roles: anyStaff,
    signInPage: true,
    parameters: [
      { name: 'from', in: 'query', description: 'First day or month, included (as for the summary).', schema: { type: 'string' } },
      { name: 'to', in: 'query', description: 'Last day or month, included.', schema: { type: 'string' } },
      { name: 'format', in: 'query', description: '`csv` for one table as a spreadsheet.', schema: { type: 'string', enum: ['csv'] } },
      {
        name: 'table',
        in: 'query',
        description: 'With `format=csv`: the table.',
        schema: { type: 'string', enum: [...REPORT_TABLES] },
      },
      lang,
    ],
    responses: {
      200: {
        description: 'The dashboard, or one table as CSV.',
        html: 'The dashboard page.',
        csv: 'With `format=csv`: the table, with a header row, as an attachment named `laporan-<table>-<from>_<to>.csv`.',
      },
      400: {
        ...invalid('A bad range (as for the summary), an unknown `format` or `table`.'),
        html: 'The page again with the range form and the message beside the field.',
      },
    },
  },
};

// ---- Twin-only routes (infra/local): documented so that a developer finds them, marked `x-twin-only` -------------

const tokenRequestSchema = z.object({ username: z.string(), password: z.string() });
const tokenResponseSchema = z.object({
  accessToken: z.string().check(z.meta({ description: 'A Cognito-shaped RS256 access token (`cognito:groups` holds the roles).' })),
  expiresIn: z.number().check(z.int(), z.meta({ description: 'Seconds.' })),
  tokenType: z.literal('Bearer'),
});

export const TWIN_COMPONENTS: typeof COMPONENTS = [
  { name: 'TokenRequest', schema: tokenRequestSchema, io: 'input' },
  { name: 'TokenResponse', schema: tokenResponseSchema, io: 'output' },
];

export const TWIN_OPERATIONS: Record<string, OperationSpec> = {
  'POST /auth/token': {
    operationId: 'issueLocalToken',
    summary: 'A staff access token (local twin only)',
    description:
      `Seeded users ${STAFF_ROLES.map((r) => `\`${r}\``).join(', ')}, one per role, password \`santunan-local\`. ` +
      'In AWS, Cognito issues the tokens and this route does not exist.',
    tag: 'Local twin',
    body: {
      required: true,
      maxBytes: 10_000, // read up to this; the twin's issuer refuses nothing by size or type
      json: {
        schema: tokenRequestSchema,
        examples: { approver: { summary: 'The approver', value: { username: 'approver', password: 'santunan-local' } } },
      },
    },
    responses: {
      200: { description: 'The token.', json: tokenResponseSchema },
      401: { description: 'Wrong username or password.', json: { errors: ['UNAUTHORIZED'] } },
    },
  },
  'GET /openapi.json': {
    operationId: 'getOpenApi',
    summary: 'This document (local twin only)',
    description: 'docs/openapi.json as committed; `npm run openapi` regenerates it.',
    tag: 'Local twin',
    responses: {
      200: {
        description: 'The OpenAPI document.',
        text: {
          mediaType: 'application/json',
          description: 'OpenAPI 3.1.',
          schema: { type: 'object', required: ['openapi', 'info', 'paths'] },
        },
      },
    },
  },
};
