import { longDate } from '../../kernel/time';
import { type Lang, translator } from '../../messages';
import { html, type SafeHtml } from '../../platform/web/html';
import { staffLayout } from '../../platform/web/staff-layout';
import type { StaffUser } from '../../staff/domain/roles';
import { NAME_SEARCH_BOUND, QUERY_MAX, type SearchHit, type SearchResult } from '../application/approval/staff-search';

const langParam = (lang: Lang) => (lang === 'en' ? '?lang=en' : '');

const hitItem = (h: SearchHit, lang: Lang): SafeHtml => {
  const tr = translator(lang);
  const matched = h.matched.map((m) => tr(`staff.search.matched.${m}`)).join(', ');
  return html`<li><p><a href="/staff/claims/${h.reference}${langParam(lang)}"><strong>${h.reference}</strong></a> · ${tr(
    `claimStatus.${h.status}`,
  )}</p><p>${tr(`status.benefit.${h.benefit}`)} · ${tr('staff.queue.submitted', { date: longDate(h.submittedAt, lang) })}</p><p>${tr(
    'staff.queue.member',
  )}: <a href="/staff/members/${h.memberNik}${langParam(lang)}">${h.memberName}</a></p><p>${tr('staff.search.claimant')}: ${
    h.claimantName
  }</p><p class="muted">${tr('staff.search.matchedOn', { what: matched })}</p></li>`;
};

export interface SearchPageInput {
  lang: Lang;
  user: StaffUser;
  /** What was typed, shown again in the box. */
  q?: string;
  result?: SearchResult;
  /** A refused search: the reason, shown beside the box. */
  error?: string;
}

/**
 * Search by claim reference, NIK or name: the box, then the claims found (each linked to its claim page and its
 * member's page) and, for a NIK on the roster, the member. A refused search says why beside the box.
 */
export const renderStaffSearch = (input: SearchPageInput): string => {
  const { lang, result, error } = input;
  const tr = translator(lang);
  const form = html`<form method="get" action="/staff/search" role="search" id="search-form">${
    lang === 'en' && html`<input type="hidden" name="lang" value="en">`
  }<label for="q">${tr('staff.search.label')}</label><p class="help" id="q-help">${tr('staff.search.help')}</p>${
    error && html`<p class="err" id="q-error">${error}</p>`
  }<input id="q" name="q" type="search" maxlength="${QUERY_MAX}" autocomplete="off" value="${input.q ?? ''}" aria-describedby="q-help${
    error ? ' q-error' : ''
  }"${error && html` aria-invalid="true"`}><p><button type="submit">${tr('staff.search.submit')}</button></p></form>`;
  let results: SafeHtml | false = false;
  if (result) {
    const member =
      result.member &&
      html`<div class="summary" id="member"><p>${tr('staff.search.member')}: <a href="/staff/members/${result.member.nik}${langParam(lang)}"><strong>${
        result.member.name
      }</strong></a> · ${result.member.program}</p></div>`;
    const none = !result.member && result.hits.length === 0;
    results = html`${[
      html`<h2 id="results">${tr('staff.search.results', { count: result.hits.length })}</h2>`,
      member,
      result.hits.length > 0 && html`<ul class="cards" aria-labelledby="results">${result.hits.map((h) => hitItem(h, lang))}</ul>`,
      none && html`<p id="none">${tr(`staff.search.none.${result.query.kind}`)}</p>`,
      result.bounded && html`<p class="muted" id="bounded">${tr('staff.search.bounded', { count: NAME_SEARCH_BOUND })}</p>`,
    ]}`;
  }
  const other: Lang = lang === 'id' ? 'en' : 'id';
  const query = input.q ? `q=${encodeURIComponent(input.q)}` : '';
  const otherHref = `/staff/search${[query, other === 'en' ? 'lang=en' : ''].filter(Boolean).length ? '?' : ''}${[query, other === 'en' ? 'lang=en' : ''].filter(Boolean).join('&')}`;
  const langSwitch = html`<a href="${otherHref}" lang="${other}" hreflang="${other}">${tr('layout.otherLanguage')}</a>`;
  const body = html`${[html`<h1>${tr('staff.search.title')}</h1>`, form, results]}`;
  return staffLayout({ lang, title: tr('staff.search.title'), body, user: input.user, active: 'search', langSwitch });
};
