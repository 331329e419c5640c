import { type Text, textOf, texts } from '../../messages';
import { CLAIM_STATUSES, type ClaimStatus, DOCUMENT_TYPES, type DocumentType } from '../domain/claim';

/** The older `{ id, en }` tables, now read from the message catalogue (shared/messages); pages may call t() directly. */
export const DOCUMENT_LABELS: Record<DocumentType, Text> = texts('document', DOCUMENT_TYPES);

export const STATUS_LABELS: Record<ClaimStatus, Text & { help: Text }> = Object.fromEntries(
  CLAIM_STATUSES.map((status) => [status, { ...textOf(`claimStatus.${status}`), help: textOf(`claimStatus.${status}.help`) }]),
) as Record<ClaimStatus, Text & { help: Text }>;
