import { NotFoundError } from '../../../kernel/errors';
import { jakartaIso } from '../../../kernel/time';
import { requireRole, STAFF_ROLES, type StaffUser } from '../../../staff/domain/roles';
import type { ClaimDocument } from '../../domain/claim';
import type { ClaimStore, DocumentLinks } from '../ports';

/** How long a document link opens: long enough for the browser to follow the redirect, too short to forward. */
export const DOCUMENT_LINK_SECONDS = 60;

/** `/staff/claims/{reference}/documents/{n}`: the n-th document of the claim, counted from 1 as the page lists them. */
const DOCUMENT_NUMBER = /^[1-9]\d{0,2}$/;

/**
 * A staff member opens one document of a claim: any staff role may, and only a document of this claim (its number
 * on the claim page; no key, upload id or another claim's document can be named). Every view is written to the
 * claim's audit trail first (who, when, which document type: never its content or the family's data), and only then
 * is the short-lived link signed, so there is no view without its audit event.
 */
export const viewDocument = async (
  deps: { claims: Pick<ClaimStore, 'get' | 'recordAudit'>; links: DocumentLinks; now?: () => Date },
  reference: string,
  number: string,
  user: StaffUser,
): Promise<{ url: string; document: ClaimDocument }> => {
  const role = requireRole(user, STAFF_ROLES);
  const claim = await deps.claims.get(reference);
  if (!claim) throw new NotFoundError('No claim with this reference.');
  const document = DOCUMENT_NUMBER.test(number) ? claim.documents[Number(number) - 1] : undefined;
  // A family's uploads are under uploads/ (create-upload.ts); nothing else in the bucket is a claim's document.
  if (!document?.key.startsWith('uploads/')) throw new NotFoundError('This claim has no document with this number.');
  const at = jakartaIso(deps.now?.());
  await deps.claims.recordAudit(claim.reference, {
    type: 'DOCUMENT_VIEWED',
    at,
    actor: { kind: 'staff', id: user.username },
    details: { role, document: Number(number), documentType: document.type, contentType: document.contentType },
  });
  return { url: await deps.links.viewUrl(document.key, document.contentType, DOCUMENT_LINK_SECONDS), document };
};
