import { AppError } from '../../domain/errors.ts';
import type { ObstacleRow } from '../../store/obstacles.ts';
import { getReviewCase } from '../../store/reviews.ts';
import type { ObstacleCategory } from '../../store/schema.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import { createObstacleIn } from '../obstacles/create-obstacle.ts';
import { loadReview } from './review-access.ts';

/**
 * Records an obstacle identified at a review in progress as an obstacle record of the case (linked
 * to the review), by the rules of any obstacle. The case must be on the review. Its holder only.
 * Audited: `obstacle.created` (with the review id) and `review.obstacle_recorded`.
 * @throws AppError REVIEW_NOT_FOUND, FORBIDDEN, CONFLICT (completed), CASE_NOT_FOUND, VALIDATION_FAILED (since)
 */
export async function recordReviewObstacle(
  ctx: ServiceContext,
  input: {
    readonly reviewId: string;
    readonly caseId: string;
    readonly category: ObstacleCategory;
    readonly description: string;
    readonly since: string;
    readonly plan?: string | undefined;
  },
): Promise<ObstacleRow> {
  return inTransaction(ctx, async (tx) => {
    const { review } = await loadReview(ctx, tx, input.reviewId, 'hold');
    if (!(await getReviewCase(tx, review.org_id, review.id, input.caseId))) {
      throw AppError.field(
        'caseId',
        'This case is not on the review; add it to the review first.',
        'CASE_NOT_FOUND',
      );
    }
    const obstacle = await createObstacleIn(ctx, tx, {
      caseId: input.caseId,
      category: input.category,
      description: input.description,
      since: input.since,
      plan: input.plan,
      reviewId: review.id,
    });
    await audit(ctx, tx, {
      action: 'review.obstacle_recorded',
      entityType: 'caseload_review',
      entityId: review.id,
      details: { caseId: input.caseId, obstacleId: obstacle.id },
    });
    return obstacle;
  });
}
