/**
 * Rules of actions (agreed next steps): when one is overdue, and which can still change.
 * "Today" is the calendar date in the organisation's time zone, not the server's.
 */

export type ActionStatus = 'open' | 'done' | 'cancelled';
export type ActionOwnerKind = 'practitioner' | 'client' | 'third_party';

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
 * The calendar date ('YYYY-MM-DD') of the instant `now` in `timeZone` (an IANA name such as
 * Europe/London).
 * @throws RangeError for an unknown time zone
 * @example calendarDateIn(new Date('2026-06-14T23:30:00Z'), 'Europe/London') // '2026-06-15' (BST)
 */
export function calendarDateIn(now: Date, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

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
