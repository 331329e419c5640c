import type { Claim } from '../domain/claim';
import { esc, layout } from '../../platform/web/html';
import type { Lang } from '../../platform/web/i18n';
import { DOCUMENT_LABELS, STATUS_LABELS } from './labels';

const T = {
  id: { title: 'Status klaim', reference: 'Nomor klaim', keep: 'Simpan nomor ini. Anda akan membutuhkannya untuk mengecek status.', benefit: 'Jenis santunan', submitted: 'Diajukan', history: 'Riwayat', missing: 'Dokumen yang masih diperlukan', back: 'Kembali ke formulir', lookup: 'Cek status klaim', lookupHelp: 'Masukkan nomor klaim (contoh SNT-2026-7KQ4MZ) dan NIK orang yang mengajukan.', nik: 'NIK pengaju', check: 'Cek', notFound: 'Klaim tidak ditemukan. Periksa nomor klaim dan NIK pengaju.', amount: 'Jumlah dibayarkan', reason: 'Alasan', send: 'Kirim dokumen', wait: 'Tunggu sampai semua berkas selesai terkirim.', noscript: 'Bawa dokumen ini ke kantor dinas sosial, atau aktifkan JavaScript untuk mengunggah.', retry: 'Coba lagi', done: 'Terkirim', sending: 'Mengirim...' },
  en: { title: 'Claim status', reference: 'Claim number', keep: 'Keep this number. You need it to check the status.', benefit: 'Benefit', submitted: 'Filed', history: 'History', missing: 'Documents still needed', back: 'Back to the form', lookup: 'Check a claim', lookupHelp: 'Enter the claim number (e.g. SNT-2026-7KQ4MZ) and the NIK of the person who filed it.', nik: "Claimant's NIK", check: 'Check', notFound: "No claim found. Check the claim number and the claimant's NIK.", amount: 'Amount paid', reason: 'Reason', send: 'Send documents', wait: 'Please wait until every file has been sent.', noscript: 'Bring these documents to the social affairs office, or turn on JavaScript to upload them.', retry: 'Retry', done: 'Sent', sending: 'Sending...' },
};

const fmtTime = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { timeZone: 'Asia/Jakarta', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) + ' WIB';

export const rupiah = (amount: number) => `Rp${new Intl.NumberFormat('id-ID').format(amount)}`;

export const renderStatusPage = (claim: Claim, lang: Lang, justSubmitted: boolean): string => {
  const t = T[lang];
  const label = STATUS_LABELS[claim.status];
  const timeline = [...claim.timeline].reverse().map((e) => `<tr><td>${esc(fmtTime(e.at, lang))}</td><td>${esc(STATUS_LABELS[e.status][lang])}${e.note ? `<br><span class="muted">${esc(e.note)}</span>` : ''}</td></tr>`).join('');
  const stillOpen = claim.status === 'SUBMITTED' || claim.status === 'VERIFYING' || claim.status === 'NEEDS_DOCUMENTS';
  const missing = stillOpen && claim.missingDocuments.length
    ? `<h2>${esc(t.missing)}</h2>` +
      // The same upload rows and script as the claim form: each file goes straight to storage, then one POST adds
      // them to the claim. Without JavaScript the list still tells the family what to bring to the office.
      `<form method="post" action="/claims/${esc(claim.reference)}/documents${lang === 'en' ? '?lang=en' : ''}" id="claim-form"><input type="hidden" name="nik" value="${esc(claim.claimant.nik)}">` +
      claim.missingDocuments
        .map(
          (d, i) =>
            `<div class="doc" data-doc="${d}"><label for="f-doc-${i}">${esc(DOCUMENT_LABELS[d][lang])}</label><input type="hidden" name="documents[${i}].type" value="${d}"><input type="hidden" name="documents[${i}].uploadId" value="">` +
            `<input id="f-doc-${i}" type="file" accept="image/jpeg,image/png,application/pdf" hidden><p class="muted" aria-live="polite"></p></div>`,
        )
        .join('') +
      `<p class="err" id="wait" hidden>${esc(t.wait)}</p><noscript><p class="help">${esc(t.noscript)}</p></noscript><p><button type="submit">${esc(t.send)}</button></p></form>` +
      `<script src="/assets/upload.js" defer data-retry="${esc(t.retry)}" data-done="${esc(t.done)}" data-sending="${esc(t.sending)}"></script>`
    : '';
  const body = `<h1>${esc(t.title)}</h1><p>${esc(t.reference)}: <strong id="reference">${esc(claim.reference)}</strong></p>` +
    (justSubmitted ? `<p class="summary notice">${esc(t.keep)}</p>` : '') +
    `<p class="status" id="status">${esc(label[lang])}</p><p>${esc(label.help[lang])}</p>` +
    (claim.payment ? `<p>${esc(t.amount)}: <strong>${esc(rupiah(claim.payment.amount))}</strong></p>` : '') +
    (claim.decision?.reason ? `<p>${esc(t.reason)}: ${esc(claim.decision.reason)}</p>` : '') +
    `<table><tr><th>${esc(t.benefit)}</th><td>${esc(claim.benefit)}</td></tr><tr><th>${esc(t.submitted)}</th><td>${esc(fmtTime(claim.submittedAt, lang))}</td></tr></table>` +
    missing + `<h2>${esc(t.history)}</h2><table>${timeline}</table><p><a href="/${lang === 'en' ? '?lang=en' : ''}">${esc(t.back)}</a></p>`;
  return layout({ lang, title: `${t.title} ${claim.reference}`, body });
};

export const renderLookupPage = (lang: Lang, values: { reference?: string; nik?: string }, notFound: boolean): string => {
  const t = T[lang];
  const body = `<h1>${esc(t.lookup)}</h1><p>${esc(t.lookupHelp)}</p>` +
    (notFound ? `<div class="summary" role="alert"><p>${esc(t.notFound)}</p></div>` : '') +
    `<form method="get" action="/status"><input type="hidden" name="lang" value="${lang}"><label for="ref">${esc(t.reference)}</label>` +
    `<input id="ref" name="reference" value="${esc(values.reference ?? '')}" autocapitalize="characters" maxlength="20">` +
    `<label for="nik">${esc(t.nik)}</label><input id="nik" name="nik" value="${esc(values.nik ?? '')}" inputmode="numeric" maxlength="20" autocomplete="off">` +
    `<p><button type="submit">${esc(t.check)}</button></p></form><p><a href="/${lang === 'en' ? '?lang=en' : ''}">${esc(t.back)}</a></p>`;
  return layout({ lang, title: t.lookup, body });
};
