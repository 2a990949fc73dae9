/**
 * Re-assesses cases against the organisation's policy in force: when an input changes (a flag, a
 * key date, a note filed, the case's type or status), when the policy or timescales change, and
 * daily for the time-based criteria. Only a changed result is stored (with the trigger that
 * caused it); a case that turns red has its owner and its team's supervisors told, once.
 *
 * Runs inside the caller's transaction, so an assessment exists exactly when the change that
 * caused it does. Works for a system caller too (no actor: the daily job).
 */
import type { CaseFacts, ClockSettings } from '../../domain/priority/case-clocks.ts';
import { isImpactLevel, isVulnerabilityLevel } from '../../domain/priority/levels.ts';
import { DEFAULT_PRIORITY_POLICY, type PriorityPolicy } from '../../domain/priority/policy.ts';
import { keyDateLabel, type Reassessment, reassess } from '../../domain/priority/reassessment.ts';
import { type ServiceTimescaleSetting, timescaleFor } from '../../domain/priority/service-timescales.ts';
import { findAssessmentSettings, type StoredAssessmentSettings } from '../../store/assessment-settings.ts';
import {
  type CaseAssessmentFacts,
  insertAssessments,
  listOpenCaseIds,
  loadAssessmentFacts,
  loadAssessmentFactsWithSettings,
  type NewAssessment,
} from '../../store/assessments.ts';
import type { DbOrTx, Tx } from '../../store/db.ts';
import type { AssessmentTrigger } from '../../store/schema.ts';
import { auditMany, inTransaction, type ServiceAuditEvent, type ServiceContext } from '../context.ts';
import { calendarOf } from '../organisation-calendar.ts';
import { alertTurnedRedMany } from './turned-red.ts';

/** Everything organisation-wide an assessment needs, read once per batch. */
export interface AssessmentSettings {
  readonly orgId: string;
  readonly policy: PriorityPolicy;
  readonly policyVersion: number;
  readonly timescales: readonly ServiceTimescaleSetting[];
  readonly clock: ClockSettings;
  readonly now: Date;
}

/** The organisation's calendar, policy in force and timescales, read in one query. */
export async function loadAssessmentSettings(
  db: DbOrTx,
  orgId: string,
  now: Date,
): Promise<AssessmentSettings> {
  return settingsOf(orgId, await findAssessmentSettings(db, orgId), now);
}

function settingsOf(orgId: string, stored: StoredAssessmentSettings, now: Date): AssessmentSettings {
  return {
    orgId,
    policy: stored.policy?.policy ?? DEFAULT_PRIORITY_POLICY,
    policyVersion: stored.policy?.version ?? 0,
    timescales: stored.timescales,
    clock: calendarOf(stored.organisation, now),
    now,
  };
}

/** The domain's view of the stored facts. */
export function caseFactsOf(row: CaseAssessmentFacts): CaseFacts {
  return {
    safeguardingRaisedAt: row.safeguardingRaisedAt,
    vulnerability: isVulnerabilityLevel(row.vulnerability) ? row.vulnerability : 0,
    impact: isImpactLevel(row.impact) ? row.impact : 'none',
    nearestKeyDate: row.keyDate
      ? { date: row.keyDate.date, label: keyDateLabel(row.keyDate.description) }
      : null,
    openedAt: row.openedAt,
    lastAttentionAt: row.lastAttentionAt,
    firstContactAt: row.firstContactAt,
  };
}

/** One case measured against the settings (nothing stored). */
export function reassessRow(row: CaseAssessmentFacts, settings: AssessmentSettings): Reassessment {
  const band = row.current?.band ?? 'green';
  return reassess({
    facts: caseFactsOf(row),
    timescale: timescaleFor(settings.timescales, row.caseTypeId, band),
    policy: settings.policy,
    policyVersion: settings.policyVersion,
    current: row.current,
    clock: settings.clock,
    now: settings.now,
  });
}

/** What to store for a re-assessment. */
export function newAssessmentOf(
  row: CaseAssessmentFacts,
  result: Reassessment,
  settings: AssessmentSettings,
  extra: { trigger: AssessmentTrigger; rationale: string | null; assessedBy: string | null },
): NewAssessment {
  const a = result.assessment;
  return {
    orgId: settings.orgId,
    caseId: row.id,
    policyVersion: settings.policyVersion,
    trigger: extra.trigger,
    inputs: result.inputs,
    score: a.score,
    scoreBand: a.scoreBand,
    computedBand: a.computedBand,
    band: a.band,
    quadrant: a.quadrant,
    forcedBy: a.forcedBy ?? null,
    contributions: a.contributions,
    rulesFired: a.rulesFired,
    reasons: a.reasons,
    rationale: extra.rationale,
    override: a.override ?? null,
    assessedBy: extra.assessedBy,
    assessedAt: settings.now,
  };
}

export interface ReassessSummary {
  readonly assessed: number;
  readonly changed: number;
  /** The cases whose new assessment is red and whose previous one was not. */
  readonly turnedRed: readonly string[];
}

/**
 * Re-assesses the given cases of an organisation (closed cases are skipped) in the caller's
 * transaction, storing only the changed results.
 */
export async function reassessCases(
  ctx: ServiceContext,
  tx: Tx,
  target: {
    readonly orgId: string;
    readonly caseIds: readonly string[];
    readonly trigger: AssessmentTrigger;
    /** People the caller has just notified about these cases: not told again that one turned red. */
    readonly toldAlready?: readonly string[];
    /**
     * The caller's own audit events (its change), appended after the re-assessment's in the same
     * append: one lock, one read of the chain's head, one INSERT. The caller then appends nothing.
     */
    readonly thenAudit?: readonly ServiceAuditEvent[];
  },
  settings?: AssessmentSettings,
): Promise<ReassessSummary> {
  const thenAudit = target.thenAudit ?? [];
  let rows: CaseAssessmentFacts[];
  let s: AssessmentSettings;
  if (settings) {
    rows = await loadAssessmentFacts(tx, target.orgId, { caseIds: target.caseIds });
    s = settings;
  } else {
    // The facts and the settings in one round trip (the settings read afresh: a policy saved a
    // moment ago applies).
    const loaded = await loadAssessmentFactsWithSettings(tx, target.orgId, target.caseIds);
    rows = loaded.rows;
    s = settingsOf(target.orgId, loaded.settings, ctx.clock.now());
  }
  if (rows.length === 0) {
    await auditMany(ctx, tx, target.orgId, thenAudit);
    return { assessed: 0, changed: 0, turnedRed: [] };
  }
  return storeChanged(ctx, tx, rows, s, target.trigger, target.toldAlready ?? [], thenAudit);
}

async function storeChanged(
  ctx: ServiceContext,
  tx: Tx,
  rows: readonly CaseAssessmentFacts[],
  settings: AssessmentSettings,
  trigger: AssessmentTrigger,
  toldAlready: readonly string[] = [],
  thenAudit: readonly ServiceAuditEvent[] = [],
): Promise<ReassessSummary> {
  const changed = rows
    .map((row) => ({ row, result: reassessRow(row, settings) }))
    .filter(({ result }) => result.changed);
  const ids = await insertAssessments(
    tx,
    changed.map(({ row, result }) =>
      newAssessmentOf(row, result, settings, { trigger, rationale: null, assessedBy: null }),
    ),
  );
  const actorId = ctx.actor?.orgId === settings.orgId ? ctx.actor.id : null;
  await auditMany(ctx, tx, settings.orgId, [
    ...changed.map(({ row, result }, i) => ({
      actorId,
      action: 'assessment.recorded',
      entityType: 'case',
      entityId: row.id,
      details: {
        assessmentId: ids[i] ?? '',
        band: result.assessment.band,
        trigger,
        policyVersion: settings.policyVersion,
      },
    })),
    ...thenAudit,
  ]);
  const red = changed.flatMap(({ row, result }, i) =>
    result.turnedRed ? [{ row, assessmentId: ids[i] ?? '' }] : [],
  );
  await alertTurnedRedMany(ctx, tx, settings.orgId, red, toldAlready);
  return { assessed: rows.length, changed: changed.length, turnedRed: red.map(({ row }) => row.id) };
}

/** Cases per transaction when re-assessing a whole organisation. */
const BATCH = 500;
/** Transactions at a time: they meet only at the organisation's audit lock, held just to commit. */
const CONCURRENT_BATCHES = 2;

/**
 * Re-assesses every case of the organisation that is not closed, in batches of 500 cases per
 * transaction (so a large caseload never holds one long transaction), two batches at a time, with
 * the policy, timescales and "today" read once at the start. A case closed meanwhile is skipped.
 */
export async function reassessOpenCases(
  ctx: ServiceContext,
  orgId: string,
  trigger: AssessmentTrigger,
): Promise<{ assessed: number; changed: number }> {
  const settings = await loadAssessmentSettings(ctx.db, orgId, ctx.clock.now());
  const ids = await listOpenCaseIds(ctx.db, orgId);
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += BATCH) batches.push(ids.slice(i, i + BATCH));
  let next = 0;
  let assessed = 0;
  let changed = 0;
  const worker = async () => {
    for (let batch = batches[next++]; batch; batch = batches[next++]) {
      const caseIds = batch;
      const summary = await inTransaction(ctx, async (tx) =>
        storeChanged(ctx, tx, await loadAssessmentFacts(tx, orgId, { caseIds }), settings, trigger),
      );
      assessed += summary.assessed;
      changed += summary.changed;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_BATCHES }, worker));
  return { assessed, changed };
}
