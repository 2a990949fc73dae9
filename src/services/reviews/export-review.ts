import { getUser } from '../../store/users.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { type ReviewDetail, readReviewDetail } from './get-review.ts';

/**
 * A review's record for printing (the PDF), read as GET /api/reviews/:id reads it for the same
 * person. Audited (`review.exported`, with the ids of the cases it names).
 * @throws AppError UNAUTHENTICATED, REVIEW_NOT_FOUND
 */
export async function exportReview(
  ctx: ServiceContext,
  reviewId: string,
): Promise<{ detail: ReviewDetail; readerName: string }> {
  const actor = requireActor(ctx);
  const detail = await readReviewDetail(ctx, reviewId);
  const reader = await getUser(ctx.db, actor.orgId, actor.id);
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'review.exported',
      entityType: 'caseload_review',
      entityId: detail.review.id,
      details: {
        format: 'pdf',
        caseIds: detail.cases.map((c) => c.row.case_id),
        hiddenCases: detail.hiddenCases,
      },
    }),
  );
  return { detail, readerName: reader?.display_name ?? 'a user' };
}
