import type { Readable } from 'node:stream';
import { jakartaDate, jakartaIso } from '../../kernel/time';
import { parseRosterRow, ROSTER_HEADER, ROSTER_OPTIONAL_HEADER, type RosterRow } from '../domain/roster-row';
import { importCsv } from './csv-import';
import type { RosterStore } from './ports';

/**
 * Imports a roster CSV: every line checked on its own (rejected lines come back with their number and reasons),
 * accepted lines written in batches while the file streams; importing the same file twice changes nothing. Members
 * keep their status and wage histories, dated by the optional statusDate and wageFrom columns or by the import day.
 */
export const importRoster = async (deps: { members: RosterStore; now?: () => Date }, source: string | Readable) => {
  const now = deps.now?.() ?? new Date();
  const recordedAt = jakartaIso(now);
  const totals = { imported: 0, updated: 0, unchanged: 0 };
  const result = await importCsv<RosterRow>(source, {
    header: ROSTER_HEADER,
    // statusDate and wageFrom: files with or without them import alike (the header row decides).
    optionalHeader: ROSTER_OPTIONAL_HEADER,
    parseRow: parseRosterRow,
    keyOf: (row) => row.nik,
    today: jakartaDate(now),
    // Members are keyed by NIK and a NIK repeated in the file is rejected, so batches may be applied in any order.
    writesInFlight: 3,
    write: async (rows) => {
      const r = await deps.members.upsertRoster(rows, recordedAt);
      totals.imported += r.imported;
      totals.updated += r.updated;
      totals.unchanged += r.unchanged;
    },
  });
  return { lines: result.lines, ...totals, rejected: result.rejected };
};
