import { createHash } from 'node:crypto';
import { STYLESHEET } from './assets/styles.generated';
import { type SafeHtml, styleElement } from './html';

/**
 * The stylesheet goes inside each page rather than behind a <link>: a stylesheet blocks the first render, and on a
 * weak signal (Chromium's slow 3G: 2 s a round trip) fetching it doubled the time to the first paint of the claim
 * form (docs/benchmarks.md, "Family pages on a slow 3G phone"). It is 2 KB (under 1 KB as sent); GET /assets/app.css
 * still serves it for pages outside the layout. The Content-Security-Policy allows exactly this text by its hash.
 */
export const inlineStylesheet = (): SafeHtml => styleElement(STYLESHEET);

/** The CSP source that allows the inline stylesheet and nothing else (`style-src 'self' 'sha256-...'`). */
export const STYLESHEET_CSP_SOURCE = `'sha256-${createHash('sha256').update(STYLESHEET, 'utf8').digest('base64')}'`;
