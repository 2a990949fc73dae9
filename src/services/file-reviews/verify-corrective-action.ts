import { AppError } from '../../domain/errors.ts';
import {
  canVerifyCorrectiveAction,
  superviseFileReviews,
} from '../../domain/file-reviews/file-review-access.ts';
import { markCorrectiveActionVerified } from '../../store/corrective-actions.ts';
import {
  audit,
  inTransaction,
  recordDenial,
  requireAccess,
  requireActor,
  type ServiceContext,
} from '../context.ts';
import { loadCorrectiveAction, rereadAction } from './corrective-action-access.ts';
import { actionView, type CorrectiveActionView, reviewCalendar } from './file-review-views.ts';

/**
 * A supervisor of the case's team — never the person the action is assigned to — verifies that a
 * corrective action marked done was put right, saying how they checked. Audited
 * (`corrective-action.verified`).
 * @throws AppError UNAUTHENTICATED, NOT_FOUND, FORBIDDEN (the assignee, or not a supervisor of the
 *   team), CONFLICT (not done yet, or already verified)
 */
export async function verifyCorrectiveAction(
  ctx: ServiceContext,
  id: string,
  input: { readonly note: string },
): Promise<CorrectiveActionView> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, superviseFileReviews, undefined, {
    entityType: 'corrective-action',
    entityId: id,
  });
  const cal = await reviewCalendar(ctx, actor.orgId);
  await inTransaction(ctx, async (tx) => {
    const { action, access } = await loadCorrectiveAction(ctx, actor, id, tx);
    if (!canVerifyCorrectiveAction(actor, access, { assignedTo: action.assigned_to })) {
      await recordDenial(ctx, 'corrective-action.verify', { entityType: 'corrective-action', entityId: id });
      throw new AppError(
        'FORBIDDEN',
        action.assigned_to === actor.id
          ? 'You cannot verify an action assigned to you: another supervisor of the team must.'
          : 'Only a supervisor of the case’s team verifies its corrective actions.',
      );
    }
    if (!action.done_at) {
      throw new AppError(
        'CONFLICT',
        'This corrective action is not marked done yet: it can be verified once it is.',
      );
    }
    if (action.verified_at) throw new AppError('CONFLICT', 'This corrective action is already verified.');
    await markCorrectiveActionVerified(tx, actor.orgId, id, {
      by: actor.id,
      at: ctx.clock.now(),
      note: input.note.trim(),
    });
    await audit(ctx, tx, {
      action: 'corrective-action.verified',
      entityType: 'corrective-action',
      entityId: id,
      details: { fileReviewId: action.file_review_id, caseId: action.case_id },
    });
  });
  return actionView(await rereadAction(ctx, actor, id), cal);
}
