import { findClaimOfClaimant, publicStatus } from '../../shared/claims/application/intake/find-claim';
import { normalizeReference } from '../../shared/claims/domain/reference';
import { renderLookupPage, renderStatusPage } from '../../shared/claims/web/status-page';
import { claimStore } from '../../shared/composition/claims';
import { uploadOrigin as configuredUploadOrigin } from '../../shared/composition/settings';
import { NotFoundError } from '../../shared/kernel/errors';
import { httpHandler } from '../../shared/platform/http/handler';
import { html, json, redirect, wantsJson } from '../../shared/platform/http/responses';

const claims = claimStore();
/** The status page uploads missing documents straight to storage: allowed in its Content-Security-Policy. */
const uploadOrigin = configuredUploadOrigin();

/**
 * GET /claims/{reference}?nik=: the status for whoever filed it. An unknown reference and a wrong NIK give the
 * same 404, so the page cannot be used to probe which references exist.
 * GET /status?reference=&nik=: the lookup form (works without JavaScript), redirecting to the status page.
 */
export const handler = httpHandler(async (request) => {
  if (request.route === 'GET /status') {
    const { reference, nik } = request.query;
    if (!reference || !nik) return html(200, renderLookupPage(request.lang, { reference, nik }, false));
    const lang = request.lang === 'en' ? '&lang=en' : '';
    return redirect(
      `/claims/${encodeURIComponent(normalizeReference(reference))}?nik=${encodeURIComponent(nik.replace(/[\s.-]/g, ''))}${lang}`,
    );
  }
  // API Gateway (and the twin) hand over path parameters already decoded.
  const reference = normalizeReference(request.params.reference ?? '');
  const nik = (request.query.nik ?? '').replace(/[\s.-]/g, '');
  const found = await findClaimOfClaimant(claims, reference, nik);
  if (!wantsJson(request.headers)) {
    if (!found) return html(404, renderLookupPage(request.lang, { reference, nik }, true));
    return html(200, renderStatusPage(found, request.lang, request.query.new === '1'), {}, uploadOrigin);
  }
  if (!found) throw new NotFoundError('No claim with this reference and claimant NIK.');
  return json(200, publicStatus(found));
});
