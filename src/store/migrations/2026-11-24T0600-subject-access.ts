import { type Kysely, sql } from 'kysely';

/**
 * Subject access and rectification requests (UK GDPR articles 15 and 16):
 *
 * - subject_access_requests: the register. The due date is stored (computed by the service from the
 *   received date by the ICO rule), an extension (once, up to two further months) keeps its reason
 *   and the date the person was told. The decision about restricted notes is kept on the request
 *   with its reason; the audit log keeps every decision made.
 * - rectification_requests: what the person says is wrong and the change they ask for, and the
 *   outcome with its reason. The client-field changes made to rectify are linked from
 *   field_changes.rectification_request_id; amendment notes through rectification_note_links.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE subject_access_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations (id),
      client_id uuid NOT NULL,
      received_on date NOT NULL,
      requester_kind text NOT NULL CHECK (requester_kind IN ('client', 'representative')),
      requester_name text CHECK (length(requester_name) BETWEEN 1 AND 200),
      requester_authority text CHECK (length(requester_authority) BETWEEN 1 AND 1000),
      identity_verified boolean NOT NULL,
      identity_evidence text CHECK (length(identity_evidence) <= 1000),
      notes text CHECK (length(notes) <= 4000),
      due_on date NOT NULL,
      status text NOT NULL DEFAULT 'received'
        CHECK (status IN ('received', 'in-progress', 'extended', 'completed', 'refused')),
      extended_due_on date,
      extension_reason text CHECK (length(extension_reason) BETWEEN 1 AND 2000),
      extension_notice_sent_on date,
      closed_on date,
      closure_reason text CHECK (length(closure_reason) <= 2000),
      restricted_decision boolean,
      restricted_decision_reason text CHECK (length(restricted_decision_reason) BETWEEN 1 AND 2000),
      restricted_decided_by uuid,
      restricted_decided_at timestamptz,
      last_exported_at timestamptz,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id),
      FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, restricted_decided_by) REFERENCES users (org_id, id),
      CHECK (requester_kind = 'client' OR (requester_name IS NOT NULL AND requester_authority IS NOT NULL)),
      CHECK ((extended_due_on IS NULL) = (extension_reason IS NULL)),
      CHECK (status NOT IN ('completed', 'refused') OR closed_on IS NOT NULL),
      CHECK (status <> 'refused' OR closure_reason IS NOT NULL),
      CHECK ((restricted_decision IS NULL) = (restricted_decision_reason IS NULL))
    );
    CREATE INDEX subject_access_requests_client_idx ON subject_access_requests (org_id, client_id);
    CREATE INDEX subject_access_requests_due_idx ON subject_access_requests (org_id, status, due_on);

    CREATE TABLE rectification_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations (id),
      client_id uuid NOT NULL,
      received_on date NOT NULL,
      what text NOT NULL CHECK (length(what) BETWEEN 1 AND 4000),
      requested_change text NOT NULL CHECK (length(requested_change) BETWEEN 1 AND 4000),
      due_on date NOT NULL,
      status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'rectified', 'refused')),
      outcome_reason text CHECK (length(outcome_reason) BETWEEN 1 AND 4000),
      resolved_by uuid,
      resolved_at timestamptz,
      created_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (org_id, id),
      FOREIGN KEY (org_id, client_id) REFERENCES clients (org_id, id),
      FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, resolved_by) REFERENCES users (org_id, id),
      CHECK ((status = 'received') = (resolved_at IS NULL)),
      CHECK (status = 'received' OR outcome_reason IS NOT NULL)
    );
    CREATE INDEX rectification_requests_client_idx ON rectification_requests (org_id, client_id);

    ALTER TABLE field_changes ADD COLUMN rectification_request_id uuid,
      ADD FOREIGN KEY (org_id, rectification_request_id) REFERENCES rectification_requests (org_id, id);
    CREATE INDEX field_changes_rectification_idx ON field_changes (org_id, rectification_request_id)
      WHERE rectification_request_id IS NOT NULL;

    CREATE TABLE rectification_note_links (
      org_id uuid NOT NULL,
      rectification_request_id uuid NOT NULL,
      note_id uuid NOT NULL,
      linked_by uuid NOT NULL,
      linked_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, rectification_request_id, note_id),
      FOREIGN KEY (org_id, rectification_request_id) REFERENCES rectification_requests (org_id, id),
      FOREIGN KEY (org_id, note_id) REFERENCES notes (org_id, id),
      FOREIGN KEY (org_id, linked_by) REFERENCES users (org_id, id)
    );
  `.execute(db);
}
