/**
 * A supervisor's what-if before reallocating a case: the load and capacity RAG of the current
 * owner and of the proposed new owner, before and after the move.
 */

import {
  type CapacityStatus,
  type CapacityThresholds,
  capacityStatus,
  DEFAULT_CAPACITY_THRESHOLDS,
} from './capacity.ts';
import { roundWeight } from './case-weight.ts';

export interface PractitionerLoad {
  readonly userId: string;
  readonly capacity: number;
  /** The weights of the practitioner's open and on-hold cases. */
  readonly cases: readonly { readonly caseId: string; readonly weight: number }[];
}

export interface LoadChange {
  readonly userId: string;
  readonly before: CapacityStatus;
  readonly after: CapacityStatus;
}

export interface ReallocationWhatIf {
  readonly caseId: string;
  readonly weight: number;
  readonly from: LoadChange;
  readonly to: LoadChange;
  /**
   * Plain-words warnings about the receiver: the move takes them over capacity, they are over it
   * already and go further, or it brings them near capacity (amber) from below. Empty otherwise.
   */
  readonly warnings: readonly string[];
}

const sum = (cases: PractitionerLoad['cases']) => roundWeight(cases.reduce((t, c) => t + c.weight, 0));

/**
 * The effect of moving one case from `from` to `to`.
 *
 * @throws RangeError when the case is not on `from`'s caseload, is already on `to`'s, or the two
 *   practitioners are the same person.
 */
export function reallocationWhatIf(
  from: PractitionerLoad,
  to: PractitionerLoad,
  caseId: string,
  thresholds: CapacityThresholds = DEFAULT_CAPACITY_THRESHOLDS,
): ReallocationWhatIf {
  if (from.userId === to.userId) throw new RangeError('The case would stay with the same practitioner.');
  const moving = from.cases.find((c) => c.caseId === caseId);
  if (!moving) throw new RangeError(`Case ${caseId} is not on the current owner's caseload.`);
  if (to.cases.some((c) => c.caseId === caseId)) throw new RangeError(`Case ${caseId} is already theirs.`);
  const fromBefore = sum(from.cases);
  const toBefore = sum(to.cases);
  const fromChange: LoadChange = {
    userId: from.userId,
    before: capacityStatus(fromBefore, from.capacity, thresholds),
    after: capacityStatus(Math.max(0, roundWeight(fromBefore - moving.weight)), from.capacity, thresholds),
  };
  const toChange: LoadChange = {
    userId: to.userId,
    before: capacityStatus(toBefore, to.capacity, thresholds),
    after: capacityStatus(roundWeight(toBefore + moving.weight), to.capacity, thresholds),
  };
  const warnings: string[] = [];
  if (toChange.after.rag === 'red' && toChange.before.rag !== 'red') {
    warnings.push(`The move takes the new owner over capacity: ${toChange.after.summary}`);
  } else if (toChange.after.rag === 'red') {
    warnings.push(`The new owner is over capacity already and goes further over: ${toChange.after.summary}`);
  } else if (toChange.after.rag === 'amber' && toChange.before.rag !== 'amber') {
    warnings.push(`The move brings the new owner near capacity: ${toChange.after.summary}`);
  }
  return { caseId, weight: moving.weight, from: fromChange, to: toChange, warnings };
}
