import { computeBenefit } from '../../shared/claims/domain/rules/benefits';
import { requiredDocuments } from '../../shared/claims/domain/rules/documents';

/** Heirs who cannot file alone (domain.md): who files, what they prove, and what they are paid. */
describe('heirs who cannot file alone', () => {
  it('a guardian proves the guardianship on top of the documents of any heir', () => {
    const docs = requiredDocuments({ benefit: 'JKM', incidentType: 'death', relationship: 'guardian' });
    expect(docs).toEqual(
      expect.arrayContaining(['GUARDIAN_PROOF', 'CLAIMANT_ID_CARD', 'FAMILY_CARD', 'DEATH_CERTIFICATE', 'HEIR_CERTIFICATE', 'BANK_BOOK']),
    );
  });

  it('the spouse of an injured worker files with a power of attorney and the marriage book', () => {
    const docs = requiredDocuments({ benefit: 'JKK', incidentType: 'injury', relationship: 'spouse', cause: 'work_accident' });
    expect(docs).toEqual(expect.arrayContaining(['POWER_OF_ATTORNEY', 'MARRIAGE_CERTIFICATE', 'CLAIMANT_ID_CARD', 'MEDICAL_REPORT']));
    expect(requiredDocuments({ benefit: 'JKK', incidentType: 'injury', relationship: 'self', cause: 'work_accident' })).not.toContain(
      'POWER_OF_ATTORNEY',
    );
  });

  it('a funeral arranger brings the funeral receipts, not a family card or heir certificate, and is paid the funeral costs only', () => {
    const docs = requiredDocuments({ benefit: 'JKM', incidentType: 'death', relationship: 'funeral_arranger' });
    expect(docs).toEqual(expect.arrayContaining(['RECEIPT', 'DEATH_CERTIFICATE', 'CLAIMANT_ID_CARD']));
    expect(docs).not.toContain('HEIR_CERTIFICATE');
    expect(docs).not.toContain('FAMILY_CARD');
    const input = { incidentType: 'death' as const, incidentDate: '2026-10-03', monthlyWage: 1_000_000, membershipStart: '2019-01-01' };
    const jkm = computeBenefit({ ...input, benefit: 'JKM', relationship: 'funeral_arranger' });
    expect(jkm).toMatchObject({ total: 10_000_000, scholarshipEligible: false });
    expect(jkm.components.map((c) => c.code)).toEqual(['FUNERAL']);
    expect(computeBenefit({ ...input, benefit: 'JKK', relationship: 'funeral_arranger' }).total).toBe(10_000_000);
    expect(computeBenefit({ ...input, benefit: 'JKM', relationship: 'spouse' }).total).toBe(42_000_000);
  });
});
