/** Bahasa Indonesia first; English for helpers and staff from elsewhere. */
export type Lang = 'id' | 'en';

/**
 * Bahasa Indonesia unless `?lang=en` is asked for. The browser's Accept-Language is deliberately ignored: many
 * phones in Indonesia are set to English while their owners read Indonesian best (api.md: Indonesian by default).
 */
export const pickLang = (query?: Record<string, string | undefined>): Lang => (query?.lang?.toLowerCase() === 'en' ? 'en' : 'id');

/** Validation messages by code (the codes come from shared/schemas). */
const ERRORS: Record<string, { id: string; en: string }> = {
  required: { id: 'Wajib diisi.', en: 'This field is required.' },
  invalid: { id: 'Isian tidak valid.', en: 'This value is not valid.' },
  tooShort: { id: 'Terlalu pendek.', en: 'Too short.' },
  tooLong: { id: 'Terlalu panjang.', en: 'Too long.' },
  'nik.format': { id: 'NIK harus 16 angka, seperti tertulis di KTP atau Kartu Keluarga.', en: 'A NIK has 16 digits, as printed on the ID card (KTP) or family card (KK).' },
  'nik.province': { id: 'Dua angka pertama NIK bukan kode provinsi. Periksa kembali di KTP.', en: 'The first two digits are not a province code. Please check the ID card.' },
  'nik.region': { id: 'Kode kabupaten/kota atau kecamatan dalam NIK tidak valid.', en: 'The regency or district code in this NIK is not valid.' },
  'nik.birthDate': { id: 'Angka tanggal lahir dalam NIK (digit 7-12) tidak valid. Periksa kembali di KTP.', en: 'The birth-date digits of this NIK (7-12) are not a real date. Please check the ID card.' },
  'nik.serial': { id: 'Empat angka terakhir NIK tidak boleh 0000.', en: 'The last four digits cannot be 0000.' },
  'name.invalid': { id: 'Tulis nama seperti di KTP (huruf, spasi, titik, koma, tanda hubung).', en: 'Write the name as on the ID card (letters, spaces, dots, commas, hyphens).' },
  'date.invalid': { id: 'Tanggal tidak valid. Gunakan format TTTT-BB-HH.', en: 'Not a valid date. Use YYYY-MM-DD.' },
  'date.future': { id: 'Tanggal tidak boleh di masa depan.', en: 'The date cannot be in the future.' },
  'date.tooOld': { id: 'Tanggal terlalu lama (sebelum tahun 2000).', en: 'The date is too long ago (before 2000).' },
  'phone.invalid': { id: 'Nomor HP tidak valid. Contoh: 0812 3456 7890.', en: 'Not a valid Indonesian mobile number. Example: 0812 3456 7890.' },
  'email.invalid': { id: 'Alamat email tidak valid.', en: 'Not a valid email address.' },
  'bank.unknown': { id: 'Pilih bank dari daftar.', en: 'Choose a bank from the list.' },
  'account.invalid': { id: 'Nomor rekening harus 6 sampai 20 angka.', en: 'An account number has 6 to 20 digits.' },
  'benefit.invalid': { id: 'Pilih jenis santunan: JKM atau JKK.', en: 'Choose the benefit: JKM or JKK.' },
  'incidentType.invalid': { id: 'Pilih: meninggal dunia atau cedera.', en: 'Choose: death or injury.' },
  'incidentType.jkmRequiresDeath': { id: 'JKM hanya untuk peserta yang meninggal dunia. Untuk cedera karena kerja pilih JKK.', en: 'JKM is only for a death. For a work injury choose JKK.' },
  'cause.invalid': { id: 'Pilih penyebab dari daftar.', en: 'Choose a cause from the list.' },
  'cause.required': { id: 'Untuk JKK, pilih penyebab kecelakaan kerja.', en: 'For JKK, choose the cause of the work accident.' },
  'cause.notWork': { id: 'JKK hanya untuk kecelakaan kerja, perjalanan kerja, atau penyakit akibat kerja. Untuk kematian lain pilih JKM.', en: 'JKK covers work accidents, commuting accidents and occupational disease. For other deaths choose JKM.' },
  'cause.isWork': { id: 'Kematian karena kerja diajukan sebagai JKK.', en: 'A death caused by work is claimed as JKK.' },
  'relationship.invalid': { id: 'Pilih hubungan Anda dengan peserta.', en: 'Choose your relationship to the member.' },
  'relationship.selfOnlyInjury': { id: 'Untuk peserta yang meninggal, ahli waris yang mengajukan.', en: 'For a death, an heir files the claim.' },
  'relationship.injuryIsSelf': { id: 'Klaim cedera diajukan atas nama peserta sendiri (pilih "Diri sendiri").', en: 'An injury claim is filed in the member\'s own name (choose "Self").' },
  'claimant.selfNikMismatch': { id: 'NIK pengaju harus sama dengan NIK peserta untuk klaim cedera.', en: 'For an injury claim, the claimant NIK must be the member\'s NIK.' },
  'claimant.sameAsMember': { id: 'NIK ahli waris tidak boleh sama dengan NIK peserta yang meninggal.', en: 'The heir\'s NIK cannot be the deceased member\'s NIK.' },
  'claimant.contactRequired': { id: 'Isi nomor HP atau email agar kami bisa mengabarkan perkembangan klaim.', en: 'Give a mobile number or an email so we can tell you about the claim.' },
  'documents.tooMany': { id: 'Paling banyak 20 dokumen.', en: 'At most 20 documents.' },
  'documents.duplicate': { id: 'Dokumen ini sudah dilampirkan.', en: 'This document is attached twice.' },
  'document.type': { id: 'Jenis dokumen tidak dikenal.', en: 'Unknown document type.' },
  'uploadId.invalid': { id: 'Kode unggahan tidak valid.', en: 'Not a valid upload id.' },
  'uploadId.notFound': { id: 'Berkas belum selesai diunggah. Unggah ulang berkas ini.', en: 'This file has not finished uploading. Please upload it again.' },
  'uploadId.tooLarge': { id: 'Berkas lebih besar dari 5 MB.', en: 'The file is larger than 5 MB.' },
  'uploadId.typeMismatch': { id: 'Isi berkas tidak sesuai dengan jenis yang dipilih.', en: 'The stored file does not match the declared type.' },
  'upload.contentType': { id: 'Hanya foto JPG, PNG, atau PDF.', en: 'Only JPG or PNG photos, or PDF.' },
  'upload.size': { id: 'Ukuran berkas tidak valid.', en: 'Not a valid file size.' },
  'upload.tooLarge': { id: 'Berkas lebih besar dari 5 MB. Kecilkan foto lalu coba lagi.', en: 'The file is larger than 5 MB. Make the photo smaller and try again.' },
  'form.tooLarge': { id: 'Isian formulir terlalu panjang. Persingkat cerita kejadian lalu kirim lagi.', en: 'The form is too long. Shorten the description and send again.' },
  'form.retry': { id: 'Klaim belum tersimpan karena gangguan sementara. Data Anda masih ada di bawah; tekan "Kirim klaim" lagi.', en: 'The claim was not saved because of a temporary problem. Your answers are below; press "Send claim" again.' },
  'body.json': { id: 'Isi permintaan bukan JSON yang valid.', en: 'The body is not valid JSON.' },
};

export const errorMessage = (code: string, lang: Lang): string => (ERRORS[code] ?? ERRORS.invalid!)[lang];
export const hasErrorMessage = (code: string): boolean => Object.hasOwn(ERRORS, code);
