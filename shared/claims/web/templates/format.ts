import { jakartaIso, longDate } from '../../../kernel/time';
import { type Lang, t } from '../../../messages';
import { BANKS } from '../../../reference-data/banks';

/**
 * How messages write values: the Indonesian way, never as codes or ISO timestamps. Amounts `Rp42.000.000`, dates
 * `3 Oktober 2026`, times `3 Oktober 2026 pukul 14.05 WIB` (Asia/Jakarta), accounts by their last 4 digits only.
 */
export const rupiah = (amount: number): string => `Rp${amount.toLocaleString('id-ID')}`;

/** A date (`YYYY-MM-DD`) or a timestamp, as the day in Jakarta: `3 Oktober 2026`. */
export const dateWords = (iso: string, lang: Lang): string => longDate(iso, lang);

/** A timestamp as `3 Oktober 2026 pukul 14.05 WIB`. */
export const dateTimeWords = (iso: string, lang: Lang): string => {
  const hhmm = jakartaIso(new Date(iso)).slice(11, 16);
  return t('email.dateTime', lang, { date: longDate(iso, lang), time: lang === 'id' ? hhmm.replace(':', '.') : hhmm });
};

/** The last 4 digits of an account number: all a message ever shows of it. */
export const lastFour = (account: string): string => account.replace(/\D/g, '').slice(-4);

export const bankName = (code: string): string => BANKS[code] ?? code;
