import type { Actor } from '../../domain/access/actor.ts';
import { canReviewFile, type FileReviewAccessView } from '../../domain/file-reviews/file-review-access.ts';
import { listFileReviewItems } from '../../store/file-review-items.ts';
import { type FileReviewRow, listAnswers } from '../../store/file-reviews.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { loadFileReview, reviewCalendar } from './file-review-views.ts';
import { type FileReviewSummaryView, summariseReviews } from './review-summaries.ts';

export interface ChecklistLine {
  readonly itemId: string;
  readonly key: string | null;
  readonly label: string;
  readonly guidance: string | null;
  readonly active: boolean;
  readonly answer: {
    readonly result: 'met' | 'not-met' | 'not-applicable';
    readonly comment: string | null;
  } | null;
}

export interface FileReviewDetail extends FileReviewSummaryView {
  readonly today: string;
  readonly canReview: boolean;
  readonly checklist: readonly ChecklistLine[];
}

/**
 * One file review: the checklist (active items, and retired ones that were answered, in the
 * wording they were answered under), the answers, and the corrective actions with their states.
 * Seen by the practitioner and the supervisors of the case's team (NOT_FOUND for anyone else);
 * the case is reached through loadCase. Audited (`file-review.viewed`).
 * @throws AppError UNAUTHENTICATED, NOT_FOUND
 */
export async function getFileReviewDetail(ctx: ServiceContext, id: string): Promise<FileReviewDetail> {
  const actor = requireActor(ctx);
  const { review, access } = await loadFileReview(ctx, actor, id);
  const detail = await fileReviewDetail(ctx, actor, review, access);
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'file-review.viewed',
      entityType: 'file-review',
      entityId: review.id,
      details: { caseId: review.case_id },
    }),
  );
  return detail;
}

/**
 * The detail of a review the caller has already reached (and whose use case audits the read or
 * the write that answers it).
 */
export async function fileReviewDetail(
  ctx: ServiceContext,
  actor: Actor,
  review: FileReviewRow,
  access: FileReviewAccessView,
): Promise<FileReviewDetail> {
  const cal = await reviewCalendar(ctx, actor.orgId);
  const [items, answers, summaries] = await Promise.all([
    listFileReviewItems(ctx.db, actor.orgId, { activeOnly: false }),
    listAnswers(ctx.db, actor.orgId, [review.id]),
    summariseReviews(ctx.db, actor.orgId, [review], cal),
  ]);
  const byItem = new Map(answers.map((a) => [a.item_id, a]));
  const checklist: ChecklistLine[] = items
    .filter((i) => i.active || byItem.has(i.id))
    .map((i) => {
      const a = byItem.get(i.id);
      return {
        itemId: i.id,
        key: i.key,
        label: a?.item_label ?? i.label,
        guidance: i.guidance,
        active: i.active,
        answer: a ? { result: a.result, comment: a.comment } : null,
      };
    });
  const summary = summaries[0] as FileReviewSummaryView;
  return { ...summary, today: cal.today, canReview: canReviewFile(actor, access), checklist };
}
