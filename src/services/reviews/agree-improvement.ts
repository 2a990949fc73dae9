import { AppError } from '../../domain/errors.ts';
import { getReviewCase, updateReviewCase } from '../../store/reviews.ts';
import type { ActionResult } from '../actions/action-view.ts';
import { type ActionOwnerInput, createActionIn } from '../actions/create-action.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import { loadReview } from './review-access.ts';

export interface AgreeImprovementInput extends ActionOwnerInput {
  readonly reviewId: string;
  readonly caseId: string;
  readonly description: string;
  readonly dueDate: string;
  readonly goalId?: string | undefined;
}

/**
 * Records an improvement agreed at a review in progress as an action on the case (with its owner
 * and due date, linked to the review), by the same rules as any action — so it appears on the case
 * with the others. The case must be on the review; agreeing one marks it discussed. Its holder only.
 * Audited twice in one transaction: `action.created` (with the review id) and `review.improvement_agreed`.
 * @throws AppError REVIEW_NOT_FOUND, FORBIDDEN, CONFLICT (completed), CASE_NOT_FOUND (not on the
 *   review, or not visible), USER_NOT_FOUND (field ownerUserId), GOAL_NOT_FOUND (field goalId)
 */
export async function agreeImprovement(
  ctx: ServiceContext,
  input: AgreeImprovementInput,
): Promise<ActionResult> {
  return inTransaction(ctx, async (tx) => {
    const { review } = await loadReview(ctx, tx, input.reviewId, 'hold');
    const onReview = await getReviewCase(tx, review.org_id, review.id, input.caseId);
    if (!onReview) {
      throw AppError.field(
        'caseId',
        'This case is not on the review; add it to the review first.',
        'CASE_NOT_FOUND',
      );
    }
    const result = await createActionIn(ctx, tx, {
      caseId: input.caseId,
      description: input.description,
      ownerKind: input.ownerKind,
      ownerUserId: input.ownerUserId,
      ownerName: input.ownerName,
      dueDate: input.dueDate,
      goalId: input.goalId,
      reviewId: review.id,
    });
    if (onReview.discussed_at === null) {
      await updateReviewCase(tx, {
        orgId: review.org_id,
        reviewId: review.id,
        caseId: onReview.case_id,
        patch: { discussed_at: ctx.clock.now() },
      });
    }
    await audit(ctx, tx, {
      action: 'review.improvement_agreed',
      entityType: 'caseload_review',
      entityId: review.id,
      details: { caseId: onReview.case_id, actionId: result.action.id },
    });
    return result;
  });
}
