/**
 * Capacity in weighted points and the capacity RAG. A practitioner's capacity is their points per
 * full-time equivalent × their FTE (0.6 FTE of 100 points = 60); their load is the sum of the
 * weights of their open and on-hold cases. The RAG reads load ÷ capacity:
 *
 *   blue   under-used      below 70%
 *   green  within capacity 70% up to 90%
 *   amber  near capacity   from 90% up to and including 100%
 *   red    over capacity   above 100%
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

/**
 * The capacity RAG of a load against a capacity.
 *
 * @example
 * capacityStatus(95, 100).rag; // 'amber'
 * capacityStatus(40, 0).rag;   // 'red' (no capacity at all)
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
  const share = capacity === 0 ? (load === 0 ? 0 : Number.POSITIVE_INFINITY) : load / capacity;
  const rag: CapacityRag =
    share > overAbove ? 'red' : share >= nearFrom ? 'amber' : share >= underUsedBelow ? 'green' : 'blue';
  const words = CAPACITY_RAG_WORDS[rag];
  const of = `${roundWeight(load)} of ${roundWeight(capacity)} points`;
  const pct = Number.isFinite(share) ? ` (${Math.round(share * 100)}%)` : ' (no capacity set)';
  return {
    load: roundWeight(load),
    capacity: roundWeight(capacity),
    share,
    rag,
    summary: `${words[0]?.toUpperCase()}${words.slice(1)}: ${of}${pct}.`,
  };
}
