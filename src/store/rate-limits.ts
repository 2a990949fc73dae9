/**
 * Counters of the per-IP request limits, shared by every app process. Windows are fixed: the first
 * request after a window ended starts the next. Times are the database's, so processes on machines
 * whose clocks differ still count in the same window.
 */
import { sql } from 'kysely';
import type { DbOrTx } from './db.ts';

/**
 * Counts one request under `key`.
 * @returns the requests counted in the current window (this one included) and the milliseconds
 *   until it ends
 */
export async function countRequest(
  db: DbOrTx,
  key: string,
  windowMs: number,
): Promise<{ hits: number; ttlMs: number }> {
  const { rows } = await sql<{ hits: number; ttl_ms: number }>`
    INSERT INTO rate_limit_hits AS r (key, hits, resets_at)
    VALUES (${key}, 1, now() + make_interval(secs => ${windowMs / 1000}))
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN r.resets_at <= now() THEN 1 ELSE r.hits + 1 END,
      resets_at = CASE WHEN r.resets_at <= now() THEN excluded.resets_at ELSE r.resets_at END
    RETURNING hits, ceil(extract(epoch FROM resets_at - now()) * 1000)::int AS ttl_ms
  `.execute(db);
  const row = rows[0];
  if (!row) throw new Error('rate limit counter: no row returned');
  return { hits: row.hits, ttlMs: Math.max(0, row.ttl_ms) };
}

/** Deletes counters whose window has ended (they would restart at 1 anyway). */
export async function deleteEndedRateLimits(db: DbOrTx): Promise<number> {
  const r = await db
    .deleteFrom('rate_limit_hits')
    .where('resets_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
