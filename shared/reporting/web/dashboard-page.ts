import { BENEFITS } from '../../claims/domain/claim';
import { csvDocument } from '../../kernel/csv';
import type { FieldError } from '../../kernel/errors';
import { type Lang, t, translator } from '../../messages';
import { html, type SafeHtml } from '../../platform/web/html';
import { errorMessage } from '../../platform/web/i18n';
import { staffLayout } from '../../platform/web/staff-layout';
import { DIMENSIONS, type Dimension, type ReportSummary } from '../domain/summary';
import { barChart, lineChart } from './charts';
import { dayName, monthName, number, percent, rupiah, valueLabel } from './labels';
import { type ReportTable, type ReportTableName, reportTable } from './tables';

export interface DashboardOptions {
  lang: Lang;
  user: { username: string; roles: readonly string[] };
  /** The range as typed (kept in the form, and in the CSV links). */
  query: { from?: string; to?: string };
  /** A refused range: the form comes back with the messages, and no figures. */
  errors?: FieldError[];
}

const linkQuery = (summary: ReportSummary, lang: Lang, extra: Record<string, string> = {}): string => {
  const q = new URLSearchParams({ from: summary.range.from, to: summary.range.to, ...extra });
  if (lang === 'en') q.set('lang', 'en');
  return q.toString();
};

/** A table in a region that scrolls sideways by itself, so the page never does on a 360 px phone. */
const tableHtml = (table: ReportTable, lang: Lang): SafeHtml => {
  const columns = table.columns.map((c, i) => ({ ...c, i })).filter((c) => !c.csvOnly);
  if (table.rows.length === 0) return html`<p class="muted">${t('report.none', lang)}</p>`;
  return html`<div class="report-table" role="region" aria-labelledby="h-${table.name}" tabindex="0"><table><thead><tr>${columns.map(
    (c) => html`<th scope="col"${c.numeric && html` class="num"`}>${c.label}</th>`,
  )}</tr></thead><tbody>${table.rows.map(
    (row) =>
      html`<tr>${columns.map((c) => {
        const cell = row[c.i]!;
        const content = cell.href ? html`<a href="${cell.href}">${cell.text}</a>` : cell.text;
        return html`<td${c.numeric && html` class="num"`}>${content}</td>`;
      })}</tr>`,
  )}</tbody></table></div>`;
};

const csvLink = (summary: ReportSummary, table: ReportTable, lang: Lang): SafeHtml =>
  html`<p class="report-csv"><a href="/staff/reports?${linkQuery(summary, lang, { format: 'csv', table: table.name })}" download>${t(
    'report.csv',
    lang,
    { table: table.title },
  )}</a></p>`;

const section = (summary: ReportSummary, name: ReportTableName, lang: Lang, before: readonly (SafeHtml | false)[] = []): SafeHtml => {
  const table = reportTable(summary, name, lang);
  return html`<section id="${name}"><h2 id="h-${name}">${table.title}</h2>${before}${tableHtml(table, lang)}${csvLink(summary, table, lang)}</section>`;
};

const figures = (s: ReportSummary, lang: Lang): SafeHtml => {
  const tr = translator(lang);
  const latest = s.coverage;
  const days = (n: number | null) => (n === null ? '-' : tr('report.days', { days: number(n, lang) }));
  const items: [string, string, wide?: boolean][] = [
    [tr('report.received'), number(s.claims.received, lang)],
    [
      tr('report.decided'),
      number(
        s.months.reduce((sum, m) => sum + m.decided, 0),
        lang,
      ),
    ],
    [
      tr('report.rejected'),
      number(
        s.months.reduce((sum, m) => sum + m.rejected, 0),
        lang,
      ),
    ],
    [tr('report.claimsPaid'), number(s.payouts.claims, lang)],
    [tr('report.transfers'), number(s.payouts.count, lang)],
    [tr('report.amount'), rupiah(s.payouts.amount), true],
    [tr('report.medianDays'), days(s.daysToPay.median)],
    [tr('report.p90Days'), days(s.daysToPay.p90)],
    [tr('report.breachCount'), number(s.deadlineBreaches, lang)],
    [tr('report.coverageLatest'), latest ? `${percent(latest.rate, lang)} (${monthName(latest.period, lang)})` : '-'],
  ];
  return html`<section id="figures"><h2>${tr('report.figures')}</h2><dl class="report-figures">${items.map(
    ([dt, dd, wide]) => html`<div${wide && html` class="wide"`}><dt>${dt}</dt><dd>${dd}</dd></div>`,
  )}</dl></section>`;
};

const monthCharts = (s: ReportSummary, lang: Lang): SafeHtml[] => {
  const tr = translator(lang);
  const active = s.months;
  const desc = active
    .map((m) => tr('report.chart.monthsDesc', { month: monthName(m.period, lang), received: m.received, paid: m.paid }))
    .join(' ');
  return [
    html`<p class="muted">${tr('report.chart.legend')}</p>`,
    barChart({
      id: 'chart-months',
      title: tr('report.chart.months'),
      desc,
      groups: active.map((m) => ({
        label: monthName(m.period, lang),
        bars: [
          { value: m.received, text: tr('report.chart.received', { n: number(m.received, lang) }) },
          { value: m.paid, text: tr('report.chart.paid', { n: number(m.paid, lang) }), tone: 'second' as const },
        ],
      })),
    }),
    barChart({
      id: 'chart-amount',
      title: tr('report.chart.amount'),
      desc: active.map((m) => `${monthName(m.period, lang)}: ${rupiah(m.amount)}.`).join(' '),
      groups: active.map((m) => ({ label: monthName(m.period, lang), bars: [{ value: m.amount, text: rupiah(m.amount) }] })),
    }),
  ];
};

const totalsChart = (s: ReportSummary, dimension: Dimension, lang: Lang): SafeHtml | false => {
  const counts = {
    benefit: s.claims.byBenefit,
    cause: s.claims.byCause,
    programme: s.claims.byProgramme,
    province: s.claims.byProvince,
  }[dimension];
  const entries = Object.entries(counts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  if (entries.length === 0) return false;
  const title = t('report.chart.totals', lang, { dimension: t(`report.dimension.${dimension}`, lang).toLowerCase() });
  return barChart({
    id: `chart-${dimension}`,
    title,
    desc: entries.map(([value, n]) => `${valueLabel(dimension, value, lang)}: ${number(n, lang)}.`).join(' '),
    groups: entries.map(([value, n]) => ({ label: valueLabel(dimension, value, lang), bars: [{ value: n, text: number(n, lang) }] })),
  });
};

const daysChart = (s: ReportSummary, lang: Lang): SafeHtml => {
  const tr = translator(lang);
  const dash = (n: number | null) => (n === null ? '-' : number(n, lang));
  return barChart({
    id: 'chart-days',
    title: tr('report.chart.days'),
    desc: BENEFITS.map((b) => {
      const x = s.daysToPay.byBenefit[b];
      return tr('report.chart.daysDesc', {
        benefit: valueLabel('benefit', b, lang),
        median: dash(x.median),
        p90: dash(x.p90),
        deadline: x.deadlineWorkingDays,
      });
    }).join(' '),
    groups: BENEFITS.map((b) => {
      const x = s.daysToPay.byBenefit[b];
      return {
        label: valueLabel('benefit', b, lang),
        bars: [
          { value: x.median ?? 0, text: `${tr('report.median')} ${dash(x.median)}` },
          { value: x.p90 ?? 0, text: `${tr('report.p90')} ${dash(x.p90)}`, tone: 'second' as const },
        ],
        mark: { value: x.deadlineWorkingDays, text: `${tr('report.deadline')} ${x.deadlineWorkingDays}` },
      };
    }),
  });
};

const coverageChart = (s: ReportSummary, lang: Lang): SafeHtml | false =>
  s.coverageByMonth.length > 0 &&
  lineChart({
    id: 'chart-coverage',
    title: t('report.chart.coverage', lang),
    desc: s.coverageByMonth.map((c) => `${monthName(c.period, lang)}: ${percent(c.rate, lang)}.`).join(' '),
    points: s.coverageByMonth.map((c) => ({ label: monthName(c.period, lang, 'short'), value: c.rate, text: percent(c.rate, lang) })),
  });

const rangeForm = (opts: DashboardOptions): SafeHtml => {
  const tr = translator(opts.lang);
  const errorOf = (path: string) => opts.errors?.find((e) => e.path === path);
  const field = (name: 'from' | 'to') => {
    const error = errorOf(name);
    return html`<div><label for="r-${name}">${tr(`report.${name}`)}</label><input id="r-${name}" name="${name}" value="${opts.query[name] ?? ''}" placeholder="2026-01" autocomplete="off" aria-describedby="r-help${error ? ` r-${name}-err` : ''}"${error && html` aria-invalid="true" class="bad"`}>${
      error && html`<p class="err" id="r-${name}-err">${error.message ?? errorMessage(error.code, opts.lang)}</p>`
    }</div>`;
  };
  return html`<form method="get" action="/staff/reports" class="report-range">${opts.lang === 'en' && html`<input type="hidden" name="lang" value="en">`}<div class="report-range-fields">${field('from')}${field('to')}</div><p class="help" id="r-help">${tr('report.rangeHelp')}</p><p><button type="submit">${tr('report.show')}</button></p></form>`;
};

/** The dashboard: figures, charts and tables of a range, each table with its CSV. */
export const renderDashboard = (summary: ReportSummary | undefined, opts: DashboardOptions): string => {
  const { lang } = opts;
  const tr = translator(lang);
  const other = lang === 'en' ? 'id' : 'en';
  const switchQuery = new URLSearchParams({ ...(summary ? { from: summary.range.from, to: summary.range.to } : {}) });
  if (other === 'en') switchQuery.set('lang', 'en');
  const langSwitch = html`<a href="/staff/reports${switchQuery.size ? `?${switchQuery}` : ''}" lang="${other}">${other === 'en' ? 'English' : 'Bahasa Indonesia'}</a>`;
  const body = html`${[
    html`<h1>${tr('report.title')}</h1>`,
    summary &&
      html`<p id="range">${tr('report.range', { from: dayName(summary.range.from, lang), to: dayName(summary.range.to, lang) })}</p>`,
    rangeForm(opts),
    summary && [
      html`<p class="muted report-print-hint">${tr('report.print')}</p>`,
      figures(summary, lang),
      section(summary, 'months', lang, monthCharts(summary, lang)),
      section(summary, 'daysToPay', lang, [html`<p>${tr('report.daysIntro')}</p>`, daysChart(summary, lang)]),
      section(summary, 'breaches', lang, [html`<p>${tr('report.breachesIntro')}</p>`]),
      ...DIMENSIONS.map((d) => section(summary, d, lang, [totalsChart(summary, d, lang)])),
      section(summary, 'status', lang),
      section(summary, 'coverage', lang, [
        html`<p>${tr('report.coverageIntro')}</p>`,
        summary.coverageByMonth.length === 0 && html`<p class="muted">${tr('report.noCoverage')}</p>`,
        coverageChart(summary, lang),
      ]),
    ],
  ]}`;
  return staffLayout({ lang, title: tr('report.title'), body, user: opts.user, active: 'reports', langSwitch });
};

/** The byte-order mark Excel needs to read a CSV as UTF-8 (without it, any letter outside ASCII comes out garbled). */
export const BOM = '\uFEFF';

/** One table of the dashboard as CSV (with a BOM): the codes beside their words, numbers as numbers. */
export const dashboardCsv = (summary: ReportSummary, name: ReportTableName, lang: Lang): string => {
  const table = reportTable(summary, name, lang);
  return (
    BOM +
    csvDocument(
      table.columns.map((c) => c.label),
      table.rows.map((row) => row.map((cell) => cell.csv)),
    )
  );
};
