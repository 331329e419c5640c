import { type Lang, translator } from '../../messages';
import type { DocumentRulesData, FormChoices } from '../../platform/web/browser/document-needs';
import {
  BENEFITS,
  type Benefit,
  type DocumentType,
  INCIDENT_CAUSES,
  INCIDENT_TYPES,
  type IncidentCause,
  type IncidentType,
  RELATIONSHIPS,
  type Relationship,
} from '../domain/claim';
import { DOCUMENT_RULES, requiredDocuments } from '../domain/rules/documents';

/**
 * The document rules as the claim form presents them: in words for every document (the page without JavaScript),
 * and as data for the upload script (which puts the required ones first for the family's choices). Both come from
 * DOCUMENT_RULES, so a rule changed there changes the words, the data and the server's check together.
 */

/** The form field each condition of a rule reads (the form's field names are the JSON paths of the claim). */
const RULE_FIELDS = {
  benefit: 'benefit',
  incidentType: 'incident.type',
  relationship: 'claimant.relationship',
  cause: 'incident.cause',
} as const;
type RuleKey = keyof typeof RULE_FIELDS;

/** Without these the form cannot tell which documents are required; a cause only matters for some JKK rules. */
const DECIDING: RuleKey[] = ['benefit', 'incidentType', 'relationship'];

export const documentRulesData = (): DocumentRulesData => ({
  decide: DECIDING.map((k) => RULE_FIELDS[k]),
  rules: DOCUMENT_RULES.map((rule) => ({
    when: Object.fromEntries(Object.entries(rule.when).map(([k, v]) => [RULE_FIELDS[k as RuleKey], v as string])),
    ...(rule.except ? { except: { [RULE_FIELDS.relationship]: [...rule.except] } } : {}),
    require: [...rule.require],
  })),
});

/** The document types a claim with these form values requires, or undefined while a deciding choice is missing. */
export const requiredForChoices = (choices: FormChoices): DocumentType[] | undefined => {
  const pick = <T extends string>(list: readonly T[], key: RuleKey): T | undefined => {
    const value = choices[RULE_FIELDS[key]];
    return list.find((v) => v === value);
  };
  const benefit = pick<Benefit>(BENEFITS, 'benefit');
  const incidentType = pick<IncidentType>(INCIDENT_TYPES, 'incidentType');
  const relationship = pick<Relationship>(RELATIONSHIPS, 'relationship');
  if (!benefit || !incidentType || !relationship) return undefined;
  return requiredDocuments({ benefit, incidentType, relationship, cause: pick<IncidentCause>(INCIDENT_CAUSES, 'cause') });
};

/** One line saying when a document is required: "Wajib untuk: peserta meninggal, kecuali diajukan oleh: ...". */
export const documentRuleWords = (type: DocumentType, lang: Lang): string => {
  const tr = translator(lang);
  const cases = DOCUMENT_RULES.filter((rule) => rule.require.includes(type)).map((rule) => {
    const w = rule.when;
    const parts = [
      w.benefit && tr('docs.rule.benefit', { benefit: w.benefit }),
      w.incidentType && tr(w.incidentType === 'death' ? 'docs.rule.death' : 'docs.rule.injury'),
      w.cause && tr('docs.rule.cause', { cause: tr(`cause.${w.cause}`) }),
      w.relationship && tr('docs.rule.by', { relationship: tr(`relationship.${w.relationship}`) }),
      ...(rule.except ?? []).map((r) => tr('docs.rule.notBy', { relationship: tr(`relationship.${r}`) })),
    ].filter((p): p is string => !!p);
    return parts.length ? parts.join(', ') : tr('docs.rule.all');
  });
  return cases.length ? tr('docs.rule.required', { cases: cases.join('; ') }) : tr('docs.rule.optional');
};
