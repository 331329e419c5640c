/**
 * Which documents the claim form's current choices require, from the rules the page ships as data (the claim form
 * writes them into its documents fieldset's data-rules, generated from DOCUMENT_RULES in
 * shared/claims/domain/rules/documents.ts). Nothing here knows a document, a benefit or a relationship: a rule
 * names form fields and values, so the rules live in one place and the browser only reads them.
 * Bundled into the upload script, and imported by the unit tests, which check it agrees with requiredDocuments.
 */

/** The rules as the page ships them: conditions by form field name (`incident.type`), as in the form's inputs. */
export interface DocumentRulesData {
  /** The fields that must be chosen before the form can say which documents are required. */
  decide: string[];
  rules: DocumentRuleData[];
}

export interface DocumentRuleData {
  /** Every field must have this value for the rule to apply. */
  when: Record<string, string>;
  /** The rule does not apply when a field has one of these values. */
  except?: Record<string, string[]>;
  require: string[];
}

/** The form's current value of each field; an empty string or undefined when nothing is chosen yet. */
export type FormChoices = Record<string, string | undefined>;

export const choicesDecided = (data: DocumentRulesData, choices: FormChoices): boolean => data.decide.every((field) => !!choices[field]);

/** The document types the rules require for these choices, each once, in the order the rules name them. */
export const neededDocuments = (data: DocumentRulesData, choices: FormChoices): string[] => {
  const needed: string[] = [];
  for (const rule of data.rules) {
    const applies = Object.keys(rule.when).every((field) => choices[field] === rule.when[field]);
    const excepted = Object.keys(rule.except ?? {}).some((field) => (rule.except?.[field] ?? []).indexOf(choices[field] ?? '') >= 0);
    if (!applies || excepted) continue;
    for (const type of rule.require) if (needed.indexOf(type) < 0) needed.push(type);
  }
  return needed;
};
