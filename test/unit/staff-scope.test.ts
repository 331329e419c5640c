import { ForbiddenError, NotFoundError } from '../../shared/kernel/errors';
import { claimPlaces, enforceScope, memberPlaces, SCOPE_FILTERED_ROUTES } from '../../shared/staff/application/scope-guard';
import { type StaffUser, scopeFromGroups } from '../../shared/staff/domain/roles';
import { inScope, isNational, placeOfClaim, placeOfMember, requireInScope } from '../../shared/staff/domain/scope';

const national: StaffUser = { username: 'ani', roles: ['verifier'] };
const jakarta: StaffUser = { username: 'budi', roles: ['verifier'], provinces: ['31'] };
const twoProvinces: StaffUser = { username: 'citra', roles: ['approver'], provinces: ['31', '32'] };
const district: StaffUser = { username: 'dewi', roles: ['coordinator'], districts: ['320401'] };

describe('province scopes from the token groups', () => {
  it('reads `province:<2 digits>` groups, sorted and without repeats, and ignores any other spelling', () => {
    expect(
      scopeFromGroups([
        'verifier',
        'province:32',
        'province:31',
        'province:32',
        'province:3',
        'province:317',
        'province:ab',
        'Province:33',
      ]),
    ).toEqual({
      roles: ['verifier'],
      districts: [],
      provinces: ['31', '32'],
    });
  });
});

describe('the place of a claim or a member', () => {
  it('is the claim district when known, else the province of the member NIK', () => {
    expect(placeOfClaim({ district: '320401', member: { nik: '3173010101800001' } })).toEqual({ province: '32', district: '320401' });
    expect(placeOfClaim({ member: { nik: '3173010101800001' } })).toEqual({ province: '31' });
    // A malformed district is not trusted: the NIK decides.
    expect(placeOfClaim({ district: '32', member: { nik: '3173010101800001' } })).toEqual({ province: '31' });
  });

  it('is the roster district of a member, else the NIK province', () => {
    expect(placeOfMember('3173010101800001', { district: '320401' })).toEqual({ province: '32', district: '320401' });
    expect(placeOfMember('3173010101800001', undefined)).toEqual({ province: '31' });
  });
});

describe('the scope rule', () => {
  it('a user without province or district groups is national and sees every place', () => {
    expect(isNational(national)).toBe(true);
    expect(isNational(jakarta)).toBe(false);
    expect(isNational(district)).toBe(false);
    expect(inScope(national, { province: '94' })).toBe(true);
  });

  it('a province-scoped user sees their provinces only; a district-scoped user their districts only', () => {
    expect(inScope(jakarta, { province: '31' })).toBe(true);
    expect(inScope(jakarta, { province: '31', district: '317301' })).toBe(true);
    expect(inScope(jakarta, { province: '32', district: '320401' })).toBe(false);
    expect(inScope(twoProvinces, { province: '32' })).toBe(true);
    expect(inScope(district, { province: '32', district: '320401' })).toBe(true);
    expect(inScope(district, { province: '32', district: '320402' })).toBe(false);
    // A claim placed only by its NIK has no district: no district scope reaches it.
    expect(inScope(district, { province: '32' })).toBe(false);
  });

  it('outside the scope, or nowhere, is the 404 of a missing record', () => {
    expect(() => requireInScope(jakarta, { province: '31' })).not.toThrow();
    expect(() => requireInScope(jakarta, { province: '32' }, 'No claim with this reference.')).toThrow(
      new NotFoundError('No claim with this reference.'),
    );
    expect(() => requireInScope(jakarta, undefined)).toThrow(NotFoundError);
  });
});

describe('the guard every staff route calls', () => {
  const claims = new Map([
    ['SNT-2026-AAAAAA', { district: '317301', member: { nik: '3173010101800001' } }],
    ['SNT-2026-BBBBBB', { member: { nik: '3204010101800001' } }],
  ]);
  const lookups = {
    claimPlace: claimPlaces({ get: async (r: string) => claims.get(r) as never }),
    memberPlace: memberPlaces({ get: async (nik: string) => (nik === '3204010101800001' ? ({ district: '317301' } as never) : undefined) }),
  };
  const call = (user: StaffUser, route: string, params: Record<string, string> = {}) => enforceScope(user, { route, params }, lookups);

  it('lets a national user through everywhere without looking anything up', async () => {
    await expect(enforceScope(national, { route: 'POST /staff/members/import', params: {} }, {})).resolves.toBeUndefined();
    await expect(
      enforceScope(national, { route: 'GET /staff/claims/{reference}', params: { reference: 'x' } }, {}),
    ).resolves.toBeUndefined();
  });

  it('answers a claim outside the scope as one that does not exist (404), in any spelling of its reference', async () => {
    await expect(call(jakarta, 'GET /staff/claims/{reference}', { reference: 'snt2026aaaaaa' })).resolves.toBeUndefined();
    await expect(call(jakarta, 'POST /staff/claims/{reference}/decision', { reference: 'SNT-2026-BBBBBB' })).rejects.toThrow(
      new NotFoundError('No claim with this reference.'),
    );
    await expect(call(jakarta, 'GET /staff/claims/{reference}', { reference: 'SNT-2026-ZZZZZZ' })).rejects.toThrow(NotFoundError);
  });

  it('places a member by the roster district, else by the NIK', async () => {
    // On the roster in 317301 although the NIK was issued in province 32.
    await expect(call(jakarta, 'GET /staff/members/{nik}', { nik: '3204010101800001' })).resolves.toBeUndefined();
    await expect(call(jakarta, 'GET /staff/members/{nik}', { nik: '3301010101800001' })).rejects.toThrow(
      new NotFoundError('No member with this NIK.'),
    );
  });

  it('lets a scoped user reach the filtered lists, and refuses every other route (403), including routes added later', async () => {
    for (const route of SCOPE_FILTERED_ROUTES) await expect(call(jakarta, route)).resolves.toBeUndefined();
    for (const route of ['POST /staff/reconciliations', 'GET /staff/admin/users', 'GET /staff/some-new-report'])
      await expect(call(jakarta, route)).rejects.toThrow(ForbiddenError);
  });

  it('fails loudly when a handler whose route names a claim gave no way to find it', async () => {
    await expect(enforceScope(jakarta, { route: 'GET /staff/claims/{reference}', params: { reference: 'x' } }, {})).rejects.toThrow(
      /gave no claim lookup/,
    );
  });
});
