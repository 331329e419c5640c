import { type Lang, translator } from '../../messages';
import { html, type SafeHtml } from '../../platform/web/html';
import { layout } from '../../platform/web/layout';
import { uploadScriptTag } from '../../platform/web/upload-script';
import { contactFor, nationalNumber, whatsappLink } from '../../reference-data/contacts';
import type { Claim, DocumentType, TimelineEntry } from '../domain/claim';
import { componentLabel } from './labels';
import {
  type CalendarDeadline,
  type NextStep,
  nextStep,
  outcomeOf,
  paidTo,
  reasonText,
  refreshOf,
  type ScholarshipInfo,
  scholarshipInfo,
  type WorkingDeadline,
} from './status-view';

const fmtTime = (iso: string, lang: Lang) =>
  `${new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: 'Asia/Jakarta',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso))} WIB`;

/** A day as the deadline sentences say it: `Jumat, 4 Desember 2026` (a YYYY-MM-DD Jakarta date, or an ISO instant). */
const fmtDay = (date: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: 'Asia/Jakarta',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(date.length === 10 ? `${date}T12:00:00+07:00` : date));

/** Notes the system writes in Bahasa Indonesia into the timeline, said in the page's language. */
const SYSTEM_NOTES = ['timeline.payoutRetried', 'timeline.corrected', 'timeline.appealUpheld', 'timeline.appealRefused'] as const;

export const rupiah = (amount: number) => `Rp${new Intl.NumberFormat('id-ID').format(amount)}`;

export interface StatusPageOptions {
  /**
   * The access part of the query that opened the page, as the handler received it (`nik=…` typed by hand, or a signed
   * `t=…` from an email or SMS): opaque here, and carried by every link back to this page (language, refresh).
   */
  access: string;
  /** The family turned automatic updates off (`auto=off`): no refresh, a link to turn them on again. */
  autoOff?: boolean;
  /**
   * What the family can correct themselves (a mistyped member NIK, documents that came late): shown first, in words,
   * before the page says the claim cannot be paid (reopen-forms.ts).
   */
  correction?: SafeHtml;
  /** Forms for what the family can do about the decision (the appeal), shown right after it. */
  actions?: SafeHtml;
  /** The clock, for the days left to a deadline and the school year. */
  now?: Date;
}

/**
 * The family's status page: the outcome once, in a colour that matches it (with words, never colour alone), what
 * happens next and by when (working days on the holiday calendar), the forms for what the family can still send,
 * the breakdown and where the money went once paid, the children's scholarship, the history in plain words, and a
 * real contact. While the claim moves it refreshes itself (status.ts; a meta refresh without JavaScript), unless a
 * form is on the page or the family turned it off.
 */
export const renderStatusPage = (claim: Claim, lang: Lang, justSubmitted: boolean, options: StatusPageOptions): string => {
  const tr = translator(lang);
  const now = options.now ?? new Date();
  const en = lang === 'en' ? '?lang=en' : '';
  const self = (l: Lang, autoOff = !!options.autoOff) =>
    `/claims/${encodeURIComponent(claim.reference)}?${[options.access, l === 'en' && 'lang=en', autoOff && 'auto=off'].filter(Boolean).join('&')}`;
  const day = (date: string) => fmtDay(date, lang);

  // ---- The outcome, once -----------------------------------------------------------------------------------------
  const reason = reasonText(claim, lang);
  const paid = claim.payment && paidTo(claim.bankAccount);
  const outcome = html`<section class="outcome outcome-${outcomeOf(claim.status)}" id="decision">${[
    html`<p class="status" id="status">${tr(`claimStatus.${claim.status}`)}</p>`,
    reason ? html`<p>${tr('status.reason')}: ${reason}</p>` : html`<p>${tr(`claimStatus.${claim.status}.help`)}</p>`,
    claim.payment && html`<p>${tr('status.amount')}: <strong id="amount">${rupiah(claim.payment.amount)}</strong></p>`,
    claim.payment &&
      paid &&
      html`<p id="paid-to">${tr('status.paidOn', { date: day(claim.payment.paidAt), bank: paid.bank, last4: paid.last4 })}</p>`,
  ]}</section>`;

  // ---- Forms for what the family can send: missing documents, or proof of schooling --------------------------------
  const documentsForm = (rows: SafeHtml[], legend: string) => [
    html`<form method="post" action="/claims/${claim.reference}/documents${en}" id="claim-form">`,
    html`<input type="hidden" name="nik" value="${claim.claimant.nik}"><fieldset><legend>${legend}</legend>`,
    rows,
    html`</fieldset><p class="err" id="wait" hidden>${tr('upload.wait')}</p><noscript><p class="help">${tr('status.noscript')}</p></noscript>`,
    html`<p><button type="submit">${tr('status.send')}</button></p></form>`,
    uploadScriptTag(lang),
  ];
  // The same upload rows and script as the claim form: each file goes straight to storage, then one POST adds
  // them to the claim. Without JavaScript the list still tells the family what to bring to the office.
  const uploadRow = (type: DocumentType, i: number, label: string, schoolYear?: string) =>
    html`${[
      html`<div class="doc" data-doc="${type}"><label for="f-doc-${i}">${label}</label>`,
      html`<input type="hidden" name="documents[${i}].type" value="${type}"><input type="hidden" name="documents[${i}].uploadId" value="">`,
      schoolYear && html`<input type="hidden" name="documents[${i}].schoolYear" value="${schoolYear}">`,
      html`<input id="f-doc-${i}" type="file" accept="image/jpeg,image/png,application/pdf" hidden>`,
      html`<p class="muted" aria-live="polite"></p></div>`,
    ]}`;
  const stillOpen = claim.status === 'SUBMITTED' || claim.status === 'VERIFYING' || claim.status === 'NEEDS_DOCUMENTS';
  const missingForm =
    stillOpen && claim.missingDocuments.length > 0
      ? documentsForm(
          claim.missingDocuments.map((d, i) => uploadRow(d, i, tr(`document.${d}`))),
          tr('status.missing'),
        )
      : undefined;
  const scholarship = scholarshipInfo(claim, now);
  const scholarshipForm =
    scholarship?.canSend && !missingForm
      ? documentsForm(
          Array.from({ length: scholarship.maxChildren }, (_, i) =>
            uploadRow('SCHOOL_CERTIFICATE', i, tr('status.scholarship.child', { n: i + 1 }), scholarship.schoolYear),
          ),
          tr('status.scholarship.send', { schoolYear: scholarship.schoolYear }),
        )
      : undefined;
  const refresh = refreshOf(claim, { formShown: !!(missingForm || scholarshipForm), autoOff: !!options.autoOff });

  // ---- What happens next, and by when -----------------------------------------------------------------------------
  const next = nextStep(claim, now);
  const autoNote = refresh
    ? html`<p class="muted" id="auto">${tr('status.auto.on')} <a href="${self(lang, true)}">${tr('status.auto.stop')}</a></p>`
    : options.autoOff &&
      html`<p class="muted" id="auto">${tr('status.auto.off')} <a href="${self(lang)}">${tr('status.refreshNow')}</a> · <a href="${self(lang, false)}">${tr('status.auto.start')}</a></p>`;
  const nextSection = html`<section id="next"><h2>${tr('status.next.title')}</h2>${nextSentences(next, tr, day)}${autoNote}</section>`;

  // ---- The breakdown by component once computed (for an injury, once assessed): paid, or awaiting approval ----------
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

  // ---- The history, in plain words ----------------------------------------------------------------------------------
  const entryText = (e: TimelineEntry): string => {
    const tranche = e.tranche ? claim.tranches?.find((t) => t.id === e.tranche) : undefined;
    if (tranche)
      return tr('timeline.event.tranche', {
        kind: tr(`tranche.kind.${tranche.kind}`),
        amount: rupiah(tranche.amount),
        status: tr(`claimStatus.${e.status}`),
      });
    return tr(`timeline.event.${e.status}`);
  };
  // A rejection's or closure's note is its reason, shown once in the outcome above; a note the system wrote in
  // Bahasa Indonesia is said in the page's language when we know it.
  const noteOf = (e: TimelineEntry): string | undefined => {
    if (!e.note || e.tranche || e.status === 'REJECTED' || e.status === 'WITHDRAWN') return undefined;
    const known = SYSTEM_NOTES.find((key) => e.note === translator('id')(key));
    return known ? tr(known) : e.note;
  };
  const timeline = [...claim.timeline].reverse().map((e) => {
    const note = noteOf(e);
    return html`<li><time datetime="${e.at}">${fmtTime(e.at, lang)}</time> ${entryText(e)}${note && html`<br><span class="muted">${note}</span>`}</li>`;
  });

  const body = html`${[
    html`<h1>${tr('status.title')}</h1><p>${tr('status.reference')}: <strong id="reference">${claim.reference}</strong></p>`,
    justSubmitted && html`<p class="summary notice">${tr('status.keep')}</p>`,
    options.correction,
    outcome,
    options.actions,
    nextSection,
    missingForm,
    breakdown,
    tranches,
    scholarship && scholarshipSection(scholarship, tr, scholarshipForm),
    html`<h2>${tr('status.history')}</h2><ol class="timeline" id="timeline">${timeline}</ol>`,
    html`<table class="facts"><tr><th>${tr('status.benefit')}</th><td>${tr(`status.benefit.${claim.benefit}`)}</td></tr>`,
    html`<tr><th>${tr('status.submitted')}</th><td>${fmtTime(claim.submittedAt, lang)}</td></tr></table>`,
    contactSection(claim, tr),
    html`<p><a href="/${en}">${tr('status.back')}</a></p>`,
    refresh &&
      html`<script src="/assets/status.js" defer data-every="${refresh.pollSeconds}" data-seen="${claim.status}:${claim.timeline.length}"></script>`,
  ]}`;
  const other: Lang = lang === 'id' ? 'en' : 'id';
  const langSwitch = html`<a href="${self(other)}" lang="${other}" hreflang="${other}">${tr('layout.otherLanguage')}</a>`;
  // Without JavaScript the page reloads itself while the claim moves (with it, status.js looks for a change first).
  const head = refresh && html`<noscript><meta http-equiv="refresh" content="${refresh.metaSeconds};url=${self(lang)}"></noscript>`;
  return layout({ lang, title: `${tr('status.title')} ${claim.reference}`, body, langSwitch, head: head || undefined });
};

type Tr = ReturnType<typeof translator>;

const whenWorking = (d: Extract<WorkingDeadline, { late: false }>, tr: Tr, day: (date: string) => string): string =>
  d.workingDaysLeft === 0
    ? tr('status.when.lastDay', { date: day(d.date) })
    : d.workingDaysLeft === 1
      ? tr('status.when.workingDay', { date: day(d.date) })
      : tr('status.when.workingDays', { days: d.workingDaysLeft, date: day(d.date) });

const whenCalendar = (d: CalendarDeadline, tr: Tr, day: (date: string) => string): string =>
  d.daysLeft === 0
    ? tr('status.when.lastDay', { date: day(d.date) })
    : d.daysLeft === 1
      ? tr('status.when.day', { date: day(d.date) })
      : tr('status.when.days', { days: d.daysLeft, date: day(d.date) });

/** The payout deadline: days left, or plainly late (with an apology and the way to the contact). */
const deadlineSentence = (d: WorkingDeadline | undefined, tr: Tr, day: (date: string) => string): SafeHtml | undefined => {
  if (!d) return undefined;
  if (!d.late) return html`<p id="deadline">${tr('status.next.deadline', { when: whenWorking(d, tr, day) })}</p>`;
  const text =
    d.workingDaysLate > 0
      ? tr('status.next.late', { date: day(d.date), days: d.workingDaysLate })
      : tr('status.next.lateToday', { date: day(d.date) });
  return html`<p id="deadline" class="late">${text} <a href="#contact">${tr('status.contact.link')}</a></p>`;
};

const nextSentences = (next: NextStep, tr: Tr, day: (date: string) => string): SafeHtml => {
  const contactLink = html` <a href="#contact">${tr('status.contact.link')}</a>`;
  switch (next.kind) {
    case 'checking':
      return html`<p>${tr('status.next.checking')}</p><p>${tr('status.next.rule', { days: next.payoutDays })}</p>`;
    case 'documents':
      return html`${[
        next.dueBy?.late
          ? html`<p id="deadline" class="late">${tr('status.next.documentsLate', { date: day(next.dueBy.date) })}${contactLink}</p>`
          : html`<p id="deadline">${
              next.dueBy ? tr('status.next.documents', { when: whenCalendar(next.dueBy, tr, day) }) : tr('claimStatus.NEEDS_DOCUMENTS.help')
            }</p>`,
        html`<p>${tr('status.next.rule', { days: next.payoutDays })}</p>`,
      ]}`;
    case 'decision':
      return html`<p>${tr('status.next.decision')}</p>${deadlineSentence(next.deadline, tr, day)}`;
    case 'transfer':
      return html`<p>${tr('status.next.transfer')}</p>${deadlineSentence(next.deadline, tr, day)}`;
    case 'payoutFailed':
      return html`<p>${tr('status.next.payoutFailed')}${contactLink}</p>${deadlineSentence(next.deadline, tr, day)}`;
    case 'paid':
      return html`<p>${tr('status.next.paid')}</p>`;
    case 'rejected':
      return html`<p>${tr('status.next.rejected')}${contactLink}</p>`;
    case 'closed':
      return html`<p>${tr('status.next.closed')}</p>`;
    default:
      return html``;
  }
};

/** The children's scholarship: what it is, how much, and how to ask for it each school year (with the form once paid). */
const scholarshipSection = (s: ScholarshipInfo, tr: Tr, form: unknown[] | undefined): SafeHtml =>
  html`<section id="scholarship">${[
    html`<h2>${tr('status.scholarship.title')}</h2>`,
    s.lumpSum !== undefined
      ? html`<p>${tr('status.scholarship.lumpSum', { amount: rupiah(s.lumpSum) })}</p>`
      : [
          html`<p>${tr('status.scholarship.what', { children: s.maxChildren, age: s.ageLimit })}</p><ul>`,
          s.perYear.map(
            (l) => html`<li>${tr('status.scholarship.perYear', { level: tr(`schoolLevel.${l.level}`), amount: rupiah(l.amount) })}</li>`,
          ),
          html`</ul>`,
        ],
    html`<p>${tr('status.scholarship.how')}</p>`,
    s.proofsThisYear > 0 && html`<p>${tr('status.scholarship.received', { schoolYear: s.schoolYear, count: s.proofsThisYear })}</p>`,
    s.canSend ? (form as SafeHtml[] | undefined) : html`<p class="muted">${tr('status.scholarship.later')}</p>`,
  ]}</section>`;

/** Whom to contact, for the member's programme (stored on the claim at verification), or the sponsor's. */
const contactSection = (claim: Claim, tr: Tr): SafeHtml => {
  const c = contactFor(claim.verification?.program);
  return html`<section id="contact"><h2>${tr('status.contact.title')}</h2><p>${tr('status.contact.intro', { name: c.name })}</p><dl>${[
    c.phone && html`<dt>${tr('status.contact.phone')}</dt><dd><a href="tel:${c.phone}">${c.phone}</a></dd>`,
    c.whatsapp &&
      html`<dt>${tr('status.contact.whatsapp')}</dt><dd><a href="${whatsappLink(c.whatsapp)}">${nationalNumber(c.whatsapp)}</a></dd>`,
    c.address && html`<dt>${tr('status.contact.address')}</dt><dd>${c.address}</dd>`,
  ]}</dl></section>`;
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
