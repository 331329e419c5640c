import { createHash } from 'node:crypto';

/**
 * The limit on wrong claimant NIKs per claim reference (docs/architecture.md, "Rate limits"). A family proves a
 * claim is theirs with its reference and the claimant's NIK; without a limit, a stranger who holds a reference could
 * try NIKs as fast as the API answers. Each reference has a fixed window; in it, every lookup with a well-formed NIK
 * counts as a failure unless the NIK turns out right. Two thresholds:
 *
 * - `perReference` failures: the clients (addresses) that made any of them are refused (429) until the window ends,
 *   the right NIK included, so a guesser learns nothing more. A client that has not failed is still let in.
 * - `perReferenceAllClients` failures: every client is refused. A guesser with many addresses gets at most this many
 *   guesses per window; locking a family out takes `perReferenceAllClients - perReference` more addresses.
 *
 * These functions are the rule; the DynamoDB adapter evaluates the same rule atomically in a condition expression.
 */
export interface LookupLimitPolicy {
  perReference: number;
  perReferenceAllClients: number;
  windowSeconds: number;
}

export const DEFAULT_LOOKUP_LIMIT: LookupLimitPolicy = { perReference: 10, perReferenceAllClients: 30, windowSeconds: 15 * 60 };

/** What one reference's window holds: its failures, and the (pseudonymous) clients that made them. */
export interface LookupWindowState {
  failures: number;
  clients: ReadonlySet<string>;
}

/** The fixed window holding `at`, in epoch seconds: [start, end). */
export const lookupWindow = (at: Date, windowSeconds: number): { start: number; end: number } => {
  const now = Math.floor(at.getTime() / 1000);
  const start = now - (now % windowSeconds);
  return { start, end: start + windowSeconds };
};

/** Seconds until the window holding `at` ends: what `Retry-After` says (at least 1). */
export const secondsLeftInWindow = (at: Date, windowSeconds: number): number =>
  Math.max(1, Math.ceil(lookupWindow(at, windowSeconds).end - at.getTime() / 1000));

/** May this client try a NIK now? */
export const admitsLookup = (state: LookupWindowState, client: string, policy: LookupLimitPolicy): boolean =>
  state.failures < policy.perReference || (state.failures < policy.perReferenceAllClients && !state.clients.has(client));

/**
 * An IPv6 client is its /64: one subscriber usually gets a whole /64, so counting single addresses would give a
 * guesser billions of fresh ones. An IPv4-mapped IPv6 address is its IPv4 address.
 */
export const clientNetwork = (sourceIp: string): string => {
  const ip = sourceIp.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip || 'unknown';
  const [head = '', tail] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
};

/**
 * The client as the counter stores it: a short hash of its network, so the table holds no address in clear (it is a
 * pseudonym, not anonymous: IPv4 is small enough to hash through). 96 bits: no two clients of one window collide.
 */
export const lookupClientKey = (sourceIp: string): string =>
  createHash('sha256')
    .update(`lookup-client:${clientNetwork(sourceIp)}`)
    .digest('base64url')
    .slice(0, 16);
