/** Goals of cases and their progress entries. Every query is scoped by org_id. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { DbOrTx } from './db.ts';
import type { GoalProgressTable, GoalsTable } from './schema.ts';

export type GoalRow = Selectable<GoalsTable>;
export type NewGoal = Insertable<GoalsTable>;
export type GoalPatch = Pick<
  Updateable<GoalsTable>,
  'description' | 'measure' | 'target_date' | 'status' | 'result_note' | 'result_at'
>;
export type GoalProgressRow = Selectable<GoalProgressTable>;

/** A progress entry with the display name of who recorded it. */
export interface GoalProgressView extends GoalProgressRow {
  readonly recorded_by_name: string;
}

export async function insertGoal(db: DbOrTx, goal: NewGoal): Promise<GoalRow> {
  return db.insertInto('goals').values(goal).returningAll().executeTakeFirstOrThrow();
}

export async function getGoal(db: DbOrTx, orgId: string, goalId: string): Promise<GoalRow | undefined> {
  return db
    .selectFrom('goals')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', goalId)
    .executeTakeFirst();
}

/** One goal of the organisation, locked for the rest of the transaction. */
export async function getGoalForUpdate(
  db: DbOrTx,
  orgId: string,
  goalId: string,
): Promise<GoalRow | undefined> {
  return db
    .selectFrom('goals')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', goalId)
    .forUpdate()
    .executeTakeFirst();
}

/** Changes some fields of one goal, stamping updated_at with `at`. */
export async function updateGoal(
  db: DbOrTx,
  orgId: string,
  goalId: string,
  patch: GoalPatch,
  at: Date,
): Promise<GoalRow | undefined> {
  return db
    .updateTable('goals')
    .set({ ...patch, updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', goalId)
    .returningAll()
    .executeTakeFirst();
}

/** The goals of a case: active ones first by target date, then those with a result. */
export async function listGoals(db: DbOrTx, orgId: string, caseId: string): Promise<GoalRow[]> {
  return db
    .selectFrom('goals')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .orderBy(sql`status = 'active'`, 'desc')
    .orderBy('target_date', (ob) => ob.asc().nullsLast())
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertGoalProgress(
  db: DbOrTx,
  entry: Insertable<GoalProgressTable>,
): Promise<GoalProgressRow> {
  return db.insertInto('goal_progress').values(entry).returningAll().executeTakeFirstOrThrow();
}

/** The progress entries of some goals, oldest first, with who recorded them. */
export async function listGoalProgress(
  db: DbOrTx,
  orgId: string,
  goalIds: readonly string[],
): Promise<GoalProgressView[]> {
  if (goalIds.length === 0) return [];
  return db
    .selectFrom('goal_progress')
    .innerJoin('users', (join) =>
      join
        .onRef('users.id', '=', 'goal_progress.recorded_by')
        .onRef('users.org_id', '=', 'goal_progress.org_id'),
    )
    .selectAll('goal_progress')
    .select('users.display_name as recorded_by_name')
    .where('goal_progress.org_id', '=', orgId)
    .where('goal_progress.goal_id', 'in', goalIds)
    .orderBy('goal_progress.recorded_at')
    .orderBy('goal_progress.id')
    .execute();
}
