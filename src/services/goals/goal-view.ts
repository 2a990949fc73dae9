/** Shared steps of the goal use cases: loading a goal to change, and reading it back with its progress. */

import { AppError } from '../../domain/errors.ts';
import { closedGoalProblem } from '../../domain/goals/goal-rules.ts';
import type { DbOrTx, Tx } from '../../store/db.ts';
import {
  type GoalProgressView,
  type GoalRow,
  getGoal,
  getGoalForUpdate,
  listGoalProgress,
} from '../../store/goals.ts';
import { loadCase } from '../cases/load-case.ts';
import { requireActor, type ServiceContext } from '../context.ts';

/** A goal with its progress entries, oldest first. */
export interface GoalWithProgress {
  readonly goal: GoalRow;
  readonly progress: readonly GoalProgressView[];
}

/**
 * Locks a goal, checks that the actor may contribute to its case, and refuses a goal that already
 * has its result. A goal of a case the actor may not see is not found.
 * @throws AppError GOAL_NOT_FOUND, FORBIDDEN, INVALID_STATUS_CHANGE
 */
export async function loadGoalForChange(ctx: ServiceContext, tx: Tx, goalId: string): Promise<GoalRow> {
  const actor = requireActor(ctx);
  const goal = await getGoalForUpdate(tx, actor.orgId, goalId);
  if (!goal) throw new AppError('GOAL_NOT_FOUND');
  try {
    await loadCase(ctx, goal.case_id, 'contribute', tx);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CASE_NOT_FOUND') throw new AppError('GOAL_NOT_FOUND');
    throw error;
  }
  const problem = closedGoalProblem(goal.status);
  if (problem) throw new AppError('INVALID_STATUS_CHANGE', problem);
  return goal;
}

/** Reads one goal back with its progress. */
export async function goalWithProgress(
  ctx: ServiceContext,
  db: DbOrTx,
  goalId: string,
): Promise<GoalWithProgress> {
  const orgId = requireActor(ctx).orgId;
  const goal = await getGoal(db, orgId, goalId);
  if (!goal) throw new AppError('GOAL_NOT_FOUND');
  return { goal, progress: await listGoalProgress(db, orgId, [goal.id]) };
}
