import { type Kysely, sql } from 'kysely';

/**
 * The worklist reads each case's nearest pending key date and earliest open action with a due date
 * (one LIMIT 1 lateral each per row): indexes in exactly that order let it stop at the first entry
 * instead of sorting every key date and action of the case (bench/README.md, city size).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX key_dates_next_pending_idx ON key_dates (org_id, case_id, due_date, due_time, id)
      WHERE status = 'pending';
    CREATE INDEX actions_next_due_idx ON actions (org_id, case_id, due_date, id)
      WHERE status = 'open' AND due_date IS NOT NULL;
  `.execute(db);
}
