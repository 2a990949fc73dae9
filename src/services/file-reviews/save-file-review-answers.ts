import { AppError } from '../../domain/errors.ts';
import { answerProblems } from '../../domain/file-reviews/answers.ts';
import { superviseFileReviews } from '../../domain/file-reviews/file-review-access.ts';
import { listFileReviewItems } from '../../store/file-review-items.ts';
import { setReviewer, upsertAnswers } from '../../store/file-reviews.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { type FileReviewDetail, fileReviewDetail } from './get-file-review.ts';
import { completedConflict, loadReviewForReviewer, reread } from './reviewer-access.ts';

export interface AnswerInput {
  readonly itemId: string;
  readonly result: 'met' | 'not-met' | 'not-applicable';
  readonly comment?: string | null | undefined;
}

/**
 * The reviewer records answers to checklist items (met, not met with a comment, or not
 * applicable), replacing earlier answers to the same items; each answer keeps the item's wording
 * of the moment. Not after the review is completed. Audited (`file-review.answered`: item ids and
 * counts by result, never the comments).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (completed),
 *   VALIDATION_FAILED (fields `answers.N.itemId`, `answers.N.comment`)
 */
export async function saveFileReviewAnswers(
  ctx: ServiceContext,
  id: string,
  input: { readonly answers: readonly AnswerInput[] },
): Promise<FileReviewDetail> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, superviseFileReviews, undefined, { entityType: 'file-review', entityId: id });
  const access = await inTransaction(ctx, async (tx) => {
    const { review, access } = await loadReviewForReviewer(ctx, actor, id, tx);
    if (review.status === 'completed') throw completedConflict();
    const items = await listFileReviewItems(tx, actor.orgId, { activeOnly: false });
    const problems = answerProblems(input.answers, items);
    if (problems.length > 0) {
      throw new AppError('VALIDATION_FAILED', problems[0]?.message, { fields: problems });
    }
    const labels = new Map(items.map((i) => [i.id, i.label]));
    await upsertAnswers(
      tx,
      actor.orgId,
      review.id,
      input.answers.map((a) => ({
        itemId: a.itemId,
        itemLabel: labels.get(a.itemId) ?? '',
        result: a.result,
        comment: a.comment?.trim() ? a.comment.trim() : null,
      })),
    );
    await setReviewer(tx, actor.orgId, review.id, actor.id);
    const count = (r: AnswerInput['result']) => input.answers.filter((a) => a.result === r).length;
    await audit(ctx, tx, {
      action: 'file-review.answered',
      entityType: 'file-review',
      entityId: review.id,
      details: {
        caseId: review.case_id,
        itemIds: input.answers.map((a) => a.itemId),
        met: count('met'),
        notMet: count('not-met'),
        notApplicable: count('not-applicable'),
      },
    });
    return access;
  });
  return fileReviewDetail(ctx, actor, await reread(ctx, actor, id), access);
}
