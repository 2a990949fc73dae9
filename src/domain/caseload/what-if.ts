/**
 * What-if: the forecast run again on a changed scenario — a hypothetical extra case, less capacity
 * (a share off every week, or weeks of absence), or both — and the difference from the baseline:
 * which cases slip (newly breach, or get their attention later), which improve, which are
 * unaffected. The same model and assumptions as the forecast (FORECAST_ASSUMPTIONS).
 */
import type { Band } from '../priority/levels.ts';
import {
  type AttentionWeek,
  type CaseForecast,
  type CaseloadForecast,
  capacityPlan,
  type ForecastCase,
  type ForecastInput,
  forecastCaseload,
} from './forecast.ts';
import { attentionWhen } from './forecast-wording.ts';
import { checkNumber } from './input-checks.ts';
import { plural } from './wording.ts';

/** A hypothetical case; its id defaults to 'hypothetical' and must not be one of the caseload's. */
export type HypotheticalCase = Omit<ForecastCase, 'caseId'> & { readonly caseId?: string };

export interface WhatIfChange {
  /** A case to add, e.g. a new urgent referral. */
  readonly addCase?: HypotheticalCase;
  /** Multiplies every week's capacity: 0.8 is 20% less. Default 1. */
  readonly capacityFactor?: number;
  /** Weeks of the forecast (1-based) with no capacity at all, e.g. [2] for a week of leave. */
  readonly absentWeeks?: readonly number[];
}

/** How a case's projection moves between the baseline and the scenario. */
export type Shift = 'newly breaching' | 'later' | 'unchanged' | 'earlier' | 'no longer breaching';

export interface ProjectionSnapshot {
  readonly attentionWeek: AttentionWeek;
  readonly attentionWorkingDay: number | null;
  readonly breaches: boolean;
  readonly breachWeek: number | null;
}

export interface CaseDifference {
  readonly caseId: string;
  readonly band: Band;
  readonly shift: Shift;
  readonly before: ProjectionSnapshot;
  readonly after: ProjectionSnapshot;
  /** The move in plain words. */
  readonly reason: string;
}

export interface WhatIfResult {
  readonly baseline: CaseloadForecast;
  readonly scenario: CaseloadForecast;
  /** The hypothetical case's own projection, when one was added. */
  readonly addedCase: CaseForecast | null;
  /** Every baseline case, in the baseline's order. */
  readonly differences: readonly CaseDifference[];
  /** Cases that newly breach or get their attention later. */
  readonly slipping: readonly CaseDifference[];
  /** Cases that no longer breach or get their attention earlier (only when capacity grows). */
  readonly improving: readonly CaseDifference[];
  readonly unaffected: readonly CaseDifference[];
  readonly summary: string;
}

/**
 * The forecast input of the changed scenario.
 *
 * @example
 * scenarioInput(input, { capacityFactor: 0.8 }); // every week's hours × 0.8
 * scenarioInput(input, { absentWeeks: [2] }); // week 2 has no hours
 * @throws RangeError when the factor is negative or not finite, an absent week is outside the
 *   forecast, or the hypothetical case's id is already in the caseload (and as capacityPlan).
 */
export function scenarioInput(input: ForecastInput, change: WhatIfChange): ForecastInput {
  const factor = checkNumber(change.capacityFactor ?? 1, 'capacityFactor', { min: 0 });
  const plan = capacityPlan(input.weeklyCapacityHours, input.horizonWeeks);
  const absent = new Set(change.absentWeeks ?? []);
  for (const week of absent) checkNumber(week, 'an absent week', { min: 1, integer: true });
  const beyond = [...absent].find((week) => week > plan.length);
  if (beyond !== undefined) {
    throw new RangeError(`Absent week ${beyond} is beyond the forecast's ${plural(plan.length, 'week')}.`);
  }
  const weeklyCapacityHours = plan.map((hours, i) => (absent.has(i + 1) ? 0 : hours * factor));
  const cases = change.addCase ? [...input.cases, hypothetical(input, change.addCase)] : input.cases;
  return { ...input, cases, weeklyCapacityHours, horizonWeeks: plan.length };
}

function hypothetical(input: ForecastInput, added: HypotheticalCase): ForecastCase {
  const caseId = added.caseId ?? 'hypothetical';
  if (input.cases.some((c) => c.caseId === caseId)) {
    throw new RangeError(`The hypothetical case's id ${caseId} is already in the caseload; choose another.`);
  }
  return { ...added, caseId };
}

/**
 * Forecasts the baseline and the changed scenario and compares them case by case.
 *
 * @example
 * const result = forecastWhatIf(input, {
 *   addCase: { band: 'red', effortHours: 6, deadlineWorkingDays: 2 },
 *   capacityFactor: 0.8,
 * });
 * result.slipping.map((d) => `${d.caseId}: ${d.reason}`);
 * // ['c-7: Newly breaching: attention moves from week 2 (within 8 working days) to week 3
 * //   (within 11 working days); breaches in week 2.', …]
 * @throws RangeError as scenarioInput and forecastCaseload.
 */
export function forecastWhatIf(input: ForecastInput, change: WhatIfChange): WhatIfResult {
  const baseline = forecastCaseload(input);
  const scenario = forecastCaseload(scenarioInput(input, change));
  const after = new Map(scenario.cases.map((c) => [c.caseId, c]));
  const differences = baseline.cases.map((before) => {
    const now = after.get(before.caseId) ?? before;
    return difference(before, now);
  });
  const addedId = change.addCase ? (change.addCase.caseId ?? 'hypothetical') : undefined;
  const addedCase = addedId === undefined ? null : (after.get(addedId) ?? null);
  const slipping = differences.filter((d) => d.shift === 'newly breaching' || d.shift === 'later');
  const improving = differences.filter((d) => d.shift === 'no longer breaching' || d.shift === 'earlier');
  return {
    baseline,
    scenario,
    addedCase,
    differences,
    slipping,
    improving,
    unaffected: differences.filter((d) => d.shift === 'unchanged'),
    summary: whatIfSummary(differences, slipping, improving, addedCase),
  };
}

const snapshot = (c: CaseForecast): ProjectionSnapshot => ({
  attentionWeek: c.attentionWeek,
  attentionWorkingDay: c.attentionWorkingDay,
  breaches: c.breaches,
  breachWeek: c.breachWeek,
});

const dayOrNever = (c: CaseForecast): number => c.attentionWorkingDay ?? Number.POSITIVE_INFINITY;

function shiftOf(before: CaseForecast, after: CaseForecast): Shift {
  if (after.breaches && !before.breaches) return 'newly breaching';
  if (before.breaches && !after.breaches) return 'no longer breaching';
  if (dayOrNever(after) > dayOrNever(before)) return 'later';
  if (dayOrNever(after) < dayOrNever(before)) return 'earlier';
  return 'unchanged';
}

const when = (c: CaseForecast): string => attentionWhen(c.attentionWeek, c.attentionWorkingDay);

const SHIFT_WORDS: Record<Shift, string> = {
  'newly breaching': 'Newly breaching',
  later: 'Later',
  unchanged: 'Unchanged',
  earlier: 'Earlier',
  'no longer breaching': 'No longer breaching',
};

function difference(before: CaseForecast, after: CaseForecast): CaseDifference {
  const shift = shiftOf(before, after);
  const move =
    dayOrNever(before) === dayOrNever(after)
      ? `attention still ${when(after) === 'not reached' ? 'not reached' : `in ${when(after)}`}`
      : `attention moves from ${when(before)} to ${when(after)}`;
  const breach = after.alreadyOverdue
    ? 'already past its timescale'
    : after.breaches
      ? `breaches in week ${after.breachWeek}`
      : 'within its timescale';
  return {
    caseId: before.caseId,
    band: before.band,
    shift,
    before: snapshot(before),
    after: snapshot(after),
    reason: `${SHIFT_WORDS[shift]}: ${move}; ${breach}.`,
  };
}

function whatIfSummary(
  differences: readonly CaseDifference[],
  slipping: readonly CaseDifference[],
  improving: readonly CaseDifference[],
  added: CaseForecast | null,
): string {
  const newly = slipping.filter((d) => d.shift === 'newly breaching').length;
  const parts = [
    slipping.length === 0
      ? 'No case slips'
      : `${plural(slipping.length, 'case')} ${slipping.length === 1 ? 'slips' : 'slip'} (${newly === 0 ? 'none' : newly} newly breaching)`,
  ];
  if (improving.length > 0) {
    parts.push(`${plural(improving.length, 'case')} ${improving.length === 1 ? 'improves' : 'improve'}`);
  }
  const before = differences.filter((d) => d.before.breaches).length;
  const after = differences.filter((d) => d.after.breaches).length;
  parts.push(`breaches in the caseload go from ${before} to ${after}`);
  if (added) {
    parts.push(
      added.breaches
        ? `the added case itself breaches in week ${added.breachWeek}`
        : `the added case gets its attention in ${attentionWhen(added.attentionWeek, added.attentionWorkingDay)}, in time`,
    );
  }
  return `${parts.join('; ')}.`;
}
