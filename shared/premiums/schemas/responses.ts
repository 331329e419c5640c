import * as z from 'zod/mini';
import { COVERAGE_CATEGORIES, type CoverageCategory, MEMBER_STATUSES } from '../domain/member';

/**
 * What the roster, premium and reconciliation routes answer in JSON (api.md), for docs/openapi.json and the contract
 * tests. Apart from the request schemas for the reason given in shared/claims/schemas/responses.ts: no Lambda needs
 * them, and esbuild could not drop them from a bundle.
 */

const rupiah = z.number().check(z.int(), z.gte(0), z.meta({ description: 'Integer rupiah.' }));
const count = z.number().check(z.int(), z.gte(0));
const period = z.string().check(z.regex(/^[1-9]\d{3}-(0[1-9]|1[0-2])$/), z.meta({ description: 'YYYY-MM', examples: ['2026-10'] }));
const timestamp = z.string().check(z.meta({ format: 'date-time' }));
const nik = z.string().check(z.regex(/^\d{16}$/));

/** One refused CSV line: its line number in the file (the header is line 1) and every reason. */
export const rejectedLineSchema = z.object({
  line: z.number().check(z.int(), z.gte(2)),
  errors: z.array(
    z.object({
      field: z.string().check(z.meta({ description: 'The CSV column to correct, or `*` for the whole line.' })),
      code: z.string().check(z.meta({ examples: ['nik.checksum', 'amount.notWhole', 'csv.duplicate'] })),
      message: z.string(),
    }),
  ),
});

/** 200 to POST /staff/members/import. Importing the same file twice changes nothing (`unchanged`). */
export const rosterImportResultSchema = z.object({
  lines: count.check(z.meta({ description: 'Data lines read, the header not counted.' })),
  imported: count,
  updated: count,
  unchanged: count,
  rejected: z.array(rejectedLineSchema),
});

/** 200 to POST /staff/premiums/payments. Lines for NIKs not on the roster are kept (money to trace) and listed. */
export const paymentImportResultSchema = z.object({
  lines: count,
  matched: count.check(z.meta({ description: 'Lines whose NIK is on the roster.' })),
  added: count,
  updated: count,
  unchanged: count,
  unknownMembers: z.array(z.object({ nik, period, receiptNo: z.string() })),
  rejected: z.array(rejectedLineSchema),
});

/** 201 to POST /staff/uploads: a presigned POST for one CSV file, then import it by `uploadId`. */
export const importUploadCreatedSchema = z.object({
  uploadId: z.string().check(z.regex(/^imp_[A-Za-z0-9_-]{22}$/)),
  method: z.literal('POST'),
  url: z.string().check(z.meta({ format: 'uri' })),
  fields: z.record(z.string(), z.string()),
  maxBytes: count,
  size: count,
});

const DISCREPANCY_CATEGORIES = COVERAGE_CATEGORIES.filter((c): c is Exclude<CoverageCategory, 'PAID'> => c !== 'PAID');

/**
 * The reconciliation report of one month: `expected` counts the members who owed the month, `paid.amount` is every
 * rupiah received for it, matched or not; `discrepancies` is one page of the member-months that are not PAID (100
 * unless `limit` says otherwise, at most 1000), by category then bucket and NIK; `nextToken` when more follow.
 */
export const reconciliationReportSchema = z.object({
  period,
  expected: z.object({ members: count, amount: rupiah }),
  paid: z.object({ amount: rupiah }),
  counts: z
    .record(z.enum(COVERAGE_CATEGORIES), count)
    .check(z.meta({ description: 'Member-months per category; every category is present.' })),
  discrepancies: z.array(
    z.object({
      nik,
      category: z.enum(DISCREPANCY_CATEGORIES),
      expected: rupiah,
      paid: rupiah,
      name: z.optional(z.string().check(z.meta({ description: 'The roster name; absent for UNKNOWN_MEMBER.' }))),
    }),
  ),
  reconciledAt: timestamp,
  trigger: z
    .string()
    .check(z.meta({ description: 'What started the run: the schedule, or who asked for it.', examples: ['on demand by finance'] })),
  category: z.optional(z.enum(DISCREPANCY_CATEGORIES).check(z.meta({ description: 'The category the list is filtered by, when asked.' }))),
  nextToken: z.optional(
    z
      .string()
      .check(z.meta({ description: 'More discrepancies follow: send it back as `nextToken` (same `category`) for the next page.' })),
  ),
});
export type ReconciliationReportResponse = z.infer<typeof reconciliationReportSchema>;

/** 200 to GET /staff/reconciliations: the reports of the last 24 months that were reconciled, the newest first. */
export const reconciliationListSchema = z.object({
  items: z.array(z.omit(reconciliationReportSchema, { discrepancies: true, category: true, nextToken: true })),
});

/** 202 to POST /staff/reconciliations, reserved by api.md for a run longer than a request may take. */
export const reconciliationAcceptedSchema = z.object({
  runId: z.string(),
  status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED']),
  statusUrl: z.string().check(z.meta({ format: 'uri-reference' })),
});

/** 200 to GET /staff/reconciliations/runs/{runId}: an on-demand run. */
export const reconciliationRunSchema = z.object({
  runId: z.string(),
  period: z.string(),
  status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED']),
  requestedBy: z.string(),
  requestedAt: z.string(),
  finishedAt: z.optional(z.string()),
  counts: z.optional(z.record(z.string(), z.number())),
  error: z.optional(z.string()),
  reportUrl: z.optional(z.string().check(z.meta({ format: 'uri-reference' }))),
});

/** 200 to GET /staff/members/{nik}: the roster member with its status and wage histories and premium coverage by month. */
export const memberWithCoverageSchema = z.object({
  nik,
  name: z.string(),
  program: z.string().check(z.meta({ examples: ['TKSK'] })),
  kpj: z.optional(z.string()),
  province: z.string().check(z.regex(/^\d{2}$/)),
  regency: z.string().check(z.regex(/^\d{4}$/)),
  district: z.string().check(z.regex(/^\d{6}$/)),
  enrolledOn: z.string().check(z.meta({ format: 'date' })),
  monthlyWage: rupiah,
  phone: z.optional(z.string()),
  status: z.enum(MEMBER_STATUSES),
  statusHistory: z.array(
    z.object({ status: z.enum(MEMBER_STATUSES), on: z.string().check(z.meta({ format: 'date' })), recordedAt: timestamp }),
  ),
  wageHistory: z.optional(
    z.array(z.object({ monthlyWage: rupiah, from: z.string().check(z.meta({ format: 'date' })), recordedAt: timestamp })).check(
      z.meta({
        description:
          'Every wage change with the day it took effect. Absent for members imported before wages had a history: `monthlyWage` is then the only wage known.',
      }),
    ),
  ),
  updatedAt: timestamp,
  coverage: z.array(
    z.object({
      period,
      category: z.enum(COVERAGE_CATEGORIES),
      expected: z.object({ jkk: rupiah, jkm: rupiah, total: rupiah }),
      paid: z.object({ jkk: rupiah, jkm: rupiah, total: rupiah }),
      receipts: z.array(z.string()),
      reconciledAt: timestamp,
    }),
  ),
});

/** 202 to an import from storage that is still running. */
export const importAcceptedSchema = z.object({
  jobId: z.string(),
  status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED']),
  statusUrl: z.string().check(z.meta({ format: 'uri-reference' })),
});

/** 200 to GET /staff/imports/{jobId}. */
export const importJobSchema = z.object({
  jobId: z.string(),
  kind: z.enum(['roster', 'payments']),
  uploadId: z.string(),
  status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED']),
  requestedBy: z.string(),
  requestedAt: z.string(),
  finishedAt: z.optional(z.string()),
  result: z.optional(z.record(z.string(), z.unknown())),
  error: z.optional(
    z.object({
      code: z.string(),
      message: z.string(),
      fields: z.optional(z.array(z.object({ path: z.string(), code: z.string() }))),
    }),
  ),
});
