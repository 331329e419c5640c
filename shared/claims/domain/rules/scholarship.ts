import { completedYears, type Sourced } from './benefits';

/**
 * The children's scholarship (beasiswa) of a JKM death, a JKK death or a total disability, as versioned data chosen
 * by the incident date (domain.md, JKM table). Whether the member's membership qualifies is in benefits.ts
 * (`scholarshipMinimumYears`: 3 years for JKM under PP 82/2019, none for JKK); this module prices the children.
 *
 * It is paid one school year at a time, each year on proof of schooling, so it is never inside a claim's `total`.
 */
export const SCHOOL_LEVELS = ['TK', 'SD', 'SMP', 'SMA', 'PT'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

export interface ScholarshipRuleSet {
  id: string;
  effectiveFrom: string;
  effectiveUntil?: string;
  maxChildren: Sourced<number>;
  /** A child qualifies while younger than this (in whole years), unmarried and not working. */
  ageLimit: Sourced<number>;
  /** Per school level: amount per child per school year, and the most school years paid at that level. */
  perYear: Sourced<Partial<Record<SchoolLevel, { amount: number; maxYears: number }>>>;
  /** Under PP 44/2015 one child received one payment instead of yearly amounts. */
  lumpSum?: Sourced<number>;
  /** The most all the children of one member receive. */
  cap: Sourced<number>;
}

const PP_82 = 'PP 82/2019 (amending PP 44/2015)';

export const SCHOLARSHIP_RULE_SETS: readonly ScholarshipRuleSet[] = [
  {
    id: 'PP 44/2015',
    effectiveFrom: '2015-07-01',
    effectiveUntil: '2019-12-01',
    maxChildren: { value: 1, source: 'PP 44/2015: one child; domain.md JKM table, "before" column', confidence: 'S' },
    ageLimit: { value: 23, source: 'PP 82/2019 age limit, assumed for PP 44/2015 (not in the sources read)', confidence: 'NC' },
    perYear: { value: {}, source: 'PP 44/2015: no yearly amounts, one lump sum', confidence: 'S' },
    lumpSum: { value: 12_000_000, source: 'PP 44/2015: Rp12.000.000 once for one child; domain.md', confidence: 'S' },
    cap: { value: 12_000_000, source: 'PP 44/2015: one lump sum of Rp12.000.000', confidence: 'S' },
  },
  {
    id: 'PP 82/2019',
    effectiveFrom: '2019-12-02',
    maxChildren: { value: 2, source: `${PP_82}: at most 2 children; domain.md`, confidence: 'S' },
    ageLimit: { value: 23, source: `${PP_82}: a child under 23, unmarried and not working; domain.md`, confidence: 'S' },
    perYear: {
      value: {
        TK: { amount: 1_500_000, maxYears: 2 },
        SD: { amount: 1_500_000, maxYears: 6 },
        SMP: { amount: 2_000_000, maxYears: 3 },
        SMA: { amount: 3_000_000, maxYears: 3 },
        PT: { amount: 12_000_000, maxYears: 5 },
      },
      source: `${PP_82}: TK Rp1,5 jt (2 years), SD Rp1,5 jt (6), SMP Rp2 jt (3), SMA Rp3 jt (3), university or training Rp12 jt (5) a year; domain.md`,
      confidence: 'S',
    },
    cap: { value: 174_000_000, source: `${PP_82}: at most Rp174.000.000 for 2 children; domain.md`, confidence: 'S' },
  },
];

export const scholarshipRuleSetFor = (incidentDate: string): ScholarshipRuleSet | undefined =>
  SCHOLARSHIP_RULE_SETS.find(
    (r) => r.effectiveFrom <= incidentDate && (r.effectiveUntil === undefined || incidentDate <= r.effectiveUntil),
  );

export interface DeclaredChild {
  birthDate: string;
  /** The level the child attends this school year; null when not in school. */
  schoolLevel: SchoolLevel | null;
}

export type ChildOutcome =
  | { schoolLevel: SchoolLevel | null; amountPerYear: number; eligible: true }
  | {
      schoolLevel: SchoolLevel | null;
      amountPerYear: 0;
      eligible: false;
      reason: 'MEMBERSHIP' | 'AGE_LIMIT' | 'NOT_IN_SCHOOL' | 'MAX_CHILDREN';
    };

export interface ScholarshipEstimate {
  eligible: boolean;
  ruleSet: string;
  children: ChildOutcome[];
  /** What the children of school age receive for the current school year (at most the cap). */
  thisYear: number;
  cap: number;
}

/**
 * Prices the declared children for this school year (`asOf`, a Jakarta date). The first `maxChildren` children in the
 * order declared are the ones counted (NC: the sources do not say which two; the family chooses by the order).
 * Marriage and work are declared by the family and checked by a verifier with the yearly proof; they are not here.
 */
export const estimateScholarship = (input: {
  incidentDate: string;
  membershipEligible: boolean;
  children: readonly DeclaredChild[];
  asOf: string;
}): ScholarshipEstimate | undefined => {
  const rules = scholarshipRuleSetFor(input.incidentDate);
  if (!rules) return undefined;
  const children: ChildOutcome[] = input.children.map((child, i) => {
    if (!input.membershipEligible) return { schoolLevel: child.schoolLevel, amountPerYear: 0, eligible: false, reason: 'MEMBERSHIP' };
    if (i >= rules.maxChildren.value) return { schoolLevel: child.schoolLevel, amountPerYear: 0, eligible: false, reason: 'MAX_CHILDREN' };
    if (completedYears(child.birthDate, input.asOf) >= rules.ageLimit.value)
      return { schoolLevel: child.schoolLevel, amountPerYear: 0, eligible: false, reason: 'AGE_LIMIT' };
    if (rules.lumpSum) return { schoolLevel: child.schoolLevel, amountPerYear: rules.lumpSum.value, eligible: true };
    const level = child.schoolLevel ? rules.perYear.value[child.schoolLevel] : undefined;
    if (!level) return { schoolLevel: child.schoolLevel, amountPerYear: 0, eligible: false, reason: 'NOT_IN_SCHOOL' };
    return { schoolLevel: child.schoolLevel, amountPerYear: level.amount, eligible: true };
  });
  const thisYear = Math.min(
    children.reduce((s, c) => s + c.amountPerYear, 0),
    rules.cap.value,
  );
  return { eligible: input.membershipEligible, ruleSet: rules.id, children, thisYear, cap: rules.cap.value };
};
