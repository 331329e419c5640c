import { BENEFITS, DOCUMENT_TYPES, INCIDENT_CAUSES, INCIDENT_TYPES, RELATIONSHIPS } from '../../shared/claims/domain/claim';
import { requiredDocuments } from '../../shared/claims/domain/rules/documents';
import { documentRulesData, documentRuleWords, requiredForChoices } from '../../shared/claims/web/document-guide';
import { hasMessage, LANGS, t } from '../../shared/messages';
import { choicesDecided, neededDocuments } from '../../shared/platform/web/browser/document-needs';

/**
 * The claim form ships the document rules to the browser as data, and states them in words for a phone without
 * JavaScript. Both must say what requiredDocuments (the workflow's check) says, for every choice a family can make.
 */
describe('the document rules the claim form ships to the browser', () => {
  const data = documentRulesData();
  const combinations = BENEFITS.flatMap((benefit) =>
    INCIDENT_TYPES.flatMap((incidentType) =>
      RELATIONSHIPS.flatMap((relationship) =>
        [undefined, ...INCIDENT_CAUSES].map((cause) => ({ benefit, incidentType, relationship, cause })),
      ),
    ),
  );

  it('give, read by the browser script, the same documents as requiredDocuments for every benefit, incident, relationship and cause', () => {
    // Arrange
    const differences: string[] = [];

    // Act
    for (const c of combinations) {
      const choices = {
        benefit: c.benefit,
        'incident.type': c.incidentType,
        'claimant.relationship': c.relationship,
        'incident.cause': c.cause,
      };
      const inBrowser = [...neededDocuments(data, choices)].sort();
      const onServer = [...requiredDocuments(c)].sort();
      if (inBrowser.join() !== onServer.join()) differences.push(`${JSON.stringify(c)}: ${inBrowser} vs ${onServer}`);
    }

    // Assert
    expect(combinations.length).toBe(2 * 2 * RELATIONSHIPS.length * (INCIDENT_CAUSES.length + 1));
    expect(differences).toEqual([]);
  });

  it('name form fields, not rule keys, and leave out the sources (English notes for developers)', () => {
    const fields = new Set(data.rules.flatMap((r) => [...Object.keys(r.when), ...Object.keys(r.except ?? {})]));
    expect([...fields].sort()).toEqual(['benefit', 'claimant.relationship', 'incident.cause', 'incident.type']);
    expect(JSON.stringify(data)).not.toContain('source');
  });

  it('are undecided until the benefit, the incident and the relationship are chosen; the cause may stay empty', () => {
    const full = { benefit: 'JKM', 'incident.type': 'death', 'claimant.relationship': 'spouse' };
    expect(choicesDecided(data, full)).toBe(true);
    expect(choicesDecided(data, { ...full, 'claimant.relationship': '' })).toBe(false);
    expect(choicesDecided(data, { benefit: 'JKM' })).toBe(false);
    expect(requiredForChoices({ benefit: 'JKM', 'incident.type': 'death' })).toBeUndefined();
    expect(requiredForChoices({ ...full, benefit: 'XYZ' })).toBeUndefined();
    expect(requiredForChoices(full)?.sort()).toEqual(
      [
        'BANK_BOOK',
        'CLAIMANT_ID_CARD',
        'DEATH_CERTIFICATE',
        'FAMILY_CARD',
        'HEIR_CERTIFICATE',
        'MARRIAGE_CERTIFICATE',
        'MEMBER_ID_CARD',
      ].sort(),
    );
  });
});

describe('each document, in words', () => {
  it.each(LANGS)('has a line on what it is and where a family gets it, in %s', (lang) => {
    const missing = DOCUMENT_TYPES.filter((type) => !hasMessage(`document.${type}.help`));
    expect(missing).toEqual([]);
    for (const type of DOCUMENT_TYPES) expect(t(`document.${type}.help`, lang).length).toBeGreaterThan(30);
  });

  it('says when it is required, from the rules: for every claim, for a death, for a relationship, or not at all', () => {
    expect(documentRuleWords('MEMBER_ID_CARD', 'id')).toBe('Wajib untuk: semua klaim.');
    expect(documentRuleWords('DEATH_CERTIFICATE', 'id')).toBe('Wajib untuk: peserta meninggal.');
    expect(documentRuleWords('FAMILY_CARD', 'en')).toBe(
      'Required for: a death, unless filed by: Arranged the funeral (a member with no heirs).',
    );
    expect(documentRuleWords('POLICE_REPORT', 'id')).toBe(
      'Wajib untuk: klaim JKK, penyebab: Kecelakaan di perjalanan pergi/pulang kerja atau dinas.',
    );
    expect(documentRuleWords('MARRIAGE_CERTIFICATE', 'id')).toBe(
      'Wajib untuk: peserta cedera, diajukan oleh: Suami/istri; peserta meninggal, diajukan oleh: Suami/istri.',
    );
    expect(documentRuleWords('OTHER', 'id')).toBe('Tidak wajib; kirim jika ada.');
  });
});
