import { ValidationError } from '../../kernel/errors';
import { type Assessment, computeInjuryBenefit, InvalidAssessmentError, resolveAssessment } from '../domain/rules/injury';

export type AssessmentWithPart = Assessment & { disability?: Assessment['disability'] & { part?: string } };

/**
 * An injury assessment priced by the rules of the incident date (a body part named by its table row first), for the
 * estimate, the staff assessment and a further payment alike. What the rules refuse (a functional disability without
 * the share lost, an unknown body part) is a ValidationError on the field, its path below `prefix`.
 */
export const priceAssessment = (
  input: { incidentDate: string; monthlyWage: number; assessment: AssessmentWithPart; stmbFirstMonth?: number },
  prefix = '',
): ReturnType<typeof computeInjuryBenefit> => {
  try {
    return computeInjuryBenefit({ ...input, assessment: resolveAssessment(input.assessment) });
  } catch (error) {
    if (!(error instanceof InvalidAssessmentError)) throw error;
    const path = prefix ? `${prefix}.${error.path}` : error.path;
    throw new ValidationError([{ path, code: error.code, message: error.message }], error.message);
  }
};
