import fc from 'fast-check';
import {
  parseStatusLinkKeys,
  STATUS_TOKEN_PATTERN,
  signStatusToken,
  statusLinkQuery,
  verifyStatusToken,
} from '../../shared/claims/domain/status-link';

/**
 * The private link in emails and SMS: a signed, expiring, single-purpose token instead of the claimant's NIK
 * (issue 8, deliverable 4). Short enough for an SMS, tied to the claim reference and its link version (bumping the
 * version revokes every earlier link), checked in constant time.
 */
const KEY = 'k'.repeat(40);
const OTHER_KEY = 'o'.repeat(40);
const NOW = new Date('2026-10-05T03:00:00Z');
const DAY = 86_400_000;
const claim = { reference: 'SNT-2026-7KQ4MZ', linkVersion: 0 };

describe('status link tokens', () => {
  it('are short (under 25 characters), URL-safe, and open the claim they were made for', () => {
    const token = signStatusToken([KEY], claim, { now: NOW, ttlDays: 90 });
    expect(token.length).toBeLessThanOrEqual(24);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token).toMatch(STATUS_TOKEN_PATTERN);
    expect(verifyStatusToken([KEY], token, claim, { now: NOW })).toBe(true);
    expect(statusLinkQuery(token)).toBe(`t=${token}`);
  });

  it('open nothing else: another reference, another key, or one character changed', () => {
    const token = signStatusToken([KEY], claim, { now: NOW, ttlDays: 90 });
    expect(verifyStatusToken([KEY], token, { ...claim, reference: 'SNT-2026-7KQ4MB' }, { now: NOW })).toBe(false);
    expect(verifyStatusToken([OTHER_KEY], token, claim, { now: NOW })).toBe(false);
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...'0123456789abcdefghijklmnopqrstuvwxyzABCDEF_-'), (i, c) => {
        fc.pre(token[i] !== c);
        const changed = `${token.slice(0, i)}${c}${token.slice(i + 1)}`;
        expect(verifyStatusToken([KEY], changed, claim, { now: NOW })).toBe(false);
      }),
    );
  });

  it('expire after the configured number of days', () => {
    const token = signStatusToken([KEY], claim, { now: NOW, ttlDays: 90 });
    expect(verifyStatusToken([KEY], token, claim, { now: new Date(NOW.getTime() + 89 * DAY) })).toBe(true);
    expect(verifyStatusToken([KEY], token, claim, { now: new Date(NOW.getTime() + 91 * DAY) })).toBe(false);
    const short = signStatusToken([KEY], claim, { now: NOW, ttlDays: 1 });
    expect(verifyStatusToken([KEY], short, claim, { now: new Date(NOW.getTime() + 2 * DAY) })).toBe(false);
  });

  it('are revoked together when the claim’s link version goes up', () => {
    const token = signStatusToken([KEY], claim, { now: NOW, ttlDays: 90 });
    expect(verifyStatusToken([KEY], token, { ...claim, linkVersion: 1 }, { now: NOW })).toBe(false);
    const fresh = signStatusToken([KEY], { ...claim, linkVersion: 1 }, { now: NOW, ttlDays: 90 });
    expect(verifyStatusToken([KEY], fresh, { ...claim, linkVersion: 1 }, { now: NOW })).toBe(true);
  });

  it('are signed with the first key and accepted with any configured key, so the key can be rotated', () => {
    const old = signStatusToken([OTHER_KEY], claim, { now: NOW, ttlDays: 90 });
    const current = signStatusToken([KEY, OTHER_KEY], claim, { now: NOW, ttlDays: 90 });
    expect(verifyStatusToken([KEY, OTHER_KEY], old, claim, { now: NOW })).toBe(true);
    expect(verifyStatusToken([KEY], current, claim, { now: NOW })).toBe(true);
  });

  it('refuse malformed input without throwing', () => {
    for (const bad of ['', 'x', '../../etc', 'a'.repeat(200), '3173010203800001', 'hcz.AAAAAAAAAAAAAAAA', '   '])
      expect(verifyStatusToken([KEY], bad, claim, { now: NOW })).toBe(false);
  });
});

describe('the link key secret', () => {
  it('holds one key, or several (newest first) separated by whitespace or commas, each at least 32 characters', () => {
    expect(parseStatusLinkKeys(`${KEY}\n`)).toEqual([KEY]);
    expect(parseStatusLinkKeys(`${KEY}, ${OTHER_KEY}`)).toEqual([KEY, OTHER_KEY]);
    expect(() => parseStatusLinkKeys('short')).toThrow(/32/);
    expect(() => parseStatusLinkKeys('  ')).toThrow(/32/);
  });
});
