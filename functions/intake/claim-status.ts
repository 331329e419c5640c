import { findClaimOfClaimant, publicStatus } from '../../shared/claims/application/intake/find-claim';
import { normalizeReference } from '../../shared/claims/domain/reference';
import { renderReopenActions } from '../../shared/claims/web/reopen-forms';
import { renderLookupPage, renderStatusPage } from '../../shared/claims/web/status-page';
import { claimStore, lookupAttempts } from '../../shared/composition/claims';
import { appealWindowDays, uploadOrigin as configuredUploadOrigin } from '../../shared/composition/settings';
import { statusLinkService } from '../../shared/composition/status-links';
import { NotFoundError, TooManyAttemptsError } from '../../shared/kernel/errors';
import { jakartaDate } from '../../shared/kernel/time';
import { httpHandler } from '../../shared/platform/http/handler';
import { html, json, redirect, retryAfterHeader, wantsJson } from '../../shared/platform/http/responses';

const deps = { claims: claimStore(), attempts: lookupAttempts(), links: statusLinkService() };
/** The status page uploads missing documents straight to storage: allowed in its Content-Security-Policy. */
const uploadOrigin = configuredUploadOrigin();
/** A rejected claim's page offers the appeal until this many days after the decision. */
const WINDOW_DAYS = appealWindowDays();

const cleanNik = (nik: string | undefined) => (nik ?? '').replace(/[\s.-]/g, '');

/**
 * The credential of a status request, as it reached us: the token of a link from an email or SMS (`t=`), or the
 * claimant's NIK typed by hand (`nik=`). The page keeps it on its own links (language switch, refresh).
 */
const accessOf = (query: Record<string, string | undefined>): { token?: string; nik?: string; query: string } =>
  query.t !== undefined
    ? { token: query.t, query: `t=${encodeURIComponent(query.t)}` }
    : { nik: cleanNik(query.nik), query: `nik=${encodeURIComponent(cleanNik(query.nik))}` };

/**
 * GET /claims/{reference}?t= (a status link) or ?nik= (typed by hand): the status for whoever filed it. An unknown
 * reference, a wrong NIK and a wrong, expired or revoked token give the same 404, so the page cannot be used to probe
 * which references exist; too many of them on one reference are a 429 (the lookup page with a message, for a
 * browser) until the reference's window ends.
 * GET /status?reference=&nik=: the lookup form (works without JavaScript), redirecting to the status page.
 */
export const handler = httpHandler(
  async (request) => {
    if (request.route === 'GET /status') {
      const { reference, nik } = request.query;
      if (!reference || !nik) return html(200, renderLookupPage(request.lang, { reference, nik }));
      const lang = request.lang === 'en' ? '&lang=en' : '';
      return redirect(`/claims/${encodeURIComponent(normalizeReference(reference))}?nik=${encodeURIComponent(cleanNik(nik))}${lang}`);
    }
    // API Gateway (and the twin) hand over path parameters already decoded.
    const reference = normalizeReference(request.params.reference ?? '');
    const access = accessOf(request.query);
    const found = await findClaimOfClaimant(deps, { reference, nik: access.nik, token: access.token, sourceIp: request.sourceIp });
    if (!wantsJson(request.headers)) {
      if (!found) return html(404, renderLookupPage(request.lang, { reference, nik: access.nik }, { kind: 'notFound' }));
      // The page's own links (language, refresh) carry the access that opened it, and whether updates are off.
      const reopen = renderReopenActions(found, { lang: request.lang, today: jakartaDate(), appealWindowDays: WINDOW_DAYS });
      const page = { access: access.query, autoOff: request.query.auto === 'off', ...reopen };
      return html(200, renderStatusPage(found, request.lang, request.query.new === '1', page), {}, uploadOrigin);
    }
    if (!found) throw new NotFoundError('No claim with this reference and claimant NIK.');
    return json(200, publicStatus(found));
  },
  {
    renderError: (error, status, request) =>
      error instanceof TooManyAttemptsError && request.route === 'GET /claims/{reference}' && !wantsJson(request.headers)
        ? html(
            status,
            renderLookupPage(
              request.lang,
              { reference: normalizeReference(request.params.reference ?? ''), nik: accessOf(request.query).nik },
              { kind: 'tooManyAttempts', retryAfterSeconds: error.retryAfterSeconds },
            ),
            retryAfterHeader(error),
          )
        : undefined,
  },
);
