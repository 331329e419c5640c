import * as z from 'zod/mini';
import { BENEFITS, INCIDENT_TYPES } from '../../shared/claims/domain/claim';
import { estimateBenefit } from '../../shared/claims/application/intake/estimate-benefit';
import { isCalendarDate } from '../../shared/kernel/time';
import { httpHandler } from '../../shared/platform/http/handler';
import { json } from '../../shared/platform/http/responses';
import { validate } from '../../shared/kernel/validate';

const date = z.string().check(z.refine(isCalendarDate, 'date.invalid'));
const schema = z.object({
  benefit: z.enum(BENEFITS, 'benefit.invalid'),
  incident: z.object({ type: z.enum(INCIDENT_TYPES, 'incidentType.invalid'), date }),
  member: z.object({
    monthlyWage: z.number('invalid').check(z.int('invalid'), z.gte(0, 'invalid'), z.lte(1_000_000_000, 'invalid')),
    membershipStart: date,
  }),
});

/**
 * POST /benefits/estimate: the benefit simulation from the same rule code the workflow uses (api.md).
 * No personal data, no storage.
 */
export const handler = httpHandler(
  async (request) => json(200, estimateBenefit(validate(schema, request.body))),
  { accepts: ['json'], maxBodyBytes: 4 * 1024 },
);
