import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.ts';
import { reassessOpenCases } from '../../src/services/priority/reassess-cases.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

describe('reassessOpenCases (the daily re-assessment of a whole organisation)', () => {
  it('assesses every open case across several concurrent batches, skips closed ones, and keeps one audit chain', async () => {
    const org = await insertOrganisation(t.db);
    const owner = await insertUser(t.db, { orgId: org.id });
    const first = await insertCase(t.db, { orgId: org.id, ownerId: owner.id });
    // 1,299 more open cases and 50 closed ones, made in SQL (more than two batches of 500).
    await sql`
      INSERT INTO cases (org_id, reference, client_id, case_type_id, presenting_issue, owner_id, created_by,
        status, outcome_key, closure_reason, closed_at, opened_at, last_attention_at)
      SELECT ${org.id}, 'CL-2026-9' || lpad(g::text, 5, '0'), ${first.client_id}, ${first.case_type_id},
        'Generated for the batch test', ${owner.id}, ${owner.id},
        CASE WHEN g <= 50 THEN 'closed' ELSE 'open' END,
        CASE WHEN g <= 50 THEN 'resolved' ELSE NULL END,
        CASE WHEN g <= 50 THEN 'Done' ELSE NULL END,
        CASE WHEN g <= 50 THEN now() ELSE NULL END,
        now() - (g || ' days')::interval, now() - (g || ' days')::interval
      FROM generate_series(1, 1349) AS g
    `.execute(t.db);
    const result = await reassessOpenCases({ db: t.db, clock: { now: () => new Date() } }, org.id, 'daily');
    expect(result.assessed).toBe(1_300);
    const unassessed = await t.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('org_id', '=', org.id)
      .where('status', '<>', 'closed')
      .where('assessment_id', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(unassessed.n)).toBe(0);
    const closedAssessed = await t.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('org_id', '=', org.id)
      .where('status', '=', 'closed')
      .where('assessment_id', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(closedAssessed.n)).toBe(0);
    const events = await t.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('org_id', '=', org.id)
      .where('action', '=', 'assessment.recorded')
      .executeTakeFirstOrThrow();
    expect(Number(events.n)).toBe(result.changed);
    // Each event names the assessment of its own case, and that is the case's current one.
    const mismatched = await sql<{ n: string }>`
      SELECT count(*) AS n FROM audit_events e
      JOIN assessments a ON a.org_id = e.org_id AND a.id = (e.details->>'assessmentId')::uuid
      JOIN cases c ON c.org_id = a.org_id AND c.id = a.case_id
      WHERE e.org_id = ${org.id} AND e.action = 'assessment.recorded'
        AND (a.case_id <> e.entity_id::uuid OR c.assessment_id <> a.id OR c.priority_band <> a.band)
    `.execute(t.db);
    expect(Number(mismatched.rows[0]?.n)).toBe(0);
    const named = await sql<{ n: string }>`
      SELECT count(*) AS n FROM audit_events e
      JOIN assessments a ON a.org_id = e.org_id AND a.id = (e.details->>'assessmentId')::uuid
      WHERE e.org_id = ${org.id} AND e.action = 'assessment.recorded'
    `.execute(t.db);
    expect(Number(named.rows[0]?.n)).toBe(result.changed);
    const chain = await verifyAuditChain(t.db);
    expect(chain.chains.find((c) => c.orgId === org.id)?.broken).toBeUndefined();
  });
  it('tells the owner and the team supervisors of every case that turned red, once, in one run', async () => {
    const org = await insertOrganisation(t.db);
    const north = await insertTeam(t.db, { orgId: org.id });
    const south = await insertTeam(t.db, { orgId: org.id });
    const northLead = await insertUser(t.db, {
      orgId: org.id,
      roles: ['supervisor'],
      team: { id: north.id, role: 'supervisor' },
    });
    const southLead = await insertUser(t.db, {
      orgId: org.id,
      roles: ['supervisor'],
      team: { id: south.id, role: 'supervisor' },
    });
    // A former supervisor (disabled) is not told.
    await insertUser(t.db, {
      orgId: org.id,
      roles: ['supervisor'],
      status: 'disabled',
      team: { id: north.id, role: 'supervisor' },
    });
    const adviser = await insertUser(t.db, { orgId: org.id, team: { id: north.id, role: 'member' } });
    const red = [
      await insertCase(t.db, { orgId: org.id, ownerId: adviser.id, teamId: north.id }),
      await insertCase(t.db, { orgId: org.id, ownerId: adviser.id, teamId: south.id }),
      await insertCase(t.db, { orgId: org.id, ownerId: adviser.id, teamId: null }),
    ];
    const quiet = await insertCase(t.db, { orgId: org.id, ownerId: adviser.id, teamId: north.id });
    await t.db
      .insertInto('case_flags')
      .values(
        red.map((c) => ({
          org_id: org.id,
          case_id: c.id,
          kind: 'safeguarding' as const,
          category: 'Risk of harm',
          raised_by: adviser.id,
          raised_at: new Date(),
        })),
      )
      .execute();
    const ctx = { db: t.db, clock: { now: () => new Date() } };
    const first = await reassessOpenCases(ctx, org.id, 'daily');
    expect(first.assessed).toBe(4);
    const told = await t.db
      .selectFrom('notifications')
      .select(['user_id', 'case_id'])
      .where('org_id', '=', org.id)
      .where('kind', '=', 'turned-red')
      .execute();
    const pairs = told.map((n) => `${n.case_id}:${n.user_id}`).sort();
    expect(pairs).toEqual(
      [
        `${red[0]?.id}:${adviser.id}`,
        `${red[0]?.id}:${northLead.id}`,
        `${red[1]?.id}:${adviser.id}`,
        `${red[1]?.id}:${southLead.id}`,
        `${red[2]?.id}:${adviser.id}`,
      ].sort(),
    );
    expect(told.some((n) => n.case_id === quiet.id)).toBe(false);
    const claims = await t.db
      .selectFrom('alerts_sent')
      .select('case_id')
      .where('org_id', '=', org.id)
      .where('kind', '=', 'turned-red')
      .execute();
    expect(claims.map((c) => c.case_id).sort()).toEqual(red.map((c) => c.id).sort());
    // The next day the cases are still red: nothing new to tell.
    await reassessOpenCases(
      { db: t.db, clock: { now: () => new Date(Date.now() + 86_400_000) } },
      org.id,
      'daily',
    );
    const after = await t.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('org_id', '=', org.id)
      .where('kind', '=', 'turned-red')
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(5);
  });
});
