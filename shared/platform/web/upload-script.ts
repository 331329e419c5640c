import { type Lang, t } from '../../messages';
import { html, type SafeHtml } from './html';

/**
 * The tag of the document upload script (browser/upload.ts, served as /assets/upload.js). It reads its words from
 * these data-* attributes, so one cached script serves every language.
 */
export const uploadScriptTag = (lang: Lang): SafeHtml => {
  const [retry, done, sending] = [t('upload.retry', lang), t('upload.done', lang), t('upload.sending', lang)];
  return html`<script src="/assets/upload.js" defer data-retry="${retry}" data-done="${done}" data-sending="${sending}"></script>`;
};
