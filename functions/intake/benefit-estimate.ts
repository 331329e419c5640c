import { computeBenefit, NoBenefitRuleSetError } from '../../shared/claims/domain/rules/benefits';
import { ValidationError } from '../../shared/kernel/errors';
import { httpHandler } from '../../shared/platform/http/handler';
import { json } from '../../shared/platform/http/responses';
import { validate } from '../../shared/kernel/validate';
import { benefitEstimateRequestSchema as schema } from '../../shared/claims/schemas/estimate';

/**
 * POST /benefits/estimate: the benefit simulation from the same rule code the workflow uses (api.md).
 * No personal data, no storage.
 */
export const handler = httpHandler(
  async (request) => {
    const input = validate(schema, request.body);
    if (input.benefit === 'JKM' && input.incident.type !== 'death') throw new ValidationError([{ path: 'incident.type', code: 'incidentType.jkmRequiresDeath' }]);
    let result;
    try {
      result = computeBenefit({ benefit: input.benefit, incidentType: input.incident.type, incidentDate: input.incident.date, monthlyWage: input.member.monthlyWage, membershipStart: input.member.membershipStart });
    } catch (error) {
      // Only the incident date can fall outside every rule set; anything else the schema above already refused.
      if (error instanceof NoBenefitRuleSetError) throw new ValidationError([{ path: 'incident.date', code: 'invalid', message: error.message }]);
      throw error;
    }
    return json(200, {
      total: result.total,
      currency: 'IDR',
      components: result.components.map(({ code, amount }) => ({ code, amount })),
      ruleSet: result.ruleSet,
      scholarshipEligible: result.scholarshipEligible,
      ...(result.requiresAssessment ? { requiresAssessment: true } : {}),
    });
  },
  { accepts: ['json'], maxBodyBytes: 4 * 1024 },
);
