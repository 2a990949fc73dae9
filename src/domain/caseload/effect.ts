/**
 * The effect of priorities on one practitioner's caseload, from the stored facts of their open
 * cases: which cases are at risk of neglect, where their attention went by band over the last
 * weeks, which cases the forecast expects to breach their timescales, and what-ifs. This module
 * turns the facts into the inputs of neglect.ts, attention.ts, forecast.ts and what-if.ts — each
 * case's review timescale for its type and band, working days since attention counted in the
 * organisation's nation, a default effort where none is estimated — and says what it assumed.
 */
import { BAND_LABELS, BANDS, type Band } from '../priority/levels.ts';
import { type ServiceTimescaleSetting, timescaleFor } from '../priority/service-timescales.ts';
import type { CalendarDate } from '../time/calendar.ts';
import { type UkNation, workingDaysBetween } from '../time/working-days.ts';
import { type AttentionDistribution, type AttentionEvent, attentionByBand } from './attention.ts';
import {
  type CaseloadForecast,
  DEFAULT_HORIZON_WEEKS,
  FORECAST_ASSUMPTIONS,
  type ForecastCase,
  type ForecastInput,
  forecastCaseload,
} from './forecast.ts';
import { casesAtRiskOfNeglect, DEFAULT_NEGLECT_THRESHOLD, type NeglectedCase } from './neglect.ts';
import { forecastWhatIf, type WhatIfChange, type WhatIfResult } from './what-if.ts';
import { percent, plural } from './wording.ts';

/**
 * Hours a case is taken to need before its next attention when nobody has estimated its effort:
 * more for the higher bands, whose cases usually need more done.
 */
export const DEFAULT_EFFORT_HOURS: Readonly<Record<Band, number>> = { red: 3, amber: 2, green: 1 };

/** What the caseload views need to know about one open case. */
export interface CaseloadCase {
  readonly caseId: string;
  readonly caseTypeId: string;
  /** The band of its current assessment; green when it has never been assessed. */
  readonly band: Band;
  /** The score of its current assessment, if any. */
  readonly score: number | null;
  /** The day (in the organisation's time zone) it last had attention, or was opened. */
  readonly lastAttentionOn: CalendarDate;
  /** False when it has had no attention since it was opened. */
  readonly attendedBefore: boolean;
  /** The practitioner's estimate of the hours its next attention needs; null when none. */
  readonly estimatedEffortHours: number | null;
}

export interface CaseloadEffectInput {
  readonly cases: readonly CaseloadCase[];
  readonly timescales: readonly ServiceTimescaleSetting[];
  /** Today in the organisation's time zone. */
  readonly today: CalendarDate;
  readonly nation: UkNation;
  readonly weeklyCapacityHours: number;
  /** Attention given to the practitioner's cases (open or not), each in the band of its time. */
  readonly events: readonly AttentionEvent[];
  /** Weeks looked back (attention) and ahead (forecast); default 4. */
  readonly weeks?: number;
}

/** Per case: its review timescale, how far through it the case is, and the effort used. */
export interface CaseClock {
  readonly caseId: string;
  readonly band: Band;
  readonly reviewTimescaleWorkingDays: number;
  readonly workingDaysSinceAttention: number;
  /** Working days until the review is due (0 today; negative: overdue). */
  readonly deadlineWorkingDays: number;
  readonly effortHours: number;
  /** True when the effort is the default for the band, not an estimate on the case. */
  readonly effortDefaulted: boolean;
}

export interface CaseloadEffect {
  readonly clocks: readonly CaseClock[];
  readonly neglect: readonly NeglectedCase[];
  readonly attention: AttentionDistribution;
  readonly forecast: CaseloadForecast;
  /** How the figures were made, in plain words: the forecast's and this module's assumptions. */
  readonly assumptions: readonly string[];
}

/**
 * Each case's clock: its review timescale (the case type's, else the organisation's, else the
 * built-in one for its band), working days since its last attention and until its review is due.
 *
 * @example
 * caseClock({ caseId: 'a', caseTypeId: 't', band: 'red', score: 40, lastAttentionOn: '2026-11-23',
 *   attendedBefore: true, estimatedEffortHours: null }, [], '2026-11-26', 'england-and-wales');
 * // { reviewTimescaleWorkingDays: 5, workingDaysSinceAttention: 3, deadlineWorkingDays: 2,
 * //   effortHours: 3, effortDefaulted: true, … }
 */
export function caseClock(
  c: CaseloadCase,
  timescales: readonly ServiceTimescaleSetting[],
  today: CalendarDate,
  nation: UkNation,
): CaseClock {
  const review = timescaleFor(timescales, c.caseTypeId, c.band).reviewDays;
  const since = Math.max(0, workingDaysBetween(c.lastAttentionOn, today, nation));
  const estimated = c.estimatedEffortHours;
  return {
    caseId: c.caseId,
    band: c.band,
    reviewTimescaleWorkingDays: review,
    workingDaysSinceAttention: since,
    deadlineWorkingDays: review - since,
    effortHours: estimated ?? DEFAULT_EFFORT_HOURS[c.band],
    effortDefaulted: estimated === null,
  };
}

/** The forecast's input for a caseload: its cases by band, deadline and score, and the capacity. */
export function forecastInputOf(
  input: CaseloadEffectInput,
  clocks: readonly CaseClock[] = clocksOf(input),
): ForecastInput {
  const scores = new Map(input.cases.map((c) => [c.caseId, c.score]));
  const cases: ForecastCase[] = clocks.map((k) => {
    const score = scores.get(k.caseId);
    return {
      caseId: k.caseId,
      band: k.band,
      deadlineWorkingDays: k.deadlineWorkingDays,
      effortHours: k.effortHours,
      ...(score === null || score === undefined ? {} : { score }),
    };
  });
  return {
    cases,
    weeklyCapacityHours: input.weeklyCapacityHours,
    horizonWeeks: input.weeks ?? DEFAULT_HORIZON_WEEKS,
  };
}

const clocksOf = (input: CaseloadEffectInput): CaseClock[] =>
  input.cases.map((c) => caseClock(c, input.timescales, input.today, input.nation));

/**
 * The whole picture for one practitioner: neglect, attention by band and the forecast.
 * @throws RangeError as casesAtRiskOfNeglect, attentionByBand and forecastCaseload (bad figures,
 *   a case listed twice, a malformed date).
 */
export function caseloadEffect(input: CaseloadEffectInput): CaseloadEffect {
  const weeks = input.weeks ?? DEFAULT_HORIZON_WEEKS;
  const clocks = clocksOf(input);
  const attended = new Map(input.cases.map((c) => [c.caseId, c.attendedBefore]));
  const neglect = casesAtRiskOfNeglect(
    clocks.map((k) => ({
      caseId: k.caseId,
      band: k.band,
      reviewTimescaleWorkingDays: k.reviewTimescaleWorkingDays,
      workingDaysSinceAttention: k.workingDaysSinceAttention,
      attendedBefore: attended.get(k.caseId) ?? true,
    })),
  );
  const attention = attentionByBand({
    caseload: input.cases.map((c) => ({ caseId: c.caseId, band: c.band })),
    events: input.events,
    today: input.today,
    weeks,
  });
  const forecast = forecastCaseload(forecastInputOf(input, clocks));
  return {
    clocks,
    neglect,
    attention,
    forecast,
    assumptions: caseloadAssumptions(input.weeklyCapacityHours),
  };
}

/** A hypothetical case for a what-if: its band and effort; its deadline defaults to first contact. */
export interface HypotheticalCaseInput {
  readonly band: Band;
  readonly effortHours: number;
  /** Working days from today by which it needs its attention; default its band's first-contact timescale. */
  readonly deadlineWorkingDays?: number | undefined;
  /** Its case type, for the timescale; default the organisation's timescale for the band. */
  readonly caseTypeId?: string | undefined;
}

export interface CaseloadChange {
  readonly addCase?: HypotheticalCaseInput | undefined;
  /** Hours a week instead of the practitioner's capacity. */
  readonly capacityHours?: number | undefined;
  /** Weeks of the forecast (1-based) with no capacity at all. */
  readonly absentWeeks?: readonly number[] | undefined;
}

/** The id the hypothetical case has in a what-if's results. */
export const HYPOTHETICAL_CASE_ID = 'hypothetical';

/**
 * The forecast's WhatIfChange for a change described in the practitioner's terms: hours a week
 * instead of a factor, and a hypothetical case whose deadline defaults to its first-contact
 * timescale.
 * @throws RangeError when hours are asked of a caseload whose capacity is 0 (no factor gives them).
 */
export function whatIfChangeOf(input: CaseloadEffectInput, change: CaseloadChange): WhatIfChange {
  const base = input.weeklyCapacityHours;
  let capacityFactor: number | undefined;
  if (change.capacityHours !== undefined && change.capacityHours !== base) {
    if (base === 0) {
      throw new RangeError('The weekly capacity is 0 hours, so it cannot be scaled to another figure.');
    }
    capacityFactor = change.capacityHours / base;
  }
  const added = change.addCase;
  return {
    ...(capacityFactor === undefined ? {} : { capacityFactor }),
    ...(change.absentWeeks && change.absentWeeks.length > 0 ? { absentWeeks: change.absentWeeks } : {}),
    ...(added
      ? {
          addCase: {
            caseId: HYPOTHETICAL_CASE_ID,
            band: added.band,
            effortHours: added.effortHours,
            deadlineWorkingDays:
              added.deadlineWorkingDays ??
              timescaleFor(input.timescales, added.caseTypeId ?? '', added.band).firstContactDays,
          },
        }
      : {}),
  };
}

/**
 * What-if on the practitioner's caseload: the forecast again with the change, and which cases slip.
 * @throws RangeError as whatIfChangeOf and forecastWhatIf.
 */
export function caseloadWhatIf(input: CaseloadEffectInput, change: CaseloadChange): WhatIfResult {
  return forecastWhatIf(forecastInputOf(input), whatIfChangeOf(input, change));
}

/**
 * The assumptions behind the caseload figures, in plain words: the forecast's own, then how the
 * cases' timescales, effort and attention were read.
 */
export function caseloadAssumptions(weeklyCapacityHours: number): string[] {
  const efforts = BANDS.map(
    (b) => `${BAND_LABELS[b].toLowerCase()} ${plural(DEFAULT_EFFORT_HOURS[b], 'hour')}`,
  );
  return [
    ...FORECAST_ASSUMPTIONS,
    `The practitioner’s weekly capacity is ${plural(weeklyCapacityHours, 'hour')} (an administrator sets it for each person).`,
    'Only open cases count: cases on hold wait on someone else and are left out; a case never assessed counts as green.',
    'A case’s timescale here is the review interval of the service timescales for its case type and band, in working days (weekends and the bank holidays of the organisation’s nation left out), counted from its last attention — or from its opening, if it has had none.',
    `A case is at risk of neglect once ${percent(DEFAULT_NEGLECT_THRESHOLD)} of that review interval has gone without attention.`,
    `Cases without an estimated effort are taken to need ${efforts.join(', ')} of work; an estimate on the case replaces this.`,
    'Attention is a filed note on the case (amendments correct a note and do not count), on the day the event happened. Each counts in the band the case had then: the band of its latest assessment at or before that moment (before its first assessment, the band of that first one).',
  ];
}

/** The assumptions of a what-if: those of the caseload figures, and how the change is read. */
export function whatIfAssumptions(weeklyCapacityHours: number): string[] {
  return [
    ...caseloadAssumptions(weeklyCapacityHours),
    'A hypothetical case is worked in priority order with the others (it has no score, so it follows scored cases of its band with the same deadline) and needs its attention within the first-contact timescale of its band, unless another deadline is given.',
    'Another weekly capacity applies to every week of the forecast; a week away has no capacity at all.',
  ];
}
