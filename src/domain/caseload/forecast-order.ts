/**
 * The order in which the forecast works the caseload. The default follows DESIGN.md's worklist as
 * far as the forecast's inputs go: band (red, amber, green), then the nearest deadline, then the
 * higher score, then case id so that ties always fall the same way. Callers that hold the real
 * worklist order pass a `priorityRank` per case and use `byPriorityRank`, or their own comparator.
 * The worklist shown to people is ordered by priority/worklist-order.ts, not by this module.
 */
import { type Band, compareBands } from '../priority/levels.ts';

export interface OrderableCase {
  readonly caseId: string;
  readonly band: Band;
  /** Working days until the case's timescale ends (0 = ends today; negative = already passed). */
  readonly deadlineWorkingDays: number;
  /** The assessment score; higher comes first among equals. Unscored cases come after scored ones. */
  readonly score?: number;
  /** An explicit worklist position (lower first), for `byPriorityRank`; fractions are fine. */
  readonly priorityRank?: number;
}

/** Negative when `a` is worked before `b`. */
export type CaseComparator = (a: OrderableCase, b: OrderableCase) => number;

const ascending = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);

/** Case ids by code unit (not locale), so the order is the same on every machine. */
export const compareCaseIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Band, then nearest deadline, then higher score, then case id.
 *
 * @example
 * [green, red].sort(byWorklistOrder); // [red, green]
 */
export const byWorklistOrder: CaseComparator = (a, b) =>
  compareBands(a.band, b.band) ||
  ascending(a.deadlineWorkingDays, b.deadlineWorkingDays) ||
  ascending(-(a.score ?? Number.NEGATIVE_INFINITY), -(b.score ?? Number.NEGATIVE_INFINITY)) ||
  compareCaseIds(a.caseId, b.caseId);

/**
 * Explicit `priorityRank` first (lower first; ranked cases before unranked ones), then
 * `byWorklistOrder`.
 *
 * @example
 * // a hypothetical case ranked 0.5 goes between the cases ranked 0 and 1
 */
export const byPriorityRank: CaseComparator = (a, b) =>
  ascending(a.priorityRank ?? Number.POSITIVE_INFINITY, b.priorityRank ?? Number.POSITIVE_INFINITY) ||
  byWorklistOrder(a, b);

/**
 * A sorted copy of `cases`. Cases the comparator calls equal are ordered by case id, so the
 * result never depends on the order of the input.
 *
 * @example
 * orderCases(cases); // by worklist order
 * orderCases(cases, byPriorityRank);
 */
export function orderCases<T extends OrderableCase>(
  cases: readonly T[],
  compare: CaseComparator = byWorklistOrder,
): T[] {
  return [...cases].sort((a, b) => compare(a, b) || compareCaseIds(a.caseId, b.caseId));
}
