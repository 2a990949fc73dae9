import { AppError } from '../../domain/errors.ts';
import { viewPractitionerReviews } from '../../domain/reviews/review-access.ts';
import { listReviews, type ReviewRow } from '../../store/reviews.ts';
import { listMembersWithNames } from '../../store/teams.ts';
import { getUser } from '../../store/users.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { practitionerView } from './review-access.ts';

/**
 * Caseload reviews, the latest first: one practitioner's (`practitionerId`: themself, or a member of
 * a team the actor supervises), or else every review the actor may read — their own, those they
 * hold, and those of the members of the teams they supervise. Audited (`review.listed`, the ids).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, USER_NOT_FOUND
 */
export async function listCaseloadReviews(
  ctx: ServiceContext,
  input: { readonly practitionerId?: string | undefined },
): Promise<ReviewRow[]> {
  const actor = requireActor(ctx);
  let reviews: ReviewRow[];
  if (input.practitionerId) {
    const view = await practitionerView(ctx, ctx.db, input.practitionerId);
    await requireAccess(ctx, viewPractitionerReviews, view, { entityType: 'user', entityId: view.userId });
    if (!(await getUser(ctx.db, actor.orgId, view.userId))) throw new AppError('USER_NOT_FOUND');
    reviews = await listReviews(ctx.db, actor.orgId, { practitionerIds: [view.userId] });
  } else {
    const supervised = actor.roles.includes('supervisor') ? actor.supervisedTeamIds : [];
    const members = (
      await Promise.all(supervised.map((teamId) => listMembersWithNames(ctx.db, actor.orgId, teamId)))
    )
      .flat()
      .map((m) => m.userId);
    reviews = await listReviews(ctx.db, actor.orgId, {
      practitionerIds: [...new Set([actor.id, ...members])],
      orSupervisorId: actor.id,
    });
  }
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'review.listed',
      entityType: 'caseload_review',
      details: {
        ...(input.practitionerId ? { practitionerId: input.practitionerId } : {}),
        reviewIds: reviews.map((r) => r.id),
      },
    }),
  );
  return reviews;
}
