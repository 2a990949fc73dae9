/**
 * UK working days: Monday to Friday, except the public and bank holidays of the organisation's
 * nation, substitute days included (e.g. Mon 27 and Tue 28 Dec 2027 for Christmas and Boxing Day
 * on a weekend). The holidays come from the maintained `date-holidays` library (GB regions ENG,
 * SCT, NIR), so one-off days such as a coronation arrive with a library update, not a code change.
 *
 * Counting convention, used by every function here: a span of working days from a date counts the
 * working days strictly after it, up to and including the end. "5 working days from Monday 1st"
 * is Monday 8th, and the start day itself is never counted, whether or not it is a working day.
 */
import Holidays from 'date-holidays';
import { type CalendarDate, dateParts, fromEpochDay, isWeekend, toEpochDay } from './calendar.ts';

/** The UK nations with their own bank holidays (Wales shares England's). */
export type UkNation = 'england-and-wales' | 'scotland' | 'northern-ireland';

export const UK_NATIONS: readonly UkNation[] = ['england-and-wales', 'scotland', 'northern-ireland'];

/** Plain-words name of a nation, e.g. for reasons and explanations. */
export const NATION_NAMES: Readonly<Record<UkNation, string>> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

const REGIONS: Readonly<Record<UkNation, string>> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
};

/** A bank or public holiday. */
export interface BankHoliday {
  readonly date: CalendarDate;
  /** As the library names it, e.g. 'Boxing Day (substitute day)'. */
  readonly name: string;
}

// Memoised per nation and year: the library's rule engine is slow, the answer never changes.
const libraries = new Map<UkNation, Holidays>();
const holidaysByYear = new Map<string, ReadonlyMap<CalendarDate, string>>();

function library(nation: UkNation): Holidays {
  let hd = libraries.get(nation);
  if (!hd) {
    const region = REGIONS[nation];
    if (region === undefined) throw new RangeError(`unknown UK nation: ${JSON.stringify(nation)}`);
    hd = new Holidays('GB', region, { types: ['public', 'bank'] });
    libraries.set(nation, hd);
  }
  return hd;
}

// The same holidays as epoch days (weekdays only: a holiday on a weekend changes no count).
const weekdayHolidaysByNation = new Map<UkNation, Map<number, readonly number[]>>();

function weekdayHolidays(year: number, nation: UkNation): readonly number[] {
  let byYear = weekdayHolidaysByNation.get(nation);
  if (!byYear) {
    byYear = new Map();
    weekdayHolidaysByNation.set(nation, byYear);
  }
  let days = byYear.get(year);
  if (!days) {
    days = [...holidayMap(year, nation).keys()]
      .map(toEpochDay)
      .filter((e) => {
        const dow = (((e + 4) % 7) + 7) % 7; // 0 = Sunday; 1970-01-01 was a Thursday
        return dow !== 0 && dow !== 6;
      })
      .sort((a, b) => a - b);
    byYear.set(year, days);
  }
  return days;
}

const yearOfEpochDay = (e: number) => new Date(e * 86_400_000).getUTCFullYear();

/** Weekday holidays in the days after `after` up to and including `upTo`. */
function weekdayHolidaysIn(after: number, upTo: number, nation: UkNation): number {
  let count = 0;
  for (let year = yearOfEpochDay(after + 1); year <= yearOfEpochDay(upTo); year++) {
    for (const h of weekdayHolidays(year, nation)) if (h > after && h <= upTo) count++;
  }
  return count;
}

/** The first epoch day d with weekdaysUpTo(d) === total: the inverse of weekdaysUpTo (a weekday). */
function weekdayNumbered(total: number): number {
  const weeks = Math.floor((total - 1) / 5);
  return weeks * 7 + (total - weeks * 5 - 1) + 4;
}

/**
 * The n-th working day strictly after the epoch day (n ≥ 1), by arithmetic: jump n weekdays, then as
 * many more as the weekday holidays jumped over, until a jump passes none — a few steps at most.
 */
function addWorkingEpochDays(start: number, n: number, nation: UkNation): number {
  let day = start;
  let left = n;
  while (left > 0) {
    const next = weekdayNumbered(weekdaysUpTo(day) + left);
    left = weekdayHolidaysIn(day, next, nation);
    day = next;
  }
  return day;
}

function holidayMap(year: number, nation: UkNation): ReadonlyMap<CalendarDate, string> {
  const cacheKey = `${nation}:${year}`;
  let map = holidaysByYear.get(cacheKey);
  if (!map) {
    const entries = new Map<CalendarDate, string>();
    for (const h of library(nation).getHolidays(year)) {
      // Only days off for everyone; the library's `date` is local ('2027-12-28 00:00:00').
      if (h.type === 'public' || h.type === 'bank') entries.set(h.date.slice(0, 10), h.name);
    }
    map = entries;
    holidaysByYear.set(cacheKey, map);
  }
  return map;
}

/**
 * The public and bank holidays of a nation in a year, in date order.
 * @throws RangeError for an unknown nation
 * @example bankHolidays(2027, 'scotland')[1] // { date: '2027-01-02', name: 'January 2nd' }
 */
export function bankHolidays(year: number, nation: UkNation): readonly BankHoliday[] {
  return [...holidayMap(year, nation)]
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * The name of the bank holiday on `date` in `nation`, or undefined when it is not one.
 * @example bankHolidayName('2027-12-28', 'england-and-wales') // 'Boxing Day (substitute day)'
 */
export function bankHolidayName(date: CalendarDate, nation: UkNation): string | undefined {
  return holidayMap(dateParts(date).year, nation).get(date);
}

/**
 * Whether `date` is a working day in `nation`: a weekday that is not a bank holiday there.
 * @throws RangeError for a malformed date or an unknown nation
 * @example isWorkingDay('2027-03-17', 'northern-ireland') // false (St Patrick's Day)
 * @example isWorkingDay('2027-03-29', 'scotland') // true (Easter Monday is not a holiday there)
 */
export function isWorkingDay(date: CalendarDate, nation: UkNation): boolean {
  return !isWeekend(date) && bankHolidayName(date, nation) === undefined;
}

/**
 * The first working day strictly after `date`.
 * @example nextWorkingDay('2027-12-24', 'england-and-wales') // '2027-12-29'
 */
export function nextWorkingDay(date: CalendarDate, nation: UkNation): CalendarDate {
  library(nation); // an unknown nation is refused before any counting
  return fromEpochDay(addWorkingEpochDays(toEpochDay(date), 1, nation));
}

/**
 * The date `n` working days after `date`: the n-th working day strictly after it, whether or not
 * `date` is itself a working day. For n = 0 the convention is "the same day if it is a working day,
 * otherwise the next working day" — the first day on which something can be done.
 * @throws RangeError when `n` is not a whole number ≥ 0, for a malformed date or an unknown nation
 * @example addWorkingDays('2027-12-23', 1, 'england-and-wales') // '2027-12-24' (Fri)
 * @example addWorkingDays('2027-12-24', 1, 'england-and-wales') // '2027-12-29' (skips the weekend and two substitute days)
 * @example addWorkingDays('2027-12-25', 0, 'england-and-wales') // '2027-12-29'
 */
export function addWorkingDays(date: CalendarDate, n: number, nation: UkNation): CalendarDate {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0: ${n}`);
  if (n === 0) return isWorkingDay(date, nation) ? date : nextWorkingDay(date, nation);
  library(nation);
  // By arithmetic on whole days, not day by day: this is the hot path of every timescale clock.
  return fromEpochDay(addWorkingEpochDays(toEpochDay(date), n, nation));
}

/**
 * Signed count of working days from `from` to `to`: the working days after `from` up to and
 * including `to` (the start is not counted, the end is). When `to` is before `from` the answer is
 * the negative of the count back, so `workingDaysBetween(a, b) === -workingDaysBetween(b, a)` and
 * counts over consecutive spans add up. For a working day d,
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
 * @throws RangeError for a malformed date or an unknown nation
 * @example workingDaysBetween('2027-12-24', '2027-12-29', 'england-and-wales') // 1
 * @example workingDaysBetween('2027-12-29', '2027-12-24', 'england-and-wales') // -1
 * @example workingDaysBetween('2027-12-20', '2027-12-20', 'england-and-wales') // 0
 */
export function workingDaysBetween(from: CalendarDate, to: CalendarDate, nation: UkNation): number {
  const fromDay = toEpochDay(from);
  const toDay = toEpochDay(to);
  if (toDay < fromDay) return 0 - workingDaysBetween(to, from, nation); // 0 - x, not -x: never -0
  // Weekdays in (from, to] by arithmetic, then subtract the weekday holidays in that range.
  let count = weekdaysUpTo(toDay) - weekdaysUpTo(fromDay);
  const lastYear = Number(to.slice(0, 4));
  for (let year = Number(from.slice(0, 4)); year <= lastYear; year++) {
    for (const holiday of weekdayHolidays(year, nation)) {
      if (holiday > fromDay && holiday <= toDay) count--;
    }
  }
  return count;
}

/** Weekdays (Mon–Fri) in the days 1970-01-05 (a Monday) … epochDay, as a running total. */
function weekdaysUpTo(epochDay: number): number {
  const sinceMonday = epochDay - 4; // epoch day 4 is Mon 1970-01-05
  const weeks = Math.floor(sinceMonday / 7);
  const rest = sinceMonday - weeks * 7; // 0 = Monday … 6 = Sunday
  return weeks * 5 + Math.min(rest + 1, 5);
}
