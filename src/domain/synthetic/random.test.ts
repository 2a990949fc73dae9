import { describe, expect, it } from 'vitest';
import { Random } from './random.ts';

describe('Random', () => {
  it('repeats for the same seed and differs for another', () => {
    const a = new Random('x');
    const b = new Random('x');
    const c = new Random('y');
    const draws = (r: Random) => Array.from({ length: 20 }, () => r.float());
    const da = draws(a);
    expect(draws(b)).toEqual(da);
    expect(draws(c)).not.toEqual(da);
  });

  it('derives independent streams by label', () => {
    expect(Random.derive('s', 'a').float()).toBe(Random.derive('s', 'a').float());
    expect(Random.derive('s', 'a').float()).not.toBe(Random.derive('s', 'b').float());
  });

  it('draws integers inside their bounds, reaching both ends', () => {
    const r = new Random('ints');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = r.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('makes version-4 UUIDs', () => {
    const r = new Random('ids');
    const ids = Array.from({ length: 500 }, () => r.uuid());
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(500);
  });

  it('follows the weights', () => {
    const r = new Random('weights');
    let heavy = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        r.weighted([
          ['a', 9],
          ['b', 1],
        ] as const) === 'a'
      )
        heavy++;
    expect(heavy).toBeGreaterThan(8700);
    expect(heavy).toBeLessThan(9300);
  });

  it('gives a long tail only as often as asked', () => {
    const r = new Random('skew');
    const draws = Array.from({ length: 20_000 }, () => r.skewed(4, 13, 350, 0.01));
    const long = draws.filter((n) => n > 13);
    expect(long.length).toBeGreaterThan(120);
    expect(long.length).toBeLessThan(290);
    expect(Math.min(...draws)).toBe(4);
    expect(Math.max(...draws)).toBeLessThanOrEqual(350);
  });

  it('refuses to pick from nothing', () => {
    expect(() => new Random('e').pick([])).toThrow(RangeError);
  });
});
