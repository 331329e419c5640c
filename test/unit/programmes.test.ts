import { PROGRAMMES, type Programme, programme } from '../../shared/reference-data/programmes';

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
      // Kemensos pays from the state budget: a relief that excludes APBN-paid members does not reach them.
      expect(p.contribution).toMatchObject({ scheme: 'BPU', payer: 'APBN' });
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
