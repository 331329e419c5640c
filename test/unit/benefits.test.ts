import {
  addYears,
  BENEFIT_RULE_SETS,
  type BenefitInput,
  completedYears,
  computeBenefit,
  formatRupiah,
  InvalidBenefitClaimError,
  NoBenefitRuleSetError,
  ruleSetFor,
} from '../../shared/claims/domain/rules/benefits';

const jkmDeath = (over: Partial<BenefitInput> = {}): BenefitInput => ({
  benefit: 'JKM',
  incidentType: 'death',
  incidentDate: '2026-10-03',
  monthlyWage: 1_000_000,
  membershipStart: '2019-01-01',
  ...over,
});
const jkkDeath = (over: Partial<BenefitInput> = {}): BenefitInput => ({ ...jkmDeath(), benefit: 'JKK', ...over });
const amounts = (input: BenefitInput) => Object.fromEntries(computeBenefit(input).components.map((c) => [c.code, c.amount]));

describe('benefit rule sets (data)', () => {
  it('are contiguous: each ends the day before the next starts, and only the last is open-ended', () => {
    // Arrange
    const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

    // Act / Assert
    BENEFIT_RULE_SETS.forEach((rules, i) => {
      const next = BENEFIT_RULE_SETS[i + 1];
      if (next) expect(dayAfter(rules.effectiveUntil ?? 'missing')).toBe(next.effectiveFrom.value);
      else expect(rules.effectiveUntil).toBeUndefined();
    });
  });

  it('give every value a source and a confidence of P, S or NC', () => {
    for (const rules of BENEFIT_RULE_SETS) {
      const values = [rules.effectiveFrom, ...Object.values(rules.jkm), ...Object.values(rules.jkkDeath)];
      for (const v of values) {
        expect(v.source).not.toBe('');
        expect(['P', 'S', 'NC']).toContain(v.confidence);
      }
    }
  });
});

describe('ruleSetFor (chosen by the incident date)', () => {
  it('uses PP 44/2015 up to and including 2019-12-01', () => {
    expect(ruleSetFor('2015-07-01').id).toBe('PP 44/2015');
    expect(ruleSetFor('2019-12-01').id).toBe('PP 44/2015');
  });

  it('uses PP 82/2019 from 2019-12-02', () => {
    expect(ruleSetFor('2019-12-02').id).toBe('PP 82/2019');
    expect(ruleSetFor('2026-10-03').id).toBe('PP 82/2019');
  });

  it('throws a typed error before 2015-07-01 and for a date that does not exist', () => {
    expect(() => ruleSetFor('2015-06-30')).toThrow(NoBenefitRuleSetError);
    expect(() => ruleSetFor('2015-06-30')).toThrow(expect.objectContaining({ name: 'NoBenefitRuleSetError' }));
    expect(() => ruleSetFor('2019-02-30')).toThrow(NoBenefitRuleSetError);
  });
});

describe('JKM death benefit', () => {
  it('is Rp42.000.000 under PP 82/2019: lump sum, 24 x Rp500.000 periodic, funeral', () => {
    // Act
    const result = computeBenefit(jkmDeath({ incidentDate: '2026-10-03' }));

    // Assert
    expect(result).toMatchObject({ ruleSet: 'PP 82/2019', total: 42_000_000, currency: 'IDR', requiresAssessment: false });
    expect(result.components).toEqual([
      { code: 'LUMP_SUM', amount: 20_000_000, basis: expect.stringContaining('Rp20.000.000') },
      { code: 'PERIODIC', amount: 12_000_000, basis: '24 x Rp500.000' },
      { code: 'FUNERAL', amount: 10_000_000, basis: expect.stringContaining('Rp10.000.000') },
    ]);
  });

  it('is Rp24.000.000 for a death on 2019-12-01 (PP 44/2015) and Rp42.000.000 on 2019-12-02 (PP 82/2019)', () => {
    // Act
    const before = computeBenefit(jkmDeath({ incidentDate: '2019-12-01' }));
    const after = computeBenefit(jkmDeath({ incidentDate: '2019-12-02' }));

    // Assert
    expect(before).toMatchObject({ ruleSet: 'PP 44/2015', total: 24_000_000 });
    expect(amounts(jkmDeath({ incidentDate: '2019-12-01' }))).toEqual({ LUMP_SUM: 16_200_000, PERIODIC: 4_800_000, FUNERAL: 3_000_000 });
    expect(after).toMatchObject({ ruleSet: 'PP 82/2019', total: 42_000_000 });
  });

  it('does not depend on the wage', () => {
    expect(computeBenefit(jkmDeath({ monthlyWage: 0 })).total).toBe(42_000_000);
    expect(computeBenefit(jkmDeath({ monthlyWage: 9_000_000 })).total).toBe(42_000_000);
  });

  it('is not payable for an injury: throws a typed error', () => {
    expect(() => computeBenefit(jkmDeath({ incidentType: 'injury' }))).toThrow(InvalidBenefitClaimError);
  });
});

describe('JKK death benefit', () => {
  it('is 48 x wage plus periodic and funeral: Rp70.000.000 at a wage of Rp1.000.000', () => {
    // Act
    const result = computeBenefit(jkkDeath({ monthlyWage: 1_000_000 }));

    // Assert
    expect(result.total).toBe(70_000_000);
    expect(result.components).toEqual([
      { code: 'JKK_DEATH', amount: 48_000_000, basis: '48 x Rp1.000.000, minimum Rp20.000.000' },
      { code: 'PERIODIC', amount: 12_000_000, basis: '24 x Rp500.000' },
      { code: 'FUNERAL', amount: 10_000_000, basis: expect.stringContaining('Rp10.000.000') },
    ]);
  });

  it('is at least the JKM lump sum: Rp20.000.000 + Rp22.000.000 = Rp42.000.000 at a wage of Rp300.000', () => {
    // Act
    const result = computeBenefit(jkkDeath({ monthlyWage: 300_000 }));

    // Assert
    expect(result.total).toBe(42_000_000);
    expect(result.components[0]).toEqual({
      code: 'JKK_DEATH',
      amount: 20_000_000,
      basis: '48 x Rp300.000, minimum Rp20.000.000 (applied)',
    });
  });

  it('switches from the minimum to 48 x wage between Rp416.666 and Rp416.667 under PP 82/2019', () => {
    // 48 x 416.666 = 19.999.968 (below the minimum); 48 x 416.667 = 20.000.016 (above it)
    expect(amounts(jkkDeath({ monthlyWage: 416_666 })).JKK_DEATH).toBe(20_000_000);
    expect(computeBenefit(jkkDeath({ monthlyWage: 416_666 })).total).toBe(42_000_000);
    expect(amounts(jkkDeath({ monthlyWage: 416_667 })).JKK_DEATH).toBe(20_000_016);
    expect(computeBenefit(jkkDeath({ monthlyWage: 416_667 })).total).toBe(42_000_016);
  });

  it('pays 48 x wage when it equals the minimum exactly (PP 44/2015: 48 x Rp337.500 = Rp16.200.000)', () => {
    // Arrange: no whole-rupiah wage gives exactly Rp20.000.000, but PP 44/2015's minimum is a multiple of 48
    const at = (monthlyWage: number) => jkkDeath({ incidentDate: '2018-05-05', monthlyWage });

    // Act / Assert
    expect(amounts(at(337_499)).JKK_DEATH).toBe(16_200_000);
    expect(amounts(at(337_500)).JKK_DEATH).toBe(16_200_000);
    expect(computeBenefit(at(337_500)).components[0]?.basis).toBe('48 x Rp337.500, minimum Rp16.200.000');
    expect(amounts(at(337_501)).JKK_DEATH).toBe(16_200_048);
  });

  it('uses PP 44/2015 periodic and funeral amounts for a death before 2019-12-02', () => {
    // Act
    const result = computeBenefit(jkkDeath({ incidentDate: '2019-12-01', monthlyWage: 1_000_000 }));

    // Assert
    expect(result).toMatchObject({ ruleSet: 'PP 44/2015', total: 48_000_000 + 4_800_000 + 3_000_000 });
  });

  it('returns integer rupiah in every component', () => {
    const result = computeBenefit(jkkDeath({ monthlyWage: 1_234_567 }));
    expect(result.components.every((c) => Number.isSafeInteger(c.amount))).toBe(true);
    expect(result.total).toBe(48 * 1_234_567 + 22_000_000);
  });

  it('refuses a wage that is not a non-negative whole number of rupiah', () => {
    expect(() => computeBenefit(jkkDeath({ monthlyWage: -1 }))).toThrow(RangeError);
    expect(() => computeBenefit(jkkDeath({ monthlyWage: 1_000_000.5 }))).toThrow(RangeError);
  });
});

describe('JKK injury', () => {
  it('cannot be priced from the claim alone: no amount, assessment required', () => {
    // Act
    const result = computeBenefit(jkkDeath({ incidentType: 'injury' }));

    // Assert
    expect(result).toEqual({
      ruleSet: 'PP 82/2019',
      total: 0,
      currency: 'IDR',
      components: [],
      scholarshipEligible: false,
      requiresAssessment: true,
    });
  });
});

describe('scholarship eligibility', () => {
  it('JKM under PP 82/2019 needs 3 whole years of membership: not the day before the 3rd anniversary, yes on it', () => {
    expect(computeBenefit(jkmDeath({ incidentDate: '2026-10-03', membershipStart: '2023-10-04' })).scholarshipEligible).toBe(false);
    expect(computeBenefit(jkmDeath({ incidentDate: '2026-10-03', membershipStart: '2023-10-03' })).scholarshipEligible).toBe(true);
  });

  it('counts years to the incident date: 2016-12-02 to 2019-12-01 is 2 years, to 2019-12-02 is 3', () => {
    expect(computeBenefit(jkmDeath({ incidentDate: '2019-12-02', membershipStart: '2016-12-02' })).scholarshipEligible).toBe(true);
    // 2019-12-01 is also PP 44/2015, which needs 5 years
    expect(computeBenefit(jkmDeath({ incidentDate: '2019-12-01', membershipStart: '2016-12-02' })).scholarshipEligible).toBe(false);
  });

  it('JKM under PP 44/2015 needs 5 whole years', () => {
    expect(computeBenefit(jkmDeath({ incidentDate: '2019-06-01', membershipStart: '2014-06-02' })).scholarshipEligible).toBe(false);
    expect(computeBenefit(jkmDeath({ incidentDate: '2019-06-01', membershipStart: '2014-06-01' })).scholarshipEligible).toBe(true);
  });

  it('JKK death needs no minimum membership', () => {
    expect(computeBenefit(jkkDeath({ incidentDate: '2026-10-03', membershipStart: '2026-09-01' })).scholarshipEligible).toBe(true);
    expect(computeBenefit(jkkDeath({ incidentDate: '2026-10-03', membershipStart: '2026-10-03' })).scholarshipEligible).toBe(true);
  });
});

describe('calendar years (the anniversary rule)', () => {
  it('counts whole years birthday-style', () => {
    expect(completedYears('2016-12-02', '2019-12-02')).toBe(3);
    expect(completedYears('2016-12-02', '2019-12-01')).toBe(2);
    expect(completedYears('2019-12-02', '2016-12-02')).toBe(0);
  });

  it('reaches a 29 February anniversary on 1 March in common years', () => {
    expect(addYears('2016-02-29', 1)).toBe('2017-03-01');
    expect(addYears('2016-02-29', 4)).toBe('2020-02-29');
    expect(addYears('2021-03-10', 5)).toBe('2026-03-10');
    expect(completedYears('2016-02-29', '2017-02-28')).toBe(0);
    expect(completedYears('2016-02-29', '2017-03-01')).toBe(1);
  });
});

describe('rupiah in the basis text', () => {
  it('groups thousands with dots', () => {
    expect(formatRupiah(20_000_000)).toBe('Rp20.000.000');
    expect(formatRupiah(500_000)).toBe('Rp500.000');
    expect(formatRupiah(999)).toBe('Rp999');
    expect(formatRupiah(0)).toBe('Rp0');
  });
});
