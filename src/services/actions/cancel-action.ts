import type { ServiceContext } from '../context.ts';
import type { ActionResult } from './action-view.ts';
import { closeAction } from './close-action.ts';

/**
 * Cancels an open action that is no longer needed, with the reason.
 * @throws AppError ACTION_NOT_FOUND, FORBIDDEN, INVALID_STATUS_CHANGE
 */
export function cancelAction(ctx: ServiceContext, actionId: string, reason: string): Promise<ActionResult> {
  return closeAction(ctx, actionId, { status: 'cancelled', text: reason });
}
