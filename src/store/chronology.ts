/**
 * Everything that makes up one case's history, read in one go (one query per kind, run together).
 * Scoped by org_id and case id; access rules are applied by the service.
 */
import type { DbOrTx } from './db.ts';

export async function loadCaseHistory(db: DbOrTx, orgId: string, caseId: string) {
  const [notes, actions, goals, progress, keyDates, obstacles, flags, changes, shares] = await Promise.all([
    db
      .selectFrom('notes')
      .innerJoin('users', (j) =>
        j.onRef('users.id', '=', 'notes.author_id').onRef('users.org_id', '=', 'notes.org_id'),
      )
      .select([
        'notes.id',
        'notes.type',
        'notes.contact_channel',
        'notes.occurred_at',
        'notes.recorded_at',
        'notes.facts',
        'notes.advice',
        'notes.actions_agreed',
        'notes.judgement',
        'notes.sensitivity',
        'notes.author_id',
        'notes.amends_note_id',
        'notes.amendment_reason',
        'users.display_name as author_name',
      ])
      .where('notes.org_id', '=', orgId)
      .where('notes.case_id', '=', caseId)
      .where('notes.status', '=', 'filed')
      .execute(),
    db.selectFrom('actions').selectAll().where('org_id', '=', orgId).where('case_id', '=', caseId).execute(),
    db.selectFrom('goals').selectAll().where('org_id', '=', orgId).where('case_id', '=', caseId).execute(),
    db
      .selectFrom('goal_progress')
      .innerJoin('goals', (j) =>
        j.onRef('goals.id', '=', 'goal_progress.goal_id').onRef('goals.org_id', '=', 'goal_progress.org_id'),
      )
      .select([
        'goal_progress.id',
        'goal_progress.text',
        'goal_progress.recorded_at',
        'goal_progress.recorded_by',
        'goals.description as goal',
      ])
      .where('goal_progress.org_id', '=', orgId)
      .where('goals.case_id', '=', caseId)
      .execute(),
    db
      .selectFrom('key_dates')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('case_id', '=', caseId)
      .execute(),
    db
      .selectFrom('obstacles')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('case_id', '=', caseId)
      .execute(),
    db
      .selectFrom('case_flags')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('case_id', '=', caseId)
      .execute(),
    db
      .selectFrom('field_changes')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('entity_type', '=', 'case')
      .where('entity_id', '=', caseId)
      .execute(),
    db
      .selectFrom('case_shares')
      .innerJoin('users', (j) =>
        j.onRef('users.id', '=', 'case_shares.user_id').onRef('users.org_id', '=', 'case_shares.org_id'),
      )
      .select([
        'case_shares.id',
        'case_shares.kind',
        'case_shares.reason',
        'case_shares.granted_at',
        'case_shares.granted_by',
        'case_shares.expires_at',
        'case_shares.revoked_at',
        'users.display_name as user_name',
      ])
      .where('case_shares.org_id', '=', orgId)
      .where('case_shares.case_id', '=', caseId)
      .execute(),
  ]);
  return { notes, actions, goals, progress, keyDates, obstacles, flags, changes, shares };
}

export type CaseHistory = Awaited<ReturnType<typeof loadCaseHistory>>;
