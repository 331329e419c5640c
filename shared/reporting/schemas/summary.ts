import * as z from 'zod/mini';
import { BENEFITS, CLAIM_STATUSES } from '../../claims/domain/claim';

/**
 * What GET /staff/reports/summary answers (api.md, extended), for docs/openapi.json and the contract tests. No Lambda
 * imports it (as the other response schemas: shared/claims/schemas/responses.ts).
 */
const count = z.number().check(z.int(), z.gte(0));
const rupiah = z.number().check(z.int(), z.gte(0), z.meta({ description: 'Integer rupiah.' }));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/), z.meta({ description: 'YYYY-MM-DD (Asia/Jakarta)' }));
const period = z.string().check(z.regex(/^\d{4}-\d{2}$/), z.meta({ description: 'YYYY-MM' }));
const timestamp = z.string().check(z.meta({ format: 'date-time' }));
const counts = (description: string, examples: Record<string, number>) =>
  z.record(z.string(), count).check(z.meta({ description, examples: [examples] }));
const days = z.nullable(z.number().check(z.gte(0)));
const daysToPay = z.object({
  median: days.check(
    z.meta({ description: 'Median working days (the mean of the two middle values for an even count); null without payments.' }),
  ),
  p90: days.check(z.meta({ description: '90th percentile, nearest rank; null without payments.' })),
  count: count.check(z.meta({ description: 'Transfers the figures are taken from.' })),
});
const benefitDays = z.object({ ...daysToPay.shape, deadlineWorkingDays: count.check(z.meta({ description: 'The legal deadline.' })) });
const activity = {
  received: count,
  decided: count,
  rejected: count,
  paid: count.check(z.meta({ description: 'Claims whose first payment fell in the month.' })),
  amount: rupiah.check(z.meta({ description: 'Every rupiah transferred in the month, further payments included.' })),
};
const dimensionRows = z.array(z.object({ period, value: z.string(), ...activity }));

const coverageMonth = z.object({
  period,
  expected: count.check(z.meta({ description: "Members who owed the month (the reconciliation's `expected.members`)." })),
  covered: count.check(z.meta({ description: 'Of those, members whose month is PAID or OVERPAID.' })),
  rate: z.nullable(z.number().check(z.gte(0), z.lte(1))),
});

export const reportSummarySchema = z.object({
  range: z.object({ from: day, to: day }).check(z.meta({ description: 'The range read, both days included.' })),
  claims: z.object({
    received: count.check(z.meta({ description: 'Claims received in the range (their `submittedAt` day).' })),
    byStatus: counts(`Claims received in the range, by their status today (${CLAIM_STATUSES.join(', ')}).`, { PAID: 16, REJECTED: 3 }),
    byBenefit: counts(`By benefit (${BENEFITS.join(', ')}).`, { JKM: 28, JKK: 1 }),
    byCause: counts('By `incident.cause`; `UNKNOWN` when none was given.', { illness: 27, work_accident: 1 }),
    byProgramme: counts('By the roster programme verification found; `UNKNOWN` when the member was not found.', { TKSK: 20, PKH: 9 }),
    byProvince: counts("By the 2-digit province code of the member's district, else of the member's NIK.", { '31': 4, '32': 6 }),
  }),
  payouts: z.object({
    count: count.check(z.meta({ description: 'Transfers in the range: first payments and further payments (tranches).' })),
    amount: rupiah,
    currency: z.literal('IDR'),
    claims: count.check(z.meta({ description: 'Distinct claims with a transfer in the range.' })),
  }),
  daysToPay: z.object({
    ...daysToPay.shape,
    byBenefit: z.object({ JKM: benefitDays, JKK: benefitDays }),
  }),
  deadlineBreaches: count.check(
    z.meta({ description: 'Payments whose legal deadline falls in the range and that were paid after it, or are still unpaid past it.' }),
  ),
  breaches: z.array(
    z.object({
      reference: z.string(),
      tranche: z.optional(z.string()),
      benefit: z.enum(BENEFITS),
      province: z.string(),
      deadline: timestamp,
      paidAt: z.optional(timestamp),
      workingDaysLate: count,
    }),
  ),
  coverage: z
    .nullable(coverageMonth)
    .check(z.meta({ description: "api.md's coverage: the range's latest reconciled month, its premium coverage rate (null: none yet)." })),
  coverageByMonth: z
    .array(coverageMonth)
    .check(z.meta({ description: 'Each reconciled month of the range: its premium coverage rate (an extension).' })),
  months: z.array(z.object({ period, ...activity })),
  byMonth: z.object({ benefit: dimensionRows, cause: dimensionRows, programme: dimensionRows, province: dimensionRows }),
});
