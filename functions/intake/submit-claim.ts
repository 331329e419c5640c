import { randomBytes } from 'node:crypto';
import { submitClaim, submitUnlessDocumentsMissing } from '../../shared/claims/application/intake/submit-claim';
import type { DocumentType } from '../../shared/claims/domain/claim';
import { claimSubmissionSchema } from '../../shared/claims/schemas/claim';
import { duplicateBanner, renderClaimForm } from '../../shared/claims/web/claim-form-page';
import { claimStore, claimWorkflow, documentStorage, uploadStore } from '../../shared/composition/claims';
import { uploadOrigin as configuredUploadOrigin, publicBaseUrl } from '../../shared/composition/settings';
import { canonicalJson, sha256 } from '../../shared/kernel/canonical';
import { ConflictError, type DomainError, ValidationError } from '../../shared/kernel/errors';
import { jakartaDate } from '../../shared/kernel/time';
import { validate } from '../../shared/kernel/validate';
import { type HttpRequest, httpHandler } from '../../shared/platform/http/handler';
import { linkBase } from '../../shared/platform/http/links';
import { type HttpResponse, html, json, redirect } from '../../shared/platform/http/responses';
import { MetricUnit, metrics } from '../../shared/platform/observability';
import { errorMessage } from '../../shared/platform/web/i18n';

/** Links in messages: the configured public URL, never the request's Host (shared/platform/http/links.ts). */
const PUBLIC_BASE_URL = publicBaseUrl();

const deps = { claims: claimStore(), uploads: uploadStore(), documents: documentStorage(), workflow: claimWorkflow() };
const uploadOrigin = configuredUploadOrigin();
/** api.md: 1-64 visible ASCII characters. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,64}$/;
/** Form-only fields that are not part of the claim. */
const FORM_CONTROL_FIELDS = ['_idempotencyKey', 'lang', '_documentsLater'];

interface SplitBody {
  body: Record<string, unknown>;
  key?: string;
  /** A form post whose family confirmed filing with required documents still missing (they send them later). */
  documentsLater?: boolean;
  /** For form posts: the form's row index of each submitted document, so errors land beside the right row. */
  formRows?: number[];
}

const splitBody = (request: HttpRequest): SplitBody => {
  const raw = request.body;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { body: {}, key: request.headers['idempotency-key'] };
  const body = { ...(raw as Record<string, unknown>) };
  if (request.bodyKind !== 'form') return { body, key: request.headers['idempotency-key'] };
  const formKey = typeof body._idempotencyKey === 'string' ? body._idempotencyKey : undefined;
  const documentsLater = body._documentsLater === '1';
  for (const f of FORM_CONTROL_FIELDS) delete body[f];
  // The form posts a row for every document type; rows whose file was not sent carry no uploadId.
  const formRows: number[] = [];
  if (Array.isArray(body.documents)) {
    const rows = body.documents as unknown[];
    body.documents = rows.filter((d, i) => d && typeof d === 'object' && 'uploadId' in d && formRows.push(i) > 0);
  }
  return { body, key: request.headers['idempotency-key'] ?? formKey, formRows, documentsLater };
};

/** Moves `documents[i]` errors back to the form row the family used. */
const toFormRows = (error: ValidationError, rows: number[]): ValidationError =>
  new ValidationError(
    error.fields.map((f) => ({
      ...f,
      path: f.path.replace(/^documents\[(\d+)\]/, (_m, i: string) => `documents[${rows[Number(i)] ?? i}]`),
    })),
    error.message,
  );

/**
 * POST /claims: validate, check the documents, store the claim once, answer 201 (JSON) or 303 (form); a form post
 * missing required documents first gets the form back asking to confirm (`_documentsLater=1` files it).
 */
export const handler = httpHandler(
  async (request) => {
    const { body, key, formRows, documentsLater } = splitBody(request);
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
      throw new ValidationError([{ path: 'Idempotency-Key', code: 'invalid' }], 'Idempotency-Key must be 1-64 visible characters.');
    if (request.bodyKind === 'json' && (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body))) {
      throw new ValidationError([{ path: '', code: 'invalid' }], 'The body must be a JSON object.');
    }
    const isForm = request.bodyKind === 'form';
    // The hash only serves idempotency: a request without a key is never compared with another, so it is not hashed.
    const requestHash = key ? sha256(`${request.bodyKind}:${canonicalJson(body)}`) : '';
    // A form page carries one hidden key. Resending the same form (refresh, double tap) must replay; going Back,
    // correcting a field and sending again is a new attempt, not a misuse of the key: so the key covers the body.
    const idempotencyKey = key && (isForm && !request.headers['idempotency-key'] ? `form:${key}:${requestHash.slice(0, 16)}` : key);
    try {
      const submission = validate(claimSubmissionSchema, body);
      const options = {
        channel: isForm ? ('form' as const) : ('api' as const),
        baseUrl: linkBase(request, PUBLIC_BASE_URL),
        idempotency: idempotencyKey ? { key: idempotencyKey, requestHash } : undefined,
      };
      // The form asks once before filing without required documents; JSON clients file as api.md says.
      const asked = isForm && !documentsLater ? await submitUnlessDocumentsMissing(deps, submission, options) : undefined;
      if (asked?.kind === 'confirmMissing') return confirmMissingPage(request, asked.missingDocuments);
      const outcome = asked?.kind === 'filed' ? asked.outcome : await submitClaim(deps, submission, options);
      // Only a claim stored by this request counts, not an idempotent replay.
      if (!outcome.replayed) metrics.addMetric('ClaimsSubmitted', MetricUnit.Count, 1);
      // The same answer the first time and on every replay: it is rendered from the outcome, never stored.
      const statusUrl = `/claims/${outcome.reference}`;
      if (isForm) return redirect(`${statusUrl}?nik=${submission.claimant.nik}&new=1${request.lang === 'en' ? '&lang=en' : ''}`);
      const created = { reference: outcome.reference, status: outcome.status, statusUrl, missingDocuments: outcome.missingDocuments };
      return json(201, created, { location: statusUrl });
    } catch (error) {
      throw error instanceof ValidationError && formRows ? toFormRows(error, formRows) : error;
    }
  },
  { accepts: ['json', 'form'], maxBodyBytes: 64 * 1024, renderError: formErrorPage },
);

/**
 * The form again (200: nothing is wrong with it), every value and sent file kept, asking the family to confirm filing
 * without the required documents it lacks; checking the box and sending again files the claim.
 */
function confirmMissingPage(request: HttpRequest, missing: DocumentType[]): HttpResponse {
  const values = (request.body ?? {}) as Record<string, unknown>;
  const idempotencyKey = typeof values._idempotencyKey === 'string' ? values._idempotencyKey : randomBytes(16).toString('base64url');
  const page = renderClaimForm({ lang: request.lang, idempotencyKey, values, confirmMissing: missing, today: jakartaDate() });
  return html(200, page, {}, uploadOrigin);
}

/** A form post gets the form back (status 400 or 409) with each message beside its field and every value kept. */
function formErrorPage(error: DomainError, status: number, request: HttpRequest): HttpResponse | undefined {
  if (request.bodyKind !== 'form') return duplicateDetails(error, request);
  const values = (request.body ?? {}) as Record<string, unknown>;
  const idempotencyKey = typeof values._idempotencyKey === 'string' ? values._idempotencyKey : randomBytes(16).toString('base64url');
  const state = { lang: request.lang, idempotencyKey, values, today: jakartaDate() };
  if (error instanceof ValidationError) {
    const errors = Object.fromEntries(error.fields.map((f) => [f.path, errorMessage(f.code, request.lang)]));
    return html(400, renderClaimForm({ ...state, errors }), {}, uploadOrigin);
  }
  if (error instanceof ConflictError && error.code === 'DUPLICATE_CLAIM') {
    const typedNik = String((values.claimant as Record<string, unknown> | undefined)?.nik ?? '').replace(/[\s.-]/g, '');
    const own = error.details?.claimantNik === typedNik;
    const banner = duplicateBanner(request.lang, own ? { reference: String(error.details?.reference), claimantNik: typedNik } : undefined);
    return html(409, renderClaimForm({ ...state, banner }), {}, uploadOrigin);
  }
  // Anything else a form post can run into (a body over 64 KB, a concurrent retry) still answers with the form,
  // never with JSON a family cannot read.
  const banner = errorMessage(status === 413 ? 'form.tooLarge' : 'form.retry', request.lang);
  return html(status, renderClaimForm({ ...state, banner }), {}, uploadOrigin);
}

/**
 * JSON clients get the api.md error shape; for a duplicate, the existing reference is added only when the caller
 * already proved they filed it (same claimant NIK), so the 409 cannot be used to look up other people's claims.
 */
function duplicateDetails(error: DomainError, request: HttpRequest): HttpResponse | undefined {
  if (!(error instanceof ConflictError) || error.code !== 'DUPLICATE_CLAIM') return undefined;
  const claimantNik = ((request.body as Record<string, Record<string, unknown>> | undefined)?.claimant?.nik as string | undefined)?.replace(
    /[\s.-]/g,
    '',
  );
  const own = claimantNik !== undefined && claimantNik === error.details?.claimantNik;
  return json(409, { error: error.code, message: error.message, ...(own ? { reference: error.details?.reference } : {}) });
}
