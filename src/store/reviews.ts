/**
 * Caseload reviews (supervision): review schedules, reviews with their frozen snapshots, the cases
 * each review discusses, the improvements (actions) and obstacles recorded at it, the reflections
 * shared into it. Every query is scoped by org_id; lists of
 * cases filter with caseVisibleTo.
 */
import { type Selectable, sql } from 'kysely';
import type { Actor } from '../domain/access/actor.ts';
import type { ReviewReason } from '../domain/reviews/proposals.ts';
import { caseVisibleTo } from './case-visibility.ts';
import type { DbOrTx } from './db.ts';
import type { CaseloadReviewsTable, ReviewCasesTable, ReviewSchedulesTable } from './schema.ts';

export type ReviewScheduleRow = Selectable<ReviewSchedulesTable>;
export type ReviewRowBase = Selectable<CaseloadReviewsTable>;
export type ReviewCaseRow = Omit<Selectable<ReviewCasesTable>, 'reasons'> & {
  readonly reasons: StoredReason[];
};

/** A reason as stored in review_cases.reasons; an added case keeps its band at the time. */
export type StoredReason = ReviewReason & { readonly band?: string | null };

/** A review with its two people's names. */
export interface ReviewRow extends ReviewRowBase {
  readonly practitioner_name: string;
  readonly supervisor_name: string;
}

function selectReviews(db: DbOrTx, orgId: string) {
  return db
    .selectFrom('caseload_reviews as r')
    .innerJoin('users as p', (j) =>
      j.onRef('p.id', '=', 'r.practitioner_id').onRef('p.org_id', '=', 'r.org_id'),
    )
    .innerJoin('users as s', (j) =>
      j.onRef('s.id', '=', 'r.supervisor_id').onRef('s.org_id', '=', 'r.org_id'),
    )
    .selectAll('r')
    .select(['p.display_name as practitioner_name', 's.display_name as supervisor_name'])
    .where('r.org_id', '=', orgId);
}

// -- schedules --

export async function listReviewSchedules(
  db: DbOrTx,
  orgId: string,
  practitionerIds: readonly string[],
): Promise<ReviewScheduleRow[]> {
  if (practitionerIds.length === 0) return [];
  return db
    .selectFrom('review_schedules')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('practitioner_id', 'in', [...practitionerIds])
    .execute();
}

/** Sets (inserts or replaces) a practitioner's cadence and next due date. */
export async function upsertReviewSchedule(
  db: DbOrTx,
  values: {
    orgId: string;
    practitionerId: string;
    cadenceWeeks: number | null;
    nextDueOn: string;
    updatedBy: string;
    at: Date;
  },
): Promise<ReviewScheduleRow> {
  const row = {
    org_id: values.orgId,
    practitioner_id: values.practitionerId,
    cadence_weeks: values.cadenceWeeks,
    next_due_on: values.nextDueOn,
    updated_by: values.updatedBy,
    updated_at: values.at,
  };
  return db
    .insertInto('review_schedules')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'practitioner_id']).doUpdateSet({
        cadence_weeks: values.cadenceWeeks,
        next_due_on: values.nextDueOn,
        updated_by: values.updatedBy,
        updated_at: values.at,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Sets only the next due date, keeping the cadence (a completed review agrees the next date). */
export async function setNextReviewDue(
  db: DbOrTx,
  values: { orgId: string; practitionerId: string; nextDueOn: string; updatedBy: string; at: Date },
): Promise<void> {
  await db
    .insertInto('review_schedules')
    .values({
      org_id: values.orgId,
      practitioner_id: values.practitionerId,
      cadence_weeks: null,
      next_due_on: values.nextDueOn,
      updated_by: values.updatedBy,
      updated_at: values.at,
    })
    .onConflict((oc) =>
      oc.columns(['org_id', 'practitioner_id']).doUpdateSet({
        next_due_on: values.nextDueOn,
        updated_by: values.updatedBy,
        updated_at: values.at,
      }),
    )
    .execute();
}

/** Each practitioner's latest completed review and their review in progress, if any. */
export async function latestReviewsOf(
  db: DbOrTx,
  orgId: string,
  practitionerIds: readonly string[],
): Promise<{ lastCompleted: Map<string, ReviewRow>; inProgress: Map<string, ReviewRow> }> {
  const lastCompleted = new Map<string, ReviewRow>();
  const inProgress = new Map<string, ReviewRow>();
  if (practitionerIds.length === 0) return { lastCompleted, inProgress };
  const rows = await selectReviews(db, orgId)
    .where('r.practitioner_id', 'in', [...practitionerIds])
    .orderBy('r.started_at', 'desc')
    .orderBy('r.id')
    .execute();
  for (const r of rows) {
    if (r.status === 'in-progress' && !inProgress.has(r.practitioner_id))
      inProgress.set(r.practitioner_id, r);
    if (r.status === 'completed' && !lastCompleted.has(r.practitioner_id)) {
      lastCompleted.set(r.practitioner_id, r);
    }
  }
  // The latest completed is the one completed last, not started last.
  for (const r of rows) {
    const current = lastCompleted.get(r.practitioner_id);
    if (
      r.status === 'completed' &&
      current &&
      (r.completed_at?.getTime() ?? 0) > (current.completed_at?.getTime() ?? 0)
    ) {
      lastCompleted.set(r.practitioner_id, r);
    }
  }
  return { lastCompleted, inProgress };
}

// -- reviews --

export async function insertReview(
  db: DbOrTx,
  values: { orgId: string; practitionerId: string; supervisorId: string; startedAt: Date; snapshot: unknown },
): Promise<ReviewRowBase> {
  return db
    .insertInto('caseload_reviews')
    .values({
      org_id: values.orgId,
      practitioner_id: values.practitionerId,
      supervisor_id: values.supervisorId,
      started_at: values.startedAt,
      completed_at: null,
      snapshot: JSON.stringify(values.snapshot),
      summary: null,
      next_review_on: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function getReview(db: DbOrTx, orgId: string, reviewId: string): Promise<ReviewRow | undefined> {
  return selectReviews(db, orgId).where('r.id', '=', reviewId).executeTakeFirst();
}

/** Locks a review row for the rest of the transaction (changes to it and to its cases serialise). */
export async function lockReview(db: DbOrTx, orgId: string, reviewId: string): Promise<void> {
  await db
    .selectFrom('caseload_reviews')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', reviewId)
    .forUpdate()
    .execute();
}

/** Reviews of some practitioners, newest first. */
export async function listReviews(
  db: DbOrTx,
  orgId: string,
  filter: { practitionerIds: readonly string[]; orSupervisorId?: string },
): Promise<ReviewRow[]> {
  const ids = [...filter.practitionerIds];
  if (ids.length === 0 && !filter.orSupervisorId) return [];
  return selectReviews(db, orgId)
    .where((eb) =>
      eb.or([
        ...(ids.length > 0 ? [eb('r.practitioner_id', 'in', ids)] : []),
        ...(filter.orSupervisorId ? [eb('r.supervisor_id', '=', filter.orSupervisorId)] : []),
      ]),
    )
    .orderBy('r.started_at', 'desc')
    .orderBy('r.id')
    .execute();
}

/** Completed reviews of a practitioner that began before `before`, newest first. */
export async function previousCompletedReview(
  db: DbOrTx,
  orgId: string,
  practitionerId: string,
  before: Date,
): Promise<ReviewRow | undefined> {
  return selectReviews(db, orgId)
    .where('r.practitioner_id', '=', practitionerId)
    .where('r.status', '=', 'completed')
    .where('r.started_at', '<', before)
    .orderBy('r.started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function completeReviewRow(
  db: DbOrTx,
  values: { orgId: string; reviewId: string; at: Date; summary: string; nextReviewOn: string },
): Promise<void> {
  await db
    .updateTable('caseload_reviews')
    .set({
      status: 'completed',
      completed_at: values.at,
      summary: values.summary,
      next_review_on: values.nextReviewOn,
    })
    .where('org_id', '=', values.orgId)
    .where('id', '=', values.reviewId)
    .where('status', '=', 'in-progress')
    .execute();
}

// -- the cases of a review --

export async function insertReviewCases(
  db: DbOrTx,
  orgId: string,
  reviewId: string,
  cases: readonly { caseId: string; proposed: boolean; reasons: readonly StoredReason[] }[],
): Promise<void> {
  if (cases.length === 0) return;
  await db
    .insertInto('review_cases')
    .values(
      cases.map((c) => ({
        org_id: orgId,
        review_id: reviewId,
        case_id: c.caseId,
        proposed: c.proposed,
        reasons: JSON.stringify(c.reasons),
        decision: null,
        obstacles: null,
        discussed_at: null,
      })),
    )
    .execute();
}

const toReviewCase = (r: Selectable<ReviewCasesTable>): ReviewCaseRow => ({
  ...r,
  reasons: Array.isArray(r.reasons) ? (r.reasons as StoredReason[]) : [],
});

export async function getReviewCase(
  db: DbOrTx,
  orgId: string,
  reviewId: string,
  caseId: string,
): Promise<ReviewCaseRow | undefined> {
  const row = await db
    .selectFrom('review_cases')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('review_id', '=', reviewId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return row ? toReviewCase(row) : undefined;
}

export async function updateReviewCase(
  db: DbOrTx,
  values: {
    orgId: string;
    reviewId: string;
    caseId: string;
    patch: { decision?: string | null; obstacles?: string | null; discussed_at?: Date | null };
  },
): Promise<ReviewCaseRow> {
  const row = await db
    .updateTable('review_cases')
    .set(values.patch)
    .where('org_id', '=', values.orgId)
    .where('review_id', '=', values.reviewId)
    .where('case_id', '=', values.caseId)
    .returningAll()
    .executeTakeFirstOrThrow();
  return toReviewCase(row);
}

/** A review case with what the review page shows of the case: reference, band and status now. */
export interface ReviewCaseView extends ReviewCaseRow {
  readonly reference: string;
  readonly current_band: string | null;
  readonly case_status: string;
}

/** The cases of a review that the reader may view (the rest are counted, not named). */
export async function listReviewCases(
  db: DbOrTx,
  q: { actor: Actor; now: Date; reviewId: string },
): Promise<{ visible: ReviewCaseView[]; hidden: number }> {
  const rows = await db
    .selectFrom('review_cases as rc')
    .innerJoin('cases as c', (j) => j.onRef('c.id', '=', 'rc.case_id').onRef('c.org_id', '=', 'rc.org_id'))
    .selectAll('rc')
    .select([
      'c.reference',
      'c.priority_band as current_band',
      'c.status as case_status',
      (eb) => caseVisibleTo(q.actor, q.now)(eb as never).as('visible'),
    ])
    .where('rc.org_id', '=', q.actor.orgId)
    .where('rc.review_id', '=', q.reviewId)
    .orderBy('rc.proposed', 'desc')
    .orderBy('c.reference')
    .execute();
  const visible: ReviewCaseView[] = rows
    .filter((r) => r.visible === true)
    .map(({ visible: _visible, reference, current_band, case_status, ...rc }) => ({
      ...toReviewCase(rc),
      reference,
      current_band,
      case_status,
    }));
  return { visible, hidden: rows.length - visible.length };
}

/** Of these case ids, those the actor may view now. */
export async function visibleCaseIds(
  db: DbOrTx,
  q: { actor: Actor; now: Date; caseIds: readonly string[] },
): Promise<Set<string>> {
  const ids = [...new Set(q.caseIds)];
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('cases as c')
    .select('c.id')
    .where('c.org_id', '=', q.actor.orgId)
    .where('c.id', 'in', ids)
    .where(caseVisibleTo(q.actor, q.now))
    .execute();
  return new Set(rows.map((r) => r.id));
}

// -- improvements and obstacles recorded at a review --

export interface ReviewActionView {
  readonly id: string;
  readonly case_id: string;
  readonly description: string;
  readonly owner_kind: 'practitioner' | 'client' | 'third_party';
  readonly owner_user_id: string | null;
  readonly owner_name: string | null;
  readonly owner_display_name: string | null;
  readonly due_date: string | null;
  readonly status: 'open' | 'done' | 'cancelled';
  readonly goal_id: string | null;
}

export async function listReviewActions(
  db: DbOrTx,
  orgId: string,
  reviewId: string,
): Promise<ReviewActionView[]> {
  return db
    .selectFrom('actions as a')
    .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'a.owner_user_id').onRef('u.org_id', '=', 'a.org_id'))
    .select([
      'a.id',
      'a.case_id',
      'a.description',
      'a.owner_kind',
      'a.owner_user_id',
      'a.owner_name',
      'u.display_name as owner_display_name',
      'a.due_date',
      'a.status',
      'a.goal_id',
    ])
    .where('a.org_id', '=', orgId)
    .where('a.review_id', '=', reviewId)
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

export async function listReviewObstacles(db: DbOrTx, orgId: string, reviewId: string) {
  return db
    .selectFrom('obstacles')
    .select(['id', 'case_id', 'category', 'description', 'since', 'plan', 'resolved_at'])
    .where('org_id', '=', orgId)
    .where('review_id', '=', reviewId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

// -- reflections shared into a review --

export async function shareReflectionIntoReview(
  db: DbOrTx,
  values: { orgId: string; reviewId: string; reflectionId: string; at: Date },
): Promise<boolean> {
  const result = await db
    .insertInto('review_reflections')
    .values({
      org_id: values.orgId,
      review_id: values.reviewId,
      reflection_id: values.reflectionId,
      shared_at: values.at,
    })
    .onConflict((oc) => oc.columns(['org_id', 'review_id', 'reflection_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The reflections shared into a review, with when. */
export async function listSharedReflections(db: DbOrTx, orgId: string, reviewId: string) {
  return db
    .selectFrom('review_reflections as rr')
    .innerJoin('reflections as f', (j) =>
      j.onRef('f.id', '=', 'rr.reflection_id').onRef('f.org_id', '=', 'rr.org_id'),
    )
    .selectAll('f')
    .select('rr.shared_at')
    .where('rr.org_id', '=', orgId)
    .where('rr.review_id', '=', reviewId)
    .orderBy('rr.shared_at')
    .orderBy('f.id')
    .execute();
}

/** Whether a reflection is part of a completed review's record. */
export async function reflectionInCompletedReview(
  db: DbOrTx,
  orgId: string,
  reflectionId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('review_reflections as rr')
    .innerJoin('caseload_reviews as r', (j) =>
      j.onRef('r.id', '=', 'rr.review_id').onRef('r.org_id', '=', 'rr.org_id'),
    )
    .select(sql<number>`1`.as('one'))
    .where('rr.org_id', '=', orgId)
    .where('rr.reflection_id', '=', reflectionId)
    .where('r.status', '=', 'completed')
    .executeTakeFirst();
  return row !== undefined;
}

/** The reviews each reflection is shared into. */
export async function reviewsOfReflections(
  db: DbOrTx,
  orgId: string,
  reflectionIds: readonly string[],
): Promise<Map<string, { reviewId: string; status: string; sharedAt: Date }[]>> {
  const map = new Map<string, { reviewId: string; status: string; sharedAt: Date }[]>();
  if (reflectionIds.length === 0) return map;
  const rows = await db
    .selectFrom('review_reflections as rr')
    .innerJoin('caseload_reviews as r', (j) =>
      j.onRef('r.id', '=', 'rr.review_id').onRef('r.org_id', '=', 'rr.org_id'),
    )
    .select(['rr.reflection_id', 'rr.review_id', 'r.status', 'rr.shared_at'])
    .where('rr.org_id', '=', orgId)
    .where('rr.reflection_id', 'in', [...reflectionIds])
    .orderBy('rr.shared_at')
    .execute();
  for (const r of rows) {
    const list = map.get(r.reflection_id) ?? [];
    list.push({ reviewId: r.review_id, status: r.status, sharedAt: r.shared_at });
    map.set(r.reflection_id, list);
  }
  return map;
}
