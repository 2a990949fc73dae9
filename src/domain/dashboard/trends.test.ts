import { describe, expect, it } from 'vitest';
import { dayOfWeek } from '../time/calendar.ts';
import { mondayOf, openAtEndOf, type TrendCase, trendPeriods, weeklyTrends } from './trends.ts';

// Thursday 26 November 2026: the current week runs Mon 23 – Sun 29 November.
const today = '2026-11-26';

const c = (
  caseId: string,
  openedOn: string,
  closedOn: string | null = null,
  extra: Partial<TrendCase> = {},
) => ({
  caseId,
  openedOn,
  closedOn,
  positiveOutcome: false,
  weight: 1,
  ...extra,
});

describe('mondayOf', () => {
  it.each([
    ['2026-11-23', '2026-11-23'], // Monday
    ['2026-11-26', '2026-11-23'], // Thursday
    ['2026-11-29', '2026-11-23'], // Sunday belongs to the week before
    ['2026-11-30', '2026-11-30'],
    ['2027-01-01', '2026-12-28'], // across a year end
  ])('%s → %s', (date, monday) => {
    expect(mondayOf(date)).toBe(monday);
  });
});

describe('trendPeriods', () => {
  it('gives 26 weeks Monday to Sunday, oldest first, the current week last', () => {
    const weeks = trendPeriods(today);
    expect(weeks).toHaveLength(26);
    expect(weeks.at(-1)).toEqual({ weekStart: '2026-11-23', weekEnd: '2026-11-29' });
    expect(weeks[0]).toEqual({ weekStart: '2026-06-01', weekEnd: '2026-06-07' });
    for (const w of weeks) {
      expect(dayOfWeek(w.weekStart)).toBe(1);
      expect(dayOfWeek(w.weekEnd)).toBe(0);
    }
    for (let i = 1; i < weeks.length; i++) {
      expect((weeks[i]?.weekStart ?? '') > (weeks[i - 1]?.weekEnd ?? '')).toBe(true);
    }
  });

  it('refuses fewer than one week', () => {
    expect(() => trendPeriods(today, 0)).toThrow(RangeError);
  });
});

describe('openAtEndOf', () => {
  it('is open from its opening day until the day before it closed', () => {
    const k = c('a', '2026-11-02', '2026-11-10');
    expect(openAtEndOf(k, '2026-11-01')).toBe(false);
    expect(openAtEndOf(k, '2026-11-02')).toBe(true);
    expect(openAtEndOf(k, '2026-11-09')).toBe(true);
    expect(openAtEndOf(k, '2026-11-10')).toBe(false);
    expect(openAtEndOf(c('b', '2026-11-02'), '2030-01-01')).toBe(true);
  });
});

describe('weeklyTrends', () => {
  it('counts intake and closures in the week they happened, Monday and Sunday included', () => {
    const weeks = weeklyTrends({
      today,
      cases: [
        c('mon', '2026-11-16'),
        c('sun', '2026-11-22'),
        c('closed-this-week', '2026-11-02', '2026-11-23', { positiveOutcome: true }),
        c('closed-last-week', '2026-11-02', '2026-11-22'),
      ],
    });
    const last = weeks.at(-1);
    const before = weeks.at(-2);
    expect(before).toMatchObject({ weekStart: '2026-11-16', intake: 2, closures: 1, positiveOutcomes: 0 });
    expect(last).toMatchObject({ weekStart: '2026-11-23', intake: 0, closures: 1, positiveOutcomes: 1 });
    expect(weeks.at(-4)).toMatchObject({ weekStart: '2026-11-02', intake: 2 });
  });

  it('sums the weights of the cases open at the end of each week, today for the current week', () => {
    const weeks = weeklyTrends({
      today,
      cases: [
        c('long', '2026-01-05', null, { weight: 2.5 }),
        c('closed-wed', '2026-11-02', '2026-11-18', { weight: 1.25 }),
        c('opened-today', today, null, { weight: 3 }),
        c('opened-tomorrow', '2026-11-27', null, { weight: 100 }),
      ],
    });
    expect(weeks.at(-3)?.weightedLoad).toBe(3.75); // week of 9 Nov: long + closed-wed
    expect(weeks.at(-2)?.weightedLoad).toBe(2.5); // week of 16 Nov: closed-wed closed on the 18th
    expect(weeks.at(-1)?.weightedLoad).toBe(5.5); // up to today: long + opened-today, not tomorrow's
    expect(weeks[0]?.weightedLoad).toBe(2.5);
  });

  it('does not count a case opened and closed within one week in its load, but in intake and closures', () => {
    const weeks = weeklyTrends({ today, cases: [c('brief', '2026-11-16', '2026-11-19', { weight: 2 })] });
    expect(weeks.at(-2)).toMatchObject({ intake: 1, closures: 1, weightedLoad: 0 });
  });

  it('ignores events outside the 26 weeks', () => {
    const weeks = weeklyTrends({ today, cases: [c('old', '2025-01-06', '2025-02-03')] });
    expect(weeks.reduce((n, w) => n + w.intake + w.closures + w.weightedLoad, 0)).toBe(0);
  });

  it('rounds the load to two decimals', () => {
    const weeks = weeklyTrends({
      today,
      cases: [c('a', '2026-11-02', null, { weight: 0.1 }), c('b', '2026-11-02', null, { weight: 0.2 })],
    });
    expect(weeks.at(-1)?.weightedLoad).toBe(0.3);
  });

  it('marks the weeks each external factor overlaps', () => {
    const weeks = weeklyTrends({
      today,
      cases: [],
      factors: [
        { id: 'closure', startsOn: '2026-11-13', endsOn: '2026-11-17' },
        { id: 'one-day', startsOn: '2026-11-25', endsOn: null },
      ],
    });
    expect(weeks.at(-3)?.externalFactorIds).toEqual(['closure']);
    expect(weeks.at(-2)?.externalFactorIds).toEqual(['closure']);
    expect(weeks.at(-1)?.externalFactorIds).toEqual(['one-day']);
    expect(weeks.at(-4)?.externalFactorIds).toEqual([]);
  });

  it('refuses a negative or infinite weight', () => {
    expect(() => weeklyTrends({ today, cases: [c('a', today, null, { weight: -1 })] })).toThrow(RangeError);
    expect(() => weeklyTrends({ today, cases: [c('a', today, null, { weight: Infinity })] })).toThrow(
      RangeError,
    );
  });

  it('can be asked for another number of weeks', () => {
    expect(weeklyTrends({ today, cases: [], weeks: 4 })).toHaveLength(4);
  });
});
