import { type Lang, translator } from '../../messages';
import { type HtmlValue, html, type SafeHtml } from '../../platform/web/html';
import { layout } from '../../platform/web/layout';
import { BANKS } from '../../reference-data/banks';
import type { StaffUser } from '../../staff/domain/roles';
import { STAFF_REJECTION_REASONS } from '../application/approval/decide';
import { REVOKE_LINK_ROLES } from '../application/approval/revoke-links';
import type { AuditEvent, Claim } from '../domain/claim';
import { CLOSABLE, CLOSE_REASON_CODES, CLOSE_REASON_TEXTS, CLOSE_ROLES } from '../domain/closure';
import { assessmentForm } from './assessment-form';
import { csrfInput } from './csrf-input';
import { componentLabel } from './labels';
import { rupiah } from './status-page';

/** Staff pages are in Bahasa Indonesia, like the staff emails; the catalogue has English for when staff need it. */
const lang: Lang = 'id';
const tr = translator(lang);

const time = (iso: string) => `${iso.replace('T', ' ').slice(0, 16)} WIB`;

const rows = (pairs: [string, HtmlValue][]): SafeHtml =>
  html`<table>${pairs.map(([name, value]) => html`<tr><th>${name}</th><td>${value}</td></tr>`)}</table>`;

const details = (claim: Claim): SafeHtml => {
  const v = claim.verification;
  const approvals = claim.approvals ?? [];
  const rosterName = v?.memberName && v.memberName !== claim.member.name && ` ${tr('staff.claim.rosterName', { name: v.memberName })}`;
  const account = claim.bankAccount;
  return rows([
    [tr('staff.claim.benefit'), claim.benefit],
    [tr('staff.claim.incident'), `${claim.incident.type} · ${claim.incident.date} · ${claim.incident.cause ?? '-'}`],
    [tr('staff.claim.member'), [claim.member.name, rosterName, ` · ${v?.program ?? ''}`]],
    [
      tr('staff.claim.claimant'),
      [
        `${claim.claimant.name} · ${claim.claimant.relationship}`,
        claim.claimant.ward && ` · ${tr('form.wardName')}: ${claim.claimant.ward.name} (${claim.claimant.ward.birthDate})`,
      ],
    ],
    [
      tr('staff.claim.account'),
      // The name beside the code: staff compare it with the bank book, and a hundred codes are not memorised.
      `${account.bankCode} ${BANKS[account.bankCode] ?? ''} · ****${account.accountNumber.slice(-4)} · ${account.accountHolder}`,
    ],
    [tr('staff.claim.submitted'), time(claim.submittedAt)],
    [tr('staff.claim.deadline'), v?.approval?.deadline ? time(v.approval.deadline) : '-'],
    [
      tr('staff.claim.approvals'),
      [
        tr('staff.claim.approvalsCount', { done: approvals.length, needed: v?.approval?.secondApprovalRequired ? 2 : 1 }),
        approvals.length > 0 && ` (${approvals.map((a) => a.by).join(', ')})`,
        ` · ${tr('staff.claim.level', { level: v?.approval?.level ?? '-' })}`,
        claim.pendingTask?.escalated && ` · ${tr('staff.claim.escalated')}`,
      ],
    ],
  ]);
};

const benefitTable = (benefit: NonNullable<Claim['verification']>['benefit']): SafeHtml => {
  if (!benefit) return html`<p>${tr('staff.claim.notCalculated')}</p>`;
  const components = benefit.components.map(
    (c) => html`<tr><td>${componentLabel(c.code, lang)}</td><td>${rupiah(c.amount)}</td><td class="muted">${c.basis ?? ''}</td></tr>`,
  );
  const note = [benefit.ruleSet, benefit.scholarshipEligible && ` · ${tr('staff.claim.scholarship')}`];
  return html`${[
    html`<table id="benefit">${components}`,
    html`<tr><th>${tr('staff.claim.total')}</th><th>${rupiah(benefit.total)}</th><td class="muted">${note}</td></tr></table>`,
  ]}`;
};

const decisionForm = (reference: string, csrfToken: string, tranche?: string): SafeHtml => {
  const reasons = Object.entries(STAFF_REJECTION_REASONS).map(([code, r]) => html`<option value="${code}">${code}: ${r[lang]}</option>`);
  const id = tranche ? `decision-form-${tranche}` : 'decision-form';
  return html`${[
    html`<h2>${tranche ? tr('staff.tranche.decision', { tranche }) : tr('staff.claim.decision')}</h2>`,
    html`<form method="post" action="/staff/claims/${reference}/decision" id="${id}">${csrfInput(csrfToken)}`,
    tranche && html`<input type="hidden" name="tranche" value="${tranche}">`,
    html`<label class="choice"><input type="radio" name="decision" value="approve" required>${tr('staff.claim.approve')}</label>`,
    html`<label class="choice"><input type="radio" name="decision" value="reject">${tr('staff.claim.reject')}</label>`,
    html`<label for="${id}-reasonCode">${tr('staff.claim.reasonCode')}</label>`,
    html`<select id="${id}-reasonCode" name="reasonCode"><option value="">-</option>${reasons}</select>`,
    html`<label for="${id}-note">${tr('staff.claim.note')}</label><textarea id="${id}-note" name="note" rows="2" maxlength="500"></textarea>`,
    html`<p><button type="submit">${tr('staff.claim.sendDecision')}</button></p></form>`,
  ]}`;
};

/** Further payments (tranches T2, T3...): each with its amount and status, and its own decision form while it waits. */
const tranchesSection = (claim: Claim, user: StaffUser, csrfToken: string): SafeHtml | false => {
  const tranches = claim.tranches ?? [];
  if (tranches.length === 0) return false;
  const mayDecide = user.roles.some((r) => r === 'approver' || r === 'supervisor');
  const rowsOf = tranches.map(
    (t) =>
      html`<tr><td>${t.id}</td><td>${tr(`tranche.kind.${t.kind}`)}</td><td>${rupiah(t.amount)}</td><td>${tr(`claimStatus.${t.status}`)}</td><td class="muted">${t.requestedBy}</td></tr>`,
  );
  const forms = tranches
    .filter((t) => mayDecide && t.status === 'AWAITING_APPROVAL' && t.pendingTask?.kind === 'decision')
    .map((t) => decisionForm(claim.reference, csrfToken, t.id));
  return html`${[html`<h2>${tr('tranche.title')}</h2><table id="tranches">${rowsOf}</table>`, forms]}`;
};

/** Closing a claim before its decision (supervisors): folded away, since it is the exception. */
const closeForm = (reference: string, csrfToken: string): SafeHtml => {
  const reasons = CLOSE_REASON_CODES.map((code) => html`<option value="${code}">${code}: ${CLOSE_REASON_TEXTS[code][lang]}</option>`);
  return html`${[
    html`<details id="close"><summary>${tr('staff.claim.close')}</summary>`,
    html`<form method="post" action="/staff/claims/${reference}/close" id="close-form">${csrfInput(csrfToken)}`,
    html`<label for="close-reasonCode">${tr('staff.claim.closeReason')}</label>`,
    html`<select id="close-reasonCode" name="reasonCode" required><option value="">-</option>${reasons}</select>`,
    html`<label for="close-note">${tr('staff.claim.note')}</label><textarea id="close-note" name="note" rows="2" maxlength="500"></textarea>`,
    html`<p><button type="submit">${tr('staff.claim.sendClose')}</button></p></form></details>`,
  ]}`;
};

/** The family's appeal (reopening.ts): their statement, the decision they contest, and (supervisors) the form to answer it. */
const appealSection = (claim: Claim, user: StaffUser, csrfToken: string): SafeHtml | false => {
  const appeal = claim.appeal;
  if (!appeal) return false;
  const canAnswer = claim.status === 'APPEALED' && !appeal.outcome && user.roles.includes('supervisor');
  const against = [
    appeal.against.reasonCode,
    appeal.against.reason && `: ${appeal.against.reason}`,
    appeal.against.decidedBy && ` (${appeal.against.decidedBy})`,
  ];
  return html`${[
    html`<h2 id="appeal">${tr('staff.appeal.title')}</h2>`,
    html`<p><strong>${tr('staff.appeal.against')}</strong>: ${against}</p>`,
    html`<p><strong>${tr('staff.appeal.statement')}</strong></p><blockquote id="appeal-statement">${appeal.statement}</blockquote>`,
    appeal.outcome && html`<p id="appeal-outcome">${appeal.outcome} · ${appeal.decidedBy ?? ''} · ${appeal.note ?? ''}</p>`,
    canAnswer &&
      html`${[
        html`<form method="post" action="/staff/claims/${claim.reference}/appeal-decision" id="appeal-form">${csrfInput(csrfToken)}`,
        html`<label class="choice"><input type="radio" name="decision" value="uphold" required>${tr('staff.appeal.uphold')}</label>`,
        html`<label class="choice"><input type="radio" name="decision" value="refuse">${tr('staff.appeal.refuse')}</label>`,
        html`<label for="appeal-note">${tr('staff.appeal.note')}</label><textarea id="appeal-note" name="note" rows="2" maxlength="500"></textarea>`,
        html`<p><button type="submit">${tr('staff.appeal.submit')}</button></p></form>`,
      ]}`,
  ]}`;
};

/** Folded: revoking the family's status links is rare (a lost phone, a forwarded message); the family gets a new one. */
const revokeLinksForm = (reference: string, csrfToken: string): SafeHtml =>
  html`${[
    html`<details id="links"><summary>${tr('staff.claim.revokeLinks')}</summary><p>${tr('staff.claim.revokeLinksHelp')}</p>`,
    html`<form method="post" action="/staff/claims/${reference}/links/revoke" id="links-form">${csrfInput(csrfToken)}`,
    html`<label for="links-note">${tr('staff.claim.note')}</label><textarea id="links-note" name="note" rows="2" maxlength="500"></textarea>`,
    html`<p><button type="submit">${tr('staff.claim.sendRevoke')}</button></p></form></details>`,
  ]}`;

const retryForm = (claim: Claim, csrfToken: string): SafeHtml => {
  const payoutError = (claim as Claim & { payoutError?: string }).payoutError ?? '';
  return html`${[
    html`<h2>${tr('staff.claim.transfer')}</h2><p>${String(payoutError)}</p>`,
    html`<form method="post" action="/staff/claims/${claim.reference}/payout-retry">${csrfInput(csrfToken)}`,
    html`<button type="submit">${tr('staff.claim.retryTransfer')}</button></form>`,
  ]}`;
};

/**
 * The claim as staff see it (the link in notification emails): the claim, the benefit breakdown, the flags, the
 * documents, the audit trail, and the decision form for those who may decide. Rendering never changes state. Every
 * post form carries the session's form token (`csrfToken`), without which a cookie-signed post is refused.
 */
export const renderStaffClaimPage = (
  claim: Claim,
  audit: AuditEvent[],
  user: StaffUser,
  { csrfToken, message }: { csrfToken: string; message?: string },
): string => {
  const v = claim.verification;
  const canDecide = claim.status === 'AWAITING_APPROVAL' && claim.pendingTask?.kind === 'decision';
  const canAssess =
    canDecide &&
    claim.benefit === 'JKK' &&
    claim.incident.type === 'injury' &&
    user.roles.some((r) => r === 'verifier' || r === 'supervisor');
  const canClose = CLOSABLE.includes(claim.status) && user.roles.some((r) => (CLOSE_ROLES as readonly string[]).includes(r));
  const canRetry = claim.status === 'PAYOUT_FAILED' && claim.pendingTask?.kind === 'payout' && user.roles.includes('finance');
  const canRevokeLinks = user.roles.some((r) => (REVOKE_LINK_ROLES as readonly string[]).includes(r));
  const flags = v?.flags.length
    ? html`<ul id="flags">${v.flags.map((f) => html`<li><strong>${f}</strong>: ${tr(`flag.${f}`)}</li>`)}</ul>`
    : html`<p>${tr('staff.claim.noFlags')}</p>`;
  const competing = v?.competingClaims?.length
    ? html`<p id="competing">${tr('staff.claim.competing')} ${v.competingClaims.map((r) => html`<a href="/staff/claims/${r}">${r}</a> `)}</p>`
    : false;
  const document = (d: Claim['documents'][number]) =>
    html`<li>${tr(`document.${d.type}`)} · ${d.contentType} · ${Math.ceil(d.size / 1024)} KB</li>`;
  const documents = claim.documents.length
    ? html`<ul>${claim.documents.map(document)}</ul>`
    : html`<p>${tr('staff.claim.noDocuments')}</p>`;
  const missing = claim.missingDocuments.map((d) => tr(`document.${d}`)).join(', ');
  const timeline = claim.timeline.map((e) => html`<tr><td>${time(e.at)}</td><td>${e.status}</td><td>${e.note ?? ''}</td></tr>`);
  const trail = audit.map(
    (a) => html`<tr><td>${time(a.at)}</td><td>${a.type}</td><td>${a.actor.kind}${a.actor.id && `: ${a.actor.id}`}</td></tr>`,
  );
  const body = html`${[
    html`<h1>${tr('staff.claim.title', { reference: claim.reference })}</h1>`,
    html`<p class="muted">${tr('staff.claim.signedInAs', { username: user.username, roles: user.roles.join(', ') })}</p>`,
    message && html`<div class="summary notice" role="status"><p>${message}</p></div>`,
    html`<p class="status" id="status">${claim.status} · ${tr(`claimStatus.${claim.status}`)}</p>`,
    details(claim),
    html`<h2>${tr('staff.claim.flags')}</h2>${flags}${competing}<h2>${tr('staff.claim.calculation')}</h2>${benefitTable(v?.benefit)}`,
    html`<h2>${tr('staff.claim.documents')}</h2>${documents}`,
    missing && html`<p>${tr('staff.claim.missing', { documents: missing })}</p>`,
    tranchesSection(claim, user, csrfToken),
    appealSection(claim, user, csrfToken),
    canAssess && assessmentForm(claim, lang, csrfToken),
    canDecide && decisionForm(claim.reference, csrfToken),
    canClose && closeForm(claim.reference, csrfToken),
    canRetry && retryForm(claim, csrfToken),
    canRevokeLinks && revokeLinksForm(claim.reference, csrfToken),
    html`<h2>${tr('staff.claim.history')}</h2><table>${timeline}</table>`,
    html`<h2>${tr('staff.claim.audit')}</h2><table id="audit">${trail}</table>`,
    html`<p><a href="/staff/claims">${tr('staff.queue.title')}</a></p>`,
  ]}`;
  return layout({ lang, title: tr('staff.claim.title', { reference: claim.reference }), body });
};

export const renderSignInNeeded = (loginUrl: string, next: string): string => {
  const body = html`${[
    html`<h1>${tr('staff.signIn.heading')}</h1><p>${tr('staff.signIn.intro')}</p>`,
    html`<p><a class="btn" href="${loginUrl}?next=${encodeURIComponent(next)}">${tr('staff.signIn.button')}</a></p>`,
  ]}`;
  return layout({ lang, title: tr('staff.signIn.title'), body });
};

/** A staff form post that failed (a 4xx): the status, the reason, and the way back to the claim. */
export const renderStaffFormError = (status: number, message: string, reference: string): string =>
  html`${[
    html`<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="/assets/app.css"><main><h1>${status}</h1><p>${message}</p>`,
    html`<p><a href="/staff/claims/${encodeURIComponent(reference)}">${tr('staff.claim.back')}</a></p></main>`,
  ]}`.toString();
