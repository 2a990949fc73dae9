import { AppError } from '../../domain/errors.ts';
import { buildOutcomeReport, type OutcomeReport } from '../../domain/outcomes/outcome-report.ts';
import { addCalendarDays, calendarDaysBetween, startOfDayIn } from '../../domain/time/calendar.ts';
import { loadOutcomeReportRows } from '../../store/outcome-report.ts';
import { listOutcomeTypes } from '../../store/outcome-types.ts';
import { resolveCaseloadScope } from '../caseload-scope.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';

export interface OutcomeReportInput {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly scope: 'mine' | 'user' | 'team';
  readonly userId?: string | undefined;
  readonly teamId?: string | undefined;
}

export interface OutcomeReportResult extends OutcomeReport {
  readonly from: string;
  readonly to: string;
  readonly scope: OutcomeReportInput['scope'];
  readonly userId: string | null;
  readonly teamId: string | null;
}

/** The longest period a report covers (about five years). */
const MAX_DAYS = 1830;

/**
 * The outcome report of a period (days in the organisation's time zone, both included; by default
 * the 90 days to today) for the actor's own cases, one member of a team they supervise, or a team
 * they supervise — the worklist's access rule, and only cases the actor may see: cases closed in
 * the period by outcome category ("not recorded" for those closed before the outcome list),
 * financial outcomes recorded in the period per kind (annualised), goal results recorded in the
 * period, and referrals out made in the period by their status now. The read is audited with the
 * scope, the period and the ids of the cases counted.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, VALIDATION_FAILED (query.from, query.userId, query.teamId)
 */
export async function getOutcomeReport(
  ctx: ServiceContext,
  input: OutcomeReportInput,
): Promise<OutcomeReportResult> {
  const actor = requireActor(ctx);
  const userId = input.scope === 'user' ? (input.userId ?? null) : null;
  const teamId = input.scope === 'team' ? (input.teamId ?? null) : null;
  const storeScope = await resolveCaseloadScope(ctx, input, 'outcomes');
  const now = ctx.clock.now();
  const calendar = await organisationCalendar(ctx.db, actor.orgId, now);
  const to = input.to ?? calendar.today;
  const from = input.from ?? addCalendarDays(to, -89);
  if (from > to) throw AppError.field('query.from', 'The period must start on or before its last day (to).');
  if (calendarDaysBetween(from, to) > MAX_DAYS)
    throw AppError.field('query.from', 'Choose a period of at most five years.');
  const [rows, outcomeTypes] = await Promise.all([
    loadOutcomeReportRows(ctx.db, {
      actor,
      scope: storeScope,
      now,
      start: startOfDayIn(from, calendar.timeZone),
      end: startOfDayIn(addCalendarDays(to, 1), calendar.timeZone),
      fromDate: from,
      toDate: to,
    }),
    listOutcomeTypes(ctx.db, actor.orgId, { activeOnly: false }),
  ]);
  const report = buildOutcomeReport({
    outcomeTypes: outcomeTypes.map((t) => ({
      key: t.key,
      label: t.label,
      positive: t.positive,
      active: t.active,
    })),
    closedOutcomeKeys: rows.closed.map((c) => c.outcomeKey),
    financialOutcomes: rows.financial,
    goalResults: rows.goals.map((g) => g.result),
    referralOutStatuses: rows.referralsOut.map((r) => r.status),
  });
  const caseIds = [
    ...new Set([...rows.closed, ...rows.financial, ...rows.goals, ...rows.referralsOut].map((r) => r.caseId)),
  ].sort();
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'outcome_report.viewed',
      entityType: 'case',
      details: {
        scope: input.scope,
        ...(userId ? { userId } : {}),
        ...(teamId ? { teamId } : {}),
        from,
        to,
        caseIds,
      },
    }),
  );
  return { ...report, from, to, scope: input.scope, userId, teamId };
}
