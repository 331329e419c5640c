import { type Lang, translator } from '../../messages';
import { html } from '../../platform/web/html';
import { layout } from '../../platform/web/layout';
import { uploadScriptTag } from '../../platform/web/upload-script';
import type { Claim } from '../domain/claim';
import { componentLabel } from './labels';

const fmtTime = (iso: string, lang: Lang) =>
  `${new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: 'Asia/Jakarta',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso))} WIB`;

export const rupiah = (amount: number) => `Rp${new Intl.NumberFormat('id-ID').format(amount)}`;

/**
 * `access` is the credential part of the query that opened the page (`t=<token>` from a status link, or `nik=<NIK>`
 * typed by hand), for the page's own links to the page (language switch, refresh), so they keep opening it.
 */
export const renderStatusPage = (claim: Claim, lang: Lang, justSubmitted: boolean, _access = ''): string => {
  const tr = translator(lang);
  const en = lang === 'en' ? '?lang=en' : '';
  const timeline = [...claim.timeline]
    .reverse()
    .map((e) => [
      html`<tr><td>${fmtTime(e.at, lang)}</td>`,
      html`<td>${tr(`claimStatus.${e.status}`)}${e.note && html`<br><span class="muted">${e.note}</span>`}</td></tr>`,
    ]);
  const stillOpen = claim.status === 'SUBMITTED' || claim.status === 'VERIFYING' || claim.status === 'NEEDS_DOCUMENTS';
  // The same upload rows and script as the claim form: each file goes straight to storage, then one POST adds
  // them to the claim. Without JavaScript the list still tells the family what to bring to the office.
  const rows = claim.missingDocuments.map((d, i) => [
    html`<div class="doc" data-doc="${d}"><label for="f-doc-${i}">${tr(`document.${d}`)}</label>`,
    html`<input type="hidden" name="documents[${i}].type" value="${d}"><input type="hidden" name="documents[${i}].uploadId" value="">`,
    html`<input id="f-doc-${i}" type="file" accept="image/jpeg,image/png,application/pdf" hidden>`,
    html`<p class="muted" aria-live="polite"></p></div>`,
  ]);
  const missing = stillOpen &&
    claim.missingDocuments.length > 0 && [
      html`<h2>${tr('status.missing')}</h2>`,
      html`<form method="post" action="/claims/${claim.reference}/documents${en}" id="claim-form">`,
      html`<input type="hidden" name="nik" value="${claim.claimant.nik}">`,
      rows,
      html`<p class="err" id="wait" hidden>${tr('upload.wait')}</p><noscript><p class="help">${tr('status.noscript')}</p></noscript>`,
      html`<p><button type="submit">${tr('status.send')}</button></p></form>`,
      uploadScriptTag(lang),
    ];
  // The breakdown by component once computed (for an injury, once assessed): paid, or awaiting approval.
  const computed = claim.status !== 'REJECTED' ? claim.verification?.benefit : undefined;
  const benefit = claim.payment
    ? { total: claim.payment.amount, components: claim.payment.components }
    : computed && { total: computed.total, components: computed.components };
  const breakdown = benefit &&
    benefit.total > 0 && [
      html`<h2>${tr('status.breakdown')}</h2><table id="breakdown">`,
      benefit.components.map((c) => html`<tr><td>${componentLabel(c.code, lang)}</td><td>${rupiah(c.amount)}</td></tr>`),
      html`<tr><th>${tr('staff.claim.total')}</th><th>${rupiah(benefit.total)}</th></tr></table>`,
      !claim.payment && html`<p class="muted">${tr('status.breakdownPending')}</p>`,
    ];
  // Further payments (more STMB months, a disability found later, a school year of scholarship), each on its own.
  const tranches = (claim.tranches ?? []).length > 0 && [
    html`<h2>${tr('tranche.title')}</h2><table id="tranches">`,
    (claim.tranches ?? []).map(
      (t) => html`<tr><td>${tr(`tranche.kind.${t.kind}`)}</td><td>${rupiah(t.amount)}</td><td>${tr(`claimStatus.${t.status}`)}</td></tr>`,
    ),
    html`</table>`,
  ];
  const body = html`${[
    html`<h1>${tr('status.title')}</h1><p>${tr('status.reference')}: <strong id="reference">${claim.reference}</strong></p>`,
    justSubmitted && html`<p class="summary notice">${tr('status.keep')}</p>`,
    html`<p class="status" id="status">${tr(`claimStatus.${claim.status}`)}</p><p>${tr(`claimStatus.${claim.status}.help`)}</p>`,
    claim.payment && html`<p>${tr('status.amount')}: <strong>${rupiah(claim.payment.amount)}</strong></p>`,
    breakdown,
    tranches,
    claim.decision?.reason && html`<p>${tr('status.reason')}: ${claim.decision.reason}</p>`,
    html`<table><tr><th>${tr('status.benefit')}</th><td>${claim.benefit}</td></tr>`,
    html`<tr><th>${tr('status.submitted')}</th><td>${fmtTime(claim.submittedAt, lang)}</td></tr></table>`,
    missing,
    html`<h2>${tr('status.history')}</h2><table>${timeline}</table><p><a href="/${en}">${tr('status.back')}</a></p>`,
  ]}`;
  return layout({ lang, title: `${tr('status.title')} ${claim.reference}`, body });
};

/** Why the lookup form is shown again: no such claim for this NIK, or too many wrong NIKs on the reference. */
export type LookupProblem = { kind: 'notFound' } | { kind: 'tooManyAttempts'; retryAfterSeconds: number };

export const renderLookupPage = (lang: Lang, values: { reference?: string; nik?: string }, problem?: LookupProblem): string => {
  const tr = translator(lang);
  const message =
    problem?.kind === 'notFound'
      ? tr('lookup.notFound')
      : problem?.kind === 'tooManyAttempts'
        ? tr('lookup.tooManyAttempts', { minutes: Math.max(1, Math.ceil(problem.retryAfterSeconds / 60)) })
        : undefined;
  const body = html`${[
    html`<h1>${tr('lookup.title')}</h1><p>${tr('lookup.help')}</p>`,
    message && html`<div class="summary" role="alert"><p>${message}</p></div>`,
    html`<form method="get" action="/status"><input type="hidden" name="lang" value="${lang}">`,
    html`<label for="ref">${tr('status.reference')}</label>`,
    html`<input id="ref" name="reference" value="${values.reference ?? ''}" autocapitalize="characters" maxlength="20">`,
    html`<label for="nik">${tr('lookup.nik')}</label>`,
    html`<input id="nik" name="nik" value="${values.nik ?? ''}" inputmode="numeric" maxlength="20" autocomplete="off">`,
    html`<p><button type="submit">${tr('lookup.check')}</button></p></form>`,
    html`<p><a href="/${lang === 'en' ? '?lang=en' : ''}">${tr('status.back')}</a></p>`,
  ]}`;
  return layout({ lang, title: tr('lookup.title'), body });
};
