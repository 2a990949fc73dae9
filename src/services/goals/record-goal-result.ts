import type { GoalResult } from '../../domain/goals/goal-rules.ts';
import { updateGoal } from '../../store/goals.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { type GoalWithProgress, goalWithProgress, loadGoalForChange } from './goal-view.ts';

/**
 * Records the result of an active goal (achieved, partly achieved, not achieved, withdrawn) with a
 * note of what it rests on. The result closes the goal.
 * @throws AppError GOAL_NOT_FOUND, FORBIDDEN, INVALID_STATUS_CHANGE
 */
export async function recordGoalResult(
  ctx: ServiceContext,
  goalId: string,
  input: { readonly status: GoalResult; readonly note: string },
): Promise<GoalWithProgress> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const goal = await loadGoalForChange(ctx, tx, goalId);
    const now = ctx.clock.now();
    await updateGoal(
      tx,
      actor.orgId,
      goal.id,
      { status: input.status, result_note: input.note.trim(), result_at: now },
      now,
    );
    await audit(ctx, tx, {
      action: 'goal.result_recorded',
      entityType: 'goal',
      entityId: goal.id,
      details: { caseId: goal.case_id, status: input.status },
    });
    return goalWithProgress(ctx, tx, goal.id);
  });
}
