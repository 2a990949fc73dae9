import { describe, expect, it } from 'vitest';
import { compareFigures, compareSnapshots, snapshotFigures } from './compare.ts';

const fig = (count: number, caseIds: string[] = []) => ({ count, caseIds });

/** A snapshot shaped like the dashboard's figures (abridged), with proposals. */
function snapshot(n: {
  open: number;
  red: number;
  stalled: number;
  compliance: number | null;
  debt?: number;
}) {
  return {
    version: 1,
    takenAt: '2026-11-26T09:00:00.000Z',
    dashboard: {
      scope: { kind: 'user', userId: 'u', teamIds: [] },
      today: '2026-11-26',
      generatedAt: '2026-11-26T09:00:00.000Z',
      settings: { stalledAfterDays: 10, keyDateWindowWorkingDays: 10 },
      open: {
        total: fig(n.open, ['a', 'b']),
        byBand: { red: fig(n.red), amber: fig(0), green: fig(n.open - n.red), notAssessed: fig(0) },
        byCaseType: [
          { caseTypeId: 't1', name: 'Welfare benefits', ...fig(n.open - (n.debt ?? 0)) },
          ...(n.debt === undefined ? [] : [{ caseTypeId: 't2', name: 'Debt', ...fig(n.debt) }]),
        ],
      },
      ageing: [{ key: '0-30', label: '0 to 30 days', fromDays: 0, toDays: 30, ...fig(n.open) }],
      stalled: fig(n.stalled),
      obstacles: {
        total: { ...fig(1), itemIds: ['o'] },
        byCategory: [{ category: 'awaiting-documents', ...fig(1), itemIds: ['o'] }],
      },
      closed: {
        last30Days: {
          ...fig(2),
          byOutcome: [
            { outcomeKey: 'resolved', label: 'Resolved', positive: true, ...fig(1) },
            { outcomeKey: null, label: 'Not recorded', positive: false, ...fig(1) },
          ],
        },
      },
      timescales: { measured: n.open, compliancePercent: n.compliance, breached: fig(1), within: fig(1) },
      capacity: {
        userId: 'u',
        load: 12.5,
        capacity: 10,
        percent: 125,
        rag: 'red',
        summary: 'Over capacity',
        caseIds: [],
        hiddenCases: 0,
      },
      trends: { weeks: [{ weekStart: '2026-11-23', intake: 3 }], notes: [] },
      externalFactors: [],
      cases: [{ id: 'a', reference: 'CL-2026-000001' }],
    },
    proposals: [
      { caseId: 'a', reasons: [{ kind: 'red' }, { kind: 'stalled' }] },
      { caseId: 'b', reasons: [{ kind: 'stalled' }] },
    ],
  };
}

describe('snapshotFigures', () => {
  it('reads every count and number, labelled, and nothing else', () => {
    const figures = snapshotFigures(snapshot({ open: 5, red: 1, stalled: 2, compliance: 80 }));
    expect(figures.map((f) => [f.key, f.label, f.value])).toEqual([
      ['open.total', 'Open and on-hold cases', 5],
      ['open.byBand.red', 'Red cases', 1],
      ['open.byBand.amber', 'Amber cases', 0],
      ['open.byBand.green', 'Green cases', 4],
      ['open.byBand.notAssessed', 'Cases not yet assessed', 0],
      ['open.byCaseType.t1', 'Cases of type: Welfare benefits', 5],
      ['ageing.0-30', 'Cases open for: 0 to 30 days', 5],
      ['stalled', 'Stalled cases', 2],
      ['obstacles.total', 'Open obstacles', 1],
      ['obstacles.byCategory.awaiting-documents', 'Open obstacles: awaiting-documents', 1],
      ['closed.last30Days', 'Cases closed in the last 30 days', 2],
      ['closed.last30Days.byOutcome.resolved', 'Closed in the last 30 days: Resolved', 1],
      ['closed.last30Days.byOutcome.none', 'Closed in the last 30 days: Not recorded', 1],
      ['timescales.measured', 'Cases measured against a timescale', 5],
      ['timescales.compliancePercent', 'Timescale compliance (%)', 80],
      ['timescales.breached', 'Cases over a timescale', 1],
      ['timescales.within', 'Cases within their timescales', 1],
      ['capacity.load', 'Weighted load (points)', 12.5],
      ['capacity.capacity', 'Capacity (points)', 10],
      ['capacity.percent', 'Load as a share of capacity (%)', 125],
      ['proposals.total', 'Cases proposed for discussion', 2],
      ['proposals.red', 'Proposed: red priority', 1],
      ['proposals.over-timescale', 'Proposed: over timescale', 0],
      ['proposals.neglected', 'Proposed: at risk of neglect', 0],
      ['proposals.stalled', 'Proposed: stalled', 2],
      ['proposals.over-capacity', 'Proposed: over capacity: candidate for reallocation', 0],
    ]);
  });

  it('keeps a figure with no value as null', () => {
    const figures = snapshotFigures(snapshot({ open: 0, red: 0, stalled: 0, compliance: null }));
    expect(figures.find((f) => f.key === 'timescales.compliancePercent')?.value).toBeNull();
  });

  it('labels an unknown figure from its path', () => {
    expect(snapshotFigures({ dashboard: { goalsAchieved: { lastYear: { count: 4 } } } })).toEqual([
      { key: 'goalsAchieved.lastYear', label: 'Goals achieved last year', value: 4 },
    ]);
  });

  it('reads nothing from something that is not a snapshot', () => {
    expect(snapshotFigures(null)).toEqual([]);
    expect(snapshotFigures('snapshot')).toEqual([]);
    expect(snapshotFigures({ dashboard: { stalled: { count: 'many' } } })).toEqual([]);
  });
});

describe('compareFigures', () => {
  it('gives before, after and the change in words', () => {
    expect(
      compareFigures(
        [
          { key: 'a', label: 'A', value: 3 },
          { key: 'b', label: 'B', value: 1 },
          { key: 'c', label: 'C', value: 2.25 },
        ],
        [
          { key: 'a', label: 'A', value: 1 },
          { key: 'b', label: 'B', value: 1 },
          { key: 'c', label: 'C', value: 2.5 },
        ],
      ),
    ).toEqual([
      { key: 'a', label: 'A', before: 3, after: 1, change: -2, words: 'down 2' },
      { key: 'b', label: 'B', before: 1, after: 1, change: 0, words: 'no change' },
      { key: 'c', label: 'C', before: 2.25, after: 2.5, change: 0.25, words: 'up 0.25' },
    ]);
  });

  it('keeps figures found in only one snapshot, the earlier one’s last', () => {
    expect(
      compareFigures(
        [
          { key: 'gone', label: 'Gone', value: 2 },
          { key: 'both', label: 'Both', value: null },
        ],
        [
          { key: 'both', label: 'Both', value: 70 },
          { key: 'new', label: 'New', value: 1 },
        ],
      ),
    ).toEqual([
      { key: 'both', label: 'Both', before: null, after: 70, change: null, words: 'new' },
      { key: 'new', label: 'New', before: null, after: 1, change: null, words: 'new' },
      { key: 'gone', label: 'Gone', before: 2, after: null, change: null, words: 'no longer counted' },
    ]);
  });

  it('says "no value" when neither snapshot has one', () => {
    expect(
      compareFigures([{ key: 'x', label: 'X', value: null }], [{ key: 'x', label: 'X', value: null }])[0]
        ?.words,
    ).toBe('no value');
  });
});

describe('compareSnapshots', () => {
  it('compares two reviews’ snapshots figure by figure', () => {
    const rows = compareSnapshots(
      snapshot({ open: 5, red: 2, stalled: 3, compliance: 60 }),
      snapshot({ open: 6, red: 1, stalled: 1, compliance: 75, debt: 1 }),
    );
    const of = (key: string) => rows.find((r) => r.key === key);
    expect(of('open.total')).toMatchObject({ before: 5, after: 6, change: 1, words: 'up 1' });
    expect(of('open.byBand.red')).toMatchObject({ before: 2, after: 1, change: -1, words: 'down 1' });
    expect(of('stalled')).toMatchObject({ before: 3, after: 1, change: -2 });
    expect(of('timescales.compliancePercent')).toMatchObject({ before: 60, after: 75, change: 15 });
    expect(of('open.byCaseType.t2')).toMatchObject({ label: 'Cases of type: Debt', before: null, after: 1 });
    expect(of('proposals.stalled')).toMatchObject({ before: 2, after: 2, words: 'no change' });
  });
});
