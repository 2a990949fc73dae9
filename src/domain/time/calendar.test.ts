import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addCalendarMonths,
  calendarDateIn,
  calendarDaysBetween,
  compareDates,
  DEFAULT_TIME_ZONE,
  dateParts,
  dayOfWeek,
  daysInMonth,
  formatDate,
  formatDayMonth,
  formatShortDate,
  fromEpochDay,
  fromParts,
  isCalendarDate,
  isWeekend,
  monthName,
  startOfDayIn,
  todayIn,
  toEpochDay,
} from './calendar.ts';

/** Any date in 1900–2199 as an epoch day. */
const epochDays = fc.integer({ min: toEpochDay('1900-01-01'), max: toEpochDay('2199-12-31') });

describe('calendar dates', () => {
  it('recognises real YYYY-MM-DD dates only', () => {
    expect(isCalendarDate('2026-12-01')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2026-04-31')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-00-10')).toBe(false);
    expect(isCalendarDate('2026-1-1')).toBe(false);
    expect(isCalendarDate('2026-12-01T00:00:00Z')).toBe(false);
    expect(isCalendarDate('')).toBe(false);
  });

  it('splits and joins dates, refusing impossible ones', () => {
    expect(dateParts('2027-01-31')).toEqual({ year: 2027, month: 1, day: 31 });
    expect(fromParts(2027, 2, 28)).toBe('2027-02-28');
    expect(fromParts(33, 1, 5)).toBe('0033-01-05');
    expect(() => dateParts('2027-02-30')).toThrow(RangeError);
    expect(() => fromParts(2027, 2, 29)).toThrow(RangeError);
    expect(() => fromParts(2027, 1.5, 1)).toThrow(RangeError);
    expect(() => fromParts(10_000, 1, 1)).toThrow(RangeError);
  });

  it('knows month lengths, leap years included', () => {
    expect(daysInMonth(2027, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('round-trips epoch days', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('1969-12-31')).toBe(-1);
    expect(fromEpochDay(0)).toBe('1970-01-01');
    expect(toEpochDay('0033-01-05')).toBeLessThan(toEpochDay('1900-01-01'));
    fc.assert(fc.property(epochDays, (e) => toEpochDay(fromEpochDay(e)) === e));
  });

  it('counts epoch days as the JavaScript Date does, from year 1 to 9999', () => {
    // The Date object's proleptic Gregorian calendar, years below 100 included, is the reference.
    const byDate = (e: number) => {
      const d = new Date(e * 86_400_000);
      return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
    };
    const anyDay = fc.integer({ min: toEpochDay('0001-01-01'), max: toEpochDay('9999-12-31') });
    fc.assert(
      fc.property(anyDay, (e) => fromEpochDay(e) === byDate(e) && toEpochDay(byDate(e)) === e),
      { numRuns: 5_000 },
    );
    expect(toEpochDay('0001-01-01')).toBe(-719_162);
    expect(fromEpochDay(2_932_896)).toBe('9999-12-31');
    expect(fromEpochDay(toEpochDay('2000-02-29'))).toBe('2000-02-29');
    expect(fromEpochDay(toEpochDay('1900-03-01') - 1)).toBe('1900-02-28');
    expect(() => fromEpochDay(-719_163)).toThrow(RangeError);
    expect(() => fromEpochDay(2_932_897)).toThrow(RangeError);
    expect(() => fromEpochDay(1.5)).toThrow(RangeError);
  });

  it('reads only well-formed, real dates', () => {
    for (const bad of [
      '2026-1-01',
      '2026-01-1',
      '2026/01/01',
      '20260101',
      ' 2026-01-01',
      '2026-01-01 ',
      '2026-00-10',
      '2026-13-01',
      '2026-02-29',
      '2026-04-31',
      '2026-01-00',
      '２０２６-01-01',
      'abcd-ef-gh',
      '',
    ]) {
      expect(isCalendarDate(bad), bad).toBe(false);
      expect(() => toEpochDay(bad), bad).toThrow(RangeError);
    }
    for (const good of ['0001-01-01', '2028-02-29', '2000-02-29', '9999-12-31', '2026-04-30']) {
      expect(isCalendarDate(good), good).toBe(true);
    }
  });

  it('adds calendar days across month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addCalendarDays('2027-03-01', -1)).toBe('2027-02-28');
    // No drift across the clock change (BST begins 28 Mar 2027, ends 31 Oct 2027).
    expect(addCalendarDays('2027-03-27', 2)).toBe('2027-03-29');
    expect(addCalendarDays('2027-10-30', 2)).toBe('2027-11-01');
    expect(addCalendarDays('2026-12-01', 0)).toBe('2026-12-01');
    expect(() => addCalendarDays('2026-12-01', 0.5)).toThrow(RangeError);
  });

  it('counts calendar days between dates, signed', () => {
    expect(calendarDaysBetween('2027-02-26', '2027-03-01')).toBe(3);
    expect(calendarDaysBetween('2027-03-01', '2027-02-26')).toBe(-3);
    expect(calendarDaysBetween('2028-01-01', '2029-01-01')).toBe(366);
    fc.assert(
      fc.property(epochDays, fc.integer({ min: -1000, max: 1000 }), (e, n) => {
        const d = fromEpochDay(e);
        return calendarDaysBetween(d, addCalendarDays(d, n)) === n;
      }),
    );
  });

  it('adds calendar months by the corresponding date, else the last day of the month', () => {
    expect(addCalendarMonths('2027-01-15', 1)).toBe('2027-02-15');
    expect(addCalendarMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addCalendarMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addCalendarMonths('2026-08-31', 3)).toBe('2026-11-30');
    expect(addCalendarMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addCalendarMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addCalendarMonths('2026-10-31', 14)).toBe('2027-12-31');
    expect(addCalendarMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(addCalendarMonths('2027-01-10', -1)).toBe('2026-12-10');
    expect(() => addCalendarMonths('2027-01-10', 1.5)).toThrow(RangeError);
  });

  it('month arithmetic keeps the day when it can and never leaves the target month', () => {
    fc.assert(
      fc.property(epochDays, fc.integer({ min: -60, max: 60 }), (e, n) => {
        const from = dateParts(fromEpochDay(e));
        const to = dateParts(addCalendarMonths(fromEpochDay(e), n));
        const months = (to.year - from.year) * 12 + (to.month - from.month);
        return months === n && to.day === Math.min(from.day, daysInMonth(to.year, to.month));
      }),
    );
  });

  it('compares dates, and refuses malformed ones', () => {
    expect(compareDates('2026-12-31', '2027-01-01')).toBe(-1);
    expect(compareDates('2027-01-01', '2027-01-01')).toBe(0);
    expect(compareDates('2027-01-02', '2027-01-01')).toBe(1);
    expect(['2027-01-02', '2026-12-31', '2027-01-01'].sort(compareDates)).toEqual([
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(() => compareDates('2027-1-2', '2027-01-01')).toThrow(RangeError);
  });

  it('gives the day of the week, 0 = Sunday', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-31')).toBe(3);
    expect(dayOfWeek('2026-12-01')).toBe(2);
    expect(dayOfWeek('2027-12-25')).toBe(6);
    expect(dayOfWeek('2027-12-26')).toBe(0);
    expect(isWeekend('2027-12-25')).toBe(true);
    expect(isWeekend('2027-12-27')).toBe(false);
    fc.assert(
      fc.property(epochDays, (e) => dayOfWeek(fromEpochDay(e)) === new Date(e * 86_400_000).getUTCDay()),
    );
  });

  it('formats dates the British way', () => {
    expect(formatDayMonth('2026-12-01')).toBe('Tue 1 Dec');
    expect(formatDayMonth('2026-09-07')).toBe('Mon 7 Sep');
    expect(formatDate('2027-01-31')).toBe('31 Jan 2027');
    expect(monthName(2)).toBe('February');
    expect(() => monthName(13)).toThrow(RangeError);
  });

  it('formats short dates with the weekday on request and the year unless current', () => {
    expect(formatShortDate('2026-12-01', { weekday: true, currentYear: 2026 })).toBe('Tue 1 Dec');
    expect(formatShortDate('2026-11-20', { currentYear: 2026 })).toBe('20 Nov');
    expect(formatShortDate('2025-11-20', { currentYear: 2026 })).toBe('20 Nov 2025');
    expect(formatShortDate('2027-01-04', { weekday: true, currentYear: 2026 })).toBe('Mon 4 Jan 2027');
    expect(formatShortDate('2026-09-07')).toBe('7 Sep 2026');
    expect(() => formatShortDate('2026-02-30')).toThrow(RangeError);
  });

  it('formats short dates as the UTC calendar does, whatever the machine’s time zone', () => {
    const shortMonth = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' });
    fc.assert(
      fc.property(epochDays, (e) => {
        const d = new Date(e * 86_400_000);
        const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
        expect(formatShortDate(fromEpochDay(e), { weekday: true, currentYear: d.getUTCFullYear() })).toBe(
          `${weekday} ${d.getUTCDate()} ${shortMonth.format(d)}`,
        );
      }),
    );
  });
});

describe('instants and time zones', () => {
  it('defaults to Europe/London', () => {
    expect(DEFAULT_TIME_ZONE).toBe('Europe/London');
    expect(calendarDateIn(new Date('2026-06-14T23:30:00Z'))).toBe('2026-06-15');
  });

  it('gives the local date on both sides of the change to BST (29 Mar 2026, 01:00 UTC)', () => {
    expect(calendarDateIn(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28'); // 23:30 GMT
    expect(calendarDateIn(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29');
    expect(calendarDateIn(new Date('2026-03-29T22:59:59Z'))).toBe('2026-03-29'); // 23:59:59 BST
    expect(calendarDateIn(new Date('2026-03-29T23:00:00Z'))).toBe('2026-03-30'); // midnight BST
  });

  it('gives the local date on both sides of the change back to GMT (25 Oct 2026, 01:00 UTC)', () => {
    expect(calendarDateIn(new Date('2026-10-24T23:00:00Z'))).toBe('2026-10-25'); // midnight BST
    expect(calendarDateIn(new Date('2026-10-24T22:59:59Z'))).toBe('2026-10-24');
    expect(calendarDateIn(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25'); // 23:30 GMT
    expect(calendarDateIn(new Date('2026-10-26T00:00:00Z'))).toBe('2026-10-26');
  });

  it('uses other zones when asked', () => {
    const instant = new Date('2026-07-01T23:30:00Z');
    expect(calendarDateIn(instant, 'UTC')).toBe('2026-07-01');
    expect(calendarDateIn(instant, 'Europe/London')).toBe('2026-07-02');
    expect(calendarDateIn(instant, 'America/New_York')).toBe('2026-07-01');
    expect(() => calendarDateIn(instant, 'Nowhere/Atlantis')).toThrow(RangeError);
    expect(() => calendarDateIn(new Date(Number.NaN))).toThrow(RangeError);
    expect(calendarDateIn(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29');
    expect(calendarDateIn(new Date('2025-12-31T23:59:59Z'), 'Asia/Tokyo')).toBe('2026-01-01');
  });

  it("gives today's date in a zone at a given instant", () => {
    expect(todayIn('Europe/London', new Date('2027-03-28T00:30:00Z'))).toBe('2027-03-28');
    expect(todayIn('Europe/London', new Date('2027-12-31T23:59:59Z'))).toBe('2027-12-31');
    expect(todayIn('Europe/London', new Date('2027-06-30T23:00:00Z'))).toBe('2027-07-01');
    expect(todayIn('UTC', new Date('2027-06-30T23:00:00Z'))).toBe('2027-06-30');
  });

  it('finds the instant a local day begins, across the clock changes', () => {
    expect(startOfDayIn('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfDayIn('2026-03-30').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(startOfDayIn('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(startOfDayIn('2026-10-26').toISOString()).toBe('2026-10-26T00:00:00.000Z');
    expect(startOfDayIn('2026-07-01', 'UTC').toISOString()).toBe('2026-07-01T00:00:00.000Z');
    expect(() => startOfDayIn('2026-07-01', 'Nowhere/Atlantis')).toThrow(RangeError);
  });

  it('maps the start of each local day back to that day', () => {
    fc.assert(
      fc.property(fc.integer({ min: toEpochDay('2000-01-01'), max: toEpochDay('2040-12-31') }), (e) => {
        const d = fromEpochDay(e);
        const start = startOfDayIn(d);
        return (
          calendarDateIn(start) === d &&
          calendarDateIn(new Date(start.getTime() - 1)) === addCalendarDays(d, -1)
        );
      }),
    );
  });
});

describe('calendarDateIn across zones and offset changes', () => {
  const exact = (instant: Date, timeZone: string) => {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(instant);
    const part = (t: string) => parts.find((p) => p.type === t)?.value;
    return `${part('year')}-${part('month')}-${part('day')}`;
  };

  it('agrees with Intl for every 7 minutes around the 2026 and 2027 clock changes, and across zones', () => {
    const zones = [
      'Europe/London',
      'America/St_Johns',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'UTC',
    ];
    const windows = [
      '2026-03-27T00:00:00Z',
      '2026-10-23T00:00:00Z',
      '2027-03-26T00:00:00Z',
      '2027-04-02T12:00:00Z',
    ];
    let checked = 0;
    for (const zone of zones) {
      for (const start of windows) {
        for (let m = 0; m < 4 * 24 * 60; m += 7) {
          const instant = new Date(Date.parse(start) + m * 60_000);
          expect(calendarDateIn(instant, zone)).toBe(exact(instant, zone));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(19_000);
  });
});
