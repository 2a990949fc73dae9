/**
 * A small, well-known, deterministic pseudo-random generator, so that a file-review sample is the
 * same every time it is drawn from the same facts (and a test can predict it): the seed string is
 * hashed with 32-bit FNV-1a, which seeds Mulberry32 (Tommy Ettinger's 32-bit generator). This is
 * for fair, repeatable sampling, not for secrets.
 */

/**
 * The 32-bit FNV-1a hash of a string's UTF-16 code units.
 * @example fnv1a32('') // 2166136261 (the offset basis)
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Mulberry32: a generator of numbers in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A Fisher–Yates shuffle of `items` driven by the seed string; the input is not changed. The same
 * seed and the same input order give the same order every time.
 */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const next = mulberry32(fnv1a32(seed));
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/** The seed of one practitioner's sample in one period of one organisation. */
export const sampleSeed = (orgId: string, period: string, practitionerId: string): string =>
  `${orgId}|${period}|${practitionerId}`;
