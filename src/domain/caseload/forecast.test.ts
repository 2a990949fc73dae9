import { describe, expect, it } from 'vitest';
import {
  capacityPlan,
  FORECAST_ASSUMPTIONS,
  type ForecastCase,
  forecastCaseload,
  WORKING_DAYS_PER_WEEK,
} from './forecast.ts';
import { byPriorityRank } from './forecast-order.ts';

const fc = (caseId: string, overrides: Partial<ForecastCase> = {}): ForecastCase => ({
  caseId,
  band: 'amber',
  effortHours: 2,
  deadlineWorkingDays: 19,
  ...overrides,
});

const byId = (result: ReturnType<typeof forecastCaseload>, id: string) => {
  const found = result.cases.find((c) => c.caseId === id);
  if (!found) throw new Error(`no case ${id}`);
  return found;
};

describe('capacityPlan', () => {
  it('repeats one weekly figure over the horizon (4 weeks by default)', () => {
    expect(capacityPlan(30)).toEqual([30, 30, 30, 30]);
    expect(capacityPlan(12.5, 2)).toEqual([12.5, 12.5]);
  });

  it('takes one figure per week, the horizon then being the list’s length', () => {
    expect(capacityPlan([30, 0, 30])).toEqual([30, 0, 30]);
    expect(capacityPlan([30, 0], 2)).toEqual([30, 0]);
  });

  it('refuses negative hours, a bad horizon and a list that does not fit it', () => {
    expect(() => capacityPlan(-1)).toThrow(/weeklyCapacityHours must be at least 0/);
    expect(() => capacityPlan([10, -1])).toThrow(/week 2/);
    expect(() => capacityPlan(10, 0)).toThrow(/horizonWeeks/);
    expect(() => capacityPlan(10, 2.5)).toThrow(/whole number/);
    expect(() => capacityPlan([])).toThrow(/horizonWeeks/);
    expect(() => capacityPlan([10, 10], 4)).toThrow(/lists 2 weeks but the forecast has 4/);
    expect(() => capacityPlan(Number.POSITIVE_INFINITY)).toThrow(/finite/);
  });
});

describe('forecastCaseload', () => {
  it('works red before green even when the green case is due sooner, and so the green case breaches', () => {
    const result = forecastCaseload({
      weeklyCapacityHours: 10,
      cases: [
        fc('g', { band: 'green', effortHours: 4, deadlineWorkingDays: 3 }),
        fc('r', { band: 'red', effortHours: 8, deadlineWorkingDays: 20 }),
      ],
    });
    expect(result.cases.map((c) => c.caseId)).toEqual(['r', 'g']);
    expect(byId(result, 'r')).toMatchObject({
      position: 1,
      attentionWeek: 1,
      attentionWorkingDay: 3,
      breaches: false,
      breachWeek: null,
      hoursAhead: 0,
      deadlineWeek: 5,
    });
    expect(byId(result, 'g')).toMatchObject({
      position: 2,
      attentionWeek: 2,
      attentionWorkingDay: 5,
      breaches: true,
      breachWeek: 1,
      hoursAhead: 8,
      deadlineWeek: 1,
    });
    expect(byId(result, 'g').reason).toBe(
      'Breach expected in week 1: its timescale ends in 3 working days, but its attention is expected only in week 2 (within 5 working days), after 8 hours of work on 1 case ahead of it.',
    );
    expect(byId(result, 'r').reason).toBe(
      'Attention expected in week 1 (within 3 working days), in time: its timescale ends in 20 working days.',
    );
    expect(result.summary).toMatchObject({
      cases: 2,
      breaching: 1,
      breachingCaseIds: ['g'],
      hoursOverCapacity: 0,
    });
    expect(result.summary.text).toBe(
      '1 of 2 cases is forecast to breach its timescale in the next 4 weeks. The work on the caseload (12 hours) fits in the 40 hours available.',
    );
  });

  it('spreads a week’s hours evenly over its five working days', () => {
    const result = forecastCaseload({
      weeklyCapacityHours: 10,
      cases: [
        fc('a', { band: 'red', effortHours: 2 }),
        fc('b', { band: 'red', effortHours: 0.5, deadlineWorkingDays: 20 }),
        fc('c', { band: 'red', effortHours: 7.5, deadlineWorkingDays: 20 }),
      ],
    });
    expect(result.cases.map((c) => c.attentionWorkingDay)).toEqual([0, 1, 4]);
    expect(WORKING_DAYS_PER_WEEK).toBe(5);
  });

  it('is in time when attention falls on the deadline day, and breaches one day later', () => {
    const onTheDay = forecastCaseload({
      weeklyCapacityHours: 10,
      cases: [
        fc('first', { band: 'red', effortHours: 6 }),
        fc('x', { deadlineWorkingDays: 3, effortHours: 2 }),
      ],
    });
    expect(byId(onTheDay, 'x')).toMatchObject({ attentionWorkingDay: 3, breaches: false });
    const dayLate = forecastCaseload({
      weeklyCapacityHours: 10,
      cases: [
        fc('first', { band: 'red', effortHours: 6 }),
        fc('x', { deadlineWorkingDays: 3, effortHours: 2.5 }),
      ],
    });
    expect(byId(dayLate, 'x')).toMatchObject({ attentionWorkingDay: 4, breaches: true, breachWeek: 1 });
  });

  it('carries an effort larger than a week’s capacity over the following weeks', () => {
    const result = forecastCaseload({
      weeklyCapacityHours: 10,
      cases: [
        fc('big', { effortHours: 25, deadlineWorkingDays: 30 }),
        fc('next', { effortHours: 5, deadlineWorkingDays: 30 }),
      ],
    });
    expect(byId(result, 'big')).toMatchObject({ attentionWeek: 3, attentionWorkingDay: 12, breaches: false });
    expect(byId(result, 'next')).toMatchObject({ attentionWeek: 3, attentionWorkingDay: 14, hoursAhead: 25 });
    expect(result.weeks.map((w) => w.allocatedHours)).toEqual([10, 10, 10, 0]);
    expect(result.weeks.map((w) => w.attendedCaseIds)).toEqual([[], [], ['big', 'next'], []]);
    expect(result.weeks[3]).toMatchObject({ week: 4, capacityHours: 10, spareHours: 10 });
  });

  it('says so when the first case breaches on its own work', () => {
    const result = forecastCaseload({
      weeklyCapacityHours: 10,
      cases: [fc('big', { effortHours: 25, deadlineWorkingDays: 4 })],
    });
    expect(result.cases[0]?.reason).toBe(
      'Breach expected in week 1: its timescale ends in 4 working days, but its attention is expected only in week 3 (within 12 working days): it is first in the order but needs 25 hours of work.',
    );
  });

  it('with zero capacity reaches no case with work to do; those due within the forecast breach', () => {
    const result = forecastCaseload({
      weeklyCapacityHours: 0,
      cases: [
        fc('soon', { deadlineWorkingDays: 7 }),
        fc('last-day', { deadlineWorkingDays: 19 }),
        fc('later', { deadlineWorkingDays: 20 }),
      ],
    });
    expect(result.cases.map((c) => [c.caseId, c.attentionWeek, c.breaches, c.breachWeek])).toEqual([
      ['soon', 'not reached', true, 2],
      ['last-day', 'not reached', true, 4],
      ['later', 'not reached', false, null],
    ]);
    expect(byId(result, 'soon').reason).toBe(
      'Breach expected in week 2: its timescale ends in 7 working days, and the capacity of the next 4 weeks runs out before it is reached (it is first in the order).',
    );
    expect(byId(result, 'later').reason).toBe(
      'Not reached in the next 4 weeks (4 hours of work on 2 cases ahead of it); its timescale ends in 20 working days, after the forecast.',
    );
    expect(result.summary).toMatchObject({
      notReached: 3,
      capacityHours: 0,
      effortHours: 6,
      hoursOverCapacity: 6,
    });
    expect(result.summary.text).toBe(
      '2 of 3 cases are forecast to breach their timescales in the next 4 weeks. The work on the caseload (6 hours) is 6 hours more than the 0 hours available.',
    );
  });

  it('does a case with no work left as soon as it is reached, even with zero capacity', () => {
    const result = forecastCaseload({
      weeklyCapacityHours: 0,
      cases: [
        fc('done', { band: 'red', effortHours: 0, deadlineWorkingDays: 0 }),
        fc('stuck', { effortHours: 1 }),
      ],
    });
    expect(byId(result, 'done')).toMatchObject({ attentionWeek: 1, attentionWorkingDay: 0, breaches: false });
    expect(byId(result, 'done').reason).toBe(
      'Attention expected in week 1 (today), in time: its timescale ends today.',
    );
    expect(byId(result, 'stuck').attentionWeek).toBe('not reached');
  });

  it('does a zero-effort case in the week the work ahead of it ends', () => {
    const result = forecastCaseload({
      weeklyCapacityHours: 10,
      cases: [fc('full', { band: 'red', effortHours: 10 }), fc('free', { effortHours: 0 })],
    });
    expect(byId(result, 'free')).toMatchObject({ attentionWeek: 1, attentionWorkingDay: 4 });
  });

  it('counts a case already past its timescale as breaching, in week 0', () => {
    const result = forecastCaseload({
      weeklyCapacityHours: 10,
      cases: [
        fc('late', { band: 'red', deadlineWorkingDays: -2 }),
        fc('late-unreached', { deadlineWorkingDays: -1, effortHours: 50 }),
      ],
    });
    expect(byId(result, 'late')).toMatchObject({
      alreadyOverdue: true,
      breaches: true,
      breachWeek: 0,
      deadlineWeek: 0,
      attentionWeek: 1,
    });
    expect(byId(result, 'late').reason).toBe(
      'Already past its timescale, by 2 working days; attention expected in week 1 (today).',
    );
    expect(byId(result, 'late-unreached').reason).toBe(
      'Already past its timescale, by 1 working day; not reached in the next 4 weeks (2 hours of work on 1 case ahead of it).',
    );
    expect(result.summary).toMatchObject({ breaching: 2, alreadyOverdue: 2 });
    expect(result.summary.text).toContain(
      '2 of 2 cases are forecast to breach their timescales in the next 4 weeks (2 already have).',
    );
  });

  it('forecasts an empty caseload', () => {
    const result = forecastCaseload({ weeklyCapacityHours: 30, cases: [] });
    expect(result.cases).toEqual([]);
    expect(result.weeks.map((w) => w.spareHours)).toEqual([30, 30, 30, 30]);
    expect(result.summary).toMatchObject({ cases: 0, breaching: 0, effortHours: 0, capacityHours: 120 });
    expect(result.summary.text).toBe('There are no cases to forecast.');
  });

  it('says so when no case breaches', () => {
    const result = forecastCaseload({ weeklyCapacityHours: 30, cases: [fc('a'), fc('b')] });
    expect(result.summary.text).toBe(
      'No case is forecast to breach its timescale in the next 4 weeks. The work on the caseload (4 hours) fits in the 120 hours available.',
    );
  });

  it('breaks ties by score (unscored last), then by case id, whatever the input order', () => {
    const cases = [
      fc('b', { score: 5 }),
      fc('a', { score: 5 }),
      fc('c'),
      fc('d', { score: 9 }),
      fc('e', { band: 'red', deadlineWorkingDays: 30 }),
      fc('f', { deadlineWorkingDays: 2 }),
    ];
    const order = (input: ForecastCase[]) =>
      forecastCaseload({ weeklyCapacityHours: 10, cases: input }).cases.map((c) => c.caseId);
    expect(order(cases)).toEqual(['e', 'f', 'd', 'a', 'b', 'c']);
    expect(order([...cases].reverse())).toEqual(['e', 'f', 'd', 'a', 'b', 'c']);
  });

  it('works in an explicit order when given one', () => {
    const cases = [
      fc('x', { priorityRank: 2 }),
      fc('y', { band: 'red', priorityRank: 3 }),
      fc('z', { priorityRank: 1 }),
    ];
    const result = forecastCaseload({ weeklyCapacityHours: 10, cases, compare: byPriorityRank });
    expect(result.cases.map((c) => c.caseId)).toEqual(['z', 'x', 'y']);
    const reversed = forecastCaseload({
      weeklyCapacityHours: 10,
      cases,
      compare: (a, b) => (a.caseId < b.caseId ? 1 : -1),
    });
    expect(reversed.cases.map((c) => c.caseId)).toEqual(['z', 'y', 'x']);
  });

  it('takes a capacity per week (a week of absence) and a longer or shorter horizon', () => {
    const absent = forecastCaseload({
      weeklyCapacityHours: [10, 0, 10],
      cases: [fc('a', { effortHours: 15 })],
    });
    expect(absent.horizonWeeks).toBe(3);
    expect(byId(absent, 'a')).toMatchObject({ attentionWeek: 3, attentionWorkingDay: 12, breaches: false });
    const short = forecastCaseload({
      weeklyCapacityHours: 10,
      horizonWeeks: 1,
      cases: [fc('a', { effortHours: 15 })],
    });
    expect(short.weeks).toHaveLength(1);
    expect(byId(short, 'a')).toMatchObject({ attentionWeek: 'not reached', breaches: false });
    expect(short.summary.text).toContain('in the next 1 week');
  });

  it('keeps hours to the minute, so decimal efforts add up exactly', () => {
    const result = forecastCaseload({
      weeklyCapacityHours: 0.3,
      horizonWeeks: 1,
      cases: [fc('a', { effortHours: 0.1 }), fc('b', { effortHours: 0.2 })],
    });
    expect(result.cases.map((c) => c.attentionWeek)).toEqual([1, 1]);
    expect(result.summary.hoursOverCapacity).toBe(0);
    const rounded = forecastCaseload({ weeklyCapacityHours: 1, cases: [fc('a', { effortHours: 1 / 3 })] });
    expect(rounded.cases[0]?.effortHours).toBe(0.33);
  });

  it('refuses impossible figures', () => {
    const run = (c: ForecastCase) => () => forecastCaseload({ weeklyCapacityHours: 10, cases: [c] });
    expect(run(fc('a', { effortHours: -1 }))).toThrow(/effortHours of case a/);
    expect(run(fc('a', { deadlineWorkingDays: 2.5 }))).toThrow(/whole number/);
    expect(run(fc('a', { score: Number.NaN }))).toThrow(/score of case a/);
    expect(run(fc('a', { priorityRank: Number.NaN }))).toThrow(/priorityRank of case a/);
    expect(() => forecastCaseload({ weeklyCapacityHours: 10, cases: [fc('a'), fc('a')] })).toThrow(
      /more than once/,
    );
    expect(() => forecastCaseload({ weeklyCapacityHours: -5, cases: [] })).toThrow(RangeError);
  });

  it('states its assumptions, starting with: a planning aid, not a promise', () => {
    expect(FORECAST_ASSUMPTIONS[0]).toMatch(/planning aid, not a promise/);
    expect(FORECAST_ASSUMPTIONS.length).toBeGreaterThan(4);
  });
});
