/** Completing and cancelling an action: both close it, with a result or a reason. */
import { canChangeAction } from '../../domain/actions/action-rules.ts';
import { AppError } from '../../domain/errors.ts';
import { updateAction } from '../../store/actions.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { type ActionResult, actionResult, loadActionForChange } from './action-view.ts';

/**
 * Closes an open action as done (with its result) or cancelled (with the reason, kept in the
 * result column: the schema has one text for how an action ended).
 * @throws AppError ACTION_NOT_FOUND, FORBIDDEN, INVALID_STATUS_CHANGE
 */
export async function closeAction(
  ctx: ServiceContext,
  actionId: string,
  outcome: { readonly status: 'done' | 'cancelled'; readonly text: string },
): Promise<ActionResult> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const { action } = await loadActionForChange(ctx, tx, actionId);
    if (!canChangeAction(action.status)) {
      throw new AppError(
        'INVALID_STATUS_CHANGE',
        `This action is already ${action.status}; only an open action can be completed or cancelled.`,
      );
    }
    const now = ctx.clock.now();
    await updateAction(
      tx,
      actor.orgId,
      action.id,
      { status: outcome.status, completed_at: now, result: outcome.text.trim() },
      now,
    );
    await audit(ctx, tx, {
      action: outcome.status === 'done' ? 'action.completed' : 'action.cancelled',
      entityType: 'action',
      entityId: action.id,
      details: { caseId: action.case_id },
    });
    return actionResult(ctx, tx, action.id);
  });
}
