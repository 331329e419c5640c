import { longDate } from '../../kernel/time';
import { type Lang, translator } from '../../messages';
import { html } from '../../platform/web/html';
import { layout } from '../../platform/web/layout';
import type { StaffUser } from '../../staff/domain/roles';
import type { ClaimDraft } from '../application/ports';
import type { Claim } from '../domain/claim';
import { csrfInput } from './csrf-input';

/**
 * The field coordinator's page: a button to file a new claim for a family, their saved drafts, and the claims of their
 * districts with their status in words (who filed each: them, or the family). Server-rendered, no script.
 */
export const renderCoordinatorHome = (opts: {
  lang: Lang;
  user: StaffUser;
  drafts: ClaimDraft[];
  claims: Claim[];
  csrfToken: string;
  message?: string;
}): string => {
  const { lang, user } = opts;
  const tr = translator(lang);
  const en = lang === 'en' ? '?lang=en' : '';
  const draftRows = opts.drafts.map(
    (d) =>
      html`<li><a href="/staff/coordinator/claims/new?draft=${d.id}${lang === 'en' ? '&lang=en' : ''}">${d.label || tr('coordinator.draft.untitled')}</a> <span class="muted">${longDate(d.updatedAt, lang)}</span> <form method="post" action="/staff/coordinator/drafts/${d.id}/delete${en}" class="inline">${csrfInput(opts.csrfToken)}<button type="submit" class="secondary">${tr('coordinator.draft.delete')}</button></form></li>`,
  );
  const claimRows = opts.claims.map(
    (c) =>
      html`<tr><td><a href="/staff/coordinator/claims/${c.reference}${en}">${c.reference}</a></td><td>${c.member.name}</td><td>${tr(`claimStatus.${c.status}`)}</td><td>${longDate(c.submittedAt, lang)}</td><td>${c.filedBy?.username === user.username ? tr('coordinator.filedByYou') : tr('coordinator.filedByFamily')}</td></tr>`,
  );
  const body = html`${[
    html`<h1>${tr('coordinator.title')}</h1>`,
    html`<p class="muted">${tr('coordinator.signedInAs', { username: user.username, districts: (user.districts ?? []).join(', ') || '-' })}</p>`,
    opts.message && html`<div class="summary notice" role="status"><p>${opts.message}</p></div>`,
    html`<p>${tr('coordinator.intro')}</p><p><a class="btn" href="/staff/coordinator/claims/new${en}">${tr('coordinator.new')}</a></p>`,
    html`<h2>${tr('coordinator.drafts')}</h2>`,
    draftRows.length ? html`<ul id="drafts">${draftRows}</ul>` : html`<p>${tr('coordinator.noDrafts')}</p>`,
    html`<h2>${tr('coordinator.claims')}</h2>`,
    claimRows.length
      ? html`<div class="scroll"><table id="district-claims"><thead><tr><th>${tr('status.reference')}</th><th>${tr('coordinator.member')}</th><th>${tr('coordinator.status')}</th><th>${tr('status.submitted')}</th><th>${tr('coordinator.filedBy')}</th></tr></thead><tbody>${claimRows}</tbody></table></div>`
      : html`<p>${tr('coordinator.noClaims')}</p>`,
  ]}`;
  const langSwitch = html`<a href="/staff/coordinator${lang === 'id' ? '?lang=en' : ''}">${tr('layout.otherLanguage')}</a>`;
  return layout({ lang, title: tr('coordinator.title'), body, langSwitch });
};
