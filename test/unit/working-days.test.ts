import CORRECTIONS from '../../shared/reference-data/holiday-corrections.id.json';
import HOLIDAYS from '../../shared/reference-data/holidays.id.json';
import { addWorkingDays, isWorkingDay, secondsUntil } from '../../shared/reference-data/working-days';

describe('isWorkingDay (Monday-Friday, without public holidays and cuti bersama)', () => {
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

  it('skips the 2026 Eid days: Idul Adha on Wednesday 27 May, Friday 20 March before Idul Fitri (cuti bersama, SKB 1497/2025)', () => {
    expect(isWorkingDay('2026-05-27')).toBe(false);
    expect(isWorkingDay('2026-05-26')).toBe(true);
    expect(isWorkingDay('2026-03-20')).toBe(false);
  });

  it('follows the 2025 decree where the library is a day off: Idul Fitri is 31 March and 1 April, Tahun Baru Islam 27 June', () => {
    expect(isWorkingDay('2025-03-31')).toBe(false); // Monday
    expect(isWorkingDay('2025-04-01')).toBe(false); // Tuesday: missing from date-holidays, which has Sunday 30 March
    expect(isWorkingDay('2025-06-27')).toBe(false); // Friday
    expect(isWorkingDay('2025-06-26')).toBe(true); // Thursday: date-holidays' date for Tahun Baru Islam 1447 H
  });

  it('skips Nyepi (2026-03-19) and Christmas (2026-12-25)', () => {
    expect(isWorkingDay('2026-03-19')).toBe(false);
    expect(isWorkingDay('2026-12-25')).toBe(false);
  });

  it.each([
    // SKB 1017/2024, and 18 August from its amendment SKB 933/2025
    ['2025', ['2025-01-28', '2025-03-28', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07', '2025-05-13', '2025-05-30']],
    ['2025', ['2025-06-09', '2025-08-18', '2025-12-26']],
    // SKB 1497/2025
    ['2026', ['2026-02-16', '2026-03-18', '2026-03-20', '2026-03-23', '2026-03-24', '2026-05-15', '2026-05-28', '2026-12-24']],
  ])('counts no collective leave (cuti bersama) of %s as a working day', (_year, days) => {
    expect(days.filter(isWorkingDay)).toEqual([]);
  });

  it('uses the library alone for a year with no decree recorded yet (2027): its holidays, no cuti bersama', () => {
    expect(isWorkingDay('2027-03-09')).toBe(false); // Idul Fitri 1448 H in date-holidays
    expect(isWorkingDay('2027-03-11')).toBe(true); // the Thursday after: cuti bersama is likely, but not decreed yet
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

  it('gives JKM its 3 working days around Nyepi and Idul Fitri 2026: Wednesday 2026-03-18 -> Friday 2026-03-27', () => {
    // 19 Nyepi, 20 cuti bersama, 21-22 Idul Fitri (weekend), 23-24 cuti bersama: the 3 days are 25, 26 and 27 March
    expect(addWorkingDays('2026-03-18T12:00:00+07:00', 3)).toBe('2026-03-27T23:59:59+07:00');
  });

  it('gives JKK its 7 working days across Idul Fitri 2026: Monday 2026-03-16 -> Wednesday 2026-04-01', () => {
    // 17 March, then nothing until 25 March (cuti bersama, Nyepi, Idul Fitri, cuti bersama), then 25-27, 30, 31, 1 April
    expect(addWorkingDays('2026-03-16T09:00:00+07:00', 7)).toBe('2026-04-01T23:59:59+07:00');
  });

  it('gives JKM its 3 working days across Idul Fitri 2025: Thursday 2025-03-27 -> Thursday 2025-04-10', () => {
    // 28 March cuti bersama, 31 March-1 April Idul Fitri, 2-4 and 7 April cuti bersama: the 3 days are 8, 9 and 10 April
    // (on the library's dates alone it was 2 April)
    expect(addWorkingDays('2025-03-27T15:00:00+07:00', 3)).toBe('2025-04-10T23:59:59+07:00');
    expect(addWorkingDays('2025-03-27T15:00:00+07:00', 7)).toBe('2025-04-16T23:59:59+07:00');
  });

  it('skips Tahun Baru Islam 2025 on the decree date: Thursday 2025-06-26 + 1 is Monday 2025-06-30', () => {
    expect(addWorkingDays('2025-06-26T10:00:00+07:00', 1)).toBe('2025-06-30T23:59:59+07:00');
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

  it('has corrections only from a decree recorded for their year, each named, and each changing something in the library data', () => {
    const library = HOLIDAYS.years as Record<string, string[]>;
    const years = CORRECTIONS.years as Record<string, { decrees: string[] }>;
    // The library's dates a correction takes away (2026-03-20, library Idul Fitri, is cuti bersama by the decree).
    const takenAway = new Set(
      CORRECTIONS.corrections.flatMap((c) => (c.kind === 'public_holiday_removed' ? [c.date] : c.from ? [c.from] : [])),
    );
    const problems = CORRECTIONS.corrections.flatMap((c) => {
      const year = c.date.slice(0, 4);
      const holidays = new Set(library[year]);
      const weekday = new Date(`${c.date}T00:00:00Z`).getUTCDay();
      const found: string[] = [];
      if (!years[year]?.decrees.includes(c.decree)) found.push('its decree is not one recorded for its year');
      if (!Object.hasOwn(CORRECTIONS.decrees, c.decree) || c.name.trim() === '') found.push('no decree title or no name');
      // When date-holidays is upgraded and gets a date right, the correction is no longer needed: remove it.
      if (c.kind !== 'public_holiday_removed' && holidays.has(c.date) && !takenAway.has(c.date))
        found.push('the library already has this date');
      if (c.kind === 'public_holiday_removed' && !holidays.has(c.date)) found.push('the library does not have this date');
      if (c.from !== undefined && !holidays.has(c.from)) found.push('the library does not have the from date');
      if (c.kind === 'cuti_bersama' && (weekday === 0 || weekday === 6)) found.push('cuti bersama on a weekend');
      return found.map((problem) => `${c.date} ${c.kind}: ${problem}`);
    });
    expect(problems).toEqual([]);
  });

  it('refuses, when the module loads, a correction it cannot apply (unknown kind, or a moved holiday without its from date)', () => {
    const load = (corrections: unknown[]) =>
      jest.isolateModules(() => {
        jest.doMock('../../shared/reference-data/holiday-corrections.id.json', () => ({ ...CORRECTIONS, corrections }));
        require('../../shared/reference-data/working-days');
      });
    const decree = 'SKB 1497/2025';
    expect(() => load([{ date: '2026-03-20', kind: 'holiday', name: 'x', decree }])).toThrow(/unknown kind/);
    expect(() => load([{ date: '2026-03-22', kind: 'public_holiday_moved', name: 'x', decree }])).toThrow(/from date/);
    expect(() => load([{ date: '2026-03-20', kind: 'cuti_bersama', name: 'x', decree: 'SKB 1/2099' }])).toThrow(/known decree/);
    expect(() => load([{ date: '2026-03-20', kind: 'cuti_bersama', name: 'x', decree }])).not.toThrow();
  });

  it('refuses years outside the generated range instead of treating them as holiday-free', () => {
    expect(() => isWorkingDay('2041-03-04')).toThrow(RangeError);
  });
});
