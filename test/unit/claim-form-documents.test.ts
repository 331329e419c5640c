import { DOCUMENT_TYPES } from '../../shared/claims/domain/claim';
import { requiredDocuments } from '../../shared/claims/domain/rules/documents';
import { renderClaimForm } from '../../shared/claims/web/claim-form-page';
import { documentRulesData } from '../../shared/claims/web/document-guide';

/** The documents part of the claim form: the rules in words, the required ones first, the confirmation before filing. */
const form = (extra: Partial<Parameters<typeof renderClaimForm>[0]> = {}) =>
  renderClaimForm({ lang: 'id', idempotencyKey: 'k', today: '2026-11-30', ...extra });
const between = (page: string, from: string, to: string) => page.slice(page.indexOf(from), page.indexOf(to, page.indexOf(from)));
const rowTypes = (fragment: string) => [...fragment.matchAll(/<div class="doc" data-doc="(\w+)">/g)].map((m) => m[1]);
const unescapeHtml = (text: string) => text.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
const JKM_SPOUSE = { benefit: 'JKM', incident: { type: 'death', cause: 'illness' }, claimant: { relationship: 'spouse' } };

describe('the claim form before any choice (as a phone without JavaScript shows it)', () => {
  const page = form();

  it('lists every document type once, in one list, none marked required and none folded away', () => {
    expect(rowTypes(between(page, '<div id="docs-required">', '<details id="docs-optional"'))).toEqual([...DOCUMENT_TYPES]);
    expect(page).toContain('<details id="docs-optional" hidden><summary>');
    expect(page).not.toMatch(/<span class="req">/);
    expect(page).toContain('<p class="help" id="docs-hint">Dokumen yang wajib tergantung jenis santunan');
  });

  it('says for each document what it is, where a family gets it, and when it is required', () => {
    const row = between(page, '<div class="doc" data-doc="DEATH_CERTIFICATE">', '</div>');
    expect(row).toContain('<p class="help">Akta kematian dari Dinas Dukcapil, atau surat keterangan kematian dari kelurahan/desa');
    expect(row).toContain('<p class="help rule">Wajib untuk: peserta meninggal.</p>');
    expect(between(page, 'data-doc="OTHER"', '</div>')).toContain('<p class="help rule">Tidak wajib; kirim jika ada.</p>');
  });

  it('ships the rules to the upload script as data made from DOCUMENT_RULES, not written in the script', () => {
    const attribute = /<fieldset id="docs" data-rules="([^"]*)">/.exec(page)?.[1];
    expect(attribute).toBeDefined();
    expect(JSON.parse(unescapeHtml(attribute!))).toEqual(documentRulesData());
  });

  it('groups the causes by benefit, so the script can show only the chosen benefit’s, and names each group', () => {
    const select = between(page, '<select id="f-incident-cause"', '</select>');
    const groups = [...select.matchAll(/<optgroup label="([^"]+)" data-when-field="benefit" data-when-value="(\w+)">(.*?)<\/optgroup>/g)];
    expect(groups.map((g) => [g[1], g[2], [...g[3]!.matchAll(/value="(\w+)"/g)].map((m) => m[1])])).toEqual([
      ['JKM: bukan karena pekerjaan', 'JKM', ['illness', 'non_work_accident', 'other']],
      ['JKK: karena pekerjaan', 'JKK', ['work_accident', 'commute_accident', 'occupational_disease']],
    ]);
  });

  it('has no hidden upload fields for documents not sent: the script adds them with each file', () => {
    expect(page).not.toContain('.uploadId"');
    expect(page).not.toContain('name="documents[');
  });
});

describe('the claim form sent back with the family’s choices (an error or the confirmation)', () => {
  it('puts the required documents first, marked "wajib", and folds the others away', () => {
    // Arrange
    const needed = requiredDocuments({ benefit: 'JKM', incidentType: 'death', relationship: 'spouse', cause: 'illness' });

    // Act
    const page = form({ values: JKM_SPOUSE });

    // Assert
    const first = between(page, '<div id="docs-required">', '<details id="docs-optional"');
    const later = between(page, '<details id="docs-optional"', '</details>');
    expect(rowTypes(first)).toEqual(DOCUMENT_TYPES.filter((d) => needed.includes(d)));
    expect(rowTypes(later)).toEqual(DOCUMENT_TYPES.filter((d) => !needed.includes(d)));
    expect(first.match(/<span class="req">wajib<\/span>/g)).toHaveLength(needed.length);
    expect(later).not.toContain('<span class="req">');
    expect(later).toMatch(/^<details id="docs-optional"><summary>Dokumen lain \(tidak wajib untuk klaim ini\)<\/summary>/);
    expect(page).toContain('<p class="help" id="docs-hint" hidden>');
  });

  it('opens the folded documents when one of them holds a file already sent or an error, and keeps the file', () => {
    const index = DOCUMENT_TYPES.indexOf('OTHER');
    const values = { ...JKM_SPOUSE, documents: [{ type: 'OTHER', uploadId: 'up_AAAAAAAAAAAAAAAAAAAAAA' }] };
    const page = form({ values });
    const later = between(page, '<details id="docs-optional"', '</details>');
    expect(later).toMatch(/^<details id="docs-optional" open>/);
    expect(later).toContain(
      `<input type="hidden" name="documents[${index}].type" value="OTHER"><input type="hidden" name="documents[${index}].uploadId" value="up_AAAAAAAAAAAAAAAAAAAAAA">`,
    );
    expect(form({ values: JKM_SPOUSE, errors: { 'documents[14].uploadId': 'x' } })).toContain('<details id="docs-optional" open>');
  });

  it('asks, inside the form, to confirm filing without the required documents still missing, naming each and saying they can come later', () => {
    const page = form({ values: JKM_SPOUSE, confirmMissing: ['HEIR_CERTIFICATE', 'FAMILY_CARD'] });
    const box = between(page, '<div class="summary confirm"', '</div>');
    expect(page.indexOf('<div class="summary confirm"')).toBeGreaterThan(page.indexOf('<form method="post"'));
    expect(page.indexOf('<div class="summary confirm"')).toBeLessThan(page.indexOf('<fieldset'));
    expect(box).toContain('id="summary" role="alert" tabindex="-1"');
    expect(box).toContain('<li><a href="#doc-FAMILY_CARD">Kartu Keluarga (KK)</a></li>');
    expect(box).toContain('<li><a href="#doc-HEIR_CERTIFICATE">Surat keterangan ahli waris (dari kelurahan/desa)</a></li>');
    expect(box.indexOf('#doc-FAMILY_CARD')).toBeLessThan(box.indexOf('#doc-HEIR_CERTIFICATE'));
    expect(box).toContain('nanti lewat halaman status klaim');
    expect(box).toContain('<input type="checkbox" name="_documentsLater" value="1">');
    expect(box).toContain('<button type="submit">');
    expect(page).toContain('id="doc-FAMILY_CARD"');
    expect(form({ values: JKM_SPOUSE })).not.toContain('_documentsLater');
  });
});
