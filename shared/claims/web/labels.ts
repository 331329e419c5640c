import type { ClaimStatus, DocumentType, Relationship } from '../domain/claim';
import type { Lang } from '../../platform/web/i18n';

type Text = Record<Lang, string>;

export const DOCUMENT_LABELS: Record<DocumentType, Text> = {
  MEMBER_ID_CARD: { id: 'KTP peserta (atau kartu peserta BPJS)', en: "Member's ID card (KTP) or BPJS card" },
  CLAIMANT_ID_CARD: { id: 'KTP Anda (ahli waris)', en: 'Your ID card (KTP)' },
  FAMILY_CARD: { id: 'Kartu Keluarga (KK)', en: 'Family card (KK)' },
  DEATH_CERTIFICATE: { id: 'Akta kematian atau surat keterangan kematian', en: 'Death certificate' },
  HEIR_CERTIFICATE: { id: 'Surat keterangan ahli waris (dari kelurahan/desa)', en: 'Heir certificate (from the village office)' },
  BANK_BOOK: { id: 'Buku tabungan halaman depan, atas nama penerima', en: "Bank book, first page, in the recipient's name" },
  MARRIAGE_CERTIFICATE: { id: 'Buku nikah (jika Anda suami/istri peserta)', en: 'Marriage book (if you are the spouse)' },
  ACCIDENT_REPORT: { id: 'Laporan kecelakaan kerja (untuk JKK)', en: 'Work accident report (JKK)' },
  MEDICAL_REPORT: { id: 'Surat keterangan dokter (untuk JKK)', en: "Doctor's letter (JKK)" },
  POLICE_REPORT: { id: 'Laporan polisi (kecelakaan lalu lintas)', en: 'Police report (traffic accident)' },
  RECEIPT: { id: 'Kuitansi pengobatan atau transport', en: 'Treatment or transport receipts' },
  OTHER: { id: 'Dokumen lain', en: 'Other document' },
};

export const RELATIONSHIP_LABELS: Record<Relationship, Text> = {
  spouse: { id: 'Suami/istri', en: 'Husband or wife' },
  child: { id: 'Anak', en: 'Child' },
  parent: { id: 'Orang tua', en: 'Parent' },
  grandparent: { id: 'Kakek/nenek', en: 'Grandparent' },
  grandchild: { id: 'Cucu', en: 'Grandchild' },
  sibling: { id: 'Saudara kandung', en: 'Brother or sister' },
  parent_in_law: { id: 'Mertua', en: 'Parent-in-law' },
  appointed: { id: 'Penerima wasiat (akta notaris)', en: 'Named in a notarial will' },
  self: { id: 'Diri sendiri (peserta yang cedera)', en: 'Myself (the injured member)' },
};

export const CAUSE_LABELS: Record<string, Text> = {
  illness: { id: 'Sakit', en: 'Illness' },
  non_work_accident: { id: 'Kecelakaan di luar pekerjaan', en: 'Accident not related to work' },
  other: { id: 'Lainnya', en: 'Other' },
  work_accident: { id: 'Kecelakaan saat bekerja', en: 'Accident while working' },
  commute_accident: { id: 'Kecelakaan di perjalanan pergi/pulang kerja atau dinas', en: 'Accident on the way to or from work, or on official travel' },
  occupational_disease: { id: 'Penyakit akibat kerja', en: 'Occupational disease' },
};

export const STATUS_LABELS: Record<ClaimStatus, Text & { help: Text }> = {
  SUBMITTED: { id: 'Klaim diterima', en: 'Claim received', help: { id: 'Kami akan segera memeriksa data Anda.', en: 'We will check your details shortly.' } },
  VERIFYING: { id: 'Sedang diperiksa', en: 'Being checked', help: { id: 'Petugas sedang memeriksa data kepesertaan.', en: 'We are checking the membership details.' } },
  NEEDS_DOCUMENTS: { id: 'Perlu dokumen tambahan', en: 'Documents needed', help: { id: 'Mohon kirim dokumen yang masih kurang (lihat daftar).', en: 'Please send the documents listed below.' } },
  AWAITING_APPROVAL: { id: 'Menunggu persetujuan', en: 'Awaiting approval', help: { id: 'Data lengkap. Petugas akan memutuskan dalam beberapa hari kerja.', en: 'Complete. Staff will decide within a few working days.' } },
  APPROVED: { id: 'Disetujui', en: 'Approved', help: { id: 'Santunan akan segera ditransfer.', en: 'The benefit will be transferred soon.' } },
  PAYING: { id: 'Sedang ditransfer', en: 'Being paid', help: { id: 'Transfer ke rekening Anda sedang diproses.', en: 'The transfer to your account is in progress.' } },
  PAID: { id: 'Sudah dibayarkan', en: 'Paid', help: { id: 'Santunan sudah ditransfer ke rekening Anda.', en: 'The benefit has been transferred.' } },
  PAYOUT_FAILED: { id: 'Transfer tertunda', en: 'Transfer delayed', help: { id: 'Transfer belum berhasil. Petugas keuangan akan menghubungi Anda.', en: 'The transfer did not go through. Finance staff will contact you.' } },
  REJECTED: { id: 'Tidak dapat dibayarkan', en: 'Not payable', help: { id: 'Lihat alasan di bawah. Anda dapat menghubungi petugas.', en: 'See the reason below. You may contact staff.' } },
  WITHDRAWN: { id: 'Dibatalkan', en: 'Withdrawn', help: { id: 'Klaim ini dibatalkan.', en: 'This claim was withdrawn.' } },
};
