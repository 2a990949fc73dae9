/** Shared steps of the action use cases: the organisation's "today", and loading an action to change. */
import { isActionOverdue } from '../../domain/actions/action-rules.ts';
import { AppError } from '../../domain/errors.ts';
import { type ActionRow, type ActionView, getActionForUpdate, getActionView } from '../../store/actions.ts';
import type { DbOrTx, Tx } from '../../store/db.ts';
import { getGoal } from '../../store/goals.ts';
import { getOrganisation } from '../../store/organisations.ts';
import { getUser } from '../../store/users.ts';
import { type LoadedCase, loadCase } from '../cases/load-case.ts';
import { requireActor, type ServiceContext } from '../context.ts';

/** An action as the API shows it: the row, its owner's name, and whether it is overdue now. */
export interface ActionResult {
  readonly action: ActionView;
  readonly overdue: boolean;
}

const DEFAULT_TIME_ZONE = 'Europe/London';

/** The organisation's time zone, which decides what "today" is. */
export async function organisationTimeZone(db: DbOrTx, orgId: string): Promise<string> {
  return (await getOrganisation(db, orgId))?.time_zone ?? DEFAULT_TIME_ZONE;
}

export function withOverdue(ctx: ServiceContext, action: ActionView, timeZone: string): ActionResult {
  const overdue = isActionOverdue(
    { status: action.status, dueDate: action.due_date },
    ctx.clock.now(),
    timeZone,
  );
  return { action, overdue };
}

/** Reads one action back (after a change) as the API shows it. */
export async function actionResult(ctx: ServiceContext, db: DbOrTx, actionId: string): Promise<ActionResult> {
  const actor = requireActor(ctx);
  const view = await getActionView(db, actor.orgId, actionId);
  if (!view) throw new AppError('ACTION_NOT_FOUND');
  return withOverdue(ctx, view, await organisationTimeZone(db, actor.orgId));
}

/**
 * Locks an action and checks that the actor may contribute to its case. An action of a case the
 * actor may not see is not found, exactly like one that does not exist.
 * @throws AppError ACTION_NOT_FOUND, FORBIDDEN
 */
export async function loadActionForChange(
  ctx: ServiceContext,
  tx: Tx,
  actionId: string,
): Promise<{ action: ActionRow; loaded: LoadedCase }> {
  const actor = requireActor(ctx);
  const action = await getActionForUpdate(tx, actor.orgId, actionId);
  if (!action) throw new AppError('ACTION_NOT_FOUND');
  try {
    return { action, loaded: await loadCase(ctx, action.case_id, 'contribute', tx) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'CASE_NOT_FOUND') throw new AppError('ACTION_NOT_FOUND');
    throw error;
  }
}

/**
 * The practitioner who is to own an action must be an active user of the organisation.
 * @throws AppError USER_NOT_FOUND (field ownerUserId)
 */
export async function requirePractitioner(ctx: ServiceContext, db: DbOrTx, userId: string): Promise<void> {
  const user = await getUser(db, requireActor(ctx).orgId, userId);
  if (user?.status !== 'active') {
    throw AppError.field(
      'ownerUserId',
      'There is no active user with this id in your organisation; choose a practitioner who works here.',
      'USER_NOT_FOUND',
    );
  }
}

/**
 * A goal linked to an action must belong to the same case.
 * @throws AppError GOAL_NOT_FOUND (field goalId)
 */
export async function requireGoalOfCase(
  ctx: ServiceContext,
  db: DbOrTx,
  goalId: string,
  caseId: string,
): Promise<void> {
  const goal = await getGoal(db, requireActor(ctx).orgId, goalId);
  if (!goal || goal.case_id !== caseId) {
    throw AppError.field(
      'goalId',
      'There is no such goal on this case; link a goal of the same case (GET /api/cases/{caseId}/goals).',
      'GOAL_NOT_FOUND',
    );
  }
}
