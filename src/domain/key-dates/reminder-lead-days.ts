/**
 * Reminder lead times: the working days before a key date at which its reminders go out, set by
 * the organisation and, for one date, by the practitioner. Kept apart from the working-day
 * arithmetic so that the contract (and so the web app) can check them without the holiday tables.
 */

/** Reminders of a key date go out this many working days before it, unless the organisation chose others. */
export const DEFAULT_REMINDER_LEAD_DAYS: readonly number[] = [10, 5, 2, 1];

/** The most lead times a date or an organisation may have, and the longest lead time in working days. */
export const MAX_REMINDER_LEAD_TIMES = 10;
export const MAX_REMINDER_LEAD_DAYS = 60;

/**
 * What is wrong with a list of reminder lead times (working days before the date), or undefined:
 * whole numbers from 1 to 60, no repeats, at most 10, and (for an organisation) at least one.
 * @example reminderLeadDaysProblem([10, 5, 5]) // 'Give each lead time once (5 is repeated).'
 */
export function reminderLeadDaysProblem(
  days: readonly number[],
  options: { readonly allowEmpty: boolean },
): string | undefined {
  if (!options.allowEmpty && days.length === 0) return 'Give at least one lead time in working days.';
  if (days.length > MAX_REMINDER_LEAD_TIMES) return `Give at most ${MAX_REMINDER_LEAD_TIMES} lead times.`;
  const bad = days.find((d) => !Number.isInteger(d) || d < 1 || d > MAX_REMINDER_LEAD_DAYS);
  if (bad !== undefined) {
    return `Each lead time must be a whole number of working days from 1 to ${MAX_REMINDER_LEAD_DAYS} (not ${bad}).`;
  }
  const repeated = days.find((d, i) => days.indexOf(d) !== i);
  if (repeated !== undefined) return `Give each lead time once (${repeated} is repeated).`;
  return undefined;
}

/** Lead times as stored and shown: longest first. @example normaliseLeadDays([1, 10, 5]) // [10, 5, 1] */
export function normaliseLeadDays(days: readonly number[]): number[] {
  return [...days].sort((a, b) => b - a);
}
