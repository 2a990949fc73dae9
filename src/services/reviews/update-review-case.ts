import { AppError } from '../../domain/errors.ts';
import { getReviewCase, updateReviewCase } from '../../store/reviews.ts';
import { loadCase } from '../cases/load-case.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import { loadReview } from './review-access.ts';

export interface UpdateReviewCaseInput {
  readonly reviewId: string;
  readonly caseId: string;
  /** null or empty clears it. */
  readonly decision?: string | null | undefined;
  readonly obstacles?: string | null | undefined;
  readonly discussed?: boolean | undefined;
}

const text = (v: string | null) => (v === null || v.trim() === '' ? null : v.trim());

/**
 * Records the decision and the obstacles discussed for a case of a review in progress, and whether
 * it has been discussed (recording a decision marks it discussed). Its holder only. Audited
 * (`review.case_updated`, the fields changed).
 * @throws AppError REVIEW_NOT_FOUND, FORBIDDEN, CONFLICT (completed), CASE_NOT_FOUND (not on the review)
 */
export async function updateReviewCaseRecord(
  ctx: ServiceContext,
  input: UpdateReviewCaseInput,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { review } = await loadReview(ctx, tx, input.reviewId, 'hold');
    const current = await getReviewCase(tx, review.org_id, review.id, input.caseId);
    if (!current) throw new AppError('CASE_NOT_FOUND', 'This case is not on the review; add it first.');
    await loadCase(ctx, current.case_id, 'view', tx);
    const now = ctx.clock.now();
    const patch: { decision?: string | null; obstacles?: string | null; discussed_at?: Date | null } = {};
    if (input.decision !== undefined) patch.decision = text(input.decision);
    if (input.obstacles !== undefined) patch.obstacles = text(input.obstacles);
    const discussed = input.discussed ?? (patch.decision ? true : undefined);
    if (discussed === true && current.discussed_at === null) patch.discussed_at = now;
    if (discussed === false) patch.discussed_at = null;
    await updateReviewCase(tx, { orgId: review.org_id, reviewId: review.id, caseId: current.case_id, patch });
    await audit(ctx, tx, {
      action: 'review.case_updated',
      entityType: 'caseload_review',
      entityId: review.id,
      details: { caseId: current.case_id, fields: Object.keys(patch).sort() },
    });
  });
}
