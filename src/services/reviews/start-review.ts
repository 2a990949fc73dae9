import { AppError } from '../../domain/errors.ts';
import { countReasons } from '../../domain/reviews/proposals.ts';
import { superviseReviews } from '../../domain/reviews/review-access.ts';
import { isUniqueViolation } from '../../store/errors.ts';
import { insertReview, insertReviewCases, latestReviewsOf } from '../../store/reviews.ts';
import { getUser } from '../../store/users.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { computeDashboardFigures } from '../dashboard/dashboard-figures.ts';
import { practitionerView } from './review-access.ts';
import { proposalsFor } from './review-proposals.ts';

/** The version of the snapshot's shape, so later readers know what they are reading. */
export const SNAPSHOT_VERSION = 1;

const ALREADY =
  'A review of this practitioner is already in progress: finish it (or open it from the Reviews page) first.';

/**
 * Starts a caseload review of a practitioner: freezes the snapshot — their dashboard figures, load
 * against capacity and the cases proposed for discussion with the reasons — and puts the proposed
 * cases on the review's agenda. Only a supervisor of a team the practitioner belongs to, never for
 * themself; one review in progress per practitioner. Audited (`review.started`, with the case ids
 * and how many cases each reason proposed).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, USER_NOT_FOUND, CONFLICT (one is in progress)
 */
export async function startReview(
  ctx: ServiceContext,
  input: { readonly practitionerId: string },
): Promise<{ readonly reviewId: string }> {
  const actor = requireActor(ctx);
  const practitioner = await practitionerView(ctx, ctx.db, input.practitionerId);
  await requireAccess(ctx, superviseReviews, practitioner, {
    entityType: 'user',
    entityId: input.practitionerId,
  });
  try {
    return await inTransaction(ctx, async (tx) => {
      const user = await getUser(tx, actor.orgId, input.practitionerId);
      if (!user) throw new AppError('USER_NOT_FOUND');
      const { inProgress } = await latestReviewsOf(tx, actor.orgId, [user.id]);
      if (inProgress.has(user.id)) throw new AppError('CONFLICT', ALREADY);
      const now = ctx.clock.now();
      const dashboard = await computeDashboardFigures(ctx, tx, { kind: 'user', userId: user.id });
      const proposed = await proposalsFor(ctx, tx, user.id);
      const snapshot = {
        version: SNAPSHOT_VERSION,
        takenAt: now.toISOString(),
        today: proposed.today,
        practitioner: { id: user.id, displayName: user.display_name },
        stalledAfterDays: proposed.stalledAfterDays,
        dashboard,
        capacity: proposed.capacity && {
          load: proposed.capacity.load,
          capacity: proposed.capacity.capacity,
          rag: proposed.capacity.rag,
          summary: proposed.capacity.summary,
        },
        proposals: proposed.proposals,
      };
      const review = await insertReview(tx, {
        orgId: actor.orgId,
        practitionerId: user.id,
        supervisorId: actor.id,
        startedAt: now,
        snapshot,
      });
      await insertReviewCases(
        tx,
        actor.orgId,
        review.id,
        proposed.proposals.map((p) => ({ caseId: p.caseId, proposed: true, reasons: p.reasons })),
      );
      await audit(ctx, tx, {
        action: 'review.started',
        entityType: 'caseload_review',
        entityId: review.id,
        details: {
          practitionerId: user.id,
          proposedCases: proposed.proposals.length,
          caseIds: proposed.proposals.map((p) => p.caseId),
          reasons: countReasons(proposed.proposals),
        },
      });
      return { reviewId: review.id };
    });
  } catch (error) {
    // Two supervisors starting at the same moment: the database lets one through.
    if (isUniqueViolation(error, 'caseload_reviews_one_in_progress_idx'))
      throw new AppError('CONFLICT', ALREADY);
    throw error;
  }
}
