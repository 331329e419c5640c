import { addWorkingDays, isWorkingDay, secondsUntil } from '../../shared/reference-data/working-days';

describe('isWorkingDay (Monday-Friday, Indonesian public holidays from date-holidays)', () => {
  it('counts an ordinary weekday and not a weekend', () => {
    expect(isWorkingDay('2026-10-02')).toBe(true); // Friday
    expect(isWorkingDay('2026-10-03')).toBe(false); // Saturday
    expect(isWorkingDay('2026-10-04')).toBe(false); // Sunday
    expect(isWorkingDay('2026-10-05')).toBe(true); // Monday
  });

  it('skips Independence Day, Monday 2026-08-17', () => {
    expect(isWorkingDay('2026-08-17')).toBe(false);
    expect(isWorkingDay('2026-08-18')).toBe(true);
  });

  it('skips the Eid holidays date-holidays lists for 2026: Idul Adha on Wednesday 27 May, Idul Fitri on Friday 20 March', () => {
    expect(isWorkingDay('2026-05-27')).toBe(false);
    expect(isWorkingDay('2026-05-26')).toBe(true);
    expect(isWorkingDay('2026-03-20')).toBe(false);
  });

  it('skips Nyepi (2026-03-19) and Christmas (2026-12-25)', () => {
    expect(isWorkingDay('2026-03-19')).toBe(false);
    expect(isWorkingDay('2026-12-25')).toBe(false);
  });

  it('counts collective leave (cuti bersama) as working days: it is decreed yearly and not in the calendar', () => {
    // 2026-03-23 and 2026-12-24 are cuti bersama under SKB 1497/2025 (known limitation, see working-days.ts)
    expect(isWorkingDay('2026-03-23')).toBe(true);
    expect(isWorkingDay('2026-12-24')).toBe(true);
  });

  it('refuses something that is not a calendar date', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('17-08-2026')).toThrow(RangeError);
  });
});

describe('addWorkingDays (deadline at the end of the Nth working day, WIB)', () => {
  it('takes a Friday + 1 working day to the end of Monday', () => {
    expect(addWorkingDays('2026-10-02T10:00:00+07:00', 1)).toBe('2026-10-05T23:59:59+07:00');
  });

  it('skips a public holiday: Friday 2026-08-14 + 1 is Tuesday 2026-08-18', () => {
    expect(addWorkingDays('2026-08-14T09:00:00+07:00', 1)).toBe('2026-08-18T23:59:59+07:00');
  });

  it('counts from the Jakarta day of the instant, whatever its offset', () => {
    // Thursday 23:59:59 WIB: the next working day is Friday
    expect(addWorkingDays('2026-10-01T16:59:59Z', 1)).toBe('2026-10-02T23:59:59+07:00');
    // One second later it is Friday 00:00 in Jakarta: the next working day is Monday
    expect(addWorkingDays('2026-10-01T17:00:00Z', 1)).toBe('2026-10-05T23:59:59+07:00');
    expect(addWorkingDays('2026-10-02T02:59:00+10:00', 1)).toBe('2026-10-02T23:59:59+07:00'); // Thursday 23:59 WIB
  });

  it('gives JKM its 3 working days around Nyepi and Idul Fitri: Wednesday 2026-03-18 -> Wednesday 2026-03-25', () => {
    expect(addWorkingDays('2026-03-18T12:00:00+07:00', 3)).toBe('2026-03-25T23:59:59+07:00');
  });

  it('gives JKK its 7 working days across the new year and its holidays', () => {
    // From Thursday 2026-12-24: 25 Dec and 1 Jan are holidays, and date-holidays lists 2027-01-05 (Isra Mi'raj)
    expect(addWorkingDays('2026-12-24T08:00:00+07:00', 7)).toBe('2027-01-07T23:59:59+07:00');
  });

  it('starts counting the day after a weekend day', () => {
    expect(addWorkingDays('2026-10-03T10:00:00+07:00', 1)).toBe('2026-10-05T23:59:59+07:00'); // Saturday -> Monday
  });

  it('refuses a day count that is not a positive whole number, and an instant without an offset', () => {
    expect(() => addWorkingDays('2026-10-02T10:00:00+07:00', 0)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-10-02T10:00:00+07:00', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-10-02T10:00:00', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-10-02', 1)).toThrow(RangeError);
  });
});

describe('secondsUntil', () => {
  const deadline = '2026-10-05T23:59:59+07:00';

  it('counts whole seconds to the deadline, across offsets', () => {
    expect(secondsUntil(deadline, '2026-10-05T23:59:00+07:00')).toBe(59);
    expect(secondsUntil(deadline, '2026-10-04T23:59:59+07:00')).toBe(86_400);
    expect(secondsUntil(deadline, '2026-10-05T16:59:59Z')).toBe(0);
  });

  it('is negative once the deadline has passed', () => {
    expect(secondsUntil(deadline, '2026-10-05T17:00:00Z')).toBe(-1);
    expect(secondsUntil(deadline, '2026-10-06T00:00:59+07:00')).toBe(-60);
  });

  it('rounds a partial second down', () => {
    expect(secondsUntil(deadline, '2026-10-05T23:59:58.500+07:00')).toBe(0);
  });
});

describe('holiday calendar data', () => {
  it('is exactly what the installed date-holidays computes for Indonesia (rerun scripts/holidays.mjs when stale)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Holidays = require('date-holidays');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const data = require('../../shared/reference-data/holidays.id.json') as {
      first: number;
      last: number;
      years: Record<string, string[]>;
    };
    const calendar = new Holidays('ID', { types: ['public'] });
    for (let year = data.first; year <= data.last; year += 1) {
      const expected = [
        ...new Set(
          (calendar.getHolidays(year) as { type: string; date: string }[])
            .filter((h) => h.type === 'public')
            .map((h) => h.date.slice(0, 10)),
        ),
      ].sort();
      expect(data.years[String(year)]).toEqual(expected);
    }
  });

  it('refuses years outside the generated range instead of treating them as holiday-free', () => {
    expect(() => isWorkingDay('2041-03-04')).toThrow(RangeError);
  });
});
