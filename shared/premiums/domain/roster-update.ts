import { type Member, type StatusChange, statusOn, type WageChange, wageOn } from './member';
import { ROSTER_HEADER, type RosterRow } from './roster-row';

/**
 * What one accepted roster row makes of the stored member: the member to store, with its status and wage histories,
 * and whether that is a new member, a change, or nothing to write. Pure, so that the DynamoDB adapter and the
 * in-memory fake of the tests apply rows the same way.
 *
 * ## The histories
 * A row says "this status has been in force since `statusDate`" and "this wage since `wageFrom`". Without the
 * column (or with the cell empty), a **change** of status or wage takes effect on the import day (its Jakarta date);
 * an unchanged status or wage with no date adds nothing, so a file imported twice changes nothing.
 * - A new member is active from enrolment, then the row's status from its `statusDate` (or the import day, never
 *   before enrolment) when that status is not `active`. Its wage history starts with the row's wage, from `wageFrom`
 *   or, without it, from enrolment.
 * - A known member: when the row's status (wage) differs from the stored one, or comes with a date, the history gets
 *   `{status, on}` (`{monthlyWage, from}`), unless it already says exactly that (the value in force on that day and
 *   no different value after it). Recorded changes dated **after** the row's date are dropped: the row says its value
 *   has held since that day, so they no longer describe what was in force. This is also how a date is corrected to
 *   an earlier one: a member first imported `deceased` without a date (so from the import day) and again with
 *   `statusDate` 2026-09-20 ends with the death on 2026-09-20. A later date cannot correct an earlier one this way
 *   (the row does not say what held before its date).
 * - A member stored before wages had a history has none; when its wage first changes (or a `wageFrom` comes), the
 *   stored wage is kept as the first entry, from enrolment (it is what every earlier computation used).
 */

export type RosterChange = 'imported' | 'updated' | 'unchanged';

/** The later of two YYYY-MM-DD dates (they compare as strings; Math.max would not). */
const laterDate = (a: string, b: string): string => (a > b ? a : b);

/**
 * `history` with `entry` in force from its date on: the same array when it already says so, else the changes dated
 * up to that day followed by `entry`.
 */
const holdSince = <C>(
  history: readonly C[],
  entry: C,
  dateOf: (c: C) => string,
  sameValue: (c: C) => boolean,
  inForceThatDay: boolean,
): readonly C[] => {
  const date = dateOf(entry);
  if (inForceThatDay && history.every((c) => dateOf(c) <= date || sameValue(c))) return history;
  return [...history.filter((c) => dateOf(c) <= date), entry];
};

const statusHistoryAfter = (old: Member | undefined, row: RosterRow, recordedAt: string, today: string): readonly StatusChange[] => {
  const base: readonly StatusChange[] = old?.statusHistory ?? [{ status: 'active', on: row.enrolledOn, recordedAt }];
  // An unchanged status without a date says nothing new (and an old file imported again writes nothing).
  if (old && old.status === row.status && !row.statusDate) return base;
  const on = row.statusDate ?? laterDate(today, row.enrolledOn);
  const entry: StatusChange = { status: row.status, on, recordedAt };
  return holdSince(
    base,
    entry,
    (c) => c.on,
    (c) => c.status === row.status,
    statusOn({ statusHistory: [...base] }, on) === row.status,
  );
};

const wageHistoryAfter = (
  old: Member | undefined,
  row: RosterRow,
  recordedAt: string,
  today: string,
): readonly WageChange[] | undefined => {
  if (!old) return [{ monthlyWage: row.monthlyWage, from: row.wageFrom ?? row.enrolledOn, recordedAt }];
  if (old.monthlyWage === row.monthlyWage && !row.wageFrom) return old.wageHistory;
  const base: readonly WageChange[] = old.wageHistory ?? [
    { monthlyWage: old.monthlyWage, from: old.enrolledOn, recordedAt: old.updatedAt },
  ];
  const from = row.wageFrom ?? laterDate(today, row.enrolledOn);
  const entry: WageChange = { monthlyWage: row.monthlyWage, from, recordedAt };
  const inForce = wageOn({ monthlyWage: old.monthlyWage, wageHistory: [...base] }, from) === row.monthlyWage;
  const next = holdSince(
    base,
    entry,
    (c) => c.from,
    (c) => c.monthlyWage === row.monthlyWage,
    inForce,
  );
  // A history made up for an old item and left as it was is not a change: the item keeps having none.
  return next === base && !old.wageHistory ? undefined : next;
};

/** The roster columns a stored member is compared on (the NIK is the key). */
const ROSTER_FIELDS = ROSTER_HEADER.filter((f) => f !== 'nik');
const sameColumns = (old: Member, row: RosterRow): boolean => ROSTER_FIELDS.every((f) => (old[f] ?? '') === (row[f] ?? ''));

/**
 * Applies one roster row to the stored member (undefined for a NIK not on the roster yet). `recordedAt` is the
 * import's time (ISO 8601 with the +07:00 offset): its date is the import day in Asia/Jakarta.
 */
export const applyRosterRow = (old: Member | undefined, row: RosterRow, recordedAt: string): { member: Member; change: RosterChange } => {
  const today = recordedAt.slice(0, 10);
  const statusHistory = statusHistoryAfter(old, row, recordedAt, today);
  const wageHistory = wageHistoryAfter(old, row, recordedAt, today);
  if (old && sameColumns(old, row) && statusHistory === old.statusHistory && wageHistory === old.wageHistory) {
    return { member: old, change: 'unchanged' };
  }
  const { statusDate: _statusDate, wageFrom: _wageFrom, ...columns } = row;
  const member: Member = {
    ...columns,
    kpj: columns.kpj || undefined,
    phone: columns.phone || undefined,
    statusHistory: [...statusHistory],
    ...(wageHistory ? { wageHistory: [...wageHistory] } : {}),
    updatedAt: recordedAt,
  };
  return { member, change: old ? 'updated' : 'imported' };
};
