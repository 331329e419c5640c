import { BODY_PARTS, bodyPart } from '../../shared/claims/domain/rules/body-parts';
import { CLAIM_WINDOWS, claimWindowEnd } from '../../shared/claims/domain/rules/claim-window';
import {
  type Assessment,
  computeInjuryBenefit,
  INJURY_RULE_SETS,
  InvalidAssessmentError,
  injuryRuleSetFor,
} from '../../shared/claims/domain/rules/injury';
import { estimateScholarship, SCHOLARSHIP_RULE_SETS } from '../../shared/claims/domain/rules/scholarship';

const injury = (monthlyWage: number, assessment: Assessment, incidentDate = '2026-09-20') =>
  computeInjuryBenefit({ incidentDate, monthlyWage, assessment });

// Each worked example of domain.md ("Worked examples (PP 82/2019)"), to the rupiah.
describe('JKK injury: the worked examples of domain.md', () => {
  it('STMB at Rp1,000,000 for 14 whole months = 12 x 1m + 2 x 0.5m = Rp13,000,000', () => {
    const r = injury(1_000_000, { stmb: { months: 14 } });
    expect(r.total).toBe(13_000_000);
    expect(r.components).toEqual([{ code: 'STMB', amount: 13_000_000, basis: '12 x 100% + 2 x 50% of Rp1.000.000' }]);
    expect(r.ruleSet).toBe('PP 82/2019');
  });

  it('one eye (35%) at Rp2,500,000 = Rp70,000,000', () => {
    expect(injury(2_500_000, { disability: { kind: 'anatomical', percent: 35 } }).total).toBe(70_000_000);
  });

  it('half the function of the right arm (40%) at Rp1,500,000 = Rp24,000,000', () => {
    const r = injury(1_500_000, { disability: { kind: 'functional', percent: 40, functionLossPercent: 50 } });
    expect(r.total).toBe(24_000_000);
    expect(r.components[0]!.basis).toBe('50% of function x 40% x 80 x Rp1.500.000');
  });

  it('total disability at Rp1,000,000 = 56m + 12m periodic = Rp68,000,000', () => {
    const r = injury(1_000_000, { disability: { kind: 'total' } });
    expect(r.components.map((c) => [c.code, c.amount])).toEqual([
      ['DISABILITY', 56_000_000],
      ['PERIODIC', 12_000_000],
    ]);
    expect(r.total).toBe(68_000_000);
    expect(r.totalDisability).toBe(true);
  });

  it('transport land 6.5m + sea 1.2m + air 12m claimed = 5m + 1.2m + 10m = Rp16,200,000', () => {
    const r = injury(1_000_000, {
      transport: [
        { mode: 'land', amount: 6_500_000 },
        { mode: 'sea', amount: 1_200_000 },
        { mode: 'air', amount: 12_000_000 },
      ],
    });
    expect(r.total).toBe(16_200_000);
    expect(r.components[0]!.basis).toContain('land Rp6.500.000 capped at Rp5.000.000');
  });

  it('home care Rp1.8m a month for 14 months = Rp20,000,000 (the cap)', () => {
    const r = injury(1_000_000, { homeCare: { monthly: 1_800_000, months: 14 } });
    expect(r.total).toBe(20_000_000);
    expect(r.components[0]!.basis).toBe('14 x Rp1.800.000 (at most 12 months, capped at Rp20.000.000)');
  });

  it('adds the parts of one assessment into one total, each a component', () => {
    const r = injury(1_000_000, {
      stmb: { months: 14 },
      disability: { kind: 'anatomical', percent: 35 },
      transport: [{ mode: 'land', amount: 300_000 }],
    });
    expect(r.components.map((c) => c.code)).toEqual(['STMB', 'DISABILITY', 'TRANSPORT']);
    expect(r.total).toBe(13_000_000 + 28_000_000 + 300_000);
  });
});

describe('JKK injury: what the sources leave open is a stated setting', () => {
  it('a part month is paid days/30 of the rate of the month it falls in (prorate30, NC)', () => {
    const rules = injuryRuleSetFor('2026-09-20');
    expect(rules.stmbPartMonth).toMatchObject({ value: 'prorate30', confidence: 'NC' });
    expect(injury(1_000_000, { stmb: { months: 2, days: 15 } }).total).toBe(2_500_000);
    // The 13th month is at 50%: 12 whole months, then 10 days at half rate.
    expect(injury(900_000, { stmb: { months: 12, days: 10 } }).total).toBe(10_800_000 + 150_000);
  });

  it('a prosthesis is the reference price plus 40%, rounded half up to the rupiah; aids have no cap unless set', () => {
    const r = injury(1_000_000, {
      prosthesis: [
        { item: 'below-knee prosthesis', referencePrice: 7_500_000 },
        { item: 'hearing aid', referencePrice: 1_000_001, aid: 'hearing_aid' },
      ],
    });
    expect(r.components[0]).toMatchObject({ code: 'PROSTHESIS', amount: 10_500_000 + 1_400_001 });
    expect(injuryRuleSetFor('2026-01-01').aidCaps).toMatchObject({ value: {}, confidence: 'NC' });
  });

  it('percentages with decimals are exact (first joint of the right index finger, 4.5%)', () => {
    expect(injury(3_333_333, { disability: { kind: 'anatomical', percent: 4.5 } }).total).toBe(Math.round(0.045 * 80 * 3_333_333));
  });

  it('a functional disability without the share lost, or a partial one without a percentage, is refused by path', () => {
    const fn = () => injury(1_000_000, { disability: { kind: 'functional', percent: 40 } });
    expect(fn).toThrow(InvalidAssessmentError);
    expect(() => fn()).toThrow(expect.objectContaining({ path: 'disability.functionLossPercent' }));
    expect(() => injury(1_000_000, { disability: { kind: 'anatomical' } })).toThrow(
      expect.objectContaining({ path: 'disability.percent' }),
    );
  });

  it('every NC figure of every rule set says so, and every figure names a source', () => {
    for (const rules of INJURY_RULE_SETS) {
      for (const [key, value] of Object.entries(rules)) {
        if (typeof value !== 'object' || value === null || !('source' in value)) continue;
        expect([key, value.source.length > 10]).toEqual([key, true]);
        expect(['P', 'S', 'NC']).toContain(value.confidence);
      }
    }
    expect(injuryRuleSetFor('2026-01-01').combinedDisabilityCapPercent.confidence).toBe('NC');
  });

  it('chooses the rule set by the incident date: PP 44/2015 pays STMB 100% for 6 months, then 75%', () => {
    const r = injury(1_000_000, { stmb: { months: 8 } }, '2019-06-01');
    expect(r.ruleSet).toBe('PP 44/2015');
    expect(r.total).toBe(6 * 1_000_000 + 2 * 750_000);
    // Total disability under PP 44/2015: 56 x wage + 24 x Rp200.000.
    expect(injury(1_000_000, { disability: { kind: 'total' } }, '2019-06-01').total).toBe(56_000_000 + 4_800_000);
  });
});

describe('the body-part table', () => {
  it('holds the percentages domain.md cites, as S', () => {
    const cited: Record<string, number> = {
      eyes_both: 70,
      eye_one: 35,
      hearing_both: 40,
      hearing_one: 20,
      arm_right_shoulder: 40,
      arm_left_shoulder: 35,
    };
    for (const [key, percent] of Object.entries(cited)) expect(bodyPart(key)).toMatchObject({ percent, confidence: 'S' });
  });

  it('has unique keys, a name in both languages and a percentage in (0, 100] for every row', () => {
    expect(new Set(BODY_PARTS.map((p) => p.key)).size).toBe(BODY_PARTS.length);
    for (const p of BODY_PARTS) {
      expect(p.id.length).toBeGreaterThan(3);
      expect(p.en.length).toBeGreaterThan(3);
      expect(p.percent > 0 && p.percent <= 100).toBe(true);
    }
  });

  it('prices the right arm from the shoulder (40%) at Rp1,500,000 as the table says', () => {
    const percent = bodyPart('arm_right_shoulder')!.percent;
    expect(injury(1_500_000, { disability: { kind: 'anatomical', percent } }).total).toBe(48_000_000);
  });
});

describe('claim windows per benefit', () => {
  it('JKM has none, whatever the date', () => {
    expect(claimWindowEnd('JKM', '2016-01-05')).toBeUndefined();
    expect(claimWindowEnd('JKM', '2020-03-01')).toBeUndefined();
    expect(CLAIM_WINDOWS.JKM[0]!.years.confidence).toBe('S');
  });

  it('JKK: 5 years from PP 82/2019, by the anniversary', () => {
    expect(claimWindowEnd('JKK', '2021-03-10')).toBe('2026-03-10');
    expect(claimWindowEnd('JKK', '2020-02-29')).toBe('2025-03-01');
  });

  it('JKK before PP 82/2019: 2 years, lengthened to 5 when still running on 2019-12-02, never revived once lapsed', () => {
    expect(claimWindowEnd('JKK', '2018-03-01')).toBe('2023-03-01');
    expect(claimWindowEnd('JKK', '2017-12-02')).toBe('2022-12-02');
    expect(claimWindowEnd('JKK', '2017-12-01')).toBe('2019-12-01');
    expect(claimWindowEnd('JKK', '2017-06-01')).toBe('2019-06-01');
  });
});

describe('scholarships', () => {
  it('PP 82/2019: per child per school year by level, at most 2 children, the cap is what 2 full school careers add up to', () => {
    const r = estimateScholarship({
      incidentDate: '2026-09-20',
      membershipEligible: true,
      asOf: '2026-11-30',
      children: [
        { birthDate: '2012-05-01', schoolLevel: 'SMP' },
        { birthDate: '2008-01-15', schoolLevel: 'PT' },
        { birthDate: '2019-07-07', schoolLevel: 'TK' },
      ],
    })!;
    expect(r.children).toEqual([
      { schoolLevel: 'SMP', amountPerYear: 2_000_000, eligible: true },
      { schoolLevel: 'PT', amountPerYear: 12_000_000, eligible: true },
      { schoolLevel: 'TK', amountPerYear: 0, eligible: false, reason: 'MAX_CHILDREN' },
    ]);
    expect(r.thisYear).toBe(14_000_000);
    const perYear = SCHOLARSHIP_RULE_SETS[1]!.perYear.value;
    const career = Object.values(perYear).reduce((s, l) => s + l.amount * l.maxYears, 0);
    expect(2 * career).toBe(r.cap);
    expect(r.cap).toBe(174_000_000);
  });

  it('a child of 23 or more, or not in school, gets nothing this year; no membership, no scholarship', () => {
    const r = estimateScholarship({
      incidentDate: '2026-09-20',
      membershipEligible: true,
      asOf: '2026-11-30',
      children: [
        { birthDate: '2003-11-30', schoolLevel: 'PT' },
        { birthDate: '2024-01-01', schoolLevel: null },
      ],
    })!;
    expect(r.children.map((c) => (c.eligible ? 'ok' : c.reason))).toEqual(['AGE_LIMIT', 'NOT_IN_SCHOOL']);
    expect(r.thisYear).toBe(0);
    const none = estimateScholarship({
      incidentDate: '2026-09-20',
      membershipEligible: false,
      asOf: '2026-11-30',
      children: [{ birthDate: '2012-05-01', schoolLevel: 'SD' }],
    })!;
    expect(none).toMatchObject({ eligible: false, thisYear: 0 });
  });

  it('PP 44/2015: one child, Rp12,000,000 once', () => {
    const r = estimateScholarship({
      incidentDate: '2018-01-10',
      membershipEligible: true,
      asOf: '2018-02-01',
      children: [
        { birthDate: '2010-01-01', schoolLevel: 'SD' },
        { birthDate: '2012-01-01', schoolLevel: 'SD' },
      ],
    })!;
    expect(r.children.map((c) => c.amountPerYear)).toEqual([12_000_000, 0]);
    expect(r.thisYear).toBe(12_000_000);
  });
});
