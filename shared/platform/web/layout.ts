import { type Lang, t } from '../../messages';
import { html, type SafeHtml } from './html';
import { inlineStylesheet } from './stylesheet';

/**
 * The frame of every page: the stylesheet inline (stylesheet.ts), no script unless the page adds one. Returns the
 * response body. `head` is for what belongs in <head> only (the status page's refresh for browsers without JavaScript).
 */
export const layout = (opts: { lang: Lang; title: string; body: SafeHtml; langSwitch?: SafeHtml; head?: SafeHtml }): string =>
  [
    html`<!doctype html><html lang="${opts.lang}"><head><meta charset="utf-8">`,
    html`<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,">`,
    html`<title>${opts.title}</title>${inlineStylesheet()}${opts.head}</head>`,
    html`<body><header><strong>Santunan</strong> · ${t('layout.tagline', opts.lang)}`,
    html`${opts.langSwitch && html` · ${opts.langSwitch}`}</header>`,
    html`<main>${opts.body}</main><footer>${t('layout.privacy', opts.lang)}</footer></body></html>`,
  ].join('');
