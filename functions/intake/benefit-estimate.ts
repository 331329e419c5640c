import { estimateBenefit } from '../../shared/claims/application/intake/estimate-benefit';
import { benefitEstimateRequestSchema } from '../../shared/claims/schemas/estimate';
import { validate } from '../../shared/kernel/validate';
import { httpHandler } from '../../shared/platform/http/handler';
import { json } from '../../shared/platform/http/responses';

/**
 * POST /benefits/estimate: the benefit simulation from the same rule code the workflow uses (api.md).
 * No personal data, no storage.
 */
export const handler = httpHandler(async (request) => json(200, estimateBenefit(validate(benefitEstimateRequestSchema, request.body))), {
  accepts: ['json'],
  maxBodyBytes: 4 * 1024,
});
