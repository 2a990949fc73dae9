import { AppError } from '../../domain/errors.ts';
import {
  type ObstaclePatch,
  type ObstacleRow,
  updateObstacle as updateObstacleRow,
} from '../../store/obstacles.ts';
import type { ObstacleCategory } from '../../store/schema.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { loadObstacleForChange, requireSinceNotInFuture } from './obstacle-view.ts';

export interface UpdateObstacleInput {
  readonly category?: ObstacleCategory | undefined;
  readonly description?: string | undefined;
  readonly since?: string | undefined;
  /** null removes the plan. */
  readonly plan?: string | null | undefined;
}

/**
 * Changes an unresolved obstacle's category, description, since or plan. Audited with the names of
 * the fields that changed.
 * @throws AppError OBSTACLE_NOT_FOUND, FORBIDDEN, INVALID_STATUS_CHANGE, VALIDATION_FAILED (field since)
 */
export async function updateObstacle(
  ctx: ServiceContext,
  obstacleId: string,
  input: UpdateObstacleInput,
): Promise<ObstacleRow> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const obstacle = await loadObstacleForChange(ctx, tx, obstacleId);
    const patch: ObstaclePatch = {};
    const fields: string[] = [];
    const description = input.description?.trim();
    const plan = input.plan === null ? null : input.plan?.trim();
    if (input.category !== undefined && input.category !== obstacle.category) {
      patch.category = input.category;
      fields.push('category');
    }
    if (description !== undefined && description !== obstacle.description) {
      patch.description = description;
      fields.push('description');
    }
    if (input.since !== undefined && input.since !== obstacle.since) {
      await requireSinceNotInFuture(ctx, tx, input.since);
      patch.since = input.since;
      fields.push('since');
    }
    if (plan !== undefined && plan !== obstacle.plan) {
      patch.plan = plan;
      fields.push('plan');
    }
    if (fields.length === 0) return obstacle;
    const updated = await updateObstacleRow(tx, actor.orgId, obstacle.id, patch, ctx.clock.now());
    if (!updated) throw new AppError('OBSTACLE_NOT_FOUND');
    await audit(ctx, tx, {
      action: 'obstacle.updated',
      entityType: 'obstacle',
      entityId: obstacle.id,
      details: { caseId: obstacle.case_id, fields },
    });
    return updated;
  });
}
