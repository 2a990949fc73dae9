/**
 * What an anonymised export needs besides each case's history (store/chronology.ts): the clients of
 * the cases, the organisation's staff names, case type names and outcome labels. Scoped by org_id;
 * access is checked by the service (loadCase for every case).
 */
import type { DbOrTx } from './db.ts';

/** The clients with these ids: names, date of birth and contact details (to remove them). */
export async function listClientsForAnonymising(db: DbOrTx, orgId: string, clientIds: readonly string[]) {
  if (clientIds.length === 0) return [];
  return db
    .selectFrom('clients')
    .select([
      'id',
      'legal_name',
      'preferred_name',
      'pronouns',
      'date_of_birth',
      'email',
      'phone',
      'address',
      'safe_contact',
    ])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...clientIds])
    .execute();
}

/** Every user of the organisation (active or not): staff names can appear in any note. */
export async function listStaffNames(db: DbOrTx, orgId: string) {
  return db.selectFrom('users').select(['id', 'display_name', 'email']).where('org_id', '=', orgId).execute();
}

/** Case type names and outcome labels of the organisation, by id and by key. */
export async function loadExportLabels(db: DbOrTx, orgId: string) {
  const [caseTypes, outcomes] = await Promise.all([
    db.selectFrom('case_types').select(['id', 'name']).where('org_id', '=', orgId).execute(),
    db.selectFrom('outcome_types').select(['key', 'label']).where('org_id', '=', orgId).execute(),
  ]);
  return {
    caseTypes: new Map(caseTypes.map((c) => [c.id, c.name])),
    outcomes: new Map(outcomes.map((o) => [o.key, o.label])),
  };
}

/** The progress entries of the goals of these cases, with their goal's id. */
export async function listGoalProgressOfCases(db: DbOrTx, orgId: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('goal_progress')
    .innerJoin('goals', (j) =>
      j.onRef('goals.id', '=', 'goal_progress.goal_id').onRef('goals.org_id', '=', 'goal_progress.org_id'),
    )
    .select(['goal_progress.goal_id', 'goal_progress.text', 'goal_progress.recorded_at'])
    .where('goal_progress.org_id', '=', orgId)
    .where('goals.case_id', 'in', [...caseIds])
    .execute();
}
