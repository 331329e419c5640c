import { type Lang, t, translator } from '../../messages';
import { html, type SafeHtml } from '../../platform/web/html';
import { tHtml } from '../../platform/web/i18n';
import { layout } from '../../platform/web/layout';
import { uploadScriptTag } from '../../platform/web/upload-script';
import { BANK_LIST, type Bank } from '../../reference-data/banks';
import {
  type Benefit,
  DOCUMENT_TYPES,
  type DocumentType,
  type IncidentCause,
  JKK_CAUSES,
  JKM_CAUSES,
  RELATIONSHIPS,
} from '../domain/claim';
import { SCHOOL_LEVELS } from '../domain/rules/scholarship';
import { documentRulesData, documentRuleWords, requiredForChoices } from './document-guide';

export interface FormState {
  lang: Lang;
  idempotencyKey: string;
  /** What the family typed, as the nested body; kept on every error. */
  values?: Record<string, unknown>;
  /** Messages by field path, already in the page's language. */
  errors?: Record<string, string>;
  /** A message that belongs to no single field (a duplicate claim): plain text, or HTML made by html``. */
  banner?: string | SafeHtml;
  /** Required documents the family has not sent: the page asks them to confirm filing without them. */
  confirmMissing?: readonly DocumentType[];
  today: string;
  /** A field coordinator files for the family (assisted filing): the same form, posted elsewhere, with drafts. */
  assisted?: AssistedForm;
}

export interface AssistedForm {
  /** Where the form posts (the coordinator's route). */
  action: string;
  /** Hidden fields of the coordinator's session and draft (the form token, the draft id). */
  hidden: SafeHtml;
  /** The same page in the other language. */
  otherLanguage: string;
}

const get = (values: Record<string, unknown> | undefined, path: string): string => {
  let node: unknown = values;
  for (const seg of path.replace(/\[(\d+)\]/g, '.$1').split('.'))
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
  return typeof node === 'string' || typeof node === 'number' ? String(node) : '';
};

/** Field ids are the path with dots replaced, so error links can jump to the field. */
const fid = (path: string) => `f-${path.replace(/[.[\]]+/g, '-')}`;

/** The banner for a duplicate claim: the link to the open claim only when the family proved it is theirs (same NIK). */
export const duplicateBanner = (lang: Lang, own?: { reference: string; claimantNik: string }): SafeHtml => {
  if (!own) return html`${t('form.duplicate', lang)} ${t('form.duplicate.other', lang)}`;
  const link = html`<a href="/status?reference=${own.reference}${lang === 'en' ? '&lang=en' : ''}">${own.reference}</a>`;
  return html`${t('form.duplicate', lang)} ${tHtml('form.duplicate.own', lang, { reference: link })}`;
};

interface InputOptions {
  help?: string;
  type?: string;
  /** Fixed attributes of the field (inputmode, autocomplete, maxlength), written in this file. */
  extra?: SafeHtml;
}

const NIK_ATTRS = html`inputmode="numeric" autocomplete="off" maxlength="20"`;
const PHONE_ATTRS = html`autocomplete="tel" inputmode="tel" maxlength="20"`;

/**
 * The bank list has every clearing participant (about a hundred), too many to scroll through on a small phone. The
 * native select stays (it works without JavaScript and on every phone), in three groups, each by name: the large banks
 * most families use first, then the regional development banks (BPD), where many families in the provinces bank, then
 * the rest.
 */
const LARGE_BANKS = new Set(['002', '008', '009', '014', '200', '451']);
const byName = (a: Bank, b: Bank) => a.name.localeCompare(b.name, 'id');
const BANK_GROUPS = [
  { label: 'form.bank.main', banks: BANK_LIST.filter((b) => LARGE_BANKS.has(b.code)).sort(byName) },
  { label: 'form.bank.regional', banks: BANK_LIST.filter((b) => !LARGE_BANKS.has(b.code) && b.group === 'regional').sort(byName) },
  { label: 'form.bank.other', banks: BANK_LIST.filter((b) => !LARGE_BANKS.has(b.code) && b.group !== 'regional').sort(byName) },
] as const;

export const renderClaimForm = (s: FormState): string => {
  const { lang } = s;
  const tr = translator(lang);
  const errors = s.errors ?? {};
  const err = (path: string) => errors[path] && html`<p class="err" id="${fid(path)}-err">${errors[path]}</p>`;
  const invalid = (path: string) => errors[path] && html` class="bad" aria-invalid="true" aria-describedby="${fid(path)}-err"`;
  const attrs = (path: string) => html`id="${fid(path)}" name="${path}"${invalid(path)}`;
  const label = (path: string, text: string) => html`<label for="${fid(path)}">${text}</label>`;
  const input = (path: string, text: string, opts: InputOptions = {}) => [
    html`${label(path, text)}${opts.help && html`<p class="help">${opts.help}</p>`}${err(path)}`,
    html`<input ${attrs(path)} type="${opts.type ?? 'text'}" value="${get(s.values, path)}"${opts.extra && html` ${opts.extra}`}>`,
  ];
  const options = (path: string, list: [string, string][]) => {
    const current = get(s.values, path);
    return list.map(([value, name]) => html`<option value="${value}"${value === current && html` selected`}>${name}</option>`);
  };
  const select = (path: string, text: string, items: SafeHtml[], help?: string) =>
    html`${label(path, text)}${help && html`<p class="help">${help}</p>`}${err(path)}<select ${attrs(path)}><option value="">${tr('form.choose')}</option>${items}</select>`;
  const radios = (path: string, options: [string, string][]) => {
    const current = get(s.values, path);
    const radio = ([value, name]: [string, string]) =>
      html`<label class="choice"><input type="radio" name="${path}" value="${value}"${current === value && html` checked`}>${name}</label>`;
    return html`${err(path)}${options.map(radio)}`;
  };

  const summaryItems = Object.entries(errors).map(([path, msg]) => html`<li><a href="#${fid(path)}">${msg}</a></li>`);
  const docs = Array.isArray(s.values?.documents) ? (s.values.documents as { type?: string; uploadId?: string }[]) : [];
  // The required documents for the family's choices (undefined until benefit, incident and relationship are chosen):
  // the same arrangement the upload script makes as the choices change, so a page sent back by the server (an error,
  // the confirmation) shows it even without JavaScript.
  const required = requiredForChoices({
    benefit: get(s.values, 'benefit'),
    'incident.type': get(s.values, 'incident.type'),
    'claimant.relationship': get(s.values, 'claimant.relationship'),
    'incident.cause': get(s.values, 'incident.cause'),
  });
  const docRow = (type: DocumentType) => {
    const i = DOCUMENT_TYPES.indexOf(type);
    const kept = docs.find((d) => d.type === type && d.uploadId);
    const p = `documents[${i}]`;
    return [
      html`<div class="doc" data-doc="${type}"><label id="doc-${type}" for="${fid(p)}-file">${tr(`document.${type}`)} `,
      html`<span class="req"${!required?.includes(type) && html` hidden`}>${tr('docs.required')}</span></label>`,
      html`<p class="help">${tr(`document.${type}.help`)}</p><p class="help rule"${required && html` hidden`}>${documentRuleWords(type, lang)}</p>`,
      err(`${p}.uploadId`),
      err(`${p}.type`),
      // The hidden fields only for a file already sent: the upload script adds them for each file it sends.
      kept &&
        html`<input type="hidden" name="${p}.type" value="${type}"><input type="hidden" name="${p}.uploadId" value="${kept.uploadId}">`,
      html`<input id="${fid(p)}-file" type="file" accept="image/jpeg,image/png,application/pdf" data-field="${p}" hidden>`,
      html`<p class="muted" aria-live="polite">${kept && html`<span class="ok">${tr('upload.done')}</span>`}</p></div>`,
    ];
  };
  const firstTypes = required ? DOCUMENT_TYPES.filter((d) => required.includes(d)) : DOCUMENT_TYPES;
  const laterTypes = required ? DOCUMENT_TYPES.filter((d) => !required.includes(d)) : [];
  const openLater = laterTypes.some((type) => {
    const p = `documents[${DOCUMENT_TYPES.indexOf(type)}]`;
    return docs.some((d) => d.type === type && d.uploadId) || errors[`${p}.uploadId`] || errors[`${p}.type`];
  });
  const docsFieldset = [
    html`<fieldset id="docs" data-rules="${JSON.stringify(documentRulesData())}"><legend>${tr('form.docs')}</legend>`,
    html`<p class="help">${tr('form.docsHelp')}</p><p class="help" id="docs-hint"${required && html` hidden`}>${tr('docs.chooseFirst')}</p>`,
    html`<noscript><p class="help">${tr('form.noscript')}</p></noscript>`,
    html`<div id="docs-required">${firstTypes.map(docRow)}</div>`,
    html`<details id="docs-optional"${openLater && html` open`}${laterTypes.length === 0 && html` hidden`}>`,
    html`<summary>${tr('docs.optional')}</summary>${laterTypes.map(docRow)}</details></fieldset>`,
  ];
  // Filing with required documents missing is asked once, on the page: the family may send them later.
  // In the form's order, so the list reads like the rows it links to.
  const missing = DOCUMENT_TYPES.filter((d) => s.confirmMissing?.includes(d));
  const confirm = missing.length > 0 && [
    html`<div class="summary confirm" id="summary" role="alert" tabindex="-1"><h2>${tr('form.confirm.title')}</h2>`,
    html`<p>${tr('form.confirm.missing')}</p><ul>${missing.map((d) => html`<li><a href="#doc-${d}">${tr(`document.${d}`)}</a></li>`)}</ul>`,
    html`<p>${tr('form.confirm.later')}</p>`,
    html`<label class="choice"><input type="checkbox" name="_documentsLater" value="1">${tr('form.confirm.check')}</label>`,
    html`<button type="submit">${tr('form.submit')}</button></div>`,
  ];

  // Causes grouped by benefit: the upload script shows only the chosen benefit's group; without JavaScript both show
  // under their names, and the server refuses a cause of the other benefit with a message beside the field.
  const causeGroup = (benefit: Benefit, list: readonly IncidentCause[]) =>
    html`<optgroup label="${tr(`form.causes.${benefit}`)}" data-when-field="benefit" data-when-value="${benefit}">${options(
      'incident.cause',
      list.map((c): [string, string] => [c, tr(`cause.${c}`)]),
    )}</optgroup>`;
  const causes = [causeGroup('JKM', JKM_CAUSES), causeGroup('JKK', JKK_CAUSES)];
  const relationships = RELATIONSHIPS.map((r): [string, string] => [r, tr(`relationship.${r}`)]);
  const banks = BANK_GROUPS.map(
    (group) =>
      html`<optgroup label="${tr(group.label)}">${options(
        'payout.bankCode',
        group.banks.map((b): [string, string] => [b.code, `${b.name} · ${b.code}`]),
      )}</optgroup>`,
  );
  // The children who may receive the scholarship (beasiswa), for a death: at most two are paid, each school year on
  // proof of schooling. Folded away, so a family without children at school skips it; open when filled in.
  const levels: [string, string][] = SCHOOL_LEVELS.map((l) => [l, tr(`schoolLevel.${l}`)]);
  const childRow = (i: number) => [
    html`<p><strong>${tr('form.child', { n: i + 1 })}</strong></p>`,
    input(`children[${i}].name`, tr('form.childName'), { extra: html`maxlength="100"` }),
    input(`children[${i}].birthDate`, tr('form.childBirthDate'), { type: 'date', extra: html`max="${s.today}"` }),
    select(`children[${i}].schoolLevel`, tr('form.childLevel'), options(`children[${i}].schoolLevel`, levels)),
  ];
  const anyChild = Array.isArray(s.values?.children) && (s.values.children as unknown[]).length > 0;
  const children = html`<details class="children"${anyChild && html` open`}><summary>${tr('form.children')}</summary><p class="help">${tr('form.childrenHelp')}</p>${[0, 1].map(childRow)}</details>`;
  const en = lang === 'en' ? '?lang=en' : '';
  const summary = summaryItems.length > 0 && [
    html`<div class="summary" role="alert" tabindex="-1" id="summary">`,
    html`<p><strong>${tr('form.summary')}</strong></p><ul>${summaryItems}</ul></div>`,
  ];

  const body = html`${[
    html`<h1>${tr('form.title')}</h1><p>${tr('form.intro')}</p>`,
    s.banner && html`<div class="summary" role="alert"><p>${s.banner}</p></div>`,
    summary,
    s.assisted && html`<p class="summary notice" id="assisted">${tr('coordinator.formIntro')}</p>`,
    html`<form method="post" action="${s.assisted?.action ?? `/claims${en}`}" id="claim-form" novalidate>`,
    html`<input type="hidden" name="_idempotencyKey" value="${s.idempotencyKey}">`,
    s.assisted?.hidden,
    confirm,
    html`<fieldset><legend>${tr('form.benefit')}</legend>`,
    radios('benefit', [
      ['JKM', tr('form.jkm')],
      ['JKK', tr('form.jkk')],
    ]),
    html`</fieldset>`,
    html`<fieldset><legend>${tr('form.member')}</legend>`,
    input('member.nik', tr('form.nik'), { help: tr('form.nikHelp'), extra: NIK_ATTRS }),
    input('member.name', tr('form.memberName'), { help: tr('form.nameHelp'), extra: html`maxlength="100"` }),
    html`</fieldset><fieldset><legend>${tr('form.incident')}</legend><p><strong>${tr('form.incidentType')}</strong></p>`,
    radios('incident.type', [
      ['death', tr('form.death')],
      ['injury', tr('form.injury')],
    ]),
    input('incident.date', tr('form.date'), { help: tr('form.dateHelp'), type: 'date', extra: html`max="${s.today}"` }),
    select('incident.cause', tr('form.cause'), causes),
    html`${label('incident.description', tr('form.description'))}${err('incident.description')}`,
    html`<textarea ${attrs('incident.description')} rows="3" maxlength="1000">${get(s.values, 'incident.description')}</textarea>`,
    html`</fieldset>`,
    html`<fieldset><legend>${tr('form.claimant')}</legend>`,
    input('claimant.nik', tr('form.claimantNik'), { help: tr('form.nikHelp'), extra: NIK_ATTRS }),
    input('claimant.name', tr('form.claimantName'), { extra: html`autocomplete="name" maxlength="100"` }),
    select('claimant.relationship', tr('form.relationship'), options('claimant.relationship', relationships)),
    html`<details class="ward"${(get(s.values, 'claimant.relationship') === 'guardian' || errors['claimant.ward.name'] || errors['claimant.ward.birthDate']) && html` open`}><summary>${tr('form.ward')}</summary><p class="help">${tr('form.wardHelp')}</p>`,
    input('claimant.ward.name', tr('form.wardName'), { extra: html`maxlength="100"` }),
    input('claimant.ward.birthDate', tr('form.wardBirthDate'), { type: 'date' }),
    html`</details>`,
    input('claimant.phone', tr('form.phone'), { help: tr('form.phoneHelp'), type: 'tel', extra: PHONE_ATTRS }),
    input('claimant.email', tr('form.email'), { type: 'email', extra: html`autocomplete="email" maxlength="254"` }),
    html`</fieldset>`,
    children,
    html`<fieldset><legend>${tr('form.payout')}</legend>`,
    select('payout.bankCode', tr('form.bank'), banks, tr('form.bankHelp')),
    input('payout.accountNumber', tr('form.account'), { extra: html`inputmode="numeric" autocomplete="off" maxlength="24"` }),
    input('payout.accountHolder', tr('form.holder'), { help: tr('form.holderHelp'), extra: html`maxlength="100"` }),
    html`</fieldset>`,
    docsFieldset,
    html`<p class="err" id="wait" hidden>${tr('upload.wait')}</p><button type="submit">${tr('form.submit')}</button>`,
    // A coordinator may stop half way: the draft keeps what was typed, checked by nothing until it is filed.
    s.assisted &&
      html` <button type="submit" name="_action" value="draft" class="secondary" formnovalidate>${tr('coordinator.draft.save')}</button>`,
    html`</form>`,
    s.assisted
      ? html`<p><a href="/staff/coordinator${en}">${tr('coordinator.back')}</a></p>`
      : html`<h2>${tr('form.filedBefore')}</h2><p><a href="/status${en}">${tr('form.statusLink')}</a></p>`,
    uploadScriptTag(lang),
  ]}`;

  const langSwitch = html`<a href="${s.assisted?.otherLanguage ?? `/${lang === 'id' ? '?lang=en' : ''}`}">${tr('layout.otherLanguage')}</a>`;
  return layout({ lang, title: tr('form.title'), body, langSwitch });
};
