/**
 * The resources check (issue 4, item 7): a red case needs someone to work it, a next step with a
 * date, and time set aside. Each missing resource is named in plain words, for the worklist and the
 * supervisor's view.
 */
import type { Band } from '../priority/levels.ts';

export interface CaseResources {
  /** The owner's account is active (a disabled owner cannot work the case). */
  readonly ownerActive: boolean;
  /** The case has an open action with a due date. */
  readonly hasNextActionWithDueDate: boolean;
  /** Hours allocated to the case; null when none were set. */
  readonly allocatedHours: number | null;
}

export const RESOURCE_PROBLEMS = {
  noActiveOwner: 'No active owner: the owner’s account is disabled',
  noNextAction: 'No next action with a due date',
  noAllocatedTime: 'No time allocated',
} as const;

/**
 * What a case lacks, in plain words — checked for red cases only (others answer []).
 * @example resourceProblems('red', { ownerActive: true, hasNextActionWithDueDate: false, allocatedHours: null })
 * // ['No next action with a due date', 'No time allocated']
 */
export function resourceProblems(band: Band, resources: CaseResources): string[] {
  if (band !== 'red') return [];
  const problems: string[] = [];
  if (!resources.ownerActive) problems.push(RESOURCE_PROBLEMS.noActiveOwner);
  if (!resources.hasNextActionWithDueDate) problems.push(RESOURCE_PROBLEMS.noNextAction);
  if (resources.allocatedHours === null || !(resources.allocatedHours > 0)) {
    problems.push(RESOURCE_PROBLEMS.noAllocatedTime);
  }
  return problems;
}
