import type { Actor } from '../../domain/access/actor.ts';
import { AppError } from '../../domain/errors.ts';
import type { FileReviewAccessView } from '../../domain/file-reviews/file-review-access.ts';
import { type CorrectiveActionRow, getCorrectiveAction } from '../../store/corrective-actions.ts';
import type { Tx } from '../../store/db.ts';
import type { ServiceContext } from '../context.ts';
import { actionNotFound, loadFileReview } from './file-review-views.ts';

/**
 * A corrective action, locked, reached through its review (and so through the case access check):
 * seen by the practitioner under review and the supervisors of the case's team, else NOT_FOUND.
 * @throws AppError UNAUTHENTICATED, NOT_FOUND
 */
export async function loadCorrectiveAction(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  tx: Tx,
): Promise<{ action: CorrectiveActionRow; access: FileReviewAccessView }> {
  const action = await getCorrectiveAction(tx, actor.orgId, id, { lock: true });
  if (!action) throw actionNotFound();
  try {
    const { access } = await loadFileReview(ctx, actor, action.file_review_id, tx);
    return { action, access };
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw actionNotFound();
    throw error;
  }
}

/** The action as it is now, for the answer. */
export async function rereadAction(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<CorrectiveActionRow> {
  const row = await getCorrectiveAction(ctx.db, actor.orgId, id);
  if (!row) throw new AppError('INTERNAL', 'The corrective action could not be read back.');
  return row;
}
