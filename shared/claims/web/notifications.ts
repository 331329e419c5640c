import type { Claim, DocumentType } from '../domain/claim';
import type { Message } from '../../kernel/notifier';
import { DOCUMENT_LABELS } from './labels';

const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;
const statusLink = (baseUrl: string, claim: Claim) => `${baseUrl}/claims/${claim.reference}?nik=${claim.claimant.nik}`;
const footer = 'Pesan ini dikirim otomatis oleh Santunan. Jangan bagikan nomor klaim dan NIK Anda kepada orang yang tidak dikenal.';

/** What the family is told at each step, in Bahasa Indonesia, in words a grieving family understands. */
export const familyMessages = {
  needsDocuments: (claim: Claim, missing: readonly DocumentType[], baseUrl: string): Message => ({
    subject: `Klaim ${claim.reference}: dokumen masih kurang`,
    text: `Yth. ${claim.claimant.name},\n\nKlaim ${claim.reference} sudah kami terima, tetapi dokumen berikut masih diperlukan:\n${missing
      .map((d) => `- ${DOCUMENT_LABELS[d].id}`)
      .join('\n')}\n\nKirim dokumen lewat halaman status klaim: ${statusLink(baseUrl, claim)}\n\n${footer}`,
  }),
  awaitingApproval: (claim: Claim, baseUrl: string): Message => ({
    subject: `Klaim ${claim.reference}: data lengkap, menunggu persetujuan`,
    text: `Yth. ${claim.claimant.name},\n\nData klaim ${claim.reference} sudah lengkap dan sedang menunggu persetujuan petugas. Kami akan mengabari Anda lagi.\n\nStatus: ${statusLink(baseUrl, claim)}\n\n${footer}`,
  }),
  rejected: (claim: Claim, reason: string, baseUrl: string): Message => ({
    subject: `Klaim ${claim.reference}: tidak dapat dibayarkan`,
    text: `Yth. ${claim.claimant.name},\n\nMohon maaf, klaim ${claim.reference} tidak dapat dibayarkan.\nAlasan: ${reason}\n\nJika menurut Anda ini keliru, balas pesan ini atau hubungi koordinator TKSK di daerah Anda.\nStatus: ${statusLink(baseUrl, claim)}\n\n${footer}`,
  }),
  paid: (claim: Claim, amount: number, baseUrl: string): Message => ({
    subject: `Klaim ${claim.reference}: santunan sudah ditransfer`,
    text: `Yth. ${claim.claimant.name},\n\nSantunan sebesar ${rupiah(amount)} sudah ditransfer ke rekening atas nama ${claim.bankAccount.accountHolder}. Semoga keluarga diberi ketabahan.\n\nStatus: ${statusLink(baseUrl, claim)}\n\n${footer}`,
  }),
  payoutDelayed: (claim: Claim, baseUrl: string): Message => ({
    subject: `Klaim ${claim.reference}: transfer tertunda`,
    text: `Yth. ${claim.claimant.name},\n\nKlaim Anda sudah disetujui, tetapi transfer ke rekening belum berhasil. Petugas keuangan sedang menanganinya dan akan menghubungi Anda bila perlu.\n\nStatus: ${statusLink(baseUrl, claim)}\n\n${footer}`,
  }),
};

/** The short SMS twin of each family message (160 characters where possible). */
export const familySms = {
  needsDocuments: (claim: Claim) => `Santunan: klaim ${claim.reference} perlu dokumen tambahan. Cek status & kirim dokumen di halaman status klaim.`,
  awaitingApproval: (claim: Claim) => `Santunan: klaim ${claim.reference} lengkap, menunggu persetujuan petugas.`,
  rejected: (claim: Claim) => `Santunan: klaim ${claim.reference} tidak dapat dibayarkan. Alasan ada di email/halaman status klaim.`,
  paid: (claim: Claim, amount: number) => `Santunan: ${rupiah(amount)} untuk klaim ${claim.reference} sudah ditransfer. Semoga keluarga diberi ketabahan.`,
  payoutDelayed: (claim: Claim) => `Santunan: transfer klaim ${claim.reference} tertunda, petugas sedang menangani.`,
};

/** Staff emails: a summary and a link to the claim page (GET only: opening it never changes anything). */
export const staffMessages = {
  decisionNeeded: (claim: Claim, baseUrl: string, opts: { escalated: boolean; secondApproval: boolean }): Message => {
    const amount = claim.verification?.benefit?.total;
    const flags = claim.verification?.flags ?? [];
    const lead = opts.escalated ? 'ESKALASI: batas waktu persetujuan hampir lewat' : opts.secondApproval ? 'Persetujuan kedua diperlukan' : 'Persetujuan diperlukan';
    return {
      subject: `[Santunan] ${lead}: ${claim.reference} ${claim.benefit}${amount !== undefined ? ` ${rupiah(amount)}` : ''}`,
      text: `${lead}.\n\nKlaim: ${claim.reference}\nJenis: ${claim.benefit} (${claim.incident.type}, ${claim.incident.date})\nPeserta: ${claim.member.name}\nPengaju: ${claim.claimant.name} (${claim.claimant.relationship})\nSantunan: ${amount !== undefined ? rupiah(amount) : 'perlu penilaian'}\nTanda: ${flags.length ? flags.join(', ') : '-'}\nBatas waktu: ${claim.verification?.approval?.deadline ?? '-'}\n\nBuka klaim: ${baseUrl}/staff/claims/${claim.reference}\n`,
    };
  },
  payoutFailed: (claim: Claim, error: string, baseUrl: string): Message => ({
    subject: `[Santunan] Transfer gagal: ${claim.reference}`,
    text: `Transfer untuk klaim ${claim.reference} gagal: ${error}\nPeriksa rekening penerima lalu coba ulang dari halaman klaim: ${baseUrl}/staff/claims/${claim.reference}\n`,
  }),
  workflowFailed: (reference: string, error: string, baseUrl: string): Message => ({
    subject: `[Santunan] Alur klaim berhenti karena kesalahan: ${reference}`,
    text: `Alur klaim ${reference} berhenti: ${error}\nKlaim: ${baseUrl}/staff/claims/${reference}\n`,
  }),
};
