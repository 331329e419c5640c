import { hasMessage, type Lang, type MessageKey, messageText, t } from '../../messages';
import { type HtmlValue, htmlMessage, type SafeHtml } from './html';

export type { Lang } from '../../messages';

/**
 * Bahasa Indonesia unless `?lang=en` is asked for. The browser's Accept-Language is deliberately ignored: many
 * phones in Indonesia are set to English while their owners read Indonesian best (api.md: Indonesian by default).
 */
export const pickLang = (query?: Record<string, string | undefined>): Lang => (query?.lang?.toLowerCase() === 'en' ? 'en' : 'id');

/** Validation messages by code (the codes come from the schemas); an unknown code reads as "not valid". */
export const errorMessage = (code: string, lang: Lang): string => {
  const key = `error.${code}`;
  return hasMessage(key) ? messageText(key, lang) : t('error.invalid', lang);
};
export const hasErrorMessage = (code: string): boolean => hasMessage(`error.${code}`);

/** A catalogue text as HTML, its placeholders filled with fragments (a link inside a sentence); the text is escaped. */
export const tHtml = (key: MessageKey, lang: Lang, params: Readonly<Record<string, HtmlValue>>): SafeHtml =>
  htmlMessage(messageText(key, lang), params);
