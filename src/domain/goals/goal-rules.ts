/**
 * Rules of goals (SMART outcomes agreed with the client): an active goal takes progress updates
 * and edits until a result is recorded; the result closes it.
 */

export type GoalResult = 'achieved' | 'partly_achieved' | 'not_achieved' | 'withdrawn';
export type GoalStatus = 'active' | GoalResult;

export const GOAL_RESULTS: readonly GoalResult[] = [
  'achieved',
  'partly_achieved',
  'not_achieved',
  'withdrawn',
];

/** Whether a goal is still being worked on (no result yet). */
export const isGoalActive = (status: GoalStatus): boolean => status === 'active';

/**
 * Why the goal cannot take a progress update, an edit or a result now, or undefined when it can.
 * A goal with a result is history: record a new goal rather than rewrite the outcome.
 */
export function closedGoalProblem(status: GoalStatus): string | undefined {
  if (isGoalActive(status)) return undefined;
  return `This goal already has its result (${status.replace('_', ' ')}); it cannot change. Agree a new goal instead.`;
}
