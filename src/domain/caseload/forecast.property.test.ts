/**
 * Property tests (fast-check) of the forecast and the what-if: the guarantees a planner relies on
 * whatever the caseload looks like.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BANDS } from '../priority/levels.ts';
import {
  type CaseForecast,
  type CaseloadForecast,
  type ForecastCase,
  type ForecastInput,
  forecastCaseload,
} from './forecast.ts';
import { byPriorityRank, byWorklistOrder } from './forecast-order.ts';
import { forecastWhatIf } from './what-if.ts';

/** Quarter hours keep the rounded hour figures exact, so sums can be compared exactly. */
const hours = (max: number) => fc.integer({ min: 0, max: max * 4 }).map((q) => q / 4);

const caseFields = fc.record({
  band: fc.constantFrom(...BANDS),
  effortHours: hours(30),
  deadlineWorkingDays: fc.integer({ min: -5, max: 40 }),
  score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  priorityRank: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
});

const caseArb: fc.Arbitrary<ForecastCase> = fc
  .tuple(fc.string({ minLength: 1, maxLength: 4 }), caseFields)
  .map(([caseId, fields]) => ({ caseId, ...fields }));

const casesArb = fc.uniqueArray(caseArb, { selector: (c) => c.caseId, maxLength: 25 });
const capacityArb = fc.array(hours(40), { minLength: 1, maxLength: 6 });
const compareArb = fc.constantFrom(byWorklistOrder, byPriorityRank);

/** A forecast input whose capacity is always one figure per week (so tests can vary each week). */
type Input = ForecastInput & { readonly weeklyCapacityHours: readonly number[] };

const inputArb: fc.Arbitrary<Input> = fc.record({
  cases: casesArb,
  weeklyCapacityHours: capacityArb,
  compare: compareArb,
});

const dayOf = (c: CaseForecast): number => c.attentionWorkingDay ?? Number.POSITIVE_INFINITY;
const index = (f: CaseloadForecast) => new Map(f.cases.map((c) => [c.caseId, c]));

describe('forecast properties', () => {
  it('more capacity never causes more breaches, nor a later attention for any case', () => {
    fc.assert(
      fc.property(
        inputArb.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.array(hours(20), {
              minLength: input.weeklyCapacityHours.length,
              maxLength: input.weeklyCapacityHours.length,
            }),
          ),
        ),
        ([input, extra]) => {
          const base = input.weeklyCapacityHours;
          const less = forecastCaseload(input);
          const more = forecastCaseload({
            ...input,
            weeklyCapacityHours: base.map((h, i) => h + (extra[i] ?? 0)),
          });
          expect(more.summary.breaching).toBeLessThanOrEqual(less.summary.breaching);
          const before = index(less);
          for (const after of more.cases) {
            const was = before.get(after.caseId);
            if (!was) throw new Error('case lost');
            expect(dayOf(after)).toBeLessThanOrEqual(dayOf(was));
            if (after.breaches) expect(was.breaches).toBe(true);
          }
        },
      ),
    );
  });

  it('adding a case never makes another case’s projected attention earlier', () => {
    fc.assert(
      fc.property(inputArb, caseFields, (input, added) => {
        const extra: ForecastCase = { caseId: 'added-case', ...added };
        const before = forecastCaseload(input);
        const after = index(forecastCaseload({ ...input, cases: [...input.cases, extra] }));
        for (const was of before.cases) {
          const now = after.get(was.caseId);
          if (!now) throw new Error('case lost');
          expect(dayOf(now)).toBeGreaterThanOrEqual(dayOf(was));
          if (was.breaches) expect(now.breaches).toBe(true);
        }
      }),
    );
  });

  it('is deterministic and does not depend on the order of the input', () => {
    fc.assert(
      fc.property(
        inputArb.chain((input) =>
          fc.tuple(
            fc.constant(input),
            fc.shuffledSubarray([...input.cases], {
              minLength: input.cases.length,
              maxLength: input.cases.length,
            }),
          ),
        ),
        ([input, shuffled]) => {
          const first = forecastCaseload(input);
          expect(forecastCaseload(input)).toEqual(first);
          expect(forecastCaseload({ ...input, cases: shuffled })).toEqual(first);
        },
      ),
    );
  });

  it('a what-if with no change equals the baseline', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.constantFrom({}, { capacityFactor: 1 }, { absentWeeks: [] }),
        (input, change) => {
          const result = forecastWhatIf(input, change);
          expect(result.scenario).toEqual(result.baseline);
          expect(result.baseline).toEqual(forecastCaseload(input));
          expect(result.slipping).toEqual([]);
          expect(result.improving).toEqual([]);
          expect(result.unaffected).toHaveLength(input.cases.length);
        },
      ),
    );
  });

  it('a what-if that only adds work or removes capacity never improves a case', () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.option(caseFields, { nil: undefined }),
        fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
        fc.uniqueArray(fc.integer({ min: 1, max: 6 })),
        (input, addCase, capacityFactor, weeks) => {
          const horizon = input.weeklyCapacityHours.length;
          const absentWeeks = weeks.filter((w) => w <= horizon);
          const result = forecastWhatIf(input, {
            ...(addCase ? { addCase: { caseId: 'what-if-case', ...addCase } } : {}),
            capacityFactor,
            absentWeeks,
          });
          expect(result.improving).toEqual([]);
          expect(result.slipping.length + result.unaffected.length).toBe(input.cases.length);
        },
      ),
    );
  });

  it('uses capacity fully while work remains, and never more than there is', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = forecastCaseload(input);
        const allocated = result.weeks.reduce((sum, w) => sum + w.allocatedHours, 0);
        const { effortHours, capacityHours, hoursOverCapacity } = result.summary;
        expect(allocated).toBe(Math.min(effortHours, capacityHours));
        expect(hoursOverCapacity).toBe(Math.max(0, effortHours - capacityHours));
        for (const w of result.weeks) expect(w.spareHours).toBe(w.capacityHours - w.allocatedHours);
      }),
    );
  });

  it('attends cases in the order worked, and breaches exactly when the deadline passes first', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = forecastCaseload(input);
        const days = result.cases.map(dayOf);
        expect(days).toEqual([...days].sort((a, b) => a - b));
        for (const c of result.cases) {
          const late =
            c.attentionWorkingDay === null
              ? c.deadlineWeek <= result.horizonWeeks
              : c.attentionWorkingDay > c.deadlineWorkingDays;
          expect(c.breaches).toBe(c.alreadyOverdue || late);
          expect(c.breachWeek).toBe(c.breaches ? c.deadlineWeek : null);
          if (c.attentionWeek !== 'not reached') {
            expect(Math.floor((c.attentionWorkingDay ?? -1) / 5) + 1).toBe(c.attentionWeek);
          }
        }
        expect(result.summary.breaching).toBe(result.cases.filter((c) => c.breaches).length);
      }),
    );
  });
});
