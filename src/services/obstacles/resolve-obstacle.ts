import { AppError } from '../../domain/errors.ts';
import { type ObstacleRow, updateObstacle } from '../../store/obstacles.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { loadObstacleForChange } from './obstacle-view.ts';

/**
 * Marks an obstacle resolved now, with how it was overcome.
 * @throws AppError OBSTACLE_NOT_FOUND, FORBIDDEN, INVALID_STATUS_CHANGE (already resolved)
 */
export async function resolveObstacle(
  ctx: ServiceContext,
  obstacleId: string,
  resolution: string,
): Promise<ObstacleRow> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const obstacle = await loadObstacleForChange(ctx, tx, obstacleId);
    const now = ctx.clock.now();
    const updated = await updateObstacle(
      tx,
      actor.orgId,
      obstacle.id,
      { resolved_at: now, resolution: resolution.trim() },
      now,
    );
    if (!updated) throw new AppError('OBSTACLE_NOT_FOUND');
    await audit(ctx, tx, {
      action: 'obstacle.resolved',
      entityType: 'obstacle',
      entityId: obstacle.id,
      details: { caseId: obstacle.case_id },
    });
    return updated;
  });
}
