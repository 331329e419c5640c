import type { Benefit } from '../claim';
import { addYears, type Sourced } from './benefits';

/**
 * How long after the incident a claim may be filed, per benefit, as dated data (domain.md, "Deadlines and windows").
 *
 * - JKM: no window. A JKM claim never expires (BPJS Ketenagakerjaan's deputy, Kompas 2024-10-29), so a death from
 *   2020 is paid today.
 * - JKK: 5 years after the accident or diagnosis under PP 82/2019; 2 years under PP 44/2015.
 *
 * An accident before PP 82/2019 (in force 2019-12-02): the window of the incident date's rule set applies (2 years),
 * except that a window still running on 2019-12-02 is lengthened to 5 years. A new regulation that lengthens a
 * limitation period applies to periods that have not yet run out, but does not revive rights already lapsed; this is
 * the reading most favourable to families that does not reopen closed cases (NC: not confirmed by BPJS, a setting).
 * So an accident on 2018-03-01 could be claimed until 2023-03-01, and one on 2017-06-01 only until 2019-06-01.
 */
interface WindowRule {
  /** Incident dates this rule applies to. */
  effectiveFrom: string;
  effectiveUntil?: string;
  /** Whole years after the incident; absent: no window. */
  years: Sourced<number | undefined>;
}

export const CLAIM_WINDOWS: Readonly<Record<Benefit, readonly WindowRule[]>> = {
  JKM: [
    {
      effectiveFrom: '2015-07-01',
      years: { value: undefined, source: 'BPJS Ketenagakerjaan deputy, Kompas 2024-10-29: a JKM claim never expires', confidence: 'S' },
    },
  ],
  JKK: [
    {
      effectiveFrom: '2015-07-01',
      effectiveUntil: '2019-12-01',
      years: { value: 2, source: 'PP 44/2015: 2 years after the accident or diagnosis; domain.md', confidence: 'S' },
    },
    {
      effectiveFrom: '2019-12-02',
      years: { value: 5, source: 'PP 82/2019: 5 years after the accident or diagnosis; domain.md', confidence: 'S' },
    },
  ],
};

/** A running window is lengthened by a later rule that takes effect before it ends (NC, see above). */
export const EXTEND_RUNNING_WINDOWS: Sourced<boolean> = {
  value: true,
  source: 'Not confirmed: a lengthened limitation period applies to periods still running; lapsed rights are not revived',
  confidence: 'NC',
};

const ruleOn = (rules: readonly WindowRule[], date: string) =>
  rules.find((r) => r.effectiveFrom <= date && (r.effectiveUntil === undefined || date <= r.effectiveUntil)) ?? rules[0]!;

/** The last Jakarta date a claim may be filed (inclusive), or undefined when the benefit has no window. */
export const claimWindowEnd = (benefit: Benefit, incidentDate: string): string | undefined => {
  const rules = CLAIM_WINDOWS[benefit];
  const own = ruleOn(rules, incidentDate).years.value;
  if (own === undefined) return undefined;
  let end = addYears(incidentDate, own);
  if (!EXTEND_RUNNING_WINDOWS.value) return end;
  for (const later of rules.filter((r) => r.effectiveFrom > incidentDate)) {
    if (end < later.effectiveFrom) break;
    const years = later.years.value;
    if (years === undefined) return undefined;
    const extended = addYears(incidentDate, years);
    if (extended > end) end = extended;
  }
  return end;
};
