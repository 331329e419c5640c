import { hasMessage, type Lang, messageText, type Text, textOf, texts } from '../../messages';
import { CLAIM_STATUSES, type ClaimStatus, DOCUMENT_TYPES, type DocumentType } from '../domain/claim';

/** The older `{ id, en }` tables, now read from the message catalogue (shared/messages); pages may call t() directly. */
export const DOCUMENT_LABELS: Record<DocumentType, Text> = texts('document', DOCUMENT_TYPES);

export const STATUS_LABELS: Record<ClaimStatus, Text & { help: Text }> = Object.fromEntries(
  CLAIM_STATUSES.map((status) => [status, { ...textOf(`claimStatus.${status}`), help: textOf(`claimStatus.${status}.help`) }]),
) as Record<ClaimStatus, Text & { help: Text }>;

/** A benefit component's name (`STMB`: "Santunan tidak mampu bekerja (STMB)"); an unknown code shows as itself. */
export const componentLabel = (code: string, lang: Lang): string => {
  const key = `component.${code}`;
  return hasMessage(key) ? messageText(key, lang) : code;
};
