/**
 * File reviews: the sampled cases of each period, their answers, and what sampling reads (the
 * practitioners of a supervisor's teams and the facts of their cases). Lists filter in SQL with
 * caseVisibleTo and the file-review rule (the practitioner, or a supervisor of the case's team).
 */
import { type ExpressionBuilder, sql } from 'kysely';
import type { Actor } from '../domain/access/actor.ts';
import { caseVisibleTo } from './case-visibility.ts';
import type { DbOrTx } from './db.ts';
import type { DB } from './schema.ts';

type ReviewEb = ExpressionBuilder<DB & { r: DB['file_reviews']; c: DB['cases'] }, 'r' | 'c'>;

const supervisedTeams = (actor: Actor) =>
  actor.roles.includes('supervisor') ? [...actor.supervisedTeamIds] : [];

/** Reviews (aliased `r`, case `c`) the actor may see: their own, or of cases in teams they supervise. */
export function fileReviewVisibleTo(actor: Actor, now: Date) {
  return (eb: ReviewEb) => {
    const teams = supervisedTeams(actor);
    return eb.and([
      eb('r.org_id', '=', actor.orgId),
      caseVisibleTo(actor, now)(eb as never),
      eb.or([
        eb('r.practitioner_id', '=', actor.id),
        ...(teams.length > 0 ? [eb('c.team_id', 'in', teams)] : []),
      ]),
    ]);
  };
}

/**
 * Serialises sampling and adding by hand for one organisation and period, so two supervisors
 * sampling at once cannot exceed N between them.
 */
export async function lockSamplingPeriod(tx: DbOrTx, orgId: string, period: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`file-review-sample:${orgId}:${period}`}, 0))`.execute(
    tx,
  );
}

/** Active members (not supervisors) of the teams who may hold cases, once each, by name. */
export async function listTeamPractitioners(db: DbOrTx, orgId: string, teamIds: readonly string[]) {
  if (teamIds.length === 0) return [];
  const rows = await db
    .selectFrom('team_members as m')
    .innerJoin('users as u', (j) => j.onRef('u.id', '=', 'm.user_id').onRef('u.org_id', '=', 'm.org_id'))
    .select(['u.id', 'u.display_name'])
    .where('m.org_id', '=', orgId)
    .where('m.team_id', 'in', [...teamIds])
    .where('m.role', '=', 'member')
    .where('u.status', '=', 'active')
    .where(sql<boolean>`u.roles && ARRAY['adviser', 'supervisor']::text[]`)
    .groupBy(['u.id', 'u.display_name'])
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}

export interface CandidateRow {
  readonly caseId: string;
  readonly reference: string;
  readonly ownerId: string;
  readonly openedAt: Date;
  readonly closedAt: Date | null;
  readonly band: 'red' | 'amber' | 'green' | null;
  readonly vulnerability: number;
  readonly safeguardingOpen: boolean;
  readonly interpreterNeeded: boolean;
  readonly missedKeyDates: number;
  readonly baseWeight: number;
  readonly adjustment: number;
  readonly manualFactorIds: readonly string[];
}

/**
 * The practitioners' cases in the teams that were open at some time in [from, to) and that the
 * actor may view, with the facts their risk score reads. `today` decides which pending key dates
 * count as missed.
 */
export async function listSampleCandidates(
  db: DbOrTx,
  q: {
    actor: Actor;
    now: Date;
    ownerIds: readonly string[];
    teamIds: readonly string[];
    from: Date;
    to: Date;
    today: string;
  },
): Promise<CandidateRow[]> {
  if (q.ownerIds.length === 0 || q.teamIds.length === 0) return [];
  const rows = await db
    .selectFrom('cases as c')
    .innerJoin('case_types as t', (j) =>
      j.onRef('t.id', '=', 'c.case_type_id').onRef('t.org_id', '=', 'c.org_id'),
    )
    .innerJoin('clients as cl', (j) =>
      j.onRef('cl.id', '=', 'c.client_id').onRef('cl.org_id', '=', 'c.org_id'),
    )
    .select((eb) => [
      'c.id',
      'c.reference',
      'c.owner_id',
      'c.opened_at',
      'c.closed_at',
      'c.priority_band',
      'c.vulnerability',
      't.base_weight',
      'c.complexity_weight',
      sql<boolean>`coalesce((cl.access_needs ->> 'interpreter')::boolean, false)`.as('interpreter'),
      eb
        .exists(
          eb
            .selectFrom('case_flags as f')
            .select(sql<number>`1`.as('one'))
            .whereRef('f.org_id', '=', 'c.org_id')
            .whereRef('f.case_id', '=', 'c.id')
            .where('f.kind', '=', 'safeguarding')
            .where('f.resolved_at', 'is', null),
        )
        .as('safeguarding'),
      eb
        .selectFrom('key_dates as k')
        .select((k) => k.fn.countAll<string>().as('n'))
        .whereRef('k.org_id', '=', 'c.org_id')
        .whereRef('k.case_id', '=', 'c.id')
        .where((k) =>
          k.or([
            k('k.status', '=', 'missed'),
            k.and([k('k.status', '=', 'pending'), k('k.due_date', '<', q.today)]),
          ]),
        )
        .as('missed'),
      sql<string[]>`coalesce((SELECT array_agg(x.factor_id::text ORDER BY x.factor_id)
        FROM case_complexity_factors x WHERE x.org_id = c.org_id AND x.case_id = c.id), '{}')`.as('manual'),
    ])
    .where('c.org_id', '=', q.actor.orgId)
    .where('c.owner_id', 'in', [...q.ownerIds])
    .where('c.team_id', 'in', [...q.teamIds])
    .where('c.opened_at', '<', q.to)
    .where((eb) => eb.or([eb('c.closed_at', 'is', null), eb('c.closed_at', '>=', q.from)]))
    .where(caseVisibleTo(q.actor, q.now))
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    caseId: r.id,
    reference: r.reference,
    ownerId: r.owner_id,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    band: r.priority_band,
    vulnerability: r.vulnerability,
    safeguardingOpen: r.safeguarding === true,
    interpreterNeeded: r.interpreter,
    missedKeyDates: Number(r.missed ?? 0),
    baseWeight: Number(r.base_weight),
    adjustment: Number(r.complexity_weight),
    manualFactorIds: r.manual,
  }));
}

/** Every review of the period in the organisation: which cases are covered, and by whose review. */
export async function listReviewsOfPeriod(db: DbOrTx, orgId: string, period: string) {
  return db
    .selectFrom('file_reviews')
    .select(['id', 'case_id', 'practitioner_id', 'selection'])
    .where('org_id', '=', orgId)
    .where('period', '=', period)
    .execute();
}

export interface NewFileReview {
  readonly orgId: string;
  readonly caseId: string;
  readonly practitionerId: string;
  readonly period: string;
  readonly selection: 'random' | 'risk' | 'manual';
  readonly selectionReason: string;
  readonly selectedBy: string;
  readonly selectedAt: Date;
}

/** Adds reviews; a case already in the period's sample is skipped (UNIQUE (case, period)). */
export async function insertFileReviews(db: DbOrTx, rows: readonly NewFileReview[]) {
  if (rows.length === 0) return [];
  return db
    .insertInto('file_reviews')
    .values(
      rows.map((r) => ({
        org_id: r.orgId,
        case_id: r.caseId,
        practitioner_id: r.practitionerId,
        period: r.period,
        selection: r.selection,
        selection_reason: r.selectionReason,
        reviewer_id: null,
        selected_by: r.selectedBy,
        selected_at: r.selectedAt,
        completed_at: null,
        summary: null,
      })),
    )
    .onConflict((oc) => oc.columns(['org_id', 'case_id', 'period']).doNothing())
    .returning(['id', 'case_id'])
    .execute();
}

const reviewColumns = [
  'r.id',
  'r.org_id',
  'r.case_id',
  'r.practitioner_id',
  'r.period',
  'r.selection',
  'r.selection_reason',
  'r.status',
  'r.reviewer_id',
  'r.selected_by',
  'r.selected_at',
  'r.completed_at',
  'r.summary',
  'c.reference',
  'c.team_id',
  'c.owner_id',
  'p.display_name as practitioner_name',
  'rv.display_name as reviewer_name',
] as const;

function reviewsQuery(db: DbOrTx) {
  return db
    .selectFrom('file_reviews as r')
    .innerJoin('cases as c', (j) => j.onRef('c.id', '=', 'r.case_id').onRef('c.org_id', '=', 'r.org_id'))
    .innerJoin('users as p', (j) =>
      j.onRef('p.id', '=', 'r.practitioner_id').onRef('p.org_id', '=', 'r.org_id'),
    )
    .leftJoin('users as rv', (j) =>
      j.onRef('rv.id', '=', 'r.reviewer_id').onRef('rv.org_id', '=', 'r.org_id'),
    )
    .select(reviewColumns);
}

/** One review with its case's reference, team and owner (optionally locked). */
export async function getFileReview(db: DbOrTx, orgId: string, id: string, options: { lock?: boolean } = {}) {
  let q = reviewsQuery(db).where('r.org_id', '=', orgId).where('r.id', '=', id);
  if (options.lock) q = q.forUpdate('r');
  return q.executeTakeFirst();
}

export type FileReviewRow = NonNullable<Awaited<ReturnType<typeof getFileReview>>>;

/** The reviews the actor may see, narrowed by period, status and practitioner. */
export async function listFileReviews(
  db: DbOrTx,
  q: {
    actor: Actor;
    now: Date;
    period?: string;
    status?: 'due' | 'completed';
    practitionerId?: string;
  },
): Promise<FileReviewRow[]> {
  let query = reviewsQuery(db).where(fileReviewVisibleTo(q.actor, q.now));
  if (q.period) query = query.where('r.period', '=', q.period);
  if (q.status) query = query.where('r.status', '=', q.status);
  if (q.practitionerId) query = query.where('r.practitioner_id', '=', q.practitionerId);
  return query.orderBy('r.period', 'desc').orderBy('p.display_name').orderBy('c.reference').execute();
}

/** Answers of reviews, in no particular order. */
export async function listAnswers(db: DbOrTx, orgId: string, reviewIds: readonly string[]) {
  if (reviewIds.length === 0) return [];
  return db
    .selectFrom('file_review_answers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('file_review_id', 'in', [...reviewIds])
    .execute();
}

export type FileReviewAnswerRow = Awaited<ReturnType<typeof listAnswers>>[number];

/** Records answers, replacing earlier answers to the same items. */
export async function upsertAnswers(
  db: DbOrTx,
  orgId: string,
  reviewId: string,
  answers: readonly {
    itemId: string;
    itemLabel: string;
    result: 'met' | 'not-met' | 'not-applicable';
    comment: string | null;
  }[],
): Promise<void> {
  if (answers.length === 0) return;
  await db
    .insertInto('file_review_answers')
    .values(
      answers.map((a) => ({
        org_id: orgId,
        file_review_id: reviewId,
        item_id: a.itemId,
        item_label: a.itemLabel,
        result: a.result,
        comment: a.comment,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['org_id', 'file_review_id', 'item_id']).doUpdateSet((eb) => ({
        item_label: eb.ref('excluded.item_label'),
        result: eb.ref('excluded.result'),
        comment: eb.ref('excluded.comment'),
      })),
    )
    .execute();
}

/** Names the person answering a review that is still due. */
export async function setReviewer(
  db: DbOrTx,
  orgId: string,
  reviewId: string,
  reviewerId: string,
): Promise<void> {
  await db
    .updateTable('file_reviews')
    .set({ reviewer_id: reviewerId })
    .where('org_id', '=', orgId)
    .where('id', '=', reviewId)
    .where('status', '=', 'due')
    .execute();
}

export async function completeFileReviewRow(
  db: DbOrTx,
  orgId: string,
  reviewId: string,
  values: { reviewerId: string; completedAt: Date; summary: string | null },
): Promise<void> {
  await db
    .updateTable('file_reviews')
    .set({
      status: 'completed',
      reviewer_id: values.reviewerId,
      completed_at: values.completedAt,
      summary: values.summary,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', reviewId)
    .where('status', '=', 'due')
    .execute();
}
