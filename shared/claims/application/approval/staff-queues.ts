import { ValidationError } from '../../../kernel/errors';
import { jakartaDate } from '../../../kernel/time';
import { addWorkingDays, workingDaysAfter } from '../../../reference-data/working-days';
import { CLAIM_STATUSES, type Claim, type ClaimStatus } from '../../domain/claim';
import { PAYOUT_DEADLINE_WORKING_DAYS } from '../../domain/rules/deadlines';
import type { ClaimQueues } from '../ports';

/**
 * The staff queues: one tab per status a claim can be in (waiting for a decision first; `VERIFYING` is never stored
 * as a status, only as a timeline entry, so it has no tab), and `ALL`. Each claim with its age in working days and
 * where it stands against the legal payout deadline (domain.md: JKM 3, JKK 7 working days from a complete claim).
 */
export const QUEUE_TABS: readonly ClaimStatus[] = [
  'AWAITING_APPROVAL',
  'SUBMITTED',
  'NEEDS_DOCUMENTS',
  'APPEALED',
  'APPROVED',
  'PAYING',
  'PAYOUT_FAILED',
  'PAID',
  'REJECTED',
  'WITHDRAWN',
];
export const ALL = 'ALL';
export type QueueName = ClaimStatus | typeof ALL;

/** A queue's count stops here ("1000+"): a count reads the whole status partition, and nobody pages that far. */
export const COUNT_CAP = 1000;
export const PAGE_SIZE = 50;
/** How many store pages one queue page may read to fill itself for a user who sees only some claims (a scope). */
const MAX_PAGES_PER_QUEUE_PAGE = 10;

/** Statuses in which the payout deadline runs (the claim is complete and not yet paid or closed). */
const DEADLINE_RUNS: readonly ClaimStatus[] = ['AWAITING_APPROVAL', 'APPROVED', 'PAYING', 'PAYOUT_FAILED'];
const CLOSED: readonly ClaimStatus[] = ['PAID', 'REJECTED', 'WITHDRAWN'];

/**
 * Where a claim stands: `onTime` (with the working days left), `dueToday`, `late` (working days past), `closed`
 * (paid, rejected or closed: no deadline any more), or `notComplete` (the deadline starts when the claim is complete).
 */
export type DeadlineState =
  | { state: 'onTime'; deadline: string; daysLeft: number }
  | { state: 'dueToday'; deadline: string }
  | { state: 'late'; deadline: string; daysLate: number }
  | { state: 'closed' }
  | { state: 'notComplete' };

export interface QueueRow {
  reference: string;
  status: ClaimStatus;
  benefit: Claim['benefit'];
  memberName: string;
  memberNik: string;
  amount?: number;
  submittedAt: string;
  /** The claim was complete (verification found nothing missing) at `since`; otherwise `since` is its submission. */
  since: string;
  complete: boolean;
  /** Working days from `since` to today (the day of `since` itself not counted). */
  ageWorkingDays: number;
  deadline: DeadlineState;
}

/** The deadline of a complete claim: as verification stored it, or (older claims) counted again from completion. */
const deadlineOf = (claim: Claim, since: string): string =>
  claim.verification?.approval?.deadline ?? addWorkingDays(since, PAYOUT_DEADLINE_WORKING_DAYS[claim.benefit]);

export const queueRow = (claim: Claim, now: Date): QueueRow => {
  const today = jakartaDate(now);
  const complete = Boolean(claim.verification?.approval);
  const since = complete ? (claim.verification?.checkedAt ?? claim.submittedAt) : claim.submittedAt;
  const sinceDay = jakartaDate(new Date(since));
  let deadline: DeadlineState;
  if (CLOSED.includes(claim.status)) deadline = { state: 'closed' };
  else if (!DEADLINE_RUNS.includes(claim.status) || !complete) deadline = { state: 'notComplete' };
  else {
    const due = deadlineOf(claim, since);
    const dueDay = due.slice(0, 10);
    if (today === dueDay) deadline = { state: 'dueToday', deadline: due };
    else if (today > dueDay) deadline = { state: 'late', deadline: due, daysLate: Math.max(1, workingDaysAfter(dueDay, today)) };
    else deadline = { state: 'onTime', deadline: due, daysLeft: workingDaysAfter(today, dueDay) };
  }
  return {
    reference: claim.reference,
    status: claim.status,
    benefit: claim.benefit,
    memberName: claim.member.name,
    memberNik: claim.member.nik,
    ...(claim.verification?.benefit?.total !== undefined ? { amount: claim.verification.benefit.total } : {}),
    submittedAt: claim.submittedAt,
    since,
    complete,
    ageWorkingDays: sinceDay < today ? workingDaysAfter(sinceDay, today) : 0,
    deadline,
  };
};

/** The api.md shape of a queue item: `{ reference, status, benefit, memberName, amount?, submittedAt }`. */
export const apiItem = (row: QueueRow) => ({
  reference: row.reference,
  status: row.status,
  benefit: row.benefit,
  memberName: row.memberName,
  ...(row.amount !== undefined ? { amount: row.amount } : {}),
  submittedAt: row.submittedAt,
});

/**
 * A cursor of the status index as the store hands it out: exactly its four key attributes, for the status asked,
 * of key sizes DynamoDB accepts. Anything else (another index, a forged key) is refused before it reaches the store.
 */
const CURSOR_KEYS = ['gsi1pk', 'gsi1sk', 'pk', 'sk'];
const isStatusCursor = (cursor: Record<string, unknown>, status: string): boolean =>
  Object.keys(cursor).sort().join() === CURSOR_KEYS.join() &&
  Object.values(cursor).every((v) => typeof v === 'string' && v.length > 0 && v.length <= 200) &&
  cursor.gsi1pk === `STATUS#${status}` &&
  cursor.sk === 'CLAIM' &&
  String(cursor.pk).startsWith('CLAIM#');
/** The `ALL` queue's cursor: the sort key of the last claim shown, `<submittedAt>#<reference>`. */
const isAllCursor = (cursor: Record<string, unknown>): boolean =>
  Object.keys(cursor).join() === 'before' &&
  typeof cursor.before === 'string' &&
  /^\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:\d{2})#[A-Z0-9-]{1,64}$/.test(cursor.before);

const badCursor = () => new ValidationError([{ path: 'nextToken', code: 'invalid' }], 'nextToken is not one this API gave out.');

/** `status` as asked (any case), `ALL`, or a 400 naming the statuses. */
export const queueName = (raw: string): QueueName => {
  const name = raw.toUpperCase();
  if (name === ALL || (CLAIM_STATUSES as readonly string[]).includes(name)) return name as QueueName;
  throw new ValidationError([{ path: 'status', code: 'invalid' }], `status must be ALL or one of ${CLAIM_STATUSES.join(', ')}.`);
};

export interface QueuePage {
  queue: QueueName;
  rows: QueueRow[];
  next?: Record<string, unknown>;
}

/**
 * One page of a queue. A status: oldest first by default (the most urgent on top: the deadline runs from when a claim
 * is complete, and claims are complete in about the order they came), newest first with `order` 'newest'. `ALL`:
 * newest first, every status merged.
 */
export const queuePage = async (
  claims: ClaimQueues,
  queue: QueueName,
  opts: {
    cursor?: Record<string, unknown>;
    order?: 'newest' | 'oldest';
    now?: Date;
    limit?: number;
    /** The claims the user may see (a province or district scope); the page reads on to fill itself, at most 10 store pages. */
    visible?: (claim: Claim) => boolean;
  } = {},
): Promise<QueuePage> => {
  const now = opts.now ?? new Date();
  const limit = opts.limit ?? PAGE_SIZE;
  const visible = opts.visible ?? (() => true);
  if (queue === ALL) {
    if (opts.cursor && !isAllCursor(opts.cursor)) throw badCursor();
    let page = await claims.listAll(CLAIM_STATUSES, limit, opts.cursor?.before as string | undefined);
    const seen = page.items.filter(visible);
    for (let read = 1; seen.length < limit && page.next && read < MAX_PAGES_PER_QUEUE_PAGE; read++) {
      page = await claims.listAll(CLAIM_STATUSES, limit, page.next);
      seen.push(...page.items.filter(visible));
    }
    return { queue, rows: seen.map((c) => queueRow(c, now)), ...(page.next ? { next: { before: page.next } } : {}) };
  }
  if (opts.cursor && !isStatusCursor(opts.cursor, queue)) throw badCursor();
  const order = opts.order ?? 'oldest';
  let page = await claims.listByStatus(queue, limit, opts.cursor, order);
  const seen = page.items.filter(visible);
  for (let read = 1; seen.length < limit && page.next && read < MAX_PAGES_PER_QUEUE_PAGE; read++) {
    page = await claims.listByStatus(queue, limit, page.next, order);
    seen.push(...page.items.filter(visible));
  }
  return { queue, rows: seen.map((c) => queueRow(c, now)), ...(page.next ? { next: page.next } : {}) };
};

export type QueueCounts = Record<ClaimStatus, { count: number; capped: boolean }>;

/** The count of every tab's queue (byStatus, `Select COUNT`), in parallel. */
export const queueCounts = async (claims: ClaimQueues): Promise<Partial<QueueCounts>> => {
  const counts = await Promise.all(QUEUE_TABS.map(async (s) => [s, await claims.countByStatus(s, COUNT_CAP)] as const));
  return Object.fromEntries(counts);
};

/** Counts as the JSON extension gives them: `{ "AWAITING_APPROVAL": 12, ... }`, a capped count as its cap. */
export const countsJson = (counts: Partial<QueueCounts>): Record<string, number> =>
  Object.fromEntries(Object.entries(counts).map(([s, c]) => [s, c.count]));
