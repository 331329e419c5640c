import { nextPeriod, periodOf, periodsBetween, previousPeriod } from '../../kernel/periods';
import { hasMessage, type Lang, messageText, t, translator } from '../../messages';
import { type HtmlValue, html, type SafeHtml } from '../../platform/web/html';
import { staffLayout } from '../../platform/web/staff-layout';
import { inlineStaffStylesheet } from '../../platform/web/stylesheet';
import { BANKS } from '../../reference-data/banks';
import { programme as programmeOf } from '../../reference-data/programmes';
import { PROVINCES } from '../../reference-data/regions';
import type { StaffUser } from '../../staff/domain/roles';
import { STAFF_REJECTION_REASONS } from '../application/approval/decide';
import { REVOKE_LINK_ROLES } from '../application/approval/revoke-links';
import type { AuditEvent, Claim } from '../domain/claim';
import { CLOSABLE, CLOSE_REASON_CODES, CLOSE_REASON_TEXTS, CLOSE_ROLES } from '../domain/closure';
import { assessmentForm } from './assessment-form';
import { csrfInput } from './csrf-input';
import { componentLabel } from './labels';
import { rupiah } from './status-page';
import { dateTimeWords, dateWords } from './templates/format';

/** The claim page's own words, in the language asked for (`?lang=en`); the queue below keeps Bahasa Indonesia. */
type Tr = ReturnType<typeof translator>;

/** `3 Oktober 2026 pukul 14.05 WIB`, the way the staff emails write a time. */
const timeWords = (iso: string, lang: Lang) => dateTimeWords(iso, lang);
const wordsOr = (key: string, lang: Lang, fallback: string): string => (hasMessage(key) ? messageText(key, lang) : fallback);
/** Forms post back in the page's language: the answer (the claim page, or an error) is in it too. */
const langQuery = (lang: Lang) => (lang === 'en' ? '?lang=en' : '');
const kb = (bytes: number) => `${Math.max(1, Math.ceil(bytes / 1024))} KB`;

/** A list of facts (`<dl>`): one line each on a phone, no table to scroll sideways. */
const facts = (id: string, pairs: [string, HtmlValue][]): SafeHtml =>
  html`<dl class="facts" id="${id}">${pairs.map(([name, value]) => html`<div><dt>${name}</dt><dd>${value}</dd></div>`)}</dl>`;

/** The member as the roster knows them (programme and region), from the members table. */
export interface StaffMemberView {
  program: string;
  province: string;
  regency?: string;
}

/** One month of premium coverage (the reconciliation's coverage item) around the incident. */
export interface StaffCoverageMonth {
  period: string;
  category: string;
  expected: number;
  paid: number;
}

/** What an approver needs first: member, heir, benefit and amount, deadline. */
const summary = (claim: Claim, member: StaffMemberView | undefined, tr: Tr, lang: Lang): SafeHtml => {
  const v = claim.verification;
  const rosterName = v?.memberName && v.memberName !== claim.member.name && ` ${tr('staff.claim.rosterName', { name: v.memberName })}`;
  const programme = member ? (programmeOf(member.program)?.name ?? member.program) : v?.program;
  const region = member && [PROVINCES[member.province] ?? member.province];
  const incident = [
    tr(`incidentType.${claim.incident.type}`),
    ` · ${dateWords(claim.incident.date, lang)}`,
    claim.incident.cause && ` · ${wordsOr(`cause.${claim.incident.cause}`, lang, claim.incident.cause)}`,
  ];
  const total = v?.benefit?.total;
  return facts('summary', [
    [tr('staff.claim.member'), [html`<strong>${claim.member.name}</strong>`, rosterName]],
    [tr('staff.claim.programme'), programme ?? '-'],
    [tr('staff.claim.region'), region ?? tr('staff.claim.memberUnknown')],
    [
      tr('staff.claim.heir'),
      [
        html`<strong>${claim.claimant.name}</strong> · ${tr(`relationship.${claim.claimant.relationship}`)}`,
        claim.claimant.ward && ` · ${tr('form.wardName')}: ${claim.claimant.ward.name} (${dateWords(claim.claimant.ward.birthDate, lang)})`,
      ],
    ],
    [tr('staff.claim.benefit'), tr(`benefitName.${claim.benefit}`)],
    [tr('staff.claim.incident'), incident],
    [tr('staff.claim.amount'), total !== undefined ? html`<strong>${rupiah(total)}</strong>` : tr('staff.claim.notCalculated')],
    [tr('staff.claim.deadline'), v?.approval?.deadline ? timeWords(v.approval.deadline, lang) : '-'],
  ]);
};

/**
 * Premiums month by month around the incident (five months before it to the month after), from the coverage items:
 * each month in words with its category (paid, unpaid...), the incident's month marked.
 */
const coverageSection = (claim: Claim, coverage: readonly StaffCoverageMonth[] | undefined, tr: Tr, lang: Lang): SafeHtml => {
  const incidentMonth = periodOf(claim.incident.date);
  let from = incidentMonth;
  for (let i = 0; i < 5; i += 1) from = previousPeriod(from);
  const months = periodsBetween(from, nextPeriod(incidentMonth));
  const byPeriod = new Map((coverage ?? []).map((c) => [c.period, c]));
  const monthName = (period: string) => dateWords(`${period}-01`, lang).replace(/^1 /, '');
  const items = months.map((period) => {
    const c = byPeriod.get(period);
    const word = c ? wordsOr(`coverageCategory.${c.category}`, lang, c.category) : '-';
    const cls = !c ? 'none' : c.category === 'PAID' ? 'ok' : 'bad';
    return html`<li class="${cls}"${period === incidentMonth && html` aria-current="true"`}><span>${monthName(period)}</span> <strong>${word}</strong>${
      period === incidentMonth && html` <em>(${tr('staff.claim.incidentMonth')})</em>`
    }</li>`;
  });
  return html`${[
    html`<h2>${tr('staff.claim.coverage')}</h2>`,
    coverage === undefined || byPeriod.size === 0 ? html`<p class="muted">${tr('staff.claim.coverageNone')}</p>` : false,
    html`<ol class="months" id="coverage">${items}</ol>`,
  ]}`;
};

const flagsSection = (claim: Claim, tr: Tr): SafeHtml => {
  const v = claim.verification;
  const flags = v?.flags.length
    ? html`<ul id="flags" class="flags">${v.flags.map((f) => html`<li><strong>${tr(`flagName.${f}`)}</strong>: ${tr(`flag.${f}`)}</li>`)}</ul>`
    : html`<p id="flags">${tr('staff.claim.noFlags')}</p>`;
  const competing = v?.competingClaims?.length
    ? html`<p id="competing">${tr('staff.claim.competing')} ${v.competingClaims.map((r) => html`<a href="/staff/claims/${r}">${r}</a> `)}</p>`
    : false;
  return html`<h2>${tr('staff.claim.flags')}</h2>${flags}${competing}`;
};

const benefitSection = (benefit: NonNullable<Claim['verification']>['benefit'], tr: Tr, lang: Lang): SafeHtml => {
  if (!benefit) return html`<h2>${tr('staff.claim.calculation')}</h2><p>${tr('staff.claim.notCalculated')}</p>`;
  const lines = benefit.components.map(
    (c) =>
      html`<div><dt>${componentLabel(c.code, lang)}</dt><dd>${rupiah(c.amount)}${c.basis && html` <span class="muted">${c.basis}</span>`}</dd></div>`,
  );
  const note = [benefit.ruleSet, benefit.scholarshipEligible && ` · ${tr('staff.claim.scholarship')}`];
  return html`${[
    html`<h2>${tr('staff.claim.calculation')}</h2><dl class="facts" id="benefit">${lines}`,
    html`<div class="total"><dt>${tr('staff.claim.total')}</dt><dd><strong>${rupiah(benefit.total)}</strong> <span class="muted">${note}</span></dd></div></dl>`,
  ]}`;
};

/** Each document opens inline through its own route (audited, then a 60-second presigned GET). */
const documentsSection = (claim: Claim, tr: Tr): SafeHtml => {
  const items = claim.documents.map((d, i) => {
    const name = tr(`document.${d.type}`);
    const kind = d.contentType === 'application/pdf' ? 'PDF' : d.contentType.replace('image/', '').toUpperCase();
    return html`<li><a href="/staff/claims/${claim.reference}/documents/${i + 1}" target="_blank" rel="noopener">${tr(
      'staff.claim.openDocument',
      { document: name, size: `${kind}, ${kb(d.size)}` },
    )}</a></li>`;
  });
  const missing = claim.missingDocuments.map((d) => tr(`document.${d}`)).join(', ');
  return html`${[
    html`<h2>${tr('staff.claim.documents')}</h2>`,
    claim.documents.length
      ? html`<ul id="documents" class="docs">${items}</ul><p class="help">${tr('staff.claim.documentsHelp')}</p>`
      : html`<p id="documents">${tr('staff.claim.noDocuments')}</p>`,
    missing && html`<p>${tr('staff.claim.missing', { documents: missing })}</p>`,
  ]}`;
};

/** The rest of the claim, below the decision: account, dates, approvals so far. */
const details = (claim: Claim, tr: Tr, lang: Lang): SafeHtml => {
  const v = claim.verification;
  const approvals = claim.approvals ?? [];
  const account = claim.bankAccount;
  const level = v?.approval?.level;
  return html`<h2>${tr('staff.claim.detailsHeading')}</h2>${facts('details', [
    [
      tr('staff.claim.account'),
      // The name beside the code: staff compare it with the bank book, and a hundred codes are not memorised.
      `${BANKS[account.bankCode] ?? account.bankCode} · ****${account.accountNumber.slice(-4)} · ${account.accountHolder}`,
    ],
    [tr('staff.claim.submitted'), timeWords(claim.submittedAt, lang)],
    [
      tr('staff.claim.approvals'),
      [
        tr('staff.claim.approvalsCount', { done: approvals.length, needed: v?.approval?.secondApprovalRequired ? 2 : 1 }),
        approvals.length > 0 && ` (${tr('staff.claim.approvedBy', { names: approvals.map((a) => a.by).join(', ') })})`,
        level && ` · ${tr('staff.claim.level', { level: tr(`approvalLevel.${level}`) })}`,
        claim.pendingTask?.escalated && ` · ${tr('staff.claim.escalated')}`,
      ],
    ],
  ])}`;
};

const decisionForm = (reference: string, csrfToken: string, tr: Tr, lang: Lang, tranche?: string): SafeHtml => {
  const reasons = Object.entries(STAFF_REJECTION_REASONS).map(([code, r]) => html`<option value="${code}">${r[lang]}</option>`);
  const id = tranche ? `decision-form-${tranche}` : 'decision-form';
  return html`${[
    html`<h2 id="${tranche ? `decision-${tranche}` : 'decision'}">${tranche ? tr('staff.tranche.decision', { tranche }) : tr('staff.claim.decision')}</h2>`,
    html`<form method="post" action="/staff/claims/${reference}/decision${langQuery(lang)}" id="${id}" class="decision">${csrfInput(csrfToken)}`,
    tranche && html`<input type="hidden" name="tranche" value="${tranche}">`,
    html`<label class="choice"><input type="radio" name="decision" value="approve" required>${tr('staff.claim.approve')}</label>`,
    html`<label class="choice"><input type="radio" name="decision" value="reject">${tr('staff.claim.reject')}</label>`,
    html`<label for="${id}-reasonCode">${tr('staff.claim.reasonCode')}</label>`,
    html`<select id="${id}-reasonCode" name="reasonCode"><option value="">${tr('staff.claim.reasonPick')}</option>${reasons}</select>`,
    html`<label for="${id}-note">${tr('staff.claim.note')}</label><textarea id="${id}-note" name="note" rows="2" maxlength="500" aria-describedby="${id}-noteHelp"></textarea>`,
    html`<p class="help" id="${id}-noteHelp">${tr('staff.claim.noteInAudit')}</p>`,
    html`<p><button type="submit">${tr('staff.claim.sendDecision')}</button></p></form>`,
  ]}`;
};

/** Further payments (tranches T2, T3...): each with its amount and status, and its own decision form while it waits. */
const tranchesSection = (claim: Claim, user: StaffUser, csrfToken: string, tr: Tr, lang: Lang): SafeHtml | false => {
  const tranches = claim.tranches ?? [];
  if (tranches.length === 0) return false;
  const mayDecide = user.roles.some((r) => r === 'approver' || r === 'supervisor');
  const items = tranches.map(
    (t) =>
      html`<li id="${t.id}"><strong>${t.id}</strong> · ${tr(`tranche.kind.${t.kind}`)} · ${rupiah(t.amount)} · ${tr(`claimStatus.${t.status}`)} <span class="muted">${t.requestedBy}</span></li>`,
  );
  const forms = tranches
    .filter((t) => mayDecide && t.status === 'AWAITING_APPROVAL' && t.pendingTask?.kind === 'decision')
    .map((t) => decisionForm(claim.reference, csrfToken, tr, lang, t.id));
  return html`${[html`<h2>${tr('tranche.title')}</h2><ul id="tranches" class="cards">${items}</ul>`, forms]}`;
};

/** Closing a claim before its decision (supervisors): folded away, since it is the exception. */
const closeForm = (reference: string, csrfToken: string, tr: Tr, lang: Lang): SafeHtml => {
  const reasons = CLOSE_REASON_CODES.map((code) => html`<option value="${code}">${CLOSE_REASON_TEXTS[code][lang]}</option>`);
  return html`${[
    html`<details id="close"><summary>${tr('staff.claim.close')}</summary>`,
    html`<form method="post" action="/staff/claims/${reference}/close${langQuery(lang)}" id="close-form">${csrfInput(csrfToken)}`,
    html`<label for="close-reasonCode">${tr('staff.claim.closeReason')}</label>`,
    html`<select id="close-reasonCode" name="reasonCode" required><option value="">-</option>${reasons}</select>`,
    html`<label for="close-note">${tr('staff.claim.note')}</label><textarea id="close-note" name="note" rows="2" maxlength="500"></textarea>`,
    html`<p><button type="submit">${tr('staff.claim.sendClose')}</button></p></form></details>`,
  ]}`;
};

/** The family's appeal (reopening.ts): their statement, the decision they contest, and (supervisors) the form to answer it. */
const appealSection = (claim: Claim, user: StaffUser, csrfToken: string, tr: Tr, lang: Lang): SafeHtml | false => {
  const appeal = claim.appeal;
  if (!appeal) return false;
  const canAnswer = claim.status === 'APPEALED' && !appeal.outcome && user.roles.includes('supervisor');
  const code = appeal.against.reasonCode;
  const reasonWords = code && STAFF_REJECTION_REASONS[code] ? STAFF_REJECTION_REASONS[code][lang] : appeal.against.reason;
  const against = [reasonWords ?? '-', appeal.against.decidedBy && ` (${appeal.against.decidedBy})`];
  const outcome = appeal.outcome && (appeal.outcome === 'upheld' ? tr('staff.appeal.uphold') : tr('staff.appeal.refuse'));
  return html`${[
    html`<h2 id="appeal">${tr('staff.appeal.title')}</h2>`,
    html`<p><strong>${tr('staff.appeal.against')}</strong>: ${against}</p>`,
    html`<p><strong>${tr('staff.appeal.statement')}</strong></p><blockquote id="appeal-statement">${appeal.statement}</blockquote>`,
    appeal.outcome && html`<p id="appeal-outcome">${outcome} · ${appeal.decidedBy ?? ''} · ${appeal.note ?? ''}</p>`,
    canAnswer &&
      html`${[
        html`<form method="post" action="/staff/claims/${claim.reference}/appeal-decision${langQuery(lang)}" id="appeal-form">${csrfInput(csrfToken)}`,
        html`<label class="choice"><input type="radio" name="decision" value="uphold" required>${tr('staff.appeal.uphold')}</label>`,
        html`<label class="choice"><input type="radio" name="decision" value="refuse">${tr('staff.appeal.refuse')}</label>`,
        html`<label for="appeal-note">${tr('staff.appeal.note')}</label><textarea id="appeal-note" name="note" rows="2" maxlength="500"></textarea>`,
        html`<p><button type="submit">${tr('staff.appeal.submit')}</button></p></form>`,
      ]}`,
  ]}`;
};

/** Folded: revoking the family's status links is rare (a lost phone, a forwarded message); the family gets a new one. */
const revokeLinksForm = (reference: string, csrfToken: string, tr: Tr, lang: Lang): SafeHtml =>
  html`${[
    html`<details id="links"><summary>${tr('staff.claim.revokeLinks')}</summary><p>${tr('staff.claim.revokeLinksHelp')}</p>`,
    html`<form method="post" action="/staff/claims/${reference}/links/revoke${langQuery(lang)}" id="links-form">${csrfInput(csrfToken)}`,
    html`<label for="links-note">${tr('staff.claim.note')}</label><textarea id="links-note" name="note" rows="2" maxlength="500"></textarea>`,
    html`<p><button type="submit">${tr('staff.claim.sendRevoke')}</button></p></form></details>`,
  ]}`;

const retryForm = (claim: Claim, csrfToken: string, tr: Tr, lang: Lang): SafeHtml => {
  const payoutError = (claim as Claim & { payoutError?: string }).payoutError ?? '';
  return html`${[
    html`<h2>${tr('staff.claim.transfer')}</h2><p>${String(payoutError)}</p>`,
    html`<form method="post" action="/staff/claims/${claim.reference}/payout-retry${langQuery(lang)}">${csrfInput(csrfToken)}`,
    html`<button type="submit">${tr('staff.claim.retryTransfer')}</button></form>`,
  ]}`;
};

/** The audit trail in words: what happened, by whom, and the decision note or the document opened. */
const auditList = (audit: AuditEvent[], tr: Tr, lang: Lang): SafeHtml => {
  const items = audit.map((a) => {
    const what = wordsOr(`auditEvent.${a.type}`, lang, tr('auditEvent.OTHER'));
    const note = typeof a.details?.note === 'string' && a.details.note;
    const documentType = typeof a.details?.documentType === 'string' && a.details.documentType;
    const who = [tr(`actor.${a.actor.kind}`), a.actor.id && `: ${a.actor.id}`];
    return html`<li><time datetime="${a.at}">${timeWords(a.at, lang)}</time><strong>${what}</strong> · ${who}${
      documentType && html`<br>${tr('staff.claim.documentOf', { document: wordsOr(`document.${documentType}`, lang, documentType) })}`
    }${note && html`<br><q>${tr('staff.claim.noteOf', { note })}</q>`}</li>`;
  });
  return html`<h2>${tr('staff.claim.audit')}</h2><ol class="timeline" id="audit">${items}</ol>`;
};

const timelineList = (claim: Claim, tr: Tr, lang: Lang): SafeHtml => {
  const items = claim.timeline.map(
    (e) =>
      html`<li><time datetime="${e.at}">${timeWords(e.at, lang)}</time><strong>${e.tranche ? `${e.tranche} · ` : ''}${tr(`claimStatus.${e.status}`)}</strong>${
        e.note && html` · ${e.note}`
      }</li>`,
  );
  return html`<h2>${tr('staff.claim.history')}</h2><ol class="timeline" id="history">${items}</ol>`;
};

/**
 * The claim as staff see it (the link in notification emails), in the staff layout, in Bahasa Indonesia or English
 * (`?lang=en`). On a phone the first screen holds what an approver needs, in this order: the status, member and heir,
 * benefit and amount, coverage month by month around the incident, the flags with their meaning, the breakdown, the
 * documents, then the decision form; the details, the history and the audit trail follow. Every code is written as
 * words. Rendering never changes state. Every post form carries the session's form token (`csrfToken`), without which
 * a cookie-signed post is refused.
 */
export const renderStaffClaimPage = (
  claim: Claim,
  audit: AuditEvent[],
  user: StaffUser,
  {
    csrfToken,
    message,
    lang = 'id',
    member,
    coverage,
  }: { csrfToken: string; message?: string; lang?: Lang; member?: StaffMemberView; coverage?: readonly StaffCoverageMonth[] },
): string => {
  const tr = translator(lang);
  const v = claim.verification;
  const canDecide = claim.status === 'AWAITING_APPROVAL' && claim.pendingTask?.kind === 'decision';
  const mayDecide = user.roles.some((r) => r === 'approver' || r === 'supervisor');
  const canAssess =
    canDecide &&
    claim.benefit === 'JKK' &&
    claim.incident.type === 'injury' &&
    user.roles.some((r) => r === 'verifier' || r === 'supervisor');
  const canClose = CLOSABLE.includes(claim.status) && user.roles.some((r) => (CLOSE_ROLES as readonly string[]).includes(r));
  const canRetry = claim.status === 'PAYOUT_FAILED' && claim.pendingTask?.kind === 'payout' && user.roles.includes('finance');
  const canRevokeLinks = user.roles.some((r) => (REVOKE_LINK_ROLES as readonly string[]).includes(r));
  const other: Lang = lang === 'id' ? 'en' : 'id';
  const langSwitch = html`<a href="/staff/claims/${claim.reference}${other === 'en' ? '?lang=en' : ''}" hreflang="${other}" lang="${other}">${t('staff.lang.switch', lang)}</a>`;
  const body = html`${[
    html`<h1>${tr('staff.claim.title', { reference: claim.reference })}</h1>`,
    message && html`<div class="summary notice" role="status"><p>${message}</p></div>`,
    html`<p class="status" id="status">${tr(`claimStatus.${claim.status}`)}</p>`,
    summary(claim, member, tr, lang),
    coverageSection(claim, coverage, tr, lang),
    flagsSection(claim, tr),
    benefitSection(v?.benefit, tr, lang),
    documentsSection(claim, tr),
    canDecide && mayDecide && decisionForm(claim.reference, csrfToken, tr, lang),
    canAssess && assessmentForm(claim, lang, csrfToken),
    tranchesSection(claim, user, csrfToken, tr, lang),
    appealSection(claim, user, csrfToken, tr, lang),
    details(claim, tr, lang),
    canClose && closeForm(claim.reference, csrfToken, tr, lang),
    canRetry && retryForm(claim, csrfToken, tr, lang),
    canRevokeLinks && revokeLinksForm(claim.reference, csrfToken, tr, lang),
    timelineList(claim, tr, lang),
    auditList(audit, tr, lang),
  ]}`;
  return staffLayout({ lang, title: tr('staff.claim.title', { reference: claim.reference }), body, user, active: 'queue', langSwitch });
};

/** A staff page for someone not signed in (yet): the console's bar without sections or sign-out. */
const signedOutPage = (pageLang: Lang, title: string, body: SafeHtml, head: SafeHtml | false = false): string =>
  [
    html`<!doctype html><html lang="${pageLang}"><head><meta charset="utf-8">`,
    html`<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,">${head}`,
    html`<title>${title} · Santunan</title>${inlineStaffStylesheet()}</head>`,
    html`<body><header class="staff"><strong>Santunan</strong> · ${t('staffNav.tagline', pageLang)}</header>`,
    html`<main>${body}</main></body></html>`,
  ].join('');

/**
 * After the hosted sign-in: the session cookie is set, and this page opens the page asked for at once. A page and
 * not a 302: the session cookie is SameSite=Strict, which a browser leaves out of a redirect chain that started on
 * the sign-in domain, but sends on a navigation this page starts. `next` is a checked same-site `/staff/` path.
 */
export const renderSignedIn = (next: string, pageLang: Lang = 'id'): string =>
  signedOutPage(
    pageLang,
    t('staff.signIn.title', pageLang),
    html`<p><a href="${next}">${t('staff.signIn.redirecting', pageLang)}</a></p>`,
    html`<meta http-equiv="refresh" content="0;url=${next}">`,
  );

/** The sign-in did not finish (an expired or replayed code, another browser's state): sign in again. */
export const renderSignInFailed = (next: string, pageLang: Lang = 'id'): string =>
  signedOutPage(
    pageLang,
    t('staff.signIn.title', pageLang),
    html`<h1>${t('staff.signIn.title', pageLang)}</h1><div class="summary" role="alert"><p>${t('staff.signIn.failed', pageLang)}</p></div><p><a class="btn" href="${next}">${t('staff.signIn.button', pageLang)}</a></p>`,
  );

/** A staff form post that failed (a 4xx): the status, the reason, and the way back to the claim, in the staff layout. */
export const renderStaffFormError = (
  status: number,
  message: string,
  reference: string,
  user?: { username: string; roles: readonly string[] },
  formLang: Lang = 'id',
): string => {
  const trl = translator(formLang);
  const body = html`${[
    html`<h1>${trl('staff.form.heading', { status })}</h1><div class="summary" role="alert"><p>${message}</p></div>`,
    html`<p><a href="/staff/claims/${encodeURIComponent(reference)}">${trl('staff.claim.back')}</a></p>`,
  ]}`;
  return staffLayout({
    lang: formLang,
    title: trl('staff.form.heading', { status }),
    body,
    user: user ?? { username: '', roles: [] },
    active: 'queue',
  });
};
