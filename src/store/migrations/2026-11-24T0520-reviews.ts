import { type Kysely, sql } from 'kysely';

/**
 * Caseload reviews, made safe in the database as well as in the services: at most one review in
 * progress per practitioner (two supervisors starting one at the same moment cannot both succeed),
 * and once a review is completed, the cases it discussed and the reflections shared into it are
 * part of its record and cannot change either (the review row itself is frozen by 0500's trigger).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE UNIQUE INDEX caseload_reviews_one_in_progress_idx
      ON caseload_reviews (org_id, practitioner_id) WHERE status = 'in-progress';

    CREATE FUNCTION review_record_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      target_org uuid;
      target_review uuid;
    BEGIN
      IF TG_OP = 'DELETE' THEN
        target_org := OLD.org_id;
        target_review := OLD.review_id;
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
    CREATE TRIGGER review_cases_frozen BEFORE INSERT OR UPDATE OR DELETE ON review_cases
      FOR EACH ROW EXECUTE FUNCTION review_record_is_frozen();
    CREATE TRIGGER review_reflections_frozen BEFORE INSERT OR UPDATE OR DELETE ON review_reflections
      FOR EACH ROW EXECUTE FUNCTION review_record_is_frozen();
  `.execute(db);
}
