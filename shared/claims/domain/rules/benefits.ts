import { isCalendarDate } from '../../../kernel/time';
import type { Benefit, IncidentType } from '../claim';

/**
 * JKM and JKK death benefits as versioned data (handbook domain.md, "Benefit rules"). The rule set is chosen by the
 * incident date, never the claim date: a death on 2019-12-01 is paid under PP 44/2015 even if claimed in 2024.
 *
 * Confidence, per value: P = read in the regulation's own text; S = secondary sources (news, law firms, BPJS
 * officials); NC = not confirmed. Nothing here is P yet: every figure comes from the handbook's S rows.
 */
export type Confidence = 'P' | 'S' | 'NC';

export interface Sourced<T> {
  value: T;
  source: string;
  confidence: Confidence;
}

export interface BenefitRuleSet {
  /** The regulation, as shown to staff and stored with a computed benefit: 'PP 82/2019'. */
  id: string;
  /** First incident date (YYYY-MM-DD, inclusive) the rule set applies to. */
  effectiveFrom: Sourced<string>;
  /** Last incident date (inclusive); absent for the rule set in force. */
  effectiveUntil?: string;
  jkm: {
    /** Santunan sekaligus. Also the JKK death minimum of the same rule set. */
    lumpSum: Sourced<number>;
    /** Santunan berkala, paid at once: `months` x `monthly`. */
    periodic: Sourced<{ months: number; monthly: number }>;
    /** Biaya pemakaman. */
    funeral: Sourced<number>;
    /** The deceased's least membership, in whole years, for the children's scholarship (beasiswa). */
    scholarshipMinimumYears: Sourced<number>;
  };
  jkkDeath: {
    /** Lump sum = `wageMultiple` x monthly wage (60% x 80 = 48), at least the JKM lump sum; plus JKM periodic and funeral. */
    wageMultiple: Sourced<number>;
    /** JKK death scholarship needs no minimum membership. */
    scholarshipMinimumYears: Sourced<number>;
  };
}

const PP_82_2019 = 'PP 82/2019 (amending PP 44/2015), in force 2019-12-02';
const PP_44_2015 = 'PP 44/2015 on JKK and JKM';

export const BENEFIT_RULE_SETS: readonly BenefitRuleSet[] = [
  {
    id: 'PP 44/2015',
    effectiveFrom: {
      value: '2015-07-01',
      source: `${PP_44_2015}: in force with the BPJS Ketenagakerjaan programmes on 2015-07-01`,
      confidence: 'S',
    },
    effectiveUntil: '2019-12-01',
    jkm: {
      lumpSum: { value: 16_200_000, source: `${PP_44_2015}; domain.md JKM table, "before" column`, confidence: 'S' },
      periodic: {
        value: { months: 24, monthly: 200_000 },
        source: `${PP_44_2015}: 24 x Rp200.000 = Rp4.800.000, paid at once`,
        confidence: 'S',
      },
      funeral: { value: 3_000_000, source: `${PP_44_2015}: biaya pemakaman`, confidence: 'S' },
      // domain.md gives "1 child, 5 years, Rp12m lump" in the "before" column of an S row; the 5 years is read as a
      // minimum contribution period (masa iur), which we approximate by membership years like PP 82/2019's 3 years.
      scholarshipMinimumYears: {
        value: 5,
        source: `${PP_44_2015}: scholarship for 1 child (Rp12.000.000) after 5 years of membership; domain.md`,
        confidence: 'S',
      },
    },
    jkkDeath: {
      wageMultiple: { value: 48, source: `${PP_44_2015}: 60% x 80 x monthly wage, at least the JKM lump sum`, confidence: 'S' },
      scholarshipMinimumYears: { value: 0, source: `${PP_44_2015}: JKK death scholarship has no minimum membership`, confidence: 'S' },
    },
  },
  {
    id: 'PP 82/2019',
    effectiveFrom: { value: '2019-12-02', source: PP_82_2019, confidence: 'S' },
    jkm: {
      lumpSum: { value: 20_000_000, source: `${PP_82_2019}: santunan sekaligus; domain.md JKM table`, confidence: 'S' },
      periodic: {
        value: { months: 24, monthly: 500_000 },
        source: `${PP_82_2019}: 24 x Rp500.000 = Rp12.000.000, paid at once`,
        confidence: 'S',
      },
      funeral: { value: 10_000_000, source: `${PP_82_2019}: biaya pemakaman`, confidence: 'S' },
      scholarshipMinimumYears: {
        value: 3,
        source: `${PP_82_2019}: scholarship for at most 2 children if membership >= 3 years; domain.md`,
        confidence: 'S',
      },
    },
    jkkDeath: {
      wageMultiple: {
        value: 48,
        source: `${PP_82_2019}: 60% x 80 x monthly wage, minimum = the JKM lump sum; domain.md JKK table`,
        confidence: 'S',
      },
      scholarshipMinimumYears: {
        value: 0,
        source: `${PP_82_2019}: JKK death scholarship, no minimum membership; domain.md JKK table`,
        confidence: 'S',
      },
    },
  },
];

/** A date outside every rule set (before PP 44/2015), or not a date at all. Workflow tasks let it fail the task. */
export class NoBenefitRuleSetError extends Error {
  constructor(readonly incidentDate: string) {
    super(
      `No benefit rule set covers the incident date ${JSON.stringify(incidentDate)} (the first starts ${BENEFIT_RULE_SETS[0]?.effectiveFrom.value}).`,
    );
    this.name = 'NoBenefitRuleSetError';
  }
}

/** A combination the rules cannot price: JKM pays only for a death. */
export class InvalidBenefitClaimError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidBenefitClaimError';
  }
}

/** The rule set in force on the incident date (YYYY-MM-DD). Throws NoBenefitRuleSetError before 2015-07-01. */
export const ruleSetFor = (incidentDate: string): BenefitRuleSet => {
  if (!isCalendarDate(incidentDate)) throw new NoBenefitRuleSetError(incidentDate);
  const found = BENEFIT_RULE_SETS.find(
    (r) => r.effectiveFrom.value <= incidentDate && (r.effectiveUntil === undefined || incidentDate <= r.effectiveUntil),
  );
  if (!found) throw new NoBenefitRuleSetError(incidentDate);
  return found;
};

// ---- Calendar years (the anniversary rule) ----------------------------------------------------------------------
// Shared by the membership rule here and the claim window in eligibility.ts. Dates are Jakarta calendar dates.
// A 29 February start reaches its anniversary on 1 March in common years, the same as `completedYears`.

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const parts = (date: string): [number, number, number] => {
  if (!isCalendarDate(date)) throw new RangeError(`Expected a YYYY-MM-DD date, got ${JSON.stringify(date)}`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
};

/** The date `years` calendar years after `date` (2021-03-10 + 5 = 2026-03-10; 2016-02-29 + 1 = 2017-03-01). */
export const addYears = (date: string, years: number): string => {
  const [y, m, d] = parts(date);
  const year = y + years;
  if (m === 2 && d === 29 && !isLeap(year)) return `${String(year).padStart(4, '0')}-03-01`;
  return `${String(year).padStart(4, '0')}${date.slice(4)}`;
};

/** Whole years from `from` to `to`, birthday-style: 2016-12-02 to 2019-12-02 is 3; to 2019-12-01 is 2. Never negative. */
export const completedYears = (from: string, to: string): number => {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  const beforeAnniversary = tm < fm || (tm === fm && td < fd);
  return Math.max(0, ty - fy - (beforeAnniversary ? 1 : 0));
};

// ---- Computing a benefit ----------------------------------------------------------------------------------------

export type BenefitComponentCode = 'LUMP_SUM' | 'JKK_DEATH' | 'PERIODIC' | 'FUNERAL';

export interface BenefitResult {
  ruleSet: string;
  total: number;
  currency: 'IDR';
  components: { code: BenefitComponentCode; amount: number; basis: string }[];
  /**
   * The deceased's membership qualifies the children for the scholarship (beasiswa). Whether a child qualifies
   * (age, schooling, marriage) is for the verifier; the scholarship is paid per school year, so it is not in `total`.
   */
  scholarshipEligible: boolean;
  /** JKK injury: the amount needs medical assessment (disability %, days off work, receipts), not the claim alone. */
  requiresAssessment: boolean;
}

export interface BenefitInput {
  benefit: Benefit;
  incidentType: IncidentType;
  incidentDate: string;
  /** Integer rupiah: the member's reported wage or declared income (the roster's `monthlyWage`). */
  monthlyWage: number;
  /** Membership start (the roster's `enrolledOn`). */
  membershipStart: string;
  /** Who claims: a `funeral_arranger` (a worker with no heirs) receives the funeral costs only. */
  relationship?: string;
}

/** Rp1.000.000: Indonesian digit grouping, written out so no Intl data is loaded. */
export const formatRupiah = (amount: number): string => `Rp${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;

/**
 * The cash benefit of a JKM death or a JKK death, in integer rupiah, under the rule set of the incident date.
 * A JKK injury returns no amount and `requiresAssessment`; a JKM injury is not a JKM claim and throws.
 */
export const computeBenefit = (input: BenefitInput): BenefitResult => {
  const { benefit, incidentType, incidentDate, monthlyWage, membershipStart } = input;
  if (!Number.isSafeInteger(monthlyWage) || monthlyWage < 0) {
    throw new RangeError(`monthlyWage must be a non-negative integer number of rupiah, got ${monthlyWage}`);
  }
  const rules = ruleSetFor(incidentDate);
  if (benefit === 'JKM' && incidentType !== 'death') {
    throw new InvalidBenefitClaimError('JKM (Jaminan Kematian) pays only for a death; an injury is a JKK claim.');
  }
  if (benefit === 'JKK' && incidentType === 'injury') {
    return { ruleSet: rules.id, total: 0, currency: 'IDR', components: [], scholarshipEligible: false, requiresAssessment: true };
  }

  const { lumpSum, periodic, funeral } = rules.jkm;
  const periodicAmount = periodic.value.months * periodic.value.monthly;
  const shared = [
    { code: 'PERIODIC' as const, amount: periodicAmount, basis: `${periodic.value.months} x ${formatRupiah(periodic.value.monthly)}` },
    { code: 'FUNERAL' as const, amount: funeral.value, basis: `Funeral costs (biaya pemakaman) ${formatRupiah(funeral.value)}` },
  ];
  const years = completedYears(membershipStart, incidentDate);
  // PP 44/2015 art. 37(5): with no heir at all, the funeral costs go to whoever arranged the burial and the lump sum
  // to the social security fund; so a funeral arranger's claim is the funeral component alone, and no scholarship.
  if (input.relationship === 'funeral_arranger') return result(rules, [shared[1]!], false);

  if (benefit === 'JKM') {
    const components = [
      { code: 'LUMP_SUM' as const, amount: lumpSum.value, basis: `Lump sum (santunan sekaligus) ${formatRupiah(lumpSum.value)}` },
      ...shared,
    ];
    return result(rules, components, years >= rules.jkm.scholarshipMinimumYears.value);
  }

  const multiple = rules.jkkDeath.wageMultiple.value;
  const byWage = multiple * monthlyWage;
  const minimumApplies = byWage < lumpSum.value;
  const components = [
    {
      code: 'JKK_DEATH' as const,
      amount: Math.max(byWage, lumpSum.value),
      basis: `${multiple} x ${formatRupiah(monthlyWage)}, minimum ${formatRupiah(lumpSum.value)}${minimumApplies ? ' (applied)' : ''}`,
    },
    ...shared,
  ];
  return result(rules, components, years >= rules.jkkDeath.scholarshipMinimumYears.value);
};

const result = (rules: BenefitRuleSet, components: BenefitResult['components'], scholarshipEligible: boolean): BenefitResult => ({
  ruleSet: rules.id,
  total: components.reduce((sum, c) => sum + c.amount, 0),
  currency: 'IDR',
  components,
  scholarshipEligible,
  requiresAssessment: false,
});
