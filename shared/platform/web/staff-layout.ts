import { type Lang, t } from '../../messages';
import { html, type SafeHtml } from './html';
import { inlineStaffStylesheet } from './stylesheet';

/** The console's sections, in the order of the navigation bar; `roles` limits a link to those who may open it. */
export type StaffSection = 'queue' | 'search' | 'reports' | 'reconciliations' | 'staff';
export const STAFF_NAV: readonly { key: StaffSection; href: string; roles?: readonly string[] }[] = [
  { key: 'queue', href: '/staff/claims' },
  { key: 'search', href: '/staff/search' },
  { key: 'reports', href: '/staff/reports' },
  { key: 'reconciliations', href: '/staff/reconciliations', roles: ['finance'] },
  { key: 'staff', href: '/staff/admin/users', roles: ['admin'] },
];

/**
 * The frame of every staff page: the same inline stylesheet as the family's pages, a bar with the console's
 * sections, who is signed in and a sign-out link, and no family footer (staff pages are not the family's).
 * `active` marks the current section (`aria-current`).
 */
export const staffLayout = (opts: {
  lang: Lang;
  title: string;
  body: SafeHtml;
  user: { username: string; roles: readonly string[] };
  active?: StaffSection;
  langSwitch?: SafeHtml;
}): string => {
  const links = STAFF_NAV.filter((n) => !n.roles || n.roles.some((r) => opts.user.roles.includes(r))).map(
    (n) => html`<a href="${n.href}"${n.key === opts.active && html` aria-current="page"`}>${t(`staffNav.${n.key}`, opts.lang)}</a> `,
  );
  return [
    html`<!doctype html><html lang="${opts.lang}"><head><meta charset="utf-8">`,
    html`<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,">`,
    html`<title>${opts.title} · Santunan</title>${inlineStaffStylesheet()}</head>`,
    html`<body><header class="staff"><strong>Santunan</strong> · ${t('staffNav.tagline', opts.lang)}`,
    html`<nav aria-label="${t('staffNav.label', opts.lang)}">${links}</nav>`,
    html`<p class="who">${opts.user.username}${opts.langSwitch && html` · ${opts.langSwitch}`} · `,
    html`<a href="/staff/logout">${t('staffNav.signOut', opts.lang)}</a></p></header>`,
    html`<main>${opts.body}</main></body></html>`,
  ].join('');
};
