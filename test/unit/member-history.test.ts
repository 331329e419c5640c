import { type Member, statusOn, wageOn } from '../../shared/premiums/domain/member';
import type { RosterRow } from '../../shared/premiums/domain/roster-row';
import { applyRosterRow } from '../../shared/premiums/domain/roster-update';
import { aMember } from '../support/members';

const NIK = '3173014107850003';
const wage = (monthlyWage: number, from: string, recordedAt = `${from}T09:00:00+07:00`) => ({ monthlyWage, from, recordedAt });

describe('wageOn', () => {
  const member = (wageHistory?: Member['wageHistory'], monthlyWage = 3_000_000) => ({ monthlyWage, wageHistory });

  it('is the latest change with `from` on or before the day', () => {
    // Arrange
    const m = member([wage(1_000_000, '2019-01-01'), wage(2_000_000, '2024-07-01'), wage(3_000_000, '2026-10-15')]);

    // Act / Assert
    expect(wageOn(m, '2019-01-01')).toBe(1_000_000);
    expect(wageOn(m, '2024-06-30')).toBe(1_000_000);
    expect(wageOn(m, '2024-07-01')).toBe(2_000_000);
    expect(wageOn(m, '2026-10-14')).toBe(2_000_000);
    expect(wageOn(m, '2026-10-15')).toBe(3_000_000);
    expect(wageOn(m, '2030-01-01')).toBe(3_000_000);
  });

  it('takes the changes in date order, whatever the stored order, and of two the same day the one recorded later', () => {
    // Arrange
    const m = member([
      wage(2_000_000, '2024-07-01'),
      wage(1_500_000, '2024-07-01', '2024-07-02T10:00:00+07:00'),
      wage(1_000_000, '2019-01-01'),
    ]);

    // Act / Assert
    expect(wageOn(m, '2024-07-01')).toBe(1_500_000);
    expect(wageOn(m, '2020-01-01')).toBe(1_000_000);
  });

  it('is the earliest known wage on a day before the first change', () => {
    const m = member([wage(2_000_000, '2024-07-01'), wage(1_500_000, '2022-01-01')]);
    expect(wageOn(m, '2021-12-31')).toBe(1_500_000);
  });

  it('is monthlyWage for a member stored without a wage history, or with an empty one', () => {
    expect(wageOn(member(undefined, 1_250_000), '2020-01-01')).toBe(1_250_000);
    expect(wageOn(member([], 1_250_000), '2020-01-01')).toBe(1_250_000);
  });
});

describe('statusOn', () => {
  it('is active before any change, then the last change effective by the day', () => {
    const m = aMember({
      statusHistory: [
        { status: 'active', on: '2019-01-01', recordedAt: '2019-01-01T09:00:00+07:00' },
        { status: 'deceased', on: '2025-09-20', recordedAt: '2025-10-02T09:00:00+07:00' },
      ],
    });
    expect(statusOn(m, '2018-12-31')).toBe('active');
    expect(statusOn(m, '2025-09-19')).toBe('active');
    expect(statusOn(m, '2025-09-20')).toBe('deceased');
  });
});

describe('applyRosterRow', () => {
  const AT = '2026-11-28T10:00:00.000+07:00';
  const LATER = '2026-12-05T10:00:00.000+07:00';
  const aRow = (overrides: Partial<RosterRow> = {}): RosterRow => ({
    nik: NIK,
    name: 'Siti Aminah',
    program: 'TKSK',
    province: '31',
    regency: '3173',
    district: '317301',
    enrolledOn: '2019-01-01',
    monthlyWage: 1_000_000,
    status: 'active',
    ...overrides,
  });

  describe('a new member', () => {
    it('is active from enrolment, with the wage from enrolment, and stores neither date column', () => {
      // Act
      const { member, change } = applyRosterRow(undefined, aRow(), AT);

      // Assert
      expect(change).toBe('imported');
      expect(member.statusHistory).toEqual([{ status: 'active', on: '2019-01-01', recordedAt: AT }]);
      expect(member.wageHistory).toEqual([{ monthlyWage: 1_000_000, from: '2019-01-01', recordedAt: AT }]);
      expect(member).not.toHaveProperty('statusDate');
      expect(member).not.toHaveProperty('wageFrom');
    });

    it('deceased with a statusDate: active until that day, deceased from it', () => {
      const { member } = applyRosterRow(undefined, aRow({ status: 'deceased', statusDate: '2025-09-20' }), AT);
      expect(member.statusHistory).toEqual([
        { status: 'active', on: '2019-01-01', recordedAt: AT },
        { status: 'deceased', on: '2025-09-20', recordedAt: AT },
      ]);
    });

    it('deceased without a statusDate: from the import day in Jakarta, as before the column existed', () => {
      // 2026-11-28T20:00Z is already the 29th in Jakarta
      const at = '2026-11-29T03:00:00.000+07:00';
      const { member } = applyRosterRow(undefined, aRow({ status: 'deceased' }), at);
      expect(member.statusHistory.at(-1)).toEqual({ status: 'deceased', on: '2026-11-29', recordedAt: at });
    });

    it('with a wageFrom: the wage from that day', () => {
      const { member } = applyRosterRow(undefined, aRow({ monthlyWage: 2_000_000, wageFrom: '2024-07-01' }), AT);
      expect(member.wageHistory).toEqual([{ monthlyWage: 2_000_000, from: '2024-07-01', recordedAt: AT }]);
    });
  });

  describe('a known member', () => {
    const stored = applyRosterRow(undefined, aRow(), AT).member;

    it('the same row again, with or without dates that agree, changes nothing', () => {
      expect(applyRosterRow(stored, aRow(), LATER)).toEqual({ member: stored, change: 'unchanged' });
      expect(applyRosterRow(stored, aRow({ statusDate: '2020-01-01', wageFrom: '2019-01-01' }), LATER).change).toBe('unchanged');
    });

    it('a new status takes effect on its statusDate; importing the row again changes nothing', () => {
      // Act
      const first = applyRosterRow(stored, aRow({ status: 'deceased', statusDate: '2025-09-20' }), LATER);
      const again = applyRosterRow(first.member, aRow({ status: 'deceased', statusDate: '2025-09-20' }), LATER);

      // Assert
      expect(first.change).toBe('updated');
      expect(first.member.status).toBe('deceased');
      expect(first.member.statusHistory).toEqual([
        { status: 'active', on: '2019-01-01', recordedAt: AT },
        { status: 'deceased', on: '2025-09-20', recordedAt: LATER },
      ]);
      expect(again.change).toBe('unchanged');
    });

    it('a new status without a statusDate takes effect on the import day', () => {
      const { member } = applyRosterRow(stored, aRow({ status: 'inactive' }), LATER);
      expect(member.statusHistory.at(-1)).toEqual({ status: 'inactive', on: '2026-12-05', recordedAt: LATER });
    });

    it('a statusDate earlier than the recorded one corrects it: the later entry is superseded', () => {
      // Arrange: first reported without a date, so deceased from the import day
      const guessed = applyRosterRow(stored, aRow({ status: 'deceased' }), AT).member;

      // Act
      const corrected = applyRosterRow(guessed, aRow({ status: 'deceased', statusDate: '2025-09-20' }), LATER);

      // Assert
      expect(corrected.change).toBe('updated');
      expect(corrected.member.statusHistory).toEqual([
        { status: 'active', on: '2019-01-01', recordedAt: AT },
        { status: 'deceased', on: '2025-09-20', recordedAt: LATER },
      ]);
    });

    it('a new wage takes effect on its wageFrom, and the earlier wage stays in the history', () => {
      // Act
      const { member, change } = applyRosterRow(stored, aRow({ monthlyWage: 2_500_000, wageFrom: '2026-10-01' }), LATER);

      // Assert
      expect(change).toBe('updated');
      expect(member.monthlyWage).toBe(2_500_000);
      expect(member.wageHistory).toEqual([
        { monthlyWage: 1_000_000, from: '2019-01-01', recordedAt: AT },
        { monthlyWage: 2_500_000, from: '2026-10-01', recordedAt: LATER },
      ]);
      expect(wageOn(member, '2026-09-30')).toBe(1_000_000);
      expect(wageOn(member, '2026-10-01')).toBe(2_500_000);
    });

    it('a new wage without a wageFrom takes effect on the import day', () => {
      const { member } = applyRosterRow(stored, aRow({ monthlyWage: 2_500_000 }), LATER);
      expect(member.wageHistory?.at(-1)).toEqual({ monthlyWage: 2_500_000, from: '2026-12-05', recordedAt: LATER });
    });

    it('a member stored without a wage history keeps its stored wage as the first entry, from enrolment', () => {
      // Arrange: an item written before wages had a history
      const old = aMember({ nik: NIK, monthlyWage: 1_000_000, updatedAt: '2025-01-01T00:00:00+07:00' });
      delete old.wageHistory;

      // Act
      const same = applyRosterRow(old, aRow(), LATER);
      const raised = applyRosterRow(old, aRow({ monthlyWage: 1_800_000, wageFrom: '2026-01-01' }), LATER);

      // Assert
      expect(same.change).toBe('unchanged');
      expect(raised.member.wageHistory).toEqual([
        { monthlyWage: 1_000_000, from: '2019-01-01', recordedAt: '2025-01-01T00:00:00+07:00' },
        { monthlyWage: 1_800_000, from: '2026-01-01', recordedAt: LATER },
      ]);
    });

    it('another column changed: updated, histories as they were', () => {
      const { member, change } = applyRosterRow(stored, aRow({ name: 'Siti Aminah Lubis' }), LATER);
      expect(change).toBe('updated');
      expect(member.statusHistory).toEqual(stored.statusHistory);
      expect(member.wageHistory).toEqual(stored.wageHistory);
    });
  });
});
