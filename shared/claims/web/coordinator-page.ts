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
  // A list, not a table: on a 360 px phone each claim reads top to bottom without sideways scrolling.
  const claimRows = opts.claims.map(
    (c) =>
      html`<li><a href="/staff/coordinator/claims/${c.reference}${en}">${c.reference}</a> · ${c.member.name}<br><strong>${tr(`claimStatus.${c.status}`)}</strong><br><span class="muted">${longDate(c.submittedAt, lang)} · ${tr('coordinator.filedBy')}: ${c.filedBy?.username === user.username ? tr('coordinator.filedByYou') : tr('coordinator.filedByFamily')}</span></li>`,
  );
  const body = html`${[
    html`<h1>${tr('coordinator.title')}</h1>`,
    html`<p class="muted">${tr('coordinator.signedInAs', { username: user.username, districts: (user.districts ?? []).join(', ') || '-' })}</p>`,
    opts.message && html`<div class="summary notice" role="status"><p>${opts.message}</p></div>`,
    html`<p>${tr('coordinator.intro')}</p><p><a class="btn" href="/staff/coordinator/claims/new${en}">${tr('coordinator.new')}</a></p>`,
    html`<h2>${tr('coordinator.drafts')}</h2>`,
    draftRows.length ? html`<ul class="cards" id="drafts">${draftRows}</ul>` : html`<p>${tr('coordinator.noDrafts')}</p>`,
    html`<h2>${tr('coordinator.claims')}</h2>`,
    claimRows.length ? html`<ul class="cards" id="district-claims">${claimRows}</ul>` : html`<p>${tr('coordinator.noClaims')}</p>`,
  ]}`;
  const langSwitch = html`<a href="/staff/coordinator${lang === 'id' ? '?lang=en' : ''}">${tr('layout.otherLanguage')}</a>`;
  return layout({ lang, title: tr('coordinator.title'), body, langSwitch });
};

/**
 * One claim of the coordinator's districts: its status and history in words, what is still missing, who filed it.
 * No NIK, no account: the family sees the whole status page with their own NIK or link.
 */
export const renderCoordinatorClaim = (claim: Claim, lang: Lang): string => {
  const tr = translator(lang);
  const en = lang === 'en' ? '?lang=en' : '';
  const history = [...claim.timeline]
    .reverse()
    .map((e) => html`<li><time datetime="${e.at}">${longDate(e.at, lang)}</time> ${tr(`timeline.event.${e.status}`)}</li>`);
  const missing = claim.missingDocuments.map((d) => html`<li>${tr(`document.${d}`)}</li>`);
  const body = html`${[
    html`<h1>${tr('status.title')}</h1><p>${tr('status.reference')}: <strong id="reference">${claim.reference}</strong></p>`,
    html`<p>${tr('coordinator.member')}: ${claim.member.name}</p>`,
    html`<p class="status" id="status">${tr(`claimStatus.${claim.status}`)}</p><p>${tr(`claimStatus.${claim.status}.help`)}</p>`,
    claim.decision?.reason && html`<p>${tr('status.reason')}: ${claim.decision.reason}</p>`,
    missing.length > 0 && html`<h2>${tr('status.missing')}</h2><ul id="missing">${missing}</ul>`,
    html`<h2>${tr('status.history')}</h2><ol class="timeline">${history}</ol>`,
    html`<p class="muted">${tr('coordinator.familySees')}</p>`,
    html`<p><a href="/staff/coordinator${en}">${tr('coordinator.back')}</a></p>`,
  ]}`;
  const langSwitch = html`<a href="/staff/coordinator/claims/${claim.reference}${lang === 'id' ? '?lang=en' : ''}">${tr('layout.otherLanguage')}</a>`;
  return layout({ lang, title: `${tr('status.title')} ${claim.reference}`, body, langSwitch });
};
