import { describe, expect, it } from 'vitest';
import { suppressTable } from './small-number-suppression.ts';

const shown = (t: ReturnType<typeof suppressTable>) => t.cells.map((c) => (c.shown ? c.count : null));

/** Whether a hidden cell's count can be worked out from the total and the shown cells. */
function recoverable(counts: number[]): boolean {
  const t = suppressTable(counts);
  if (!t.total.shown) return false;
  const hidden = t.cells.filter((c) => !c.shown).length;
  const shownSum = t.cells.reduce((s, c) => (c.shown ? s + c.count : s), 0);
  return hidden === 1 || (hidden > 1 && t.total.count - shownSum < 5);
}

describe('small-number suppression', () => {
  it('shows a table with no small cells as it is', () => {
    const t = suppressTable([12, 5, 30]);
    expect(shown(t)).toEqual([12, 5, 30]);
    expect(t.total).toEqual({ shown: true, count: 47 });
    expect([t.primary, t.secondary]).toEqual([0, 0]);
  });

  it('hides every cell of fewer than 5, zeros included', () => {
    const t = suppressTable([3, 0, 20, 22]);
    expect(shown(t)[0]).toBeNull();
    expect(shown(t)[1]).toBeNull();
    expect(t.primary).toBe(2);
  });

  it('hides a second cell when one alone could be worked out from the total', () => {
    const t = suppressTable([12, 3, 20]);
    expect(shown(t)).toEqual([null, null, 20]);
    expect([t.primary, t.secondary]).toEqual([1, 1]);
    expect(t.total).toEqual({ shown: true, count: 35 });
  });

  it('hides more until the hidden cells hold at least 5 people together', () => {
    // 1 and 0 hidden would sum to 1 (total − shown): the smallest other cell joins them.
    const t = suppressTable([1, 0, 9, 40]);
    expect(shown(t)).toEqual([null, null, null, 40]);
    expect(t.secondary).toBe(1);
  });

  it('hides the total and every cell when fewer than 5 people are counted', () => {
    const t = suppressTable([2, 1, 0]);
    expect(t.total).toEqual({ shown: false });
    expect(shown(t)).toEqual([null, null, null]);
  });

  it('never leaves a hidden cell recoverable from the total (exhaustive over small tables)', () => {
    for (let a = 0; a <= 9; a++)
      for (let b = 0; b <= 9; b++)
        for (let c = 0; c <= 9; c++) {
          expect(recoverable([a, b, c]), `[${a}, ${b}, ${c}]`).toBe(false);
          const t = suppressTable([a, b, c]);
          for (const cell of t.cells) {
            if (cell.shown) expect(cell.count).toBeGreaterThanOrEqual(5);
          }
        }
  });
});
