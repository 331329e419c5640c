import { CLAIM_STATUSES, DOCUMENT_TYPES, JKK_CAUSES, JKM_CAUSES, RELATIONSHIPS } from '../domain/claim';
import type { ClaimStatus, DocumentType, Relationship } from '../domain/claim';
import { textOf, texts, type Text } from '../../messages';

/** The older `{ id, en }` tables, now read from the message catalogue (shared/messages); pages may call t() directly. */
export const DOCUMENT_LABELS: Record<DocumentType, Text> = texts('document', DOCUMENT_TYPES);
export const RELATIONSHIP_LABELS: Record<Relationship, Text> = texts('relationship', RELATIONSHIPS);
export const CAUSE_LABELS: Record<string, Text> = texts('cause', [...JKM_CAUSES, ...JKK_CAUSES]);

export const STATUS_LABELS: Record<ClaimStatus, Text & { help: Text }> = Object.fromEntries(
  CLAIM_STATUSES.map((status) => [status, { ...textOf(`claimStatus.${status}`), help: textOf(`claimStatus.${status}.help`) }]),
) as Record<ClaimStatus, Text & { help: Text }>;
