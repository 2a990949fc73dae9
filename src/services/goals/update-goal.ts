import { type GoalPatch, updateGoal as updateGoalRow } from '../../store/goals.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { type GoalWithProgress, goalWithProgress, loadGoalForChange } from './goal-view.ts';

export interface UpdateGoalInput {
  readonly description?: string | undefined;
  readonly measure?: string | undefined;
  readonly targetDate?: string | undefined;
}

/**
 * Changes an active goal's description, measure or target date (a goal with a result does not
 * change). Audited with the names of the fields that changed.
 * @throws AppError GOAL_NOT_FOUND, FORBIDDEN, INVALID_STATUS_CHANGE
 */
export async function updateGoal(
  ctx: ServiceContext,
  goalId: string,
  input: UpdateGoalInput,
): Promise<GoalWithProgress> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const goal = await loadGoalForChange(ctx, tx, goalId);
    const patch: GoalPatch = {};
    const fields: string[] = [];
    const description = input.description?.trim();
    const measure = input.measure?.trim();
    if (description !== undefined && description !== goal.description) {
      patch.description = description;
      fields.push('description');
    }
    if (measure !== undefined && measure !== goal.measure) {
      patch.measure = measure;
      fields.push('measure');
    }
    if (input.targetDate !== undefined && input.targetDate !== goal.target_date) {
      patch.target_date = input.targetDate;
      fields.push('targetDate');
    }
    if (fields.length > 0) {
      await updateGoalRow(tx, actor.orgId, goal.id, patch, ctx.clock.now());
      await audit(ctx, tx, {
        action: 'goal.updated',
        entityType: 'goal',
        entityId: goal.id,
        details: { caseId: goal.case_id, fields },
      });
    }
    return goalWithProgress(ctx, tx, goal.id);
  });
}
