import { longDate } from '../../kernel/time';
import { type Lang, translator } from '../../messages';
import { html, type SafeHtml } from '../../platform/web/html';
import { staffLayout } from '../../platform/web/staff-layout';
import type { StaffUser } from '../../staff/domain/roles';
import { ALL, type DeadlineState, QUEUE_TABS, type QueueCounts, type QueueName, type QueueRow } from '../application/approval/staff-queues';
import { rupiah } from './status-page';

/** `&lang=en` for the English pages, nothing for Bahasa Indonesia (the default). */
const langParam = (lang: Lang, first = false) => (lang === 'en' ? `${first ? '?' : '&'}lang=en` : '');
export const queueHref = (queue: QueueName, lang: Lang) => `/staff/claims?status=${queue}${langParam(lang)}`;

/** A count as words: "12", or "1000+" when the count stopped at its cap. */
const countText = (c: { count: number; capped: boolean } | undefined) => (c ? `${c.count}${c.capped ? '+' : ''}` : '');

/**
 * Where a claim stands against its legal deadline, in words, with a colour and a mark beside them (never colour
 * alone): on time (green), due today (amber), late (red); nothing to colour for a claim not complete yet or closed.
 */
export const deadlineBadge = (d: DeadlineState, lang: Lang): SafeHtml => {
  const tr = translator(lang);
  switch (d.state) {
    case 'onTime':
      return html`<span class="deadline deadline-ok">✓ ${tr('staff.queue.deadline.onTime', { days: d.daysLeft, date: longDate(d.deadline, lang) })}</span>`;
    case 'dueToday':
      return html`<span class="deadline deadline-today">! ${tr('staff.queue.deadline.dueToday')}</span>`;
    case 'late':
      return html`<span class="deadline deadline-late">✗ ${tr('staff.queue.deadline.late', { days: d.daysLate, date: longDate(d.deadline, lang) })}</span>`;
    case 'closed':
      return html`<span class="deadline deadline-none">${tr('staff.queue.deadline.closed')}</span>`;
    default:
      return html`<span class="deadline deadline-none">${tr('staff.queue.deadline.notComplete')}</span>`;
  }
};

const row = (r: QueueRow, lang: Lang, showStatus: boolean): SafeHtml => {
  const tr = translator(lang);
  const age = tr(r.complete ? 'staff.queue.ageComplete' : 'staff.queue.ageSubmitted', { days: r.ageWorkingDays });
  return html`<li class="queue-item"><p><a href="/staff/claims/${r.reference}${langParam(lang, true)}"><strong>${r.reference}</strong></a>${
    showStatus && html` · ${tr(`claimStatus.${r.status}`)}`
  }</p><p>${tr(`status.benefit.${r.benefit}`)}</p><p>${tr('staff.queue.member')}: ${r.memberName}</p><p>${
    r.amount !== undefined ? rupiah(r.amount) : tr('staff.queue.notCalculated')
  } · ${tr('staff.queue.submitted', { date: longDate(r.submittedAt, lang) })}</p><p>${age}</p><p>${deadlineBadge(r.deadline, lang)}</p></li>`;
};

export interface QueuePageInput {
  lang: Lang;
  user: StaffUser;
  queue: QueueName;
  rows: QueueRow[];
  counts: Partial<QueueCounts>;
  /** The next page's token, when there is one. */
  nextToken?: string;
  /** This page is not the first (a "back to the start" link). */
  paged?: boolean;
}

/**
 * A staff queue: the statuses as tabs with their counts (waiting for a decision first), an "all" tab, the claims of
 * the open tab (reference, benefit and member in words, amount, age in working days and the deadline), and paging.
 * An empty queue says so and points to the tabs that have claims.
 */
export const renderStaffQueue = (input: QueuePageInput): string => {
  const { lang, queue, rows, counts } = input;
  const tr = translator(lang);
  const name = queue === ALL ? tr('staff.queue.all') : tr(`claimStatus.${queue}`);
  const tab = (q: QueueName, label: string, count: string) =>
    html`<li><a href="${queueHref(q, lang)}"${q === queue && html` aria-current="page"`}>${label}${count && html` <span class="count">(${count})</span>`}</a></li>`;
  const tabs = html`<nav aria-label="${tr('staff.queue.tabs')}"><ul class="tabs">${[
    ...QUEUE_TABS.map((s) => tab(s, tr(`claimStatus.${s}`), countText(counts[s]))),
    tab(ALL, tr('staff.queue.all'), ''),
  ]}</ul></nav>`;
  const others = QUEUE_TABS.filter((s) => s !== queue && (counts[s]?.count ?? 0) > 0);
  const empty = html`<div class="summary" id="empty"><p>${tr(input.paged ? 'staff.queue.emptyPage' : 'staff.queue.empty')}</p>${
    others.length > 0
      ? html`<p>${tr('staff.queue.tryOthers')}</p><ul>${others.map((s) => html`<li><a href="${queueHref(s, lang)}">${tr(`claimStatus.${s}`)} (${countText(counts[s])})</a></li>`)}</ul>`
      : queue !== ALL && html`<p><a href="${queueHref(ALL, lang)}">${tr('staff.queue.seeAll')}</a></p>`
  }</div>`;
  const order = queue === ALL ? tr('staff.queue.orderNewest') : tr('staff.queue.orderOldest');
  const paging = [
    input.nextToken &&
      html`<a href="${queueHref(queue, lang)}&amp;nextToken=${encodeURIComponent(input.nextToken)}" rel="next">${tr('staff.queue.next')}</a>`,
    input.paged && html` <a href="${queueHref(queue, lang)}">${tr('staff.queue.first')}</a>`,
  ];
  const other: Lang = lang === 'id' ? 'en' : 'id';
  const langSwitch = html`<a href="/staff/claims?status=${queue}${other === 'en' ? '&lang=en' : ''}" lang="${other}" hreflang="${other}">${tr('layout.otherLanguage')}</a>`;
  const body = html`${[
    html`<h1>${tr('staff.queue.heading', { status: name })}</h1>`,
    tabs,
    html`<h2 id="claims">${name}${queue !== ALL && counts[queue] && html` <span class="count">(${countText(counts[queue])})</span>`}</h2>`,
    rows.length > 0
      ? html`<p class="muted">${order}</p><ul class="cards queue" aria-labelledby="claims">${rows.map((r) => row(r, lang, queue === ALL))}</ul>`
      : empty,
    (input.nextToken || input.paged) && html`<p class="paging">${paging}</p>`,
  ]}`;
  return staffLayout({ lang, title: tr('staff.queue.title'), body, user: input.user, active: 'queue', langSwitch });
};
