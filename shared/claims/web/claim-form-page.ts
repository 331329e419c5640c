import { BANKS } from '../../reference-data/banks';
import { DOCUMENT_TYPES, JKK_CAUSES, JKM_CAUSES, RELATIONSHIPS } from '../domain/claim';
import { esc, layout } from '../../platform/web/html';
import type { Lang } from '../../platform/web/i18n';
import { CAUSE_LABELS, DOCUMENT_LABELS, RELATIONSHIP_LABELS } from './labels';

export interface FormState {
  lang: Lang;
  idempotencyKey: string;
  /** What the family typed, as the nested body; kept on every error. */
  values?: Record<string, unknown>;
  /** Messages by field path, already in the page's language. */
  errors?: Record<string, string>;
  /** A message that belongs to no single field (a duplicate claim). */
  banner?: string;
  today: string;
}

const T = {
  id: {
    title: 'Ajukan klaim santunan', intro: 'Formulir ini untuk keluarga (ahli waris) peserta yang meninggal dunia, atau peserta yang cedera karena kerja. Siapkan KTP, Kartu Keluarga, dan buku tabungan. Anda bisa dibantu koordinator TKSK.',
    summary: 'Ada isian yang perlu diperbaiki:', benefit: 'Jenis santunan',
    jkm: 'JKM: peserta meninggal dunia bukan karena pekerjaan (misalnya sakit)', jkk: 'JKK: kecelakaan kerja, kecelakaan di perjalanan kerja, atau penyakit akibat kerja',
    member: 'Data peserta (pekerja)', nik: 'NIK', nikHelp: '16 angka di KTP atau Kartu Keluarga (KK), baris "NIK".', memberName: 'Nama lengkap peserta', nameHelp: 'Seperti tertulis di KTP. Satu kata juga boleh.',
    incident: 'Kejadian', type: 'Apa yang terjadi?', death: 'Meninggal dunia', injury: 'Cedera (masih hidup)', date: 'Tanggal kejadian', dateHelp: 'Tanggal meninggal atau tanggal kecelakaan.',
    cause: 'Penyebab', choose: 'Pilih...', description: 'Ceritakan singkat (boleh dikosongkan)',
    claimant: 'Data Anda (yang mengajukan)', claimantNik: 'NIK Anda', claimantName: 'Nama lengkap Anda', relationship: 'Hubungan Anda dengan peserta',
    phone: 'Nomor HP (untuk SMS kabar klaim)', phoneHelp: 'Contoh: 0812 3456 7890', email: 'Email (boleh dikosongkan)',
    payout: 'Rekening penerima santunan', bank: 'Bank', account: 'Nomor rekening', holder: 'Nama pemilik rekening', holderHelp: 'Harus atas nama ahli waris yang mengajukan.',
    docs: 'Dokumen', docsHelp: 'Foto dokumen dengan jelas (JPG, PNG, atau PDF, paling besar 5 MB). Berkas dikirim satu per satu; jika sinyal putus, tekan "Coba lagi" pada berkas itu saja.',
    noscript: 'JavaScript tidak aktif: Anda tetap bisa mengirim formulir sekarang. Petugas akan meminta dokumen kemudian.',
    submit: 'Kirim klaim', sending: 'Mengirim...', retry: 'Coba lagi', uploaded: 'Terkirim', waitUploads: 'Tunggu sampai semua berkas selesai terkirim.',
    status: 'Sudah pernah mengajukan?', statusLink: 'Cek status klaim', required: 'wajib',
  },
  en: {
    title: 'File a benefit claim', intro: 'This form is for the family (heirs) of a member who died, or for a member injured at work. Have the ID card, family card and bank book ready. A TKSK coordinator may help you.',
    summary: 'Please correct these fields:', benefit: 'Benefit',
    jkm: 'JKM: the member died, not because of work (e.g. illness)', jkk: 'JKK: work accident, commuting accident or occupational disease',
    member: 'The member (worker)', nik: 'NIK', nikHelp: 'The 16 digits on the ID card (KTP) or family card (KK), line "NIK".', memberName: "Member's full name", nameHelp: 'As written on the ID card. One word is fine.',
    incident: 'What happened', type: 'What happened?', death: 'Died', injury: 'Injured (alive)', date: 'Date of the incident', dateHelp: 'The date of death or of the accident.',
    cause: 'Cause', choose: 'Choose...', description: 'Tell us briefly (optional)',
    claimant: 'You (the person filing)', claimantNik: 'Your NIK', claimantName: 'Your full name', relationship: 'Your relationship to the member',
    phone: 'Mobile number (for SMS updates)', phoneHelp: 'Example: 0812 3456 7890', email: 'Email (optional)',
    payout: 'Bank account for the payment', bank: 'Bank', account: 'Account number', holder: 'Account holder', holderHelp: 'Must be in the name of the heir who files.',
    docs: 'Documents', docsHelp: 'Take clear photos (JPG, PNG or PDF, at most 5 MB). Files are sent one at a time; if the signal drops, press "Retry" on that file only.',
    noscript: 'JavaScript is off: you can still send the form now. Staff will ask for the documents later.',
    submit: 'Send claim', sending: 'Sending...', retry: 'Retry', uploaded: 'Sent', waitUploads: 'Please wait until every file has been sent.',
    status: 'Filed before?', statusLink: 'Check a claim', required: 'required',
  },
};

const get = (values: Record<string, unknown> | undefined, path: string): string => {
  let node: unknown = values;
  for (const seg of path.replace(/\[(\d+)\]/g, '.$1').split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
  return typeof node === 'string' || typeof node === 'number' ? String(node) : '';
};

/** Field ids are the path with dots replaced, so error links can jump to the field. */
const fid = (path: string) => `f-${path.replace(/[.[\]]+/g, '-')}`;

export const renderClaimForm = (s: FormState): string => {
  const t = T[s.lang];
  const errors = s.errors ?? {};
  const err = (path: string) => (errors[path] ? `<p class="err" id="${fid(path)}-err">${esc(errors[path])}</p>` : '');
  const attrs = (path: string) => `id="${fid(path)}" name="${esc(path)}"${errors[path] ? ` class="bad" aria-invalid="true" aria-describedby="${fid(path)}-err"` : ''}`;
  const input = (path: string, label: string, opts: { help?: string; type?: string; extra?: string } = {}) =>
    `<label for="${fid(path)}">${esc(label)}</label>${opts.help ? `<p class="help">${esc(opts.help)}</p>` : ''}${err(path)}` +
    `<input ${attrs(path)} type="${opts.type ?? 'text'}" value="${esc(get(s.values, path))}"${opts.extra ? ` ${opts.extra}` : ''}>`;
  const select = (path: string, label: string, options: [string, string][]) => {
    const current = get(s.values, path);
    return `<label for="${fid(path)}">${esc(label)}</label>${err(path)}<select ${attrs(path)}><option value="">${esc(t.choose)}</option>` +
      options.map(([v, l]) => `<option value="${esc(v)}"${v === current ? ' selected' : ''}>${esc(l)}</option>`).join('') + '</select>';
  };
  const radios = (path: string, options: [string, string][]) =>
    `${err(path)}` + options.map(([v, l]) => `<label class="choice"><input type="radio" name="${esc(path)}" value="${v}"${get(s.values, path) === v ? ' checked' : ''}>${esc(l)}</label>`).join('');

  const summaryItems = Object.entries(errors).map(([path, msg]) => `<li><a href="#${fid(path)}">${esc(msg)}</a></li>`).join('');
  const docs = Array.isArray(s.values?.documents) ? (s.values.documents as { type?: string; uploadId?: string }[]) : [];
  const docRows = DOCUMENT_TYPES.filter((d) => d !== 'RECEIPT').map((type, i) => {
    const kept = docs.find((d) => d.type === type && d.uploadId);
    const p = `documents[${i}]`;
    return `<div class="doc" data-doc="${type}"><label for="${fid(p)}-file">${esc(DOCUMENT_LABELS[type][s.lang])}</label>${err(`${p}.uploadId`)}` +
      `<input type="hidden" name="${p}.type" value="${type}"><input type="hidden" name="${p}.uploadId" value="${esc(kept?.uploadId ?? '')}">` +
      `<input id="${fid(p)}-file" type="file" accept="image/jpeg,image/png,application/pdf" hidden>` +
      `<p class="muted" aria-live="polite">${kept ? `<span class="ok">${esc(t.uploaded)}</span>` : ''}</p></div>`;
  }).join('');

  const causes = [...JKM_CAUSES, ...JKK_CAUSES].map((c) => [c, CAUSE_LABELS[c]![s.lang]] as [string, string]);
  const relationships = RELATIONSHIPS.map((r) => [r, RELATIONSHIP_LABELS[r][s.lang]] as [string, string]);
  const banks = Object.entries(BANKS).map(([code, name]) => [code, `${name} (${code})`] as [string, string]);

  const body = `<h1>${esc(t.title)}</h1><p>${esc(t.intro)}</p>` +
    (s.banner ? `<div class="summary" role="alert"><p>${s.banner}</p></div>` : '') +
    (summaryItems ? `<div class="summary" role="alert" tabindex="-1" id="summary"><p><strong>${esc(t.summary)}</strong></p><ul>${summaryItems}</ul></div>` : '') +
    `<form method="post" action="/claims${s.lang === 'en' ? '?lang=en' : ''}" id="claim-form" novalidate>` +
    `<input type="hidden" name="_idempotencyKey" value="${esc(s.idempotencyKey)}">` +
    `<fieldset><legend>${esc(t.benefit)}</legend>${radios('benefit', [['JKM', t.jkm], ['JKK', t.jkk]])}</fieldset>` +
    `<fieldset><legend>${esc(t.member)}</legend>${input('member.nik', t.nik, { help: t.nikHelp, extra: 'inputmode="numeric" autocomplete="off" maxlength="20"' })}` +
    `${input('member.name', t.memberName, { help: t.nameHelp, extra: 'maxlength="100"' })}</fieldset>` +
    `<fieldset><legend>${esc(t.incident)}</legend><p><strong>${esc(t.type)}</strong></p>${radios('incident.type', [['death', t.death], ['injury', t.injury]])}` +
    `${input('incident.date', t.date, { help: t.dateHelp, type: 'date', extra: `max="${s.today}"` })}${select('incident.cause', t.cause, causes)}` +
    `<label for="${fid('incident.description')}">${esc(t.description)}</label>${err('incident.description')}<textarea ${attrs('incident.description')} rows="3" maxlength="1000">${esc(get(s.values, 'incident.description'))}</textarea></fieldset>` +
    `<fieldset><legend>${esc(t.claimant)}</legend>${input('claimant.nik', t.claimantNik, { help: t.nikHelp, extra: 'inputmode="numeric" autocomplete="off" maxlength="20"' })}` +
    `${input('claimant.name', t.claimantName, { extra: 'autocomplete="name" maxlength="100"' })}${select('claimant.relationship', t.relationship, relationships)}` +
    `${input('claimant.phone', t.phone, { help: t.phoneHelp, type: 'tel', extra: 'autocomplete="tel" inputmode="tel" maxlength="20"' })}${input('claimant.email', t.email, { type: 'email', extra: 'autocomplete="email" maxlength="254"' })}</fieldset>` +
    `<fieldset><legend>${esc(t.payout)}</legend>${select('payout.bankCode', t.bank, banks)}${input('payout.accountNumber', t.account, { extra: 'inputmode="numeric" autocomplete="off" maxlength="24"' })}` +
    `${input('payout.accountHolder', t.holder, { help: t.holderHelp, extra: 'maxlength="100"' })}</fieldset>` +
    `<fieldset id="docs"><legend>${esc(t.docs)}</legend><p class="help">${esc(t.docsHelp)}</p><noscript><p class="help">${esc(t.noscript)}</p></noscript>${docRows}</fieldset>` +
    `<p class="err" id="wait" hidden>${esc(t.waitUploads)}</p><button type="submit">${esc(t.submit)}</button></form>` +
    `<h2>${esc(t.status)}</h2><p><a href="/status${s.lang === 'en' ? '?lang=en' : ''}">${esc(t.statusLink)}</a></p>` +
    `<script src="/assets/upload.js" defer data-retry="${esc(t.retry)}" data-done="${esc(t.uploaded)}" data-sending="${esc(t.sending)}"></script>`;

  const langSwitch = s.lang === 'id' ? '<a href="/?lang=en">English</a>' : '<a href="/">Bahasa Indonesia</a>';
  return layout({ lang: s.lang, title: t.title, body, langSwitch });
};
