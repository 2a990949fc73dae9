import { maySuperviseReviewOf } from '../../domain/reviews/review-access.ts';
import {
  DEFAULT_REVIEW_CADENCE_WEEKS,
  type ReviewSchedule,
  reviewSchedule,
} from '../../domain/reviews/schedule.ts';
import { type CalendarDate, calendarDateIn } from '../../domain/time/calendar.ts';
import { getCaseloadSettings } from '../../store/caseload-settings.ts';
import type { DbOrTx } from '../../store/db.ts';
import { latestReviewsOf, listReviewSchedules, type ReviewRow } from '../../store/reviews.ts';
import { listMembersWithNames } from '../../store/teams.ts';
import { displayNamesOf, listMemberships } from '../../store/users.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';

export interface PractitionerSchedule {
  readonly practitioner: { readonly id: string; readonly displayName: string };
  readonly self: boolean;
  readonly ownCadenceWeeks: number | null;
  readonly organisationCadenceWeeks: number;
  readonly schedule: ReviewSchedule;
  readonly lastReview: ReviewRow | null;
  readonly inProgressReview: ReviewRow | null;
  readonly mayStart: boolean;
  readonly maySetSchedule: boolean;
}

/**
 * The schedules of some people of an organisation today, in the order given; `mayStart` and
 * `maySetSchedule` as the context's actor sees them (false for scheduled work, which has none).
 * No access check: the caller decides whose.
 */
export async function schedulesOf(
  ctx: ServiceContext,
  db: DbOrTx,
  userIds: readonly string[],
  orgId: string = requireActor(ctx).orgId,
): Promise<{ today: CalendarDate; schedules: PractitionerSchedule[] }> {
  const actor = ctx.actor;
  const now = ctx.clock.now();
  const [calendar, settings, rows, latest, names, memberships] = await Promise.all([
    organisationCalendar(db, orgId, now),
    getCaseloadSettings(db, orgId),
    listReviewSchedules(db, orgId, userIds),
    latestReviewsOf(db, orgId, userIds),
    displayNamesOf(db, orgId, userIds),
    listMemberships(db, orgId, userIds),
  ]);
  const organisationCadenceWeeks = settings?.reviewCadenceWeeks ?? DEFAULT_REVIEW_CADENCE_WEEKS;
  const byUser = new Map(rows.map((r) => [r.practitioner_id, r]));
  const schedules = userIds
    .filter((id) => names.has(id))
    .map((id) => {
      const row = byUser.get(id);
      const last = latest.lastCompleted.get(id) ?? null;
      const inProgress = latest.inProgress.get(id) ?? null;
      const view = {
        userId: id,
        userTeamIds: memberships.filter((m) => m.userId === id).map((m) => m.teamId),
      };
      const supervises = actor !== undefined && maySuperviseReviewOf(actor, view);
      return {
        practitioner: { id, displayName: names.get(id) ?? '' },
        self: id === actor?.id,
        ownCadenceWeeks: row?.cadence_weeks ?? null,
        organisationCadenceWeeks,
        schedule: reviewSchedule({
          today: calendar.today,
          ownCadenceWeeks: row?.cadence_weeks ?? null,
          organisationCadenceWeeks,
          scheduledOn: row?.next_due_on ?? null,
          lastCompletedOn: last?.completed_at ? calendarDateIn(last.completed_at, calendar.timeZone) : null,
        }),
        lastReview: last,
        inProgressReview: inProgress,
        mayStart: supervises && inProgress === null,
        maySetSchedule: supervises,
      };
    });
  return { today: calendar.today, schedules };
}

/**
 * Review schedules: the actor's own, then (for a supervisor) the members of the teams they
 * supervise, the most overdue first — each with the cadence, the next due date and its status in
 * words, the last completed review and any review in progress. Audited (`review_schedule.listed`).
 * @throws AppError UNAUTHENTICATED
 */
export async function listReviewSchedulesFor(
  ctx: ServiceContext,
): Promise<{ today: CalendarDate; schedules: PractitionerSchedule[] }> {
  const actor = requireActor(ctx);
  const supervised = actor.roles.includes('supervisor') ? actor.supervisedTeamIds : [];
  const members = (await Promise.all(supervised.map((t) => listMembersWithNames(ctx.db, actor.orgId, t))))
    .flat()
    .map((m) => m.userId)
    .filter((id) => id !== actor.id);
  const result = await schedulesOf(ctx, ctx.db, [actor.id, ...new Set(members)]);
  const [own, ...others] = result.schedules;
  others.sort(
    (a, b) =>
      a.schedule.daysUntilDue - b.schedule.daysUntilDue ||
      a.practitioner.displayName.localeCompare(b.practitioner.displayName),
  );
  const schedules = own?.self ? [own, ...others] : result.schedules;
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'review_schedule.listed',
      entityType: 'user',
      details: { practitionerIds: schedules.map((s) => s.practitioner.id) },
    }),
  );
  return { today: result.today, schedules };
}
