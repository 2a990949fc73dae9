/**
 * Calendar dates as the app stores them: 'YYYY-MM-DD' strings with no time and no zone. Instants
 * (a `Date`) become calendar dates only through a time zone — the organisation's, by default
 * Europe/London — so "today" is the organisation's today, not the server's.
 *
 * Arithmetic works on whole days counted from 1970-01-01 (UTC midnight), which has no daylight
 * saving, so adding days never drifts across the BST/GMT change.
 */
import { TZDate } from '@date-fns/tz';

/** A calendar date, 'YYYY-MM-DD' (e.g. '2026-12-01'). Such strings compare correctly as text. */
export type CalendarDate = string;

/** The time zone used when an organisation has not chosen one. */
export const DEFAULT_TIME_ZONE = 'Europe/London';

/** 0 = Sunday … 6 = Saturday, as `Date.prototype.getUTCDay`. */
export type DayOfWeek = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const MS_PER_DAY = 86_400_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
// Fixed English abbreviations rather than Intl: ICU's en-GB data changes between versions
// ('Sep' became 'Sept'), and reasons shown to users and tests must not change with Node.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** The parts of a calendar date; `month` is 1–12. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Whether `value` is a real calendar date in 'YYYY-MM-DD' form (so '2027-02-29' is not). */
export function isCalendarDate(value: string): boolean {
  return partsOf(value) !== null;
}

/** '0'…'9' as a digit, or -1. */
const digitAt = (text: string, i: number): number => {
  const code = text.charCodeAt(i) - 48;
  return code >= 0 && code <= 9 ? code : -1;
};

/**
 * The parts of a 'YYYY-MM-DD' text that names a real date, or null. Read digit by digit: every
 * date computation starts here, thousands of times per worklist, so no regular expression and no
 * allocation but the result.
 */
function partsOf(value: string): DateParts | null {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  const y0 = digitAt(value, 0);
  const y1 = digitAt(value, 1);
  const y2 = digitAt(value, 2);
  const y3 = digitAt(value, 3);
  const m0 = digitAt(value, 5);
  const m1 = digitAt(value, 6);
  const d0 = digitAt(value, 8);
  const d1 = digitAt(value, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return null;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/**
 * The year, month (1–12) and day of a calendar date.
 * @throws RangeError when `date` is not a real 'YYYY-MM-DD' date
 * @example dateParts('2027-01-31') // { year: 2027, month: 1, day: 31 }
 */
export function dateParts(date: CalendarDate): DateParts {
  const parts = partsOf(date);
  if (!parts) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return parts;
}

/**
 * The calendar date with these parts.
 * @throws RangeError when the parts do not name a real date in years 0001–9999
 * @example fromParts(2027, 2, 28) // '2027-02-28'
 */
export function fromParts(year: number, month: number, day: number): CalendarDate {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`year out of range: ${year}`);
  const date = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  if (!Number.isInteger(month) || !Number.isInteger(day) || !isCalendarDate(date)) {
    throw new RangeError(`not a calendar date: ${year}-${month}-${day}`);
  }
  return date;
}

/** Days in a month (1–12) of a year, leap years included. @example daysInMonth(2028, 2) // 29 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whole days since 1970-01-01 (negative before). The basis of all date arithmetic here. */
export function toEpochDay(date: CalendarDate): number {
  const { year, month, day } = dateParts(date);
  return daysFromCivil(year, month, day);
}

/** The calendar date `epochDay` days after 1970-01-01. Inverse of {@link toEpochDay}. */
export function fromEpochDay(epochDay: number): CalendarDate {
  if (!Number.isInteger(epochDay) || epochDay < FIRST_EPOCH_DAY || epochDay > LAST_EPOCH_DAY) {
    throw new RangeError(`day out of range: ${epochDay}`);
  }
  const { year, month, day } = civilFromDays(epochDay);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

// Days from and to the proleptic Gregorian calendar by integer arithmetic, after Howard Hinnant's
// "chrono-compatible low-level date algorithms" (eras of 400 years, years starting 1 March).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilFromDays(epochDay: number): DateParts {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0001-01-01 and 9999-12-31 as epoch days: the dates this module can write. */
const FIRST_EPOCH_DAY = -719_162;
const LAST_EPOCH_DAY = 2_932_896;

/**
 * The date `days` calendar days after `date` (before it when negative).
 * @throws RangeError for a malformed date or a non-integer `days`
 * @example addCalendarDays('2026-12-31', 1) // '2027-01-01'
 */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError(`days must be a whole number: ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/**
 * Calendar days from `from` to `to`: positive when `to` is later, 0 on the same day.
 * @example calendarDaysBetween('2027-02-26', '2027-03-01') // 3
 */
export function calendarDaysBetween(from: CalendarDate, to: CalendarDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/**
 * The date `months` calendar months after `date` (before it when negative), on the corresponding
 * day of the month; when that month has no such day, its last day. This is the "corresponding
 * date" rule English courts apply to periods of months (Dodds v Walker [1981]).
 * @throws RangeError for a malformed date or a non-integer `months`
 * @example addCalendarMonths('2027-01-31', 1) // '2027-02-28'
 * @example addCalendarMonths('2028-01-31', 1) // '2028-02-29' (leap year)
 * @example addCalendarMonths('2027-03-31', -1) // '2027-02-28'
 */
export function addCalendarMonths(date: CalendarDate, months: number): CalendarDate {
  if (!Number.isInteger(months)) throw new RangeError(`months must be a whole number: ${months}`);
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return fromParts(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/**
 * -1, 0 or 1 as `a` is before, the same as, or after `b` (usable with `Array.prototype.sort`).
 * @throws RangeError for a malformed date
 * @example ['2027-01-02', '2026-12-31'].sort(compareDates) // ['2026-12-31', '2027-01-02']
 */
export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  dateParts(a);
  dateParts(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The day of the week, 0 = Sunday … 6 = Saturday.
 * @example dayOfWeek('2026-12-01') // 2 (Tuesday)
 */
export function dayOfWeek(date: CalendarDate): DayOfWeek {
  return (((toEpochDay(date) % 7) + 7 + 4) % 7) as DayOfWeek; // 1970-01-01 was a Thursday
}

/** Whether the date is a Saturday or Sunday. */
export function isWeekend(date: CalendarDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

/**
 * Short weekday, day and month, British style.
 * @example formatDayMonth('2026-12-01') // 'Tue 1 Dec'
 */
export function formatDayMonth(date: CalendarDate): string {
  const { month, day } = dateParts(date);
  return `${WEEKDAYS[dayOfWeek(date)]} ${day} ${MONTHS[month - 1]}`;
}

/**
 * Day, short month and year, British style.
 * @example formatDate('2027-01-31') // '31 Jan 2027'
 */
export function formatDate(date: CalendarDate): string {
  const { year, month, day } = dateParts(date);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

export interface ShortDateOptions {
  /** Prefix the short weekday name ('Tue 1 Dec'). */
  readonly weekday?: boolean;
  /** The year is left out when the date falls in this year; shown otherwise ('20 Nov 2025'). */
  readonly currentYear?: number;
}

/**
 * Day and short month, British style, with the weekday on request and the year unless it is
 * `currentYear`. Priority reasons are stored with these words, so they must not change.
 * @throws RangeError when `date` is not a real 'YYYY-MM-DD' date
 * @example formatShortDate('2026-12-01', { weekday: true, currentYear: 2026 }) // 'Tue 1 Dec'
 * @example formatShortDate('2025-11-20', { currentYear: 2026 }) // '20 Nov 2025'
 * @example formatShortDate('2025-11-20') // '20 Nov 2025'
 */
export function formatShortDate(date: CalendarDate, options: ShortDateOptions = {}): string {
  const { year, month, day } = dateParts(date);
  const parts: string[] = [];
  if (options.weekday) parts.push(WEEKDAYS[dayOfWeek(date)]);
  parts.push(String(day), MONTHS[month - 1] ?? '');
  if (year !== options.currentYear) parts.push(String(year));
  return parts.join(' ');
}

/** The full English name of a month (1–12). @example monthName(2) // 'February' */
export function monthName(month: number): string {
  const name = MONTH_NAMES[month - 1];
  if (name === undefined) throw new RangeError(`month must be 1–12: ${month}`);
  return name;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The calendar date of the instant `instant` in `timeZone` (an IANA name).
 * @throws RangeError for an unknown time zone or an invalid Date
 * @example calendarDateIn(new Date('2026-06-14T23:30:00Z')) // '2026-06-15' (BST, UTC+1)
 * @example calendarDateIn(new Date('2026-12-14T23:30:00Z')) // '2026-12-14' (GMT)
 */
export function calendarDateIn(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): CalendarDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  // The zone's offset is looked up once per UTC day (Intl is slow, and lists convert thousands of
  // instants); on the rare day the offset changes, each instant is converted exactly.
  const utcDay = Math.floor(ms / MS_PER_DAY);
  const key = `${timeZone}|${utcDay}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const atStart = offsetMs(utcDay * MS_PER_DAY, timeZone);
    offset = atStart === offsetMs((utcDay + 1) * MS_PER_DAY - 60_000, timeZone) ? atStart : null;
    if (dayOffsets.size >= 20_000) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  if (offset === null) return localDateOf(instant, timeZone);
  return fromEpochDay(Math.floor((ms + offset) / MS_PER_DAY));
}

/** Time zone + UTC day → the zone's offset (ms) all that day, or null when it changes that day. */
const dayOffsets = new Map<string, number | null>();

function localDateOf(instant: Date, timeZone: string): CalendarDate {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return fromParts(part('year'), part('month'), part('day'));
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at the instant, in ms (local wall time minus UTC). */
function offsetMs(ms: number, timeZone: string): number {
  let f = offsetFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = new Date(0);
  wall.setUTCFullYear(part('year'), part('month') - 1, part('day'));
  wall.setUTCHours(part('hour'), part('minute'), part('second'), 0);
  return wall.getTime() - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * Today's date in `timeZone` at the instant `now` (pass the service clock's now; the domain never
 * reads the system clock).
 * @throws RangeError for an unknown time zone
 * @example todayIn('Europe/London', new Date('2027-03-28T00:30:00Z')) // '2027-03-28'
 */
export function todayIn(timeZone: string, now: Date): CalendarDate {
  return calendarDateIn(now, timeZone);
}

/**
 * The instant the calendar date begins (local midnight) in `timeZone`, e.g. to store a date as a
 * UTC instant or to ask whether an instant falls on or after it.
 * @throws RangeError for a malformed date or an unknown time zone
 * @example startOfDayIn('2026-07-01') // 2026-06-30T23:00:00.000Z (BST)
 * @example startOfDayIn('2026-12-01') // 2026-12-01T00:00:00.000Z (GMT)
 */
export function startOfDayIn(date: CalendarDate, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const { year, month, day } = dateParts(date);
  formatterFor(timeZone); // throws RangeError for an unknown zone, which TZDate would ignore
  return new Date(new TZDate(year, month - 1, day, timeZone).getTime());
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
