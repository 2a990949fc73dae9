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

/** The calendar date ('YYYY-MM-DD') of an instant in an IANA time zone (e.g. Europe/London). */
export function calendarDateIn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
