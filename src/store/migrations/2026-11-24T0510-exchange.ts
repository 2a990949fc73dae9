import { type Kysely, sql } from 'kysely';

/**
 * Information exchange and outcomes, on top of 0500:
 *
 * - A closed case names an outcome from the organisation's list (outcome_key), and the free-text
 *   outcome becomes optional details. The closed-case check now asks for either: cases closed
 *   before the list existed keep their text and no key; new closures always carry a key (the
 *   service requires it).
 * - An information-sharing record may name the earlier record it corrects (records are never
 *   changed: a correction is a new record).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DO $$
    DECLARE
      name text;
    BEGIN
      SELECT conname INTO name
        FROM pg_constraint
       WHERE conrelid = 'cases'::regclass AND contype = 'c'
         AND pg_get_constraintdef(oid) LIKE '%closure_reason IS NOT NULL%';
      IF name IS NOT NULL THEN
        EXECUTE format('ALTER TABLE cases DROP CONSTRAINT %I', name);
      END IF;
    END;
    $$;
    ALTER TABLE cases ADD CONSTRAINT cases_closed_has_outcome CHECK (
      status <> 'closed'
      OR ((outcome IS NOT NULL OR outcome_key IS NOT NULL)
          AND closure_reason IS NOT NULL AND closed_at IS NOT NULL)
    );

    ALTER TABLE sharing_records ADD COLUMN corrects_id uuid,
      ADD FOREIGN KEY (org_id, corrects_id) REFERENCES sharing_records (org_id, id);
  `.execute(db);
}
