/**
 * The caseload dashboard's figures for a scope — the actor's own cases, one practitioner's, or
 * some teams' — counting only cases the reader may view. Read in a handful of queries (never one
 * per case) and computed for today in the organisation's calendar. The reviews use it to freeze
 * a caseload review's snapshot, so the result is plain JSON and its shape (DashboardFigures,
 * src/contract/dashboard.ts) is kept stable.
 *
 * No access check and no audit here: callers check whose dashboard the reader may see (the
 * worklist's rule) and audit the read in their own transaction.
 */
import type { DashboardFigures } from '../../contract/dashboard.ts';
import { caseClock } from '../../domain/caseload/effect.ts';
import { casesAtRiskOfNeglect } from '../../domain/caseload/neglect.ts';
import { DEFAULT_STALLED_AFTER_DAYS, stalledCases } from '../../domain/caseload/stalled.ts';
import { clocksBreached, timescaleCompliance } from '../../domain/dashboard/compliance.ts';
import { TREND_WEEKS, trendPeriods } from '../../domain/dashboard/trends.ts';
import {
  KEY_DATE_WINDOW_WORKING_DAYS,
  keyDateWindowEnd,
  lastDaysFrom,
} from '../../domain/dashboard/windows.ts';
import { calendarDateIn, startOfDayIn } from '../../domain/time/calendar.ts';
import { workingDaysBetween } from '../../domain/time/working-days.ts';
import { buildWorklist } from '../../domain/worklist/worklist.ts';
import { listComplexityFactors } from '../../store/case-weights.ts';
import { getCaseloadSettings } from '../../store/caseload-settings.ts';
import {
  listAchievedGoals,
  listOpenCaseRecords,
  listOutcomeTypeOrder,
  listTrendCases,
} from '../../store/dashboard.ts';
import type { DbOrTx } from '../../store/db.ts';
import { type FactorRelevance, listExternalFactors } from '../../store/external-factors.ts';
import { listServiceTimescales } from '../../store/service-timescales.ts';
import { getUser, listMemberships } from '../../store/users.ts';
import { listWorklistCases, type WorklistStoreScope } from '../../store/worklist.ts';
import { requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';
import { capacityOfUser, loadWeightedCases, weighCases } from '../weighting/case-weights.ts';
import { assembleFigures } from './assemble-figures.ts';

export type { DashboardFigures } from '../../contract/dashboard.ts';

/** Whose dashboard: the actor's own, one practitioner's, or the cases of some teams. */
export type DashboardScope =
  | { readonly kind: 'mine' }
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'team'; readonly teamIds: readonly string[] };

/** The longest window any figure looks back over (closures and goals: 90 days; trends: 26 weeks). */
const GOALS_WINDOW_DAYS = 90;

/**
 * The dashboard figures of `scope` for the actor of `ctx`, read through `db` (a transaction when
 * a caller freezes them). Only cases the actor may view are counted (as the worklist).
 * @throws AppError UNAUTHENTICATED
 */
export async function computeDashboardFigures(
  ctx: ServiceContext,
  db: DbOrTx,
  scope: DashboardScope,
): Promise<DashboardFigures> {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  const storeScope: WorklistStoreScope =
    scope.kind === 'team' ? { kind: 'team', teamIds: [...scope.teamIds] } : scope;
  const practitionerId = scope.kind === 'mine' ? actor.id : scope.kind === 'user' ? scope.userId : null;

  const calendar = await organisationCalendar(db, actor.orgId, now);
  const { today, timeZone, nation } = calendar;
  const periods = trendPeriods(today, TREND_WEEKS);
  const windowStart = periods[0]?.weekStart ?? today;
  const windowEnd = periods[periods.length - 1]?.weekEnd ?? today;
  const keyDatesUntil = keyDateWindowEnd(today, KEY_DATE_WINDOW_WORKING_DAYS, nation);
  const relevantTo = await factorRelevance(db, actor.orgId, scope, practitionerId);

  const [settings, timescales, openCases, trendRows, goals, factors, outcomeTypes, complexity] =
    await Promise.all([
      getCaseloadSettings(db, actor.orgId),
      listServiceTimescales(db, actor.orgId),
      listWorklistCases(db, { actor, scope: storeScope, now }),
      listTrendCases(db, { actor, scope: storeScope, now, since: startOfDayIn(windowStart, timeZone) }),
      listAchievedGoals(db, {
        actor,
        scope: storeScope,
        now,
        since: startOfDayIn(lastDaysFrom(today, GOALS_WINDOW_DAYS), timeZone),
      }),
      listExternalFactors(db, actor.orgId, { from: windowStart, to: windowEnd, relevantTo }),
      listOutcomeTypeOrder(db, actor.orgId),
      listComplexityFactors(db, actor.orgId),
    ]);
  const worklist = buildWorklist(openCases, { ...calendar, timescales });
  const rows = worklist.rows;
  const records = await listOpenCaseRecords(db, {
    orgId: actor.orgId,
    caseIds: rows.map((r) => r.case.id),
    today,
    keyDatesUntil,
  });
  const stalledAfterDays = settings?.stalledAfterDays ?? DEFAULT_STALLED_AFTER_DAYS;
  const sinceAttention = (at: Date) =>
    Math.max(0, workingDaysBetween(calendarDateIn(at, timeZone), today, nation));
  const stalled = stalledCases(
    rows.map((r) => ({
      caseId: r.case.id,
      status: r.case.status,
      workingDaysSinceAttention: sinceAttention(r.case.lastAttentionAt),
    })),
    stalledAfterDays,
  );
  const neglect = casesAtRiskOfNeglect(
    rows
      .filter((r) => r.case.status === 'open')
      .map((r) => {
        const clock = caseClock(
          {
            caseId: r.case.id,
            caseTypeId: r.case.type.id,
            band: r.band,
            score: r.assessed ? r.score : null,
            lastAttentionOn: calendarDateIn(r.case.lastAttentionAt, timeZone),
            attendedBefore: r.case.lastAttentionAt.getTime() !== r.case.openedAt.getTime(),
            estimatedEffortHours: null,
          },
          timescales,
          today,
          nation,
        );
        return {
          caseId: clock.caseId,
          band: clock.band,
          reviewTimescaleWorkingDays: clock.reviewTimescaleWorkingDays,
          workingDaysSinceAttention: clock.workingDaysSinceAttention,
        };
      }),
  );
  const compliance = timescaleCompliance(
    rows.map((r) => ({ caseId: r.case.id, breached: clocksBreached(r.clocks) })),
  );
  const capacity = practitionerId === null ? null : await capacityOf(ctx, db, practitionerId, now);
  const weights = new Map(
    weighCases(
      complexity,
      trendRows.map((c) => ({
        caseId: c.id,
        reference: c.reference,
        ownerId: c.ownerId,
        teamId: c.teamId,
        status: c.status === 'on_hold' ? 'on_hold' : 'open',
        caseTypeId: c.caseTypeId,
        baseWeight: c.baseWeight,
        adjustment: c.adjustment,
        manualFactorIds: c.manualFactorIds,
        vulnerability: c.vulnerability,
        interpreterNeeded: c.interpreterNeeded,
        safeguardingOpen: c.safeguardingOpen,
        visible: true,
      })),
    ).map((w) => [w.caseId, w.weight.weight]),
  );

  return assembleFigures({
    scope: {
      kind: scope.kind,
      userId: practitionerId,
      teamIds: scope.kind === 'team' ? [...scope.teamIds] : [],
    },
    now,
    calendar,
    stalledAfterDays,
    keyDatesUntil,
    rows,
    records,
    stalled,
    neglect,
    compliance,
    capacity,
    trendRows,
    weights,
    goals,
    factors,
    outcomeTypes,
  });
}

/** Which external factors bear on the scope: the organisation's, and those of its teams and people. */
async function factorRelevance(
  db: DbOrTx,
  orgId: string,
  scope: DashboardScope,
  practitionerId: string | null,
): Promise<FactorRelevance> {
  if (scope.kind === 'team') {
    return { teamIds: scope.teamIds, userIds: [], membersOfTeamIds: scope.teamIds };
  }
  if (practitionerId === null) return { teamIds: [], userIds: [], membersOfTeamIds: [] };
  // A person's dashboard shows their own factors and their teams', not their colleagues' absences.
  const memberships = await listMemberships(db, orgId, [practitionerId]);
  return { teamIds: memberships.map((m) => m.teamId), userIds: [practitionerId], membersOfTeamIds: [] };
}

/** The practitioner's load (every case they hold, viewable or not) against their capacity. */
async function capacityOf(ctx: ServiceContext, db: DbOrTx, userId: string, now: Date) {
  const actor = requireActor(ctx);
  const [user, weighted] = await Promise.all([
    getUser(db, actor.orgId, userId),
    loadWeightedCases(db, { actor, now, ownerIds: [userId] }),
  ]);
  if (!user) return null;
  return { capacity: capacityOfUser(user), weighted };
}
