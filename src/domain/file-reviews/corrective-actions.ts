/**
 * Corrective actions raised by a file review: due 28 calendar days after the day they are raised
 * (in the organisation's calendar), done by the person they are assigned to, then verified by a
 * supervisor of the team — never by the assignee.
 *
 * States: `open` (not done, today on or before the due date — so on the due day itself it is still
 * open, "due today"), `overdue` (not done, today after the due date), `awaiting-verification`
 * (done, not yet verified — whether done on time or late) and `verified`.
 */
import { addCalendarDays, type CalendarDate, calendarDaysBetween, formatDate } from '../time/calendar.ts';

export const CORRECTIVE_ACTION_DAYS = 28;

export const CORRECTIVE_ACTION_STATES = ['open', 'overdue', 'awaiting-verification', 'verified'] as const;
export type CorrectiveActionState = (typeof CORRECTIVE_ACTION_STATES)[number];

export const CORRECTIVE_ACTION_STATE_LABELS: Readonly<Record<CorrectiveActionState, string>> = {
  open: 'Open',
  overdue: 'Overdue',
  'awaiting-verification': 'Done, awaiting verification',
  verified: 'Verified',
};

/**
 * The due date of an action raised on `raisedOn`.
 * @example correctiveActionDueOn('2026-11-10') // '2026-12-08'
 */
export const correctiveActionDueOn = (raisedOn: CalendarDate): CalendarDate =>
  addCalendarDays(raisedOn, CORRECTIVE_ACTION_DAYS);

export interface CorrectiveActionDates {
  readonly dueOn: CalendarDate;
  /** The calendar day it was marked done (organisation's time zone), or null. */
  readonly doneOn: CalendarDate | null;
  readonly verifiedOn: CalendarDate | null;
}

export interface CorrectiveActionStatus {
  readonly state: CorrectiveActionState;
  /** Days past the due date while not done (0 otherwise). */
  readonly daysOverdue: number;
  /** Days until the due date while open (0 on the due day; 0 otherwise). */
  readonly daysLeft: number;
  /** Days after the due date it was done (0 when on time or not done). */
  readonly daysLate: number;
  /** The state in words, e.g. "Overdue by 3 days: it was due on 8 Dec 2026". */
  readonly words: string;
}

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/**
 * The state of a corrective action on `today`, with its words.
 * @example correctiveActionStatus({ dueOn: '2026-12-08', doneOn: null, verifiedOn: null }, '2026-12-09')
 *   // { state: 'overdue', daysOverdue: 1, words: 'Overdue by 1 day: it was due on 8 Dec 2026', … }
 */
export function correctiveActionStatus(
  a: CorrectiveActionDates,
  today: CalendarDate,
): CorrectiveActionStatus {
  const due = formatDate(a.dueOn);
  if (a.doneOn !== null) {
    const daysLate = Math.max(0, calendarDaysBetween(a.dueOn, a.doneOn));
    const late = daysLate > 0 ? ` (${days(daysLate)} after it was due)` : '';
    if (a.verifiedOn !== null) {
      return {
        state: 'verified',
        daysOverdue: 0,
        daysLeft: 0,
        daysLate,
        words: `Verified on ${formatDate(a.verifiedOn)}; done on ${formatDate(a.doneOn)}${late}`,
      };
    }
    return {
      state: 'awaiting-verification',
      daysOverdue: 0,
      daysLeft: 0,
      daysLate,
      words: `Done on ${formatDate(a.doneOn)}${late}; awaiting verification by a supervisor`,
    };
  }
  const left = calendarDaysBetween(today, a.dueOn);
  if (left < 0) {
    return {
      state: 'overdue',
      daysOverdue: -left,
      daysLeft: 0,
      daysLate: 0,
      words: `Overdue by ${days(-left)}: it was due on ${due}`,
    };
  }
  const when = left === 0 ? 'due today' : left === 1 ? 'due tomorrow' : `due in ${days(left)}`;
  return {
    state: 'open',
    daysOverdue: 0,
    daysLeft: left,
    daysLate: 0,
    words: `Open: ${when} (${due})`,
  };
}
