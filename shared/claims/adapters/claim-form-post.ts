import { randomBytes } from 'node:crypto';
import { canonicalJson, sha256 } from '../../kernel/canonical';
import { ConflictError, type DomainError, ValidationError } from '../../kernel/errors';
import { jakartaDate } from '../../kernel/time';
import type { HttpRequest } from '../../platform/http/handler';
import { type HttpResponse, html, json } from '../../platform/http/responses';
import { errorMessage } from '../../platform/web/i18n';
import type { DocumentType } from '../domain/claim';
import { type AssistedForm, duplicateBanner, renderClaimForm } from '../web/claim-form-page';

/**
 * The claim form's posts, as the HTTP edge reads and answers them: the family's (`POST /claims`) and a field
 * coordinator's (`POST /staff/coordinator/claims`) are the same form, so they are read and answered by the same code.
 */

/** api.md: 1-64 visible ASCII characters. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,64}$/;
/** Form-only fields that are not part of the claim. */
const FORM_CONTROL_FIELDS = ['_idempotencyKey', 'lang', '_documentsLater', '_action', '_draftId'];

export interface ClaimPost {
  body: Record<string, unknown>;
  key?: string;
  /** A form post whose family confirmed filing with required documents still missing (they send them later). */
  documentsLater?: boolean;
  /** For form posts: the form's row index of each submitted document, so errors land beside the right row. */
  formRows?: number[];
  /** `_action` of the button that sent the form (`draft` for a coordinator's "save as a draft"). */
  action?: string;
  draftId?: string;
  /** The idempotency key and request hash to store with the claim (none without a key). */
  idempotency?: { key: string; requestHash: string };
}

/** The body of a claim post without the form's control fields, its idempotency key and the hash that guards it. */
export const readClaimPost = (request: HttpRequest): ClaimPost => {
  const raw = request.body;
  const post = splitBody(request);
  if (post.key !== undefined && !IDEMPOTENCY_KEY.test(post.key))
    throw new ValidationError([{ path: 'Idempotency-Key', code: 'invalid' }], 'Idempotency-Key must be 1-64 visible characters.');
  if (request.bodyKind === 'json' && (typeof raw !== 'object' || raw === null || Array.isArray(raw)))
    throw new ValidationError([{ path: '', code: 'invalid' }], 'The body must be a JSON object.');
  if (!post.key) return post;
  // The hash only serves idempotency: a request without a key is never compared with another, so it is not hashed.
  const requestHash = sha256(`${request.bodyKind}:${canonicalJson(post.body)}`);
  // A form page carries one hidden key. Resending the same form (refresh, double tap) must replay; going Back,
  // correcting a field and sending again is a new attempt, not a misuse of the key: so the key covers the body.
  const isForm = request.bodyKind === 'form' && !request.headers['idempotency-key'];
  return { ...post, idempotency: { key: isForm ? `form:${post.key}:${requestHash.slice(0, 16)}` : post.key, requestHash } };
};

const splitBody = (request: HttpRequest): ClaimPost => {
  const raw = request.body;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { body: {}, key: request.headers['idempotency-key'] };
  const body = { ...(raw as Record<string, unknown>) };
  if (request.bodyKind !== 'form') return { body, key: request.headers['idempotency-key'] };
  const formKey = typeof body._idempotencyKey === 'string' ? body._idempotencyKey : undefined;
  const documentsLater = body._documentsLater === '1';
  const action = typeof body._action === 'string' ? body._action : undefined;
  const draftId = typeof body._draftId === 'string' ? body._draftId : undefined;
  for (const f of FORM_CONTROL_FIELDS) delete body[f];
  // The form posts a row for every document type; rows whose file was not sent carry no uploadId.
  const formRows: number[] = [];
  if (Array.isArray(body.documents)) {
    const rows = body.documents as unknown[];
    body.documents = rows.filter((d, i) => d && typeof d === 'object' && 'uploadId' in d && formRows.push(i) > 0);
  }
  return {
    body,
    key: request.headers['idempotency-key'] ?? formKey,
    formRows,
    documentsLater,
    ...(action ? { action } : {}),
    ...(draftId ? { draftId } : {}),
  };
};

/** Moves `documents[i]` errors back to the form row the family used. */
export const toFormRows = (error: unknown, rows: number[] | undefined): unknown =>
  error instanceof ValidationError && rows
    ? new ValidationError(
        error.fields.map((f) => ({
          ...f,
          path: f.path.replace(/^documents\[(\d+)\]/, (_m, i: string) => `documents[${rows[Number(i)] ?? i}]`),
        })),
        error.message,
      )
    : error;

const formKeyOf = (values: Record<string, unknown>) =>
  typeof values._idempotencyKey === 'string' ? values._idempotencyKey : randomBytes(16).toString('base64url');

/**
 * The form again (200: nothing is wrong with it), every value and sent file kept, asking the family to confirm filing
 * without the required documents it lacks; checking the box and sending again files the claim.
 */
export const confirmMissingPage = (
  request: HttpRequest,
  missing: DocumentType[],
  uploadOrigin: string,
  assisted?: AssistedForm,
): HttpResponse => {
  const values = (request.body ?? {}) as Record<string, unknown>;
  const page = renderClaimForm({
    lang: request.lang,
    idempotencyKey: formKeyOf(values),
    values,
    confirmMissing: missing,
    today: jakartaDate(),
    ...(assisted ? { assisted } : {}),
  });
  return html(200, page, {}, uploadOrigin);
};

/** A form post gets the form back (status 400 or 409) with each message beside its field and every value kept. */
export const claimFormErrorPage = (
  error: DomainError,
  status: number,
  request: HttpRequest,
  uploadOrigin: string,
  assisted?: AssistedForm,
): HttpResponse | undefined => {
  if (request.bodyKind !== 'form') return duplicateDetails(error, request);
  const values = (request.body ?? {}) as Record<string, unknown>;
  const state = { lang: request.lang, idempotencyKey: formKeyOf(values), values, today: jakartaDate(), ...(assisted ? { assisted } : {}) };
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
};

/**
 * JSON clients get the api.md error shape; for a duplicate, the existing reference is added only when the caller
 * already proved they filed it (same claimant NIK), so the 409 cannot be used to look up other people's claims.
 */
const duplicateDetails = (error: DomainError, request: HttpRequest): HttpResponse | undefined => {
  if (!(error instanceof ConflictError) || error.code !== 'DUPLICATE_CLAIM') return undefined;
  const claimantNik = ((request.body as Record<string, Record<string, unknown>> | undefined)?.claimant?.nik as string | undefined)?.replace(
    /[\s.-]/g,
    '',
  );
  const own = claimantNik !== undefined && claimantNik === error.details?.claimantNik;
  return json(409, { error: error.code, message: error.message, ...(own ? { reference: error.details?.reference } : {}) });
};
