import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STAFF_REJECTION_REASONS } from '../../shared/claims/application/approval/decide';
import { CLAIM_FLAGS, CLAIM_STATUSES, DOCUMENT_TYPES, INCIDENT_CAUSES, RELATIONSHIPS } from '../../shared/claims/domain/claim';
import { ELIGIBILITY_FLAGS, FLAG_LABELS, REJECTION_CODES, REJECTION_REASONS } from '../../shared/claims/domain/eligibility';
import { UPLOAD_CONTENT_PROBLEMS } from '../../shared/claims/domain/upload-content';
import { DOCUMENT_LABELS, STATUS_LABELS } from '../../shared/claims/web/labels';
import { CATALOGUE, hasMessage, LANGS, type MessageKey, messageText, t, texts } from '../../shared/messages';
import { errorMessage, hasErrorMessage } from '../../shared/platform/web/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const keysOf = (lang: keyof typeof CATALOGUE) => Object.keys(CATALOGUE[lang]).sort();

describe('the message catalogue', () => {
  it('has every key in both languages, and no key in one language only', () => {
    expect(keysOf('en')).toEqual(keysOf('id'));
    expect(keysOf('id').length).toBeGreaterThan(200);
  });

  it.each(LANGS)('has no empty or blank text in %s', (lang) => {
    const empty = Object.entries(CATALOGUE[lang]).filter(([, text]) => typeof text !== 'string' || text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('has the same placeholders in both languages for every key', () => {
    const mismatched = keysOf('id').filter((key) => {
      const k = key as MessageKey;
      return placeholders(CATALOGUE.id[k]).join() !== placeholders(CATALOGUE.en[k]).join();
    });
    expect(mismatched).toEqual([]);
  });

  it('uses only {name} placeholders: no stray braces a translator may have broken', () => {
    const stray = (text: string) => /[{}]/.test(text.replace(/\{\w+\}/g, ''));
    const broken = LANGS.flatMap((lang) => Object.entries(CATALOGUE[lang]).filter(([, text]) => stray(text)));
    expect(broken).toEqual([]);
  });

  it('names every contract code: statuses, documents, causes, relationships, flags, rejection reasons', () => {
    const missing = [
      ...CLAIM_STATUSES.flatMap((s) => [`claimStatus.${s}`, `claimStatus.${s}.help`]),
      ...DOCUMENT_TYPES.map((d) => `document.${d}`),
      ...INCIDENT_CAUSES.map((c) => `cause.${c}`),
      ...RELATIONSHIPS.map((r) => `relationship.${r}`),
      ...CLAIM_FLAGS.map((f) => `flag.${f}`),
      ...ELIGIBILITY_FLAGS.map((f) => `flag.${f}`),
      ...REJECTION_CODES.map((c) => `rejection.${c}`),
      ...UPLOAD_CONTENT_PROBLEMS.map((p) => `error.${p}`),
      'error.uploadId.alreadyUsed',
      'error.document.typeMismatch',
    ].filter((key) => !hasMessage(key));
    expect(missing).toEqual([]);
  });

  it('imports nothing from the rest of shared/, so domain code may use it', () => {
    const dir = join(process.cwd(), 'shared/messages');
    const importsOf = (file: string) => [...readFileSync(join(dir, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    const imports = readdirSync(dir).flatMap(importsOf);
    expect(imports.filter((path) => !path!.startsWith('./'))).toEqual([]);
  });
});

describe('t(key, lang, params)', () => {
  it('fills every placeholder, numbers included', () => {
    expect(t('staff.claim.approvalsCount', 'id', { done: 1, needed: 2 })).toBe('1 dari 2');
    expect(t('staff.claim.approvalsCount', 'en', { done: 0, needed: 1 })).toBe('0 of 1');
  });

  it('does not read a filled value again: a value that looks like a placeholder stays as typed', () => {
    expect(t('staff.queue.heading', 'id', { status: '{status} $& $1' })).toBe('Antrean klaim: {status} $& $1');
  });

  it('returns texts without placeholders as they are', () => {
    expect(t('form.title', 'id')).toBe('Ajukan klaim santunan');
    expect(t('form.title', 'en')).toBe('File a benefit claim');
    expect(messageText('form.duplicate.own', 'en')).toBe('Claim number: {reference}.');
  });

  it('leaves a placeholder visible when a value is missing at run time rather than failing a notification', () => {
    const untyped = t as unknown as (key: string, lang: string, params: object) => string;
    expect(untyped('staff.queue.heading', 'id', {})).toBe('Antrean klaim: {status}');
  });
});

describe('the older tables read their text from the catalogue, in the same shapes', () => {
  it('REJECTION_REASONS and FLAG_LABELS: { id, en } for every code', () => {
    const key = 'rejection.MEMBER_NOT_FOUND';
    expect(REJECTION_REASONS.MEMBER_NOT_FOUND).toEqual({ id: CATALOGUE.id[key], en: CATALOGUE.en[key] });
    expect(Object.keys(FLAG_LABELS)).toEqual([...ELIGIBILITY_FLAGS]);
  });

  it('STAFF_REJECTION_REASONS keeps its codes and their order (the staff form lists them in it)', () => {
    expect(Object.keys(STAFF_REJECTION_REASONS)).toEqual([
      'HEIR_NOT_ENTITLED',
      'DOCUMENTS_INVALID',
      'MEMBER_NAME_WRONG',
      'NOT_ACTIVE_AT_INCIDENT',
      'BENEFIT_NOT_COVERED',
      'CAUSE_NOT_COVERED',
      'DUPLICATE_CLAIM',
      'COMPETING_CLAIM_PREFERRED',
      'OTHER',
    ]);
    expect(STAFF_REJECTION_REASONS.OTHER!.id).toBe('Klaim tidak memenuhi syarat. Petugas akan menjelaskan alasannya.');
  });

  it('STATUS_LABELS and DOCUMENT_LABELS keep { id, en } and the status help', () => {
    expect(STATUS_LABELS.PAID).toEqual({
      id: 'Sudah dibayarkan',
      en: 'Paid',
      help: { id: 'Santunan sudah ditransfer ke rekening Anda.', en: 'The benefit has been transferred.' },
    });
    expect(DOCUMENT_LABELS.FAMILY_CARD.en).toBe('Family card (KK)');
  });

  it('texts() builds a table in the order of the codes given', () => {
    expect(Object.keys(texts('cause', ['other', 'illness']))).toEqual(['other', 'illness']);
  });

  it('errorMessage falls back to "not valid" for a code the catalogue does not know, inherited names included', () => {
    expect(errorMessage('nik.format', 'en')).toMatch(/16 digits/);
    expect(errorMessage('no.such.code', 'id')).toBe('Isian tidak valid.');
    expect(hasErrorMessage('no.such.code')).toBe(false);
    expect(hasErrorMessage('toString')).toBe(false);
    expect(errorMessage('constructor', 'en')).toBe('This value is not valid.');
  });
});
