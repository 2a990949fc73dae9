import { describe, expect, it } from 'vitest';
import { caseIdsOfSnapshot, redactSnapshot } from './redact.ts';

const snapshot = {
  dashboard: {
    stalled: { count: 2, caseIds: ['a', 'b'] },
    obstacles: { byCategory: [{ category: 'other', count: 1, caseIds: ['c'], itemIds: ['o1'] }] },
    cases: [
      { id: 'a', reference: 'CL-1' },
      { id: 'b', reference: 'CL-2' },
      { id: 'c', reference: 'CL-3' },
    ],
  },
  proposals: [
    { caseId: 'b', reference: 'CL-2', reasons: [{ kind: 'red', reason: 'Red priority band.' }] },
    { caseId: 'd', reference: 'CL-4', reasons: [] },
  ],
};

describe('caseIdsOfSnapshot', () => {
  it('finds every case the snapshot names, once, and no record ids', () => {
    expect(caseIdsOfSnapshot(snapshot).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(caseIdsOfSnapshot(null)).toEqual([]);
  });
});

describe('redactSnapshot', () => {
  it('leaves out the cases the reader may not view, keeping every count', () => {
    const seen = redactSnapshot(snapshot, new Set(['a', 'c']));
    expect(seen.dashboard.stalled).toEqual({ count: 2, caseIds: ['a'] });
    expect(seen.dashboard.obstacles.byCategory[0]).toEqual({
      category: 'other',
      count: 1,
      caseIds: ['c'],
      itemIds: ['o1'],
    });
    expect(seen.dashboard.cases.map((c) => c.reference)).toEqual(['CL-1', 'CL-3']);
    expect(seen.proposals).toEqual([]);
  });

  it('keeps everything for a reader who may see every case, and never changes the original', () => {
    const all = new Set(['a', 'b', 'c', 'd']);
    expect(redactSnapshot(snapshot, all)).toEqual(snapshot);
    redactSnapshot(snapshot, new Set());
    expect(snapshot.dashboard.stalled.caseIds).toEqual(['a', 'b']);
  });
});
