import { AppError, type FieldError } from '../../domain/errors.ts';
import { completionCheck } from '../../domain/file-reviews/answers.ts';
import { superviseFileReviews } from '../../domain/file-reviews/file-review-access.ts';
import { listFileReviewItems } from '../../store/file-review-items.ts';
import { completeFileReviewRow, listAnswers } from '../../store/file-reviews.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { type FileReviewDetail, fileReviewDetail } from './get-file-review.ts';
import { completedConflict, loadReviewForReviewer, reread } from './reviewer-access.ts';

/**
 * The reviewer completes a review once every active checklist item is answered and every "not
 * met" has a comment; otherwise VALIDATION_FAILED lists each missing item (field `items.<itemId>`,
 * and `missingItems` with ids and wording). Audited (`file-review.completed`, with counts).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (already completed), VALIDATION_FAILED
 */
export async function completeFileReview(
  ctx: ServiceContext,
  id: string,
  input: { readonly summary?: string | undefined },
): Promise<FileReviewDetail> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, superviseFileReviews, undefined, { entityType: 'file-review', entityId: id });
  const access = await inTransaction(ctx, async (tx) => {
    const { review, access } = await loadReviewForReviewer(ctx, actor, id, tx);
    if (review.status === 'completed') throw completedConflict();
    const [items, answers] = await Promise.all([
      listFileReviewItems(tx, actor.orgId, { activeOnly: false }),
      listAnswers(tx, actor.orgId, [review.id]),
    ]);
    const check = completionCheck(
      items.map((i) => ({ id: i.id, key: i.key, label: i.label, active: i.active })),
      answers.map((a) => ({ itemId: a.item_id, result: a.result, comment: a.comment })),
    );
    const fields: FieldError[] = [
      ...check.missing.map((i) => ({ field: `items.${i.id}`, message: `Answer “${i.label}”` })),
      ...check.notMetWithoutComment.map((i) => ({
        field: `items.${i.id}.comment`,
        message: `Say what fell short for “${i.label}”`,
      })),
    ];
    if (fields.length > 0) {
      const n = check.missing.length;
      throw new AppError(
        'VALIDATION_FAILED',
        n > 0
          ? `Answer every item on the checklist before completing the review: ${n} ${n === 1 ? 'is' : 'are'} not answered.`
          : 'Every item not met needs a comment before the review is completed.',
        {
          fields,
          extra: {
            missingItems: check.missing.map((i) => ({ itemId: i.id, key: i.key, label: i.label })),
          },
        },
      );
    }
    const summary = input.summary?.trim() ? input.summary.trim() : null;
    await completeFileReviewRow(tx, actor.orgId, review.id, {
      reviewerId: actor.id,
      completedAt: ctx.clock.now(),
      summary,
    });
    const count = (r: string) => answers.filter((a) => a.result === r).length;
    await audit(ctx, tx, {
      action: 'file-review.completed',
      entityType: 'file-review',
      entityId: review.id,
      details: {
        caseId: review.case_id,
        met: count('met'),
        notMet: count('not-met'),
        notApplicable: count('not-applicable'),
        summary: summary !== null,
      },
    });
    return access;
  });
  return fileReviewDetail(ctx, actor, await reread(ctx, actor, id), access);
}
