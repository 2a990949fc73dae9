import { type Kysely, sql } from 'kysely';

/**
 * Request counts of the per-IP limits (sign-in), in PostgreSQL so that every app process counts
 * against one limit. UNLOGGED: counters for a minute need no crash safety, and writing them costs
 * no WAL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE UNLOGGED TABLE rate_limit_hits (
      key text PRIMARY KEY,
      hits integer NOT NULL,
      resets_at timestamptz NOT NULL
    );
  `.execute(db);
}
