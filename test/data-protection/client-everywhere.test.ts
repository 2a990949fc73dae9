/** The shared seeder runs and puts the client into every table it promises. */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../db.ts';
import { SEEDED_TABLES, seedClientEverywhere } from './client-everywhere.ts';

const t = setupTestDatabase();

describe('seedClientEverywhere', () => {
  it('writes at least one row about the client into every seeded table', async () => {
    const seeded = await seedClientEverywhere(t.db);
    for (const table of SEEDED_TABLES) {
      const { rows } = await sql<{ n: string }>`
        SELECT count(*) AS n FROM ${sql.table(table)} WHERE org_id = ${seeded.orgId}`.execute(t.db);
      expect(Number(rows[0]?.n), table).toBeGreaterThan(0);
    }
    expect(seeded.ids.assessments.length).toBeGreaterThan(0);
    expect(seeded.ids.auditEvents.length).toBeGreaterThan(10);
    const closed = await t.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', seeded.closedCaseId)
      .executeTakeFirstOrThrow();
    expect(closed.status).toBe('closed');
    expect(closed.outcome_key).toBe('resolved');
    const review = await t.db
      .selectFrom('caseload_reviews')
      .select('status')
      .where('id', '=', seeded.ids.caseloadReviews[0] ?? '')
      .executeTakeFirstOrThrow();
    expect(review.status).toBe('completed');
    expect(closed.destruction_due_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The data-protection links: a renewal of the recording consent, a rectified field change.
    const renewal = await t.db
      .selectFrom('consents')
      .select('renews_consent_id')
      .where('id', '=', seeded.ids.consents.renewal)
      .executeTakeFirstOrThrow();
    expect(renewal.renews_consent_id).toBe(seeded.ids.consents.recording);
    const rectified = await t.db
      .selectFrom('field_changes')
      .select('rectification_request_id')
      .where('id', '=', seeded.ids.fieldChanges.client.at(-1) ?? 0)
      .executeTakeFirstOrThrow();
    expect(rectified.rectification_request_id).toBe(seeded.ids.rectificationRequests[0]);
    const erasure = await t.db
      .selectFrom('erasure_requests')
      .select('status')
      .where('id', '=', seeded.ids.erasureRequests[0] ?? '')
      .executeTakeFirstOrThrow();
    expect(erasure.status).toBe('refused');
  });

  it('seeds into a given organisation, twice without clashing', async () => {
    const first = await seedClientEverywhere(t.db);
    const second = await seedClientEverywhere(t.db, { orgId: first.orgId });
    expect(second.orgId).toBe(first.orgId);
    expect(second.clientId).not.toBe(first.clientId);
  });
});
