import { type Lang, t } from '../../messages';
import { html, type SafeHtml } from '../../platform/web/html';
import { staffLayout } from '../../platform/web/staff-layout';
import { CSRF_FIELD } from '../../staff/domain/csrf';
import type { StoredReport } from '../application/ports';
import type { ReportPage } from '../application/reconciliation-report';
import type { DiscrepancyCategory } from '../domain/reconciliation';
import { DISCREPANCY_CATEGORIES } from '../domain/report-page';
import { dateTimeWords, monthWords, rupiah, triggerWords } from './words';

/**
 * The reconciliation pages of the staff console (finance's, as the API): the months with their last result and a
 * form to run one, and a month's report: the summary in words, the count of each category with its meaning, the
 * discrepancies a page at a time, filtered by category with a GET form, each linking to the member page, the CSV
 * export and the form to run the month again. NIKs are shown whole: finance matches them against the sponsor's
 * files (docs/security.md). Lists, not tables, so a 360 px phone reads them without sideways scrolling.
 */

export interface PageViewer {
  username: string;
  roles: readonly string[];
}

const withLang = (lang: Lang, path: string, params: Record<string, string | undefined> = {}): string => {
  const query = Object.entries({ ...params, lang: lang === 'en' ? 'en' : undefined })
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return query ? `${path}?${query}` : path;
};

const langSwitch = (lang: Lang, path: string, params: Record<string, string | undefined> = {}): SafeHtml =>
  html`<a href="${withLang(lang === 'id' ? 'en' : 'id', path, params)}" lang="${lang === 'id' ? 'en' : 'id'}">${t('layout.otherLanguage', lang)}</a>`;

const runForm = (lang: Lang, csrfToken: string, period: SafeHtml, label: string): SafeHtml =>
  html`<form method="post" action="${withLang(lang, '/staff/reconciliations')}" class="run"><input type="hidden" name="${CSRF_FIELD}" value="${csrfToken}">${period}<button type="submit">${label}</button></form>`;

const discrepancyCount = (counts: StoredReport['counts']) => DISCREPANCY_CATEGORIES.reduce((n, c) => n + (counts[c] ?? 0), 0);
const number = (n: number) => n.toLocaleString('id-ID');

/** `GET /staff/reconciliations`: the months (the newest first) with their last result, and the form to run one. */
export const renderReconciliationList = (opts: {
  lang: Lang;
  user: PageViewer;
  periods: readonly string[];
  reports: readonly StoredReport[];
  csrfToken: string;
}): string => {
  const { lang } = opts;
  const byPeriod = new Map(opts.reports.map((r) => [r.period, r]));
  const options = opts.periods.map((p) => html`<option value="${p}">${monthWords(p, lang)}</option>`);
  const items = opts.periods.map((p) => {
    const r = byPeriod.get(p);
    return html`<li><a href="${withLang(lang, `/staff/reconciliations/${p}`)}"><strong>${monthWords(p, lang)}</strong></a><br>${
      r
        ? html`${t('reconciliation.list.result', lang, {
            discrepancies: number(discrepancyCount(r.counts)),
            members: number(r.expected.members),
            paid: rupiah(r.paid.amount),
            expected: rupiah(r.expected.amount),
          })}<br><span class="muted">${t('reconciliation.report.ranAt', lang, { at: dateTimeWords(r.reconciledAt, lang), trigger: triggerWords(r.trigger, lang) })}</span>`
        : html`<span class="muted">${t('reconciliation.list.notYet', lang)}</span>`
    }</li>`;
  });
  const body = html`${[
    html`<h1>${t('reconciliation.list.title', lang)}</h1><p>${t('reconciliation.list.intro', lang)}</p>`,
    html`<h2>${t('reconciliation.run.heading', lang)}</h2>`,
    runForm(
      lang,
      opts.csrfToken,
      html`<label for="run-period">${t('reconciliation.run.period', lang)}</label><select id="run-period" name="period">${options}</select> `,
      t('reconciliation.run.button', lang),
    ),
    opts.reports.length === 0 && html`<p>${t('reconciliation.list.empty', lang)}</p>`,
    html`<ul class="cards" id="periods">${items}</ul>`,
  ]}`;
  return staffLayout({
    lang,
    title: t('reconciliation.list.title', lang),
    body,
    user: opts.user,
    active: 'reconciliations',
    langSwitch: langSwitch(lang, '/staff/reconciliations'),
  });
};

/** `GET /staff/reconciliations/{period}` for browsers: the month's report, or that it has none yet (`report` undefined). */
export const renderReconciliationReport = (opts: {
  lang: Lang;
  user: PageViewer;
  period: string;
  report: ReportPage | undefined;
  limit?: number;
  csrfToken: string;
  /** The page is not the first one (a `nextToken` was given): a link leads back to the first. */
  paged?: boolean;
  /** A run asked from this page is still going. */
  running?: boolean;
}): string => {
  const { lang, period, report } = opts;
  const month = monthWords(period, lang);
  const path = `/staff/reconciliations/${period}`;
  const limit = opts.limit && opts.limit !== 100 ? String(opts.limit) : undefined;
  const again = runForm(
    lang,
    opts.csrfToken,
    html`<input type="hidden" name="period" value="${period}">`,
    t('reconciliation.run.again', lang),
  );
  const running = opts.running && html`<p class="notice" role="status" id="running">${t('reconciliation.run.running', lang)}</p>`;
  const back = html`<p><a href="${withLang(lang, '/staff/reconciliations')}">${t('reconciliation.report.back', lang)}</a></p>`;
  const frame = (body: SafeHtml) =>
    staffLayout({
      lang,
      title: t('reconciliation.report.title', lang, { period: month }),
      body,
      user: opts.user,
      active: 'reconciliations',
      langSwitch: langSwitch(lang, path, { category: report?.category, limit }),
    });
  if (!report) {
    return frame(
      html`${[
        html`<h1>${t('reconciliation.report.heading', lang, { period: month })}</h1>`,
        running,
        html`<p>${t('reconciliation.report.missing', lang, { period: month })}</p>`,
        again,
        back,
      ]}`,
    );
  }
  const category = report.category;
  const summary = html`<dl id="summary">${[
    html`<dt>${t('reconciliation.report.members', lang)}</dt><dd>${number(report.expected.members)}</dd>`,
    html`<dt>${t('reconciliation.report.expected', lang)}</dt><dd>${rupiah(report.expected.amount)}</dd>`,
    html`<dt>${t('reconciliation.report.paid', lang)}</dt><dd>${rupiah(report.paid.amount)}</dd>`,
    html`<dt>${t('reconciliation.report.difference', lang)}</dt><dd>${rupiah(report.paid.amount - report.expected.amount)}</dd>`,
  ]}</dl>`;
  const categories = html`<ul class="cards" id="categories">${[
    html`<li><strong>${t('coverageCategory.PAID', lang)}</strong>: ${t('reconciliation.report.count', lang, { count: number(report.counts.PAID ?? 0) })}</li>`,
    ...DISCREPANCY_CATEGORIES.map(
      (c) =>
        html`<li><a href="${withLang(lang, path, { category: c })}"><strong>${t(`coverageCategory.${c}`, lang)}</strong></a>: ${t('reconciliation.report.count', lang, { count: number(report.counts[c] ?? 0) })}<br><span class="muted">${t(`coverageCategory.meaning.${c}`, lang)}</span></li>`,
    ),
  ]}</ul>`;
  const filter = html`<form method="get" action="${path}" id="filter">${[
    lang === 'en' && html`<input type="hidden" name="lang" value="en">`,
    html`<label for="category">${t('reconciliation.report.filter', lang)}</label><select id="category" name="category">`,
    html`<option value="">${t('reconciliation.report.all', lang)}</option>`,
    DISCREPANCY_CATEGORIES.map(
      (c: DiscrepancyCategory) =>
        html`<option value="${c}"${c === category && html` selected`}>${t(`coverageCategory.${c}`, lang)}</option>`,
    ),
    html`</select> <button type="submit">${t('reconciliation.report.show', lang)}</button></form>`,
  ]}`;
  const lines = report.discrepancies.map(
    (d) =>
      html`<li><a href="/staff/members/${d.nik}">${d.name ?? t('reconciliation.report.notOnRoster', lang)}</a>, NIK ${d.nik}<br><strong>${t(`coverageCategory.${d.category}`, lang)}</strong>: ${t('reconciliation.report.line', lang, { expected: rupiah(d.expected), paid: rupiah(d.paid), difference: rupiah(d.paid - d.expected) })}</li>`,
  );
  const showing = t('reconciliation.report.showing', lang, {
    count: number(report.discrepancies.length),
    filter: category ? t('reconciliation.report.filtered', lang, { category: t(`coverageCategory.${category}`, lang) }) : '',
  });
  const body = html`${[
    html`<h1>${t('reconciliation.report.heading', lang, { period: month })}</h1>`,
    html`<p class="muted">${t('reconciliation.report.ranAt', lang, { at: dateTimeWords(report.reconciledAt, lang), trigger: triggerWords(report.trigger, lang) })}</p>`,
    running,
    html`<h2>${t('reconciliation.report.summary', lang)}</h2>`,
    summary,
    html`<h2>${t('reconciliation.report.categories', lang)}</h2>`,
    categories,
    html`<p><a href="${path}?format=csv" id="csv" download>${t('reconciliation.report.csv', lang)}</a></p>`,
    html`<h2 id="list">${t('reconciliation.report.discrepancies', lang)}</h2>`,
    filter,
    html`<p class="muted">${showing}</p>`,
    lines.length === 0 ? html`<p>${t('reconciliation.report.none', lang)}</p>` : html`<ul class="cards" id="discrepancies">${lines}</ul>`,
    report.nextToken &&
      html`<p><a id="next" href="${withLang(lang, path, { category, limit, nextToken: report.nextToken })}#list">${t('reconciliation.report.next', lang)}</a></p>`,
    opts.paged && html`<p><a href="${withLang(lang, path, { category, limit })}#list">${t('reconciliation.report.first', lang)}</a></p>`,
    html`<h2>${t('reconciliation.run.heading', lang)}</h2><p class="muted">${t('reconciliation.run.againHelp', lang)}</p>`,
    again,
    back,
  ]}`;
  return frame(body);
};
