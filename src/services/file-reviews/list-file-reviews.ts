import { listFileReviews as listRows } from '../../store/file-reviews.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { reviewCalendar } from './file-review-views.ts';
import { type FileReviewSummaryView, summariseReviews } from './review-summaries.ts';

export interface ListFileReviewsInput {
  readonly period?: string | undefined;
  readonly status?: 'due' | 'completed' | undefined;
  readonly practitionerId?: string | undefined;
}

/**
 * The file reviews the actor may see — their own as a practitioner, and those of cases in the teams
 * they supervise — newest period first, with progress and corrective actions. The read is audited
 * (`file-review.list_viewed`, with the case ids).
 * @throws AppError UNAUTHENTICATED
 */
export async function listFileReviews(
  ctx: ServiceContext,
  input: ListFileReviewsInput,
): Promise<{ today: string; reviews: FileReviewSummaryView[] }> {
  const actor = requireActor(ctx);
  const cal = await reviewCalendar(ctx, actor.orgId);
  const rows = await listRows(ctx.db, { actor, now: ctx.clock.now(), ...input });
  const reviews = await summariseReviews(ctx.db, actor.orgId, rows, cal);
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'file-review.list_viewed',
      entityType: 'file-review',
      entityId: null,
      details: {
        filters: Object.keys(input).filter((k) => input[k as keyof ListFileReviewsInput] !== undefined),
        caseIds: rows.map((r) => r.case_id),
      },
    }),
  );
  return { today: cal.today, reviews };
}
