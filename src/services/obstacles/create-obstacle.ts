import type { Tx } from '../../store/db.ts';
import { insertObstacle, type ObstacleRow } from '../../store/obstacles.ts';
import type { ObstacleCategory } from '../../store/schema.ts';
import { loadCase } from '../cases/load-case.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { requireSinceNotInFuture } from './obstacle-view.ts';

export interface CreateObstacleInput {
  readonly caseId: string;
  readonly category: ObstacleCategory;
  readonly description: string;
  /** The date it started blocking progress (not in the future). */
  readonly since: string;
  readonly plan?: string | undefined;
}

/**
 * Records what blocks progress on a case, since when, and the plan to overcome it.
 * @throws AppError CASE_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (field since)
 */
export async function createObstacle(ctx: ServiceContext, input: CreateObstacleInput): Promise<ObstacleRow> {
  return inTransaction(ctx, (tx) => createObstacleIn(ctx, tx, input));
}

/**
 * The same, inside the caller's transaction: a caseload review records an obstacle it identified
 * (`reviewId`) in the review's own transaction.
 * @throws as createObstacle
 */
export async function createObstacleIn(
  ctx: ServiceContext,
  tx: Tx,
  input: CreateObstacleInput & { readonly reviewId?: string | undefined },
): Promise<ObstacleRow> {
  const actor = requireActor(ctx);
  const { row: caseRow } = await loadCase(ctx, input.caseId, 'contribute', tx);
  await requireSinceNotInFuture(ctx, tx, input.since);
  const now = ctx.clock.now();
  const obstacle = await insertObstacle(tx, {
    org_id: actor.orgId,
    case_id: caseRow.id,
    category: input.category,
    description: input.description.trim(),
    since: input.since,
    plan: input.plan?.trim() ?? null,
    resolved_at: null,
    resolution: null,
    review_id: input.reviewId ?? null,
    created_by: actor.id,
    created_at: now,
    updated_at: now,
  });
  await audit(ctx, tx, {
    action: 'obstacle.created',
    entityType: 'obstacle',
    entityId: obstacle.id,
    details: {
      caseId: caseRow.id,
      category: obstacle.category,
      ...(obstacle.review_id ? { reviewId: obstacle.review_id } : {}),
    },
  });
  return obstacle;
}
