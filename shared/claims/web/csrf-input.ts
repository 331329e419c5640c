import { html, type SafeHtml } from '../../platform/web/html';
import { CSRF_FIELD } from '../../staff/domain/csrf';

/** The hidden field every staff post form carries: the session's form token (shared/staff/domain/csrf.ts). */
export const csrfInput = (token: string): SafeHtml => html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;
