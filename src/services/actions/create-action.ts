import type { ActionOwnerKind } from '../../domain/actions/action-rules.ts';
import { insertAction } from '../../store/actions.ts';
import type { Tx } from '../../store/db.ts';
import { loadCase } from '../cases/load-case.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { type ActionResult, actionResult, requireGoalOfCase, requirePractitioner } from './action-view.ts';

export interface ActionOwnerInput {
  readonly ownerKind: ActionOwnerKind;
  /** With ownerKind practitioner. */
  readonly ownerUserId?: string | undefined;
  /** With ownerKind third_party. */
  readonly ownerName?: string | undefined;
}

export interface CreateActionInput extends ActionOwnerInput {
  readonly caseId: string;
  readonly description: string;
  readonly dueDate?: string | undefined;
  readonly goalId?: string | undefined;
}

/** The owner columns of an owner: only the field that fits its kind is kept. */
export const ownerColumns = (o: ActionOwnerInput) => ({
  owner_kind: o.ownerKind,
  owner_user_id: o.ownerKind === 'practitioner' ? (o.ownerUserId ?? null) : null,
  owner_name: o.ownerKind === 'third_party' ? (o.ownerName?.trim() ?? null) : null,
});

/**
 * Records an agreed next step on a case: what, who owns it (a practitioner of the organisation, the
 * client, or a third party by name), when it is due, and the goal of the case it serves.
 * @throws AppError CASE_NOT_FOUND, FORBIDDEN, USER_NOT_FOUND (field ownerUserId),
 *   GOAL_NOT_FOUND (field goalId), VALIDATION_FAILED
 */
export async function createAction(ctx: ServiceContext, input: CreateActionInput): Promise<ActionResult> {
  return inTransaction(ctx, (tx) => createActionIn(ctx, tx, input));
}

/**
 * The same, inside the caller's transaction: a caseload review records an improvement agreed at it
 * as an action of the case (`reviewId`), in the review's own transaction.
 * @throws as createAction
 */
export async function createActionIn(
  ctx: ServiceContext,
  tx: Tx,
  input: CreateActionInput & { readonly reviewId?: string | undefined },
): Promise<ActionResult> {
  const actor = requireActor(ctx);
  const { row: caseRow } = await loadCase(ctx, input.caseId, 'contribute', tx);
  if (input.ownerKind === 'practitioner' && input.ownerUserId) {
    await requirePractitioner(ctx, tx, input.ownerUserId);
  }
  if (input.goalId) await requireGoalOfCase(ctx, tx, input.goalId, caseRow.id);
  const now = ctx.clock.now();
  const action = await insertAction(tx, {
    org_id: actor.orgId,
    case_id: caseRow.id,
    description: input.description.trim(),
    ...ownerColumns(input),
    due_date: input.dueDate ?? null,
    completed_at: null,
    result: null,
    goal_id: input.goalId ?? null,
    review_id: input.reviewId ?? null,
    created_by: actor.id,
    created_at: now,
    updated_at: now,
  });
  await audit(ctx, tx, {
    action: 'action.created',
    entityType: 'action',
    entityId: action.id,
    details: {
      caseId: caseRow.id,
      ownerKind: action.owner_kind,
      ...(action.owner_user_id ? { ownerUserId: action.owner_user_id } : {}),
      ...(action.goal_id ? { goalId: action.goal_id } : {}),
      ...(action.review_id ? { reviewId: action.review_id } : {}),
    },
  });
  return actionResult(ctx, tx, action.id);
}
