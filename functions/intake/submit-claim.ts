import { claimFormErrorPage, confirmMissingPage, readClaimPost, toFormRows } from '../../shared/claims/adapters/claim-form-post';
import { submitClaim, submitUnlessDocumentsMissing } from '../../shared/claims/application/intake/submit-claim';
import { claimSubmissionSchema } from '../../shared/claims/schemas/claim';
import { claimStore, claimWorkflow, documentStorage, uploadStore } from '../../shared/composition/claims';
import { uploadOrigin as configuredUploadOrigin, publicBaseUrl } from '../../shared/composition/settings';
import { validate } from '../../shared/kernel/validate';
import { httpHandler } from '../../shared/platform/http/handler';
import { linkBase } from '../../shared/platform/http/links';
import { json, redirect } from '../../shared/platform/http/responses';
import { MetricUnit, metrics } from '../../shared/platform/observability';

/** Links in messages: the configured public URL, never the request's Host (shared/platform/http/links.ts). */
const PUBLIC_BASE_URL = publicBaseUrl();

const deps = { claims: claimStore(), uploads: uploadStore(), documents: documentStorage(), workflow: claimWorkflow() };
const uploadOrigin = configuredUploadOrigin();

/**
 * POST /claims: validate, check the documents, store the claim once, answer 201 (JSON) or 303 (form); a form post
 * missing required documents first gets the form back asking to confirm (`_documentsLater=1` files it).
 */
export const handler = httpHandler(
  async (request) => {
    const { body, formRows, documentsLater, idempotency } = readClaimPost(request);
    const isForm = request.bodyKind === 'form';
    try {
      const submission = validate(claimSubmissionSchema, body);
      const options = { channel: isForm ? ('form' as const) : ('api' as const), baseUrl: linkBase(request, PUBLIC_BASE_URL), idempotency };
      // The form asks once before filing without required documents; JSON clients file as api.md says.
      const asked = isForm && !documentsLater ? await submitUnlessDocumentsMissing(deps, submission, options) : undefined;
      if (asked?.kind === 'confirmMissing') return confirmMissingPage(request, asked.missingDocuments, uploadOrigin);
      const outcome = asked?.kind === 'filed' ? asked.outcome : await submitClaim(deps, submission, options);
      // Only a claim stored by this request counts, not an idempotent replay.
      if (!outcome.replayed) metrics.addMetric('ClaimsSubmitted', MetricUnit.Count, 1);
      // The same answer the first time and on every replay: it is rendered from the outcome, never stored.
      const statusUrl = `/claims/${outcome.reference}`;
      if (isForm) return redirect(`${statusUrl}?nik=${submission.claimant.nik}&new=1${request.lang === 'en' ? '&lang=en' : ''}`);
      const created = { reference: outcome.reference, status: outcome.status, statusUrl, missingDocuments: outcome.missingDocuments };
      return json(201, created, { location: statusUrl });
    } catch (error) {
      throw toFormRows(error, formRows);
    }
  },
  {
    accepts: ['json', 'form'],
    maxBodyBytes: 64 * 1024,
    renderError: (error, status, request) => claimFormErrorPage(error, status, request, uploadOrigin),
  },
);
