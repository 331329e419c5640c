import { longDate } from '../../kernel/time';
import { type Lang, translator } from '../../messages';
import { html, type SafeHtml } from '../../platform/web/html';
import type { Claim, DocumentType } from '../domain/claim';
import { appealDeadline, appealRefusal, CORRECTABLE, correctableReason, correctionRefusal, MAX_CORRECTIONS } from '../domain/reopening';
import { requiredDocuments } from '../domain/rules/documents';

export interface ReopenFormsOptions {
  lang: Lang;
  /** The Jakarta date today. */
  today: string;
  appealWindowDays: number;
  /** Field messages of a refused correction or appeal (already in the page's language), by field path. */
  errors?: Record<string, string>;
  /** Which form the errors belong to. */
  form?: 'correction' | 'appeal';
  /** A message that belongs to no field (a refusal), shown at the top of its form. */
  problem?: string;
  /** Values typed into the form that was refused, kept. */
  values?: { memberNik?: string; memberName?: string; statement?: string };
}

/**
 * The way back from a rejection, on the status page: first what can be corrected (a mistyped member NIK or name,
 * documents that did not arrive), in words, before anything else; then the appeal, folded away unless it is the only
 * way. Both post as plain forms (they work without JavaScript), with the claimant's NIK in a hidden field as the
 * documents form does. Nothing is rendered for a claim that is not rejected, or once an appeal was made (its state is
 * said in words instead).
 */
export interface ReopenActions {
  /** The correction form, shown before the outcome. */
  correction?: SafeHtml;
  /** The appeal form, or the appeal's state, shown after the outcome. */
  actions?: SafeHtml;
}

export const renderReopenActions = (claim: Claim, opts: ReopenFormsOptions): ReopenActions => {
  const tr = translator(opts.lang);
  const en = opts.lang === 'en' ? '?lang=en' : '';
  const errors = opts.errors ?? {};
  const err = (path: string) => errors[path] && html`<p class="err" id="r-${path.replace(/\W+/g, '-')}-err">${errors[path]}</p>`;
  const invalid = (path: string) => errors[path] && html` aria-invalid="true" aria-describedby="r-${path.replace(/\W+/g, '-')}-err"`;

  if (claim.appeal) {
    const key =
      claim.appeal.outcome === 'upheld'
        ? 'reopen.appeal.upheld'
        : claim.appeal.outcome === 'refused'
          ? 'reopen.appeal.refused'
          : 'reopen.appeal.pending';
    return {
      actions: html`<div class="notice" id="appeal-state"><p>${tr(key)}</p>${claim.appeal.note && html`<p class="muted">${claim.appeal.note}</p>`}</div>`,
    };
  }
  if (claim.status !== 'REJECTED') return {};

  const reason = correctableReason(claim);
  const canCorrect = reason !== undefined && correctionRefusal(claim, opts.today) === undefined;
  const docRows = (types: readonly DocumentType[], prefix: string) =>
    types.map((d, i) => [
      html`<div class="doc" data-doc="${d}"><label for="${prefix}-doc-${i}">${tr(`document.${d}`)}</label>${err(`documents[${i}].uploadId`)}`,
      html`<input type="hidden" name="documents[${i}].type" value="${d}"><input type="hidden" name="documents[${i}].uploadId" value="">`,
      html`<input id="${prefix}-doc-${i}" type="file" accept="image/jpeg,image/png,application/pdf" hidden>`,
      html`<p class="muted" aria-live="polite"></p></div>`,
    ]);
  const nikField = html`<input type="hidden" name="nik" value="${claim.claimant.nik}">`;

  let correction: SafeHtml | undefined;
  let correctionTakesFiles = false;
  if (canCorrect) {
    const kind = CORRECTABLE[reason];
    const left = MAX_CORRECTIONS - (claim.corrections?.length ?? 0);
    const needed = requiredDocuments({
      benefit: claim.benefit,
      incidentType: claim.incident.type,
      relationship: claim.claimant.relationship,
      cause: claim.incident.cause,
    }).filter((d) => !claim.documents.some((have) => have.type === d));
    correctionTakesFiles = kind === 'documents' && needed.length > 0;
    const memberFields = kind === 'member' && [
      html`<label for="r-member-nik">${tr('reopen.correct.memberNik')}</label>${err('member.nik')}`,
      html`<input id="r-member-nik" name="member.nik" inputmode="numeric" autocomplete="off" maxlength="20" value="${opts.values?.memberNik ?? claim.member.nik}"${invalid('member.nik')}>`,
      html`<label for="r-member-name">${tr('reopen.correct.memberName')}</label>${err('member.name')}`,
      html`<input id="r-member-name" name="member.name" maxlength="100" value="${opts.values?.memberName ?? claim.member.name}"${invalid('member.name')}>`,
    ];
    correction = html`${[
      html`<section class="summary notice" id="correction" aria-labelledby="correction-title"><h2 id="correction-title">${tr('reopen.correct.title')}</h2>`,
      opts.form === 'correction' && opts.problem && html`<p class="err" role="alert">${opts.problem}</p>`,
      html`<p>${tr(kind === 'member' ? 'reopen.correct.member' : 'reopen.correct.documents')}</p>`,
      html`<p class="muted">${tr('reopen.correct.left', { count: left })}</p>`,
      html`<form method="post" action="/claims/${claim.reference}/correction${en}"${correctionTakesFiles && html` id="claim-form"`}>`,
      nikField,
      memberFields,
      kind === 'documents' && docRows(needed, 'c'),
      err('documents'),
      html`<p><button type="submit">${tr('reopen.correct.submit')}</button></p></form></section>`,
    ]}`;
  }

  const deadline = appealDeadline(claim, opts.appealWindowDays);
  const canAppeal = deadline !== undefined && appealRefusal(claim, opts.today, opts.appealWindowDays) === undefined;
  const appeal =
    canAppeal &&
    html`${[
      html`<details id="appeal"${(!canCorrect || opts.form === 'appeal') && html` open`}><summary>${tr('reopen.appeal.title')}</summary>`,
      opts.form === 'appeal' && opts.problem && html`<p class="err" role="alert">${opts.problem}</p>`,
      html`<p>${tr('reopen.appeal.intro', { deadline: longDate(`${deadline}T12:00:00+07:00`, opts.lang) })}</p>`,
      html`<form method="post" action="/claims/${claim.reference}/appeal${en}"${!correctionTakesFiles && html` id="claim-form"`}>`,
      nikField,
      html`<label for="r-statement">${tr('reopen.appeal.statement')}</label><p class="help" id="r-statement-help">${tr('reopen.appeal.statementHelp')}</p>${err('statement')}`,
      html`<textarea id="r-statement" name="statement" rows="5" maxlength="2000" aria-describedby="r-statement-help"${errors.statement && html` aria-invalid="true"`}>${opts.values?.statement ?? ''}</textarea>`,
      html`<p><strong>${tr('reopen.appeal.documents')}</strong></p>`,
      docRows(['OTHER'], 'a'),
      html`<p><button type="submit">${tr('reopen.appeal.submit')}</button></p></form></details>`,
    ]}`;

  return { ...(correction ? { correction } : {}), ...(appeal ? { actions: appeal } : {}) };
};

/** What the family reads when a correction or appeal is refused (a ConflictError's code); another code reads as "try again". */
export const refusalText = (code: string, lang: Lang, appealWindowDays: number): string => {
  const tr = translator(lang);
  switch (code) {
    case 'NOT_REJECTED':
    case 'NOT_CORRECTABLE':
    case 'CLAIM_WINDOW_EXPIRED':
    case 'ALREADY_APPEALED':
    case 'DUPLICATE_CLAIM':
      return tr(`reopen.refused.${code}`);
    case 'TOO_MANY_CORRECTIONS':
      return tr('reopen.refused.TOO_MANY_CORRECTIONS', { max: MAX_CORRECTIONS });
    case 'APPEAL_WINDOW_CLOSED':
      return tr('reopen.refused.APPEAL_WINDOW_CLOSED', { days: appealWindowDays });
    default:
      return tr('reopen.refused.retry');
  }
};
