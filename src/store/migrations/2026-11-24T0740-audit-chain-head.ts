import { type Kysely, sql } from 'kysely';

/**
 * An audit append needs its organisation's chain lock and then the chain's head (seq and hash, to
 * chain the new events onto in Node). `audit_chain_head` does both in one round trip: the same
 * transaction-scoped advisory lock as before (same key), then the head read by a statement of its
 * own. A VOLATILE PL/pgSQL function takes a fresh snapshot for each statement it runs, so under
 * READ COMMITTED the head read sees every append committed before the lock was granted, exactly as
 * a separate SELECT after the lock did.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION audit_chain_head(p_org_id text)
      RETURNS TABLE (seq bigint, hash text)
      LANGUAGE plpgsql VOLATILE AS $$
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtextextended('audit:' || p_org_id, 0));
      RETURN QUERY
        SELECT e.seq, e.hash FROM audit_events e
        WHERE e.org_id = p_org_id::uuid
        ORDER BY e.seq DESC
        LIMIT 1;
    END;
    $$;
  `.execute(db);
}
