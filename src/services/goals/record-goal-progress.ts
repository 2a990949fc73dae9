import { insertGoalProgress, updateGoal } from '../../store/goals.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { type GoalWithProgress, goalWithProgress, loadGoalForChange } from './goal-view.ts';

/**
 * Adds a progress update to an active goal (it shows in the case chronology).
 * @throws AppError GOAL_NOT_FOUND, FORBIDDEN, INVALID_STATUS_CHANGE
 */
export async function recordGoalProgress(
  ctx: ServiceContext,
  goalId: string,
  text: string,
): Promise<GoalWithProgress> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const goal = await loadGoalForChange(ctx, tx, goalId);
    const now = ctx.clock.now();
    const entry = await insertGoalProgress(tx, {
      org_id: actor.orgId,
      goal_id: goal.id,
      text: text.trim(),
      recorded_by: actor.id,
      recorded_at: now,
    });
    await updateGoal(tx, actor.orgId, goal.id, {}, now);
    await audit(ctx, tx, {
      action: 'goal.progress_recorded',
      entityType: 'goal',
      entityId: goal.id,
      details: { caseId: goal.case_id, progressId: entry.id },
    });
    return goalWithProgress(ctx, tx, goal.id);
  });
}
