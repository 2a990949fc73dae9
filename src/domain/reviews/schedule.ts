/**
 * When a practitioner's next caseload review is due (LSIAG14 K9, SFJHA5 K14: how often the caseload
 * should be reviewed). A practitioner has their own cadence in weeks or follows the organisation's
 * (organisations.review_cadence_weeks, default 4). The next review is due on the date a supervisor
 * set (or the one agreed when the last review was completed); without one, the cadence after the
 * last completed review; a practitioner never reviewed is due now.
 */
import {
  addCalendarDays,
  type CalendarDate,
  calendarDaysBetween,
  formatShortDate,
} from '../time/calendar.ts';

/** The organisation's cadence when it has not set one: every 4 weeks. */
export const DEFAULT_REVIEW_CADENCE_WEEKS = 4;

/** A review due within this many calendar days counts as "due soon". */
export const DUE_SOON_DAYS = 7;

export type ReviewDueStatus = 'overdue' | 'due-today' | 'due-soon' | 'scheduled';

export interface ReviewScheduleInput {
  /** Today in the organisation's time zone. */
  readonly today: CalendarDate;
  /** The practitioner's own cadence; null follows the organisation's. */
  readonly ownCadenceWeeks: number | null;
  readonly organisationCadenceWeeks: number;
  /** The stored next due date (review_schedules.next_due_on), if any. */
  readonly scheduledOn: CalendarDate | null;
  /** The day (organisation's time zone) the last review was completed; null if none ever was. */
  readonly lastCompletedOn: CalendarDate | null;
}

export interface ReviewSchedule {
  readonly cadenceWeeks: number;
  readonly cadenceSource: 'own' | 'organisation';
  readonly nextDueOn: CalendarDate;
  /** Where the date comes from: set (by a supervisor or at the last review), the cadence, or never reviewed. */
  readonly dueSource: 'scheduled' | 'cadence' | 'never-reviewed';
  /** Calendar days from today to the due date; negative when overdue. */
  readonly daysUntilDue: number;
  readonly status: ReviewDueStatus;
  /** e.g. "Overdue by 3 days (was due Mon 23 Nov)." */
  readonly words: string;
}

/**
 * Checks a cadence: a whole number of weeks from 1 to 52.
 * @throws RangeError otherwise
 */
export function checkCadence(weeks: number, what = 'cadence'): number {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) {
    throw new RangeError(`${what} must be a whole number of weeks from 1 to 52; got ${weeks}.`);
  }
  return weeks;
}

/**
 * The date a review falls due `cadenceWeeks` after `from`.
 * @example nextDueAfter('2026-11-26', 4) // '2026-12-24'
 * @throws RangeError for a bad cadence or date
 */
export function nextDueAfter(from: CalendarDate, cadenceWeeks: number): CalendarDate {
  return addCalendarDays(from, checkCadence(cadenceWeeks) * 7);
}

const plainDays = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/**
 * A due date's status and words for today.
 * @example dueStatus('2026-11-26', '2026-11-23') // { status: 'overdue', daysUntilDue: -3, words: 'Overdue by 3 days (was due Mon 23 Nov).' }
 */
export function dueStatus(
  today: CalendarDate,
  dueOn: CalendarDate,
): Pick<ReviewSchedule, 'status' | 'daysUntilDue' | 'words'> {
  const daysUntilDue = calendarDaysBetween(today, dueOn);
  const currentYear = Number(today.slice(0, 4));
  const date = formatShortDate(dueOn, { weekday: true, currentYear });
  if (daysUntilDue < 0) {
    return {
      status: 'overdue',
      daysUntilDue,
      words: `Overdue by ${plainDays(-daysUntilDue)} (was due ${date}).`,
    };
  }
  if (daysUntilDue === 0) return { status: 'due-today', daysUntilDue, words: `Due today (${date}).` };
  if (daysUntilDue <= DUE_SOON_DAYS) {
    return { status: 'due-soon', daysUntilDue, words: `Due in ${plainDays(daysUntilDue)} (${date}).` };
  }
  return { status: 'scheduled', daysUntilDue, words: `Next review ${date}.` };
}

/**
 * A practitioner's review schedule today.
 *
 * @example
 * reviewSchedule({ today: '2026-11-26', ownCadenceWeeks: null, organisationCadenceWeeks: 4,
 *   scheduledOn: null, lastCompletedOn: '2026-10-22' });
 * // { cadenceWeeks: 4, cadenceSource: 'organisation', nextDueOn: '2026-11-19', dueSource: 'cadence',
 * //   status: 'overdue', daysUntilDue: -7, words: 'Overdue by 7 days (was due Thu 19 Nov).' }
 * @throws RangeError for a cadence outside 1–52 weeks or a malformed date
 */
export function reviewSchedule(input: ReviewScheduleInput): ReviewSchedule {
  const own = input.ownCadenceWeeks;
  const cadenceWeeks = checkCadence(own ?? input.organisationCadenceWeeks);
  const cadenceSource = own === null ? 'organisation' : 'own';
  let nextDueOn: CalendarDate;
  let dueSource: ReviewSchedule['dueSource'];
  if (input.scheduledOn !== null) {
    nextDueOn = input.scheduledOn;
    dueSource = 'scheduled';
  } else if (input.lastCompletedOn !== null) {
    nextDueOn = nextDueAfter(input.lastCompletedOn, cadenceWeeks);
    dueSource = 'cadence';
  } else {
    nextDueOn = input.today;
    dueSource = 'never-reviewed';
  }
  const due = dueStatus(input.today, nextDueOn);
  const words = dueSource === 'never-reviewed' ? 'No caseload review yet: one is due now.' : due.words;
  return { cadenceWeeks, cadenceSource, nextDueOn, dueSource, ...due, words };
}
