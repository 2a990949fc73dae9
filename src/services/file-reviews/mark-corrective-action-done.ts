import { AppError } from '../../domain/errors.ts';
import { canMarkCorrectiveActionDone } from '../../domain/file-reviews/file-review-access.ts';
import { markCorrectiveActionDone as markDone } from '../../store/corrective-actions.ts';
import { audit, inTransaction, recordDenial, requireActor, type ServiceContext } from '../context.ts';
import { loadCorrectiveAction, rereadAction } from './corrective-action-access.ts';
import { actionView, type CorrectiveActionView, reviewCalendar } from './file-review-views.ts';

/**
 * The person a corrective action is assigned to marks it done, saying what was done; it then
 * awaits verification by a supervisor. Audited (`corrective-action.done`, with whether it was late).
 * @throws AppError UNAUTHENTICATED, NOT_FOUND, FORBIDDEN (not the assignee), CONFLICT (already done)
 */
export async function markCorrectiveActionDone(
  ctx: ServiceContext,
  id: string,
  input: { readonly note: string },
): Promise<CorrectiveActionView> {
  const actor = requireActor(ctx);
  const cal = await reviewCalendar(ctx, actor.orgId);
  await inTransaction(ctx, async (tx) => {
    const { action } = await loadCorrectiveAction(ctx, actor, id, tx);
    if (!canMarkCorrectiveActionDone(actor, { assignedTo: action.assigned_to })) {
      await recordDenial(ctx, 'corrective-action.done', { entityType: 'corrective-action', entityId: id });
      throw new AppError('FORBIDDEN', 'Only the person the action is assigned to marks it done.');
    }
    if (action.done_at) throw new AppError('CONFLICT', 'This corrective action is already marked done.');
    await markDone(tx, actor.orgId, id, { at: ctx.clock.now(), note: input.note.trim() });
    await audit(ctx, tx, {
      action: 'corrective-action.done',
      entityType: 'corrective-action',
      entityId: id,
      details: {
        fileReviewId: action.file_review_id,
        caseId: action.case_id,
        late: cal.today > action.due_on,
      },
    });
  });
  return actionView(await rereadAction(ctx, actor, id), cal);
}
