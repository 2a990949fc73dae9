import { listGoalProgress, listGoals as listGoalRows } from '../../store/goals.ts';
import { auditRead, loadCase } from '../cases/load-case.ts';
import type { ServiceContext } from '../context.ts';
import type { GoalWithProgress } from './goal-view.ts';

/**
 * The goals of a case with their progress entries. The read is audited.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND
 */
export async function listGoals(ctx: ServiceContext, caseId: string): Promise<GoalWithProgress[]> {
  const { row } = await loadCase(ctx, caseId, 'view');
  const goals = await listGoalRows(ctx.db, row.org_id, row.id);
  const progress = await listGoalProgress(
    ctx.db,
    row.org_id,
    goals.map((g) => g.id),
  );
  await auditRead(ctx, { action: 'goals.listed', entityType: 'case', entityId: row.id });
  return goals.map((goal) => ({ goal, progress: progress.filter((p) => p.goal_id === goal.id) }));
}
