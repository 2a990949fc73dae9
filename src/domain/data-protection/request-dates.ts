/**
 * Time limits of data-protection requests (subject access, rectification), by the ICO's rule:
 * the limit runs from the day the request is received to the corresponding calendar date of the
 * next month; when that month has no corresponding date (31 January → February) it is the last
 * day of that month; when the date falls on a weekend or a bank holiday the organisation has until
 * the next working day. An extension adds up to two further months, counted the same way from
 * the day of receipt. Pure.
 */
import { addCalendarMonths, type CalendarDate, calendarDaysBetween, formatDate } from '../time/calendar.ts';
import { isWorkingDay, nextWorkingDay, type UkNation } from '../time/working-days.ts';

/** The most months a response may take in all (one, plus an extension of up to two). */
export const MAX_RESPONSE_MONTHS = 3;

/**
 * The date a response is due `months` calendar months after receipt (1 without an extension).
 * @throws RangeError for a malformed date, an unknown nation, or months outside 1–3
 * @example requestDueOn('2027-01-31', 1, 'england-and-wales') // '2027-03-01' (28 Feb 2027 is a Sunday)
 * @example requestDueOn('2028-01-31', 1, 'england-and-wales') // '2028-02-29' (leap year, a Tuesday)
 * @example requestDueOn('2026-11-24', 1, 'england-and-wales') // '2026-12-24'
 */
export function requestDueOn(receivedOn: CalendarDate, months: number, nation: UkNation): CalendarDate {
  if (!Number.isInteger(months) || months < 1 || months > MAX_RESPONSE_MONTHS) {
    throw new RangeError(`months must be 1, 2 or 3: ${months}`);
  }
  const corresponding = addCalendarMonths(receivedOn, months);
  return isWorkingDay(corresponding, nation) ? corresponding : nextWorkingDay(corresponding, nation);
}

export type DueState = 'closed' | 'due' | 'due-today' | 'overdue';

export interface DueInWords {
  readonly state: DueState;
  /** "Due in 5 days (Thu 24 Dec 2026)", "Due today", "Overdue by 3 days (due 1 Mar 2027)", "Closed". */
  readonly words: string;
  /** Days until due (negative: overdue); null when closed. */
  readonly daysLeft: number | null;
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/**
 * How a request stands against its due date, in words a person reads at a glance.
 * @example dueInWords({ dueOn: '2027-03-01', closed: false, today: '2027-03-04' }).words // 'Overdue by 3 days (due 1 Mar 2027)'
 */
export function dueInWords(input: {
  readonly dueOn: CalendarDate;
  readonly closed: boolean;
  readonly today: CalendarDate;
}): DueInWords {
  if (input.closed) return { state: 'closed', words: 'Closed', daysLeft: null };
  const left = calendarDaysBetween(input.today, input.dueOn);
  if (left === 0) return { state: 'due-today', words: `Due today (${formatDate(input.dueOn)})`, daysLeft: 0 };
  if (left > 0)
    return { state: 'due', words: `Due in ${days(left)} (${formatDate(input.dueOn)})`, daysLeft: left };
  return {
    state: 'overdue',
    words: `Overdue by ${days(-left)} (due ${formatDate(input.dueOn)})`,
    daysLeft: left,
  };
}
