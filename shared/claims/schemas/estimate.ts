import * as z from 'zod/mini';
import { isCalendarDate } from '../../kernel/time';
import { BENEFITS, INCIDENT_TYPES } from '../domain/claim';
import { SCHOOL_LEVELS } from '../domain/rules/scholarship';
import { assessmentSchema } from './assessment';

const date = z.string().check(z.refine(isCalendarDate, 'date.invalid'), z.meta({ format: 'date' }));

/**
 * POST /benefits/estimate: the benefit simulation. No personal data. The rule set is chosen by the incident date;
 * a date before every rule set is refused by the handler (400 on `incident.date`), as is a JKM injury.
 */
export const benefitEstimateRequestSchema = z.object({
  benefit: z.enum(BENEFITS, 'benefit.invalid'),
  incident: z.object({ type: z.enum(INCIDENT_TYPES, 'incidentType.invalid'), date }),
  member: z.object({
    monthlyWage: z
      .number('invalid')
      .check(z.int('invalid'), z.gte(0, 'invalid'), z.lte(1_000_000_000, 'invalid'), z.meta({ description: 'Integer rupiah.' })),
    membershipStart: date,
  }),
  /** JKK injury: what an assessment would find (api.md `assessment`); without it an injury estimates Rp0. */
  assessment: z.optional(assessmentSchema),
  /** The children the family would declare, for the scholarship (never inside `total`). */
  children: z.optional(
    z
      .array(z.object({ birthDate: date, schoolLevel: z.nullable(z.enum(SCHOOL_LEVELS, 'schoolLevel.invalid')) }))
      .check(z.maxLength(10, 'tooMany')),
  ),
});
export type BenefitEstimateRequest = z.infer<typeof benefitEstimateRequestSchema>;
