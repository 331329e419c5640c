import { ValidationError } from '../../../kernel/errors';
import { jakartaDate } from '../../../kernel/time';
import type { Benefit, IncidentType } from '../../domain/claim';
import { computeBenefit, NoBenefitRuleSetError } from '../../domain/rules/benefits';
import type { Assessment } from '../../domain/rules/injury';
import { type DeclaredChild, estimateScholarship } from '../../domain/rules/scholarship';
import { priceAssessment } from '../price-assessment';

export interface EstimateInput {
  benefit: Benefit;
  incident: { type: IncidentType; date: string };
  member: { monthlyWage: number; membershipStart: string };
  assessment?: Assessment & { disability?: { part?: string } };
  children?: DeclaredChild[];
}

/**
 * The benefit simulation from the same rule code the workflow uses (api.md). No personal data, no storage.
 * A JKK injury is priced from `assessment` (Rp0 and `requiresAssessment` without one); `children` add the
 * scholarship of this school year, which is paid year by year and so never inside `total`.
 */
export const estimateBenefit = (input: EstimateInput, today: string = jakartaDate(new Date())) => {
  if (input.benefit === 'JKM' && input.incident.type !== 'death') {
    throw new ValidationError([{ path: 'incident.type', code: 'incidentType.jkmRequiresDeath' }]);
  }
  const injury = input.benefit === 'JKK' && input.incident.type === 'injury';
  if (input.assessment && !injury) throw new ValidationError([{ path: 'assessment', code: 'assessment.notInjury' }]);
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
  let { total, components, scholarshipEligible } = result;
  let requiresAssessment = result.requiresAssessment;
  if (injury && input.assessment) {
    const priced = priceAssessment(
      { incidentDate: input.incident.date, monthlyWage: input.member.monthlyWage, assessment: input.assessment },
      'assessment',
    );
    ({ total } = priced);
    components = priced.components as typeof components;
    // A total disability qualifies the children like a JKK death: no minimum membership.
    scholarshipEligible = priced.totalDisability;
    requiresAssessment = false;
  }
  const scholarship = input.children
    ? estimateScholarship({
        incidentDate: input.incident.date,
        membershipEligible: scholarshipEligible,
        children: input.children,
        asOf: today,
      })
    : undefined;
  return {
    total,
    currency: 'IDR' as const,
    components: components.map(({ code, amount }) => ({ code, amount })),
    ruleSet: result.ruleSet,
    scholarshipEligible,
    ...(requiresAssessment ? { requiresAssessment: true } : {}),
    ...(scholarship
      ? {
          scholarship: {
            eligible: scholarship.eligible,
            children: scholarship.children.map((c) => ({ schoolLevel: c.schoolLevel, amountPerYear: c.amountPerYear })),
            thisYear: scholarship.thisYear,
          },
        }
      : {}),
  };
};
