/**
 * Forecast: which cases will breach their timescales in the next weeks (default 4), given the
 * practitioner's weekly capacity in hours and each case's estimated effort. A planning aid that
 * shows the effect of the priorities on the whole caseload (SFJHA5 P22, LSIAG14 criterion 13), not
 * a promise: the model is deliberately simple, and FORECAST_ASSUMPTIONS says how, in plain words,
 * so that the UI can show it beside the figures.
 *
 * Day scale: working day 0 is today (the first working day of the forecast); week w holds working
 * days 5(w−1) … 5w−1. `deadlineWorkingDays` and `attentionWorkingDay` use that scale, so a caller
 * gets a deadline as `workingDaysBetween(today, timescaleEnd)`.
 */
import type { Band } from '../priority/levels.ts';
import { type CaseComparator, type OrderableCase, orderCases } from './forecast-order.ts';
import { breachReason, forecastSummaryText } from './forecast-wording.ts';
import { checkNumber, checkUniqueCaseIds } from './input-checks.ts';
import { minutesToHours } from './wording.ts';

export const WORKING_DAYS_PER_WEEK = 5;
export const DEFAULT_HORIZON_WEEKS = 4;

/** The model's assumptions, in words a practitioner or supervisor can check. */
export const FORECAST_ASSUMPTIONS: readonly string[] = [
  'This is a planning aid, not a promise: it shows what happens if work goes exactly as estimated.',
  'Cases are worked one after another in priority order (band, then nearest deadline, then score, unless another order is given); a case is only started once every case ahead of it has had its attention.',
  'Each case needs its estimated effort, in hours, before its next attention (review) counts as done; estimates are taken as right, and no new work arrives (use a what-if to add some).',
  'All of each week’s capacity goes on this caseload, spread evenly over its 5 working days; hours not needed in a week are not saved for later.',
  'A week is 5 working days; weeks with a bank holiday are not shortened, so give those weeks less capacity.',
  'A case breaches when its timescale ends before its attention is expected to be done; a case already past its timescale counts as breaching.',
  'A case not reached within the forecast breaches only if its timescale ends within the forecast.',
  'Hours are rounded to the nearest minute.',
];

export interface ForecastCase extends OrderableCase {
  /** Hours of work left until the case's next attention (review) is done. */
  readonly effortHours: number;
}

export interface ForecastInput {
  readonly cases: readonly ForecastCase[];
  /** Hours available each week: one figure for every week, or one per week of the forecast. */
  readonly weeklyCapacityHours: number | readonly number[];
  /** Weeks to look ahead: default 4, or the length of `weeklyCapacityHours` when it is a list. */
  readonly horizonWeeks?: number;
  /** The order the caseload is worked in; default byWorklistOrder (ties by case id). */
  readonly compare?: CaseComparator;
}

/** The forecast week of a case's attention, or 'not reached' within the forecast. */
export type AttentionWeek = number | 'not reached';

export interface CaseForecast {
  readonly caseId: string;
  readonly band: Band;
  /** 1-based place in the order the caseload is worked. */
  readonly position: number;
  readonly effortHours: number;
  /** Hours of work on the cases ahead of this one. */
  readonly hoursAhead: number;
  readonly deadlineWorkingDays: number;
  /** The week the timescale ends in: 0 when it already has; may lie beyond the forecast. */
  readonly deadlineWeek: number;
  readonly attentionWeek: AttentionWeek;
  /** The working day (0 = today) by which the attention is expected to be done; null when not reached. */
  readonly attentionWorkingDay: number | null;
  readonly breaches: boolean;
  /** The week the timescale is breached in: 0 when it already was; null when it is not breached. */
  readonly breachWeek: number | null;
  /** The timescale had already ended when the forecast starts. */
  readonly alreadyOverdue: boolean;
  /** The projection in plain words. */
  readonly reason: string;
}

export interface WeekForecast {
  readonly week: number;
  readonly capacityHours: number;
  readonly allocatedHours: number;
  readonly spareHours: number;
  /** Cases whose attention is expected to be done this week, in the order worked. */
  readonly attendedCaseIds: readonly string[];
}

export interface ForecastSummary {
  readonly cases: number;
  /** Cases breaching within the forecast, those already past their timescale included. */
  readonly breaching: number;
  readonly alreadyOverdue: number;
  readonly notReached: number;
  readonly breachingCaseIds: readonly string[];
  readonly capacityHours: number;
  readonly effortHours: number;
  /** Effort beyond the forecast's total capacity; 0 when it all fits. */
  readonly hoursOverCapacity: number;
  readonly text: string;
}

export interface CaseloadForecast {
  readonly horizonWeeks: number;
  /** Every case, in the order worked. */
  readonly cases: readonly CaseForecast[];
  readonly weeks: readonly WeekForecast[];
  readonly summary: ForecastSummary;
}

/**
 * The capacity of each week of the forecast, in hours.
 *
 * @example
 * capacityPlan(30); // [30, 30, 30, 30]
 * capacityPlan([30, 0, 30, 30]); // [30, 0, 30, 30] (a week of absence)
 * capacityPlan(30, 6); // six weeks of 30
 * @throws RangeError when an hour figure is negative or not finite, the horizon is not a whole
 *   number of at least 1, or a list's length differs from a given horizon.
 */
export function capacityPlan(weekly: number | readonly number[], horizonWeeks?: number): number[] {
  const weeks = horizonWeeks ?? (typeof weekly === 'number' ? DEFAULT_HORIZON_WEEKS : weekly.length);
  checkNumber(weeks, 'horizonWeeks', { min: 1, integer: true });
  if (typeof weekly === 'number') {
    return Array.from({ length: weeks }, () => checkNumber(weekly, 'weeklyCapacityHours', { min: 0 }));
  }
  if (weekly.length !== weeks) {
    throw new RangeError(`weeklyCapacityHours lists ${weekly.length} weeks but the forecast has ${weeks}.`);
  }
  return weekly.map((hours, i) => checkNumber(hours, `weeklyCapacityHours of week ${i + 1}`, { min: 0 }));
}

const toMinutes = (hours: number): number => Math.round(hours * 60);

/**
 * Forecasts, week by week, when each case gets its attention and which cases breach their
 * timescales. The result does not depend on the order of `input.cases`.
 *
 * @example
 * forecastCaseload({
 *   weeklyCapacityHours: 10,
 *   cases: [
 *     { caseId: 'r', band: 'red', effortHours: 8, deadlineWorkingDays: 20 },
 *     { caseId: 'g', band: 'green', effortHours: 4, deadlineWorkingDays: 3 },
 *   ],
 * });
 * // r: week 1, on time; g: worked after r, done in week 2 (working day 5) but its timescale
 * // ends on working day 3 → breaches in week 1. summary.breaching = 1
 * @throws RangeError when a figure is negative or not finite, a deadline is not a whole number, a
 *   case id appears twice, or the capacity does not fit the horizon (see capacityPlan).
 */
export function forecastCaseload(input: ForecastInput): CaseloadForecast {
  const capacityHours = capacityPlan(input.weeklyCapacityHours, input.horizonWeeks);
  checkUniqueCaseIds(input.cases);
  for (const c of input.cases) {
    checkNumber(c.effortHours, `effortHours of case ${c.caseId}`, { min: 0 });
    checkNumber(c.deadlineWorkingDays, `deadlineWorkingDays of case ${c.caseId}`, { integer: true });
    if (c.score !== undefined) checkNumber(c.score, `score of case ${c.caseId}`);
    if (c.priorityRank !== undefined) checkNumber(c.priorityRank, `priorityRank of case ${c.caseId}`);
  }
  const ordered = orderCases(input.cases, input.compare);
  const efforts = ordered.map((c) => toMinutes(c.effortHours));
  const capacities = capacityHours.map(toMinutes);
  const { completions, allocated } = workWeekByWeek(efforts, capacities);
  const horizonWeeks = capacities.length;
  let ahead = 0;
  const cases = ordered.map((c, i) => {
    const projected = project(c, i + 1, ahead, completions[i] ?? null, horizonWeeks);
    ahead += efforts[i] ?? 0;
    return projected;
  });
  const weeks = capacities.map((capacity, i) => {
    const used = allocated[i] ?? 0;
    return {
      week: i + 1,
      capacityHours: minutesToHours(capacity),
      allocatedHours: minutesToHours(used),
      spareHours: minutesToHours(capacity - used),
      attendedCaseIds: cases.filter((c) => c.attentionWeek === i + 1).map((c) => c.caseId),
    };
  });
  return {
    horizonWeeks,
    cases,
    weeks,
    summary: summarise(cases, sum(efforts), sum(capacities), horizonWeeks),
  };
}

interface Completion {
  readonly week: number;
  readonly day: number;
}

/**
 * Works each week's capacity (minutes) through the cases' efforts (minutes) in order; a case is
 * done in the week its last minute is worked, on the day that minute falls if the week's hours
 * are spread evenly over its working days. Zero-effort cases are done as soon as they are reached.
 */
function workWeekByWeek(
  efforts: readonly number[],
  capacities: readonly number[],
): { completions: (Completion | null)[]; allocated: number[] } {
  const completions: (Completion | null)[] = efforts.map(() => null);
  const remaining = [...efforts];
  const allocated: number[] = [];
  let next = 0;
  capacities.forEach((capacity, index) => {
    let spare = capacity;
    while (next < remaining.length) {
      const need = remaining[next] ?? 0;
      if (need > spare) {
        remaining[next] = need - spare;
        spare = 0;
        break;
      }
      spare -= need;
      remaining[next] = 0;
      const day = index * WORKING_DAYS_PER_WEEK + dayWithinWeek(capacity - spare, capacity);
      completions[next] = { week: index + 1, day };
      next += 1;
    }
    allocated.push(capacity - spare);
  });
  return { completions, allocated };
}

/** The 0-based working day of a week by which `worked` of its `capacity` minutes are done. */
const dayWithinWeek = (worked: number, capacity: number): number =>
  worked === 0 ? 0 : Math.floor((WORKING_DAYS_PER_WEEK * worked + capacity - 1) / capacity) - 1;

const weekOfDay = (day: number): number => Math.floor(day / WORKING_DAYS_PER_WEEK) + 1;

function project(
  c: ForecastCase,
  position: number,
  aheadMinutes: number,
  completion: Completion | null,
  horizonWeeks: number,
): CaseForecast {
  const deadline = c.deadlineWorkingDays;
  const alreadyOverdue = deadline < 0;
  const deadlineWeek = alreadyOverdue ? 0 : weekOfDay(deadline);
  const late = completion ? completion.day > deadline : deadlineWeek <= horizonWeeks;
  const breaches = alreadyOverdue || late;
  const base = {
    caseId: c.caseId,
    band: c.band,
    position,
    effortHours: minutesToHours(toMinutes(c.effortHours)),
    hoursAhead: minutesToHours(aheadMinutes),
    deadlineWorkingDays: deadline,
    deadlineWeek,
    attentionWeek: completion ? completion.week : ('not reached' as const),
    attentionWorkingDay: completion ? completion.day : null,
    breaches,
    breachWeek: breaches ? deadlineWeek : null,
    alreadyOverdue,
  };
  return { ...base, reason: breachReason(base, aheadMinutes, horizonWeeks) };
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

function summarise(
  cases: readonly CaseForecast[],
  effortMinutes: number,
  capacityMinutes: number,
  horizonWeeks: number,
): ForecastSummary {
  const breaching = cases.filter((c) => c.breaches);
  const counts = {
    cases: cases.length,
    breaching: breaching.length,
    alreadyOverdue: cases.filter((c) => c.alreadyOverdue).length,
    notReached: cases.filter((c) => c.attentionWeek === 'not reached').length,
    breachingCaseIds: breaching.map((c) => c.caseId),
    capacityHours: minutesToHours(capacityMinutes),
    effortHours: minutesToHours(effortMinutes),
    hoursOverCapacity: minutesToHours(Math.max(0, effortMinutes - capacityMinutes)),
  };
  return {
    ...counts,
    text: forecastSummaryText(counts, effortMinutes, capacityMinutes, horizonWeeks),
  };
}
