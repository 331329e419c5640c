import { currentPeriod, periodsBetween } from '../../kernel/periods';
import { longDate } from '../../kernel/time';
import { type Lang, translator } from '../../messages';
import { html, type SafeHtml } from '../../platform/web/html';
import { staffLayout } from '../../platform/web/staff-layout';
import { programme } from '../../reference-data/programmes';
import { PROVINCES } from '../../reference-data/regions';
import type { Coverage, Member } from '../domain/member';

/** A claim of the member, as the page lists it. */
export interface MemberClaim {
  reference: string;
  status: string;
  benefit: 'JKM' | 'JKK';
  submittedAt: string;
  /** Whether this NIK is the claim's member, its claimant, or both. */
  as: ('member' | 'claimant')[];
}

/** A month of coverage as the member JSON gives it. */
export type MonthCoverage = Omit<Coverage, 'nik'>;

/** At most this many months in the grid: three years back from now. */
const MONTHS_SHOWN = 36;

const rupiah = (amount: number) => `Rp${new Intl.NumberFormat('id-ID').format(amount)}`;
const langParam = (lang: Lang) => (lang === 'en' ? '?lang=en' : '');

const monthName = (period: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { month: 'short', timeZone: 'UTC' }).format(
    new Date(`${period}-15T00:00:00Z`),
  );

/** A coverage category's mark beside its words: the colour is never the only sign. */
const MARK: Record<string, string> = {
  PAID: '✓',
  OVERPAID: '✓',
  UNPAID: '✗',
  UNDERPAID: '!',
  PAID_FOR_INACTIVE: '!',
  UNKNOWN_MEMBER: '?',
};

/**
 * Coverage month by month, a year to a row of small cells (three or four a line on a 360 px phone): each month with
 * its category in words and a mark, and the amounts owed and paid when it is not simply paid. Months from enrolment
 * (at most three years back) to this month; a month not reconciled yet says so.
 */
const coverageGrid = (member: Member, coverage: readonly MonthCoverage[], lang: Lang, now: Date): SafeHtml => {
  const tr = translator(lang);
  const byPeriod = new Map(coverage.map((c) => [c.period, c]));
  const last = [currentPeriod(now), ...coverage.map((c) => c.period)].sort().at(-1)!;
  const first = [member.enrolledOn.slice(0, 7), ...coverage.map((c) => c.period)].sort()[0]!;
  const periods = (first <= last ? periodsBetween(first, last) : [last]).slice(-MONTHS_SHOWN);
  const years = [...new Set(periods.map((p) => p.slice(0, 4)))];
  return html`${years.map((year) => {
    const cells = periods
      .filter((p) => p.startsWith(year))
      .map((p) => {
        const c = byPeriod.get(p);
        if (!c) return html`<li class="month month-none"><span class="m">${monthName(p, lang)}</span> ${tr('member.coverage.none')}</li>`;
        const amounts =
          c.category !== 'PAID' &&
          html`<span class="amounts">${tr('member.coverage.amounts', { paid: rupiah(c.paid.total), expected: rupiah(c.expected.total) })}</span>`;
        return html`<li class="month month-${c.category === 'OVERPAID' ? 'PAID' : c.category}"><span class="m">${monthName(p, lang)}</span> ${
          MARK[c.category] ?? ''
        } ${tr(`coverageCategory.${c.category}`)}${amounts}</li>`;
      });
    return html`<h3>${year}</h3><ul class="months">${cells}</ul>`;
  })}`;
};

export interface MemberPageInput {
  lang: Lang;
  user: { username: string; roles: readonly string[] };
  member: Member & { coverage: MonthCoverage[] };
  claims: MemberClaim[];
  now?: Date;
}

/**
 * The member page for staff (the JSON of `GET /staff/members/{nik}` as a page): who the member is, in words
 * (programme, region, status), their status and wage history, their premium coverage month by month, and their claims.
 */
export const renderMemberPage = (input: MemberPageInput): string => {
  const { lang, member, claims } = input;
  const tr = translator(lang);
  const prog = programme(member.program);
  const province = PROVINCES[member.province];
  const facts: [string, SafeHtml | string][] = [
    [tr('member.nik'), member.nik],
    [tr('member.programme'), prog ? `${prog.name} (${prog.code})` : member.program],
    member.kpj ? [tr('member.kpj'), member.kpj] : undefined,
    [
      tr('member.region'),
      tr('member.regionText', { province: province ?? member.province, regency: member.regency, district: member.district }),
    ],
    [tr('member.enrolledOn'), longDate(`${member.enrolledOn}T12:00:00+07:00`, lang)],
    [tr('member.status'), tr(`member.status.${member.status}`)],
    [tr('member.wage'), rupiah(member.monthlyWage)],
  ].filter((f): f is [string, string] => f !== undefined);
  const statusHistory = [...member.statusHistory]
    .sort((a, b) => a.on.localeCompare(b.on))
    .map((s) => html`<li>${longDate(`${s.on}T12:00:00+07:00`, lang)}: ${tr(`member.status.${s.status}`)}</li>`);
  const wages = [...(member.wageHistory ?? [])]
    .sort((a, b) => a.from.localeCompare(b.from))
    .map((w) => html`<li>${tr('member.wageFrom', { date: longDate(`${w.from}T12:00:00+07:00`, lang) })}: ${rupiah(w.monthlyWage)}</li>`);
  const claimItems = claims.map(
    (c) =>
      html`<li><p><a href="/staff/claims/${c.reference}${langParam(lang)}"><strong>${c.reference}</strong></a> · ${tr(
        `claimStatus.${c.status as 'PAID'}`,
      )}</p><p>${tr(`status.benefit.${c.benefit}`)} · ${tr('staff.queue.submitted', { date: longDate(c.submittedAt, lang) })}</p><p class="muted">${c.as
        .map((a) => tr(`member.claimAs.${a}`))
        .join(', ')}</p></li>`,
  );
  const other: Lang = lang === 'id' ? 'en' : 'id';
  const langSwitch = html`<a href="/staff/members/${member.nik}${other === 'en' ? '?lang=en' : ''}" lang="${other}" hreflang="${other}">${tr(
    'layout.otherLanguage',
  )}</a>`;
  const body = html`${[
    html`<h1>${member.name}</h1><p class="muted">${tr('member.title')}</p>`,
    html`<dl class="facts">${facts.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`,
    html`<h2>${tr('member.statusHistory')}</h2><ul id="status-history">${statusHistory}</ul>`,
    html`<h2>${tr('member.wageHistory')}</h2>${
      wages.length > 0
        ? html`<ul id="wage-history">${wages}</ul>`
        : html`<p>${tr('member.wageOnly', { wage: rupiah(member.monthlyWage) })}</p>`
    }`,
    html`<h2 id="coverage">${tr('member.coverage')}</h2><p class="muted">${tr('member.coverage.help')}</p>`,
    coverageGrid(member, member.coverage, lang, input.now ?? new Date()),
    html`<h2 id="claims">${tr('member.claims')}</h2>`,
    claims.length > 0 ? html`<ul class="cards" aria-labelledby="claims">${claimItems}</ul>` : html`<p>${tr('member.noClaims')}</p>`,
  ]}`;
  return staffLayout({ lang, title: `${member.name} · ${tr('member.title')}`, body, user: input.user, active: 'search', langSwitch });
};
