import { canViewCase } from '../../domain/cases/case-access.ts';
import { AppError } from '../../domain/errors.ts';
import { correctiveActionDueOn } from '../../domain/file-reviews/corrective-actions.ts';
import { canSeeFileReview, superviseFileReviews } from '../../domain/file-reviews/file-review-access.ts';
import { insertCorrectiveAction } from '../../store/corrective-actions.ts';
import { getFileReviewItem } from '../../store/file-review-items.ts';
import { loadActor } from '../../store/users.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { rereadAction } from './corrective-action-access.ts';
import { actionView, type CorrectiveActionView, reviewCalendar } from './file-review-views.ts';
import { loadReviewForReviewer } from './reviewer-access.ts';

export interface RaiseCorrectiveActionInput {
  readonly itemId?: string | undefined;
  readonly description: string;
  readonly assignedTo?: string | undefined;
}

/**
 * The reviewer raises a corrective action on a review (due or completed): what must be put right,
 * optionally tied to a checklist item, assigned to the practitioner by default (or to someone else
 * who may see the review and the case: a supervisor of the team). It is due 28 calendar days after
 * today in the organisation's calendar, set here from the clock. Audited (`corrective-action.raised`).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, VALIDATION_FAILED (itemId, assignedTo)
 */
export async function raiseCorrectiveAction(
  ctx: ServiceContext,
  fileReviewId: string,
  input: RaiseCorrectiveActionInput,
): Promise<CorrectiveActionView> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, superviseFileReviews, undefined, {
    entityType: 'file-review',
    entityId: fileReviewId,
  });
  const cal = await reviewCalendar(ctx, actor.orgId);
  const id = await inTransaction(ctx, async (tx) => {
    const { review, access, caseAccess } = await loadReviewForReviewer(ctx, actor, fileReviewId, tx);
    if (input.itemId && !(await getFileReviewItem(tx, actor.orgId, input.itemId))) {
      throw AppError.field('itemId', 'This is not an item of your organisation’s checklist');
    }
    const assignedTo = input.assignedTo ?? review.practitioner_id;
    const assignee = await loadActor(tx, actor.orgId, assignedTo);
    if (
      !assignee ||
      !canSeeFileReview(assignee, access) ||
      !canViewCase(assignee, caseAccess, ctx.clock.now())
    ) {
      throw AppError.field(
        'assignedTo',
        'Assign the action to the practitioner under review or to a supervisor of the case’s team (an active user who can see this review)',
      );
    }
    const dueOn = correctiveActionDueOn(cal.today);
    const { id } = await insertCorrectiveAction(tx, {
      orgId: actor.orgId,
      fileReviewId: review.id,
      itemId: input.itemId ?? null,
      description: input.description.trim(),
      assignedTo,
      dueOn,
      createdBy: actor.id,
      createdAt: ctx.clock.now(),
    });
    await audit(ctx, tx, {
      action: 'corrective-action.raised',
      entityType: 'corrective-action',
      entityId: id,
      details: {
        fileReviewId: review.id,
        caseId: review.case_id,
        itemId: input.itemId ?? null,
        assignedTo,
        dueOn,
      },
    });
    return id;
  });
  return actionView(await rereadAction(ctx, actor, id), cal);
}
