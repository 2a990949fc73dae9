/**
 * The synthetic caseload's random source: Mulberry32 seeded through FNV-1a (the same small,
 * well-known generator the file-review sampler uses), with the draws a generator needs. Every value
 * the generator makes — ids included — comes from here, so one seed always gives the same data.
 * Not for secrets.
 */
import { fnv1a32, mulberry32 } from '../file-reviews/seeded-random.ts';

export class Random {
  private readonly next: () => number;

  constructor(seed: string) {
    this.next = mulberry32(fnv1a32(seed));
  }

  /** A child stream: the same parent seed and label give the same stream, whatever else was drawn. */
  static derive(seed: string, label: string): Random {
    return new Random(`${seed}/${label}`);
  }

  /** A number in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One of the items, each with its weight (weights need not sum to 1). */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return (items.at(-1) as readonly [T, number])[0];
  }

  /** A random version-4 UUID made from this stream (so ids repeat with the seed). */
  uuid(): string {
    const hex: string[] = [];
    for (let i = 0; i < 4; i++) hex.push(((this.next() * 2 ** 32) >>> 0).toString(16).padStart(8, '0'));
    const h = hex.join('');
    const variant = ((Number.parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /**
   * A skewed count: most draws between `min` and `typicalMax`, a share `longTail` of them between
   * `typicalMax` and `max` (the few long cases with hundreds of notes).
   */
  skewed(min: number, typicalMax: number, max: number, longTail: number): number {
    return this.chance(longTail) ? this.int(typicalMax + 1, max) : this.int(min, typicalMax);
  }
}
