import { AppError } from '../../domain/errors.ts';
import { getReviewCase, insertReviewCases } from '../../store/reviews.ts';
import { loadCase } from '../cases/load-case.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import { loadReview } from './review-access.ts';

/**
 * Adds a case that was not proposed to a review in progress (its holder only): any case of the
 * practitioner's the supervisor may see. Its reason says it was added, with its band at the time.
 * Audited (`review.case_added`).
 * @throws AppError REVIEW_NOT_FOUND, FORBIDDEN, CONFLICT (completed, or the case is on it already),
 *   CASE_NOT_FOUND, VALIDATION_FAILED (field caseId: another person's case)
 */
export async function addReviewCase(
  ctx: ServiceContext,
  input: { readonly reviewId: string; readonly caseId: string },
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { review } = await loadReview(ctx, tx, input.reviewId, 'hold');
    const { row } = await loadCase(ctx, input.caseId, 'view', tx);
    if (row.owner_id !== review.practitioner_id) {
      throw AppError.field(
        'caseId',
        'Choose one of the cases of the practitioner whose caseload is reviewed.',
      );
    }
    if (await getReviewCase(tx, review.org_id, review.id, row.id)) {
      throw AppError.field('caseId', 'This case is on the review already.', 'CONFLICT');
    }
    await insertReviewCases(tx, review.org_id, review.id, [
      {
        caseId: row.id,
        proposed: false,
        reasons: [{ kind: 'added', reason: 'Added at the review.', band: row.priority_band ?? null }],
      },
    ]);
    await audit(ctx, tx, {
      action: 'review.case_added',
      entityType: 'caseload_review',
      entityId: review.id,
      details: { caseId: row.id },
    });
  });
}
