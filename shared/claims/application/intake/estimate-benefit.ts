import { ValidationError } from '../../../kernel/errors';
import type { Benefit, IncidentType } from '../../domain/claim';
import { computeBenefit, NoBenefitRuleSetError } from '../../domain/rules/benefits';

export interface EstimateInput {
  benefit: Benefit;
  incident: { type: IncidentType; date: string };
  member: { monthlyWage: number; membershipStart: string };
}

/** The benefit simulation from the same rule code the workflow uses (api.md). No personal data, no storage. */
export const estimateBenefit = (input: EstimateInput) => {
  if (input.benefit === 'JKM' && input.incident.type !== 'death') {
    throw new ValidationError([{ path: 'incident.type', code: 'incidentType.jkmRequiresDeath' }]);
  }
  let result: ReturnType<typeof computeBenefit>;
  try {
    result = computeBenefit({
      benefit: input.benefit,
      incidentType: input.incident.type,
      incidentDate: input.incident.date,
      monthlyWage: input.member.monthlyWage,
      membershipStart: input.member.membershipStart,
    });
  } catch (error) {
    // Only the incident date can fall outside every rule set; anything else the request schema already refused.
    if (error instanceof NoBenefitRuleSetError)
      throw new ValidationError([{ path: 'incident.date', code: 'invalid', message: error.message }]);
    throw error;
  }
  return {
    total: result.total,
    currency: 'IDR' as const,
    components: result.components.map(({ code, amount }) => ({ code, amount })),
    ruleSet: result.ruleSet,
    scholarshipEligible: result.scholarshipEligible,
    ...(result.requiresAssessment ? { requiresAssessment: true } : {}),
  };
};
