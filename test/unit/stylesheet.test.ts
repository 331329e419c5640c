import { createHash } from 'node:crypto';
import { renderClaimForm } from '../../shared/claims/web/claim-form-page';
import { html as htmlResponse } from '../../shared/platform/http/responses';
import { STAFF_STYLESHEET } from '../../shared/platform/web/assets/staff-styles.generated';
import { STYLESHEET } from '../../shared/platform/web/assets/styles.generated';
import { html, styleElement } from '../../shared/platform/web/html';
import { staffLayout } from '../../shared/platform/web/staff-layout';

/**
 * The stylesheet is written into each page (no round trip before the first paint), and the Content-Security-Policy
 * allows exactly that text by its hash, and no other inline style.
 */
describe('the inline stylesheet', () => {
  it('is in every page of the layout, instead of a link, and the page’s CSP allows exactly it', () => {
    // Arrange
    const page = renderClaimForm({ lang: 'id', idempotencyKey: 'k', today: '2026-11-30' });

    // Act
    const css = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1];
    const csp = htmlResponse(200, page).headers['content-security-policy']!;

    // Assert
    expect(css).toBe(STYLESHEET);
    expect(page).not.toContain('<link rel="stylesheet"');
    const styleSrc = /style-src ([^;]+);/.exec(csp)?.[1]?.split(' ');
    expect(styleSrc).toContain(`'sha256-${createHash('sha256').update(css!, 'utf8').digest('base64')}'`);
    expect(styleSrc?.[0]).toBe("'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('keeps the console out of the family pages: staff pages add their own rules, which the CSP allows too', () => {
    // The family's pages stay light on a weak signal; the console's queues, reports and claim page need more.
    expect(STYLESHEET).not.toContain('header.staff');
    expect(STYLESHEET).not.toContain('.report-figures');
    const page = staffLayout({ lang: 'id', title: 'x', body: html`<p>x</p>`, user: { username: 'verifier', roles: ['verifier'] } });
    const css = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1];
    expect(css).toBe(`${STYLESHEET}${STAFF_STYLESHEET}`);
    expect(css).toContain('header.staff');
    const csp = htmlResponse(200, page).headers['content-security-policy']!;
    expect(csp).toContain(`'sha256-${createHash('sha256').update(css!, 'utf8').digest('base64')}'`);
  });

  it('cannot be closed early by its own text', () => {
    expect(() => styleElement('p{color:red}</STYLE><script>alert(1)</script>')).toThrow(TypeError);
    expect(styleElement('p{color:red}').toString()).toBe('<style>p{color:red}</style>');
  });
});
