import { monthlyContribution, PROGRAMMES, type Programme, programme } from '../../shared/reference-data/programmes';

const tksk = (): Programme => {
  const found = programme('TKSK');
  if (!found) throw new Error('TKSK is missing from PROGRAMMES');
  return found;
};

describe('programmes (rule data)', () => {
  it('lists TKSK, PKH and BPNT, sponsored by Kemensos, each covering JKK and JKM with a legal basis and a source', () => {
    // Act
    const codes = Object.keys(PROGRAMMES).sort();

    // Assert
    expect(codes).toEqual(['BPNT', 'PKH', 'TKSK']);
    for (const [code, p] of Object.entries(PROGRAMMES)) {
      expect(p.code).toBe(code);
      expect(p.sponsor).toBe('Kemensos');
      expect([...p.benefits].sort()).toEqual(['JKK', 'JKM']);
      expect(p.legalBasis).not.toBe('');
      expect(p.source).not.toBe('');
      expect(p.contribution).toMatchObject({ scheme: 'BPU', jkkRate: 100, jkkMinimum: 10_000, jkm: 6_800 });
      expect(p.contribution.source).not.toBe('');
    }
  });

  it('gives TKSK its legal basis, Permensos 28/2018', () => {
    expect(tksk().legalBasis).toBe('Permensos 28/2018');
  });

  it('returns undefined for an unknown code, including names inherited from Object', () => {
    expect(programme('PKH')?.code).toBe('PKH');
    expect(programme('KARANG_TARUNA')).toBeUndefined();
    expect(programme('toString')).toBeUndefined();
    expect(programme('tksk')).toBeUndefined();
  });
});

describe('monthly BPU contribution', () => {
  it('is 1% JKK plus Rp6.800 JKM for the reference income of Rp1.000.000 (Rp16.800 in all)', () => {
    // Act
    const due = monthlyContribution(tksk(), 1_000_000);

    // Assert
    expect(due).toEqual({ jkk: 10_000, jkm: 6_800, total: 16_800 });
  });

  it('charges the JKK minimum of Rp10.000 below an income of Rp1.000.000', () => {
    expect(monthlyContribution(tksk(), 500_000)).toEqual({ jkk: 10_000, jkm: 6_800, total: 16_800 });
    expect(monthlyContribution(tksk(), 0).jkk).toBe(10_000);
    expect(monthlyContribution(tksk(), 999_999).jkk).toBe(10_000);
  });

  it('charges 1% above the minimum', () => {
    expect(monthlyContribution(tksk(), 2_500_000)).toEqual({ jkk: 25_000, jkm: 6_800, total: 31_800 });
    expect(monthlyContribution(tksk(), 1_000_100).jkk).toBe(10_001);
  });

  it('rounds a fraction of a rupiah up, so a fully paid month is never short', () => {
    // Arrange: 1% of Rp1.234.567 is Rp12.345,67 and 1% of Rp1.000.001 is Rp10.000,01
    // Act / Assert
    expect(monthlyContribution(tksk(), 1_234_567).jkk).toBe(12_346);
    expect(monthlyContribution(tksk(), 1_000_001).jkk).toBe(10_001);
    expect(Number.isInteger(monthlyContribution(tksk(), 1_234_567).total)).toBe(true);
  });

  it('reads the rate from the data: a new group of workers with other rates is a data change', () => {
    // Arrange
    const next: Programme = {
      code: 'NEXT',
      name: 'A future group',
      sponsor: 'Kemensos',
      legalBasis: 'test',
      benefits: ['JKK', 'JKM'],
      source: 'test',
      contribution: { scheme: 'BPU', jkkRate: 174, jkkMinimum: 20_000, jkm: 7_000, source: 'test' },
    };

    // Act / Assert
    expect(monthlyContribution(next, 2_000_000)).toEqual({ jkk: 34_800, jkm: 7_000, total: 41_800 });
    expect(monthlyContribution(next, 1_000_000)).toEqual({ jkk: 20_000, jkm: 7_000, total: 27_000 });
  });

  it('refuses a wage that is not a non-negative whole number of rupiah', () => {
    expect(() => monthlyContribution(tksk(), -1)).toThrow(RangeError);
    expect(() => monthlyContribution(tksk(), 1_000_000.5)).toThrow(RangeError);
    expect(() => monthlyContribution(tksk(), Number.NaN)).toThrow(RangeError);
  });
});
