/**
 * Dates in an anonymised export. Our decision (see scratch/readme-anonymise.md):
 * - a date of birth becomes an age band ("60–69") — the age on the reference date;
 * - every other full date (day, month and year) becomes a day number relative to the case's
 *   start ("day 0" = the date the case was opened), so intervals — timescales, how long an appeal
 *   took — survive for audits and training, but the real calendar dates do not;
 * - a month or a year on its own ("in May", "since 2019") is kept: it identifies no one by itself.
 */
import {
  type CalendarDate,
  calendarDaysBetween,
  dateParts,
  fromParts,
  isCalendarDate,
} from '../time/calendar.ts';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

/** English month names and their usual abbreviations ("Sept" too). */
export const MONTH_PATTERN =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

/** The month number (1–12) of an English month name or abbreviation, or undefined. */
export function monthNumber(name: string): number | undefined {
  return MONTHS[name.slice(0, 3).toLowerCase()];
}

/**
 * The age band of someone born on `dateOfBirth`, on `on`: "under 18", "18–29", then ten-year bands
 * ("40–49") up to "90 or over". Bands this wide are the usual choice for published statistics about
 * small groups (ONS disclosure-control guidance groups ages rather than publishing them exactly).
 * @throws RangeError for malformed dates
 * @example ageBand('1961-02-03', '2026-11-24') // '60–69'
 */
export function ageBand(dateOfBirth: CalendarDate, on: CalendarDate): string {
  const age = ageOn(dateOfBirth, on);
  if (age < 18) return 'under 18';
  if (age < 30) return '18–29';
  if (age >= 90) return '90 or over';
  const low = Math.floor(age / 10) * 10;
  return `${low}–${low + 9}`;
}

/** Whole years from `dateOfBirth` to `on`. */
export function ageOn(dateOfBirth: CalendarDate, on: CalendarDate): number {
  const b = dateParts(dateOfBirth);
  const d = dateParts(on);
  const hadBirthday = d.month > b.month || (d.month === b.month && d.day >= b.day);
  return d.year - b.year - (hadBirthday ? 0 : 1);
}

/** The day number of `date` counted from `anchor` (the case's start, day 0); negative before it. */
export function relativeDay(date: CalendarDate, anchor: CalendarDate): number {
  return calendarDaysBetween(anchor, date);
}

/** How a relative day reads in text and in the PDF: "day 12", "day -3". */
export function formatRelativeDay(day: number): string {
  return `day ${day}`;
}

/**
 * A full date written in text, as a calendar date, or undefined when the parts name no real date.
 * Numeric dates are read day first (UK). A two-digit year is the one nearest to `reference`'s
 * century window (yy above the reference's two-digit year + 1 → the previous century). A missing
 * year is the one that puts the date nearest to `reference`.
 */
export function resolveDate(
  parts: { day: number; month: number; year?: number; twoDigitYear?: boolean },
  reference: CalendarDate,
): CalendarDate | undefined {
  const ref = dateParts(reference);
  let year = parts.year;
  if (year !== undefined && parts.twoDigitYear) {
    const refYy = ref.year % 100;
    const century = ref.year - refYy;
    year = year > refYy + 1 ? century - 100 + year : century + year;
  }
  if (year === undefined) {
    const candidates = [ref.year - 1, ref.year, ref.year + 1]
      .map((y) => safeDate(y, parts.month, parts.day))
      .filter((d): d is CalendarDate => d !== undefined);
    return candidates.sort(
      (a, b) => Math.abs(calendarDaysBetween(reference, a)) - Math.abs(calendarDaysBetween(reference, b)),
    )[0];
  }
  return safeDate(year, parts.month, parts.day);
}

function safeDate(year: number, month: number, day: number): CalendarDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1 || year > 9999) return undefined;
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(text) ? fromParts(year, month, day) : undefined;
}
