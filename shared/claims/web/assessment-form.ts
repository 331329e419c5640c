import type { Lang } from '../../messages';
import { translator } from '../../messages';
import { html, type SafeHtml } from '../../platform/web/html';
import type { Claim } from '../domain/claim';
import { BODY_PARTS } from '../domain/rules/body-parts';
import { DISABILITY_KINDS, TRANSPORT_MODES } from '../domain/rules/injury';
import type { AssessmentInput } from '../schemas/assessment';
import { csrfInput } from './csrf-input';

/**
 * The assessment form on the staff claim page (JKK injury), usable without JavaScript: one field per fact of the
 * medical report and receipts, named by its JSON path, so the same route takes the form or JSON. Amounts may be
 * typed the Indonesian way ("1.800.000" or "Rp 1.800.000"); percentages with a decimal comma ("4,5").
 */

const AMOUNT_KEYS = new Set(['amount', 'monthly', 'referencePrice']);
const NUMBER_KEYS = new Set(['months', 'days', 'percent', 'functionLossPercent']);

const toAmount = (v: string): number | string => {
  const digits = v.replace(/^rp\.?\s*/i, '').replace(/[.\s]/g, '');
  return /^\d{1,13}$/.test(digits) ? Number(digits) : v;
};
const toNumber = (v: string): number | string => {
  const n = v.replace(',', '.');
  return /^\d{1,3}(\.\d{1,2})?$/.test(n) ? Number(n) : v;
};

const convert = (value: unknown, key = ''): unknown => {
  if (Array.isArray(value)) return value.map((v) => convert(v));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, convert(v, k)]));
  if (typeof value !== 'string') return value;
  if (AMOUNT_KEYS.has(key)) return toAmount(value);
  if (NUMBER_KEYS.has(key)) return toNumber(value);
  return value;
};

/** The posted form as the assessment object of api.md: rows left empty are dropped, numbers read as numbers. */
export const assessmentFromForm = (body: Record<string, unknown>): Record<string, unknown> => {
  const out = convert(body) as Record<string, unknown>;
  if (Array.isArray(out.transport)) {
    out.transport = (out.transport as Record<string, unknown>[]).filter((t) => t && t.amount !== undefined);
    if ((out.transport as unknown[]).length === 0) delete out.transport;
  }
  if (Array.isArray(out.prosthesis)) {
    out.prosthesis = (out.prosthesis as Record<string, unknown>[]).filter(
      (p) => p && (p.item !== undefined || p.referencePrice !== undefined),
    );
    if ((out.prosthesis as unknown[]).length === 0) delete out.prosthesis;
  }
  const stmb = out.stmb as Record<string, unknown> | undefined;
  if (stmb && stmb.months === undefined && stmb.days !== undefined) stmb.months = 0;
  const d = out.disability as Record<string, unknown> | undefined;
  if (d && d.kind === undefined && d.percent === undefined && d.functionLossPercent === undefined && d.part === undefined)
    delete out.disability;
  return out;
};

const value = (v: unknown): string => (typeof v === 'number' || typeof v === 'string' ? String(v) : '');

/** The form, filled with the assessment already on the claim (entering it again corrects it). */
export const assessmentForm = (claim: Claim, lang: Lang, csrfToken: string): SafeHtml => {
  const tr = translator(lang);
  const a = (claim.verification?.assessment ?? {}) as AssessmentInput;
  const id = (path: string) => `assessment-${path.replace(/[.[\]]+/g, '-')}`;
  const input = (path: string, label: string, current: unknown, attrs: { mode?: string; hint?: string } = {}) =>
    html`<label for="${id(path)}">${label}</label>${attrs.hint && html`<small class="muted">${attrs.hint}</small>`}<input id="${id(path)}" name="${path}" inputmode="${attrs.mode ?? 'numeric'}" value="${value(current)}">`;
  const kinds = DISABILITY_KINDS.map(
    (k) => html`<option value="${k}"${a.disability?.kind === k && html` selected`}>${tr(`assessment.disability.${k}`)}</option>`,
  );
  const parts = BODY_PARTS.map(
    (p) =>
      html`<option value="${p.key}"${a.disability?.part === p.key && html` selected`}>${lang === 'en' ? p.en : p.id} (${String(p.percent).replace('.', ',')}%)</option>`,
  );
  const trips = TRANSPORT_MODES.map((mode, i) => {
    const current = (a.transport as { mode: string; amount: number }[] | undefined)
      ?.filter((t) => t.mode === mode)
      .reduce((s, t) => s + t.amount, 0);
    return html`${[
      html`<input type="hidden" name="transport[${i}].mode" value="${mode}">`,
      input(`transport[${i}].amount`, tr(`assessment.transport.${mode}`), current || ''),
    ]}`;
  });
  const prosthesis = a.prosthesis?.[0];
  return html`${[
    html`<h2 id="assessment">${tr('assessment.title')}</h2><p class="muted">${tr('assessment.intro')}</p>`,
    html`<form method="post" action="/staff/claims/${claim.reference}/assessment" id="assessment-form">${csrfInput(csrfToken)}`,
    html`<fieldset><legend>${tr('component.STMB')}</legend>`,
    input('stmb.months', tr('assessment.stmb.months'), a.stmb?.months),
    input('stmb.days', tr('assessment.stmb.days'), a.stmb?.days),
    html`</fieldset><fieldset><legend>${tr('component.DISABILITY')}</legend>`,
    html`<label for="assessment-disability-kind">${tr('assessment.disability.kind')}</label>`,
    html`<select id="assessment-disability-kind" name="disability.kind"><option value="">-</option>${kinds}</select>`,
    html`<label for="assessment-disability-part">${tr('assessment.disability.part')}</label>`,
    html`<select id="assessment-disability-part" name="disability.part"><option value="">-</option>${parts}</select>`,
    input('disability.percent', tr('assessment.disability.percent'), a.disability?.percent, {
      mode: 'decimal',
      hint: tr('assessment.disability.percentHint'),
    }),
    input('disability.functionLossPercent', tr('assessment.disability.functionLoss'), a.disability?.functionLossPercent, {
      mode: 'decimal',
    }),
    html`</fieldset><fieldset><legend>${tr('component.TRANSPORT')}</legend>${trips}</fieldset>`,
    html`<fieldset><legend>${tr('component.HOME_CARE')}</legend>`,
    input('homeCare.monthly', tr('assessment.homeCare.monthly'), a.homeCare?.monthly),
    input('homeCare.months', tr('assessment.homeCare.months'), a.homeCare?.months),
    html`</fieldset><fieldset><legend>${tr('component.PROSTHESIS')}</legend>`,
    input('prosthesis[0].item', tr('assessment.prosthesis.item'), prosthesis?.item, { mode: 'text' }),
    input('prosthesis[0].referencePrice', tr('assessment.prosthesis.price'), prosthesis?.referencePrice),
    html`</fieldset><p><button type="submit">${tr('assessment.submit')}</button></p></form>`,
  ]}`;
};
