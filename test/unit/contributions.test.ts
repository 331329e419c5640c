import {
  CONTRIBUTION_RULES,
  type ContributionRules,
  contributionFor,
  NoContributionRuleError,
  rulesInForce,
} from '../../shared/premiums/domain/rules/contributions';
import { type Programme, programme } from '../../shared/reference-data/programmes';

const tksk = (): Programme => {
  const found = programme('TKSK');
  if (!found) throw new Error('TKSK is missing from PROGRAMMES');
  return found;
};
const NORMAL_MONTH = '2025-09';

describe('contribution rules (dated data)', () => {
  it('gives every schedule and relief a source and a confidence', () => {
    for (const s of CONTRIBUTION_RULES.schedules) {
      for (const sourced of [s.from, s.jkk.bands, s.jkk.rate, s.jkm]) {
        expect(sourced.source).not.toBe('');
        expect(['P', 'S', 'NC']).toContain(sourced.confidence);
      }
    }
    for (const r of CONTRIBUTION_RULES.reliefs) {
      expect(r.source).not.toBe('');
      expect(['P', 'S', 'NC']).toContain(r.confidence);
      expect(r.from <= r.until).toBe(true);
    }
  });
});

describe('BPU contribution in a normal month (PP 44/2015 Lampiran II)', () => {
  it('is JKK Rp10,000 plus JKM Rp6,800 for the lowest band, an income of Rp1,000,000', () => {
    expect(contributionFor(tksk(), 1_000_000, NORMAL_MONTH)).toEqual({ jkk: 10_000, jkm: 6_800, total: 16_800 });
  });

  it('charges the lowest band below an income of Rp1,000,000', () => {
    expect(contributionFor(tksk(), 500_000, NORMAL_MONTH)).toEqual({ jkk: 10_000, jkm: 6_800, total: 16_800 });
    expect(contributionFor(tksk(), 0, NORMAL_MONTH).jkk).toBe(10_000);
    expect(contributionFor(tksk(), 999_999, NORMAL_MONTH).jkk).toBe(10_000);
  });

  it('caps JKK at Rp207,000, from an income of Rp20,700,000 up', () => {
    expect(contributionFor(tksk(), 20_700_000, NORMAL_MONTH)).toEqual({ jkk: 207_000, jkm: 6_800, total: 213_800 });
    expect(contributionFor(tksk(), 25_000_000, NORMAL_MONTH).jkk).toBe(207_000);
    expect(contributionFor(tksk(), 1_000_000_000, NORMAL_MONTH).jkk).toBe(207_000);
  });

  it('charges 1% of an income between the encoded bands, a fraction of a rupiah rounded up', () => {
    expect(contributionFor(tksk(), 2_500_000, NORMAL_MONTH)).toEqual({ jkk: 25_000, jkm: 6_800, total: 31_800 });
    expect(contributionFor(tksk(), 20_650_000, NORMAL_MONTH).jkk).toBe(206_500);
    expect(contributionFor(tksk(), 1_234_567, NORMAL_MONTH).jkk).toBe(12_346);
    expect(contributionFor(tksk(), 1_000_001, NORMAL_MONTH).jkk).toBe(10_001);
  });

  it('takes a band over the rate: encoding another row of the annex is a data change', () => {
    // Arrange: a band of Rp1,000,001 to Rp1,300,000 paying a fixed Rp13,000
    const base = CONTRIBUTION_RULES.schedules[0]!;
    const rules: ContributionRules = {
      ...CONTRIBUTION_RULES,
      schedules: [
        {
          ...base,
          jkk: {
            ...base.jkk,
            bands: { ...base.jkk.bands, value: [...base.jkk.bands.value, { incomeFrom: 1_000_001, incomeTo: 1_300_000, jkk: 13_000 }] },
          },
        },
      ],
    };

    // Act / Assert
    expect(contributionFor(tksk(), 1_100_000, NORMAL_MONTH, rules).jkk).toBe(13_000);
    expect(contributionFor(tksk(), 1_400_000, NORMAL_MONTH, rules).jkk).toBe(14_000);
  });

  it('refuses an income that is not a non-negative whole number of rupiah', () => {
    expect(() => contributionFor(tksk(), -1, NORMAL_MONTH)).toThrow(RangeError);
    expect(() => contributionFor(tksk(), 1_000_000.5, NORMAL_MONTH)).toThrow(RangeError);
    expect(() => contributionFor(tksk(), Number.NaN, NORMAL_MONTH)).toThrow(RangeError);
  });

  it('has no price for a month before PP 44/2015, or a malformed one', () => {
    expect(() => contributionFor(tksk(), 1_000_000, '2015-06')).toThrow(NoContributionRuleError);
    expect(() => contributionFor(tksk(), 1_000_000, '2015-13')).toThrow(NoContributionRuleError);
    expect(contributionFor(tksk(), 1_000_000, '2015-07').total).toBe(16_800);
  });
});

describe('relief periods', () => {
  it('PP 49/2020: August 2020 to January 2021 at 1% of normal (JKK Rp100, JKM Rp68 at the lowest band)', () => {
    expect(contributionFor(tksk(), 1_000_000, '2020-08')).toEqual({ jkk: 100, jkm: 68, total: 168 });
    expect(contributionFor(tksk(), 2_500_000, '2021-01')).toEqual({ jkk: 250, jkm: 68, total: 318 });
    expect(contributionFor(tksk(), 1_000_000, '2020-07').total).toBe(16_800);
    expect(contributionFor(tksk(), 1_000_000, '2021-02').total).toBe(16_800);
  });

  it('PP 50/2025 is on record but does not reach members paid from APBN, as Kemensos pays: normal figures, and why', () => {
    // Act
    const inForce = rulesInForce(tksk(), '2026-06');

    // Assert
    expect(contributionFor(tksk(), 1_000_000, '2026-06')).toEqual({ jkk: 10_000, jkm: 6_800, total: 16_800 });
    expect(inForce.reliefs).toEqual([]);
    expect(inForce.notApplied).toEqual([{ relief: expect.objectContaining({ id: 'PP 50/2025' }), reason: expect.stringMatching(/APBN/) }]);
  });

  it('PP 50/2025 halves the contributions of a payer it does not exclude (a self-paying BPU member)', () => {
    const selfPaid: Pick<Programme, 'contribution'> = { contribution: { scheme: 'BPU', payer: 'SELF', source: 'test' } };
    expect(contributionFor(selfPaid, 1_000_000, '2026-01')).toEqual({ jkk: 5_000, jkm: 3_400, total: 8_400 });
    expect(contributionFor(selfPaid, 1_000_000, '2027-04').total).toBe(16_800);
  });
});
