import { type Kysely, sql } from 'kysely';

/**
 * Compliance (issue 6): how long consent to recording lasts (an organisation setting, default 12
 * months) and consent renewals linked to the consent they renew; the breach log (with the ICO
 * reporting decision and its reason); and equality monitoring, kept in its own table keyed by
 * client and never joined into a case read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE organisations
      ADD COLUMN recording_consent_months integer NOT NULL DEFAULT 12
        CHECK (recording_consent_months BETWEEN 1 AND 120);

    ALTER TABLE consents ADD CONSTRAINT consents_org_id_id_key UNIQUE (org_id, id);
    ALTER TABLE consents ADD COLUMN renews_consent_id uuid;
    ALTER TABLE consents ADD CONSTRAINT consents_renews_fk
      FOREIGN KEY (org_id, renews_consent_id) REFERENCES consents (org_id, id);

    CREATE TABLE breaches (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations (id),
      discovered_at timestamptz NOT NULL,
      what_happened text NOT NULL CHECK (length(what_happened) BETWEEN 1 AND 4000),
      data_categories text[] NOT NULL DEFAULT '{}',
      people_affected integer CHECK (people_affected >= 0),
      people_categories text[] NOT NULL DEFAULT '{}',
      containment text CHECK (length(containment) <= 4000),
      risk_level text NOT NULL DEFAULT 'not-assessed'
        CHECK (risk_level IN ('not-assessed', 'unlikely', 'risk', 'high-risk')),
      risk_assessment text CHECK (length(risk_assessment) <= 4000),
      report_decision text NOT NULL DEFAULT 'undecided'
        CHECK (report_decision IN ('undecided', 'report', 'do-not-report')),
      decision_reason text CHECK (length(decision_reason) <= 4000),
      decided_by uuid,
      decided_at timestamptz,
      reported_at timestamptz,
      ico_reference text CHECK (length(ico_reference) <= 100),
      individuals_informed_at timestamptz,
      recorded_by uuid NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, recorded_by) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, decided_by) REFERENCES users (org_id, id),
      CHECK (report_decision = 'undecided' OR decision_reason IS NOT NULL),
      CHECK (reported_at IS NULL OR report_decision = 'report')
    );
    CREATE INDEX breaches_org_idx ON breaches (org_id, discovered_at DESC);

    CREATE TABLE equality_monitoring (
      org_id uuid NOT NULL,
      client_id uuid NOT NULL,
      age_band text,
      sex text,
      gender_same_as_birth text,
      sexual_orientation text,
      ethnicity text,
      religion text,
      disability text,
      pregnancy_maternity text,
      marital_status text,
      recorded_by uuid NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, client_id),
      FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id),
      FOREIGN KEY (org_id, recorded_by) REFERENCES users (org_id, id)
    );
  `.execute(db);
}
