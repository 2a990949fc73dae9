import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BANDS } from '../priority/levels.ts';
import { casesAtRiskOfNeglect, DEFAULT_NEGLECT_THRESHOLD, type NeglectCheck, neglectOf } from './neglect.ts';

const check = (overrides: Partial<NeglectCheck> & { caseId: string }): NeglectCheck => ({
  band: 'green',
  reviewTimescaleWorkingDays: 20,
  workingDaysSinceAttention: 0,
  ...overrides,
});

describe('casesAtRiskOfNeglect', () => {
  it('lists cases from 75% of their review timescale, not before', () => {
    const result = casesAtRiskOfNeglect([
      check({ caseId: 'just-under', workingDaysSinceAttention: 14 }),
      check({ caseId: 'exactly', workingDaysSinceAttention: 15 }),
      check({ caseId: 'fresh', workingDaysSinceAttention: 0 }),
    ]);
    expect(DEFAULT_NEGLECT_THRESHOLD).toBe(0.75);
    expect(result.map((c) => c.caseId)).toEqual(['exactly']);
    expect(result[0]).toMatchObject({ shareElapsed: 0.75, workingDaysLeft: 5, overdue: false });
  });

  it('takes another threshold', () => {
    const cases = [check({ caseId: 'half', workingDaysSinceAttention: 10 })];
    expect(casesAtRiskOfNeglect(cases, { threshold: 0.5 })).toHaveLength(1);
    expect(casesAtRiskOfNeglect(cases, { threshold: 0.51 })).toHaveLength(0);
    expect(casesAtRiskOfNeglect(cases, { threshold: 1 })).toHaveLength(0);
  });

  it('sorts the most neglected first, then red before amber before green, then by case id', () => {
    const result = casesAtRiskOfNeglect([
      check({ caseId: 'g-80', band: 'green', workingDaysSinceAttention: 16 }),
      check({ caseId: 'r-80', band: 'red', reviewTimescaleWorkingDays: 5, workingDaysSinceAttention: 4 }),
      check({
        caseId: 'a-150',
        band: 'amber',
        reviewTimescaleWorkingDays: 10,
        workingDaysSinceAttention: 15,
      }),
      check({ caseId: 'b-g-80', band: 'green', workingDaysSinceAttention: 16 }),
      check({ caseId: 'a-g-100', band: 'green', workingDaysSinceAttention: 20 }),
    ]);
    expect(result.map((c) => c.caseId)).toEqual(['a-150', 'a-g-100', 'r-80', 'b-g-80', 'g-80']);
  });

  it('explains at risk, due today and overdue in plain words', () => {
    const [overdue, dueToday, atRisk] = casesAtRiskOfNeglect([
      check({ caseId: 'risk', workingDaysSinceAttention: 16 }),
      check({ caseId: 'due', workingDaysSinceAttention: 20 }),
      check({ caseId: 'over', workingDaysSinceAttention: 23 }),
    ]);
    expect(atRisk?.reason).toBe(
      '80% of its review timescale of 20 working days has gone: no attention for 16 working days; review due within 4 working days.',
    );
    expect(dueToday?.reason).toBe(
      'Review due today: no attention for 20 working days, the whole of its review timescale of 20 working days.',
    );
    expect(overdue).toMatchObject({ overdue: true, workingDaysLeft: -3 });
    expect(overdue?.reason).toBe(
      'Review overdue by 3 working days: no attention for 23 working days, against a review timescale of 20 working days.',
    );
  });

  it('says when a case has had no attention since it was opened, and uses the singular', () => {
    const [c] = casesAtRiskOfNeglect([
      check({
        caseId: 'new',
        reviewTimescaleWorkingDays: 4,
        workingDaysSinceAttention: 3,
        attendedBefore: false,
      }),
    ]);
    expect(c?.reason).toBe(
      '75% of its review timescale of 4 working days has gone: no attention since it was opened 3 working days ago; review due within 1 working day.',
    );
  });

  it('never lists a case without a review timescale', () => {
    expect(
      casesAtRiskOfNeglect([
        check({ caseId: 'x', reviewTimescaleWorkingDays: null, workingDaysSinceAttention: 99 }),
      ]),
    ).toEqual([]);
    expect(neglectOf(check({ caseId: 'x', reviewTimescaleWorkingDays: null }))).toBeUndefined();
  });

  it('returns nothing for an empty caseload', () => {
    expect(casesAtRiskOfNeglect([])).toEqual([]);
  });

  it('refuses impossible figures', () => {
    expect(() => casesAtRiskOfNeglect([check({ caseId: 'x', workingDaysSinceAttention: -1 })])).toThrow(
      RangeError,
    );
    expect(() => casesAtRiskOfNeglect([check({ caseId: 'x', reviewTimescaleWorkingDays: 0 })])).toThrow(
      /must be above 0/,
    );
    expect(() =>
      casesAtRiskOfNeglect([check({ caseId: 'x', workingDaysSinceAttention: Number.NaN })]),
    ).toThrow(/finite/);
    expect(() => casesAtRiskOfNeglect([], { threshold: 0 })).toThrow(/threshold/);
    expect(() => casesAtRiskOfNeglect([check({ caseId: 'x' }), check({ caseId: 'x' })])).toThrow(
      /more than once/,
    );
  });

  it('property: a case stays at risk as more working days pass without attention', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 30 }),
        fc.constantFrom(...BANDS),
        (timescale, elapsed, more, band) => {
          const at = (days: number) =>
            casesAtRiskOfNeglect([
              { caseId: 'c', band, reviewTimescaleWorkingDays: timescale, workingDaysSinceAttention: days },
            ]);
          const before = at(elapsed);
          const after = at(elapsed + more);
          if (before.length === 1) expect(after).toHaveLength(1);
          expect(before.length === 1).toBe(elapsed / timescale >= 0.75);
        },
      ),
    );
  });
});
