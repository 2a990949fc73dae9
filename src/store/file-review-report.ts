/**
 * What the annual file-review analysis counts: the reviews of the year's periods (period labels
 * begin with the year), their answers and their corrective actions — for the whole organisation or
 * for cases in some teams. Ids, results and dates only: no case content.
 */
import { sql } from 'kysely';
import type { DbOrTx } from './db.ts';

export interface ReportScope {
  readonly orgId: string;
  readonly year: number;
  /** Only reviews of cases in these teams; undefined: the whole organisation. */
  readonly teamIds?: readonly string[];
}

function reviewsOfYear(db: DbOrTx, scope: ReportScope) {
  let q = db
    .selectFrom('file_reviews as r')
    .innerJoin('cases as c', (j) => j.onRef('c.id', '=', 'r.case_id').onRef('c.org_id', '=', 'r.org_id'))
    .where('r.org_id', '=', scope.orgId)
    .where(sql<string>`left(r.period, 4)`, '=', String(scope.year).padStart(4, '0'));
  if (scope.teamIds) q = q.where('c.team_id', 'in', [...scope.teamIds]);
  return q;
}

/** The year's reviews in scope: id, practitioner and status. */
export async function listReviewsOfYear(db: DbOrTx, scope: ReportScope) {
  if (scope.teamIds?.length === 0) return [];
  const rows = await reviewsOfYear(db, scope)
    .select(['r.id', 'r.practitioner_id', 'r.status'])
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ id: r.id, practitionerId: r.practitioner_id, status: r.status }));
}

/** The corrective actions raised by the year's reviews in scope: their dates only. */
export async function listActionDatesOfYear(db: DbOrTx, scope: ReportScope) {
  if (scope.teamIds?.length === 0) return [];
  const rows = await reviewsOfYear(db, scope)
    .innerJoin('corrective_actions as a', (j) =>
      j.onRef('a.file_review_id', '=', 'r.id').onRef('a.org_id', '=', 'r.org_id'),
    )
    .select(['a.id', 'a.due_on', 'a.done_at', 'a.verified_at'])
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ id: r.id, dueOn: r.due_on, doneAt: r.done_at, verifiedAt: r.verified_at }));
}
