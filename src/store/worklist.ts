/**
 * The worklist in one query: every open or on-hold case of a scope that the reader may see
 * (caseVisibleTo, the SQL form of the case access policies), with its client, type, owner, current
 * assessment, nearest pending key date, earliest open action with a due date, open flags and first
 * contact, and the client's consents to recording with the organisation's period — one row per
 * case, never a query per case.
 */
import { sql } from 'kysely';
import type { Actor } from '../domain/access/actor.ts';
import type { Quadrant } from '../domain/priority/assess.ts';
import type { Band } from '../domain/priority/levels.ts';
import type { WorklistCase } from '../domain/worklist/worklist-row.ts';
import { caseVisibleTo } from './case-visibility.ts';
import type { DbOrTx } from './db.ts';

/** A consent to recording as json_agg returns it (dates as 'YYYY-MM-DD' text). */
interface RecordingConsentJson {
  readonly id: string;
  readonly givenAt: string;
  readonly expiresAt: string | null;
  readonly withdrawnAt: string | null;
}

/** Whose cases: the actor's own, one person's, or those of some teams. */
export type WorklistStoreScope =
  | { readonly kind: 'mine' }
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'team'; readonly teamIds: readonly string[] };

export interface WorklistQuery {
  readonly actor: Actor;
  readonly scope: WorklistStoreScope;
  readonly now: Date;
}

/**
 * The worklist query as a Kysely builder, not yet run: listWorklistCases runs it, and the benchmark
 * compiles it to run the very same SQL text and parameters through `pg` (bench/README.md).
 * Null when the scope names no team (nothing to read).
 */
export function worklistCasesQuery(db: DbOrTx, q: WorklistQuery) {
  const { actor, scope } = q;
  if (scope.kind === 'team' && scope.teamIds.length === 0) return null;
  let query = db
    .selectFrom('cases as c')
    .innerJoin('clients as cl', (j) =>
      j.onRef('cl.id', '=', 'c.client_id').onRef('cl.org_id', '=', 'c.org_id'),
    )
    .innerJoin('case_types as ct', (j) =>
      j.onRef('ct.id', '=', 'c.case_type_id').onRef('ct.org_id', '=', 'c.org_id'),
    )
    .innerJoin('users as o', (j) => j.onRef('o.id', '=', 'c.owner_id').onRef('o.org_id', '=', 'c.org_id'))
    .leftJoin('teams as t', (j) => j.onRef('t.id', '=', 'c.team_id').onRef('t.org_id', '=', 'c.org_id'))
    .leftJoin('assessments as a', (j) =>
      j.onRef('a.id', '=', 'c.assessment_id').onRef('a.org_id', '=', 'c.org_id'),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('key_dates as kd')
          .select(['kd.due_date', 'kd.kind', 'kd.description'])
          .whereRef('kd.org_id', '=', 'c.org_id')
          .whereRef('kd.case_id', '=', 'c.id')
          .where('kd.status', '=', 'pending')
          .orderBy('kd.due_date')
          .orderBy('kd.due_time', (ob) => ob.asc().nullsLast())
          .orderBy('kd.id')
          .limit(1)
          .as('k'),
      (j) => j.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('actions as ac')
          .select(['ac.id', 'ac.due_date', 'ac.description'])
          .whereRef('ac.org_id', '=', 'c.org_id')
          .whereRef('ac.case_id', '=', 'c.id')
          .where('ac.status', '=', 'open')
          .where('ac.due_date', 'is not', null)
          .orderBy('ac.due_date')
          .orderBy('ac.id')
          .limit(1)
          .as('na'),
      (j) => j.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('case_flags as f')
          .select([
            sql<number>`count(*) FILTER (WHERE f.kind = 'safeguarding')`.as('safeguarding'),
            sql<number>`count(*) FILTER (WHERE f.kind = 'vulnerability')`.as('vulnerability'),
            sql<Date | null>`min(f.raised_at) FILTER (WHERE f.kind = 'safeguarding')`.as(
              'safeguarding_raised_at',
            ),
          ])
          .whereRef('f.org_id', '=', 'c.org_id')
          .whereRef('f.case_id', '=', 'c.id')
          .where('f.resolved_at', 'is', null)
          .as('fl'),
      (j) => j.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('consents as rc')
          .select(
            sql<RecordingConsentJson[] | null>`json_agg(json_build_object(
              'id', rc.id, 'givenAt', rc.given_at, 'expiresAt', rc.expires_at, 'withdrawnAt', rc.withdrawn_at))`.as(
              'consents',
            ),
          )
          .whereRef('rc.org_id', '=', 'c.org_id')
          .whereRef('rc.client_id', '=', 'c.client_id')
          .where('rc.purpose', '=', 'recording')
          .as('rcs'),
      (j) => j.onTrue(),
    )
    .innerJoin('organisations as org', 'org.id', 'c.org_id')
    .select((eb) => [
      'rcs.consents as recording_consents',
      'org.recording_consent_months',
      'c.id',
      'c.reference',
      'c.status',
      'c.vulnerability',
      'c.impact',
      'c.opened_at',
      'c.last_attention_at',
      'c.allocated_hours',
      'cl.id as client_id',
      'cl.legal_name',
      'cl.preferred_name',
      'ct.id as type_id',
      'ct.key as type_key',
      'ct.name as type_name',
      'o.id as owner_id',
      'o.display_name as owner_name',
      'o.status as owner_status',
      't.id as team_id',
      't.name as team_name',
      'a.id as assessment_id',
      'a.band',
      'a.computed_band',
      'a.score',
      'a.quadrant',
      'a.reasons',
      'a.override_band',
      'a.override_rationale',
      'a.assessed_at',
      'k.due_date as key_date',
      'k.kind as key_date_kind',
      'k.description as key_date_description',
      'na.id as action_id',
      'na.due_date as action_due_date',
      'na.description as action_description',
      'fl.safeguarding as safeguarding_flags',
      'fl.vulnerability as vulnerability_flags',
      'fl.safeguarding_raised_at',
      eb
        .exists(
          eb
            .selectFrom('case_handovers as h')
            .select(sql<number>`1`.as('one'))
            .whereRef('h.org_id', '=', 'c.org_id')
            .whereRef('h.case_id', '=', 'c.id')
            .where('h.to_user_id', '=', actor.id)
            .where('h.acknowledged_at', 'is', null),
        )
        .as('handover_to_read'),
      eb
        .selectFrom('notes as n')
        .select((n) => n.fn.min('n.occurred_at').as('first'))
        .whereRef('n.org_id', '=', 'c.org_id')
        .whereRef('n.case_id', '=', 'c.id')
        .where('n.status', '=', 'filed')
        .where('n.type', 'in', ['contact', 'advice'])
        .as('first_contact_at'),
    ])
    .where('c.org_id', '=', actor.orgId)
    .where('c.status', 'in', ['open', 'on_hold'])
    .where(caseVisibleTo(actor, q.now));
  if (scope.kind === 'mine') query = query.where('c.owner_id', '=', actor.id);
  if (scope.kind === 'user') query = query.where('c.owner_id', '=', scope.userId);
  if (scope.kind === 'team') query = query.where('c.team_id', 'in', [...scope.teamIds]);
  return query;
}

/**
 * The cases of a worklist (not closed), filtered in the query by organisation, visibility and scope;
 * in no particular order (the domain orders them).
 */
export async function listWorklistCases(db: DbOrTx, q: WorklistQuery): Promise<WorklistCase[]> {
  const query = worklistCasesQuery(db, q);
  if (query === null) return [];
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    status: r.status === 'on_hold' ? 'on_hold' : 'open',
    client: { id: r.client_id, displayName: r.preferred_name?.trim() ? r.preferred_name : r.legal_name },
    type: { id: r.type_id, key: r.type_key, name: r.type_name },
    owner: { id: r.owner_id, displayName: r.owner_name, active: r.owner_status === 'active' },
    team: r.team_id ? { id: r.team_id, name: r.team_name ?? '' } : null,
    vulnerability: r.vulnerability,
    impact: r.impact,
    openedAt: r.opened_at,
    lastAttentionAt: r.last_attention_at,
    firstContactAt: r.first_contact_at ?? null,
    allocatedHours: r.allocated_hours === null ? null : Number(r.allocated_hours),
    openSafeguardingFlags: Number(r.safeguarding_flags ?? 0),
    openVulnerabilityFlags: Number(r.vulnerability_flags ?? 0),
    safeguardingRaisedAt: r.safeguarding_raised_at ?? null,
    handoverToRead: Boolean(r.handover_to_read),
    recordingConsent: {
      consents: (r.recording_consents ?? []).map((rc) => ({ ...rc, purpose: 'recording' })),
      months: r.recording_consent_months,
    },
    nextKeyDate:
      r.key_date === null
        ? null
        : { date: r.key_date, kind: r.key_date_kind ?? '', description: r.key_date_description ?? '' },
    nextAction:
      r.action_id === null || r.action_due_date === null
        ? null
        : { id: r.action_id, dueDate: r.action_due_date, description: r.action_description ?? '' },
    assessment:
      r.assessment_id === null || r.band === null || r.computed_band === null || r.assessed_at === null
        ? null
        : {
            id: r.assessment_id,
            band: r.band as Band,
            computedBand: r.computed_band as Band,
            score: Number(r.score),
            quadrant: r.quadrant as Quadrant,
            reasons: (r.reasons as string[] | null) ?? [],
            override:
              r.override_band && r.override_rationale
                ? { band: r.override_band as Band, rationale: r.override_rationale }
                : null,
            assessedAt: r.assessed_at,
          },
  }));
}
