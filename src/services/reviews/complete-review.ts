import { AppError } from '../../domain/errors.ts';
import { completeReviewRow, setNextReviewDue } from '../../store/reviews.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';
import { loadReview } from './review-access.ts';

/**
 * Completes a review in progress (its holder only): the summary and the date of the next review,
 * which must be after today and becomes the practitioner's next due date. From then on the review,
 * its snapshot, its cases and the reflections shared into it cannot change (database triggers
 * refuse it too). Audited (`review.completed`).
 * @throws AppError REVIEW_NOT_FOUND, FORBIDDEN, CONFLICT (completed already), VALIDATION_FAILED (nextReviewOn)
 */
export async function completeReview(
  ctx: ServiceContext,
  input: { readonly reviewId: string; readonly summary: string; readonly nextReviewOn: string },
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { review } = await loadReview(ctx, tx, input.reviewId, 'hold');
    const now = ctx.clock.now();
    const { today } = await organisationCalendar(tx, review.org_id, now);
    if (input.nextReviewOn <= today) {
      throw AppError.field('nextReviewOn', 'Choose a date for the next review after today.');
    }
    await completeReviewRow(tx, {
      orgId: review.org_id,
      reviewId: review.id,
      at: now,
      summary: input.summary.trim(),
      nextReviewOn: input.nextReviewOn,
    });
    await setNextReviewDue(tx, {
      orgId: review.org_id,
      practitionerId: review.practitioner_id,
      nextDueOn: input.nextReviewOn,
      updatedBy: review.supervisor_id,
      at: now,
    });
    await audit(ctx, tx, {
      action: 'review.completed',
      entityType: 'caseload_review',
      entityId: review.id,
      details: { practitionerId: review.practitioner_id, nextReviewOn: input.nextReviewOn },
    });
  });
}
