import { AppError } from '../../domain/errors.ts';
import { superviseReviews } from '../../domain/reviews/review-access.ts';
import { DEFAULT_REVIEW_CADENCE_WEEKS, nextDueAfter } from '../../domain/reviews/schedule.ts';
import { calendarDateIn } from '../../domain/time/calendar.ts';
import { getCaseloadSettings } from '../../store/caseload-settings.ts';
import { latestReviewsOf, upsertReviewSchedule } from '../../store/reviews.ts';
import { getUser } from '../../store/users.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';
import { type PractitionerSchedule, schedulesOf } from './list-review-schedules.ts';
import { practitionerView } from './review-access.ts';

/**
 * Sets a practitioner's review cadence (weeks, or null for the organisation's) and the date their
 * next review is due (today or later; left out: the cadence after their last completed review, or
 * today if they were never reviewed). A supervisor of a team the practitioner belongs to, not for
 * themself. Audited (`review_schedule.set`).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, USER_NOT_FOUND, VALIDATION_FAILED (nextDueOn)
 */
export async function setReviewSchedule(
  ctx: ServiceContext,
  input: {
    readonly practitionerId: string;
    readonly cadenceWeeks: number | null;
    readonly nextDueOn?: string | undefined;
  },
): Promise<PractitionerSchedule> {
  const actor = requireActor(ctx);
  const view = await practitionerView(ctx, ctx.db, input.practitionerId);
  await requireAccess(ctx, superviseReviews, view, { entityType: 'user', entityId: input.practitionerId });
  return inTransaction(ctx, async (tx) => {
    const user = await getUser(tx, actor.orgId, input.practitionerId);
    if (!user) throw new AppError('USER_NOT_FOUND');
    const now = ctx.clock.now();
    const { today, timeZone } = await organisationCalendar(tx, actor.orgId, now);
    if (input.nextDueOn !== undefined && input.nextDueOn < today) {
      throw AppError.field('nextDueOn', 'Choose today or a later date for the next review.');
    }
    let nextDueOn = input.nextDueOn;
    if (nextDueOn === undefined) {
      const settings = await getCaseloadSettings(tx, actor.orgId);
      const cadence = input.cadenceWeeks ?? settings?.reviewCadenceWeeks ?? DEFAULT_REVIEW_CADENCE_WEEKS;
      const last = (await latestReviewsOf(tx, actor.orgId, [user.id])).lastCompleted.get(user.id);
      const fromCadence = last?.completed_at
        ? nextDueAfter(calendarDateIn(last.completed_at, timeZone), cadence)
        : today;
      nextDueOn = fromCadence < today ? today : fromCadence;
    }
    await upsertReviewSchedule(tx, {
      orgId: actor.orgId,
      practitionerId: user.id,
      cadenceWeeks: input.cadenceWeeks,
      nextDueOn,
      updatedBy: actor.id,
      at: now,
    });
    await audit(ctx, tx, {
      action: 'review_schedule.set',
      entityType: 'user',
      entityId: user.id,
      details: { cadenceWeeks: input.cadenceWeeks, nextDueOn },
    });
    const [schedule] = (await schedulesOf(ctx, tx, [user.id])).schedules;
    if (!schedule) throw new AppError('USER_NOT_FOUND');
    return schedule;
  });
}
