import { findClaimOfClaimant } from '../../shared/claims/application/intake/find-claim';
import { appealClaim, correctClaim } from '../../shared/claims/application/intake/reopen-claim';
import { normalizeReference } from '../../shared/claims/domain/reference';
import { appealRequestSchema, correctionRequestSchema } from '../../shared/claims/schemas/reopen';
import { refusalText, renderReopenActions } from '../../shared/claims/web/reopen-forms';
import { renderStatusPage } from '../../shared/claims/web/status-page';
import { claimStore, claimWorkflow, documentStorage, lookupAttempts, uploadStore } from '../../shared/composition/claims';
import { claimMessages, notifier } from '../../shared/composition/notifications';
import { appealWindowDays, publicBaseUrl, staffEmails, uploadOrigin } from '../../shared/composition/settings';
import { ConflictError, ValidationError } from '../../shared/kernel/errors';
import { jakartaDate } from '../../shared/kernel/time';
import { validate } from '../../shared/kernel/validate';
import { type HttpRequest, httpHandler } from '../../shared/platform/http/handler';
import { linkBase } from '../../shared/platform/http/links';
import { type HttpResponse, html, json, redirect } from '../../shared/platform/http/responses';
import { errorMessage, hasErrorMessage } from '../../shared/platform/web/i18n';

const PUBLIC_BASE_URL = publicBaseUrl();
const UPLOAD_ORIGIN = uploadOrigin();
const WINDOW_DAYS = appealWindowDays();
const deps = {
  claims: claimStore(),
  uploads: uploadStore(),
  documents: documentStorage(),
  attempts: lookupAttempts(),
  workflow: claimWorkflow(),
  notifier: notifier(),
  messages: claimMessages(),
  staffEmails: staffEmails(),
  appealWindowDays: WINDOW_DAYS,
};

/** The status page's forms post one row per document; rows whose file was not sent carry no uploadId. */
const withoutEmptyRows = (body: Record<string, unknown>): Record<string, unknown> =>
  Array.isArray(body.documents)
    ? { ...body, documents: (body.documents as Record<string, unknown>[]).filter((d) => d && typeof d.uploadId === 'string' && d.uploadId) }
    : body;

/** A correction form posts the member as two fields; it stays undefined when the form had none (documents only). */
const memberOf = (body: Record<string, unknown>) =>
  body.member && typeof body.member === 'object' ? body : { ...body, member: undefined };

/**
 * A refused form post from the status page: the page again (status 400 or 409), the refusal beside its form and what
 * was typed kept. Only for the claimant: the claim is looked up with the NIK under the same limit as the status page,
 * so a refused post never shows a claim to someone who does not hold the claimant's NIK.
 */
const renderRefused = async (
  error: ValidationError | ConflictError,
  status: number,
  request: HttpRequest,
): Promise<HttpResponse | undefined> => {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const nik = typeof body.nik === 'string' ? body.nik : '';
  const claim = await findClaimOfClaimant(deps, {
    reference: normalizeReference(request.params.reference ?? ''),
    nik,
    sourceIp: request.sourceIp,
  });
  if (!claim) return undefined;
  const lang = request.lang;
  const form = request.route.endsWith('/appeal') ? ('appeal' as const) : ('correction' as const);
  const errors: Record<string, string> = {};
  if (error instanceof ValidationError)
    for (const f of error.fields) errors[f.path] ??= f.message ?? errorMessage(hasErrorMessage(f.code) ? f.code : 'invalid', lang);
  const problem = error instanceof ConflictError ? refusalText(error.code, lang, WINDOW_DAYS) : undefined;
  const member = (body.member ?? {}) as Record<string, unknown>;
  const values = {
    memberNik: typeof member.nik === 'string' ? member.nik : undefined,
    memberName: typeof member.name === 'string' ? member.name : undefined,
    statement: typeof body.statement === 'string' ? body.statement : undefined,
  };
  const reopen = renderReopenActions(claim, { lang, today: jakartaDate(), appealWindowDays: WINDOW_DAYS, errors, form, problem, values });
  const access = `nik=${encodeURIComponent(claim.claimant.nik)}`;
  return html(status, renderStatusPage(claim, lang, false, { access, autoOff: true, ...reopen }), {}, UPLOAD_ORIGIN);
};

/**
 * POST /claims/{reference}/correction and POST /claims/{reference}/appeal: the family's way back from a rejection
 * (JSON, or the forms on the status page). The same NIK check as the status page (404 alike) under the same limit on
 * wrong NIKs per reference (429). A form post that succeeds goes back to the status page.
 */
export const handler = httpHandler(
  async (request) => {
    if (request.bodyKind !== 'form') return reopen(request);
    try {
      return await reopen(request);
    } catch (error) {
      const status = error instanceof ValidationError ? 400 : 409;
      const page =
        error instanceof ValidationError || error instanceof ConflictError ? await renderRefused(error, status, request) : undefined;
      if (page) return page;
      throw error;
    }
  },
  { accepts: ['json', 'form'], maxBodyBytes: 16 * 1024 },
);

const reopen = async (request: HttpRequest): Promise<HttpResponse> => {
  const body = withoutEmptyRows((request.body ?? {}) as Record<string, unknown>);
  const reference = request.params.reference ?? '';
  const common = { reference, sourceIp: request.sourceIp, baseUrl: linkBase(request, PUBLIC_BASE_URL) };
  const appeal = request.route === 'POST /claims/{reference}/appeal';
  const result = appeal
    ? await appealClaim(deps, { ...common, ...validate(appealRequestSchema, body) })
    : await correctClaim(deps, { ...common, ...validate(correctionRequestSchema, memberOf(body)) });
  const statusUrl = `/claims/${result.reference}`;
  if (request.bodyKind === 'form') {
    const nik = encodeURIComponent(String(body.nik ?? '').replace(/[\s.-]/g, ''));
    return redirect(`${statusUrl}?nik=${nik}${request.lang === 'en' ? '&lang=en' : ''}`);
  }
  return json(appeal ? 201 : 200, { reference: result.reference, status: result.status, statusUrl }, { location: statusUrl });
};
