import { hasRole } from '../../domain/access/actor.ts';
import { type Analysis, analyseFileReviews } from '../../domain/file-reviews/analysis.ts';
import { correctiveActionStatus } from '../../domain/file-reviews/corrective-actions.ts';
import { viewFileReviewReport } from '../../domain/file-reviews/file-review-access.ts';
import { calendarDateIn } from '../../domain/time/calendar.ts';
import { listFileReviewItems } from '../../store/file-review-items.ts';
import { listActionDatesOfYear, listReviewsOfYear } from '../../store/file-review-report.ts';
import { listAnswers } from '../../store/file-reviews.ts';
import { listTeams } from '../../store/teams.ts';
import { displayNamesOf } from '../../store/users.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { reviewCalendar } from './file-review-views.ts';

export interface FileReviewReport {
  readonly year: number;
  readonly scope: 'organisation' | 'teams';
  readonly teams: readonly { readonly id: string; readonly name: string }[];
  readonly today: string;
  readonly timeZone: string;
  readonly analysis: Analysis;
  readonly reviewsNotCompleted: number;
  readonly practitionerNames: ReadonlyMap<string, string>;
  /** Who asked (for the PDF's footer line). */
  readonly readerName: string;
  readonly correctiveActions: {
    readonly raised: number;
    readonly open: number;
    readonly overdue: number;
    readonly awaitingVerification: number;
    readonly verified: number;
  };
}

/**
 * The annual analysis of file reviews for the year's periods: per checklist item, met / not met /
 * not applicable in the completed reviews and the share met where it applied; per practitioner;
 * the corrective actions raised, overdue (today) and verified. Admins get the organisation's
 * figures, supervisors (not admins) their teams'. Counts and names of staff only, never case data.
 * Audited (`file-review.report_viewed`).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN
 */
export async function getFileReviewReport(
  ctx: ServiceContext,
  input: { readonly year: number; readonly format?: 'json' | 'csv' | 'pdf' | undefined },
): Promise<FileReviewReport> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, viewFileReviewReport, undefined);
  const organisationWide = hasRole(actor, 'admin');
  const teamIds = organisationWide ? undefined : [...actor.supervisedTeamIds];
  const scope = { orgId: actor.orgId, year: input.year, ...(teamIds ? { teamIds } : {}) };
  const cal = await reviewCalendar(ctx, actor.orgId);
  const [reviews, actionDates, items, teams] = await Promise.all([
    listReviewsOfYear(ctx.db, scope),
    listActionDatesOfYear(ctx.db, scope),
    listFileReviewItems(ctx.db, actor.orgId, { activeOnly: false }),
    listTeams(ctx.db, actor.orgId),
  ]);
  const completed = reviews.filter((r) => r.status === 'completed');
  const answers = await listAnswers(
    ctx.db,
    actor.orgId,
    completed.map((r) => r.id),
  );
  const practitionerOf = new Map(completed.map((r) => [r.id, r.practitionerId]));
  const analysis = analyseFileReviews(
    items.map((i) => ({ id: i.id, key: i.key, label: i.label, sortOrder: i.sort_order, active: i.active })),
    completed,
    answers.map((a) => ({
      reviewId: a.file_review_id,
      practitionerId: practitionerOf.get(a.file_review_id) ?? '',
      itemId: a.item_id,
      itemLabel: a.item_label,
      result: a.result,
    })),
    { byPractitioner: true },
  );
  const states = actionDates.map(
    (a) =>
      correctiveActionStatus(
        {
          dueOn: a.dueOn,
          doneOn: a.doneAt ? calendarDateIn(a.doneAt, cal.timeZone) : null,
          verifiedOn: a.verifiedAt ? calendarDateIn(a.verifiedAt, cal.timeZone) : null,
        },
        cal.today,
      ).state,
  );
  const count = (s: string) => states.filter((x) => x === s).length;
  const practitionerNames = await displayNamesOf(ctx.db, actor.orgId, [
    actor.id,
    ...(analysis.practitioners ?? []).map((p) => p.practitionerId),
  ]);
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'file-review.report_viewed',
      entityType: 'organisation',
      entityId: actor.orgId,
      details: {
        year: input.year,
        format: input.format ?? 'json',
        scope: organisationWide ? 'organisation' : 'teams',
        teamIds: teamIds ?? null,
        reviews: completed.length,
      },
    }),
  );
  return {
    year: input.year,
    scope: organisationWide ? 'organisation' : 'teams',
    teams: teams.filter((t) => !teamIds || teamIds.includes(t.id)).map((t) => ({ id: t.id, name: t.name })),
    today: cal.today,
    timeZone: cal.timeZone,
    analysis,
    reviewsNotCompleted: reviews.length - completed.length,
    practitionerNames,
    readerName: practitionerNames.get(actor.id) ?? '',
    correctiveActions: {
      raised: states.length,
      open: count('open'),
      overdue: count('overdue'),
      awaitingVerification: count('awaiting-verification'),
      verified: count('verified'),
    },
  };
}
