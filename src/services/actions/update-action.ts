import { canChangeAction } from '../../domain/actions/action-rules.ts';
import { AppError } from '../../domain/errors.ts';
import { type ActionPatch, updateAction as updateActionRow } from '../../store/actions.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import {
  type ActionResult,
  actionResult,
  loadActionForChange,
  requireGoalOfCase,
  requirePractitioner,
} from './action-view.ts';
import { type ActionOwnerInput, ownerColumns } from './create-action.ts';

export interface UpdateActionInput {
  readonly description?: string | undefined;
  /** A new owner, complete (kind with its user or name). */
  readonly owner?: ActionOwnerInput | undefined;
  /** null removes the due date. */
  readonly dueDate?: string | null | undefined;
  /** null unlinks the goal. */
  readonly goalId?: string | null | undefined;
}

/**
 * Changes an open action's description, owner, due date or linked goal. Done and cancelled
 * actions are history and do not change. Audited with the names of the fields that changed.
 * @throws AppError ACTION_NOT_FOUND, FORBIDDEN, INVALID_STATUS_CHANGE, USER_NOT_FOUND (field
 *   ownerUserId), GOAL_NOT_FOUND (field goalId)
 */
export async function updateAction(
  ctx: ServiceContext,
  actionId: string,
  input: UpdateActionInput,
): Promise<ActionResult> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const { action } = await loadActionForChange(ctx, tx, actionId);
    if (!canChangeAction(action.status)) {
      throw new AppError(
        'INVALID_STATUS_CHANGE',
        `This action is ${action.status}; only open actions can be changed. Record a new action instead.`,
      );
    }
    const patch: ActionPatch = {};
    const fields: string[] = [];
    const description = input.description?.trim();
    if (description !== undefined && description !== action.description) {
      patch.description = description;
      fields.push('description');
    }
    if (input.owner) {
      if (input.owner.ownerKind === 'practitioner' && input.owner.ownerUserId) {
        await requirePractitioner(ctx, tx, input.owner.ownerUserId);
      }
      const owner = ownerColumns(input.owner);
      if (
        owner.owner_kind !== action.owner_kind ||
        owner.owner_user_id !== action.owner_user_id ||
        owner.owner_name !== action.owner_name
      ) {
        Object.assign(patch, owner);
        fields.push('owner');
      }
    }
    if (input.dueDate !== undefined && input.dueDate !== action.due_date) {
      patch.due_date = input.dueDate;
      fields.push('dueDate');
    }
    if (input.goalId !== undefined && input.goalId !== action.goal_id) {
      if (input.goalId !== null) await requireGoalOfCase(ctx, tx, input.goalId, action.case_id);
      patch.goal_id = input.goalId;
      fields.push('goalId');
    }
    if (fields.length > 0) {
      await updateActionRow(tx, actor.orgId, action.id, patch, ctx.clock.now());
      await audit(ctx, tx, {
        action: 'action.updated',
        entityType: 'action',
        entityId: action.id,
        details: { caseId: action.case_id, fields },
      });
    }
    return actionResult(ctx, tx, action.id);
  });
}
