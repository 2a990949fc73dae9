import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BANDS, bandRank } from './levels.ts';
import {
  compareWorklistRows,
  nextDateOf,
  orderWorklist,
  WORKLIST_ORDER_KEYS,
  type WorklistOrderFacts,
  worklistDecidingKey,
} from './worklist-order.ts';

const row = (reference: string, facts: Partial<WorklistOrderFacts> = {}): WorklistOrderFacts => ({
  reference,
  band: 'green',
  score: 0,
  nearestKeyDate: null,
  overdueAction: null,
  lastAttentionAt: null,
  ...facts,
});
const refs = (rows: readonly { row: WorklistOrderFacts }[]) => rows.map((p) => p.row.reference);

describe('next date', () => {
  it('is the earlier of the nearest key date and the earliest overdue action', () => {
    const keyDate = { date: '2026-12-01', label: 'hearing' };
    const action = { due: '2026-11-20', label: 'send the form' };
    expect(nextDateOf(row('a', { nearestKeyDate: keyDate, overdueAction: action }))).toEqual({
      date: '2026-11-20',
      what: 'overdue action: send the form',
    });
    expect(
      nextDateOf(row('a', { nearestKeyDate: keyDate, overdueAction: { ...action, due: '2026-12-01' } })),
    ).toEqual({
      date: '2026-12-01',
      what: 'hearing',
    });
    expect(nextDateOf(row('a', { nearestKeyDate: { date: '2026-12-01', label: '' } }))?.what).toBe(
      'key date',
    );
    expect(nextDateOf(row('a'))).toBeNull();
  });
});

describe('orderWorklist', () => {
  it('orders by band, next date, score, longest since attention, then reference, explaining each position', () => {
    const rows = [
      row('CL-9', { band: 'green', score: 90 }),
      row('CL-8', { band: 'amber', nearestKeyDate: { date: '2026-12-08', label: 'hearing' }, score: 40 }),
      row('CL-7', { band: 'amber', nearestKeyDate: { date: '2026-12-08', label: 'hearing' }, score: 55 }),
      row('CL-6', { band: 'amber', overdueAction: { due: '2026-11-30', label: 'call the council' } }),
      row('CL-5', { band: 'red', score: 60, lastAttentionAt: new Date('2026-11-20T10:00:00Z') }),
      row('CL-4', { band: 'red', score: 60, lastAttentionAt: new Date('2026-11-02T10:00:00Z') }),
      row('CL-3', { band: 'red', score: 60, lastAttentionAt: null }),
      row('CL-2', { band: 'red', score: 60, lastAttentionAt: new Date('2026-11-20T10:00:00Z') }),
      row('CL-1', { band: 'amber' }),
    ];
    const ordered = orderWorklist(rows, { today: '2026-11-26' });
    expect(refs(ordered)).toEqual(['CL-3', 'CL-4', 'CL-2', 'CL-5', 'CL-6', 'CL-7', 'CL-8', 'CL-1', 'CL-9']);
    expect(ordered.map((p) => [p.position, p.decidedBy])).toEqual([
      [1, null],
      [2, 'last-attention'],
      [3, 'last-attention'],
      [4, 'reference'],
      [5, 'band'],
      [6, 'next-date'],
      [7, 'score'],
      [8, 'next-date'],
      [9, 'band'],
    ]);
    expect(ordered.map((p) => p.explanation)).toEqual([
      'Top of the worklist: red, score 60.',
      'After CL-3 (same band, next date and score): CL-3 has never had attention.',
      'After CL-4 (same band, next date and score): it had attention more recently.',
      'After CL-2 (same band, next date, score and last attention): ordered by case reference.',
      'After CL-5: amber comes after red.',
      'After CL-6 (same band): its next date, Tue 8 Dec (hearing), comes after Mon 30 Nov (overdue action: call the council).',
      'After CL-7 (same band and next date): lower score, 40 against 55.',
      'After CL-8 (same band): it has no pending key date or overdue action.',
      'After CL-1: green comes after amber.',
    ]);
  });

  it('describes the top row’s next date, with the year when not the current one', () => {
    const top = row('CL-1', {
      band: 'red',
      score: 75,
      nearestKeyDate: { date: '2027-01-04', label: 'tribunal hearing' },
    });
    expect(orderWorklist([top], { today: '2026-11-26' })[0]?.explanation).toBe(
      'Top of the worklist: red, next date Mon 4 Jan 2027 (tribunal hearing), score 75.',
    );
    expect(orderWorklist([top])[0]?.explanation).toContain('Mon 4 Jan 2027');
    expect(orderWorklist([])).toEqual([]);
  });

  it('does not change the rows it is given and keeps extra fields', () => {
    const rows = [row('b', { band: 'red' }), { ...row('a'), clientName: 'A. Client' }];
    const copy = structuredClone(rows);
    const ordered = orderWorklist(rows);
    expect(rows).toEqual(copy);
    expect(ordered[1]?.row).toBe(rows[1]);
  });
});

const DAYS = ['2026-11-20', '2026-11-30', '2026-12-01', '2027-01-04'];
const INSTANTS = ['2026-10-01T09:00:00Z', '2026-11-20T10:00:00Z', '2026-11-20T10:00:01Z'].map(
  (s) => new Date(s),
);
/** Few distinct values, so rows often tie on the first keys and later keys must decide. */
const rowArb: fc.Arbitrary<WorklistOrderFacts> = fc.record({
  reference: fc.integer({ min: 1, max: 999_999 }).map((n) => `CL-2026-${String(n).padStart(6, '0')}`),
  band: fc.constantFrom(...BANDS),
  score: fc.constantFrom(0, 25, 50, 62.5, 75),
  nearestKeyDate: fc.option(
    fc.record({ date: fc.constantFrom(...DAYS), label: fc.constantFrom('hearing', '') }),
    {
      nil: null,
    },
  ),
  overdueAction: fc.option(fc.record({ due: fc.constantFrom(...DAYS), label: fc.constant('call back') }), {
    nil: null,
  }),
  lastAttentionAt: fc.option(fc.constantFrom(...INSTANTS), { nil: null }),
});
const rowsArb = fc.uniqueArray(rowArb, { selector: (r) => r.reference, maxLength: 25 });

/** The spec, written independently: a tuple compared left to right. */
const specKey = (r: WorklistOrderFacts): (number | string)[] => [
  -bandRank(r.band),
  [r.nearestKeyDate?.date, r.overdueAction?.due].filter((d) => d !== undefined).sort()[0] ?? '\uffff',
  -r.score,
  r.lastAttentionAt?.getTime() ?? Number.NEGATIVE_INFINITY,
  r.reference,
];
const compareSpec = (a: WorklistOrderFacts, b: WorklistOrderFacts): number => {
  const [ka, kb] = [specKey(a), specKey(b)];
  for (let i = 0; i < ka.length; i++) {
    const [x, y] = [ka[i] as number | string, kb[i] as number | string];
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
};

describe('worklist order: properties', () => {
  it('is a total order: antisymmetric, transitive, and ties only a row with itself', () => {
    fc.assert(
      fc.property(rowArb, rowArb, rowArb, (a, b, c) => {
        expect(Math.sign(compareWorklistRows(a, b))).toBe(-Math.sign(compareWorklistRows(b, a)) || 0);
        expect(compareWorklistRows(a, a)).toBe(0);
        if (a.reference !== b.reference) expect(compareWorklistRows(a, b)).not.toBe(0);
        if (compareWorklistRows(a, b) <= 0 && compareWorklistRows(b, c) <= 0) {
          expect(compareWorklistRows(a, c)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });

  it('agrees with the spec written as a tuple of keys', () => {
    fc.assert(
      fc.property(rowArb, rowArb, (a, b) => {
        expect(Math.sign(compareWorklistRows(a, b))).toBe(compareSpec(a, b));
      }),
    );
  });

  it('gives the same order whatever order the rows come in', () => {
    fc.assert(
      fc.property(
        rowsArb.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        ([rows, shuffled]) => {
          const ordered = refs(orderWorklist(rows));
          expect(refs(orderWorklist(shuffled))).toEqual(ordered);
          expect(ordered).toEqual([...rows].sort(compareSpec).map((r) => r.reference));
        },
      ),
    );
  });

  it('explains every position by the first key on which it differs from the row above', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const ordered = orderWorklist(rows);
        ordered.forEach((p, i) => {
          expect(p.position).toBe(i + 1);
          const above = ordered[i - 1]?.row;
          if (!above) {
            expect(p.decidedBy).toBeNull();
            expect(p.explanation).toMatch(/^Top of the worklist: /);
            return;
          }
          const key = p.decidedBy;
          expect(key).toBe(worklistDecidingKey(above, p.row));
          const k = WORKLIST_ORDER_KEYS.indexOf(key ?? 'reference');
          expect(specKey(above).slice(0, k)).toEqual(specKey(p.row).slice(0, k));
          expect((specKey(above)[k] as number | string) < (specKey(p.row)[k] as number | string)).toBe(true);
          expect(p.explanation.startsWith(`After ${above.reference}`)).toBe(true);
        });
      }),
    );
  });

  it('puts nothing above a red row but red rows', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const bands = orderWorklist(rows).map((p) => bandRank(p.row.band));
        expect(bands).toEqual([...bands].sort((x, y) => y - x));
      }),
    );
  });
});
