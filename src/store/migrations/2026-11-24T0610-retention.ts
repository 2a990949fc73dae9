import { type Kysely, sql } from 'kysely';

/**
 * Retention and erasure (issue 6):
 *
 * - `retention_schedules`: years a closed case of a type is kept (no row: the default, 6 years).
 * - `cases.destruction_due_on`: set when a case closes (closed date + the type's years), cleared when
 *   it reopens; moved by an extension (`retention_extensions`, with the reason).
 * - `tombstones`: what is left of an erased case — a pseudonymous record for statistics (reference,
 *   type, opened/closed dates, outcome category, financial-outcome totals, when, by whom, why).
 * - `erasure_requests`: right-to-erasure requests, recorded by one person and decided by another.
 *
 * The narrow way through the immutable tables. Filed notes, assessments, information-sharing
 * records and completed caseload reviews refuse UPDATE and DELETE by trigger. Erasure alone may
 * change them: each of those triggers now lets the operation through when the transaction has set
 * `caseload.erasure` (with `set_config('caseload.erasure', <tombstone id>, true)`, i.e. SET LOCAL:
 * it ends with the transaction) AND a tombstone with that id exists in the row's organisation —
 * the erasure service writes the tombstone first, in the same transaction. audit_events and
 * priority_policies keep their unconditional triggers: erasure never touches them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE retention_schedules (
      org_id uuid NOT NULL,
      case_type_id uuid NOT NULL,
      retention_years integer NOT NULL CHECK (retention_years BETWEEN 1 AND 100),
      updated_by uuid NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, case_type_id),
      FOREIGN KEY (org_id, case_type_id) REFERENCES case_types (org_id, id),
      FOREIGN KEY (org_id, updated_by) REFERENCES users (org_id, id)
    );

    ALTER TABLE cases ADD COLUMN destruction_due_on date,
      ADD CONSTRAINT cases_destruction_only_when_closed CHECK (status = 'closed' OR destruction_due_on IS NULL);
    CREATE INDEX cases_destruction_idx ON cases (org_id, destruction_due_on) WHERE destruction_due_on IS NOT NULL;
    -- Closed cases of every organisation get their date now: the default 6 years after closure.
    UPDATE cases SET destruction_due_on = ((closed_at AT TIME ZONE o.time_zone)::date + interval '6 years')::date
      FROM organisations o WHERE o.id = cases.org_id AND cases.status = 'closed';

    CREATE TABLE retention_extensions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      previous_on date NOT NULL,
      until date NOT NULL CHECK (until > previous_on),
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
      extended_by uuid NOT NULL,
      extended_at timestamptz NOT NULL,
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
      FOREIGN KEY (org_id, extended_by) REFERENCES users (org_id, id)
    );
    CREATE INDEX retention_extensions_case_idx ON retention_extensions (org_id, case_id);

    CREATE TABLE erasure_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      -- NULL once the client has been erased (the request stays as the record of the erasure).
      client_id uuid,
      received_on date NOT NULL,
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused')),
      recorded_by uuid NOT NULL,
      recorded_at timestamptz NOT NULL,
      decided_by uuid,
      decided_at timestamptz,
      decision_reason text CHECK (length(decision_reason) <= 2000),
      case_count integer,
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id),
      FOREIGN KEY (org_id, recorded_by) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, decided_by) REFERENCES users (org_id, id),
      CHECK ((status = 'pending') = (decided_at IS NULL)),
      CHECK ((decided_at IS NULL) = (decided_by IS NULL)),
      CHECK (decided_by IS NULL OR decided_by <> recorded_by),
      CHECK (status <> 'refused' OR decision_reason IS NOT NULL)
    );
    CREATE INDEX erasure_requests_status_idx ON erasure_requests (org_id, status, received_on);

    CREATE TABLE tombstones (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL REFERENCES organisations (id),
      case_reference text NOT NULL,
      case_type_key text NOT NULL,
      case_type_name text NOT NULL,
      opened_on date NOT NULL,
      closed_on date,
      outcome_key text,
      -- [{ kind, frequency, count, totalPence }]: totals only, no descriptions.
      financial_outcomes jsonb NOT NULL DEFAULT '[]',
      reason text NOT NULL CHECK (reason IN ('retention', 'erasure-request')),
      erasure_request_id uuid,
      erased_by uuid NOT NULL,
      erased_at timestamptz NOT NULL,
      UNIQUE (org_id, id),
      UNIQUE (org_id, case_reference),
      FOREIGN KEY (org_id, erasure_request_id) REFERENCES erasure_requests (org_id, id),
      FOREIGN KEY (org_id, erased_by) REFERENCES users (org_id, id),
      CHECK ((reason = 'erasure-request') = (erasure_request_id IS NOT NULL))
    );
    CREATE INDEX tombstones_erased_idx ON tombstones (org_id, erased_at);

    -- The gate: an erasure of this organisation is under way in this transaction.
    CREATE FUNCTION erasure_in_progress(org uuid) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
    DECLARE
      setting text := nullif(current_setting('caseload.erasure', true), '');
    BEGIN
      IF setting IS NULL OR setting !~ '^[0-9a-f-]{36}$' THEN
        RETURN false;
      END IF;
      RETURN EXISTS (SELECT 1 FROM tombstones t WHERE t.id = setting::uuid AND t.org_id = org);
    END;
    $$;

    CREATE OR REPLACE FUNCTION notes_filed_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.status = 'filed' AND NOT erasure_in_progress(OLD.org_id) THEN
        RAISE EXCEPTION 'note % is filed: it cannot be changed or deleted; record an amendment instead', OLD.id
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
      RETURN NEW;
    END;
    $$;

    CREATE OR REPLACE FUNCTION assessments_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' AND erasure_in_progress(OLD.org_id) THEN RETURN OLD; END IF;
      RAISE EXCEPTION 'assessments cannot be changed (%): record a new assessment instead', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END;
    $$;

    CREATE OR REPLACE FUNCTION sharing_records_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' AND erasure_in_progress(OLD.org_id) THEN RETURN OLD; END IF;
      RAISE EXCEPTION 'information-sharing records cannot be changed (%): record a new one instead', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END;
    $$;

    CREATE OR REPLACE FUNCTION caseload_review_snapshot_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- Erasure may redact a completed review's summary (the snapshot holds ids and references only).
      IF erasure_in_progress(OLD.org_id) AND NEW.snapshot IS NOT DISTINCT FROM OLD.snapshot
         AND NEW.started_at IS NOT DISTINCT FROM OLD.started_at
         AND NEW.practitioner_id IS NOT DISTINCT FROM OLD.practitioner_id
         AND NEW.status IS NOT DISTINCT FROM OLD.status THEN
        RETURN NEW;
      END IF;
      IF NEW.snapshot IS DISTINCT FROM OLD.snapshot OR NEW.started_at IS DISTINCT FROM OLD.started_at
        OR NEW.practitioner_id IS DISTINCT FROM OLD.practitioner_id THEN
        RAISE EXCEPTION 'a caseload review''s snapshot cannot be changed'
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF OLD.status = 'completed' THEN
        RAISE EXCEPTION 'a completed caseload review cannot be changed'
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN NEW;
    END;
    $$;

    -- Audit events whose details hold free text (case.break_glass: reason) have that text replaced
    -- by {"erased": <tombstone id>} on erasure. The row keeps its hash and prev_hash; this table
    -- records the redaction, and the case.erased event (chained after it) lists {seq, hash} of every
    -- event it redacted, so the verifier accounts for it (src/services/audit/verify-audit-chain.ts).
    CREATE TABLE audit_redactions (
      org_id uuid NOT NULL,
      seq bigint NOT NULL,
      tombstone_id uuid NOT NULL,
      paths text[] NOT NULL CHECK (cardinality(paths) >= 1),
      redacted_at timestamptz NOT NULL,
      -- (org_id, seq) names an audit event; no foreign key, so audit_events keeps refusing TRUNCATE
      -- with its own message and is never a parent table.
      PRIMARY KEY (org_id, seq),
      FOREIGN KEY (org_id, tombstone_id) REFERENCES tombstones (org_id, id)
    );

    -- Still append-only. The one exception: during an erasure (the gate above), the details of an
    -- event with a redaction record of this erasure's tombstone may change — nothing else may.
    CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- Nested: OLD is not there for TRUNCATE (a statement-level trigger).
      IF TG_OP = 'UPDATE' THEN
        IF erasure_in_progress(OLD.org_id)
         AND NEW.org_id = OLD.org_id AND NEW.seq = OLD.seq AND NEW.occurred_at = OLD.occurred_at
         AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id AND NEW.action = OLD.action
         AND NEW.entity_type IS NOT DISTINCT FROM OLD.entity_type
         AND NEW.entity_id IS NOT DISTINCT FROM OLD.entity_id
         AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id
         AND NEW.prev_hash = OLD.prev_hash AND NEW.hash = OLD.hash
         AND EXISTS (SELECT 1 FROM audit_redactions r
                      WHERE r.org_id = OLD.org_id AND r.seq = OLD.seq
                        AND r.tombstone_id::text = current_setting('caseload.erasure', true)) THEN
          RETURN NEW;
        END IF;
      END IF;
      RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END;
    $$;

    CREATE OR REPLACE FUNCTION review_record_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      target_org uuid;
      target_review uuid;
    BEGIN
      IF TG_OP = 'DELETE' THEN
        target_org := OLD.org_id;
        target_review := OLD.review_id;
        IF erasure_in_progress(OLD.org_id) THEN RETURN OLD; END IF;
      ELSE
        target_org := NEW.org_id;
        target_review := NEW.review_id;
      END IF;
      IF EXISTS (SELECT 1 FROM caseload_reviews r
                  WHERE r.org_id = target_org AND r.id = target_review AND r.status = 'completed')
         OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM caseload_reviews r
                  WHERE r.org_id = OLD.org_id AND r.id = OLD.review_id AND r.status = 'completed')) THEN
        RAISE EXCEPTION 'a completed caseload review cannot be changed'
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      IF TG_OP = 'DELETE' THEN
        RETURN OLD;
      END IF;
      RETURN NEW;
    END;
    $$;
  `.execute(db);
}
