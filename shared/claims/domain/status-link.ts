import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The private link to a claim's status page that emails and SMS carry instead of the claimant's NIK:
 * `/claims/{reference}?t=<token>`. The token is an HMAC-SHA256 over (purpose, reference, the claim's link version,
 * expiry day), truncated to 96 bits, after the expiry day in base 36: about 19 characters, so a whole link fits in an
 * SMS. Nothing in it is secret or personal; what makes it work is the key (a Secrets Manager secret).
 *
 * - Single purpose: the purpose (`view`) is part of what is signed; a token made for anything else opens nothing here.
 * - Expiring: valid through its expiry day (UTC), STATUS_LINK_TTL_DAYS after it was made (90 by default).
 * - Revocable: the claim's `linkVersion` is signed too; raising it (a supervisor, POST
 *   /staff/claims/{reference}/links/revoke) makes every earlier token fail at once.
 * - Key rotation: the secret may hold several keys, newest first; the first signs, any one verifies.
 *
 * 96 bits of MAC are far beyond guessing through an API that allows a few wrong attempts per reference and window
 * (domain/lookup-limit.ts); a bad token counts against that limit as a wrong NIK does.
 */
export type StatusLinkPurpose = 'view';
const PURPOSE: StatusLinkPurpose = 'view';
const DAY_MS = 86_400_000;
const MAC_BYTES = 12;
const MAC_CHARS = 16; // base64url of 12 bytes
/** Expiry day in base 36 (3 characters until the year 2097), then the MAC. */
export const STATUS_TOKEN_PATTERN = /^[0-9a-z]{1,6}[A-Za-z0-9_-]{16}$/;
const MIN_KEY_LENGTH = 32;

export interface LinkedClaim {
  reference: string;
  /** Absent on claims that were never revoked: 0. */
  linkVersion?: number;
}

const macOf = (key: string, purpose: StatusLinkPurpose, claim: LinkedClaim, expiryDay: number): Buffer =>
  createHmac('sha256', key)
    .update(`santunan-status-link|v1|${purpose}|${claim.reference}|${claim.linkVersion ?? 0}|${expiryDay}`)
    .digest()
    .subarray(0, MAC_BYTES);

/** A token opening `claim`'s status page for `ttlDays` days (whole days; the expiry day is included). */
export const signStatusToken = (keys: readonly string[], claim: LinkedClaim, opts: { now: Date; ttlDays: number }): string => {
  const key = keys[0];
  if (!key) throw new Error('No status link key');
  const expiryDay = Math.floor((opts.now.getTime() + opts.ttlDays * DAY_MS) / DAY_MS);
  return `${expiryDay.toString(36)}${macOf(key, PURPOSE, claim, expiryDay).toString('base64url')}`;
};

/** Whether `token` opens `claim`'s status page now: made by one of `keys`, for this claim and version, not expired. */
export const verifyStatusToken = (keys: readonly string[], token: string, claim: LinkedClaim, opts: { now: Date }): boolean => {
  if (!STATUS_TOKEN_PATTERN.test(token)) return false;
  const expiryDay = Number.parseInt(token.slice(0, -MAC_CHARS), 36);
  if (!Number.isSafeInteger(expiryDay) || Math.floor(opts.now.getTime() / DAY_MS) > expiryDay) return false;
  const given = Buffer.from(token.slice(-MAC_CHARS), 'base64url');
  if (given.length !== MAC_BYTES || given.toString('base64url') !== token.slice(-MAC_CHARS)) return false;
  // Every key is tried, whichever matches: the time taken does not tell which key (or none) did.
  let valid = false;
  for (const key of keys) valid = timingSafeEqual(given, macOf(key, PURPOSE, claim, expiryDay)) || valid;
  return valid;
};

/** The query that carries a token: the status page keeps it on its own links (language switch, refresh). */
export const statusLinkQuery = (token: string): string => `t=${token}`;

/** The secret's value: one key, or several separated by whitespace or commas, newest first; each >= 32 characters. */
export const parseStatusLinkKeys = (secret: string): string[] => {
  const keys = secret.split(/[\s,]+/).filter(Boolean);
  if (keys.length === 0 || keys.some((k) => k.length < MIN_KEY_LENGTH))
    throw new Error(`The status link secret must hold keys of at least ${MIN_KEY_LENGTH} characters`);
  return keys;
};
