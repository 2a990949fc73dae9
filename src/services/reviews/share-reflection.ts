import { AppError } from '../../domain/errors.ts';
import { getOwnReflection } from '../../store/reflections.ts';
import { shareReflectionIntoReview } from '../../store/reviews.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { loadReview } from './review-access.ts';

/**
 * The review's practitioner shares one of their own reflective-log entries into a review in
 * progress; the review's participants may then read that entry through the review (and only that
 * one). Sharing twice changes nothing. Audited (`reflection.shared`).
 * @throws AppError REVIEW_NOT_FOUND, FORBIDDEN (not the review's practitioner), CONFLICT (completed),
 *   REFLECTION_NOT_FOUND (field reflectionId: not one of your entries)
 */
export async function shareReflection(
  ctx: ServiceContext,
  input: { readonly reviewId: string; readonly reflectionId: string },
): Promise<void> {
  const actor = requireActor(ctx);
  await inTransaction(ctx, async (tx) => {
    const { review } = await loadReview(ctx, tx, input.reviewId, 'share');
    const reflection = await getOwnReflection(tx, actor.orgId, actor.id, input.reflectionId);
    if (!reflection) {
      throw AppError.field(
        'reflectionId',
        'There is no such entry in your reflective log; choose one of yours (GET /api/reflections).',
        'REFLECTION_NOT_FOUND',
      );
    }
    const added = await shareReflectionIntoReview(tx, {
      orgId: actor.orgId,
      reviewId: review.id,
      reflectionId: reflection.id,
      at: ctx.clock.now(),
    });
    if (added) {
      await audit(ctx, tx, {
        action: 'reflection.shared',
        entityType: 'reflection',
        entityId: reflection.id,
        details: { reviewId: review.id },
      });
    }
  });
}
