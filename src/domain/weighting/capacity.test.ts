import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CAPACITY_RAG_WORDS,
  type CapacityRag,
  capacityOf,
  capacityStatus,
  DEFAULT_CAPACITY_THRESHOLDS,
} from './capacity.ts';

describe('capacityOf', () => {
  it('is points per FTE × FTE, to two decimals', () => {
    expect(capacityOf(100, 1)).toBe(100);
    expect(capacityOf(100, 0.6)).toBe(60);
    expect(capacityOf(80, 0.05)).toBe(4);
    expect(capacityOf(33.33, 0.33)).toBe(11);
    expect(capacityOf(0, 1)).toBe(0);
  });

  it('refuses negative or non-finite points and an FTE outside (0, 1]', () => {
    expect(() => capacityOf(-1, 1)).toThrow('capacity points must be 0 or more; got -1.');
    expect(() => capacityOf(Number.NaN, 1)).toThrow(RangeError);
    expect(() => capacityOf(Number.POSITIVE_INFINITY, 1)).toThrow(RangeError);
    expect(() => capacityOf(100, 0)).toThrow('fte must be in (0, 1]; got 0.');
    expect(() => capacityOf(100, 1.01)).toThrow(RangeError);
    expect(() => capacityOf(100, -0.5)).toThrow(RangeError);
    expect(() => capacityOf(100, Number.NaN)).toThrow(RangeError);
  });
});

describe('capacityStatus: the RAG at its boundaries', () => {
  const rag = (load: number, capacity = 100) => capacityStatus(load, capacity).rag;

  it('is blue below 70%, green from exactly 70%', () => {
    expect(rag(0)).toBe('blue');
    expect(rag(69.99)).toBe('blue');
    expect(rag(70)).toBe('green');
  });

  it('is green below 90%, amber from exactly 90% up to and including 100%', () => {
    expect(rag(89.99)).toBe('green');
    expect(rag(90)).toBe('amber');
    expect(rag(100)).toBe('amber');
  });

  it('is red above 100%', () => {
    expect(rag(100.01)).toBe('red');
    expect(rag(250)).toBe('red');
  });

  it('meets the boundaries exactly where floating point would miss them', () => {
    // 8.1 / 9 is 0.8999… and 0.09 / 0.1 too: both are exactly 90%.
    expect(capacityStatus(8.1, 9).rag).toBe('amber');
    expect(capacityStatus(0.09, 0.1).rag).toBe('amber');
    expect(capacityStatus(6.3, 9).rag).toBe('green');
    expect(capacityStatus(2.1, 3).rag).toBe('green');
    expect(capacityStatus(9, 9).rag).toBe('amber');
    expect(capacityStatus(9.01, 9).rag).toBe('red');
  });

  it('with no capacity: red with any load, green (within capacity) with none', () => {
    const loaded = capacityStatus(4, 0);
    expect(loaded).toEqual({
      load: 4,
      capacity: 0,
      share: Number.POSITIVE_INFINITY,
      rag: 'red',
      summary: 'Over capacity: 4 of 0 points (no capacity set).',
    });
    expect(capacityStatus(0, 0)).toEqual({
      load: 0,
      capacity: 0,
      share: 0,
      rag: 'green',
      summary: 'Within capacity: 0 of 0 points (no capacity set).',
    });
  });

  it('follows thresholds of the caller’s choosing', () => {
    const t = { underUsedBelow: 0.5, nearFrom: 0.8, overAbove: 1.1 };
    expect(capacityStatus(49, 100, t).rag).toBe('blue');
    expect(capacityStatus(50, 100, t).rag).toBe('green');
    expect(capacityStatus(80, 100, t).rag).toBe('amber');
    expect(capacityStatus(110, 100, t).rag).toBe('amber');
    expect(capacityStatus(110.01, 100, t).rag).toBe('red');
    expect(capacityStatus(110.01, 100, t).summary).toBe(
      'Over capacity: 110.01 of 100 points (just over 110%).',
    );
  });
});

describe('capacityStatus: the summary in words', () => {
  it('says the RAG in words, the load, the capacity and the share', () => {
    expect(capacityStatus(112, 100).summary).toBe('Over capacity: 112 of 100 points (112%).');
    expect(capacityStatus(95, 100).summary).toBe('Near capacity: 95 of 100 points (95%).');
    expect(capacityStatus(75.5, 100).summary).toBe('Within capacity: 75.5 of 100 points (76%).');
    expect(capacityStatus(12.25, 60).summary).toBe('Under-used: 12.25 of 60 points (20%).');
  });

  it('never says a percentage that contradicts the RAG', () => {
    expect(capacityStatus(100.4, 100).summary).toBe('Over capacity: 100.4 of 100 points (just over 100%).');
    expect(capacityStatus(89.6, 100).summary).toBe('Within capacity: 89.6 of 100 points (just under 90%).');
    expect(capacityStatus(69.5, 100).summary).toBe('Under-used: 69.5 of 100 points (just under 70%).');
    expect(capacityStatus(90, 100).summary).toBe('Near capacity: 90 of 100 points (90%).');
    expect(capacityStatus(70, 100).summary).toBe('Within capacity: 70 of 100 points (70%).');
    expect(capacityStatus(100.5, 100).summary).toBe('Over capacity: 100.5 of 100 points (101%).');
  });

  it('rounds load and capacity to two decimals and gives share as load ÷ capacity', () => {
    const s = capacityStatus(10.004, 40.005);
    expect(s.load).toBe(10);
    expect(s.capacity).toBe(40.01);
    expect(s.share).toBeCloseTo(10 / 40.01, 10);
  });

  it('has words for every RAG', () => {
    expect(Object.keys(CAPACITY_RAG_WORDS).sort()).toEqual(['amber', 'blue', 'green', 'red']);
  });
});

describe('capacityStatus: refusals', () => {
  it('refuses a negative or non-finite load or capacity', () => {
    expect(() => capacityStatus(-1, 100)).toThrow('load must be 0 or more; got -1.');
    expect(() => capacityStatus(1, -100)).toThrow('capacity must be 0 or more; got -100.');
    expect(() => capacityStatus(Number.NaN, 100)).toThrow(RangeError);
    expect(() => capacityStatus(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('refuses thresholds out of order or not numbers', () => {
    const bad = [
      { underUsedBelow: 0.9, nearFrom: 0.7, overAbove: 1 },
      { underUsedBelow: 0.7, nearFrom: 1.1, overAbove: 1 },
      { underUsedBelow: -0.1, nearFrom: 0.9, overAbove: 1 },
      { underUsedBelow: Number.NaN, nearFrom: 0.9, overAbove: 1 },
    ];
    for (const t of bad) expect(() => capacityStatus(50, 100, t)).toThrow(/thresholds must be ordered/);
  });
});

describe('properties of the capacity RAG', () => {
  const RANK: Record<CapacityRag, number> = { blue: 0, green: 1, amber: 2, red: 3 };
  const points = fc.integer({ min: 0, max: 200_000 }).map((n) => n / 100);
  const capacity = fc.integer({ min: 1, max: 100_000 }).map((n) => n / 100);

  it('agrees with exact arithmetic in hundredths at every load and capacity', () => {
    fc.assert(
      fc.property(points, capacity, (load, cap) => {
        const L = Math.round(load * 100);
        const C = Math.round(cap * 100);
        // load/cap compared with 70, 90 and 100 percent in whole numbers.
        const expected: CapacityRag =
          L * 100 > C * 100 ? 'red' : L * 100 >= C * 90 ? 'amber' : L * 100 >= C * 70 ? 'green' : 'blue';
        expect(capacityStatus(load, cap).rag).toBe(expected);
      }),
    );
  });

  it('is amber exactly at 90% and green exactly at 70% of any capacity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (tenths) => {
        // Capacities in whole tenths make 70% and 90% of them exact in hundredths.
        const cap = tenths / 10;
        expect(capacityStatus((tenths * 9) / 100, cap).rag).toBe('amber');
        expect(capacityStatus((tenths * 7) / 100, cap).rag).toBe('green');
        expect(capacityStatus(cap, cap).rag).toBe('amber');
      }),
    );
  });

  it('never goes down a step as the load grows, or up a step as the capacity grows', () => {
    fc.assert(
      fc.property(points, points, capacity, (a, b, cap) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(RANK[capacityStatus(low, cap).rag]).toBeLessThanOrEqual(RANK[capacityStatus(high, cap).rag]);
        expect(RANK[capacityStatus(low, cap + 1).rag]).toBeLessThanOrEqual(
          RANK[capacityStatus(low, cap).rag],
        );
      }),
    );
  });

  it('always says the RAG in words first', () => {
    fc.assert(
      fc.property(points, fc.oneof(capacity, fc.constant(0)), (load, cap) => {
        const s = capacityStatus(load, cap);
        expect(s.summary.toLowerCase().startsWith(CAPACITY_RAG_WORDS[s.rag])).toBe(true);
      }),
    );
  });

  it('uses the default thresholds of 70%, 90% and 100%', () => {
    expect(DEFAULT_CAPACITY_THRESHOLDS).toEqual({ underUsedBelow: 0.7, nearFrom: 0.9, overAbove: 1 });
  });
});
