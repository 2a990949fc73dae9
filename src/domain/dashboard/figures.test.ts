import { describe, expect, it } from 'vitest';
import { caseFigure, groupRecords, recordFigure, uniqueIds } from './figures.ts';

describe('figures', () => {
  it('names each case once, in the order first met', () => {
    expect(uniqueIds(['b', 'a', 'b'])).toEqual(['b', 'a']);
    expect(caseFigure(['b', 'a', 'b'])).toEqual({ count: 2, caseIds: ['b', 'a'] });
    expect(caseFigure([])).toEqual({ count: 0, caseIds: [] });
  });

  it('counts records, not cases, in a record figure', () => {
    expect(
      recordFigure([
        { id: 'x', caseId: 'a' },
        { id: 'y', caseId: 'a' },
        { id: 'z', caseId: 'b' },
      ]),
    ).toEqual({ count: 3, caseIds: ['a', 'b'], itemIds: ['x', 'y', 'z'] });
  });

  it('groups records in the order of the keys given, then others as met', () => {
    const groups = groupRecords(
      [
        { id: '1', caseId: 'a', k: 'other' },
        { id: '2', caseId: 'b', k: 'second' },
        { id: '3', caseId: 'c', k: 'first' },
        { id: '4', caseId: 'c', k: 'first' },
      ],
      (r) => r.k,
      ['first', 'second', 'empty'],
    );
    expect(groups.map((g) => [g.key, g.figure.count, g.figure.caseIds])).toEqual([
      ['first', 2, ['c']],
      ['second', 1, ['b']],
      ['other', 1, ['a']],
    ]);
  });

  it('keeps empty groups when asked', () => {
    expect(groupRecords([], (r: { id: string; caseId: string }) => r.id, ['a', 'b'], true)).toEqual([
      { key: 'a', figure: { count: 0, caseIds: [], itemIds: [] } },
      { key: 'b', figure: { count: 0, caseIds: [], itemIds: [] } },
    ]);
  });
});
