/**
 * The state of a consent record on a calendar day (dates are 'YYYY-MM-DD' strings, which compare
 * in date order). The expiry date is the last day the consent covers.
 *
 * - withdrawn: withdrawn on or before the day (a withdrawal outranks an expiry);
 * - expired: the day is after the expiry date;
 * - active: otherwise.
 */
export type ConsentState = 'active' | 'expired' | 'withdrawn';

export interface ConsentDates {
  readonly givenAt: string;
  readonly expiresAt: string | null;
  readonly withdrawnAt: string | null;
}

export function consentState(c: ConsentDates, today: string): ConsentState {
  if (c.withdrawnAt !== null && c.withdrawnAt <= today) return 'withdrawn';
  if (c.expiresAt !== null && c.expiresAt < today) return 'expired';
  return 'active';
}

/**
 * Why a withdrawal on `withdrawnAt` cannot be recorded, or undefined when it can: it must not be
 * already withdrawn, precede the consent, or lie in the future.
 */
export function withdrawalRefusal(
  c: ConsentDates,
  withdrawnAt: string,
  today: string,
): 'already-withdrawn' | 'before-given' | 'in-future' | undefined {
  if (c.withdrawnAt !== null) return 'already-withdrawn';
  if (withdrawnAt < c.givenAt) return 'before-given';
  if (withdrawnAt > today) return 'in-future';
  return undefined;
}

/** Re-exported: "today" in a time zone comes from the one calendar module. */
export { calendarDateIn } from '../time/calendar.ts';
