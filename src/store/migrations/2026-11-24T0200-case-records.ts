import { type Kysely, sql } from 'kysely';

/**
 * Case records: case types, clients (safe contact, access needs, consent), cases (reference,
 * status, flags, shares), notes (drafts, filed and immutable, amendments), goals, actions,
 * obstacles, key dates, documents, and the field history of cases and clients.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE case_types (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations (id),
      key text NOT NULL CHECK (key ~ '^[a-z0-9-]{1,60}$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
      base_weight numeric(5, 2) NOT NULL DEFAULT 1 CHECK (base_weight > 0),
      active boolean NOT NULL DEFAULT true,
      sort_order integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id),
      UNIQUE (org_id, key)
    );

    CREATE TABLE clients (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations (id),
      legal_name text NOT NULL CHECK (length(legal_name) BETWEEN 1 AND 200),
      preferred_name text CHECK (length(preferred_name) <= 200),
      pronouns text CHECK (length(pronouns) <= 60),
      date_of_birth date,
      email text CHECK (length(email) <= 254),
      phone text CHECK (length(phone) <= 40),
      address text CHECK (length(address) <= 500),
      -- { voicemail, letters, safeTimes, safeAddress, safePhone, notes }
      safe_contact jsonb NOT NULL DEFAULT '{}'::jsonb,
      -- { interpreter, language, bsl, easyRead, other }
      access_needs jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id)
    );
    CREATE INDEX clients_duplicate_idx ON clients (org_id, lower(legal_name), date_of_birth);

    CREATE TABLE consents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      client_id uuid NOT NULL,
      purpose text NOT NULL CHECK (purpose IN ('recording', 'referral', 'feedback')),
      lawful_basis text NOT NULL CHECK (lawful_basis IN
        ('consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests')),
      given_at date NOT NULL,
      expires_at date,
      withdrawn_at date,
      notes text CHECK (length(notes) <= 1000),
      recorded_by uuid NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id),
      FOREIGN KEY (org_id, recorded_by) REFERENCES users (org_id, id),
      CHECK (withdrawn_at IS NULL OR withdrawn_at >= given_at),
      CHECK (expires_at IS NULL OR expires_at >= given_at)
    );
    CREATE INDEX consents_client_idx ON consents (org_id, client_id);

    -- Case references CL-<year>-<n>: one counter per organisation and year; never reused.
    CREATE TABLE case_reference_counters (
      org_id uuid NOT NULL REFERENCES organisations (id),
      year integer NOT NULL,
      last_number integer NOT NULL,
      PRIMARY KEY (org_id, year)
    );

    CREATE TABLE cases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      reference text NOT NULL,
      client_id uuid NOT NULL,
      case_type_id uuid NOT NULL,
      presenting_issue text NOT NULL CHECK (length(presenting_issue) BETWEEN 1 AND 4000),
      desired_outcome text CHECK (length(desired_outcome) <= 4000),
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'on_hold', 'closed')),
      hold_reason text,
      outcome text,
      closure_reason text,
      owner_id uuid NOT NULL,
      team_id uuid,
      complexity_weight numeric(4, 2) NOT NULL DEFAULT 1 CHECK (complexity_weight > 0 AND complexity_weight <= 10),
      vulnerability_indicators text[] NOT NULL DEFAULT '{}',
      opened_at timestamptz NOT NULL DEFAULT now(),
      closed_at timestamptz,
      last_attention_at timestamptz NOT NULL DEFAULT now(),
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', reference), 'A') ||
        setweight(to_tsvector('english', presenting_issue), 'B') ||
        setweight(to_tsvector('english', coalesce(desired_outcome, '')), 'C')
      ) STORED,
      UNIQUE (org_id, id),
      UNIQUE (org_id, reference),
      FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id),
      FOREIGN KEY (org_id, case_type_id) REFERENCES case_types (org_id, id),
      FOREIGN KEY (org_id, owner_id) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, team_id) REFERENCES teams (org_id, id),
      FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id),
      CHECK (status <> 'on_hold' OR hold_reason IS NOT NULL),
      CHECK (status <> 'closed' OR (outcome IS NOT NULL AND closure_reason IS NOT NULL AND closed_at IS NOT NULL))
    );
    CREATE INDEX cases_owner_idx ON cases (org_id, owner_id, status);
    CREATE INDEX cases_team_idx ON cases (org_id, team_id, status);
    CREATE INDEX cases_client_idx ON cases (org_id, client_id);
    CREATE INDEX cases_search_idx ON cases USING gin (search);

    -- Every change of a case's or client's fields: who, when, from what to what.
    CREATE TABLE field_changes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES organisations (id),
      entity_type text NOT NULL CHECK (entity_type IN ('case', 'client')),
      entity_id uuid NOT NULL,
      field text NOT NULL,
      old_value jsonb,
      new_value jsonb,
      reason text,
      changed_by uuid NOT NULL,
      changed_at timestamptz NOT NULL
    );
    CREATE INDEX field_changes_entity_idx ON field_changes (org_id, entity_type, entity_id, changed_at);

    CREATE TABLE case_flags (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('safeguarding', 'vulnerability')),
      category text NOT NULL CHECK (length(category) BETWEEN 1 AND 120),
      description text CHECK (length(description) <= 2000),
      raised_by uuid NOT NULL,
      raised_at timestamptz NOT NULL,
      resolved_by uuid,
      resolved_at timestamptz,
      resolution text,
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
      FOREIGN KEY (org_id, raised_by) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, resolved_by) REFERENCES users (org_id, id)
    );
    CREATE INDEX case_flags_case_idx ON case_flags (org_id, case_id);

    CREATE TABLE case_shares (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      user_id uuid NOT NULL,
      -- 'share': granted by the owner or a supervisor; 'break-glass': a supervisor's own emergency read.
      kind text NOT NULL DEFAULT 'share' CHECK (kind IN ('share', 'break-glass')),
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
      expires_at timestamptz,
      granted_by uuid NOT NULL,
      granted_at timestamptz NOT NULL,
      revoked_at timestamptz,
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
      FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, granted_by) REFERENCES users (org_id, id)
    );
    CREATE INDEX case_shares_user_idx ON case_shares (org_id, user_id);
    CREATE INDEX case_shares_case_idx ON case_shares (org_id, case_id);

    CREATE TABLE goals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
      measure text CHECK (length(measure) <= 1000),
      target_date date,
      status text NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'achieved', 'partly_achieved', 'not_achieved', 'withdrawn')),
      result_note text,
      result_at timestamptz,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
      FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id)
    );
    CREATE INDEX goals_case_idx ON goals (org_id, case_id);

    CREATE TABLE goal_progress (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      goal_id uuid NOT NULL,
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
      recorded_by uuid NOT NULL,
      recorded_at timestamptz NOT NULL,
      FOREIGN KEY (org_id, goal_id) REFERENCES goals (org_id, id),
      FOREIGN KEY (org_id, recorded_by) REFERENCES users (org_id, id)
    );
    CREATE INDEX goal_progress_goal_idx ON goal_progress (org_id, goal_id);

    CREATE TABLE actions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
      owner_kind text NOT NULL CHECK (owner_kind IN ('practitioner', 'client', 'third_party')),
      owner_user_id uuid,
      owner_name text CHECK (length(owner_name) <= 200),
      due_date date,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
      completed_at timestamptz,
      result text CHECK (length(result) <= 2000),
      goal_id uuid,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
      FOREIGN KEY (org_id, owner_user_id) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, goal_id) REFERENCES goals (org_id, id),
      FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id),
      CHECK (owner_kind <> 'practitioner' OR owner_user_id IS NOT NULL),
      CHECK (owner_kind <> 'third_party' OR owner_name IS NOT NULL)
    );
    CREATE INDEX actions_case_idx ON actions (org_id, case_id);
    CREATE INDEX actions_due_idx ON actions (org_id, status, due_date);

    CREATE TABLE obstacles (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      category text NOT NULL CHECK (category IN ('client-contact-lost', 'awaiting-third-party',
        'awaiting-documents', 'capacity', 'policy-or-legislation', 'language-or-access', 'other')),
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
      since date NOT NULL,
      plan text CHECK (length(plan) <= 2000),
      resolved_at timestamptz,
      resolution text,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
      FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id)
    );
    CREATE INDEX obstacles_case_idx ON obstacles (org_id, case_id);

    CREATE TABLE key_dates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('statutory-deadline', 'hearing', 'limitation-date',
        'appeal-deadline', 'appointment', 'internal-target')),
      due_date date NOT NULL,
      due_time time,
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 1000),
      source text CHECK (length(source) <= 1000),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'met', 'missed', 'cancelled')),
      status_note text,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
      FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id)
    );
    CREATE INDEX key_dates_case_idx ON key_dates (org_id, case_id);
    CREATE INDEX key_dates_pending_idx ON key_dates (org_id, due_date) WHERE status = 'pending';

    CREATE TABLE notes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      author_id uuid NOT NULL,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'filed')),
      type text NOT NULL CHECK (type IN ('contact', 'advice', 'action', 'referral', 'review',
        'safeguarding', 'file-note')),
      contact_channel text CHECK (contact_channel IN ('phone', 'face-to-face', 'video', 'email', 'letter')),
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz,
      facts text NOT NULL DEFAULT '' CHECK (length(facts) <= 20000),
      advice text NOT NULL DEFAULT '' CHECK (length(advice) <= 20000),
      actions_agreed text NOT NULL DEFAULT '' CHECK (length(actions_agreed) <= 20000),
      judgement text NOT NULL DEFAULT '' CHECK (length(judgement) <= 20000),
      sensitivity text NOT NULL DEFAULT 'normal' CHECK (sensitivity IN ('normal', 'restricted')),
      amends_note_id uuid,
      amendment_reason text CHECK (length(amendment_reason) <= 2000),
      goal_ids uuid[] NOT NULL DEFAULT '{}',
      action_ids uuid[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      search tsvector GENERATED ALWAYS AS (
        to_tsvector('english', facts || ' ' || advice || ' ' || actions_agreed || ' ' || judgement)
      ) STORED,
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
      FOREIGN KEY (org_id, author_id) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, amends_note_id) REFERENCES notes (org_id, id),
      CHECK (status <> 'filed' OR (recorded_at IS NOT NULL AND
        (length(facts) > 0 OR length(advice) > 0 OR length(actions_agreed) > 0))),
      CHECK ((amends_note_id IS NULL) = (amendment_reason IS NULL))
    );
    CREATE INDEX notes_case_idx ON notes (org_id, case_id, occurred_at);
    CREATE INDEX notes_author_drafts_idx ON notes (org_id, author_id) WHERE status = 'draft';
    CREATE INDEX notes_search_idx ON notes USING gin (search) WHERE status = 'filed';
    CREATE INDEX notes_amends_idx ON notes (org_id, amends_note_id) WHERE amends_note_id IS NOT NULL;

    -- Second line of defence: a filed note never changes and is never deleted.
    CREATE FUNCTION notes_filed_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.status = 'filed' THEN
        RAISE EXCEPTION 'note % is filed: it cannot be changed or deleted; record an amendment instead', OLD.id
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END;
    $$;
    CREATE TRIGGER notes_filed_immutable BEFORE UPDATE OR DELETE ON notes
      FOR EACH ROW EXECUTE FUNCTION notes_filed_are_immutable();
    CREATE FUNCTION refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% cannot be truncated', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
    END;
    $$;
    CREATE TRIGGER notes_no_truncate BEFORE TRUNCATE ON notes
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();

    CREATE TABLE documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      note_id uuid,
      filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
      content_type text NOT NULL,
      size_bytes integer NOT NULL CHECK (size_bytes >= 0),
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      content bytea NOT NULL,
      uploaded_by uuid NOT NULL,
      uploaded_at timestamptz NOT NULL,
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
      FOREIGN KEY (org_id, note_id) REFERENCES notes (org_id, id),
      FOREIGN KEY (org_id, uploaded_by) REFERENCES users (org_id, id)
    );
    CREATE INDEX documents_case_idx ON documents (org_id, case_id);

    -- In-app notifications (email delivery comes with the priorities work).
    CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      user_id uuid NOT NULL,
      kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 60),
      case_id uuid,
      message text NOT NULL CHECK (length(message) BETWEEN 1 AND 1000),
      created_at timestamptz NOT NULL,
      read_at timestamptz,
      FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id)
    );
    CREATE INDEX notifications_user_idx ON notifications (org_id, user_id, created_at DESC);

    -- Each organisation's glossary of accepted abbreviations (for the clarity hints).
    CREATE TABLE glossary_terms (
      org_id uuid NOT NULL REFERENCES organisations (id),
      term text NOT NULL CHECK (length(term) BETWEEN 1 AND 20),
      meaning text NOT NULL CHECK (length(meaning) BETWEEN 1 AND 200),
      PRIMARY KEY (org_id, term)
    );

    INSERT INTO case_types (org_id, key, name, sort_order)
    SELECT o.id, t.key, t.name, t.sort_order FROM organisations o CROSS JOIN (VALUES
      ('welfare-benefits', 'Welfare benefits', 1), ('debt', 'Debt', 2),
      ('housing', 'Housing and homelessness', 3), ('employment', 'Employment', 4),
      ('immigration', 'Immigration', 5), ('family', 'Family', 6), ('consumer', 'Consumer', 7),
      ('health-community-care', 'Health and community care', 8), ('other', 'Other', 9)
    ) AS t (key, name, sort_order);
  `.execute(db);
}
