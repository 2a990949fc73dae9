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
  });

  it('seeds into a given organisation, twice without clashing', async () => {
    const first = await seedClientEverywhere(t.db);
    const second = await seedClientEverywhere(t.db, { orgId: first.orgId });
    expect(second.orgId).toBe(first.orgId);
    expect(second.clientId).not.toBe(first.clientId);
  });
});
