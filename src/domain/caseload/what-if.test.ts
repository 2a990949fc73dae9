import { describe, expect, it } from 'vitest';
import { type ForecastCase, type ForecastInput, forecastCaseload } from './forecast.ts';
import { byPriorityRank } from './forecast-order.ts';
import { forecastWhatIf, scenarioInput } from './what-if.ts';

const fc = (caseId: string, overrides: Partial<ForecastCase> = {}): ForecastCase => ({
  caseId,
  band: 'amber',
  effortHours: 2,
  deadlineWorkingDays: 19,
  ...overrides,
});

const input: ForecastInput = {
  weeklyCapacityHours: 10,
  cases: [
    fc('r', { band: 'red', effortHours: 4, deadlineWorkingDays: 9 }),
    fc('a', { band: 'amber', effortHours: 4, deadlineWorkingDays: 4 }),
    fc('g', { band: 'green', effortHours: 6, deadlineWorkingDays: 30 }),
  ],
};

describe('scenarioInput', () => {
  it('scales every week’s capacity and empties absent weeks', () => {
    expect(scenarioInput(input, { capacityFactor: 0.8 }).weeklyCapacityHours).toEqual([8, 8, 8, 8]);
    expect(scenarioInput(input, { absentWeeks: [2, 4] }).weeklyCapacityHours).toEqual([10, 0, 10, 0]);
    expect(
      scenarioInput({ ...input, weeklyCapacityHours: [10, 20] }, { capacityFactor: 0.5, absentWeeks: [1] })
        .weeklyCapacityHours,
    ).toEqual([0, 10]);
  });

  it('adds the hypothetical case, called "hypothetical" unless named', () => {
    const added = scenarioInput(input, { addCase: { band: 'red', effortHours: 3, deadlineWorkingDays: 1 } });
    expect(added.cases.map((c) => c.caseId)).toEqual(['r', 'a', 'g', 'hypothetical']);
    const named = scenarioInput(input, {
      addCase: { caseId: 'new', band: 'red', effortHours: 3, deadlineWorkingDays: 1 },
    });
    expect(named.cases.at(-1)?.caseId).toBe('new');
  });

  it('refuses a negative factor, an absent week outside the forecast, and a clashing id', () => {
    expect(() => scenarioInput(input, { capacityFactor: -0.2 })).toThrow(/capacityFactor/);
    expect(() => scenarioInput(input, { absentWeeks: [5] })).toThrow(/beyond the forecast's 4 weeks/);
    expect(() => scenarioInput(input, { absentWeeks: [0] })).toThrow(RangeError);
    expect(() => scenarioInput(input, { absentWeeks: [1.5] })).toThrow(RangeError);
    expect(() =>
      scenarioInput(input, { addCase: { caseId: 'r', band: 'red', effortHours: 1, deadlineWorkingDays: 1 } }),
    ).toThrow(/already in the caseload/);
  });
});

describe('forecastWhatIf', () => {
  it('with no change equals the baseline and moves nothing', () => {
    const result = forecastWhatIf(input, {});
    expect(result.scenario).toEqual(result.baseline);
    expect(result.slipping).toEqual([]);
    expect(result.improving).toEqual([]);
    expect(result.unaffected.map((d) => d.caseId)).toEqual(['r', 'a', 'g']);
    expect(result.addedCase).toBeNull();
    expect(result.summary).toBe('No case slips; breaches in the caseload go from 0 to 0.');
  });

  it('shows which cases slip when an urgent case is added', () => {
    const result = forecastWhatIf(input, {
      addCase: { caseId: 'urgent', band: 'red', effortHours: 6, deadlineWorkingDays: 2 },
    });
    expect(result.addedCase).toMatchObject({
      caseId: 'urgent',
      position: 1,
      attentionWeek: 1,
      breaches: false,
    });
    expect(result.differences.map((d) => [d.caseId, d.shift])).toEqual([
      ['r', 'later'],
      ['a', 'newly breaching'],
      ['g', 'later'],
    ]);
    const a = result.differences[1];
    expect(a?.before).toEqual({
      attentionWeek: 1,
      attentionWorkingDay: 3,
      breaches: false,
      breachWeek: null,
    });
    expect(a?.after).toEqual({ attentionWeek: 2, attentionWorkingDay: 6, breaches: true, breachWeek: 1 });
    expect(a?.reason).toBe(
      'Newly breaching: attention moves from week 1 (within 3 working days) to week 2 (within 6 working days); breaches in week 1.',
    );
    expect(result.slipping.map((d) => d.caseId)).toEqual(['r', 'a', 'g']);
    expect(result.unaffected).toEqual([]);
    expect(result.summary).toBe(
      '3 cases slip (1 newly breaching); breaches in the caseload go from 0 to 1; the added case gets its attention in week 1 (within 2 working days), in time.',
    );
  });

  it('leaves cases ahead of a hypothetical green case unaffected', () => {
    const result = forecastWhatIf(input, {
      addCase: { band: 'green', effortHours: 30, deadlineWorkingDays: 3 },
    });
    expect(result.unaffected.map((d) => d.caseId)).toEqual(['r', 'a']);
    expect(result.unaffected[0]?.reason).toBe(
      'Unchanged: attention still in week 1 (within 1 working day); within its timescale.',
    );
    expect(result.differences[2]?.shift).toBe('later');
    expect(result.addedCase).toMatchObject({ caseId: 'hypothetical', breaches: true, breachWeek: 1 });
    expect(result.summary).toContain('the added case itself breaches in week 1');
  });

  it('shows the effect of 20% less capacity and of a week of absence', () => {
    const less = forecastWhatIf(input, { capacityFactor: 0.8 });
    expect(less.differences.map((d) => [d.caseId, d.shift])).toEqual([
      ['r', 'later'],
      ['a', 'later'],
      ['g', 'later'],
    ]);
    const absent = forecastWhatIf(input, { absentWeeks: [1] });
    expect(absent.differences.map((d) => [d.caseId, d.shift])).toEqual([
      ['r', 'later'],
      ['a', 'newly breaching'],
      ['g', 'later'],
    ]);
    expect(absent.summary).toBe('3 cases slip (1 newly breaching); breaches in the caseload go from 0 to 1.');
  });

  it('reports cases that improve when capacity grows', () => {
    const tight: ForecastInput = { ...input, weeklyCapacityHours: 5 };
    const result = forecastWhatIf(tight, { capacityFactor: 2 });
    expect(result.differences.map((d) => [d.caseId, d.shift])).toEqual([
      ['r', 'earlier'],
      ['a', 'no longer breaching'],
      ['g', 'earlier'],
    ]);
    expect(result.improving).toHaveLength(3);
    expect(result.summary).toBe('No case slips; 3 cases improve; breaches in the caseload go from 1 to 0.');
  });

  it('keeps "not reached" cases unchanged and words an already overdue case plainly', () => {
    const result = forecastWhatIf(
      {
        weeklyCapacityHours: 0,
        cases: [fc('late', { deadlineWorkingDays: -1 }), fc('far', { deadlineWorkingDays: 40 })],
      },
      { capacityFactor: 0.5 },
    );
    expect(result.differences.map((d) => d.reason)).toEqual([
      'Unchanged: attention still not reached; already past its timescale.',
      'Unchanged: attention still not reached; within its timescale.',
    ]);
  });

  it('uses the input’s order, so an explicitly ranked hypothetical case goes where it is ranked', () => {
    const ranked: ForecastInput = {
      weeklyCapacityHours: 10,
      compare: byPriorityRank,
      cases: [fc('one', { priorityRank: 1, effortHours: 5 }), fc('two', { priorityRank: 2, effortHours: 5 })],
    };
    const result = forecastWhatIf(ranked, {
      addCase: { band: 'green', priorityRank: 1.5, effortHours: 5, deadlineWorkingDays: 10 },
    });
    expect(result.scenario.cases.map((c) => c.caseId)).toEqual(['one', 'hypothetical', 'two']);
    expect(result.differences.map((d) => d.shift)).toEqual(['unchanged', 'later']);
  });

  it('works on an empty caseload', () => {
    const result = forecastWhatIf(
      { weeklyCapacityHours: 10, cases: [] },
      { addCase: { band: 'red', effortHours: 50, deadlineWorkingDays: 5 } },
    );
    expect(result.differences).toEqual([]);
    expect(result.addedCase?.breaches).toBe(true);
    expect(result.summary).toBe(
      'No case slips; breaches in the caseload go from 0 to 0; the added case itself breaches in week 2.',
    );
    expect(forecastCaseload({ weeklyCapacityHours: 10, cases: [] })).toEqual(result.baseline);
  });
});
