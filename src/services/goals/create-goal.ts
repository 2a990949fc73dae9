import { insertGoal } from '../../store/goals.ts';
import { loadCase } from '../cases/load-case.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import type { GoalWithProgress } from './goal-view.ts';

export interface CreateGoalInput {
  readonly caseId: string;
  /** Specific: what will be different for the client. */
  readonly description: string;
  /** How everyone will know it is achieved. */
  readonly measure: string;
  readonly targetDate: string;
}

/**
 * Records a SMART goal agreed with the client on a case.
 * @throws AppError CASE_NOT_FOUND, FORBIDDEN
 */
export async function createGoal(ctx: ServiceContext, input: CreateGoalInput): Promise<GoalWithProgress> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const { row: caseRow } = await loadCase(ctx, input.caseId, 'contribute', tx);
    const now = ctx.clock.now();
    const goal = await insertGoal(tx, {
      org_id: actor.orgId,
      case_id: caseRow.id,
      description: input.description.trim(),
      measure: input.measure.trim(),
      target_date: input.targetDate,
      result_note: null,
      result_at: null,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    });
    await audit(ctx, tx, {
      action: 'goal.created',
      entityType: 'goal',
      entityId: goal.id,
      details: { caseId: caseRow.id },
    });
    return { goal, progress: [] };
  });
}
