import type { FieldError } from '../../kernel/errors';
import { type Lang, translator } from '../../messages';
import { html, type SafeHtml } from '../../platform/web/html';
import { errorMessage } from '../../platform/web/i18n';
import { staffLayout } from '../../platform/web/staff-layout';
import { PROVINCES } from '../../reference-data/regions';
import type { StaffAccount } from '../domain/accounts';
import { CSRF_FIELD } from '../domain/csrf';
import { ROLES, type StaffUser } from '../domain/roles';

/** What the page shows back after a refused form: the account it was for (or none: the new account), fields, values. */
export interface AdminFormState {
  username?: string;
  errors: FieldError[];
  values?: Record<string, unknown>;
  message?: string;
}

const csrf = (token: string) => html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;
const listText = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : typeof v === 'string' ? v : '');
const fieldErrors = (errors: FieldError[], prefix: string, field: string, lang: Lang): SafeHtml[] =>
  errors
    .filter((e) => e.path === field || e.path.startsWith(`${field}[`) || e.path.startsWith(`${field}.`))
    .slice(0, 1)
    .map((e) => html`<p class="err" id="${prefix}-${field}-err">${errorMessage(e.code, lang)}</p>`);

/** The roles, provinces and districts fields of one form (`prefix` keeps the ids unique on the page). */
const scopeFields = (
  prefix: string,
  values: { roles: readonly string[]; provinces: string; districts: string },
  errors: FieldError[],
  lang: Lang,
): SafeHtml => {
  const tr = translator(lang);
  const roleBoxes = ROLES.map(
    (role, i) =>
      html`<label class="choice"><input type="checkbox" name="roles[${i}]" value="${role}"${values.roles.includes(role) && html` checked`}>${tr(`staffRole.${role}`)}</label>`,
  );
  return html`${[
    html`<fieldset><legend>${tr('staffAdmin.roles')}</legend>${fieldErrors(errors, prefix, 'roles', lang)}${roleBoxes}</fieldset>`,
    html`<label for="${prefix}-provinces">${tr('staffAdmin.provinces')}</label>`,
    html`<p class="help" id="${prefix}-provinces-help">${tr('staffAdmin.provincesHelp')}</p>${fieldErrors(errors, prefix, 'provinces', lang)}`,
    html`<input id="${prefix}-provinces" name="provinces" inputmode="numeric" aria-describedby="${prefix}-provinces-help" value="${values.provinces}">`,
    html`<label for="${prefix}-districts">${tr('staffAdmin.districts')}</label>`,
    html`<p class="help" id="${prefix}-districts-help">${tr('staffAdmin.districtsHelp')}</p>${fieldErrors(errors, prefix, 'districts', lang)}`,
    html`<input id="${prefix}-districts" name="districts" inputmode="numeric" aria-describedby="${prefix}-districts-help" value="${values.districts}">`,
  ]}`;
};

const scopeText = (a: StaffAccount, lang: Lang): string => {
  const tr = translator(lang);
  if (!a.provinces.length && !a.districts.length) return tr('staffAdmin.national');
  return [...a.provinces.map((p) => `${PROVINCES[p] ?? p} (${p})`), ...a.districts.map((d) => `${tr('staffAdmin.district')} ${d}`)].join(
    ', ',
  );
};

/**
 * The admin's staff page: every account as a card (roles and scope in words, whether it may sign in), a form per
 * account to change its roles and scopes and a button to disable or enable it, and a form to create an account.
 * A list, not a table: one account reads top to bottom on a 360 px phone. Server-rendered, no script.
 */
export const renderStaffAdminPage = (opts: {
  lang: Lang;
  user: StaffUser;
  accounts: StaffAccount[];
  csrfToken: string;
  state?: AdminFormState;
}): string => {
  const { lang, user, state } = opts;
  const tr = translator(lang);
  const en = lang === 'en' ? '?lang=en' : '';
  const cards = opts.accounts.map((a) => {
    const mine = state && state.username === a.username;
    const errors = mine ? state.errors : [];
    const values = mine && state.values ? state.values : undefined;
    const roles = values ? (Array.isArray(values.roles) ? (values.roles as string[]) : []) : a.roles;
    const self = a.username === user.username;
    return html`<li id="user-${a.username}"><strong>${a.username}</strong> · ${a.email}<br>${a.roles.map((r) => tr(`staffRole.${r}`)).join(', ')}<br><span class="muted">${scopeText(a, lang)} · ${a.enabled ? tr('staffAdmin.enabled') : tr('staffAdmin.disabled')}</span>${[
      mine && state.message && html`<p class="err" role="alert">${state.message}</p>`,
      html`<details${mine && html` open`}><summary>${tr('staffAdmin.change', { username: a.username })}</summary>`,
      html`<form method="post" action="/staff/admin/users/${a.username}${en}">${csrf(opts.csrfToken)}`,
      scopeFields(
        `u-${a.username}`,
        {
          roles,
          provinces: values ? listText(values.provinces) : a.provinces.join(', '),
          districts: values ? listText(values.districts) : a.districts.join(', '),
        },
        errors,
        lang,
      ),
      html`<p><button type="submit">${tr('staffAdmin.save')}</button></p></form></details>`,
      // An admin cannot disable themselves: no button for their own account.
      !self &&
        html`<form method="post" action="/staff/admin/users/${a.username}${en}" class="inline">${csrf(opts.csrfToken)}<input type="hidden" name="enabled" value="${a.enabled ? 'false' : 'true'}"><button type="submit" class="secondary">${a.enabled ? tr('staffAdmin.disable', { username: a.username }) : tr('staffAdmin.enable', { username: a.username })}</button></form>`,
    ]}</li>`;
  });
  const creating = state && state.username === undefined;
  const created = (creating && state.values) || {};
  const createErrors = creating ? state.errors : [];
  const body = html`${[
    html`<h1>${tr('staffAdmin.title')}</h1><p>${tr('staffAdmin.intro')}</p>`,
    html`<h2>${tr('staffAdmin.accounts')}</h2>`,
    cards.length ? html`<ul class="cards" id="accounts">${cards}</ul>` : html`<p>${tr('staffAdmin.none')}</p>`,
    html`<h2 id="new">${tr('staffAdmin.create')}</h2>`,
    creating && state.message && html`<p class="err" role="alert">${state.message}</p>`,
    html`<form method="post" action="/staff/admin/users${en}">${csrf(opts.csrfToken)}`,
    html`<label for="new-username">${tr('staffAdmin.username')}</label><p class="help" id="new-username-help">${tr('staffAdmin.usernameHelp')}</p>`,
    fieldErrors(createErrors, 'new', 'username', lang),
    html`<input id="new-username" name="username" autocomplete="off" autocapitalize="none" aria-describedby="new-username-help" value="${typeof created.username === 'string' ? created.username : ''}">`,
    html`<label for="new-email">${tr('staffAdmin.email')}</label>${fieldErrors(createErrors, 'new', 'email', lang)}`,
    html`<input id="new-email" name="email" type="email" autocomplete="off" value="${typeof created.email === 'string' ? created.email : ''}">`,
    scopeFields(
      'new',
      {
        roles: Array.isArray(created.roles) ? (created.roles as string[]) : [],
        provinces: listText(created.provinces),
        districts: listText(created.districts),
      },
      createErrors,
      lang,
    ),
    html`<p><button type="submit">${tr('staffAdmin.submit')}</button></p></form>`,
  ]}`;
  const langSwitch = html`<a href="/staff/admin/users${lang === 'id' ? '?lang=en' : ''}">${tr('layout.otherLanguage')}</a>`;
  return staffLayout({ lang, title: tr('staffAdmin.title'), body, user, active: 'staff', langSwitch });
};
