import { addDocuments } from '../../shared/claims/application/intake/add-documents';
import { addDocumentsRequestSchema } from '../../shared/claims/schemas/documents';
import { claimStore, documentStorage, lookupAttempts, taskResponder, uploadStore } from '../../shared/composition/claims';
import { validate } from '../../shared/kernel/validate';
import { httpHandler } from '../../shared/platform/http/handler';
import { json, redirect } from '../../shared/platform/http/responses';

const deps = {
  claims: claimStore(),
  uploads: uploadStore(),
  documents: documentStorage(),
  workflow: taskResponder(),
  attempts: lookupAttempts(),
};

/**
 * POST /claims/{reference}/documents: the family sends what was missing (JSON, or the form on the status page).
 * The same NIK check as the status page (404 alike), under the same limit on wrong NIKs per reference (429).
 */
export const handler = httpHandler(
  async (request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    // The status page's form posts a row per missing document; rows whose file was not sent carry no uploadId.
    if (request.bodyKind === 'form' && Array.isArray(body.documents)) {
      body.documents = (body.documents as Record<string, unknown>[]).filter((d) => d && 'uploadId' in d);
    }
    const input = validate(addDocumentsRequestSchema, body);
    const result = await addDocuments(deps, { reference: request.params.reference ?? '', sourceIp: request.sourceIp, ...input });
    if (request.bodyKind === 'form') return redirect(`/claims/${result.reference}?nik=${input.nik}`);
    return json(200, result);
  },
  { accepts: ['json', 'form'], maxBodyBytes: 16 * 1024 },
);
