import { hasMessage, type Lang, messageText, t } from '../../messages';
import { PROGRAMMES } from '../../reference-data/programmes';
import { PROVINCES } from '../../reference-data/regions';
import { type Dimension, UNKNOWN } from '../domain/summary';

/** Every code of the reports in words (the staff see words, the CSV has both). */
export const valueLabel = (dimension: Dimension | 'status', code: string, lang: Lang): string => {
  if (code === UNKNOWN) return t('report.unknown', lang);
  switch (dimension) {
    case 'status': {
      const key = `claimStatus.${code}`;
      return hasMessage(key) ? messageText(key, lang) : code;
    }
    case 'benefit': {
      const key = `benefitName.${code}`;
      return hasMessage(key) ? messageText(key, lang) : code;
    }
    case 'cause': {
      const key = `cause.${code}`;
      return hasMessage(key) ? messageText(key, lang) : code;
    }
    case 'programme': {
      const programme = PROGRAMMES[code];
      return programme ? `${code} (${programme.name})` : code;
    }
    case 'province':
      return PROVINCES[code] ?? t('report.unknownProvince', lang, { code });
  }
};

const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');
const numberFormats = new Map<Lang, Intl.NumberFormat>();
const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** 1.234 / 7,5 (id) or 1,234 / 7.5 (en). */
export const number = (n: number, lang: Lang): string => {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 });
    numberFormats.set(lang, f);
  }
  return f.format(n);
};

/** Integer rupiah as Indonesians write it, in both languages: Rp42.000.000. */
export const rupiah = (amount: number): string => `Rp${number(amount, 'id')}`;

/** A rate (0.8234) as a percentage with one decimal. */
export const percent = (rate: number | null, lang: Lang): string =>
  rate === null ? '-' : `${number(Math.round(rate * 1000) / 10, lang)}%`;

/** `2025-03` as `Maret 2025` (or `Mar 2025` short). Plain UTC arithmetic: the month is already a Jakarta month. */
export const monthName = (period: string, lang: Lang, style: 'long' | 'short' = 'long'): string => {
  const key = `${lang}:${style}`;
  let f = monthFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(lang), { month: style, year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(key, f);
  }
  return f.format(new Date(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)) - 1, 1)));
};

/** A Jakarta day of an instant or a YYYY-MM-DD date, in words: `10 April 2025`. */
export const dayName = (isoOrDate: string, lang: Lang): string => {
  const at = isoOrDate.length === 10 ? `${isoOrDate}T12:00:00+07:00` : isoOrDate;
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' }).format(
    new Date(at),
  );
};
