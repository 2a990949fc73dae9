/**
 * The 26-week trends of a caseload: week by week (Monday to Sunday in the organisation's
 * calendar, oldest first, the current week last), the cases opened (intake), closed, closed with
 * a positive outcome, and the weighted load at the end of the week.
 *
 * The weighted load is an approximation: it sums the weights of the cases open at the end of the
 * week (today for the current week), but each with the weight it has today — the complexity
 * factors and case types as they are now, not as they were then — because weights are computed,
 * not stored, and the history of every input is not kept. The week's "open" cases are those
 * opened on or before its last day and not closed by then (on-hold cases count: they hold a
 * place on the caseload). A case reopened after closing counts as open from its opening.
 */

import { addCalendarDays, type CalendarDate, dayOfWeek } from '../time/calendar.ts';
import { roundWeight } from '../weighting/case-weight.ts';
import { type DatedFactor, factorIdsByPeriod } from './external-factors.ts';

export const TREND_WEEKS = 26;

export const TREND_NOTES: readonly string[] = [
  'Weeks run Monday to Sunday in the organisation’s time zone; the last week is the current one, up to today.',
  'Intake counts the cases opened in the week; closures the cases closed in it; positive outcomes the closures whose outcome counts as positive in the organisation’s list.',
  'Weighted load is the sum of the weights of the cases open at the end of each week (today for the current week), each with the weight it has today: past changes to complexity factors or case types are not reflected.',
];

/**
 * The Monday of the week of `date`.
 * @example mondayOf('2026-11-26') // '2026-11-23' (a Thursday → its Monday)
 * @example mondayOf('2026-11-29') // '2026-11-23' (a Sunday belongs to the week before)
 */
export function mondayOf(date: CalendarDate): CalendarDate {
  const back = (dayOfWeek(date) + 6) % 7; // Monday 0 … Sunday 6
  return addCalendarDays(date, -back);
}

export interface TrendPeriod {
  readonly weekStart: CalendarDate;
  readonly weekEnd: CalendarDate;
}

/**
 * The `count` weeks up to and including the week of today, oldest first.
 * @throws RangeError when count is not a whole number ≥ 1.
 */
export function trendPeriods(today: CalendarDate, count: number = TREND_WEEKS): TrendPeriod[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`weeks must be ≥ 1; got ${count}.`);
  const current = mondayOf(today);
  const out: TrendPeriod[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const weekStart = addCalendarDays(current, -7 * i);
    out.push({ weekStart, weekEnd: addCalendarDays(weekStart, 6) });
  }
  return out;
}

export interface TrendCase {
  readonly caseId: string;
  /** The day it was opened, in the organisation's calendar. */
  readonly openedOn: CalendarDate;
  /** The day it was closed; null while open or on hold. */
  readonly closedOn: CalendarDate | null;
  /** Closed with an outcome the organisation counts as positive. */
  readonly positiveOutcome: boolean;
  /** Its weight today. */
  readonly weight: number;
}

export interface TrendWeek extends TrendPeriod {
  readonly intake: number;
  readonly closures: number;
  readonly positiveOutcomes: number;
  readonly weightedLoad: number;
  readonly externalFactorIds: readonly string[];
}

export interface TrendInput {
  readonly today: CalendarDate;
  readonly cases: readonly TrendCase[];
  readonly factors?: readonly DatedFactor[];
  readonly weeks?: number;
}

/** Whether a case is open at the end of `day`. */
export const openAtEndOf = (c: TrendCase, day: CalendarDate): boolean =>
  c.openedOn <= day && (c.closedOn === null || c.closedOn > day);

/**
 * The weekly trend points, oldest first.
 * @throws RangeError when a weight is negative or not finite, or weeks is below 1.
 * @example weeklyTrends({ today: '2026-11-26', cases: [] }).length // 26
 */
export function weeklyTrends(input: TrendInput): TrendWeek[] {
  const { today, cases } = input;
  for (const c of cases) {
    if (!Number.isFinite(c.weight) || c.weight < 0) {
      throw new RangeError(`the weight of case ${c.caseId} must be 0 or more; got ${c.weight}.`);
    }
  }
  const periods = trendPeriods(today, input.weeks ?? TREND_WEEKS);
  const factorIds = factorIdsByPeriod(
    input.factors ?? [],
    periods.map((p) => ({ from: p.weekStart, to: p.weekEnd })),
  );
  return periods.map((p, i) => {
    const within = (d: CalendarDate | null) => d !== null && d >= p.weekStart && d <= p.weekEnd;
    const closed = cases.filter((c) => within(c.closedOn));
    const endOfWeek = p.weekEnd < today ? p.weekEnd : today;
    const load = cases.filter((c) => openAtEndOf(c, endOfWeek)).reduce((sum, c) => sum + c.weight, 0);
    return {
      ...p,
      intake: cases.filter((c) => within(c.openedOn)).length,
      closures: closed.length,
      positiveOutcomes: closed.filter((c) => c.positiveOutcome).length,
      weightedLoad: roundWeight(load),
      externalFactorIds: factorIds[i] ?? [],
    };
  });
}
