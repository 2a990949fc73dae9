/**
 * Shared by the file-review use cases: reaching a review (through the case access check), the
 * organisation's calendar and rule, and corrective actions with their state on a given day.
 */
import type { Actor } from '../../domain/access/actor.ts';
import type { CaseAccessView } from '../../domain/cases/case-access.ts';
import { AppError } from '../../domain/errors.ts';
import {
  type CorrectiveActionStatus,
  correctiveActionStatus,
} from '../../domain/file-reviews/corrective-actions.ts';
import { canSeeFileReview, type FileReviewAccessView } from '../../domain/file-reviews/file-review-access.ts';
import { describePeriod, periodContaining } from '../../domain/file-reviews/periods.ts';
import { describeSamplingRule } from '../../domain/file-reviews/sampling.ts';
import { calendarDateIn } from '../../domain/time/calendar.ts';
import type { CorrectiveActionRow } from '../../store/corrective-actions.ts';
import type { DbOrTx } from '../../store/db.ts';
import { getSamplingRule, type SamplingRuleRow } from '../../store/file-review-items.ts';
import { type FileReviewRow, getFileReview } from '../../store/file-reviews.ts';
import { loadCase } from '../cases/load-case.ts';
import type { ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';

export const reviewNotFound = () =>
  new AppError('NOT_FOUND', 'There is no such file review, or you do not have access to it.');
export const actionNotFound = () =>
  new AppError('NOT_FOUND', 'There is no such corrective action, or you do not have access to it.');

export const accessViewOf = (r: {
  org_id: string;
  practitioner_id: string;
  team_id: string | null;
  owner_id: string;
}): FileReviewAccessView => ({
  orgId: r.org_id,
  practitionerId: r.practitioner_id,
  caseTeamId: r.team_id,
  caseOwnerId: r.owner_id,
});

/**
 * A review the actor may see, reached through loadCase (view): the practitioner under review or a
 * supervisor of the case's team. Anyone else, like a missing review, gets NOT_FOUND.
 * @throws AppError UNAUTHENTICATED, NOT_FOUND
 */
export async function loadFileReview(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  db: DbOrTx = ctx.db,
  options: { lock?: boolean } = {},
): Promise<{ review: FileReviewRow; access: FileReviewAccessView; caseAccess: CaseAccessView }> {
  const review = await getFileReview(db, actor.orgId, id, options);
  if (!review) throw reviewNotFound();
  let caseAccess: CaseAccessView;
  try {
    caseAccess = (await loadCase(ctx, review.case_id, 'view', db)).access;
  } catch (error) {
    if (error instanceof AppError && error.code === 'CASE_NOT_FOUND') throw reviewNotFound();
    throw error;
  }
  const access = accessViewOf(review);
  if (!canSeeFileReview(actor, access)) throw reviewNotFound();
  return { review, access, caseAccess };
}

export interface ReviewCalendar {
  readonly today: string;
  readonly timeZone: string;
}

export async function reviewCalendar(ctx: ServiceContext, orgId: string, db: DbOrTx = ctx.db) {
  const cal = await organisationCalendar(db, orgId, ctx.clock.now());
  return { today: cal.today, timeZone: cal.timeZone } satisfies ReviewCalendar;
}

export interface SamplingRuleView extends SamplingRuleRow {
  readonly currentPeriod: string;
  readonly currentPeriodWords: string;
  readonly description: string;
}

/** The rule with the period today falls in. */
export function samplingRuleView(rule: SamplingRuleRow, today: string): SamplingRuleView {
  const current = periodContaining(today, rule.period);
  return {
    ...rule,
    currentPeriod: current.label,
    currentPeriodWords: describePeriod(current),
    description: describeSamplingRule(rule.casesPerPractitioner, rule.period, rule.riskShare),
  };
}

export async function loadSamplingRule(db: DbOrTx, orgId: string, options: { lock?: boolean } = {}) {
  const rule = await getSamplingRule(db, orgId, options);
  if (!rule) throw new AppError('NOT_FOUND', 'Your organisation could not be found.');
  return rule;
}

export interface CorrectiveActionView extends CorrectiveActionRow {
  readonly status: CorrectiveActionStatus;
}

/** An action with its state on the organisation's today. */
export function actionView(row: CorrectiveActionRow, cal: ReviewCalendar): CorrectiveActionView {
  const status = correctiveActionStatus(
    {
      dueOn: row.due_on,
      doneOn: row.done_at ? calendarDateIn(row.done_at, cal.timeZone) : null,
      verifiedOn: row.verified_at ? calendarDateIn(row.verified_at, cal.timeZone) : null,
    },
    cal.today,
  );
  return { ...row, status };
}

export interface ActionCounts {
  open: number;
  overdue: number;
  awaitingVerification: number;
  verified: number;
}

export function countActions(actions: readonly { status: CorrectiveActionStatus }[]): ActionCounts {
  const counts: ActionCounts = { open: 0, overdue: 0, awaitingVerification: 0, verified: 0 };
  for (const a of actions) {
    if (a.status.state === 'open') counts.open++;
    else if (a.status.state === 'overdue') counts.overdue++;
    else if (a.status.state === 'awaiting-verification') counts.awaitingVerification++;
    else counts.verified++;
  }
  return counts;
}
