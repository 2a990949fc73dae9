import { AppError } from '../../domain/errors.ts';
import { canReviewFile, superviseFileReviews } from '../../domain/file-reviews/file-review-access.ts';
import { isActiveInPeriod } from '../../domain/file-reviews/periods.ts';
import { calendarDateIn } from '../../domain/time/calendar.ts';
import { getFileReview, insertFileReviews, lockSamplingPeriod } from '../../store/file-reviews.ts';
import { loadCase } from '../cases/load-case.ts';
import {
  audit,
  inTransaction,
  recordDenial,
  requireAccess,
  requireActor,
  type ServiceContext,
} from '../context.ts';
import { loadSamplingRule, reviewCalendar } from './file-review-views.ts';
import { type FileReviewSummaryView, summariseReviews } from './review-summaries.ts';
import { resolveSamplingPeriod } from './sampling-period.ts';

/**
 * A supervisor adds a case of their team to a period's file reviews by hand (selection `manual`):
 * a case they may review (not their own), open at some time in the period, not yet in its sample.
 * It counts towards the practitioner's N. Audited (`file-review.selected`).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, CASE_NOT_FOUND, VALIDATION_FAILED (period, caseId),
 *   CONFLICT (field caseId: already in the period's sample)
 */
export async function addFileReview(
  ctx: ServiceContext,
  input: { readonly caseId: string; readonly period?: string | undefined },
): Promise<FileReviewSummaryView> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, superviseFileReviews, undefined);
  const cal = await reviewCalendar(ctx, actor.orgId);
  const rule = await loadSamplingRule(ctx.db, actor.orgId);
  const period = resolveSamplingPeriod(input.period, rule.period, cal.today);
  const id = await inTransaction(ctx, async (tx) => {
    const { row } = await loadCase(ctx, input.caseId, 'view', tx);
    const access = {
      orgId: row.org_id,
      practitionerId: row.owner_id,
      caseTeamId: row.team_id,
      caseOwnerId: row.owner_id,
    };
    if (!canReviewFile(actor, access)) {
      await recordDenial(ctx, 'file-reviews.review', { entityType: 'case', entityId: row.id });
      throw new AppError(
        'FORBIDDEN',
        'Only a supervisor of the case’s team, other than its owner, reviews its file.',
      );
    }
    const opened = calendarDateIn(row.opened_at, cal.timeZone);
    const closed = row.closed_at ? calendarDateIn(row.closed_at, cal.timeZone) : null;
    if (!isActiveInPeriod({ openedOn: opened, closedOn: closed }, period)) {
      throw AppError.field('caseId', `This case was not open at any time in ${period.label}`);
    }
    await lockSamplingPeriod(tx, actor.orgId, period.label);
    const [inserted] = await insertFileReviews(tx, [
      {
        orgId: actor.orgId,
        caseId: row.id,
        practitionerId: row.owner_id,
        period: period.label,
        selection: 'manual',
        selectionReason: 'Added by hand by a supervisor.',
        selectedBy: actor.id,
        selectedAt: ctx.clock.now(),
      },
    ]);
    if (!inserted) {
      throw AppError.field(
        'caseId',
        `This case is already among the file reviews of ${period.label}`,
        'CONFLICT',
      );
    }
    await audit(ctx, tx, {
      action: 'file-review.selected',
      entityType: 'file-review',
      entityId: inserted.id,
      details: { caseId: row.id, practitionerId: row.owner_id, period: period.label, selection: 'manual' },
    });
    return inserted.id;
  });
  const review = await getFileReview(ctx.db, actor.orgId, id);
  if (!review) throw new AppError('INTERNAL', 'The new file review could not be read back.');
  const [summary] = await summariseReviews(ctx.db, actor.orgId, [review], cal);
  if (!summary) throw new AppError('INTERNAL', 'The new file review could not be read back.');
  return summary;
}
