import type { Actor } from '../../domain/access/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { superviseFileReviews } from '../../domain/file-reviews/file-review-access.ts';
import { describePeriod, type Period } from '../../domain/file-reviews/periods.ts';
import { planSample, type SampleCandidate, type SamplePlan } from '../../domain/file-reviews/sampling.ts';
import { sampleSeed } from '../../domain/file-reviews/seeded-random.ts';
import { addCalendarDays, calendarDateIn, startOfDayIn } from '../../domain/time/calendar.ts';
import { caseWeight } from '../../domain/weighting/case-weight.ts';
import { listComplexityFactors } from '../../store/case-weights.ts';
import type { Tx } from '../../store/db.ts';
import {
  type CandidateRow,
  insertFileReviews,
  listReviewsOfPeriod,
  listSampleCandidates,
  listTeamPractitioners,
  lockSamplingPeriod,
} from '../../store/file-reviews.ts';
import { getTeam } from '../../store/teams.ts';
import {
  audit,
  inTransaction,
  recordDenial,
  requireAccess,
  requireActor,
  type ServiceContext,
} from '../context.ts';
import {
  loadSamplingRule,
  reviewCalendar,
  type SamplingRuleView,
  samplingRuleView,
} from './file-review-views.ts';
import { resolveSamplingPeriod } from './sampling-period.ts';

export interface SampledPractitioner {
  readonly practitioner: { readonly id: string; readonly displayName: string };
  readonly plan: SamplePlan;
  readonly chosen: readonly {
    readonly fileReviewId: string;
    readonly caseId: string;
    readonly reference: string;
    readonly selection: 'risk' | 'random';
    readonly reason: string;
    readonly riskScore: number;
  }[];
}

export interface SampleResult {
  readonly period: Period;
  readonly periodWords: string;
  readonly rule: SamplingRuleView;
  readonly practitioners: readonly SampledPractitioner[];
}

/** The teams to sample: one the actor supervises, or all of them. */
async function teamsToSample(
  ctx: ServiceContext,
  actor: Actor,
  teamId: string | undefined,
): Promise<string[]> {
  if (!teamId) return [...actor.supervisedTeamIds];
  if (actor.supervisedTeamIds.includes(teamId)) return [teamId];
  if (!(await getTeam(ctx.db, actor.orgId, teamId))) throw new AppError('TEAM_NOT_FOUND');
  await recordDenial(ctx, 'file-reviews.sample-team', { entityType: 'team', entityId: teamId });
  throw new AppError('FORBIDDEN', 'You can sample only the teams you supervise.', {
    fields: [{ field: 'teamId', message: 'You can sample only the teams you supervise.' }],
  });
}

/**
 * A supervisor draws the file-review sample of a period (the current one by default) for the
 * members of the teams they supervise (or one of them): per practitioner, up to the rule's N cases
 * open in the period and not yet reviewed in it, a share by risk and the rest at random (seeded by
 * organisation, period and practitioner, so the same facts give the same sample). Running it again
 * only tops up. Audited: `file-review.selected` per review added, and `file-review.sample_drawn`
 * (the case data read: how many candidate cases, which teams).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, TEAM_NOT_FOUND, VALIDATION_FAILED (field period)
 */
export async function sampleFileReviews(
  ctx: ServiceContext,
  input: { readonly period?: string | undefined; readonly teamId?: string | undefined },
): Promise<SampleResult> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, superviseFileReviews, undefined);
  const cal = await reviewCalendar(ctx, actor.orgId);
  const rule = await loadSamplingRule(ctx.db, actor.orgId);
  const period = resolveSamplingPeriod(input.period, rule.period, cal.today);
  const teamIds = await teamsToSample(ctx, actor, input.teamId);
  return inTransaction(ctx, async (tx) => {
    await lockSamplingPeriod(tx, actor.orgId, period.label);
    const practitioners = (await listTeamPractitioners(tx, actor.orgId, teamIds)).filter(
      (p) => p.id !== actor.id,
    );
    const candidates = await listSampleCandidates(tx, {
      actor,
      now: ctx.clock.now(),
      ownerIds: practitioners.map((p) => p.id),
      teamIds,
      from: startOfDayIn(period.first, cal.timeZone),
      to: startOfDayIn(addCalendarDays(period.last, 1), cal.timeZone),
      today: cal.today,
    });
    const toSample = await riskCandidates(tx, actor.orgId, candidates, cal.timeZone);
    const existing = await listReviewsOfPeriod(tx, actor.orgId, period.label);
    const reviewedCaseIds = new Set(existing.map((r) => r.case_id));
    const results: SampledPractitioner[] = [];
    for (const p of practitioners) {
      const mine = existing.filter((r) => r.practitioner_id === p.id);
      const plan = planSample({
        period,
        casesPerPractitioner: rule.casesPerPractitioner,
        riskShare: rule.riskShare,
        seed: sampleSeed(actor.orgId, period.label, p.id),
        candidates: toSample.filter((c) => c.ownerId === p.id),
        reviewedCaseIds,
        existing: {
          risk: mine.filter((r) => r.selection === 'risk').length,
          random: mine.filter((r) => r.selection === 'random').length,
          manual: mine.filter((r) => r.selection === 'manual').length,
        },
      });
      results.push({
        practitioner: p,
        plan,
        chosen: await storeChosen(ctx, tx, actor, period, p.id, plan, toSample),
      });
    }
    await audit(ctx, tx, {
      action: 'file-review.sample_drawn',
      entityType: 'organisation',
      entityId: actor.orgId,
      details: {
        period: period.label,
        teamIds,
        practitioners: practitioners.length,
        candidateCases: candidates.length,
        fileReviewIds: results.flatMap((r) => r.chosen.map((c) => c.fileReviewId)),
      },
    });
    return {
      period,
      periodWords: describePeriod(period),
      rule: samplingRuleView(rule, cal.today),
      practitioners: results,
    };
  });
}

type RiskCandidate = SampleCandidate & { readonly ownerId: string; readonly reference: string };

/** Candidates with their risk facts, the weight computed as the weighting rules compute it. */
async function riskCandidates(
  tx: Tx,
  orgId: string,
  rows: readonly CandidateRow[],
  timeZone: string,
): Promise<RiskCandidate[]> {
  if (rows.length === 0) return [];
  const factors = await listComplexityFactors(tx, orgId);
  return rows.map((r) => ({
    caseId: r.caseId,
    reference: r.reference,
    ownerId: r.ownerId,
    openedOn: calendarDateIn(r.openedAt, timeZone),
    closedOn: r.closedAt ? calendarDateIn(r.closedAt, timeZone) : null,
    risk: {
      band: r.band,
      safeguardingOpen: r.safeguardingOpen,
      vulnerability: r.vulnerability,
      missedKeyDates: r.missedKeyDates,
      weight: caseWeight(factors, {
        baseWeight: r.baseWeight,
        adjustment: r.adjustment,
        manualFactorIds: r.manualFactorIds,
        facts: {
          vulnerability: r.vulnerability,
          interpreterNeeded: r.interpreterNeeded,
          safeguardingOpen: r.safeguardingOpen,
        },
      }).weight,
    },
  }));
}

/** Adds the plan's reviews and audits each; a case another review took meanwhile is left out. */
async function storeChosen(
  ctx: ServiceContext,
  tx: Tx,
  actor: Actor,
  period: Period,
  practitionerId: string,
  plan: SamplePlan,
  candidates: readonly RiskCandidate[],
): Promise<SampledPractitioner['chosen']> {
  const inserted = await insertFileReviews(
    tx,
    plan.chosen.map((c) => ({
      orgId: actor.orgId,
      caseId: c.caseId,
      practitionerId,
      period: period.label,
      selection: c.selection,
      selectionReason: c.reason,
      selectedBy: actor.id,
      selectedAt: ctx.clock.now(),
    })),
  );
  const idOf = new Map(inserted.map((r) => [r.case_id, r.id]));
  const out: SampledPractitioner['chosen'][number][] = [];
  for (const c of plan.chosen) {
    const fileReviewId = idOf.get(c.caseId);
    if (!fileReviewId) continue; // another review of the period took the case first
    await audit(ctx, tx, {
      action: 'file-review.selected',
      entityType: 'file-review',
      entityId: fileReviewId,
      details: {
        caseId: c.caseId,
        practitionerId,
        period: period.label,
        selection: c.selection,
        riskScore: c.risk.score,
      },
    });
    out.push({
      fileReviewId,
      caseId: c.caseId,
      reference: candidates.find((k) => k.caseId === c.caseId)?.reference ?? '',
      selection: c.selection,
      reason: c.reason,
      riskScore: c.risk.score,
    });
  }
  return out;
}
