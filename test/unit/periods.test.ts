import {
  currentPeriod,
  daysInPeriod,
  firstDayOf,
  isPeriod,
  lastDayOf,
  nextPeriod,
  periodOf,
  periodsBetween,
  previousPeriod,
} from '../../shared/kernel/periods';

describe('isPeriod', () => {
  it.each(['2026-01', '2026-12', '2015-07', '1999-09'])('accepts %s', (value) => {
    expect(isPeriod(value)).toBe(true);
  });

  it.each(['2026-13', '2026-00', '26-01', '2026-1', '2026-001', '20260-01', '2026/01', ' 2026-01', '2026-01-01', '', '0999-01'])(
    'rejects %j',
    (value) => {
      expect(isPeriod(value)).toBe(false);
    },
  );
});

describe('periodOf', () => {
  it('takes a calendar date as the Jakarta date it already is', () => {
    expect(periodOf('2026-01-31')).toBe('2026-01');
    expect(periodOf('2024-02-29')).toBe('2024-02');
  });

  it('converts an instant to Jakarta (UTC+7) before taking its month', () => {
    // Arrange: 17:00 UTC on the 31st is midnight of the 1st in Jakarta
    const lastUtcEvening = new Date('2026-01-31T16:59:59Z');
    const jakartaMidnight = new Date('2026-01-31T17:00:00Z');

    // Act and Assert
    expect(periodOf(lastUtcEvening)).toBe('2026-01');
    expect(periodOf(jakartaMidnight)).toBe('2026-02');
    expect(periodOf('2026-12-31T20:00:00Z')).toBe('2027-01');
    expect(periodOf('2026-03-01T00:30:00+07:00')).toBe('2026-03');
  });

  it('refuses what is not a date', () => {
    expect(() => periodOf('2026-02-30')).toThrow(RangeError);
    expect(() => periodOf('31/01/2026')).toThrow(RangeError);
    expect(() => periodOf('2026-01-31T10:00:00')).toThrow(RangeError); // no offset: ambiguous
    expect(() => periodOf(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('previousPeriod and nextPeriod', () => {
  it('step within a year and across the year boundary', () => {
    expect(nextPeriod('2026-01')).toBe('2026-02');
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(previousPeriod('2026-02')).toBe('2026-01');
    expect(previousPeriod('2026-01')).toBe('2025-12');
  });

  it('are inverse of each other', () => {
    for (const p of ['2025-12', '2026-01', '2026-06']) {
      expect(previousPeriod(nextPeriod(p))).toBe(p);
      expect(nextPeriod(previousPeriod(p))).toBe(p);
    }
  });

  it('refuse a malformed period and the edge of the format', () => {
    expect(() => nextPeriod('2026-13')).toThrow(RangeError);
    expect(() => previousPeriod('26-01')).toThrow(RangeError);
    expect(() => nextPeriod('9999-12')).toThrow(RangeError);
    expect(() => previousPeriod('1000-01')).toThrow(RangeError);
  });
});

describe('periodsBetween', () => {
  it('lists every month from the first to the last, both included, across a year', () => {
    expect(periodsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('is one period when both ends are the same, and empty when they are reversed', () => {
    expect(periodsBetween('2026-05', '2026-05')).toEqual(['2026-05']);
    expect(periodsBetween('2026-05', '2026-04')).toEqual([]);
  });

  it('counts 12 months a year over several years', () => {
    expect(periodsBetween('2018-01', '2026-12')).toHaveLength(9 * 12);
  });

  it('refuses malformed ends', () => {
    expect(() => periodsBetween('2026-00', '2026-02')).toThrow(RangeError);
    expect(() => periodsBetween('2026-01', '2026-13')).toThrow(RangeError);
  });
});

describe('daysInPeriod, firstDayOf and lastDayOf', () => {
  it.each([
    ['2026-01', 31],
    ['2026-04', 30],
    ['2026-02', 28],
    ['2024-02', 29],
    ['2000-02', 29],
    ['2100-02', 28],
    ['2026-12', 31],
  ])('%s has %i days', (period, days) => {
    expect(daysInPeriod(period)).toBe(days);
  });

  it('name the first and last calendar day', () => {
    expect(firstDayOf('2026-02')).toBe('2026-02-01');
    expect(lastDayOf('2026-02')).toBe('2026-02-28');
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
    expect(lastDayOf('2026-12')).toBe('2026-12-31');
  });

  it('refuse a malformed period', () => {
    expect(() => daysInPeriod('2026-13')).toThrow(RangeError);
    expect(() => firstDayOf('2026-1')).toThrow(RangeError);
  });
});

describe('currentPeriod', () => {
  it('is the month running in Jakarta at the instant given', () => {
    expect(currentPeriod(new Date('2026-06-30T16:59:59Z'))).toBe('2026-06');
    expect(currentPeriod(new Date('2026-06-30T17:00:00Z'))).toBe('2026-07');
  });

  it('defaults to now', () => {
    // Arrange
    const before = currentPeriod(new Date());

    // Act
    const now = currentPeriod();

    // Assert: equal unless the month turned over between the two calls
    expect([before, nextPeriod(before)]).toContain(now);
    expect(isPeriod(now)).toBe(true);
  });
});
