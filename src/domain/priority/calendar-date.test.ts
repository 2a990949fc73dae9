import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDateOf, formatCalendarDate, parseCalendarDate, weekdayOf } from './calendar-date.ts';

describe('calendar dates', () => {
  it('reads real YYYY-MM-DD dates only', () => {
    expect(parseCalendarDate('2026-12-01')).toEqual({ year: 2026, month: 12, day: 1 });
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseCalendarDate('0099-01-01')).toEqual({ year: 99, month: 1, day: 1 });
    for (const bad of [
      '2026-02-29',
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '2026-2-1',
      '1/12/2026',
      '',
      '2026-12-01T00:00',
    ]) {
      expect(() => parseCalendarDate(bad), bad).toThrow(RangeError);
    }
    expect(() => parseCalendarDate('2026-02-30')).toThrow('Not a calendar date (YYYY-MM-DD): "2026-02-30"');
  });

  it('knows the weekday from the calendar alone', () => {
    expect(weekdayOf(parseCalendarDate('2026-12-01'))).toBe(2); // Tuesday
    expect(weekdayOf(parseCalendarDate('2026-11-20'))).toBe(5); // Friday
    expect(weekdayOf(parseCalendarDate('2000-01-01'))).toBe(6); // Saturday
  });

  it('formats in short British English, with the weekday on request and the year unless current', () => {
    expect(formatCalendarDate('2026-12-01', { weekday: true, currentYear: 2026 })).toBe('Tue 1 Dec');
    expect(formatCalendarDate('2026-11-20', { currentYear: 2026 })).toBe('20 Nov');
    expect(formatCalendarDate('2025-11-20', { currentYear: 2026 })).toBe('20 Nov 2025');
    expect(formatCalendarDate('2027-01-04', { weekday: true, currentYear: 2026 })).toBe('Mon 4 Jan 2027');
    expect(formatCalendarDate('2026-09-07')).toBe('7 Sep 2026');
  });

  it('agrees with the UTC calendar for every date, whatever the machine’s time zone', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
          expect(formatCalendarDate(iso, { weekday: true, currentYear: d.getUTCFullYear() })).toBe(
            `${weekday} ${d.getUTCDate()} ${new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' }).format(d)}`,
          );
        },
      ),
    );
  });

  it('places an instant on its day in the organisation’s time zone', () => {
    expect(calendarDateOf(new Date('2026-06-20T23:30:00Z'))).toBe('2026-06-21'); // BST
    expect(calendarDateOf(new Date('2026-06-20T23:30:00Z'), 'UTC')).toBe('2026-06-20');
    expect(calendarDateOf(new Date('2026-11-20T23:30:00Z'), 'Europe/London')).toBe('2026-11-20'); // GMT
    expect(calendarDateOf(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29');
    expect(calendarDateOf(new Date('2025-12-31T23:59:59Z'), 'Asia/Tokyo')).toBe('2026-01-01');
  });

  it('refuses an invalid instant or time zone', () => {
    expect(() => calendarDateOf(new Date('nonsense'))).toThrow(RangeError);
    expect(() => calendarDateOf(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});
