import { describe, expect, it } from 'vitest';
import { compareBands } from '../priority/levels.ts';
import {
  byPriorityRank,
  byWorklistOrder,
  compareCaseIds,
  type OrderableCase,
  orderCases,
} from './forecast-order.ts';

const c = (caseId: string, overrides: Partial<OrderableCase> = {}): OrderableCase => ({
  caseId,
  band: 'amber',
  deadlineWorkingDays: 10,
  ...overrides,
});

describe('worklist order', () => {
  it('orders bands red, amber, green', () => {
    expect((['green', 'red', 'amber'] as const).slice().sort(compareBands)).toEqual([
      'red',
      'amber',
      'green',
    ]);
  });

  it('orders by band, then nearest deadline, then higher score (unscored last), then case id', () => {
    const cases = [
      c('unscored'),
      c('low', { score: 1 }),
      c('high', { score: 8 }),
      c('soon', { deadlineWorkingDays: 1 }),
      c('green', { band: 'green', deadlineWorkingDays: -5 }),
      c('red', { band: 'red', deadlineWorkingDays: 50 }),
      c('b-tie', { score: 1 }),
    ];
    expect(orderCases(cases).map((x) => x.caseId)).toEqual([
      'red',
      'soon',
      'high',
      'b-tie',
      'low',
      'unscored',
      'green',
    ]);
    expect(byWorklistOrder(c('a'), c('a'))).toBe(0);
  });

  it('orders by explicit rank first, ranked before unranked, then by worklist order', () => {
    const cases = [
      c('unranked-red', { band: 'red' }),
      c('second', { priorityRank: 2 }),
      c('first', { priorityRank: 0.5 }),
      c('unranked'),
    ];
    expect(orderCases(cases, byPriorityRank).map((x) => x.caseId)).toEqual([
      'first',
      'second',
      'unranked-red',
      'unranked',
    ]);
  });

  it('falls back on case id when a comparator calls cases equal, and never changes its input', () => {
    const cases = [c('b'), c('a'), c('c')];
    expect(orderCases(cases, () => 0).map((x) => x.caseId)).toEqual(['a', 'b', 'c']);
    expect(cases.map((x) => x.caseId)).toEqual(['b', 'a', 'c']);
  });

  it('compares case ids by code unit, not locale', () => {
    expect(compareCaseIds('B', 'a')).toBeLessThan(0);
    expect(compareCaseIds('a', 'a')).toBe(0);
  });
});
