import { type Kysely, sql } from 'kysely';

/**
 * Priorities: the practitioner's judgements a priority policy reads (client vulnerability, impact
 * if not actioned), resources (allocated and estimated hours, specialists, weekly capacity),
 * assessments (every one kept, never changed), service timescales per case type and band,
 * organisation-editable time-limit templates, key-date reminder settings, alerts already sent (so
 * several processes never send one twice) and e-mail delivery of notifications.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE organisations
      ADD COLUMN reminder_lead_days integer[] NOT NULL DEFAULT '{10,5,2,1}'
        CHECK (cardinality(reminder_lead_days) BETWEEN 1 AND 10 AND 0 < ALL (reminder_lead_days)
          AND 60 >= ALL (reminder_lead_days)),
      -- The organisation's calendar day of the last daily re-assessment: one process wins each day.
      ADD COLUMN daily_run_on date;

    ALTER TABLE users
      ADD COLUMN weekly_capacity_hours numeric(5, 2) NOT NULL DEFAULT 30
        CHECK (weekly_capacity_hours >= 0 AND weekly_capacity_hours <= 80);

    ALTER TABLE cases
      ADD COLUMN vulnerability smallint NOT NULL DEFAULT 0 CHECK (vulnerability BETWEEN 0 AND 3),
      ADD COLUMN impact text NOT NULL DEFAULT 'none' CHECK (impact IN ('none', 'inconvenience',
        'financial-loss', 'loss-of-income', 'loss-of-home', 'risk-to-liberty-or-safety')),
      ADD COLUMN allocated_hours numeric(6, 2) CHECK (allocated_hours >= 0 AND allocated_hours <= 1000),
      ADD COLUMN estimated_effort_hours numeric(6, 2)
        CHECK (estimated_effort_hours >= 0 AND estimated_effort_hours <= 1000),
      -- The current assessment, copied here so the worklist reads one row per case.
      ADD COLUMN assessment_id uuid,
      ADD COLUMN priority_band text CHECK (priority_band IN ('red', 'amber', 'green')),
      ADD COLUMN priority_score numeric(7, 2),
      ADD COLUMN assessed_at timestamptz;
    CREATE INDEX cases_open_band_idx ON cases (org_id, owner_id, priority_band) WHERE status <> 'closed';

    CREATE TABLE assessments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      -- The order assessments were stored in (several may share a clock instant).
      seq bigint GENERATED ALWAYS AS IDENTITY,
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      -- 0 is the built-in default policy (no version saved yet).
      policy_version integer NOT NULL CHECK (policy_version >= 0),
      trigger text NOT NULL CHECK (trigger IN ('practitioner', 'case-opened', 'case-changed', 'flag',
        'key-date', 'note', 'daily', 'policy', 'timescales')),
      -- The facts the policy looked at (AssessmentInputs).
      inputs jsonb NOT NULL,
      score numeric(7, 2) NOT NULL,
      score_band text NOT NULL CHECK (score_band IN ('red', 'amber', 'green')),
      computed_band text NOT NULL CHECK (computed_band IN ('red', 'amber', 'green')),
      band text NOT NULL CHECK (band IN ('red', 'amber', 'green')),
      quadrant text NOT NULL CHECK (quadrant IN ('urgent-and-important', 'urgent-not-important',
        'important-not-urgent', 'neither-urgent-nor-important')),
      forced_by text,
      contributions jsonb NOT NULL,
      rules_fired jsonb NOT NULL,
      reasons jsonb NOT NULL,
      rationale text CHECK (length(rationale) <= 4000),
      override_band text CHECK (override_band IN ('red', 'amber', 'green')),
      override_rationale text CHECK (length(override_rationale) <= 4000),
      -- NULL when the system re-assessed the case.
      assessed_by uuid,
      assessed_at timestamptz NOT NULL,
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
      FOREIGN KEY (org_id, assessed_by) REFERENCES users (org_id, id),
      CHECK ((override_band IS NULL) = (override_rationale IS NULL)),
      CHECK (override_band IS NULL OR band = override_band),
      CHECK (trigger <> 'practitioner' OR (assessed_by IS NOT NULL AND rationale IS NOT NULL))
    );
    CREATE INDEX assessments_case_idx ON assessments (org_id, case_id, seq);
    ALTER TABLE cases ADD FOREIGN KEY (org_id, assessment_id) REFERENCES assessments (org_id, id);

    CREATE FUNCTION assessments_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'assessments cannot be changed (%): record a new assessment instead', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END;
    $$;
    CREATE TRIGGER assessments_no_update_delete BEFORE UPDATE OR DELETE ON assessments
      FOR EACH ROW EXECUTE FUNCTION assessments_are_immutable();
    CREATE TRIGGER assessments_no_truncate BEFORE TRUNCATE ON assessments
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate();

    -- Colleagues who work on a case beside its owner (a debt specialist, a solicitor).
    CREATE TABLE case_specialists (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL,
      case_id uuid NOT NULL,
      user_id uuid NOT NULL,
      role text NOT NULL CHECK (length(role) BETWEEN 1 AND 120),
      hours numeric(6, 2) CHECK (hours >= 0 AND hours <= 1000),
      added_by uuid NOT NULL,
      added_at timestamptz NOT NULL,
      removed_by uuid,
      removed_at timestamptz,
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id),
      FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, added_by) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, removed_by) REFERENCES users (org_id, id)
    );
    CREATE INDEX case_specialists_case_idx ON case_specialists (org_id, case_id);
    CREATE UNIQUE INDEX case_specialists_active_key ON case_specialists (case_id, user_id)
      WHERE removed_at IS NULL;

    -- An organisation's service timescales in working days; case_type_id NULL is the organisation's
    -- default for a band, a row with a case type overrides it. Without rows the built-in defaults apply.
    CREATE TABLE service_timescales (
      org_id uuid NOT NULL REFERENCES organisations (id),
      case_type_id uuid,
      band text NOT NULL CHECK (band IN ('red', 'amber', 'green')),
      first_contact_days integer NOT NULL CHECK (first_contact_days BETWEEN 1 AND 250),
      review_days integer NOT NULL CHECK (review_days BETWEEN 1 AND 250),
      resolution_days integer NOT NULL CHECK (resolution_days BETWEEN 1 AND 1000),
      updated_by uuid,
      updated_at timestamptz NOT NULL,
      UNIQUE NULLS NOT DISTINCT (org_id, case_type_id, band),
      FOREIGN KEY (org_id, case_type_id) REFERENCES case_types (org_id, id),
      FOREIGN KEY (org_id, updated_by) REFERENCES users (org_id, id)
    );

    -- Time-limit templates (src/domain/time-limits): the template without its key is in template.
    CREATE TABLE time_limit_templates (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations (id),
      key text NOT NULL CHECK (key ~ '^[a-z0-9-]{1,80}$'),
      template jsonb NOT NULL,
      active boolean NOT NULL DEFAULT true,
      sort_order integer NOT NULL DEFAULT 0,
      updated_by uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, key),
      FOREIGN KEY (org_id, updated_by) REFERENCES users (org_id, id)
    );

    ALTER TABLE key_dates
      -- NULL: the organisation's lead times.
      ADD COLUMN reminder_lead_days integer[]
        CHECK (cardinality(reminder_lead_days) <= 10 AND 0 < ALL (reminder_lead_days)
          AND 60 >= ALL (reminder_lead_days)),
      -- How the date was computed from a time-limit template, and who confirmed it.
      ADD COLUMN computed_from jsonb;

    -- Alerts already raised (a key date's reminder at 5 working days, a missed date's escalation, a
    -- case turning red): the primary key makes every alert happen once, whichever process finds it.
    CREATE TABLE alerts_sent (
      org_id uuid NOT NULL REFERENCES organisations (id),
      kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 60),
      subject_key text NOT NULL CHECK (length(subject_key) BETWEEN 1 AND 200),
      case_id uuid,
      sent_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, kind, subject_key),
      FOREIGN KEY (org_id, case_id) REFERENCES cases (org_id, id)
    );

    ALTER TABLE notifications
      -- NULL when the system sent it; a colleague's id when they informed the recipient.
      ADD COLUMN sent_by uuid,
      ADD COLUMN email_status text NOT NULL DEFAULT 'none'
        CHECK (email_status IN ('none', 'pending', 'sent', 'failed')),
      ADD COLUMN email_attempts integer NOT NULL DEFAULT 0,
      ADD COLUMN emailed_at timestamptz,
      ADD COLUMN email_error text CHECK (length(email_error) <= 500),
      ADD FOREIGN KEY (org_id, sent_by) REFERENCES users (org_id, id);
    CREATE INDEX notifications_email_pending_idx ON notifications (created_at) WHERE email_status = 'pending';
    CREATE INDEX notifications_case_idx ON notifications (org_id, case_id) WHERE case_id IS NOT NULL;
  `.execute(db);

  // The organisations that exist get the seed templates of this release (new ones get the seed
  // of the release that creates them, from code).
  await sql`
    INSERT INTO time_limit_templates (org_id, key, template, sort_order)
    SELECT o.id, t.value ->> 'key', t.value - 'key' - 'sortOrder', (t.value ->> 'sortOrder')::integer
    FROM organisations o CROSS JOIN jsonb_array_elements(${SEED_TEMPLATES}::jsonb) AS t
  `.execute(db);

  // Resources (case specialists): the share of the case that adding a specialist granted, so that
  // removing them revokes exactly that share (NULL when they could already see the case).
  await sql`
    ALTER TABLE case_specialists ADD COLUMN share_id uuid REFERENCES case_shares (id);
  `.execute(db);
}

/** The seed time-limit templates as of this migration (frozen here: migrations never change). */
const SEED_TEMPLATES = `[
  {
    "key": "benefits-mandatory-reconsideration",
    "name": "Benefits: mandatory reconsideration request",
    "source": "Universal Credit, Personal Independence Payment, Jobseeker’s Allowance and Employment and Support Allowance (Decisions and Appeals) Regulations 2013, reg. 5; Social Security and Child Support (Decisions and Appeals) Regulations 1999, reg. 3 (other benefits)",
    "eventLabel": "the date of the decision",
    "rule": {
      "kind": "calendar-months",
      "months": 1
    },
    "caution": "the month runs from the date the decision was notified, normally the date on the decision letter or notice. It can be longer if a written statement of reasons was asked for within the month, and a late request may be accepted in limited circumstances (generally within 13 months). Northern Ireland and Scottish devolved benefits have their own rules.",
    "sortOrder": 1
  },
  {
    "key": "first-tier-tribunal-social-security-appeal",
    "name": "First-tier Tribunal: social security appeal",
    "source": "Tribunal Procedure (First-tier Tribunal) (Social Entitlement Chamber) Rules 2008, r. 22(2)(d)(i)",
    "eventLabel": "the date the mandatory reconsideration notice was sent",
    "rule": {
      "kind": "calendar-months",
      "months": 1
    },
    "caution": "the appeal must reach HM Courts & Tribunals Service within the month, counted from the date on the mandatory reconsideration notice. A late appeal may be admitted in limited circumstances (generally no more than 12 months after this limit). Northern Ireland benefits and Scottish devolved benefits (e.g. Adult Disability Payment) are appealed under different rules.",
    "sortOrder": 2
  },
  {
    "key": "employment-tribunal-claim",
    "name": "Employment Tribunal: claim (unfair dismissal, discrimination)",
    "source": "Employment Rights Act 1996, s. 111(2)(a) (unfair dismissal); Equality Act 2010, s. 123(1)(a) (discrimination); early conciliation: Employment Rights Act 1996, s. 207B; Equality Act 2010, s. 140B",
    "eventLabel": "the act complained of",
    "rule": {
      "kind": "calendar-months",
      "months": 3,
      "lessOneDay": true
    },
    "caution": "this is the limit before any early conciliation extension. The claimant must contact Acas for early conciliation before this date; the time spent in conciliation then extends it, so recalculate from the dates on the early conciliation certificate. For unfair dismissal the act is the effective date of termination; for conduct over a period, its end. Some claims (e.g. redundancy pay, equal pay) have different limits.",
    "sortOrder": 3
  },
  {
    "key": "county-court-defence",
    "name": "County Court: defence to a money claim",
    "source": "Civil Procedure Rules, r. 15.4 (England and Wales)",
    "eventLabel": "service of the particulars of claim",
    "rule": {
      "kind": "calendar-days",
      "days": 14
    },
    "alternative": {
      "condition": "an acknowledgment of service was filed",
      "rule": {
        "kind": "calendar-days",
        "days": 28
      }
    },
    "caution": "the days run from the date the particulars of claim were served or deemed served (by post, normally the second business day after posting), not the date they arrived. The defence is due 14 days after service, or 28 days if an acknowledgment of service is filed within the 14 days; the parties may agree up to 28 days more, which the defendant must tell the court about in writing. England and Wales only.",
    "sortOrder": 4
  },
  {
    "key": "homelessness-review-request",
    "name": "Homelessness: request for a review of a decision (England)",
    "source": "Housing Act 1996, s. 202(3)",
    "eventLabel": "the day the applicant was notified of the decision",
    "rule": {
      "kind": "calendar-days",
      "days": 21,
      "includesEventDay": true
    },
    "caution": "the 21 days begin with the day the applicant was notified of the decision, which counts as day 1; the housing authority may allow longer in writing. Wales and Scotland have their own legislation.",
    "sortOrder": 5
  },
  {
    "key": "first-tier-tribunal-statement-of-reasons",
    "name": "First-tier Tribunal (social security): request for a written statement of reasons",
    "source": "Tribunal Procedure (First-tier Tribunal) (Social Entitlement Chamber) Rules 2008, r. 34",
    "eventLabel": "the date the tribunal sent the decision notice",
    "rule": {
      "kind": "calendar-months",
      "months": 1
    },
    "caution": "the request must reach the tribunal within the month. A statement of reasons is normally needed before permission to appeal to the Upper Tribunal can be asked for.",
    "sortOrder": 6
  },
  {
    "key": "upper-tribunal-permission-to-appeal",
    "name": "First-tier Tribunal (social security): application for permission to appeal to the Upper Tribunal",
    "source": "Tribunal Procedure (First-tier Tribunal) (Social Entitlement Chamber) Rules 2008, r. 38",
    "eventLabel": "the date the tribunal sent the written statement of reasons",
    "rule": {
      "kind": "calendar-months",
      "months": 1
    },
    "caution": "the application goes to the First-tier Tribunal, which must receive it within the month. The month runs from the latest of the dates the tribunal sent the written reasons, notice of an amended or corrected decision after a review, or notice that an application to set the decision aside failed.",
    "sortOrder": 7
  }
]
`;
