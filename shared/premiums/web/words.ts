import { jakartaIso, longDate } from '../../kernel/time';
import { type Lang, t } from '../../messages';

/**
 * How the premium pages and emails write values: amounts `Rp16.800`, months `Oktober 2026`, times `3 Oktober 2026
 * pukul 14.05 WIB`, and how a run started in words, never as codes.
 */
export const rupiah = (amount: number): string => `${amount < 0 ? '-' : ''}Rp${Math.abs(amount).toLocaleString('id-ID')}`;

/** `2026-10` as `Oktober 2026` (or `October 2026`). */
export const monthWords = (period: string, lang: Lang): string => longDate(`${period}-15`, lang).replace(/^\d+\s+/, '');

export const dateTimeWords = (iso: string, lang: Lang): string => {
  const hhmm = jakartaIso(new Date(iso)).slice(11, 16);
  return t('email.dateTime', lang, { date: longDate(iso, lang), time: lang === 'id' ? hhmm.replace(':', '.') : hhmm });
};

/** How the run started: the daily schedule, the shell, or a person on demand (`on demand by <username>`). */
export const triggerWords = (trigger: string, lang: Lang): string => {
  if (trigger === 'schedule') return t('email.reconciliation.trigger.schedule', lang);
  if (trigger === 'shell') return t('email.reconciliation.trigger.shell', lang);
  if (trigger === 'seed') return t('email.reconciliation.trigger.seed', lang);
  const byUser = /^on demand by (.+)$/.exec(trigger);
  return byUser ? t('email.reconciliation.trigger.onDemand', lang, { user: byUser[1]! }) : trigger;
};
