/**
 * Small pieces of plain English shared by policy descriptions, assessment reasons and worklist
 * explanations, so the same thing is always said the same way.
 */

/**
 * A count with its noun, singular for ±1.
 * @example plural(1, 'day') // '1 day'
 * @example plural(3, 'working day') // '3 working days'
 */
export const plural = (count: number, noun: string): string =>
  `${count} ${noun}${Math.abs(count) === 1 ? '' : 's'}`;

/** @example workingDays(2) // '2 working days' */
export const workingDays = (count: number): string => plural(count, 'working day');

/**
 * A share as a percentage, to one decimal place at most.
 * @example percent(0.75) // '75%'
 * @example percent(1) // '100%'
 */
export const percent = (share: number): string => `${Number((share * 100).toFixed(1))}%`;

/**
 * A score or a number of points without floating-point noise.
 * @example points(0.1 + 0.2) // '0.3'
 */
export const points = (value: number): string => String(Number(value.toFixed(2)));

/**
 * A number of points, singular for 1.
 * @example pointsCount(1) // '1 point'
 * @example pointsCount(25) // '25 points'
 */
export const pointsCount = (value: number): string => `${points(value)} point${value === 1 ? '' : 's'}`;

/** @example capitalise('safeguarding concern') // 'Safeguarding concern' */
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * A key-date condition: "due within `within` working days", a missed date included.
 * @example keyDateCondition(2) // 'missed or within 2 working days'
 * @example keyDateCondition(0) // 'missed or due today'
 * @example keyDateCondition(-1) // 'missed by 1 working day or more'
 */
export function keyDateCondition(within: number): string {
  if (within < 0) return `missed by ${workingDays(-within)} or more`;
  return `missed or ${within === 0 ? 'due today' : `within ${workingDays(within)}`}`;
}
