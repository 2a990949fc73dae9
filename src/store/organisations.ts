/** Organisations. Teams are in ./teams.ts. */
import type { DbOrTx } from './db.ts';

export async function insertOrganisation(db: DbOrTx, name: string) {
  return db.insertInto('organisations').values({ name }).returningAll().executeTakeFirstOrThrow();
}

export async function getOrganisation(db: DbOrTx, orgId: string) {
  return db.selectFrom('organisations').selectAll().where('id', '=', orgId).executeTakeFirst();
}

export async function findOrganisationByName(db: DbOrTx, name: string) {
  return db.selectFrom('organisations').selectAll().where('name', '=', name).executeTakeFirst();
}

/** Every organisation with what scheduled work needs: time zone, nation, reminder lead times. */
export async function listOrganisationsForJobs(db: DbOrTx) {
  return db
    .selectFrom('organisations')
    .select(['id', 'time_zone', 'nation', 'reminder_lead_days', 'daily_run_on'])
    .orderBy('id')
    .execute();
}

/**
 * Claims the organisation's daily run for `today` (its calendar date): true for the one caller
 * that moves daily_run_on to today, false for every other process and every later call that day.
 */
export async function claimDailyRun(db: DbOrTx, orgId: string, today: string): Promise<boolean> {
  const row = await db
    .updateTable('organisations')
    .set({ daily_run_on: today })
    .where('id', '=', orgId)
    .where('daily_run_on', 'is distinct from', today)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives a claimed daily run back (it failed), so that the next tick tries again. */
export async function releaseDailyRun(
  db: DbOrTx,
  orgId: string,
  today: string,
  previous: string | null,
): Promise<void> {
  await db
    .updateTable('organisations')
    .set({ daily_run_on: previous })
    .where('id', '=', orgId)
    .where('daily_run_on', '=', today)
    .execute();
}
