import { manageRetention } from '../../domain/access/retention.ts';
import { AppError } from '../../domain/errors.ts';
import { MONTH_PATTERN, monthOf, reviewMonthEnd } from '../../domain/retention/retention.ts';
import { type DueCaseRow, listDueCases } from '../../store/retention.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';

export interface RetentionReview {
  readonly month: string;
  /** The last day of the month: cases due on or before it are listed. */
  readonly until: string;
  readonly today: string;
  readonly cases: readonly DueCaseRow[];
}

/**
 * The monthly retention review: closed cases whose destruction date falls in the month or earlier
 * and that have been neither erased nor extended beyond it. References, types and dates only — no
 * client details. Audited with the case ids listed.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, VALIDATION_FAILED (month)
 */
export async function listRetentionReview(ctx: ServiceContext, month?: string): Promise<RetentionReview> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageRetention, undefined);
  if (month !== undefined && !MONTH_PATTERN.test(month)) {
    throw AppError.field('month', 'Give the month as YYYY-MM, e.g. 2032-11.');
  }
  return inTransaction(ctx, async (tx) => {
    const { today } = await organisationCalendar(tx, actor.orgId, ctx.clock.now());
    const m = month ?? monthOf(today);
    const until = reviewMonthEnd(m);
    const cases = await listDueCases(tx, actor.orgId, until);
    await audit(ctx, tx, {
      action: 'retention.review_listed',
      entityType: 'organisation',
      entityId: actor.orgId,
      details: { month: m, caseIds: cases.map((c) => c.id) },
    });
    return { month: m, until, today, cases };
  });
}
