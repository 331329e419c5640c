import { timingSafeEqual } from 'node:crypto';
import { claimsRepository } from '../../shared/composition/intake-adapters';
import { optionalEnv } from '../../shared/composition/env';
import type { Claim } from '../../shared/claims/domain/claim';
import { normalizeReference, REFERENCE_PATTERN } from '../../shared/claims/domain/reference';
import { NotFoundError } from '../../shared/kernel/errors';
import { httpHandler } from '../../shared/platform/http/handler';
import { html, json, redirect, wantsJson } from '../../shared/platform/http/responses';
import { renderLookupPage, renderStatusPage } from '../../shared/claims/web/status-page';

const claims = claimsRepository();
/** The status page uploads missing documents straight to storage: allowed in its Content-Security-Policy. */
const uploadOrigin = optionalEnv('UPLOAD_ORIGIN', '');

const sameNik = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The family's view: no staff notes, no bank account, no NIKs. */
export const publicStatus = (claim: Claim) => ({
  reference: claim.reference,
  status: claim.status,
  benefit: claim.benefit,
  submittedAt: claim.submittedAt,
  timeline: claim.timeline,
  missingDocuments: claim.missingDocuments,
  // api.md's fields only: no staff names, no transfer ids.
  ...(claim.decision ? { decision: { outcome: claim.decision.outcome, reasonCode: claim.decision.reasonCode, reason: claim.decision.reason } } : {}),
  ...(claim.payment ? { payout: { amount: claim.payment.amount, currency: claim.payment.currency, paidAt: claim.payment.paidAt, components: claim.payment.components } } : {}),
});

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
    return redirect(`/claims/${encodeURIComponent(normalizeReference(reference))}?nik=${encodeURIComponent(nik.replace(/[\s.-]/g, ''))}${lang}`);
  }
  // API Gateway (and the twin) hand over path parameters already decoded.
  const reference = normalizeReference(request.params.reference ?? '');
  const nik = (request.query.nik ?? '').replace(/[\s.-]/g, '');
  const claim = REFERENCE_PATTERN.test(reference) && /^\d{16}$/.test(nik) ? await claims.get(reference) : undefined;
  const found = claim && sameNik(claim.claimant.nik, nik) ? claim : undefined;
  if (!wantsJson(request.headers)) {
    if (!found) return html(404, renderLookupPage(request.lang, { reference, nik }, true));
    return html(200, renderStatusPage(found, request.lang, request.query.new === '1'), {}, uploadOrigin);
  }
  if (!found) throw new NotFoundError('No claim with this reference and claimant NIK.');
  return json(200, publicStatus(found));
});
