import * as z from 'zod/mini';
import { AID_KINDS, DISABILITY_KINDS, TRANSPORT_MODES } from '../domain/rules/injury';

/**
 * The JKK injury assessment (api.md `assessment`): what staff read from the medical report and receipts, and what a
 * simulation may pass to POST /benefits/estimate. Every part is optional. A percentage outside 0-100, a negative or
 * fractional amount, or an impossible count is a 400 naming the field; the rules (rules/injury.ts) price the rest.
 */
const MAX_AMOUNT = 10_000_000_000;
const amount = z
  .number('amount.invalid')
  .check(
    z.int('amount.invalid'),
    z.gte(0, 'amount.negative'),
    z.lte(MAX_AMOUNT, 'amount.tooLarge'),
    z.meta({ description: 'Integer rupiah.' }),
  );
const percent = z
  .number('percent.invalid')
  .check(z.gte(0, 'percent.range'), z.lte(100, 'percent.range'), z.multipleOf(0.01, 'percent.invalid'));
const count = (max: number) =>
  z.number('count.invalid').check(z.int('count.invalid'), z.gte(0, 'count.invalid'), z.lte(max, 'count.invalid'));

export const assessmentSchema = z.object({
  stmb: z.optional(
    z.object({
      months: count(120).check(z.meta({ description: 'Whole months off work.' })),
      days: z.optional(count(29).check(z.meta({ description: 'Days of a part month (0-29).' }))),
    }),
  ),
  disability: z.optional(
    z.object({
      kind: z.enum(DISABILITY_KINDS, 'disability.kind'),
      percent: z.optional(percent.check(z.meta({ description: 'The table percentage of the body part (anatomical, functional).' }))),
      functionLossPercent: z.optional(percent.check(z.meta({ description: 'The share of the function lost (functional only).' }))),
      part: z.optional(z.string().check(z.maxLength(40), z.meta({ description: 'A row of the body-part table; fills `percent`.' }))),
    }),
  ),
  transport: z.optional(z.array(z.object({ mode: z.enum(TRANSPORT_MODES, 'transport.mode'), amount })).check(z.maxLength(50, 'tooMany'))),
  homeCare: z.optional(z.object({ monthly: amount, months: count(120) })),
  prosthesis: z.optional(
    z
      .array(
        z.object({
          item: z.string().check(z.minLength(1, 'required'), z.maxLength(80, 'tooLong')),
          referencePrice: amount,
          aid: z.optional(z.enum(AID_KINDS, 'invalid')),
        }),
      )
      .check(z.maxLength(20, 'tooMany')),
  ),
});
export type AssessmentInput = z.infer<typeof assessmentSchema>;

/**
 * The same assessment as the claim page's form posts it (before `assessmentFromForm` reads the numbers): every field
 * a string named by its JSON path; amounts as typed (`1.800.000`), percentages with a decimal comma. For the
 * document; the route validates the converted object with `assessmentSchema`.
 */
const typed = z.optional(z.string().check(z.maxLength(40, 'tooLong')));
export const assessmentFormSchema = z.object({
  stmb: z.optional(z.object({ months: typed, days: typed })),
  disability: z.optional(z.object({ kind: typed, part: typed, percent: typed, functionLossPercent: typed })),
  transport: z.optional(z.array(z.object({ mode: z.enum(TRANSPORT_MODES), amount: typed })).check(z.maxLength(3))),
  homeCare: z.optional(z.object({ monthly: typed, months: typed })),
  prosthesis: z.optional(z.array(z.object({ item: typed, referencePrice: typed })).check(z.maxLength(1))),
});
