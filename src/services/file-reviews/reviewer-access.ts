import type { Actor } from '../../domain/access/actor.ts';
import type { CaseAccessView } from '../../domain/cases/case-access.ts';
import { AppError } from '../../domain/errors.ts';
import { canReviewFile, type FileReviewAccessView } from '../../domain/file-reviews/file-review-access.ts';
import type { Tx } from '../../store/db.ts';
import { type FileReviewRow, getFileReview } from '../../store/file-reviews.ts';
import { recordDenial, type ServiceContext } from '../context.ts';
import { loadFileReview } from './file-review-views.ts';

/**
 * A review locked for the reviewer: a supervisor of the case's team who is neither the
 * practitioner nor the case's owner. Others who may see it get FORBIDDEN (audited); anyone else
 * NOT_FOUND.
 * @throws AppError UNAUTHENTICATED, NOT_FOUND, FORBIDDEN
 */
export async function loadReviewForReviewer(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  tx: Tx,
): Promise<{ review: FileReviewRow; access: FileReviewAccessView; caseAccess: CaseAccessView }> {
  const loaded = await loadFileReview(ctx, actor, id, tx, { lock: true });
  if (!canReviewFile(actor, loaded.access)) {
    await recordDenial(ctx, 'file-reviews.review', { entityType: 'file-review', entityId: id });
    throw new AppError(
      'FORBIDDEN',
      'Only a supervisor of the case’s team, other than the practitioner under review, reviews this file.',
    );
  }
  return loaded;
}

/** The review as it is now (after a change), for the answer. */
export async function reread(ctx: ServiceContext, actor: Actor, id: string): Promise<FileReviewRow> {
  const row = await getFileReview(ctx.db, actor.orgId, id);
  if (!row) throw new AppError('INTERNAL', 'The file review could not be read back.');
  return row;
}

export const completedConflict = () =>
  new AppError('CONFLICT', 'This file review is completed: its answers and summary can no longer change.');
