/**
 * Calendar dates ('YYYY-MM-DD') in short British English ('Tue 1 Dec', '20 Nov 2025') without time
 * zone surprises: a calendar date is a day, not an instant, so it is never shifted by a time zone.
 * Only an instant (a `Date`) needs a time zone to know which day it falls on.
 *
 * Our own names, not `Intl`'s: ICU's en-GB month names change between versions (September is
 * 'Sept' in recent ones), and reasons are stored with assessments, so their words must not drift.
 */

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** The organisation's time zone unless it says otherwise (DESIGN.md "Time"). */
export const DEFAULT_TIME_ZONE = 'Europe/London';

export interface CalendarDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

/**
 * Reads a 'YYYY-MM-DD' calendar date.
 * @example parseCalendarDate('2026-12-01') // { year: 2026, month: 12, day: 1 }
 * @throws RangeError when the text is not a real calendar date ('2026-02-30', '1/12/2026').
 */
export function parseCalendarDate(iso: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const probe = utcMidnight({ year, month, day });
    if (probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day) {
      return { year, month, day };
    }
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${iso}"`);
}

/** Day of the week, 0 = Sunday, computed on the calendar (no time zone involved). */
export const weekdayOf = (date: CalendarDate): number => utcMidnight(date).getUTCDay();

export interface FormatOptions {
  /** Prefix the short weekday name ('Tue 1 Dec'). */
  readonly weekday?: boolean;
  /** The year is left out when the date falls in this year; shown otherwise ('20 Nov 2025'). */
  readonly currentYear?: number;
}

/**
 * A calendar date in short British English.
 * @example formatCalendarDate('2026-12-01', { weekday: true, currentYear: 2026 }) // 'Tue 1 Dec'
 * @example formatCalendarDate('2025-11-20', { currentYear: 2026 }) // '20 Nov 2025'
 * @example formatCalendarDate('2025-11-20') // '20 Nov 2025'
 * @throws RangeError when `iso` is not a real 'YYYY-MM-DD' date.
 */
export function formatCalendarDate(iso: string, options: FormatOptions = {}): string {
  const date = parseCalendarDate(iso);
  const parts: string[] = [];
  if (options.weekday) parts.push(WEEKDAYS[weekdayOf(date)] ?? '');
  parts.push(String(date.day), MONTHS[date.month - 1] ?? '');
  if (date.year !== options.currentYear) parts.push(String(date.year));
  return parts.join(' ');
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date ('YYYY-MM-DD') on which an instant falls in a time zone: 23:30 UTC on 20 June
 * is already 21 June in London (BST).
 * @example calendarDateOf(new Date('2026-06-20T23:30:00Z'), 'Europe/London') // '2026-06-21'
 * @throws RangeError for an invalid `Date` or an unknown time zone.
 */
export function calendarDateOf(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

function utcMidnight({ year, month, day }: CalendarDate): Date {
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  return date;
}
