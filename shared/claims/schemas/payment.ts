import * as z from 'zod/mini';
import { pastDate, personName } from '../../reference-data/fields';
import { SCHOOL_LEVELS } from '../domain/rules/scholarship';
import { isSchoolYear, TRANCHE_KINDS } from '../domain/tranche';
import { assessmentSchema } from './assessment';

/** A tranche id as the API names it: `T1` is the first payment, `T2`, `T3`, ... the further ones. */
export const trancheIdSchema = z
  .string('tranche.invalid')
  .check(z.regex(/^T\d{1,3}$/, 'tranche.invalid'), z.meta({ description: '`T1` is the first payment; `T2`, `T3`, ... the further ones.' }));

/**
 * The children declared for the scholarship (the claim form's optional `children`, and a scholarship payment's, which
 * updates their levels for the year). At most 2 are paid (the first two in this order; rules/scholarship.ts).
 */
export const scholarshipChildrenSchema = z
  .array(
    z.object({
      name: personName,
      birthDate: pastDate,
      schoolLevel: z.optional(
        z.nullable(z.enum(SCHOOL_LEVELS, 'schoolLevel.invalid')).check(
          z.meta({
            description: 'The level the child attends this school year (TK, SD, SMP, SMA, PT); null or absent when not in school.',
          }),
        ),
      ),
    }),
    'invalid',
  )
  .check(z.maxLength(10, 'tooMany'));

/**
 * POST /staff/claims/{reference}/payments: a further payment of a claim. `assessment` for STMB (only `stmb`: the
 * months after those already paid) and DISABILITY (only `disability`); `schoolYear` (and optionally `children`) for
 * SCHOLARSHIP. What a kind needs is checked by the use case (400 naming the field).
 */
export const paymentRequestSchema = z.object({
  kind: z.enum(TRANCHE_KINDS, 'tranche.kind'),
  assessment: z.optional(assessmentSchema),
  schoolYear: z.optional(
    z
      .string('schoolYear.invalid')
      .check(
        z.refine(isSchoolYear, 'schoolYear.invalid'),
        z.meta({ description: 'The school year paid, `YYYY/YYYY` (July to June): `2026/2027`.', example: '2026/2027' }),
      ),
  ),
  children: z.optional(scholarshipChildrenSchema),
});
export type PaymentRequestBody = z.infer<typeof paymentRequestSchema>;

/** POST /staff/claims/{reference}/payout-retry: optionally the tranche whose failed payout is retried (default: the first). */
export const payoutRetryRequestSchema = z.object({ tranche: z.optional(trancheIdSchema) });
