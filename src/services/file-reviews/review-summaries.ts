import { listActionsOfReviews } from '../../store/corrective-actions.ts';
import type { DbOrTx } from '../../store/db.ts';
import { listFileReviewItems } from '../../store/file-review-items.ts';
import { type FileReviewRow, listAnswers } from '../../store/file-reviews.ts';
import {
  type ActionCounts,
  actionView,
  type CorrectiveActionView,
  countActions,
  type ReviewCalendar,
} from './file-review-views.ts';

export interface FileReviewSummaryView {
  readonly review: FileReviewRow;
  /** Active checklist items answered. */
  readonly answered: number;
  readonly itemsToAnswer: number;
  readonly actions: readonly CorrectiveActionView[];
  readonly actionCounts: ActionCounts;
}

/** Reviews with how far their checklist is answered and their corrective actions' states. */
export async function summariseReviews(
  db: DbOrTx,
  orgId: string,
  rows: readonly FileReviewRow[],
  cal: ReviewCalendar,
): Promise<FileReviewSummaryView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [items, answers, actions] = await Promise.all([
    listFileReviewItems(db, orgId, { activeOnly: true }),
    listAnswers(db, orgId, ids),
    listActionsOfReviews(db, orgId, ids),
  ]);
  const active = new Set(items.map((i) => i.id));
  return rows.map((review) => {
    const mine = actions.filter((a) => a.file_review_id === review.id).map((a) => actionView(a, cal));
    return {
      review,
      answered: answers.filter((a) => a.file_review_id === review.id && active.has(a.item_id)).length,
      itemsToAnswer: active.size,
      actions: mine,
      actionCounts: countActions(mine),
    };
  });
}
