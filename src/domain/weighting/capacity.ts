/**
 * Capacity in weighted points and the capacity RAG. A practitioner's capacity is their points per
 * full-time equivalent × their FTE (0.6 FTE of 100 points = 60); their load is the sum of the
 * weights of their open and on-hold cases. The RAG reads load ÷ capacity:
 *
 *   blue   under-used      below 70%
 *   green  within capacity 70% up to 90%
 *   amber  near capacity   from 90% up to and including 100%
 *   red    over capacity   above 100%
 *
 * Someone with no capacity (0 points, or not taking cases) is red with any load and green with none.
 */
import { roundWeight } from './case-weight.ts';

export type CapacityRag = 'blue' | 'green' | 'amber' | 'red';

export interface CapacityThresholds {
  /** Below this share of capacity the caseload is under-used (blue). */
  readonly underUsedBelow: number;
  /** From this share the caseload is near capacity (amber). */
  readonly nearFrom: number;
  /** Above this share it is over capacity (red). */
  readonly overAbove: number;
}

export const DEFAULT_CAPACITY_THRESHOLDS: CapacityThresholds = {
  underUsedBelow: 0.7,
  nearFrom: 0.9,
  overAbove: 1,
};

export const CAPACITY_RAG_WORDS: Record<CapacityRag, string> = {
  blue: 'under-used',
  green: 'within capacity',
  amber: 'near capacity',
  red: 'over capacity',
};

/**
 * Points of capacity for a person: points per FTE × FTE, two decimals.
 * @throws RangeError when points are negative or FTE is not in (0, 1].
 */
export function capacityOf(pointsPerFte: number, fte: number): number {
  if (!Number.isFinite(pointsPerFte) || pointsPerFte < 0) {
    throw new RangeError(`capacity points must be 0 or more; got ${pointsPerFte}.`);
  }
  if (!Number.isFinite(fte) || fte <= 0 || fte > 1)
    throw new RangeError(`fte must be in (0, 1]; got ${fte}.`);
  return roundWeight(pointsPerFte * fte);
}

export interface CapacityStatus {
  readonly load: number;
  readonly capacity: number;
  /** load ÷ capacity; Infinity when capacity is 0 and there is load, 0 when both are 0. */
  readonly share: number;
  readonly rag: CapacityRag;
  /** e.g. "Over capacity: 112 of 100 points (112%)." */
  readonly summary: string;
}

/** Hundredths of a point, as a whole number: loads and capacities have two decimals. */
const hundredths = (n: number): number => Math.round(Number((n * 100).toPrecision(12)));
/** A threshold in hundredths of a percent (0.7 → 7000), so comparisons are exact. */
const basisPoints = (t: number): number => Math.round(Number((t * 10_000).toPrecision(12)));

/**
 * Compares load ÷ capacity with a threshold exactly, in whole numbers: 8.1 of 9 points is 90%,
 * although 8.1 / 9 is 0.8999… in floating point. Capacity is above 0 here.
 */
function compareShare(load: number, capacity: number, threshold: number): -1 | 0 | 1 {
  const left = hundredths(load) * 10_000;
  const right = basisPoints(threshold) * hundredths(capacity);
  return left < right ? -1 : left > right ? 1 : 0;
}

const pct = (t: number): number => basisPoints(t) / 100;

/**
 * The share in whole percent, said so that it never contradicts the RAG: 100.4% is red, so it is
 * "just over 100%", not "100%"; 89.6% is green, so "just under 90%", not "90%".
 */
function percentWords(share: number, rag: CapacityRag, t: CapacityThresholds): string {
  const rounded = Math.round(Number((share * 100).toPrecision(12)));
  if (rag === 'red' && rounded <= pct(t.overAbove)) return `just over ${pct(t.overAbove)}%`;
  if (rag === 'green' && rounded >= pct(t.nearFrom)) return `just under ${pct(t.nearFrom)}%`;
  if (rag === 'blue' && rounded >= pct(t.underUsedBelow)) return `just under ${pct(t.underUsedBelow)}%`;
  return `${rounded}%`;
}

function ragOf(load: number, capacity: number, t: CapacityThresholds): CapacityRag {
  // No capacity: any load is over it; no load either is within it (nothing is expected of them).
  if (hundredths(capacity) === 0) return hundredths(load) === 0 ? 'green' : 'red';
  if (compareShare(load, capacity, t.overAbove) > 0) return 'red';
  if (compareShare(load, capacity, t.nearFrom) >= 0) return 'amber';
  if (compareShare(load, capacity, t.underUsedBelow) >= 0) return 'green';
  return 'blue';
}

/**
 * The capacity RAG of a load against a capacity. Loads and capacities count in hundredths of a
 * point, and the thresholds are compared exactly (8.1 of 9 points is 90%: amber). A person with no
 * capacity is red with any load, and within capacity (green) with none.
 *
 * @example
 * capacityStatus(95, 100).rag; // 'amber'
 * capacityStatus(40, 0).rag;   // 'red' (no capacity at all)
 * capacityStatus(0, 0).summary; // 'Within capacity: 0 of 0 points (no capacity set).'
 * @throws RangeError when load or capacity is negative or not finite, or thresholds are out of order.
 */
export function capacityStatus(
  load: number,
  capacity: number,
  thresholds: CapacityThresholds = DEFAULT_CAPACITY_THRESHOLDS,
): CapacityStatus {
  for (const [v, what] of [
    [load, 'load'],
    [capacity, 'capacity'],
  ] as const) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`${what} must be 0 or more; got ${v}.`);
  }
  const { underUsedBelow, nearFrom, overAbove } = thresholds;
  if (!(underUsedBelow >= 0 && underUsedBelow <= nearFrom && nearFrom <= overAbove)) {
    throw new RangeError('capacity thresholds must be ordered: underUsedBelow ≤ nearFrom ≤ overAbove.');
  }
  const roundedLoad = roundWeight(load);
  const roundedCapacity = roundWeight(capacity);
  const share =
    roundedCapacity === 0
      ? roundedLoad === 0
        ? 0
        : Number.POSITIVE_INFINITY
      : roundedLoad / roundedCapacity;
  const rag = ragOf(roundedLoad, roundedCapacity, thresholds);
  const words = CAPACITY_RAG_WORDS[rag];
  const of = `${roundedLoad} of ${roundedCapacity} points`;
  const shareWords = roundedCapacity === 0 ? 'no capacity set' : percentWords(share, rag, thresholds);
  return {
    load: roundedLoad,
    capacity: roundedCapacity,
    share,
    rag,
    summary: `${words[0]?.toUpperCase()}${words.slice(1)}: ${of} (${shareWords}).`,
  };
}
