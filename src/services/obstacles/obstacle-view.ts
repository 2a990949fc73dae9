/** Shared steps of the obstacle use cases. */
import { calendarDateIn } from '../../domain/actions/action-rules.ts';
import { AppError } from '../../domain/errors.ts';
import type { DbOrTx, Tx } from '../../store/db.ts';
import { getObstacleForUpdate, type ObstacleRow } from '../../store/obstacles.ts';
import { organisationTimeZone } from '../actions/action-view.ts';
import { loadCase } from '../cases/load-case.ts';
import { requireActor, type ServiceContext } from '../context.ts';

/**
 * Locks an obstacle and checks that the actor may contribute to its case; a resolved obstacle is
 * history and does not change. An obstacle of a case the actor may not see is not found.
 * @throws AppError OBSTACLE_NOT_FOUND, FORBIDDEN, INVALID_STATUS_CHANGE
 */
export async function loadObstacleForChange(
  ctx: ServiceContext,
  tx: Tx,
  obstacleId: string,
): Promise<ObstacleRow> {
  const actor = requireActor(ctx);
  const obstacle = await getObstacleForUpdate(tx, actor.orgId, obstacleId);
  if (!obstacle) throw new AppError('OBSTACLE_NOT_FOUND');
  try {
    await loadCase(ctx, obstacle.case_id, 'contribute', tx);
  } catch (error) {
    if (error instanceof AppError && error.code === 'CASE_NOT_FOUND')
      throw new AppError('OBSTACLE_NOT_FOUND');
    throw error;
  }
  if (obstacle.resolved_at !== null) {
    throw new AppError(
      'INVALID_STATUS_CHANGE',
      'This obstacle is resolved and cannot change; record a new obstacle if progress is blocked again.',
    );
  }
  return obstacle;
}

/**
 * An obstacle cannot have started after today (in the organisation's time zone).
 * @throws AppError VALIDATION_FAILED (field since)
 */
export async function requireSinceNotInFuture(ctx: ServiceContext, db: DbOrTx, since: string): Promise<void> {
  const today = calendarDateIn(ctx.clock.now(), await organisationTimeZone(db, requireActor(ctx).orgId));
  if (since > today) {
    throw AppError.field('since', `Since cannot be after today (${today}); give the date it started.`);
  }
}
