import { isCalendarDate } from '../../../kernel/time';
import { BENEFIT_RULE_SETS, formatRupiah, NoBenefitRuleSetError, type Sourced } from './benefits';
import { bodyPart } from './body-parts';

/**
 * JKK injury benefits (a work accident that did not kill) as versioned data, chosen by the incident date like the
 * death rules in benefits.ts (handbook domain.md, "JKK"). Every figure names its source and confidence:
 * P = read in the regulation's own text; S = secondary sources; NC = not confirmed, so it is a setting with a stated
 * default that staff can read in the breakdown, never a silent guess.
 *
 * What a rule set computes, from an assessment entered by staff (or a simulation):
 * - STMB (santunan tidak mampu bekerja): the wage for each month off work, at a rate by month;
 * - disability: anatomical (table % x 80 x wage), functional (% of function lost x table % x 80 x wage), or total
 *   (56 x wage, plus the JKM periodic benefit of the same rule set, paid at once);
 * - transport per mode up to a cap, home care up to a cap, prostheses at the reference price plus 40%.
 * Medical care is paid to the facility, never to the family, so it is not a component here.
 */

export interface StmbTier {
  /** First month (1-based) of the tier; the tier runs until the next tier's `fromMonth`. */
  fromMonth: number;
  /** Percent of the monthly wage paid for each month of the tier. */
  percent: number;
}

/**
 * How a part month of STMB is paid. The sources do not say (NC):
 * - `prorate30`: `days` / 30 of the rate of the month it falls in (the default: pays for every day off work);
 * - `wholeMonth`: any part month is paid as a whole month;
 * - `none`: only whole months are paid.
 */
export type PartMonthRule = 'prorate30' | 'wholeMonth' | 'none';

export interface InjuryRuleSet {
  /** The same id as the death rule set of the same dates ('PP 82/2019'). */
  id: string;
  effectiveFrom: string;
  effectiveUntil?: string;
  stmb: Sourced<StmbTier[]>;
  stmbPartMonth: Sourced<PartMonthRule>;
  /** Months of wage for a disability of 100% of the table: 80. */
  disabilityWageMultiple: Sourced<number>;
  /** Total permanent disability: 56 x wage (70% x 80), plus the JKM periodic benefit of this rule set. */
  totalDisabilityWageMultiple: Sourced<number>;
  /** The most the table percentages of several injuries add up to (NC). */
  combinedDisabilityCapPercent: Sourced<number>;
  /** Per mode, the most paid for all the trips of that mode. */
  transportCaps: Sourced<Record<TransportMode, number>>;
  homeCare: Sourced<{ maxMonths: number; maxAmount: number }>;
  /** Prosthesis or orthosis: the government rehabilitation centre's price plus this percentage. */
  prosthesisMarkupPercent: Sourced<number>;
  /** Caps on aids the sources leave open (hearing aids, glasses, dentures); an item without a cap is paid as a prosthesis. */
  aidCaps: Sourced<Partial<Record<AidKind, number>>>;
}

export const TRANSPORT_MODES = ['land', 'sea', 'air'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];
export const AID_KINDS = ['hearing_aid', 'glasses', 'dentures'] as const;
export type AidKind = (typeof AID_KINDS)[number];

const PP_82 = 'PP 82/2019 (amending PP 44/2015)';
const PP_44 = 'PP 44/2015';
const NOT_CONFIRMED = 'not found in the sources read (domain.md marks it NC): a setting, change it here when confirmed';

const shared = {
  disabilityWageMultiple: { value: 80, source: `${PP_44}, as amended: table % x 80 x wage; domain.md JKK table`, confidence: 'S' },
  totalDisabilityWageMultiple: { value: 56, source: `${PP_44}, as amended: 70% x 80 x wage; domain.md JKK table`, confidence: 'S' },
  combinedDisabilityCapPercent: {
    value: 100,
    source: `${NOT_CONFIRMED}. Default: the table percentages of several injuries add up to at most 100%`,
    confidence: 'NC',
  },
  prosthesisMarkupPercent: {
    value: 40,
    source: `${PP_82}: the government rehabilitation centre's price plus 40%; domain.md JKK table`,
    confidence: 'S',
  },
  aidCaps: {
    value: {},
    source: `${NOT_CONFIRMED}. Default: no separate cap, so an aid is paid as a prosthesis (reference price + 40%)`,
    confidence: 'NC',
  },
  stmbPartMonth: {
    value: 'prorate30',
    source: `${NOT_CONFIRMED}. Default: a part month is paid days/30 of that month's rate, rounded to the rupiah`,
    confidence: 'NC',
  },
} as const satisfies Partial<InjuryRuleSet>;

export const INJURY_RULE_SETS: readonly InjuryRuleSet[] = [
  {
    id: 'PP 44/2015',
    effectiveFrom: '2015-07-01',
    effectiveUntil: '2019-12-01',
    stmb: {
      value: [
        { fromMonth: 1, percent: 100 },
        { fromMonth: 7, percent: 75 },
        { fromMonth: 13, percent: 50 },
      ],
      source: `${PP_44}: 100% for 6 months, 75% for the next 6, then 50% until recovery (domain.md: NC)`,
      confidence: 'NC',
    },
    transportCaps: {
      value: { land: 1_000_000, sea: 1_500_000, air: 2_500_000 },
      source: `${PP_44} Lampiran I: land Rp1.000.000, sea Rp1.500.000, air Rp2.500.000 (recalled from secondary summaries)`,
      confidence: 'NC',
    },
    homeCare: {
      value: { maxMonths: 12, maxAmount: 20_000_000 },
      source: `${PP_44}: no home care benefit found in the sources for this rule set; the PP 82/2019 cap is applied`,
      confidence: 'NC',
    },
    ...shared,
  },
  {
    id: 'PP 82/2019',
    effectiveFrom: '2019-12-02',
    stmb: {
      value: [
        { fromMonth: 1, percent: 100 },
        { fromMonth: 13, percent: 50 },
      ],
      source: `${PP_82}: 100% of the wage for months 1-12, then 50% until recovery, disability or death; domain.md`,
      confidence: 'S',
    },
    transportCaps: {
      value: { land: 5_000_000, sea: 2_000_000, air: 10_000_000 },
      source: `${PP_82}: per mode, land/river/lake Rp5.000.000, sea Rp2.000.000, air Rp10.000.000; domain.md`,
      confidence: 'S',
    },
    homeCare: {
      value: { maxMonths: 12, maxAmount: 20_000_000 },
      source: `${PP_82} Lampiran III: home care up to 1 year, at most Rp20.000.000`,
      confidence: 'P',
    },
    ...shared,
  },
];

// The two tables must cover the same dates, so a death and an injury on one day are priced by one regulation.
for (const r of INJURY_RULE_SETS) {
  const death = BENEFIT_RULE_SETS.find((d) => d.id === r.id);
  if (death?.effectiveFrom.value !== r.effectiveFrom || death.effectiveUntil !== r.effectiveUntil)
    throw new Error(`Injury rule set ${r.id} does not match the death rule set of the same id`);
}

export const injuryRuleSetFor = (incidentDate: string): InjuryRuleSet => {
  if (!isCalendarDate(incidentDate)) throw new NoBenefitRuleSetError(incidentDate);
  const found = INJURY_RULE_SETS.find(
    (r) => r.effectiveFrom <= incidentDate && (r.effectiveUntil === undefined || incidentDate <= r.effectiveUntil),
  );
  if (!found) throw new NoBenefitRuleSetError(incidentDate);
  return found;
};

// ---- The assessment (api.md `assessment`) -------------------------------------------------------------------------

export const DISABILITY_KINDS = ['anatomical', 'functional', 'total'] as const;
export type DisabilityKind = (typeof DISABILITY_KINDS)[number];

export interface Assessment {
  /** Whole months off work and the days of a part month. */
  stmb?: { months: number; days?: number };
  /** `percent`: the body-part table percentage; `functionLossPercent`: the share of its function lost (functional). */
  disability?: { kind: DisabilityKind; percent?: number; functionLossPercent?: number };
  transport?: { mode: TransportMode; amount: number }[];
  homeCare?: { monthly: number; months: number };
  prosthesis?: { item: string; referencePrice: number; aid?: AidKind }[];
}

export type InjuryComponentCode = 'STMB' | 'DISABILITY' | 'PERIODIC' | 'TRANSPORT' | 'HOME_CARE' | 'PROSTHESIS';

export interface InjuryComponent {
  code: InjuryComponentCode;
  amount: number;
  basis: string;
}

/** A fact of the assessment the rules cannot price: `path` names the field of the assessment object. */
export class InvalidAssessmentError extends Error {
  override name = 'InvalidAssessmentError';
  constructor(
    readonly path: string,
    /** A validation message code (shared/messages `error.<code>`). */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Fills `disability.percent` from the body-part table when staff chose a row (`part`): an unknown row, or a typed
 * percentage that differs from the row's, is refused rather than guessed.
 */
export const resolveAssessment = (a: Assessment & { disability?: { part?: string } }): Assessment => {
  const d = a.disability;
  if (!d?.part) return a;
  const row = bodyPart(d.part);
  if (!row) throw new InvalidAssessmentError('disability.part', 'disability.part', `No body part ${JSON.stringify(d.part)} in the table.`);
  if (d.percent !== undefined && d.percent !== row.percent)
    throw new InvalidAssessmentError(
      'disability.percent',
      'disability.partMismatch',
      `The table gives ${row.percent}% for ${row.en}, not ${d.percent}%.`,
    );
  const { part: _part, ...rest } = d;
  return { ...a, disability: { ...rest, percent: row.percent } };
};

// Percentages may have two decimals (a first finger joint is 4.5%): they are computed in hundredths, with BigInt,
// so that 35% x 80 x Rp2.500.000 is exactly Rp70.000.000 and no product overflows. Amounts round half up to the rupiah.
const hundredths = (percent: number): bigint => BigInt(Math.round(percent * 100));
const divRound = (n: bigint, d: bigint): number => Number((n * 2n + d) / (2n * d));

const percentText = (p: number) => `${String(p).replace('.', ',')}%`;

/**
 * `firstMonth` is the month of absence the assessment starts at: 1 for the first payment, 13 for a later tranche
 * after 12 months were paid, so the months of every tranche of a claim count toward the same tiers.
 */
const stmbComponent = (
  rules: InjuryRuleSet,
  wage: number,
  stmb: NonNullable<Assessment['stmb']>,
  firstMonth = 1,
): InjuryComponent | undefined => {
  const tiers = rules.stmb.value;
  const rateOf = (month: number) => tiers.filter((t) => t.fromMonth <= month).at(-1)!.percent;
  const lastMonth = firstMonth + stmb.months - 1;
  let amount = 0;
  const parts: string[] = [];
  // Whole months, grouped by tier: "12 x 100% + 2 x 50% of Rp1.000.000".
  for (let i = 0; i < tiers.length; i += 1) {
    const from = Math.max(tiers[i]!.fromMonth, firstMonth);
    const until = tiers[i + 1]?.fromMonth ?? Number.POSITIVE_INFINITY;
    const count = Math.max(0, Math.min(lastMonth, until - 1) - from + 1);
    if (count === 0) continue;
    amount += divRound(BigInt(count) * BigInt(tiers[i]!.percent) * BigInt(wage), 100n);
    parts.push(`${count} x ${tiers[i]!.percent}%`);
  }
  const days = stmb.days ?? 0;
  if (days > 0) {
    const rate = rateOf(lastMonth + 1);
    const rule = rules.stmbPartMonth.value;
    if (rule === 'wholeMonth') {
      amount += divRound(BigInt(rate) * BigInt(wage), 100n);
      parts.push(`1 x ${rate}% (${days} days paid as a month)`);
    } else if (rule === 'prorate30') {
      amount += divRound(BigInt(days) * BigInt(rate) * BigInt(wage), 3000n);
      parts.push(`${days}/30 x ${rate}%`);
    } else parts.push(`${days} days unpaid (part months are not paid)`);
  }
  if (parts.length === 0) return undefined;
  const months = firstMonth > 1 ? `months ${firstMonth}-${lastMonth + (days > 0 ? 1 : 0)}: ` : '';
  return { code: 'STMB', amount, basis: `${months}${parts.join(' + ')} of ${formatRupiah(wage)}` };
};

const disabilityComponents = (
  rules: InjuryRuleSet,
  periodicOfRuleSet: number,
  wage: number,
  d: NonNullable<Assessment['disability']>,
): InjuryComponent[] => {
  if (d.kind === 'total') {
    const multiple = rules.totalDisabilityWageMultiple.value;
    return [
      { code: 'DISABILITY', amount: multiple * wage, basis: `Total disability: ${multiple} x ${formatRupiah(wage)}` },
      { code: 'PERIODIC', amount: periodicOfRuleSet, basis: `Periodic benefit paid at once ${formatRupiah(periodicOfRuleSet)}` },
    ];
  }
  if (d.percent === undefined)
    throw new InvalidAssessmentError('disability.percent', 'required', 'The table percentage of the body part is required.');
  // Several injuries add their table percentages up to a cap (NC: a setting); above it the cap is paid, and said.
  const cap = rules.combinedDisabilityCapPercent.value;
  const percent = Math.min(d.percent, cap);
  const capped = percent < d.percent ? ` (${percentText(d.percent)} capped at ${percentText(cap)})` : '';
  const multiple = BigInt(rules.disabilityWageMultiple.value);
  if (d.kind === 'anatomical') {
    const amount = divRound(hundredths(percent) * multiple * BigInt(wage), 10_000n);
    return [{ code: 'DISABILITY', amount, basis: `${percentText(percent)} x ${multiple} x ${formatRupiah(wage)}${capped}` }];
  }
  if (d.functionLossPercent === undefined)
    throw new InvalidAssessmentError(
      'disability.functionLossPercent',
      'required',
      'The share of the function lost is required for a functional disability.',
    );
  const amount = divRound(hundredths(d.functionLossPercent) * hundredths(percent) * multiple * BigInt(wage), 100_000_000n);
  return [
    {
      code: 'DISABILITY',
      amount,
      basis: `${percentText(d.functionLossPercent)} of function x ${percentText(percent)} x ${multiple} x ${formatRupiah(wage)}${capped}`,
    },
  ];
};

const transportComponent = (rules: InjuryRuleSet, trips: NonNullable<Assessment['transport']>): InjuryComponent | undefined => {
  if (trips.length === 0) return undefined;
  const caps = rules.transportCaps.value;
  const parts: string[] = [];
  let amount = 0;
  for (const mode of TRANSPORT_MODES) {
    const claimed = trips.filter((t) => t.mode === mode).reduce((s, t) => s + t.amount, 0);
    if (claimed === 0 && !trips.some((t) => t.mode === mode)) continue;
    const paid = Math.min(claimed, caps[mode]);
    amount += paid;
    parts.push(`${mode} ${formatRupiah(claimed)}${paid < claimed ? ` capped at ${formatRupiah(caps[mode])}` : ''}`);
  }
  return { code: 'TRANSPORT', amount, basis: parts.join(', ') };
};

const homeCareComponent = (rules: InjuryRuleSet, care: NonNullable<Assessment['homeCare']>): InjuryComponent | undefined => {
  if (care.months === 0) return undefined;
  const { maxMonths, maxAmount } = rules.homeCare.value;
  const months = Math.min(care.months, maxMonths);
  const amount = Math.min(months * care.monthly, maxAmount);
  const notes = [
    ...(months < care.months ? [`at most ${maxMonths} months`] : []),
    ...(amount < months * care.monthly ? [`capped at ${formatRupiah(maxAmount)}`] : []),
  ];
  return {
    code: 'HOME_CARE',
    amount,
    basis: `${care.months} x ${formatRupiah(care.monthly)}${notes.length ? ` (${notes.join(', ')})` : ''}`,
  };
};

const prosthesisComponent = (rules: InjuryRuleSet, items: NonNullable<Assessment['prosthesis']>): InjuryComponent | undefined => {
  if (items.length === 0) return undefined;
  const markup = BigInt(100 + rules.prosthesisMarkupPercent.value);
  const caps = rules.aidCaps.value;
  let amount = 0;
  const parts = items.map((item) => {
    const priced = divRound(BigInt(item.referencePrice) * markup, 100n);
    const cap = item.aid ? caps[item.aid] : undefined;
    const paid = cap === undefined ? priced : Math.min(priced, cap);
    amount += paid;
    return `${item.item}: ${formatRupiah(item.referencePrice)} + ${rules.prosthesisMarkupPercent.value}%${paid < priced ? ` capped at ${formatRupiah(cap!)}` : ''}`;
  });
  return { code: 'PROSTHESIS', amount, basis: parts.join('; ') };
};

/**
 * The cash benefit of a JKK injury from its assessment, under the rule set of the incident date. The assessment is
 * checked for what its schema cannot know (a percentage over the combined cap, a functional disability without the
 * share lost); every amount is an integer number of rupiah.
 */
export const computeInjuryBenefit = (input: {
  incidentDate: string;
  monthlyWage: number;
  assessment: Assessment;
  /** The month of absence `assessment.stmb` starts at (a later STMB tranche continues the count); 1 by default. */
  stmbFirstMonth?: number;
}): { ruleSet: string; components: InjuryComponent[]; total: number; totalDisability: boolean } => {
  const { incidentDate, monthlyWage: wage, assessment: a } = input;
  const firstMonth = input.stmbFirstMonth ?? 1;
  if (!Number.isSafeInteger(firstMonth) || firstMonth < 1) throw new RangeError(`stmbFirstMonth must be 1 or more, got ${firstMonth}`);
  if (!Number.isSafeInteger(wage) || wage < 0) throw new RangeError(`monthlyWage must be a non-negative integer, got ${wage}`);
  const rules = injuryRuleSetFor(incidentDate);
  const death = BENEFIT_RULE_SETS.find((d) => d.id === rules.id)!;
  const periodic = death.jkm.periodic.value.months * death.jkm.periodic.value.monthly;
  const components = [
    a.stmb ? stmbComponent(rules, wage, a.stmb, firstMonth) : undefined,
    ...(a.disability ? disabilityComponents(rules, periodic, wage, a.disability) : []),
    a.transport ? transportComponent(rules, a.transport) : undefined,
    a.homeCare ? homeCareComponent(rules, a.homeCare) : undefined,
    a.prosthesis ? prosthesisComponent(rules, a.prosthesis) : undefined,
  ].filter((c): c is InjuryComponent => c !== undefined);
  return {
    ruleSet: rules.id,
    components,
    total: components.reduce((s, c) => s + c.amount, 0),
    totalDisability: a.disability?.kind === 'total',
  };
};
