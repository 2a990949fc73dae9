import { type Kysely, sql } from 'kysely';

/**
 * The daily re-assessment rewrites about half the open cases' current assessment every day
 * (bench/README.md, city size):
 * - cases keep half of each page free, so updating a case's current assessment, band and score can
 *   be a heap-only (HOT) update: no new entry in any of the table's eleven indexes, the search GIN
 *   included. With full pages (the default, and what a bulk load leaves) most of those updates
 *   wrote every index again. Pages written from now on follow the setting; on an existing large
 *   installation `VACUUM FULL cases` at a quiet moment applies it to all (README, "Running several app
 *   processes").
 * - a case's first contact (the earliest filed contact or advice note, which starts the first-
 *   contact timescale) is read from a partial index of exactly those notes, index only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE cases SET (fillfactor = 50);
    CREATE INDEX notes_first_contact_idx ON notes (org_id, case_id, occurred_at)
      WHERE status = 'filed' AND type IN ('contact', 'advice');
  `.execute(db);
}
