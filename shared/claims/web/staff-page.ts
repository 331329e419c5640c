import type { AuditEvent, Claim } from '../domain/claim';
import { FLAG_LABELS } from '../domain/eligibility';
import type { StaffUser } from '../../staff/domain/roles';
import { STAFF_REJECTION_REASONS } from '../application/approval/decide';
import { esc, layout } from '../../platform/web/html';
import { DOCUMENT_LABELS, STATUS_LABELS } from './labels';
import { rupiah } from './status-page';

const time = (iso: string) => iso.replace('T', ' ').slice(0, 16) + ' WIB';

/**
 * The claim as staff see it (the link in notification emails): the claim, the benefit breakdown, the flags, the
 * documents, the audit trail, and the decision form for those who may decide. Rendering never changes state.
 */
export const renderStaffClaimPage = (claim: Claim, audit: AuditEvent[], user: StaffUser, message?: string): string => {
  const v = claim.verification;
  const approvalsDone = claim.approvals?.length ?? 0;
  const canDecide = claim.status === 'AWAITING_APPROVAL' && claim.pendingTask?.kind === 'decision';
  const canRetry = claim.status === 'PAYOUT_FAILED' && claim.pendingTask?.kind === 'payout' && user.roles.includes('finance');
  const rows = (pairs: [string, string][]) => `<table>${pairs.map(([k, val]) => `<tr><th>${esc(k)}</th><td>${val}</td></tr>`).join('')}</table>`;
  const body =
    `<h1>Klaim ${esc(claim.reference)}</h1><p class="muted">Masuk sebagai ${esc(user.username)} (${esc(user.roles.join(', '))})</p>` +
    (message ? `<div class="summary notice" role="status"><p>${esc(message)}</p></div>` : '') +
    `<p class="status" id="status">${esc(claim.status)} · ${esc(STATUS_LABELS[claim.status].id)}</p>` +
    rows([
      ['Santunan', esc(claim.benefit)],
      ['Kejadian', `${esc(claim.incident.type)} · ${esc(claim.incident.date)} · ${esc(claim.incident.cause ?? '-')}`],
      ['Peserta', `${esc(claim.member.name)}${v?.memberName && v.memberName !== claim.member.name ? ` (roster: ${esc(v.memberName)})` : ''} · ${esc(v?.program ?? '')}`],
      ['Pengaju', `${esc(claim.claimant.name)} · ${esc(claim.claimant.relationship)}`],
      ['Rekening', `${esc(claim.bankAccount.bankCode)} · ****${esc(claim.bankAccount.accountNumber.slice(-4))} · ${esc(claim.bankAccount.accountHolder)}`],
      ['Diajukan', esc(time(claim.submittedAt))],
      ['Batas waktu', esc(v?.approval?.deadline ? time(v.approval.deadline) : '-')],
      ['Persetujuan', `${approvalsDone} dari ${v?.approval?.secondApprovalRequired ? 2 : 1}${claim.approvals?.length ? ` (${claim.approvals.map((a) => esc(a.by)).join(', ')})` : ''} · tingkat ${esc(v?.approval?.level ?? '-')}${claim.pendingTask?.escalated ? ' · ESKALASI' : ''}`],
    ]) +
    `<h2>Tanda</h2>${v?.flags.length ? `<ul id="flags">${v.flags.map((f) => `<li><strong>${esc(f)}</strong>: ${esc(FLAG_LABELS[f as keyof typeof FLAG_LABELS]?.id ?? '')}</li>`).join('')}</ul>` : '<p>Tidak ada.</p>'}` +
    `<h2>Perhitungan santunan</h2>${
      v?.benefit
        ? `<table id="benefit">${v.benefit.components.map((c) => `<tr><td>${esc(c.code)}</td><td>${esc(rupiah(c.amount))}</td><td class="muted">${esc(c.basis ?? '')}</td></tr>`).join('')}<tr><th>Total</th><th>${esc(rupiah(v.benefit.total))}</th><td class="muted">${esc(v.benefit.ruleSet)}${v.benefit.scholarshipEligible ? ' · berhak beasiswa' : ''}</td></tr></table>`
        : '<p>Belum dihitung.</p>'
    }` +
    `<h2>Dokumen</h2>${claim.documents.length ? `<ul>${claim.documents.map((d) => `<li>${esc(DOCUMENT_LABELS[d.type].id)} · ${esc(d.contentType)} · ${Math.ceil(d.size / 1024)} KB</li>`).join('')}</ul>` : '<p>Belum ada.</p>'}` +
    (claim.missingDocuments.length ? `<p>Masih kurang: ${claim.missingDocuments.map((d) => esc(DOCUMENT_LABELS[d].id)).join(', ')}</p>` : '') +
    (canDecide
      ? `<h2>Keputusan</h2><form method="post" action="/staff/claims/${esc(claim.reference)}/decision" id="decision-form">` +
        `<label class="choice"><input type="radio" name="decision" value="approve" required>Setujui</label><label class="choice"><input type="radio" name="decision" value="reject">Tolak</label>` +
        `<label for="reasonCode">Alasan penolakan</label><select id="reasonCode" name="reasonCode"><option value="">-</option>${Object.entries(STAFF_REJECTION_REASONS)
          .map(([code, r]) => `<option value="${esc(code)}">${esc(code)}: ${esc(r.id)}</option>`)
          .join('')}</select><label for="note">Catatan</label><textarea id="note" name="note" rows="2" maxlength="500"></textarea><p><button type="submit">Kirim keputusan</button></p></form>`
      : '') +
    (canRetry ? `<h2>Transfer</h2><p>${esc(String((claim as Claim & { payoutError?: string }).payoutError ?? ''))}</p><form method="post" action="/staff/claims/${esc(claim.reference)}/payout-retry"><button type="submit">Coba transfer lagi</button></form>` : '') +
    `<h2>Riwayat</h2><table>${claim.timeline.map((t) => `<tr><td>${esc(time(t.at))}</td><td>${esc(t.status)}</td><td>${esc(t.note ?? '')}</td></tr>`).join('')}</table>` +
    `<h2>Jejak audit</h2><table id="audit">${audit.map((a) => `<tr><td>${esc(time(a.at))}</td><td>${esc(a.type)}</td><td>${esc(a.actor.kind)}${a.actor.id ? `: ${esc(a.actor.id)}` : ''}</td></tr>`).join('')}</table>` +
    `<p><a href="/staff/claims">Antrean klaim</a></p>`;
  return layout({ lang: 'id', title: `Klaim ${claim.reference}`, body });
};

export const renderStaffQueue = (status: string, items: { reference: string; status: string; benefit: string; memberName: string; amount?: number; submittedAt: string }[], user: StaffUser, next?: string): string => {
  const body =
    `<h1>Antrean klaim: ${esc(status)}</h1><p class="muted">${esc(user.username)}</p><form method="get"><select name="status">${Object.keys(STATUS_LABELS)
      .map((s) => `<option${s === status ? ' selected' : ''}>${s}</option>`)
      .join('')}</select> <button type="submit">Tampilkan</button></form>` +
    `<table>${items.map((i) => `<tr><td><a href="/staff/claims/${esc(i.reference)}">${esc(i.reference)}</a></td><td>${esc(i.benefit)}</td><td>${esc(i.memberName)}</td><td>${i.amount !== undefined ? esc(rupiah(i.amount)) : ''}</td><td>${esc(time(i.submittedAt))}</td></tr>`).join('')}</table>` +
    (next ? `<p><a href="/staff/claims?status=${esc(status)}&amp;nextToken=${esc(next)}">Berikutnya</a></p>` : '');
  return layout({ lang: 'id', title: 'Antrean klaim', body });
};

export const renderSignInNeeded = (loginUrl: string, next: string): string =>
  layout({ lang: 'id', title: 'Masuk', body: `<h1>Masuk diperlukan</h1><p>Halaman ini untuk petugas.</p><p><a class="btn" href="${esc(loginUrl)}?next=${encodeURIComponent(next)}">Masuk</a></p>` });
