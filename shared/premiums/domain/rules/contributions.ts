import { isPeriod } from '../../../kernel/periods';
import type { ContributionPayer, Programme } from '../../../reference-data/programmes';

/**
 * What the sponsor owes BPJS Ketenagakerjaan per member and month, as dated data (handbook domain.md, "Contributions
 * and coverage"): the normal schedule of a contribution scheme, and the relief periods that cut it. The month's own
 * rules price it: the reconciliation of August 2020 expects the PP 49/2020 relief figure, that of September 2026 the
 * normal one. Nothing here reads a programme code: a programme names its scheme and its payer (programmes.ts).
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

/** One band of declared monthly income with its fixed JKK contribution (PP 44/2015 Lampiran II). */
export interface JkkBand {
  /** Lowest declared income of the band, integer rupiah, inclusive. */
  incomeFrom: number;
  /** Highest declared income of the band, inclusive; absent for the top band. */
  incomeTo?: number;
  /** The band's JKK contribution, integer rupiah per month. */
  jkk: number;
}

/** A scheme's normal contributions over a span of months. */
export interface ContributionSchedule {
  /** The instrument, as staff read it: 'PP 44/2015 Lampiran II'. */
  id: string;
  scheme: Programme['contribution']['scheme'];
  /** First month (YYYY-MM, inclusive) the schedule prices. */
  from: Sourced<string>;
  /** Last month (inclusive); absent for the schedule in force. */
  until?: string;
  jkk: {
    /**
     * The bands encoded. A declared income inside a band pays the band's figure, whatever the exact income; an
     * income in no encoded band pays `rate` of itself (below).
     */
    bands: Sourced<readonly JkkBand[]>;
    /**
     * Basis points of the declared income (100 = 1%), rounded **up** to the whole rupiah, for an income that falls in
     * no encoded band. Basis points keep the arithmetic integer.
     */
    rate: Sourced<number>;
  };
  /** The flat JKM contribution, integer rupiah per month. */
  jkm: Sourced<number>;
}

export type Component = 'jkk' | 'jkm';

/** A period in which a regulation cuts the normal contributions. */
export interface ContributionRelief {
  /** The instrument: 'PP 49/2020'. */
  id: string;
  scheme: Programme['contribution']['scheme'];
  /** First and last month (YYYY-MM, inclusive). */
  from: string;
  until: string;
  /** The share of the normal contribution still due, in basis points: 100 = 1%, 5_000 = 50%. Rounded up. */
  dueShare: number;
  components: readonly Component[];
  /**
   * Payers the relief does not reach, with the reason. Kept as data so that a relief that does not apply to our
   * sponsor is on record (and shown with its reason) rather than silently left out.
   */
  excludes?: { payers: readonly ContributionPayer[]; reason: string };
  source: string;
  confidence: Confidence;
}

export interface ContributionRules {
  schedules: readonly ContributionSchedule[];
  reliefs: readonly ContributionRelief[];
}

const PP_44_2015 = 'PP 44/2015 on JKK and JKM, art. 19 and Lampiran II (BPU contributions)';

/**
 * BPU (non-wage-earner) JKK bands of PP 44/2015 Lampiran II. The annex lists declared incomes from Rp1,000,000 (JKK
 * Rp10,000) up to the band whose contribution is Rp207,000, the cap, each band paying a fixed 1% of its income. We
 * have the annex's end points from secondary sources (handbook domain.md, S) but not the rows between them, so only
 * the two end bands are encoded: an income up to Rp1,000,000 pays Rp10,000 (the lowest band is also the least
 * contribution), and an income from Rp20,700,000 (1% = Rp207,000) pays the cap. An income between them pays 1% of
 * itself, rounded up, which is the band figure whenever the declared income is a band's own figure (the roster
 * reports the declared income, normally one of those figures). To encode the annex, add its rows here: a band wins
 * over the rate.
 */
const BPU_JKK_BANDS: readonly JkkBand[] = [
  { incomeFrom: 0, incomeTo: 1_000_000, jkk: 10_000 },
  { incomeFrom: 20_700_000, jkk: 207_000 },
];

export const CONTRIBUTION_RULES: ContributionRules = {
  schedules: [
    {
      id: 'PP 44/2015 Lampiran II',
      scheme: 'BPU',
      from: {
        value: '2015-07',
        source: `${PP_44_2015}: in force with the BPJS Ketenagakerjaan programmes on 2015-07-01`,
        confidence: 'S',
      },
      jkk: {
        bands: {
          value: BPU_JKK_BANDS,
          source: `${PP_44_2015}: income bands from Rp1.000.000 (JKK Rp10.000) up to the cap of Rp207.000; only the two end bands encoded (domain.md)`,
          confidence: 'S',
        },
        rate: { value: 100, source: `${PP_44_2015}: JKK 1% of the declared income (domain.md)`, confidence: 'S' },
      },
      jkm: { value: 6_800, source: `${PP_44_2015}: BPU JKM Rp6.800 per month (domain.md)`, confidence: 'S' },
    },
  ],
  reliefs: [
    {
      id: 'PP 49/2020',
      scheme: 'BPU',
      from: '2020-08',
      until: '2021-01',
      dueShare: 100,
      components: ['jkk', 'jkm'],
      source:
        'PP 49/2020 on contribution adjustments during the COVID-19 pandemic: JKK and JKM contributions for August 2020 to January 2021 at 1% of normal (BPU JKM Rp68); domain.md',
      confidence: 'S',
    },
    {
      id: 'PP 50/2025',
      scheme: 'BPU',
      from: '2026-01',
      until: '2027-03',
      dueShare: 5_000,
      components: ['jkk', 'jkm'],
      excludes: {
        payers: ['APBN', 'APBD'],
        reason: 'PP 50/2025 excludes members whose contributions are paid from the state or regional budget (APBN/APBD)',
      },
      source: 'PP 50/2025: 50% discount on BPU contributions for January 2026 to March 2027, except members paid from APBN/APBD; domain.md',
      confidence: 'S',
    },
  ],
};

/** A month no contribution schedule prices (before PP 44/2015, or a scheme without one): never priced at Rp0. */
export class NoContributionRuleError extends Error {
  constructor(
    readonly scheme: string,
    readonly period: string,
  ) {
    super(`No contribution schedule of scheme ${scheme} covers ${JSON.stringify(period)}.`);
    this.name = 'NoContributionRuleError';
  }
}

export interface MonthlyContribution {
  jkk: number;
  jkm: number;
  total: number;
}

/** The rules that price a programme's month: the schedule, the reliefs applied, and those that do not reach it, with why. */
export interface RulesInForce {
  schedule: ContributionSchedule;
  reliefs: readonly ContributionRelief[];
  notApplied: readonly { relief: ContributionRelief; reason: string }[];
}

const covers = (r: { from: string; until?: string | undefined }, period: string) =>
  r.from <= period && (r.until === undefined || period <= r.until);

/** The rules in force for a programme in a month (YYYY-MM). Throws NoContributionRuleError when no schedule prices it. */
export const rulesInForce = (
  programme: Pick<Programme, 'contribution'>,
  period: string,
  rules: ContributionRules = CONTRIBUTION_RULES,
): RulesInForce => {
  const { scheme, payer } = programme.contribution;
  const schedule = isPeriod(period)
    ? rules.schedules.find((s) => s.scheme === scheme && covers({ from: s.from.value, until: s.until }, period))
    : undefined;
  if (!schedule) throw new NoContributionRuleError(scheme, period);
  const reliefs: ContributionRelief[] = [];
  const notApplied: { relief: ContributionRelief; reason: string }[] = [];
  for (const relief of rules.reliefs) {
    if (relief.scheme !== scheme || !covers(relief, period)) continue;
    if (relief.excludes?.payers.includes(payer)) notApplied.push({ relief, reason: relief.excludes.reason });
    else reliefs.push(relief);
  }
  return { schedule, reliefs, notApplied };
};

/** The normal JKK of a declared income under a schedule: the band's figure, or the rate rounded up between bands. */
const normalJkk = (schedule: ContributionSchedule, declaredIncome: number): number => {
  const band = schedule.jkk.bands.value.find(
    (b) => declaredIncome >= b.incomeFrom && (b.incomeTo === undefined || declaredIncome <= b.incomeTo),
  );
  return band ? band.jkk : Math.ceil((declaredIncome * schedule.jkk.rate.value) / 10_000);
};

/**
 * What the sponsor owes for one member and month, in integer rupiah: the normal contribution of the month's schedule
 * for the declared income, cut by every relief that applies that month (each the share it leaves due, rounded up).
 *
 * Rounding is **up** throughout. BPJS publishes no rounding rule for odd incomes (incomes are normally band figures,
 * where 1% is exact) and the sponsor is the payer: rounding up keeps the expected figure from sitting a fraction below
 * what BPJS could ask.
 */
export const contributionFor = (
  programme: Pick<Programme, 'contribution'>,
  declaredIncome: number,
  period: string,
  rules: ContributionRules = CONTRIBUTION_RULES,
): MonthlyContribution => {
  if (!Number.isSafeInteger(declaredIncome) || declaredIncome < 0) {
    throw new RangeError(`the declared income must be a non-negative integer number of rupiah, got ${declaredIncome}`);
  }
  const { schedule, reliefs } = rulesInForce(programme, period, rules);
  let jkk = normalJkk(schedule, declaredIncome);
  let jkm = schedule.jkm.value;
  for (const relief of reliefs) {
    if (relief.components.includes('jkk')) jkk = Math.ceil((jkk * relief.dueShare) / 10_000);
    if (relief.components.includes('jkm')) jkm = Math.ceil((jkm * relief.dueShare) / 10_000);
  }
  return { jkk, jkm, total: jkk + jkm };
};
