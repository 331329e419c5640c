import { randomBytes } from 'node:crypto';
import { claimFormErrorPage, confirmMissingPage, readClaimPost, toFormRows } from '../../shared/claims/adapters/claim-form-post';
import {
  claimOfDistricts,
  coordinatorHome,
  deleteDraft,
  draftOf,
  fileForFamily,
  isDraftId,
  saveDraft,
} from '../../shared/claims/application/intake/assisted-filing';
import { normalizeReference } from '../../shared/claims/domain/reference';
import { claimSubmissionSchema } from '../../shared/claims/schemas/claim';
import { type AssistedForm, renderClaimForm } from '../../shared/claims/web/claim-form-page';
import { renderCoordinatorClaim, renderCoordinatorHome } from '../../shared/claims/web/coordinator-page';
import { csrfInput } from '../../shared/claims/web/csrf-input';
import { claimStore, claimWorkflow, documentStorage, draftStore, uploadStore } from '../../shared/composition/claims';
import { membersRepository } from '../../shared/composition/premiums';
import { uploadOrigin as configuredUploadOrigin, publicBaseUrl } from '../../shared/composition/settings';
import { staffAuth, staffSignIn } from '../../shared/composition/staff-auth';
import { NotFoundError, UnauthorizedError } from '../../shared/kernel/errors';
import { jakartaDate } from '../../shared/kernel/time';
import { validate } from '../../shared/kernel/validate';
import { t } from '../../shared/messages';
import { type HttpRequest, httpHandler } from '../../shared/platform/http/handler';
import { linkBase } from '../../shared/platform/http/links';
import { html, redirect } from '../../shared/platform/http/responses';
import { html as markup } from '../../shared/platform/web/html';
import { StaffSignIn } from '../../shared/staff/adapters/sign-in';
import { requireRole, type StaffUser } from '../../shared/staff/domain/roles';

const PUBLIC_BASE_URL = publicBaseUrl();
const uploadOrigin = configuredUploadOrigin();
/** A browser without a session goes to the hosted sign-in and back (shared/staff/adapters/sign-in.ts). */
const signIn = staffSignIn();
const auth = staffAuth();
const deps = {
  claims: claimStore(),
  uploads: uploadStore(),
  documents: documentStorage(),
  workflow: claimWorkflow(),
  members: membersRepository(),
  drafts: draftStore(),
};

const en = (request: HttpRequest) => (request.lang === 'en' ? '?lang=en' : '');

/** The claim form as a coordinator sees it: posted to their route, with the session's form token and the draft's id. */
const assistedForm = (request: HttpRequest, draftId?: string): AssistedForm => {
  const other = request.lang === 'en' ? '' : '?lang=en';
  return {
    action: `/staff/coordinator/claims${en(request)}`,
    hidden: markup`${csrfInput(auth.csrfToken(request))}${isDraftId(draftId) && markup`<input type="hidden" name="_draftId" value="${draftId}">`}`,
    otherLanguage: `/staff/coordinator/claims/new${other}${isDraftId(draftId) ? `${other ? '&' : '?'}draft=${draftId}` : ''}`,
  };
};

const draftIdOf = (request: HttpRequest): string | undefined => {
  const raw = (request.body as Record<string, unknown> | undefined)?._draftId;
  return typeof raw === 'string' ? raw : undefined;
};

/**
 * The field coordinator's pages (assisted filing): their page (drafts, the claims of their districts), the claim form
 * posted to their route (file, or save a draft), a draft deleted, one claim of their districts. Every request is
 * signed in (the staff session; the role and the districts come from the token's groups) and every use case checks
 * the `coordinator` role; a GET never changes state.
 */
export const handler = httpHandler(
  async (request) => {
    let user: StaffUser;
    try {
      user = await auth.authenticate(request);
    } catch (error) {
      if (error instanceof UnauthorizedError && request.method === 'GET')
        return signIn.start(linkBase(request, PUBLIC_BASE_URL), StaffSignIn.nextOf(request));
      throw error;
    }
    // The role first, for every route: staff of other roles learn nothing from a form's errors (the access matrix test).
    requireRole(user, ['coordinator']);
    switch (request.route) {
      case 'GET /staff/coordinator': {
        const { drafts, claims } = await coordinatorHome(deps, user);
        const filed = request.query.filed;
        const message =
          filed && /^SNT-\d{4}-[A-Z0-9]{6}$/.test(filed)
            ? t('coordinator.filed', request.lang, { reference: filed })
            : request.query.saved === '1'
              ? t('coordinator.draft.saved', request.lang)
              : request.query.deleted === '1'
                ? t('coordinator.draft.deleted', request.lang)
                : undefined;
        const csrfToken = auth.csrfToken(request);
        return html(200, renderCoordinatorHome({ lang: request.lang, user, drafts, claims, csrfToken, ...(message ? { message } : {}) }));
      }
      case 'GET /staff/coordinator/claims/new': {
        const draftId = request.query.draft;
        const draft = draftId ? await draftOf(deps, user, draftId) : undefined;
        const page = renderClaimForm({
          lang: request.lang,
          idempotencyKey: randomBytes(16).toString('base64url'),
          today: jakartaDate(),
          assisted: assistedForm(request, draft?.id),
          ...(draft ? { values: draft.values } : {}),
        });
        return html(200, page, {}, uploadOrigin);
      }
      case 'POST /staff/coordinator/claims': {
        const post = readClaimPost(request);
        if (post.action === 'draft') {
          await saveDraft(deps, user, post.body, post.draftId);
          return redirect(`/staff/coordinator?saved=1${request.lang === 'en' ? '&lang=en' : ''}`);
        }
        try {
          const submission = validate(claimSubmissionSchema, post.body);
          const result = await fileForFamily(deps, user, submission, {
            baseUrl: linkBase(request, PUBLIC_BASE_URL),
            idempotency: post.idempotency,
            draftId: post.draftId,
            askFirst: !post.documentsLater,
          });
          if (result.kind === 'confirmMissing')
            return confirmMissingPage(request, result.missingDocuments, uploadOrigin, assistedForm(request, post.draftId));
          return redirect(`/staff/coordinator?filed=${result.outcome.reference}${request.lang === 'en' ? '&lang=en' : ''}`);
        } catch (error) {
          throw toFormRows(error, post.formRows);
        }
      }
      case 'POST /staff/coordinator/drafts/{draftId}/delete':
        await deleteDraft(deps, user, request.params.draftId ?? '');
        return redirect(`/staff/coordinator?deleted=1${request.lang === 'en' ? '&lang=en' : ''}`);
      case 'GET /staff/coordinator/claims/{reference}': {
        const claim = await claimOfDistricts(deps, user, normalizeReference(request.params.reference ?? ''));
        return html(200, renderCoordinatorClaim(claim, request.lang));
      }
      default:
        throw new NotFoundError();
    }
  },
  {
    accepts: ['form'],
    maxBodyBytes: 64 * 1024,
    optionalBody: true,
    // A refused form (a field, a member outside the districts, a duplicate) comes back as the form, values kept.
    renderError: (error, status, request) =>
      request.route === 'POST /staff/coordinator/claims' && status !== 401 && status !== 403
        ? claimFormErrorPage(error, status, request, uploadOrigin, assistedForm(request, draftIdOf(request)))
        : undefined,
  },
);
