import { type Kysely, sql } from 'kysely';

/**
 * Reviewing the personal caseload: case weighting (complexity factors) and capacity, external
 * factors, caseload reviews (supervision) with their frozen snapshots, proposed cases, decisions
 * and improvements (as actions), the reflective log, file reviews (sampling rule, checklist,
 * answers, corrective actions with verification), handovers, referrals, information-sharing
 * records (shared and not shared), outcome lists and financial outcomes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE organisations
      -- A case with no attention for this many working days counts as stalled.
      ADD COLUMN stalled_after_days integer NOT NULL DEFAULT 10 CHECK (stalled_after_days BETWEEN 1 AND 250),
      -- Default weeks between a practitioner's caseload reviews.
      ADD COLUMN review_cadence_weeks integer NOT NULL DEFAULT 4 CHECK (review_cadence_weeks BETWEEN 1 AND 52),
      ADD COLUMN records_financial_outcomes boolean NOT NULL DEFAULT true,
      -- File-review sampling: cases per practitioner per period, and the share chosen by risk.
      ADD COLUMN file_review_cases_per_practitioner integer NOT NULL DEFAULT 2
        CHECK (file_review_cases_per_practitioner BETWEEN 0 AND 50),
      ADD COLUMN file_review_period text NOT NULL DEFAULT 'quarter'
        CHECK (file_review_period IN ('month', 'quarter', 'half-year', 'year')),
      ADD COLUMN file_review_risk_share numeric(3, 2) NOT NULL DEFAULT 0.5
        CHECK (file_review_risk_share >= 0 AND file_review_risk_share <= 1);

    -- Complexity factors multiply a case's type base weight. applies_when names a rule the
    -- software checks itself; 'manual' factors are ticked on the case by the practitioner.
    CREATE TABLE complexity_factors (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations (id),
      key text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      label text NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
      multiplier numeric(4, 2) NOT NULL CHECK (multiplier > 0 AND multiplier <= 5),
      applies_when text NOT NULL DEFAULT 'manual' CHECK (applies_when IN ('manual',
        'vulnerability-high', 'interpreter-needed', 'safeguarding-open')),
      active boolean NOT NULL DEFAULT true,
      sort_order integer NOT NULL DEFAULT 0,
      updated_by uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id),
      UNIQUE (org_id, key),
      FOREIGN KEY (org_id, updated_by) REFERENCES users (org_id, id)
    );

    CREATE TABLE case_complexity_factors (
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      factor_id uuid NOT NULL,
      added_by uuid NOT NULL,
      added_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, case_id, factor_id),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
      FOREIGN KEY (org_id, factor_id) REFERENCES complexity_factors (org_id, id),
      FOREIGN KEY (org_id, added_by) REFERENCES users (org_id, id)
    );

    -- Dated annotations on the trend charts and in reviews: the whole organisation, a team or a person.
    CREATE TABLE external_factors (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations (id),
      kind text NOT NULL CHECK (kind IN ('policy-change', 'seasonal-peak', 'office-closure',
        'staff-absence', 'other')),
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      description text CHECK (length(description) <= 2000),
      starts_on date NOT NULL,
      ends_on date CHECK (ends_on >= starts_on),
      team_id uuid,
      user_id uuid,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, team_id) REFERENCES teams (org_id, id),
      FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id)
    );
    CREATE INDEX external_factors_dates_idx ON external_factors (org_id, starts_on);

    -- When each practitioner's next caseload review is due (cadence NULL: the organisation's).
    CREATE TABLE review_schedules (
      org_id uuid NOT NULL,
      practitioner_id uuid NOT NULL,
      cadence_weeks integer CHECK (cadence_weeks BETWEEN 1 AND 52),
      next_due_on date NOT NULL,
      updated_by uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, practitioner_id),
      FOREIGN KEY (org_id, practitioner_id) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, updated_by) REFERENCES users (org_id, id)
    );

    CREATE TABLE caseload_reviews (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      practitioner_id uuid NOT NULL,
      supervisor_id uuid NOT NULL,
      status text NOT NULL DEFAULT 'in-progress' CHECK (status IN ('in-progress', 'completed')),
      started_at timestamptz NOT NULL,
      completed_at timestamptz,
      -- The dashboard figures as they were when the review began; never changed afterwards.
      snapshot jsonb NOT NULL,
      summary text CHECK (length(summary) <= 8000),
      next_review_on date,
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, practitioner_id) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, supervisor_id) REFERENCES users (org_id, id),
      CHECK ((status = 'completed') = (completed_at IS NOT NULL)),
      CHECK (status <> 'completed' OR next_review_on IS NOT NULL)
    );
    CREATE INDEX caseload_reviews_practitioner_idx ON caseload_reviews (org_id, practitioner_id, started_at);

    CREATE FUNCTION caseload_review_snapshot_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
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
    CREATE TRIGGER caseload_reviews_frozen BEFORE UPDATE ON caseload_reviews
      FOR EACH ROW EXECUTE FUNCTION caseload_review_snapshot_is_frozen();

    -- The cases a review walks through: proposed by the software (with its reasons) or added.
    CREATE TABLE review_cases (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      review_id uuid NOT NULL,
      case_id uuid NOT NULL,
      proposed boolean NOT NULL,
      -- [{ kind: 'red' | 'stalled' | 'neglected' | 'over-timescale' | 'over-capacity' | 'added', reason }]
      reasons jsonb NOT NULL,
      decision text CHECK (length(decision) <= 4000),
      obstacles text CHECK (length(obstacles) <= 4000),
      discussed_at timestamptz,
      UNIQUE (org_id, id),
      UNIQUE (org_id, review_id, case_id),
      FOREIGN KEY (org_id, review_id) REFERENCES caseload_reviews (org_id, id),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id)
    );

    -- Improvements agreed at a review are actions on the case; obstacles found may be recorded too.
    ALTER TABLE actions ADD COLUMN review_id uuid,
      ADD FOREIGN KEY (org_id, review_id) REFERENCES caseload_reviews (org_id, id);
    ALTER TABLE obstacles ADD COLUMN review_id uuid,
      ADD FOREIGN KEY (org_id, review_id) REFERENCES caseload_reviews (org_id, id);

    -- A practitioner's reflective log (Gibbs' cycle): private unless shared into a review.
    CREATE TABLE reflections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      author_id uuid NOT NULL,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      occurred_on date NOT NULL,
      description text NOT NULL DEFAULT '' CHECK (length(description) <= 8000),
      feelings text NOT NULL DEFAULT '' CHECK (length(feelings) <= 8000),
      evaluation text NOT NULL DEFAULT '' CHECK (length(evaluation) <= 8000),
      analysis text NOT NULL DEFAULT '' CHECK (length(analysis) <= 8000),
      conclusion text NOT NULL DEFAULT '' CHECK (length(conclusion) <= 8000),
      action_plan text NOT NULL DEFAULT '' CHECK (length(action_plan) <= 8000),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, author_id) REFERENCES users (org_id, id)
    );
    CREATE INDEX reflections_author_idx ON reflections (org_id, author_id, occurred_on);

    CREATE TABLE review_reflections (
      org_id uuid NOT NULL,
      review_id uuid NOT NULL,
      reflection_id uuid NOT NULL,
      shared_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, review_id, reflection_id),
      FOREIGN KEY (org_id, review_id) REFERENCES caseload_reviews (org_id, id),
      FOREIGN KEY (org_id, reflection_id) REFERENCES reflections (org_id, id)
    );

    -- File reviews (Lexcel, Specialist Quality Mark): an editable checklist, sampled cases, answers.
    CREATE TABLE file_review_items (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations (id),
      key text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      label text NOT NULL CHECK (length(label) BETWEEN 1 AND 300),
      guidance text CHECK (length(guidance) <= 2000),
      active boolean NOT NULL DEFAULT true,
      sort_order integer NOT NULL DEFAULT 0,
      UNIQUE (org_id, id),
      UNIQUE (org_id, key)
    );

    CREATE TABLE file_reviews (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      practitioner_id uuid NOT NULL,
      -- The sampling period, e.g. '2026-Q4', '2026-11', '2026-H2', '2026'.
      period text NOT NULL CHECK (length(period) BETWEEN 4 AND 7),
      selection text NOT NULL CHECK (selection IN ('random', 'risk', 'manual')),
      selection_reason text,
      status text NOT NULL DEFAULT 'due' CHECK (status IN ('due', 'completed')),
      reviewer_id uuid,
      selected_by uuid NOT NULL,
      selected_at timestamptz NOT NULL,
      completed_at timestamptz,
      summary text CHECK (length(summary) <= 8000),
      UNIQUE (org_id, id),
      UNIQUE (org_id, case_id, period),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
      FOREIGN KEY (org_id, practitioner_id) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, reviewer_id) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, selected_by) REFERENCES users (org_id, id),
      CHECK ((status = 'completed') = (completed_at IS NOT NULL AND reviewer_id IS NOT NULL))
    );
    CREATE INDEX file_reviews_period_idx ON file_reviews (org_id, period);

    CREATE TABLE file_review_answers (
      org_id uuid NOT NULL,
      file_review_id uuid NOT NULL,
      item_id uuid NOT NULL,
      -- The item's wording when it was answered (the checklist may be edited later).
      item_label text NOT NULL,
      result text NOT NULL CHECK (result IN ('met', 'not-met', 'not-applicable')),
      comment text CHECK (length(comment) <= 4000),
      PRIMARY KEY (org_id, file_review_id, item_id),
      FOREIGN KEY (org_id, file_review_id) REFERENCES file_reviews (org_id, id),
      FOREIGN KEY (org_id, item_id) REFERENCES file_review_items (org_id, id)
    );

    CREATE TABLE corrective_actions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      file_review_id uuid NOT NULL,
      item_id uuid,
      description text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
      assigned_to uuid NOT NULL,
      due_on date NOT NULL,
      done_at timestamptz,
      done_note text CHECK (length(done_note) <= 4000),
      verified_by uuid,
      verified_at timestamptz,
      verification_note text CHECK (length(verification_note) <= 4000),
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL,
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, file_review_id) REFERENCES file_reviews (org_id, id),
      FOREIGN KEY (org_id, item_id) REFERENCES file_review_items (org_id, id),
      FOREIGN KEY (org_id, assigned_to) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, verified_by) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id),
      CHECK (verified_at IS NULL OR done_at IS NOT NULL),
      CHECK ((verified_at IS NULL) = (verified_by IS NULL))
    );
    CREATE INDEX corrective_actions_due_idx ON corrective_actions (org_id, due_on) WHERE verified_at IS NULL;

    -- Handover: reassigning a case needs a note the new owner sees first.
    CREATE TABLE case_handovers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      from_user_id uuid NOT NULL,
      to_user_id uuid NOT NULL,
      note text NOT NULL CHECK (length(note) BETWEEN 1 AND 8000),
      handed_over_by uuid NOT NULL,
      handed_over_at timestamptz NOT NULL,
      acknowledged_at timestamptz,
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
      FOREIGN KEY (org_id, from_user_id) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, to_user_id) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, handed_over_by) REFERENCES users (org_id, id)
    );
    CREATE INDEX case_handovers_case_idx ON case_handovers (org_id, case_id, handed_over_at);

    -- Referrals out (we refer the client on) and in (someone referred the client to us).
    CREATE TABLE referrals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      direction text NOT NULL CHECK (direction IN ('out', 'in')),
      organisation text NOT NULL CHECK (length(organisation) BETWEEN 1 AND 200),
      service text CHECK (length(service) <= 200),
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 4000),
      information_shared text CHECK (length(information_shared) <= 4000),
      -- Consent to refer (consents.purpose = 'referral'), or a lawful basis and rationale without it.
      consent_id uuid,
      lawful_basis text,
      sharing_rationale text CHECK (length(sharing_rationale) <= 4000),
      status text NOT NULL CHECK (status IN ('made', 'received', 'accepted', 'declined', 'completed',
        'withdrawn')),
      outcome text CHECK (length(outcome) <= 4000),
      referred_on date NOT NULL,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
      FOREIGN KEY (consent_id) REFERENCES consents (id),
      FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id),
      CHECK (direction = 'in' OR consent_id IS NOT NULL
        OR (lawful_basis IS NOT NULL AND sharing_rationale IS NOT NULL))
    );
    CREATE INDEX referrals_case_idx ON referrals (org_id, case_id);

    -- Every disclosure, and every decision not to disclose. Kept as written: correct by a new record.
    CREATE TABLE sharing_records (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      decision text NOT NULL CHECK (decision IN ('shared', 'not-shared')),
      recipient text NOT NULL CHECK (length(recipient) BETWEEN 1 AND 200),
      information text NOT NULL CHECK (length(information) BETWEEN 1 AND 4000),
      purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 4000),
      lawful_basis text,
      consent_id uuid,
      rationale text NOT NULL CHECK (length(rationale) BETWEEN 1 AND 4000),
      decided_on date NOT NULL,
      referral_id uuid,
      recorded_by uuid NOT NULL,
      recorded_at timestamptz NOT NULL,
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
      FOREIGN KEY (consent_id) REFERENCES consents (id),
      FOREIGN KEY (org_id, referral_id) REFERENCES referrals (org_id, id),
      FOREIGN KEY (org_id, recorded_by) REFERENCES users (org_id, id)
    );
    CREATE INDEX sharing_records_case_idx ON sharing_records (org_id, case_id);
    CREATE FUNCTION sharing_records_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'information-sharing records cannot be changed (%): record a new one instead', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END;
    $$;
    CREATE TRIGGER sharing_records_no_update_delete BEFORE UPDATE OR DELETE ON sharing_records
      FOR EACH ROW EXECUTE FUNCTION sharing_records_are_immutable();
    CREATE TRIGGER sharing_records_no_truncate BEFORE TRUNCATE ON sharing_records
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();

    -- Outcomes: an organisation-editable list a closed case names, and financial outcomes.
    CREATE TABLE outcome_types (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations (id),
      key text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
      label text NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
      -- Counts as a successful outcome in reports (resolved, partly resolved).
      positive boolean NOT NULL DEFAULT false,
      active boolean NOT NULL DEFAULT true,
      sort_order integer NOT NULL DEFAULT 0,
      UNIQUE (org_id, id),
      UNIQUE (org_id, key)
    );
    -- Cases closed before this list existed keep outcome_key NULL ('not recorded' in reports).
    ALTER TABLE cases ADD COLUMN outcome_key text,
      ADD FOREIGN KEY (org_id, outcome_key) REFERENCES outcome_types (org_id, key);
    CREATE INDEX cases_closed_idx ON cases (org_id, owner_id, closed_at) WHERE status = 'closed';
    CREATE INDEX cases_opened_idx ON cases (org_id, owner_id, opened_at);

    CREATE TABLE financial_outcomes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('income-gained', 'debt-written-off', 'arrears-cleared',
        'backdated-award', 'other')),
      -- Whole pence; for income, the amount per the frequency.
      amount_pence bigint NOT NULL CHECK (amount_pence > 0 AND amount_pence <= 100000000000),
      frequency text NOT NULL CHECK (frequency IN ('one-off', 'weekly', 'monthly', 'annual')),
      description text CHECK (length(description) <= 1000),
      recorded_by uuid NOT NULL,
      recorded_at timestamptz NOT NULL,
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
      FOREIGN KEY (org_id, recorded_by) REFERENCES users (org_id, id)
    );
    CREATE INDEX financial_outcomes_case_idx ON financial_outcomes (org_id, case_id);
  `.execute(db);

  // Every existing organisation gets the default lists (new ones get them from seedOrganisationDefaults).
  await sql`
    INSERT INTO complexity_factors (org_id, key, label, multiplier, applies_when, sort_order)
    SELECT o.id, f.key, f.label, f.multiplier, f.applies_when, f.sort_order
      FROM organisations o CROSS JOIN (VALUES
        ('vulnerability', 'Client highly vulnerable', 1.5, 'vulnerability-high', 1),
        ('interpreter', 'Interpreter needed', 1.25, 'interpreter-needed', 2),
        ('safeguarding', 'Open safeguarding concern', 1.5, 'safeguarding-open', 3),
        ('multiple-issues', 'Multiple issues', 1.25, 'manual', 4),
        ('litigation', 'Litigation or tribunal', 1.5, 'manual', 5)
      ) AS f (key, label, multiplier, applies_when, sort_order);
    INSERT INTO outcome_types (org_id, key, label, positive, sort_order)
    SELECT o.id, t.key, t.label, t.positive, t.sort_order
      FROM organisations o CROSS JOIN (VALUES
        ('resolved', 'Resolved', true, 1),
        ('partly-resolved', 'Partly resolved', true, 2),
        ('referred-on', 'Referred on', false, 3),
        ('client-withdrew', 'Client withdrew', false, 4),
        ('no-contact', 'No contact', false, 5),
        ('not-resolved', 'Not resolved', false, 6)
      ) AS t (key, label, positive, sort_order);
    INSERT INTO file_review_items (org_id, key, label, sort_order)
    SELECT o.id, i.key, i.label, i.sort_order
      FROM organisations o CROSS JOIN (VALUES
        ('notes-contemporaneous', 'Notes are contemporaneous, clear and keep fact apart from opinion', 1),
        ('key-dates-recorded', 'Key dates are recorded with their source', 2),
        ('advice-confirmed', 'Advice was confirmed to the client in writing', 3),
        ('next-steps-agreed', 'Next steps are agreed and tied to the case’s goals', 4),
        ('priority-rationale', 'The priority has a rationale', 5),
        ('consent-recorded', 'Consent and any information sharing are recorded', 6)
      ) AS i (key, label, sort_order);
  `.execute(db);
}
