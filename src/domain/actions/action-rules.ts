/**
 * Rules of actions (agreed next steps): when one is overdue, and which can still change.
 * "Today" is the calendar date in the organisation's time zone, not the server's.
 */

import { calendarDateIn } from '../time/calendar.ts';

/** Re-exported: "today" in a time zone comes from the one calendar module. */
export { calendarDateIn };

export type ActionStatus = 'open' | 'done' | 'cancelled';
export type ActionOwnerKind = 'practitioner' | 'client' | 'third_party';

/**
 * Whether an action is overdue: still open, and its due date is before today in the organisation's
 * time zone. Due today is not overdue; an action without a due date never is.
 * Dates are 'YYYY-MM-DD' strings, which compare correctly as text.
 */
export function isActionOverdue(
  action: { readonly status: ActionStatus; readonly dueDate: string | null },
  now: Date,
  timeZone: string,
): boolean {
  if (action.status !== 'open' || action.dueDate === null) return false;
  return action.dueDate < calendarDateIn(now, timeZone);
}

/** Only an open action can be edited, completed or cancelled; done and cancelled ones are history. */
export const canChangeAction = (status: ActionStatus): boolean => status === 'open';
