import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a32, mulberry32, sampleSeed, seededShuffle } from './seeded-random.ts';

describe('FNV-1a (32 bits)', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('hashes %j to the published value', (text, hash) => {
    expect(fnv1a32(text)).toBe(hash);
  });
});

describe('Mulberry32', () => {
  it('gives the same sequence for the same seed, in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
  });

  it('starts from the reference values for seed 0', () => {
    // Mulberry32's first outputs from seed 0 are 1144304738 and 1416247 (÷ 2^32).
    const next = mulberry32(0);
    expect(next()).toBe(1144304738 / 4294967296);
    expect(next()).toBe(1416247 / 4294967296);
  });

  it('matches the published reference implementation for any seed', () => {
    // bryc's reference code, as published (it lets `a` grow past 32 bits; Math.imul wraps it).
    function reference(a: number) {
      return () => {
        a += 0x6d2b79f5;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const mine = mulberry32(seed);
        const theirs = reference(seed);
        for (let i = 0; i < 20; i++) expect(mine()).toBe(theirs());
      }),
    );
  });

  it('differs between seeds', () => {
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
  });
});

describe('a seeded shuffle', () => {
  it('is a permutation, repeatable for the same seed, and leaves its input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 40 }), fc.string(), (items, seed) => {
        const before = [...items];
        const once = seededShuffle(items, seed);
        expect(items).toEqual(before);
        expect(seededShuffle(items, seed)).toEqual(once);
        expect([...once].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }),
    );
  });

  it('orders ten cases differently for different practitioners', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `case-${i}`);
    const a = seededShuffle(ids, sampleSeed('org', '2026-Q4', 'ari'));
    const b = seededShuffle(ids, sampleSeed('org', '2026-Q4', 'bo'));
    expect(a).not.toEqual(b);
  });

  it('names organisation, period and practitioner in the seed', () => {
    expect(sampleSeed('org-1', '2026-Q4', 'user-9')).toBe('org-1|2026-Q4|user-9');
  });
});
