import { createHash } from 'node:crypto';
import { STAFF_STYLESHEET } from './assets/staff-styles.generated';
import { STYLESHEET } from './assets/styles.generated';
import { type SafeHtml, styleElement } from './html';

/**
 * The stylesheet goes inside each page rather than behind a <link>: a stylesheet blocks the first render, and on a
 * weak signal (Chromium's slow 3G: 2 s a round trip) fetching it doubled the time to the first paint of the claim
 * form (docs/benchmarks.md, "Family pages on a slow 3G phone"). It is 2 KB (under 1 KB as sent); GET /assets/app.css
 * still serves it for pages outside the layout. The Content-Security-Policy allows exactly this text by its hash.
 */
export const inlineStylesheet = (): SafeHtml => styleElement(STYLESHEET);

/**
 * Staff pages: the same stylesheet and the console's own rules after it, in one element. The family's pages never
 * carry the console's rules (the claim form stays under 30 KB on a weak signal).
 */
const CONSOLE_STYLESHEET = `${STYLESHEET}${STAFF_STYLESHEET}`;
export const inlineStaffStylesheet = (): SafeHtml => styleElement(CONSOLE_STYLESHEET);

const hashOf = (css: string) => `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
/** The CSP sources that allow the two inline stylesheets and nothing else (`style-src 'self' 'sha256-...' 'sha256-...'`). */
export const STYLESHEET_CSP_SOURCE = `${hashOf(STYLESHEET)} ${hashOf(CONSOLE_STYLESHEET)}`;
