import { type Kysely, sql } from 'kysely';

/**
 * Priority policies, versioned per organisation: every change is a new version, so an assessment
 * can name the version it used and a version once stored is never changed or deleted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE priority_policies (
      org_id uuid NOT NULL REFERENCES organisations (id),
      version integer NOT NULL CHECK (version >= 1),
      policy jsonb NOT NULL,
      change_note text CHECK (length(change_note) <= 1000),
      created_by uuid,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, version),
      FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id)
    );

    CREATE FUNCTION priority_policies_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'priority policy versions cannot be changed (%): save a new version instead', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END;
    $$;
    CREATE TRIGGER priority_policies_no_update_delete BEFORE UPDATE OR DELETE ON priority_policies
      FOR EACH ROW EXECUTE FUNCTION priority_policies_are_immutable();
    CREATE TRIGGER priority_policies_no_truncate BEFORE TRUNCATE ON priority_policies
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();
  `.execute(db);
}
