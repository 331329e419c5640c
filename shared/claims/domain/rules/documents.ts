import type { Benefit, DocumentType, IncidentCause, IncidentType, Relationship } from '../claim';

/**
 * Which documents a claim needs, as data. Source: BPJS Ketenagakerjaan claim requirements for JKM and JKK
 * (handbook domain.md, "Documents"). Each rule adds document types when its `when` matches.
 */
interface DocumentRule {
  when: { benefit?: Benefit; incidentType?: IncidentType; relationship?: Relationship; cause?: IncidentCause };
  /** Relationships the rule does not apply to. */
  except?: Relationship[];
  require: DocumentType[];
  source: string;
}

export const DOCUMENT_RULES: readonly DocumentRule[] = [
  {
    when: {},
    require: ['MEMBER_ID_CARD', 'BANK_BOOK'],
    source: "BPJS TK claim requirements: KPJ or NIK; bank book in the recipient's name",
  },
  {
    when: { incidentType: 'death' },
    require: ['CLAIMANT_ID_CARD', 'DEATH_CERTIFICATE'],
    source: 'JKM/JKK death: KTP of the claimant, death certificate',
  },
  {
    when: { incidentType: 'death' },
    except: ['funeral_arranger'],
    require: ['FAMILY_CARD', 'HEIR_CERTIFICATE'],
    source: 'JKM/JKK death paid to an heir: KK and heir certificate (surat keterangan ahli waris)',
  },
  {
    when: { incidentType: 'death', relationship: 'guardian' },
    require: ['GUARDIAN_PROOF'],
    source:
      "A child heir under 17 has no KTP or bank account: the guardian files and is paid on the child's behalf, with proof of guardianship (court order, or the family card naming the guardian: NC, a verifier judges)",
  },
  {
    when: { incidentType: 'death', relationship: 'funeral_arranger' },
    require: ['RECEIPT'],
    source: 'No heirs: funeral costs to whoever arranged the burial (PP 44/2015 art. 37(5)), against the funeral receipts',
  },
  {
    when: { incidentType: 'injury', relationship: 'spouse' },
    require: ['POWER_OF_ATTORNEY', 'CLAIMANT_ID_CARD', 'MARRIAGE_CERTIFICATE'],
    source: 'An injured worker who cannot act: the spouse files with a power of attorney (domain.md, heirs who cannot file alone)',
  },
  {
    when: { incidentType: 'death', relationship: 'spouse' },
    require: ['MARRIAGE_CERTIFICATE'],
    source: 'Marriage book when the heir is the spouse',
  },
  {
    when: { benefit: 'JKK' },
    require: ['ACCIDENT_REPORT', 'MEDICAL_REPORT'],
    source: "JKK: accident report (stage I/II) and doctor's letter",
  },
  {
    when: { benefit: 'JKK', cause: 'commute_accident' },
    require: ['POLICE_REPORT'],
    source: 'JKK traffic accident on the commute: police report',
  },
];

export interface DocumentNeedInput {
  benefit: Benefit;
  incidentType: IncidentType;
  relationship: Relationship;
  cause?: IncidentCause | undefined;
}

export const requiredDocuments = (claim: DocumentNeedInput): DocumentType[] => {
  const needed = new Set<DocumentType>();
  for (const rule of DOCUMENT_RULES) {
    const w = rule.when;
    if (w.benefit && w.benefit !== claim.benefit) continue;
    if (w.incidentType && w.incidentType !== claim.incidentType) continue;
    if (w.relationship && w.relationship !== claim.relationship) continue;
    if (w.cause && w.cause !== claim.cause) continue;
    if (rule.except?.includes(claim.relationship)) continue;
    for (const t of rule.require) needed.add(t);
  }
  return [...needed];
};

export const missingDocuments = (claim: DocumentNeedInput, have: readonly DocumentType[]): DocumentType[] =>
  requiredDocuments(claim).filter((t) => !have.includes(t));
