/**
 * Assessments: every one kept (a trigger refuses UPDATE and DELETE), the latest copied onto the
 * case (assessment_id, priority_band, priority_score, assessed_at) so lists read one row per case.
 * Also the one read of everything an assessment looks at, for one case or thousands at once.
 */
import { sql } from 'kysely';
import type { Band, ImpactLevel } from '../domain/priority/levels.ts';
import {
  type SettingsRow,
  type StoredAssessmentSettings,
  settingsSelect,
  toStoredSettings,
} from './assessment-settings.ts';
import type { DbOrTx } from './db.ts';
import type { AssessmentsTable, AssessmentTrigger } from './schema.ts';

/** What an assessment reads about a case, with its current assessment. */
export interface CaseAssessmentFacts {
  readonly id: string;
  readonly reference: string;
  readonly caseTypeId: string;
  readonly ownerId: string;
  readonly teamId: string | null;
  readonly vulnerability: number;
  readonly impact: string;
  readonly openedAt: Date;
  readonly lastAttentionAt: Date;
  readonly firstContactAt: Date | null;
  readonly safeguardingRaisedAt: Date | null;
  readonly keyDate: { readonly date: string; readonly kind: string; readonly description: string } | null;
  readonly current: {
    readonly id: string;
    readonly policyVersion: number;
    readonly score: number;
    readonly band: Band;
    readonly computedBand: Band;
    readonly reasons: readonly string[];
    readonly override: { readonly band: Band; readonly rationale: string } | null;
  } | null;
}

interface FactsRow {
  id: string;
  reference: string;
  case_type_id: string;
  owner_id: string;
  team_id: string | null;
  vulnerability: number;
  impact: string;
  opened_at: Date;
  last_attention_at: Date;
  first_contact_at: Date | null;
  safeguarding_raised_at: Date | null;
  key_date: string | null;
  key_date_kind: string | null;
  key_date_description: string | null;
  assessment_id: string | null;
  policy_version: number | null;
  score: string | null;
  band: Band | null;
  computed_band: Band | null;
  reasons: string[] | null;
  override_band: Band | null;
  override_rationale: string | null;
}

/**
 * The facts of the organisation's cases that are not closed: those named in `caseIds`, or (with
 * `after`) the next `limit` cases by id after `after`, for walking every open case in batches.
 */
export async function loadAssessmentFacts(
  db: DbOrTx,
  orgId: string,
  which: { readonly caseIds: readonly string[] } | { readonly after: string | null; readonly limit: number },
): Promise<CaseAssessmentFacts[]> {
  if ('caseIds' in which && which.caseIds.length === 0) return [];
  const { rows } = await factsSelect(orgId, which).execute(db);
  return rows.map(toFacts);
}

/**
 * The facts of the named cases that are not closed (as `loadAssessmentFacts`) and the
 * organisation's assessment settings (as `findAssessmentSettings`), in one query: for the
 * re-assessment of a case or a few in the transaction of a change (the settings come with each row).
 */
export async function loadAssessmentFactsWithSettings(
  db: DbOrTx,
  orgId: string,
  caseIds: readonly string[],
): Promise<{ rows: CaseAssessmentFacts[]; settings: StoredAssessmentSettings }> {
  const { rows } = await sql<SettingsRow & (FactsRow | { [K in keyof FactsRow]: null })>`
    SELECT s.*, f.* FROM (${settingsSelect(orgId)}) s
    LEFT JOIN (${factsSelect(orgId, { caseIds })}) f ON true
  `.execute(db);
  const [first] = rows;
  if (!first) throw new Error('the settings query returned no row');
  return {
    rows: rows.flatMap((r) => (r.id === null ? [] : [toFacts(r as FactsRow)])),
    settings: toStoredSettings(first),
  };
}

function factsSelect(
  orgId: string,
  which: { readonly caseIds: readonly string[] } | { readonly after: string | null; readonly limit: number },
) {
  const filter =
    'caseIds' in which
      ? sql`AND c.id = ANY(${[...which.caseIds]}::uuid[])`
      : which.after === null
        ? sql``
        : sql`AND c.id > ${which.after}`;
  const tail = 'caseIds' in which ? sql`` : sql`ORDER BY c.id LIMIT ${which.limit}`;
  return sql<FactsRow>`
    SELECT c.id, c.reference, c.case_type_id, c.owner_id, c.team_id, c.vulnerability, c.impact,
      c.opened_at, c.last_attention_at,
      (SELECT min(n.occurred_at) FROM notes n
        WHERE n.org_id = c.org_id AND n.case_id = c.id AND n.status = 'filed'
          AND n.type IN ('contact', 'advice')) AS first_contact_at,
      (SELECT min(f.raised_at) FROM case_flags f
        WHERE f.org_id = c.org_id AND f.case_id = c.id AND f.kind = 'safeguarding'
          AND f.resolved_at IS NULL) AS safeguarding_raised_at,
      k.due_date AS key_date, k.kind AS key_date_kind, k.description AS key_date_description,
      a.id AS assessment_id, a.policy_version, a.score, a.band, a.computed_band, a.reasons,
      a.override_band, a.override_rationale
    FROM cases c
    LEFT JOIN assessments a ON a.org_id = c.org_id AND a.id = c.assessment_id
    LEFT JOIN LATERAL (
      SELECT kd.due_date, kd.kind, kd.description FROM key_dates kd
      WHERE kd.org_id = c.org_id AND kd.case_id = c.id AND kd.status = 'pending'
      ORDER BY kd.due_date, kd.due_time NULLS LAST, kd.id LIMIT 1
    ) k ON true
    WHERE c.org_id = ${orgId} AND c.status <> 'closed' ${filter}
    ${tail}`;
}

/** The ids of the organisation's cases that are not closed, in id order. */
export async function listOpenCaseIds(db: DbOrTx, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('org_id', '=', orgId)
    .where('status', '<>', 'closed')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

const toFacts = (r: FactsRow): CaseAssessmentFacts => ({
  id: r.id,
  reference: r.reference,
  caseTypeId: r.case_type_id,
  ownerId: r.owner_id,
  teamId: r.team_id,
  vulnerability: r.vulnerability,
  impact: r.impact,
  openedAt: r.opened_at,
  lastAttentionAt: r.last_attention_at,
  firstContactAt: r.first_contact_at,
  safeguardingRaisedAt: r.safeguarding_raised_at,
  keyDate:
    r.key_date === null
      ? null
      : { date: r.key_date, kind: r.key_date_kind ?? '', description: r.key_date_description ?? '' },
  current:
    r.assessment_id === null || r.band === null || r.computed_band === null
      ? null
      : {
          id: r.assessment_id,
          policyVersion: r.policy_version ?? 0,
          score: Number(r.score),
          band: r.band,
          computedBand: r.computed_band,
          reasons: r.reasons ?? [],
          override:
            r.override_band && r.override_rationale
              ? { band: r.override_band, rationale: r.override_rationale }
              : null,
        },
});

export interface NewAssessment {
  readonly orgId: string;
  readonly caseId: string;
  readonly policyVersion: number;
  readonly trigger: AssessmentTrigger;
  readonly inputs: unknown;
  readonly score: number;
  readonly scoreBand: Band;
  readonly computedBand: Band;
  readonly band: Band;
  readonly quadrant: AssessmentsTable['quadrant'];
  readonly forcedBy: string | null;
  readonly contributions: unknown;
  readonly rulesFired: unknown;
  readonly reasons: readonly string[];
  readonly rationale: string | null;
  readonly override: { readonly band: Band; readonly rationale: string } | null;
  readonly assessedBy: string | null;
  readonly assessedAt: Date;
}

/**
 * Stores assessments and makes each its case's current one, in one statement: the batch travels as
 * one JSON parameter (thousands of rows in a daily re-assessment: one round trip, one parse).
 * @returns the new assessments' ids, in the order given
 */
export async function insertAssessments(db: DbOrTx, items: readonly NewAssessment[]): Promise<string[]> {
  if (items.length === 0) return [];
  const orgId = items[0]?.orgId ?? '';
  if (items.some((a) => a.orgId !== orgId)) throw new Error('insertAssessments: one organisation per call');
  if (new Set(items.map((a) => a.caseId)).size !== items.length) {
    throw new Error('insertAssessments: one assessment per case per call');
  }
  const batch = JSON.stringify(
    items.map((a, i) => ({
      ord: i,
      case_id: a.caseId,
      policy_version: a.policyVersion,
      trigger: a.trigger,
      inputs: a.inputs,
      score: a.score,
      score_band: a.scoreBand,
      computed_band: a.computedBand,
      band: a.band,
      quadrant: a.quadrant,
      forced_by: a.forcedBy,
      contributions: a.contributions,
      rules_fired: a.rulesFired,
      reasons: a.reasons,
      rationale: a.rationale,
      override_band: a.override?.band ?? null,
      override_rationale: a.override?.rationale ?? null,
      assessed_by: a.assessedBy,
      assessed_at: a.assessedAt.toISOString(),
    })),
  );
  const { rows } = await sql<{ id: string; ord: number }>`
    WITH v AS (
      SELECT * FROM jsonb_to_recordset(${batch}::jsonb) AS v (ord integer, case_id uuid,
        policy_version integer, trigger text, inputs jsonb, score numeric, score_band text,
        computed_band text, band text, quadrant text, forced_by text, contributions jsonb,
        rules_fired jsonb, reasons jsonb, rationale text, override_band text, override_rationale text,
        assessed_by uuid, assessed_at timestamptz)
    ), inserted AS (
      INSERT INTO assessments (org_id, case_id, policy_version, trigger, inputs, score, score_band,
        computed_band, band, quadrant, forced_by, contributions, rules_fired, reasons, rationale,
        override_band, override_rationale, assessed_by, assessed_at)
      SELECT ${orgId}, case_id, policy_version, trigger, inputs, score, score_band, computed_band,
        band, quadrant, forced_by, contributions, rules_fired, reasons, rationale, override_band,
        override_rationale, assessed_by, assessed_at
      FROM v ORDER BY ord
      RETURNING id, case_id, band, score, assessed_at
    ), current AS (
      UPDATE cases c SET assessment_id = i.id, priority_band = i.band, priority_score = i.score,
        assessed_at = i.assessed_at
      FROM inserted i WHERE c.org_id = ${orgId} AND c.id = i.case_id
    )
    SELECT i.id, v.ord FROM inserted i JOIN v ON v.case_id = i.case_id
  `.execute(db);
  const ids: string[] = new Array(items.length).fill('');
  for (const r of rows) ids[r.ord] = r.id;
  return ids;
}

/** Every assessment of a case, newest first, with the assessor's name. */
export async function listCaseAssessments(db: DbOrTx, orgId: string, caseId: string) {
  return db
    .selectFrom('assessments as a')
    .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'a.assessed_by').onRef('u.org_id', '=', 'a.org_id'))
    .selectAll('a')
    .select('u.display_name as assessed_by_name')
    .where('a.org_id', '=', orgId)
    .where('a.case_id', '=', caseId)
    .orderBy('a.seq', 'desc')
    .execute();
}

export type AssessmentRow = Awaited<ReturnType<typeof listCaseAssessments>>[number];

/** Sets a case's vulnerability and impact (the practitioner's judgements). */
export async function setCaseJudgements(
  db: DbOrTx,
  orgId: string,
  caseId: string,
  values: { vulnerability: number; impact: ImpactLevel; now: Date },
): Promise<void> {
  await db
    .updateTable('cases')
    .set({ vulnerability: values.vulnerability, impact: values.impact, updated_at: values.now })
    .where('org_id', '=', orgId)
    .where('id', '=', caseId)
    .execute();
}
