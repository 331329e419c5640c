import { csvDocument } from '../../kernel/csv';
import type { AuditEvent } from './claim';

/** The columns every event may fill; anything else in its details goes, as `key=value; …`, into `details`. */
const NAMED = ['role', 'reasonCode', 'note'] as const;

const cell = (value: unknown): string | number | undefined =>
  value === undefined || value === null
    ? undefined
    : typeof value === 'string' || typeof value === 'number'
      ? value
      : JSON.stringify(value);

/**
 * A claim's audit trail as CSV, oldest first (by `at`): who (actor, its id, the role it acted in), when, what (the
 * event) and why (the reason code and the note). Details were masked when they were written; nothing is added here.
 */
export const auditCsv = (reference: string, events: readonly AuditEvent[]): string => {
  const rows = [...events]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((e) => {
      const details = e.details ?? {};
      const rest = Object.entries(details)
        .filter(([key, value]) => !(NAMED as readonly string[]).includes(key) && value !== undefined)
        .map(([key, value]) => `${key}=${cell(value)}`)
        .join('; ');
      return [reference, e.at, e.type, e.actor.kind, e.actor.id, ...NAMED.map((k) => cell(details[k])), rest];
    });
  return csvDocument(['reference', 'at', 'type', 'actor', 'actorId', ...NAMED, 'details'], rows);
};
