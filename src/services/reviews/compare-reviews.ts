import { AppError } from '../../domain/errors.ts';
import { compareSnapshots, type FigureChange } from '../../domain/reviews/compare.ts';
import type { ReviewRow } from '../../store/reviews.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import { loadReview } from './review-access.ts';

/**
 * Two reviews of the same practitioner, figure by figure: before (from), after (to) and the change.
 * The reader must be able to read both (REVIEW_NOT_FOUND otherwise). Audited (`review.compared`).
 * @throws AppError REVIEW_NOT_FOUND, VALIDATION_FAILED (query.to: another practitioner's review)
 */
export async function compareReviews(
  ctx: ServiceContext,
  input: { readonly from: string; readonly to: string },
): Promise<{ from: ReviewRow; to: ReviewRow; figures: FigureChange[] }> {
  const from = (await loadReview(ctx, ctx.db, input.from, 'read')).review;
  const to = (await loadReview(ctx, ctx.db, input.to, 'read')).review;
  if (from.practitioner_id !== to.practitioner_id) {
    throw AppError.field('query.to', 'Compare two reviews of the same practitioner.');
  }
  const figures = compareSnapshots(from.snapshot, to.snapshot);
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'review.compared',
      entityType: 'caseload_review',
      entityId: to.id,
      details: { fromReviewId: from.id, toReviewId: to.id, figures: figures.length },
    }),
  );
  return { from, to, figures };
}
