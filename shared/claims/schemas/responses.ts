import * as z from 'zod/mini';
import { BENEFITS, CLAIM_FLAGS, CLAIM_STATUSES, DOCUMENT_TYPES, UPLOAD_CONTENT_TYPES } from '../domain/claim';
import { REFERENCE_PATTERN } from '../domain/reference';
import { SCHOOL_LEVELS } from '../domain/rules/scholarship';
import { TRANCHE_KINDS, TRANCHE_STATUSES } from '../domain/tranche';

/**
 * What the claim routes answer in JSON (api.md), for docs/openapi.json and the contract tests. Handlers build their
 * responses themselves; these schemas describe them. They live apart from the request schemas because esbuild cannot
 * drop an unused zod-mini schema built with `.check()` (measured: +5.7 KB in the submit-claim bundle when they sat in
 * claim.ts), and no Lambda needs them.
 *
 * `z.object` means the document lists every field sent today (`additionalProperties: false`, which the contract test
 * enforces); api.md still allows new fields, so clients should ignore fields they do not know.
 */

export const claimReferenceSchema = z.string().check(z.regex(REFERENCE_PATTERN), z.meta({ examples: ['SNT-2026-7KQ4MZ'] }));
export const timestampSchema = z
  .string()
  .check(z.meta({ format: 'date-time', description: 'ISO 8601 with the +07:00 offset (Asia/Jakarta).' }));
export const rupiahSchema = z.number().check(z.int(), z.gte(0), z.meta({ description: 'Integer rupiah.' }));
const claimStatus = z.enum(CLAIM_STATUSES);
const documentType = z.enum(DOCUMENT_TYPES);
const benefitComponent = z.object({
  code: z.string().check(
    z.meta({
      description:
        'LUMP_SUM, JKK_DEATH, PERIODIC, FUNERAL; for an injury STMB, DISABILITY, TRANSPORT, HOME_CARE, PROSTHESIS (the rule tables may add codes).',
      examples: ['LUMP_SUM'],
    }),
  ),
  amount: rupiahSchema,
});

// ---- Families -------------------------------------------------------------------------------------------------

/** 201 to POST /uploads: a presigned POST to storage, limited to the declared type and 5 MB. */
export const uploadCreatedSchema = z.object({
  uploadId: z.string().check(z.regex(/^up_[A-Za-z0-9_-]{16,40}$/)),
  method: z
    .enum(['POST', 'PUT'])
    .check(z.meta({ description: 'POST: send `fields` and then `file` as multipart/form-data; PUT: send the bytes with `headers`.' })),
  url: z.string().check(z.meta({ format: 'uri' })),
  fields: z.optional(z.record(z.string(), z.string())),
  headers: z.optional(z.record(z.string(), z.string())),
  maxBytes: z.number().check(z.int()),
  expiresAt: timestampSchema,
});

/** 201 to POST /claims; a replay with the same Idempotency-Key and body answers the first response again. */
export const claimCreatedSchema = z.object({
  reference: claimReferenceSchema,
  status: z.literal('SUBMITTED'),
  statusUrl: z.string().check(z.meta({ format: 'uri-reference', examples: ['/claims/SNT-2026-7KQ4MZ'] })),
  missingDocuments: z
    .array(documentType)
    .check(z.meta({ description: 'What the workflow will ask for unless it comes first (an extension of api.md).' })),
});
export type ClaimCreated = z.infer<typeof claimCreatedSchema>;

const timelineEntry = z.object({
  status: claimStatus,
  at: timestampSchema,
  note: z.optional(z.string()),
  tranche: z.optional(
    z
      .string()
      .check(z.meta({ description: "A further payment's entry (`T2`, ...): `status` is that payment's status.", examples: ['T2'] })),
  ),
});
const trancheKind = z.enum(TRANCHE_KINDS);
const trancheStatus = z.enum(TRANCHE_STATUSES);

/** A further payment as the family sees it. */
const familyTranche = z.object({
  id: z.string().check(z.meta({ examples: ['T2'] })),
  kind: trancheKind,
  status: trancheStatus,
  amount: rupiahSchema,
  currency: z.literal('IDR'),
  schoolYear: z.optional(z.string().check(z.meta({ examples: ['2026/2027'] }))),
  paidAt: z.optional(timestampSchema),
});

/** The family's view of a claim (`Accept: application/json`): no staff notes, no bank account, no NIKs. */
export const claimStatusResponseSchema = z.object({
  reference: claimReferenceSchema,
  status: claimStatus,
  benefit: z.enum(BENEFITS),
  submittedAt: timestampSchema,
  timeline: z.array(timelineEntry),
  missingDocuments: z.array(documentType),
  decision: z.optional(
    z
      .object({ outcome: z.enum(['approved', 'rejected']), reasonCode: z.optional(z.string()), reason: z.optional(z.string()) })
      .check(z.meta({ description: 'Present once the claim is decided.' })),
  ),
  payout: z.optional(
    z
      .object({ amount: rupiahSchema, currency: z.literal('IDR'), paidAt: timestampSchema, components: z.array(benefitComponent) })
      .check(z.meta({ description: 'Present once the claim is paid.' })),
  ),
  tranches: z.optional(
    z
      .array(familyTranche)
      .check(
        z.meta({ description: 'Further payments after the first (more STMB months, a disability, a school year), once there are any.' }),
      ),
  ),
});
export type ClaimStatusResponse = z.infer<typeof claimStatusResponseSchema>;

/** 200 to POST /claims/{reference}/documents (JSON). */
export const documentsAddedSchema = z.object({
  reference: claimReferenceSchema,
  status: claimStatus,
  missingDocuments: z.array(documentType),
});

/** 200 to POST /benefits/estimate. */
export const benefitEstimateSchema = z.object({
  total: rupiahSchema,
  currency: z.literal('IDR'),
  components: z.array(benefitComponent),
  ruleSet: z.string().check(z.meta({ examples: ['PP 82/2019'] })),
  scholarshipEligible: z.boolean(),
  requiresAssessment: z.optional(
    z
      .literal(true)
      .check(
        z.meta({ description: 'JKK injury without an `assessment`: the amount needs one, so `total` is 0 (an extension of api.md).' }),
      ),
  ),
  scholarship: z.optional(
    z
      .object({
        eligible: z.boolean(),
        children: z.array(z.object({ schoolLevel: z.nullable(z.enum(SCHOOL_LEVELS)), amountPerYear: rupiahSchema })),
        thisYear: rupiahSchema,
      })
      .check(
        z.meta({
          description:
            'With `children`: what each declared child receives a school year (0 for a child over the limit, out of school or past the first two), and the sum this year. Paid a school year at a time, so never inside `total`.',
        }),
      ),
  ),
});

// ---- Staff ----------------------------------------------------------------------------------------------------

export const staffQueueItemSchema = z.object({
  reference: claimReferenceSchema,
  status: claimStatus,
  benefit: z.enum(BENEFITS),
  memberName: z.string(),
  amount: z.optional(rupiahSchema.check(z.meta({ description: 'The computed benefit, once verification has computed one.' }))),
  submittedAt: timestampSchema,
});

/** 200 to GET /staff/claims (JSON): one page of the queue for one status (or every status: `ALL`). */
export const staffQueueSchema = z.object({
  items: z.array(staffQueueItemSchema),
  nextToken: z.optional(z.string().check(z.meta({ description: 'Send as `nextToken` for the next page; absent on the last page.' }))),
  counts: z.optional(
    z.partialRecord(z.enum(CLAIM_STATUSES), z.number().check(z.int(), z.gte(0))).check(
      z.meta({
        description:
          'With `counts=true`: the claims in each status that has a queue (every status but `VERIFYING`), counted up to 1000 (1000 means "1000 or more").',
      }),
    ),
  ),
});

/** 200 to GET /staff/search (JSON): what the box held, the member on the roster (for a NIK), and the claims found. */
export const staffSearchSchema = z.object({
  query: z.union([
    z.object({ kind: z.literal('reference'), reference: claimReferenceSchema }),
    z.object({ kind: z.literal('nik'), nik: z.string().check(z.regex(/^\d{16}$/)) }),
    z.object({ kind: z.literal('name'), words: z.array(z.string()) }),
  ]),
  member: z.optional(
    z
      .object({ nik: z.string(), name: z.string(), program: z.string() })
      .check(z.meta({ description: 'For a NIK on the roster: the member (their page is `/staff/members/{nik}`).' })),
  ),
  items: z.array(
    z.object({
      reference: claimReferenceSchema,
      status: claimStatus,
      benefit: z.enum(BENEFITS),
      memberName: z.string(),
      memberNik: z.string(),
      claimantName: z.string(),
      submittedAt: timestampSchema,
      matched: z.array(z.enum(['reference', 'member', 'claimant'])),
    }),
  ),
  bounded: z.boolean().check(
    z.meta({
      description: 'A name search looked at the newest 500 claims only, and older claims exist (find those by reference or NIK).',
    }),
  ),
});

/**
 * 200 to GET /staff/claims/{reference} (JSON): the whole claim with its audit trail. The stored claim grows with the
 * workflow, so the fields listed are the ones staff tools rely on and others may appear (a loose object).
 */
export const staffClaimSchema = z.looseObject({
  reference: claimReferenceSchema,
  status: claimStatus,
  benefit: z.enum(BENEFITS),
  member: z.looseObject({ nik: z.string(), name: z.string() }),
  incident: z.looseObject({ type: z.string(), date: z.string().check(z.meta({ format: 'date' })) }),
  claimant: z.looseObject({ nik: z.string(), name: z.string(), relationship: z.string() }),
  bankAccount: z.looseObject({ bankCode: z.string(), accountNumber: z.string(), accountHolder: z.string() }),
  documents: z.array(
    z.looseObject({ type: documentType, uploadId: z.string(), contentType: z.enum(UPLOAD_CONTENT_TYPES), size: z.number() }),
  ),
  submittedAt: timestampSchema,
  timeline: z.array(timelineEntry),
  missingDocuments: z.array(documentType),
  verification: z.optional(z.looseObject({ checkedAt: timestampSchema, flags: z.array(z.enum(CLAIM_FLAGS)) })),
  approvals: z.optional(z.array(z.looseObject({ by: z.string(), role: z.string(), at: timestampSchema }))),
  pendingTask: z.optional(
    z
      .object({ kind: z.enum(['documents', 'decision', 'payout']), since: timestampSchema, escalated: z.optional(z.boolean()) })
      .check(z.meta({ description: 'What the workflow waits for, if anything (never the task token itself).' })),
  ),
  audit: z.array(
    z.looseObject({
      type: z.string(),
      at: timestampSchema,
      actor: z.looseObject({ kind: z.enum(['family', 'staff', 'system']), id: z.optional(z.string()) }),
    }),
  ),
});

/** 200 to a decision (JSON): the claim's status after it, and how many approvals it holds (two-person rule). */
export const decisionResultSchema = z.object({ status: claimStatus, approvals: z.number().check(z.int(), z.gte(0)) });

/** 200 to an assessment (JSON): the injury benefit it prices, which now awaits approval. */
export const assessmentResultSchema = z.object({
  benefit: z.object({
    total: rupiahSchema,
    currency: z.literal('IDR'),
    ruleSet: z.string().check(z.meta({ examples: ['PP 82/2019'] })),
    components: z.array(z.object({ code: z.string(), amount: rupiahSchema, basis: z.string() })),
  }),
});

/** 201 to POST /staff/claims/{reference}/payments: the tranche, awaiting its own approval. */
export const trancheCreatedSchema = z.object({
  reference: claimReferenceSchema,
  tranche: z.object({
    id: z.string().check(z.meta({ examples: ['T2'], description: 'Its execution is `<reference>-T2`; its bank key `<reference>/T2`.' })),
    kind: trancheKind,
    status: z.literal('AWAITING_APPROVAL'),
    amount: rupiahSchema,
    currency: z.literal('IDR'),
    ruleSet: z.string().check(z.meta({ examples: ['PP 82/2019'] })),
    components: z.array(z.object({ code: z.string(), amount: rupiahSchema, basis: z.optional(z.string()) })),
    stmb: z.optional(
      z
        .object({ fromMonth: z.number().check(z.int()), months: z.number().check(z.int()), days: z.number().check(z.int()) })
        .check(z.meta({ description: 'STMB: the months of absence paid; `fromMonth` continues the earlier payments.' })),
    ),
    schoolYear: z.optional(z.string()),
    children: z.optional(
      z.array(
        z.object({
          name: z.string(),
          birthDate: z.string(),
          schoolLevel: z.optional(z.nullable(z.enum(SCHOOL_LEVELS))),
          amount: rupiahSchema,
          reason: z.optional(
            z
              .enum(['AGE_LIMIT', 'NOT_IN_SCHOOL', 'MAX_CHILDREN', 'LEVEL_LIMIT', 'CAP_REACHED'])
              .check(z.meta({ description: 'Why the child receives nothing this year.' })),
          ),
        }),
      ),
    ),
    approval: z.object({ level: z.enum(['approver', 'supervisor']), secondApprovalRequired: z.boolean(), deadline: timestampSchema }),
  }),
});

/** 200 to a tranche's decision (JSON, `tranche` in the request): the tranche's status and its approvals. */
export const trancheDecisionResultSchema = z.object({
  tranche: z.string().check(z.meta({ examples: ['T2'] })),
  status: trancheStatus,
  approvals: z.number().check(z.int(), z.gte(0)),
});

/** 200 to POST /staff/claims/{reference}/payout-retry (JSON). */
export const payoutRetryResultSchema = z.object({ status: claimStatus });
