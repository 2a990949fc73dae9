/**
 * The date windows the dashboard counts in: key dates due within the next working days, and
 * results and closures of the last N days.
 */
import { addCalendarDays, type CalendarDate } from '../time/calendar.ts';
import { addWorkingDays, type UkNation } from '../time/working-days.ts';

/** Key dates due within this many working days count as "due soon". */
export const KEY_DATE_WINDOW_WORKING_DAYS = 10;

/** The periods results and closures are counted over. */
export const RECENT_PERIODS_DAYS = [30, 90] as const;

/**
 * The last day of the key-date window: `workingDays` working days after today (weekends and the
 * nation's bank holidays skipped).
 * @example keyDateWindowEnd('2026-11-26', 10, 'england-and-wales') // '2026-12-10'
 */
export function keyDateWindowEnd(today: CalendarDate, workingDays: number, nation: UkNation): CalendarDate {
  return addWorkingDays(today, workingDays, nation);
}

export type KeyDateStanding = 'missed' | 'due-soon' | 'later';

/**
 * Where a pending key date stands: `missed` once its day has passed, `due-soon` from today up to
 * the window's last day (inclusive), else `later`.
 */
export function keyDateStanding(
  dueDate: CalendarDate,
  today: CalendarDate,
  windowEnd: CalendarDate,
): KeyDateStanding {
  if (dueDate < today) return 'missed';
  return dueDate <= windowEnd ? 'due-soon' : 'later';
}

/**
 * The first day of "the last `days` days": today and the `days − 1` days before it.
 * @throws RangeError when days is not a whole number ≥ 1.
 * @example lastDaysFrom('2026-11-26', 30) // '2026-10-28'
 */
export function lastDaysFrom(today: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be ≥ 1; got ${days}.`);
  return addCalendarDays(today, -(days - 1));
}

/** Whether `day` falls within the last `days` days up to today. */
export const withinLastDays = (day: CalendarDate, today: CalendarDate, days: number): boolean =>
  day >= lastDaysFrom(today, days) && day <= today;
