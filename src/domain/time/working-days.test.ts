import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, type CalendarDate, fromEpochDay, isWeekend, toEpochDay } from './calendar.ts';
import {
  addWorkingDays,
  bankHolidayName,
  bankHolidays,
  isWorkingDay,
  nextWorkingDay,
  UK_NATIONS,
  type UkNation,
  workingDaysBetween,
} from './working-days.ts';

const EW: UkNation = 'england-and-wales';
const SCO: UkNation = 'scotland';
const NI: UkNation = 'northern-ireland';

/** Working days in (from, to] counted one by one: the reference for the arithmetic version. */
function countSlowly(from: CalendarDate, to: CalendarDate, nation: UkNation): number {
  let count = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
    if (isWorkingDay(d, nation)) count++;
  }
  return count;
}

const dates = fc
  .integer({ min: toEpochDay('2020-01-01'), max: toEpochDay('2032-12-31') })
  .map((e) => fromEpochDay(e));
const nations = fc.constantFrom(...UK_NATIONS);
const workingDates = fc
  .tuple(dates, nations)
  .map(([d, nation]) => ({ d: isWorkingDay(d, nation) ? d : nextWorkingDay(d, nation), nation }));

describe('bank holidays', () => {
  it('lists the holidays of each nation, substitute days included', () => {
    expect(bankHolidays(2027, EW).map((h) => h.date)).toEqual([
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-05-03',
      '2027-05-31',
      '2027-08-30',
      '2027-12-25',
      '2027-12-26',
      '2027-12-27',
      '2027-12-28',
    ]);
    expect(bankHolidays(2027, SCO).map((h) => h.date)).toContain('2027-11-30');
    expect(bankHolidays(2027, NI)).toHaveLength(12);
    const sco2028 = bankHolidays(2028, SCO).map((h) => h.date);
    expect(sco2028).toEqual([...sco2028].sort());
  });

  it('leaves out observances such as Mothering Sunday', () => {
    expect(bankHolidayName('2027-03-07', EW)).toBeUndefined();
  });

  it('names holidays, substitute days included', () => {
    expect(bankHolidayName('2027-12-27', EW)).toBe('Christmas Day (substitute day)');
    expect(bankHolidayName('2027-12-28', EW)).toBe('Boxing Day (substitute day)');
    expect(bankHolidayName('2027-12-29', EW)).toBeUndefined();
  });

  it('refuses an unknown nation', () => {
    expect(() => isWorkingDay('2027-01-05', 'wales' as UkNation)).toThrow(RangeError);
  });
});

describe('working days in each nation', () => {
  it('treats Mon 27 and Tue 28 Dec 2027 as substitute days for Christmas and Boxing Day everywhere', () => {
    for (const nation of UK_NATIONS) {
      expect(isWorkingDay('2027-12-24', nation)).toBe(true);
      for (const d of ['2027-12-25', '2027-12-26', '2027-12-27', '2027-12-28']) {
        expect(isWorkingDay(d, nation)).toBe(false);
      }
      expect(nextWorkingDay('2027-12-24', nation)).toBe('2027-12-29');
      expect(addWorkingDays('2027-12-23', 2, nation)).toBe('2027-12-29');
    }
  });

  it("keeps Scotland's 2 January and its substitute day", () => {
    expect(isWorkingDay('2026-01-02', SCO)).toBe(false); // a Friday
    expect(isWorkingDay('2026-01-02', EW)).toBe(true);
    expect(isWorkingDay('2027-01-04', SCO)).toBe(false); // 2 Jan 2027 is a Saturday
    expect(isWorkingDay('2027-01-04', EW)).toBe(true);
    expect(isWorkingDay('2027-01-04', NI)).toBe(true);
    expect(bankHolidayName('2027-01-04', SCO)).toBe('January 2nd (substitute day)');
    // 2028: New Year's Day on Saturday, 2 January on Sunday → Mon 3 and Tue 4 January off.
    expect(nextWorkingDay('2027-12-31', SCO)).toBe('2028-01-05');
    expect(nextWorkingDay('2027-12-31', EW)).toBe('2028-01-04');
  });

  it("keeps Scotland's St Andrew's Day (30 November) and its substitute", () => {
    expect(isWorkingDay('2026-11-30', SCO)).toBe(false); // a Monday
    expect(isWorkingDay('2026-11-30', EW)).toBe(true);
    expect(isWorkingDay('2026-11-30', NI)).toBe(true);
    expect(isWorkingDay('2025-12-01', SCO)).toBe(false); // 30 Nov 2025 is a Sunday
    expect(isWorkingDay('2025-12-01', EW)).toBe(true);
  });

  it("keeps Northern Ireland's St Patrick's Day and 12 July, with substitutes", () => {
    expect(isWorkingDay('2027-03-17', NI)).toBe(false);
    expect(isWorkingDay('2027-03-17', EW)).toBe(true);
    expect(isWorkingDay('2027-03-17', SCO)).toBe(true);
    expect(isWorkingDay('2024-03-18', NI)).toBe(false); // 17 Mar 2024 is a Sunday
    expect(isWorkingDay('2027-07-12', NI)).toBe(false); // a Monday
    expect(isWorkingDay('2027-07-12', EW)).toBe(true);
    expect(isWorkingDay('2026-07-13', NI)).toBe(false); // 12 Jul 2026 is a Sunday
  });

  it('does not keep Easter Monday in Scotland, but keeps Good Friday', () => {
    expect(isWorkingDay('2027-03-29', SCO)).toBe(true);
    expect(isWorkingDay('2027-03-29', EW)).toBe(false);
    expect(isWorkingDay('2027-03-29', NI)).toBe(false);
    expect(isWorkingDay('2027-03-26', SCO)).toBe(false);
  });

  it('differs in the summer bank holiday (first Monday of August in Scotland)', () => {
    expect(isWorkingDay('2027-08-02', SCO)).toBe(false);
    expect(isWorkingDay('2027-08-02', EW)).toBe(true);
    expect(isWorkingDay('2027-08-30', SCO)).toBe(true);
    expect(isWorkingDay('2027-08-30', EW)).toBe(false);
  });

  it('includes one-off holidays from the library', () => {
    expect(isWorkingDay('2023-05-08', EW)).toBe(false); // coronation
    expect(isWorkingDay('2022-09-19', SCO)).toBe(false); // state funeral
  });

  it('never counts weekends', () => {
    expect(isWorkingDay('2027-06-05', EW)).toBe(false);
    expect(isWorkingDay('2027-06-06', EW)).toBe(false);
    expect(nextWorkingDay('2027-06-04', EW)).toBe('2027-06-07');
    expect(nextWorkingDay('2027-06-05', EW)).toBe('2027-06-07');
  });
});

describe('addWorkingDays', () => {
  it('counts the working days strictly after the date', () => {
    expect(addWorkingDays('2027-06-07', 5, EW)).toBe('2027-06-14'); // Mon → next Mon
    expect(addWorkingDays('2027-06-04', 1, EW)).toBe('2027-06-07'); // Fri → Mon
    expect(addWorkingDays('2027-06-05', 1, EW)).toBe('2027-06-07'); // Sat → Mon
    expect(addWorkingDays('2027-06-05', 2, EW)).toBe('2027-06-08');
  });

  it('with n = 0 returns the date if it is a working day, else the next working day', () => {
    expect(addWorkingDays('2027-06-07', 0, EW)).toBe('2027-06-07');
    expect(addWorkingDays('2027-06-05', 0, EW)).toBe('2027-06-07');
    expect(addWorkingDays('2027-12-25', 0, EW)).toBe('2027-12-29');
  });

  it('spans years and their holidays', () => {
    // Thu 23 Dec 2027 + 5: Fri 24, Wed 29, Thu 30, Fri 31, (Mon 3 Jan 2028 substitute) Tue 4 Jan.
    expect(addWorkingDays('2027-12-23', 5, EW)).toBe('2028-01-04');
    // Scotland also keeps Tue 4 Jan 2028.
    expect(addWorkingDays('2027-12-23', 5, SCO)).toBe('2028-01-05');
    expect(addWorkingDays('2026-01-01', 250, EW)).toBe('2026-12-24');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2027-06-07', -1, EW)).toThrow(RangeError);
    expect(() => addWorkingDays('2027-06-07', 1.5, EW)).toThrow(RangeError);
    expect(() => addWorkingDays('2027-06-07', Number.NaN, EW)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts after the start up to and including the end', () => {
    expect(workingDaysBetween('2027-06-07', '2027-06-07', EW)).toBe(0);
    expect(workingDaysBetween('2027-06-07', '2027-06-08', EW)).toBe(1);
    expect(workingDaysBetween('2027-06-07', '2027-06-14', EW)).toBe(5);
    expect(workingDaysBetween('2027-06-04', '2027-06-06', EW)).toBe(0); // Fri → Sun
    expect(workingDaysBetween('2027-06-05', '2027-06-07', EW)).toBe(1); // Sat → Mon
  });

  it('is negative when the end is before the start', () => {
    expect(workingDaysBetween('2027-06-14', '2027-06-07', EW)).toBe(-5);
    expect(workingDaysBetween('2027-12-29', '2027-12-24', EW)).toBe(-1);
  });

  it('skips each nation’s holidays, across years', () => {
    expect(workingDaysBetween('2027-12-24', '2027-12-29', EW)).toBe(1);
    expect(workingDaysBetween('2027-12-23', '2028-01-05', EW)).toBe(6);
    expect(workingDaysBetween('2027-12-23', '2028-01-05', SCO)).toBe(5);
    expect(workingDaysBetween('2027-01-01', '2027-12-31', EW)).toBe(253);
    expect(workingDaysBetween('2027-01-01', '2027-12-31', SCO)).toBe(252);
    expect(workingDaysBetween('2027-01-01', '2027-12-31', NI)).toBe(251);
    expect(workingDaysBetween('2020-01-01', '2030-01-01', EW)).toBe(
      countSlowly('2020-01-01', '2030-01-01', EW),
    );
  });

  it('agrees with counting day by day', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 800 }), nations, (from, span, nation) => {
        const to = addCalendarDays(from, span);
        return workingDaysBetween(from, to, nation) === countSlowly(from, to, nation);
      }),
      { numRuns: 300 },
    );
  });

  it('is antisymmetric and adds up over consecutive spans', () => {
    fc.assert(
      fc.property(dates, dates, dates, nations, (a, b, c, nation) => {
        const ab = workingDaysBetween(a, b, nation);
        return (
          ab === -workingDaysBetween(b, a, nation) &&
          ab + workingDaysBetween(b, c, nation) === workingDaysBetween(a, c, nation)
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('working-day properties', () => {
  const counts = fc.integer({ min: 0, max: 400 });

  it('addWorkingDays always lands on a working day', () => {
    fc.assert(
      fc.property(dates, counts, nations, (d, n, nation) =>
        isWorkingDay(addWorkingDays(d, n, nation), nation),
      ),
      { numRuns: 300 },
    );
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n for a working day d', () => {
    fc.assert(
      fc.property(workingDates, counts, ({ d, nation }, n) => {
        return workingDaysBetween(d, addWorkingDays(d, n, nation), nation) === n;
      }),
      { numRuns: 300 },
    );
  });

  it('holds for any start date when n ≥ 1', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 400 }), nations, (d, n, nation) => {
        return workingDaysBetween(d, addWorkingDays(d, n, nation), nation) === n;
      }),
      { numRuns: 300 },
    );
  });

  it('addWorkingDays is monotone in n: strictly, except n = 0 and 1 from a non-working day', () => {
    fc.assert(
      fc.property(dates, counts, nations, (d, n, nation) => {
        const here = addWorkingDays(d, n, nation);
        const next = addWorkingDays(d, n + 1, nation);
        const strict = n > 0 || isWorkingDay(d, nation);
        return strict ? here < next : here === next;
      }),
      { numRuns: 300 },
    );
  });

  it('a working day is never a weekend or a bank holiday', () => {
    fc.assert(
      fc.property(dates, nations, (d, nation) => {
        return isWorkingDay(d, nation) === (!isWeekend(d) && bankHolidayName(d, nation) === undefined);
      }),
    );
  });
});

describe('addWorkingDays by arithmetic', () => {
  // The definition, day by day: the n-th working day strictly after the date.
  const stepByStep = (date: string, n: number, nation: UkNation) => {
    let d = date;
    for (let left = n; left > 0; ) {
      d = addCalendarDays(d, 1);
      if (isWorkingDay(d, nation)) left--;
    }
    return d;
  };

  it('agrees with counting day by day across weekends, holidays and years, in every nation', () => {
    let checked = 0;
    for (const nation of UK_NATIONS) {
      for (let start = toEpochDay('2025-11-20'); start < toEpochDay('2029-02-01'); start += 13) {
        const date = addCalendarDays('1970-01-01', start);
        for (const n of [1, 2, 3, 5, 9, 10, 20, 41, 120, 260]) {
          expect(addWorkingDays(date, n, nation)).toBe(stepByStep(date, n, nation));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(2_000);
  });

  it('finds the next working day after a Christmas run of holidays and a weekend', () => {
    expect(nextWorkingDay('2027-12-24', 'england-and-wales')).toBe('2027-12-29');
    expect(nextWorkingDay('2027-12-31', 'scotland')).toBe('2028-01-05');
  });
});
