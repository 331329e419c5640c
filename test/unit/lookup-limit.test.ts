import {
  admitsLookup,
  clientNetwork,
  DEFAULT_LOOKUP_LIMIT,
  lookupClientKey,
  lookupWindow,
  secondsLeftInWindow,
} from '../../shared/claims/domain/lookup-limit';

const policy = DEFAULT_LOOKUP_LIMIT;
const state = (failures: number, ...clients: string[]) => ({ failures, clients: new Set(clients) });

describe('the limit on wrong claimant NIKs per reference', () => {
  it('defaults to 10 wrong NIKs per reference for the clients that made them, 30 for everyone, in 15-minute windows', () => {
    expect(DEFAULT_LOOKUP_LIMIT).toEqual({ perReference: 10, perReferenceAllClients: 30, windowSeconds: 900 });
  });

  it('admits anyone below the per-reference limit, the clients that guessed included', () => {
    expect(admitsLookup(state(0), 'a', policy)).toBe(true);
    expect(admitsLookup(state(9, 'a'), 'a', policy)).toBe(true);
  });

  it('from the limit on, refuses the clients that made a wrong guess and admits the others', () => {
    expect(admitsLookup(state(10, 'a'), 'a', policy)).toBe(false);
    expect(admitsLookup(state(10, 'a'), 'family', policy)).toBe(true);
    expect(admitsLookup(state(29, 'a', 'b'), 'family', policy)).toBe(true);
  });

  it('from the limit for all clients on, refuses everyone', () => {
    expect(admitsLookup(state(30, 'a'), 'family', policy)).toBe(false);
    expect(admitsLookup(state(31), 'family', policy)).toBe(false);
  });

  it('counts in fixed windows of the clock and says how long is left in one (at least a second)', () => {
    const at = new Date('2026-11-30T03:07:30Z'); // 7.5 minutes into the window that starts at 03:00
    const { start, end } = lookupWindow(at, 900);
    expect(new Date(start * 1000).toISOString()).toBe('2026-11-30T03:00:00.000Z');
    expect(end - start).toBe(900);
    expect(secondsLeftInWindow(at, 900)).toBe(450);
    expect(secondsLeftInWindow(new Date('2026-11-30T03:14:59.900Z'), 900)).toBe(1);
    expect(lookupWindow(new Date('2026-11-30T03:15:00Z'), 900).start).toBe(end);
  });

  it('names an IPv4 client by its address and an IPv6 client by its /64, whatever the notation', () => {
    expect(clientNetwork('198.51.100.7')).toBe('198.51.100.7');
    expect(clientNetwork('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(clientNetwork('2001:db8:0:12::1')).toBe('2001:db8:0:12::/64');
    expect(clientNetwork('2001:0DB8:0000:0012:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:0:12::/64');
    expect(clientNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
    expect(clientNetwork('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientNetwork('')).toBe('unknown');
  });

  it('stores a client as a short pseudonym, the same for every address of one IPv6 /64', () => {
    const key = lookupClientKey('198.51.100.7');
    expect(key).toMatch(/^[\w-]{16}$/);
    expect(key).not.toContain('198');
    expect(lookupClientKey('198.51.100.8')).not.toBe(key);
    expect(lookupClientKey('2001:db8:0:12::1')).toBe(lookupClientKey('2001:db8:0:12:ffff::2'));
    expect(lookupClientKey('2001:db8:0:12::1')).not.toBe(lookupClientKey('2001:db8:0:13::1'));
  });
});
