import { type Kysely, sql } from 'kysely';

/**
 * Organisations, teams, users, sessions, login throttling and the hash-chained audit log.
 * Every tenant-owned table carries org_id; composite foreign keys keep rows inside their organisation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE organisations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      time_zone text NOT NULL DEFAULT 'Europe/London',
      nation text NOT NULL DEFAULT 'england-and-wales'
        CHECK (nation IN ('england-and-wales', 'scotland', 'northern-ireland')),
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE teams (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations (id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id)
    );
    CREATE UNIQUE INDEX teams_org_name_key ON teams (org_id, lower(name));

    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations (id),
      email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
      display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
      roles text[] NOT NULL CHECK (
        cardinality(roles) >= 1 AND roles <@ ARRAY['adviser', 'supervisor', 'admin', 'auditor']::text[]
      ),
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
      password_hash text NOT NULL,
      totp_secret text,
      totp_enabled_at timestamptz,
      totp_last_step bigint,
      failed_logins integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      capacity_points numeric(6, 2) NOT NULL DEFAULT 100,
      fte numeric(3, 2) NOT NULL DEFAULT 1 CHECK (fte > 0 AND fte <= 1),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id)
    );
    -- Sign-in is by email alone, so an email names one account across the installation.
    CREATE UNIQUE INDEX users_email_key ON users (email);

    CREATE TABLE team_members (
      org_id uuid NOT NULL,
      team_id uuid NOT NULL,
      user_id uuid NOT NULL,
      role text NOT NULL CHECK (role IN ('member', 'supervisor')),
      PRIMARY KEY (team_id, user_id),
      FOREIGN KEY (org_id, team_id) REFERENCES teams (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id) ON DELETE CASCADE
    );
    CREATE INDEX team_members_user_idx ON team_members (user_id);

    CREATE TABLE recovery_codes (
      org_id uuid NOT NULL,
      user_id uuid NOT NULL,
      code_hash text NOT NULL,
      used_at timestamptz,
      PRIMARY KEY (user_id, code_hash),
      FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id) ON DELETE CASCADE
    );

    -- The token itself is never stored: only its SHA-256.
    CREATE TABLE sessions (
      token_hash bytea PRIMARY KEY,
      org_id uuid NOT NULL,
      user_id uuid NOT NULL,
      stage text NOT NULL CHECK (stage IN ('full', 'totp', 'enrol')),
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      ip inet,
      user_agent text,
      FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id) ON DELETE CASCADE
    );
    CREATE INDEX sessions_user_idx ON sessions (user_id);
    CREATE INDEX sessions_expires_idx ON sessions (expires_at);

    -- Append-only, one hash chain per organisation (system events use the nil UUID).
    CREATE TABLE audit_events (
      org_id uuid NOT NULL,
      seq bigint NOT NULL CHECK (seq >= 1),
      occurred_at timestamptz NOT NULL,
      actor_id uuid,
      action text NOT NULL,
      entity_type text,
      entity_id text,
      request_id text,
      details jsonb NOT NULL DEFAULT '{}'::jsonb,
      prev_hash text NOT NULL,
      hash text NOT NULL,
      PRIMARY KEY (org_id, seq)
    );
    CREATE INDEX audit_events_entity_idx ON audit_events (org_id, entity_type, entity_id);
    CREATE INDEX audit_events_actor_idx ON audit_events (org_id, actor_id, occurred_at);

    CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END;
    $$;
    CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
    CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
  `.execute(db);
}
