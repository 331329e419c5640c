import type { Benefit, DocumentType, IncidentCause, IncidentType, Relationship } from '../claim';

/**
 * Which documents a claim needs, as data. Source: BPJS Ketenagakerjaan claim requirements for JKM and JKK
 * (handbook domain.md, "Documents"). Each rule adds document types when its `when` matches.
 */
interface DocumentRule {
  when: { benefit?: Benefit; incidentType?: IncidentType; relationship?: Relationship; cause?: IncidentCause };
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
    require: ['CLAIMANT_ID_CARD', 'FAMILY_CARD', 'DEATH_CERTIFICATE', 'HEIR_CERTIFICATE'],
    source: 'JKM/JKK death: KTP of heir, KK, death certificate, heir certificate',
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
    for (const t of rule.require) needed.add(t);
  }
  return [...needed];
};

export const missingDocuments = (claim: DocumentNeedInput, have: readonly DocumentType[]): DocumentType[] =>
  requiredDocuments(claim).filter((t) => !have.includes(t));
