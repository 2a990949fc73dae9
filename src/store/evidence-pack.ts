/**
 * What the quality-mark evidence pack reads for a period: key dates due, file reviews, caseload
 * reviews completed — of the whole organisation (`teamIds` null) or of some teams. Case references
 * and practitioners' names only: no client data.
 */
import { sql } from 'kysely';
import type {
  EvidenceFileReview,
  EvidenceKeyDate,
  EvidenceReview,
} from '../domain/compliance/evidence-pack.ts';
import type { DbOrTx } from './db.ts';

export interface EvidenceScope {
  readonly orgId: string;
  /** null: every team of the organisation (and cases with no team). */
  readonly teamIds: readonly string[] | null;
}

const noTeams = (s: EvidenceScope) => s.teamIds !== null && s.teamIds.length === 0;

/** Key dates due from `from` to `to` (calendar dates, inclusive), by due date. */
export async function listEvidenceKeyDates(
  db: DbOrTx,
  scope: EvidenceScope,
  from: string,
  to: string,
): Promise<EvidenceKeyDate[]> {
  if (noTeams(scope)) return [];
  let q = db
    .selectFrom('key_dates as k')
    .innerJoin('cases as c', (j) => j.onRef('c.id', '=', 'k.case_id').onRef('c.org_id', '=', 'k.org_id'))
    .select(['c.reference', 'k.kind', 'k.due_date', 'k.status'])
    .where('k.org_id', '=', scope.orgId)
    .where('k.due_date', '>=', from)
    .where('k.due_date', '<=', to);
  if (scope.teamIds) q = q.where('c.team_id', 'in', [...scope.teamIds]);
  const rows = await q.orderBy('k.due_date').orderBy('c.reference').orderBy('k.id').execute();
  return rows.map((r) => ({ reference: r.reference, kind: r.kind, dueDate: r.due_date, status: r.status }));
}

/** File reviews selected or completed in [from, to) (instants), with answer and corrective-action counts. */
export async function listEvidenceFileReviews(
  db: DbOrTx,
  scope: EvidenceScope,
  from: Date,
  to: Date,
  timeZone: string,
): Promise<EvidenceFileReview[]> {
  if (noTeams(scope)) return [];
  let q = db
    .selectFrom('file_reviews as fr')
    .innerJoin('cases as c', (j) => j.onRef('c.id', '=', 'fr.case_id').onRef('c.org_id', '=', 'fr.org_id'))
    .innerJoin('users as p', (j) =>
      j.onRef('p.id', '=', 'fr.practitioner_id').onRef('p.org_id', '=', 'fr.org_id'),
    )
    .leftJoin('users as r', (j) => j.onRef('r.id', '=', 'fr.reviewer_id').onRef('r.org_id', '=', 'fr.org_id'))
    .select([
      'c.reference',
      'p.display_name as practitioner_name',
      'r.display_name as reviewer_name',
      'fr.period',
      'fr.selection',
      'fr.status',
      sql<string | null>`to_char(fr.completed_at AT TIME ZONE ${timeZone}, 'YYYY-MM-DD')`.as('completed_on'),
      sql<number>`(SELECT count(*) FROM file_review_answers a WHERE a.org_id = fr.org_id AND a.file_review_id = fr.id AND a.result = 'met')`.as(
        'met',
      ),
      sql<number>`(SELECT count(*) FROM file_review_answers a WHERE a.org_id = fr.org_id AND a.file_review_id = fr.id AND a.result = 'not-met')`.as(
        'not_met',
      ),
      sql<number>`(SELECT count(*) FROM file_review_answers a WHERE a.org_id = fr.org_id AND a.file_review_id = fr.id AND a.result = 'not-applicable')`.as(
        'not_applicable',
      ),
      sql<number>`(SELECT count(*) FROM corrective_actions ca WHERE ca.org_id = fr.org_id AND ca.file_review_id = fr.id)`.as(
        'actions',
      ),
      sql<number>`(SELECT count(*) FROM corrective_actions ca WHERE ca.org_id = fr.org_id AND ca.file_review_id = fr.id AND ca.done_at IS NOT NULL)`.as(
        'actions_done',
      ),
      sql<number>`(SELECT count(*) FROM corrective_actions ca WHERE ca.org_id = fr.org_id AND ca.file_review_id = fr.id AND ca.verified_at IS NOT NULL)`.as(
        'actions_verified',
      ),
    ])
    .where('fr.org_id', '=', scope.orgId)
    .where((eb) =>
      eb.or([
        eb.and([eb('fr.selected_at', '>=', from), eb('fr.selected_at', '<', to)]),
        eb.and([eb('fr.completed_at', '>=', from), eb('fr.completed_at', '<', to)]),
      ]),
    );
  if (scope.teamIds) q = q.where('c.team_id', 'in', [...scope.teamIds]);
  const rows = await q.orderBy('fr.selected_at').orderBy('fr.id').execute();
  return rows.map((r) => ({
    reference: r.reference,
    practitionerName: r.practitioner_name,
    reviewerName: r.reviewer_name,
    period: r.period,
    selection: r.selection,
    status: r.status,
    completedOn: r.completed_on,
    met: Number(r.met),
    notMet: Number(r.not_met),
    notApplicable: Number(r.not_applicable),
    correctiveActions: Number(r.actions),
    correctiveActionsDone: Number(r.actions_done),
    correctiveActionsVerified: Number(r.actions_verified),
  }));
}

/**
 * Caseload reviews completed in [from, to), each with the day it was due: the previous completed
 * review's next review date. Of practitioners in the teams (every practitioner for the organisation).
 */
export async function listEvidenceReviews(
  db: DbOrTx,
  scope: EvidenceScope,
  from: Date,
  to: Date,
  timeZone: string,
): Promise<EvidenceReview[]> {
  if (noTeams(scope)) return [];
  let q = db
    .selectFrom('caseload_reviews as cr')
    .innerJoin('users as p', (j) =>
      j.onRef('p.id', '=', 'cr.practitioner_id').onRef('p.org_id', '=', 'cr.org_id'),
    )
    .select([
      'cr.practitioner_id',
      'p.display_name',
      sql<string>`to_char(cr.completed_at AT TIME ZONE ${timeZone}, 'YYYY-MM-DD')`.as('completed_on'),
      sql<string | null>`(SELECT to_char(prev.next_review_on, 'YYYY-MM-DD') FROM caseload_reviews prev
        WHERE prev.org_id = cr.org_id AND prev.practitioner_id = cr.practitioner_id
          AND prev.status = 'completed' AND prev.completed_at < cr.completed_at
        ORDER BY prev.completed_at DESC LIMIT 1)`.as('due_on'),
    ])
    .where('cr.org_id', '=', scope.orgId)
    .where('cr.status', '=', 'completed')
    .where('cr.completed_at', '>=', from)
    .where('cr.completed_at', '<', to);
  if (scope.teamIds) {
    const teams = [...scope.teamIds];
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('team_members as tm')
          .select('tm.user_id')
          .whereRef('tm.org_id', '=', 'cr.org_id')
          .whereRef('tm.user_id', '=', 'cr.practitioner_id')
          .where('tm.team_id', 'in', teams),
      ),
    );
  }
  const rows = await q.orderBy('cr.completed_at').execute();
  return rows.map((r) => ({
    practitionerId: r.practitioner_id,
    practitionerName: r.display_name,
    completedOn: r.completed_on,
    dueOn: r.due_on,
  }));
}
