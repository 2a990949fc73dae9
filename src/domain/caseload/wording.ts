/**
 * Small helpers for the plain-words reasons of the caseload views (GOV.UK style: "80%",
 * "1 working day", "2.5 hours").
 */

/**
 * A count with its noun, singular for one.
 *
 * @example
 * plural(1, 'case'); // '1 case'
 * plural(3, 'working day'); // '3 working days'
 */
export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${Math.abs(count) === 1 ? one : many}`;

/**
 * A share (0..1, or more) as a whole percentage.
 *
 * @example
 * percent(0.756); // '76%'
 */
export const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** Hours rounded to two decimals (figures are kept in whole minutes internally). */
export const minutesToHours = (minutes: number): number => Math.round((minutes / 60) * 100) / 100;

/**
 * Whole minutes as hours in words.
 *
 * @example
 * hoursText(90); // '1.5 hours'
 * hoursText(60); // '1 hour'
 */
export const hoursText = (minutes: number): string => plural(minutesToHours(minutes), 'hour');
