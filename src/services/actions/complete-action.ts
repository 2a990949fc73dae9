import type { ServiceContext } from '../context.ts';
import type { ActionResult } from './action-view.ts';
import { closeAction } from './close-action.ts';

/**
 * Marks an open action done, with what came of it; stamps completed_at.
 * @throws AppError ACTION_NOT_FOUND, FORBIDDEN, INVALID_STATUS_CHANGE
 */
export function completeAction(ctx: ServiceContext, actionId: string, result: string): Promise<ActionResult> {
  return closeAction(ctx, actionId, { status: 'done', text: result });
}
