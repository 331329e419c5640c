import {
  assessEligibility,
  ELIGIBILITY_FLAGS,
  type EligibilityInput,
  FLAG_LABELS,
  needsSupervisor,
  REJECTION_CODES,
  REJECTION_REASONS,
} from '../../shared/claims/domain/eligibility';
import type { Member } from '../../shared/premiums/domain/member';
import { PROGRAMMES } from '../../shared/reference-data/programmes';
import { aMember as baseMember } from '../support/members';

const NIK = '3173014107850003';

const aMember = (over: Partial<Member> = {}): Member => baseMember({ nik: NIK, ...over });

type ClaimInput = EligibilityInput['claim'];

/** A JKM death claim by the widower, submitted in time, for a member in good standing and a paid month. */
const anInput = (claim: Partial<ClaimInput> = {}, rest: Partial<Omit<EligibilityInput, 'claim'>> = {}): EligibilityInput => ({
  claim: {
    benefit: 'JKM',
    incident: { type: 'death', date: '2026-09-20', cause: 'illness' },
    claimant: { relationship: 'spouse', nik: '3173010101800001' },
    member: { nik: NIK, name: 'Siti Aminah' },
    submittedAt: '2026-10-03T09:00:00+07:00',
    ...claim,
  },
  member: 'member' in rest ? rest.member : aMember(),
  coverage: 'coverage' in rest ? rest.coverage : { period: '2026-09', category: 'PAID' },
});

const injuryBySelf: Partial<ClaimInput> = {
  benefit: 'JKK',
  incident: { type: 'injury', date: '2026-09-20', cause: 'work_accident' },
  claimant: { relationship: 'self', nik: NIK },
};

describe('assessEligibility: eligible claims', () => {
  it('accepts a JKM death claim by the spouse with no flags', () => {
    expect(assessEligibility(anInput())).toEqual({ outcome: 'eligible', flags: [] });
  });

  it('accepts a JKK death claim from a commuting accident, and a JKK injury claimed by the member', () => {
    const jkkDeath = anInput({ benefit: 'JKK', incident: { type: 'death', date: '2026-09-20', cause: 'commute_accident' } });
    expect(assessEligibility(jkkDeath)).toEqual({ outcome: 'eligible', flags: [] });
    expect(assessEligibility(anInput(injuryBySelf))).toEqual({ outcome: 'eligible', flags: [] });
  });

  it('accepts a JKM claim without a cause (a JKM death is by definition not caused by work)', () => {
    expect(assessEligibility(anInput({ incident: { type: 'death', date: '2026-09-20' } })).outcome).toBe('eligible');
  });
});

describe('assessEligibility: rejections', () => {
  it('MEMBER_NOT_FOUND when the roster has no such member, or returned another NIK', () => {
    expect(assessEligibility(anInput({}, { member: undefined }))).toEqual({
      outcome: 'rejected',
      reasonCode: 'MEMBER_NOT_FOUND',
      flags: [],
    });
    expect(assessEligibility(anInput({}, { member: aMember({ nik: '3173010101800001' }) }))).toMatchObject({
      reasonCode: 'MEMBER_NOT_FOUND',
    });
  });

  it('BENEFIT_NOT_COVERED when the programme is unknown', () => {
    expect(assessEligibility(anInput({}, { member: aMember({ program: 'KARANG_TARUNA' }) }))).toMatchObject({
      outcome: 'rejected',
      reasonCode: 'BENEFIT_NOT_COVERED',
    });
  });

  it('BENEFIT_NOT_COVERED when the programme does not cover the benefit claimed', () => {
    // Arrange: programme data where TKSK covers only JKK
    const jkkOnly = { ...PROGRAMMES, TKSK: { ...PROGRAMMES.TKSK!, benefits: ['JKK' as const] } };

    // Act / Assert
    expect(assessEligibility(anInput(), jkkOnly)).toMatchObject({ reasonCode: 'BENEFIT_NOT_COVERED' });
    expect(assessEligibility(anInput(injuryBySelf), jkkOnly).outcome).toBe('eligible');
  });

  describe('NOT_ACTIVE_AT_INCIDENT', () => {
    it('before the member enrolled, but not on the enrolment day itself', () => {
      const member = aMember({
        enrolledOn: '2026-09-20',
        statusHistory: [{ status: 'active', on: '2026-09-20', recordedAt: '2026-09-20T08:00:00+07:00' }],
      });
      expect(
        assessEligibility(
          anInput(
            { incident: { type: 'death', date: '2026-09-19', cause: 'illness' } },
            { member, coverage: { period: '2026-09', category: 'PAID' } },
          ),
        ),
      ).toMatchObject({ reasonCode: 'NOT_ACTIVE_AT_INCIDENT' });
      expect(assessEligibility(anInput({}, { member })).outcome).toBe('eligible');
    });

    it('when the roster shows the member inactive on the incident date', () => {
      const member = aMember({
        status: 'inactive',
        statusHistory: [
          { status: 'active', on: '2019-01-01', recordedAt: '2019-01-01T00:00:00+07:00' },
          { status: 'inactive', on: '2026-09-01', recordedAt: '2026-09-02T10:00:00+07:00' },
        ],
      });
      expect(assessEligibility(anInput({}, { member }))).toMatchObject({ reasonCode: 'NOT_ACTIVE_AT_INCIDENT' });
    });

    it('not when the member became inactive only after the incident, or was reactivated before it', () => {
      const history = (changes: Member['statusHistory']) => aMember({ statusHistory: changes });
      const inactiveAfter = history([
        { status: 'active', on: '2019-01-01', recordedAt: '2019-01-01T00:00:00+07:00' },
        { status: 'inactive', on: '2026-09-21', recordedAt: '2026-09-21T10:00:00+07:00' },
      ]);
      const reactivated = history([
        { status: 'active', on: '2019-01-01', recordedAt: '2019-01-01T00:00:00+07:00' },
        { status: 'inactive', on: '2024-01-01', recordedAt: '2024-01-01T00:00:00+07:00' },
        { status: 'active', on: '2025-01-01', recordedAt: '2025-01-01T00:00:00+07:00' },
      ]);
      expect(assessEligibility(anInput({}, { member: inactiveAfter })).outcome).toBe('eligible');
      expect(assessEligibility(anInput({}, { member: reactivated })).outcome).toBe('eligible');
    });

    it('not for a death claim when the roster records this death as deceased on the incident date', () => {
      const member = aMember({
        status: 'deceased',
        statusHistory: [
          { status: 'active', on: '2019-01-01', recordedAt: '2019-01-01T00:00:00+07:00' },
          { status: 'deceased', on: '2026-09-20', recordedAt: '2026-09-25T10:00:00+07:00' },
        ],
      });
      expect(assessEligibility(anInput({}, { member })).outcome).toBe('eligible');
    });

    it('not for a death claim when the death was recorded after the incident, even with an earlier date', () => {
      // The sponsor wrote 2026-09-18 on 2026-09-25; the family says 2026-09-20: a date to check, not a lapse.
      const member = aMember({
        status: 'deceased',
        statusHistory: [
          { status: 'active', on: '2019-01-01', recordedAt: '2019-01-01T00:00:00+07:00' },
          { status: 'deceased', on: '2026-09-18', recordedAt: '2026-09-25T10:00:00+07:00' },
        ],
      });
      expect(assessEligibility(anInput({}, { member })).outcome).toBe('eligible');
    });

    it('when the roster already held the death before the incident date', () => {
      const member = aMember({
        status: 'deceased',
        statusHistory: [
          { status: 'active', on: '2019-01-01', recordedAt: '2019-01-01T00:00:00+07:00' },
          { status: 'deceased', on: '2025-03-01', recordedAt: '2025-03-05T10:00:00+07:00' },
        ],
      });
      expect(assessEligibility(anInput({}, { member }))).toMatchObject({ reasonCode: 'NOT_ACTIVE_AT_INCIDENT' });
    });

    it('for an injury claim when the member is recorded deceased on the incident date', () => {
      const member = aMember({
        statusHistory: [
          { status: 'active', on: '2019-01-01', recordedAt: '2019-01-01T00:00:00+07:00' },
          { status: 'deceased', on: '2026-09-20', recordedAt: '2026-09-25T10:00:00+07:00' },
        ],
      });
      expect(assessEligibility(anInput(injuryBySelf, { member }))).toMatchObject({ reasonCode: 'NOT_ACTIVE_AT_INCIDENT' });
    });
  });

  describe('CLAIM_WINDOW_EXPIRED (JKK: 5 years, Jakarta dates, anniversary rule)', () => {
    const oldIncident = (submittedAt: string) =>
      anInput(
        { benefit: 'JKK', incident: { type: 'death', date: '2021-03-10', cause: 'work_accident' }, submittedAt },
        { coverage: { period: '2021-03', category: 'PAID' } },
      );

    it('never for JKM: a death from 2020 claimed in 2026 is eligible (a JKM claim never expires)', () => {
      const jkm2020 = anInput(
        { incident: { type: 'death', date: '2020-02-14', cause: 'illness' }, submittedAt: '2026-11-30T10:00:00+07:00' },
        { coverage: { period: '2020-02', category: 'PAID' } },
      );
      expect(assessEligibility(jkm2020)).toEqual({ outcome: 'eligible', flags: [] });
    });

    it('is still in time on the 5th anniversary, to its last second in Jakarta', () => {
      expect(assessEligibility(oldIncident('2026-03-10T23:59:59+07:00')).outcome).toBe('eligible');
      expect(assessEligibility(oldIncident('2026-03-10T16:59:59Z')).outcome).toBe('eligible');
    });

    it('is too late 5 years and 1 day after, including a UTC instant that is already the next day in Jakarta', () => {
      expect(assessEligibility(oldIncident('2026-03-11T00:00:00+07:00'))).toMatchObject({ reasonCode: 'CLAIM_WINDOW_EXPIRED' });
      expect(assessEligibility(oldIncident('2026-03-10T17:00:00Z'))).toMatchObject({ reasonCode: 'CLAIM_WINDOW_EXPIRED' });
    });
  });

  describe('CAUSE_NOT_COVERED', () => {
    it('for JKM with a work cause', () => {
      expect(assessEligibility(anInput({ incident: { type: 'death', date: '2026-09-20', cause: 'work_accident' } }))).toMatchObject({
        reasonCode: 'CAUSE_NOT_COVERED',
      });
    });

    it('for a JKK death or injury without a work cause', () => {
      expect(
        assessEligibility(anInput({ benefit: 'JKK', incident: { type: 'death', date: '2026-09-20', cause: 'illness' } })),
      ).toMatchObject({ reasonCode: 'CAUSE_NOT_COVERED' });
      expect(assessEligibility(anInput({ benefit: 'JKK', incident: { type: 'death', date: '2026-09-20' } }))).toMatchObject({
        reasonCode: 'CAUSE_NOT_COVERED',
      });
      expect(
        assessEligibility(anInput({ ...injuryBySelf, incident: { type: 'injury', date: '2026-09-20', cause: 'non_work_accident' } })),
      ).toMatchObject({ reasonCode: 'CAUSE_NOT_COVERED' });
    });

    it('for JKM claimed for an injury (JKM pays only for a death)', () => {
      expect(
        assessEligibility(anInput({ ...injuryBySelf, benefit: 'JKM', incident: { type: 'injury', date: '2026-09-20', cause: 'illness' } })),
      ).toMatchObject({ reasonCode: 'CAUSE_NOT_COVERED' });
    });
  });

  describe('HEIR_NOT_ENTITLED', () => {
    it('for a death claimed by "self"', () => {
      expect(assessEligibility(anInput({ claimant: { relationship: 'self', nik: NIK } }))).toMatchObject({
        reasonCode: 'HEIR_NOT_ENTITLED',
      });
    });

    it('for an injury claimed by anyone but the member or the spouse (who files with a power of attorney)', () => {
      expect(assessEligibility(anInput({ ...injuryBySelf, claimant: { relationship: 'child', nik: '3173010101800001' } }))).toMatchObject({
        reasonCode: 'HEIR_NOT_ENTITLED',
      });
      expect(assessEligibility(anInput({ ...injuryBySelf, claimant: { relationship: 'spouse', nik: '3173010101800001' } }))).toEqual({
        outcome: 'eligible',
        flags: [],
      });
    });

    it('a guardian is a first-order heir; a funeral arranger goes to a verifier to confirm there is no heir', () => {
      expect(assessEligibility(anInput({ claimant: { relationship: 'guardian', nik: '3173010101800001' } }))).toEqual({
        outcome: 'eligible',
        flags: [],
      });
      expect(assessEligibility(anInput({ claimant: { relationship: 'funeral_arranger', nik: '3173010101800001' } }))).toEqual({
        outcome: 'eligible',
        flags: ['HEIR_ORDER_REVIEW'],
      });
    });
  });

  it('checks in order: the first failing rule names the rejection', () => {
    // Arrange: a work cause under JKM, claimed by "self", 6 years late, for a member of an unknown programme
    const everythingWrong = anInput(
      { incident: { type: 'death', date: '2020-01-10', cause: 'work_accident' }, claimant: { relationship: 'self', nik: NIK } },
      { member: aMember({ program: 'UNKNOWN' }) },
    );
    const lateWrongCause = anInput({
      benefit: 'JKK',
      incident: { type: 'death', date: '2020-01-10', cause: 'illness' },
      claimant: { relationship: 'self', nik: NIK },
    });
    const wrongCauseAndClaimant = anInput({
      incident: { type: 'death', date: '2026-09-20', cause: 'work_accident' },
      claimant: { relationship: 'self', nik: NIK },
    });

    // Act / Assert
    expect(assessEligibility(everythingWrong)).toMatchObject({ reasonCode: 'BENEFIT_NOT_COVERED' });
    expect(assessEligibility(lateWrongCause)).toMatchObject({ reasonCode: 'CLAIM_WINDOW_EXPIRED' });
    expect(assessEligibility(wrongCauseAndClaimant)).toMatchObject({ reasonCode: 'CAUSE_NOT_COVERED' });
  });
});

describe('assessEligibility: flags (never rejections)', () => {
  it('NAME_MISMATCH when the claimed name is not the roster name, tolerating titles', () => {
    expect(assessEligibility(anInput({ member: { nik: NIK, name: 'Ahmad Fauzi' } }))).toEqual({
      outcome: 'eligible',
      flags: ['NAME_MISMATCH'],
    });
    expect(assessEligibility(anInput({ member: { nik: NIK, name: 'Hj. Siti Aminah, S.Pd.' } })).flags).toEqual([]);
  });

  it.each([
    ['no coverage record for the month', undefined],
    ['UNPAID', { period: '2026-09', category: 'UNPAID' }],
    ['UNDERPAID', { period: '2026-09', category: 'UNDERPAID' }],
    ['PAID_FOR_INACTIVE', { period: '2026-09', category: 'PAID_FOR_INACTIVE' }],
    ['a record of another month', { period: '2026-08', category: 'PAID' }],
  ])('SPONSOR_ARREARS for %s, and the claim stays eligible', (_why, coverage) => {
    expect(assessEligibility(anInput({}, { coverage }))).toEqual({ outcome: 'eligible', flags: ['SPONSOR_ARREARS'] });
  });

  it('no SPONSOR_ARREARS for a month PAID or OVERPAID', () => {
    expect(assessEligibility(anInput({}, { coverage: { period: '2026-09', category: 'OVERPAID' } })).flags).toEqual([]);
    expect(assessEligibility(anInput({}, { coverage: { period: '2026-09', category: 'PAID' } })).flags).toEqual([]);
  });

  it.each(['parent', 'grandparent', 'grandchild', 'sibling', 'parent_in_law', 'appointed'] as const)(
    'HEIR_ORDER_REVIEW for a death claimed by a %s (heir order 2-5)',
    (relationship) => {
      expect(assessEligibility(anInput({ claimant: { relationship, nik: '3173010101800001' } }))).toEqual({
        outcome: 'eligible',
        flags: ['HEIR_ORDER_REVIEW'],
      });
    },
  );

  it('no HEIR_ORDER_REVIEW for a spouse or a child (order 1)', () => {
    expect(assessEligibility(anInput({ claimant: { relationship: 'child', nik: '3173010101800001' } })).flags).toEqual([]);
    expect(assessEligibility(anInput({ claimant: { relationship: 'spouse', nik: '3173010101800001' } })).flags).toEqual([]);
  });

  it('keeps the flags on a rejected claim, for staff', () => {
    const input = anInput(
      { member: { nik: NIK, name: 'Ahmad Fauzi' }, claimant: { relationship: 'self', nik: NIK } },
      { coverage: undefined },
    );
    expect(assessEligibility(input)).toEqual({
      outcome: 'rejected',
      reasonCode: 'HEIR_NOT_ENTITLED',
      flags: ['NAME_MISMATCH', 'SPONSOR_ARREARS'],
    });
  });
});

describe('needsSupervisor', () => {
  it('is true for sponsor arrears and name mismatches', () => {
    expect(needsSupervisor(['SPONSOR_ARREARS'])).toBe(true);
    expect(needsSupervisor(['NAME_MISMATCH'])).toBe(true);
    expect(needsSupervisor(['HEIR_ORDER_REVIEW', 'NAME_MISMATCH'])).toBe(true);
  });

  it('is false for heir-order review alone and for no flags', () => {
    expect(needsSupervisor(['HEIR_ORDER_REVIEW'])).toBe(false);
    expect(needsSupervisor([])).toBe(false);
  });
});

describe('texts', () => {
  it('explain every rejection to the family in Bahasa Indonesia and English', () => {
    for (const code of REJECTION_CODES) {
      expect(REJECTION_REASONS[code].id.length).toBeGreaterThan(40);
      expect(REJECTION_REASONS[code].en.length).toBeGreaterThan(40);
    }
  });

  it('label every flag for staff in both languages', () => {
    for (const flag of ELIGIBILITY_FLAGS) {
      expect(FLAG_LABELS[flag].id).not.toBe('');
      expect(FLAG_LABELS[flag].en).not.toBe('');
    }
  });
});
