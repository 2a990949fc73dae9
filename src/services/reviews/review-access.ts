/**
 * Shared steps of the review use cases: the access view of a practitioner (their teams), and
 * loading a review for reading, holding (changing) or sharing into — a review the actor may not read
 * is not found, exactly as if it did not exist.
 */
import { AppError } from '../../domain/errors.ts';
import {
  holdReview,
  mayReadReview,
  type PractitionerView,
  type ReviewAccessView,
  shareIntoReview,
} from '../../domain/reviews/review-access.ts';
import type { DbOrTx } from '../../store/db.ts';
import { getReview, lockReview, type ReviewRow } from '../../store/reviews.ts';
import { listMemberships } from '../../store/users.ts';
import { requireAccess, requireActor, type ServiceContext } from '../context.ts';

/** The teams a person of the actor's organisation belongs to (none for anyone elsewhere). */
export async function practitionerView(
  ctx: ServiceContext,
  db: DbOrTx,
  userId: string,
): Promise<PractitionerView> {
  const actor = requireActor(ctx);
  const memberships = await listMemberships(db, actor.orgId, [userId]);
  return { userId, userTeamIds: memberships.map((m) => m.teamId) };
}

export interface LoadedReview {
  readonly review: ReviewRow;
  readonly access: ReviewAccessView;
}

export type ReviewNeed = 'read' | 'hold' | 'share';

/**
 * Loads a review for `need`. Not readable: REVIEW_NOT_FOUND. Readable but not the holder (hold) or
 * not its practitioner (share): FORBIDDEN, audited. For hold and share the review must be in
 * progress (CONFLICT otherwise); its row is then locked for the rest of the transaction.
 * @throws AppError UNAUTHENTICATED, REVIEW_NOT_FOUND, FORBIDDEN, CONFLICT
 */
export async function loadReview(
  ctx: ServiceContext,
  db: DbOrTx,
  reviewId: string,
  need: ReviewNeed,
): Promise<LoadedReview> {
  const actor = requireActor(ctx);
  if (need !== 'read') await lockReview(db, actor.orgId, reviewId);
  const review = await getReview(db, actor.orgId, reviewId);
  if (!review) throw new AppError('REVIEW_NOT_FOUND');
  const memberships = await listMemberships(db, actor.orgId, [review.practitioner_id]);
  const access: ReviewAccessView = {
    orgId: review.org_id,
    practitionerId: review.practitioner_id,
    supervisorId: review.supervisor_id,
    practitionerTeamIds: memberships.map((m) => m.teamId),
  };
  if (!mayReadReview(actor, access)) throw new AppError('REVIEW_NOT_FOUND');
  if (need === 'read') return { review, access };
  await requireAccess(ctx, need === 'hold' ? holdReview : shareIntoReview, access, {
    entityType: 'caseload_review',
    entityId: review.id,
  });
  if (review.status !== 'in-progress') {
    throw new AppError(
      'CONFLICT',
      'This review is completed: its record can no longer change. Start a new review to take things further.',
    );
  }
  return { review, access };
}
