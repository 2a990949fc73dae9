import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlertToRaise, raiseAlerts } from '../../src/services/alerts/raise-alert.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.ts';
import { createDb, type Db } from '../../src/store/db.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();
let otherPool: Db;
beforeAll(() => {
  otherPool = createDb({ url: t.url, poolSize: 3 });
});
afterAll(() => otherPool.destroy());

const at = new Date('2027-01-04T09:00:00Z');
const ctxOf = (db: Db) => ({ db, clock: { now: () => at } });

describe('raiseAlerts (alerts in batches, each once)', () => {
  it('raises 1,200 alerts across batches once each, with two processes racing over them in different orders', async () => {
    const org = await insertOrganisation(t.db);
    const team = await insertTeam(t.db, { orgId: org.id });
    const owner = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
    const supervisor = await insertUser(t.db, {
      orgId: org.id,
      roles: ['adviser', 'supervisor'],
      team: { id: team.id, role: 'supervisor' },
    });
    const disabledSupervisor = await insertUser(t.db, {
      orgId: org.id,
      roles: ['adviser', 'supervisor'],
      status: 'disabled',
      team: { id: team.id, role: 'supervisor' },
    });
    const theCase = await insertCase(t.db, { orgId: org.id, ownerId: owner.id });
    // Every third alert also goes to the team's supervisors.
    const alerts: AlertToRaise[] = Array.from({ length: 1_200 }, (_, i) => ({
      subjectKey: `${theCase.id}:test:${String(i).padStart(4, '0')}`,
      caseId: theCase.id,
      recipients: { users: [owner.id], supervisorsOfTeams: i % 3 === 0 ? [team.id] : [] },
      message: `${theCase.reference}: alert ${i}`,
      audit: { action: 'alert.key_date_reminder', entityType: 'case', entityId: theCase.id, details: { i } },
    }));
    const reversed = [...alerts].reverse();

    const raised = await Promise.all([
      raiseAlerts(ctxOf(t.db), org.id, 'key-date-reminder', alerts),
      raiseAlerts(ctxOf(otherPool), org.id, 'key-date-reminder', reversed),
    ]);

    expect(raised[0] + raised[1]).toBe(1_200);
    const claimed = await t.db
      .selectFrom('alerts_sent')
      .select('subject_key')
      .where('org_id', '=', org.id)
      .where('kind', '=', 'key-date-reminder')
      .execute();
    expect(claimed).toHaveLength(1_200);
    const notifications = await t.db
      .selectFrom('notifications')
      .select(['user_id', 'message'])
      .where('org_id', '=', org.id)
      .execute();
    const to = (id: string) => notifications.filter((n) => n.user_id === id).map((n) => n.message);
    expect(to(owner.id)).toHaveLength(1_200);
    expect(new Set(to(owner.id)).size).toBe(1_200);
    expect(to(supervisor.id)).toHaveLength(400);
    expect(to(supervisor.id)).toContain(`${theCase.reference}: alert 3`);
    expect(to(supervisor.id)).not.toContain(`${theCase.reference}: alert 4`);
    expect(to(disabledSupervisor.id)).toEqual([]);

    const events = await t.db
      .selectFrom('audit_events')
      .select(['details'])
      .where('org_id', '=', org.id)
      .where('action', '=', 'alert.key_date_reminder')
      .execute();
    expect(events).toHaveLength(1_200);
    const zero = events.find((e) => (e.details as { i: number }).i === 0)?.details as
      | { notified: string[] }
      | undefined;
    expect(zero?.notified.sort()).toEqual([owner.id, supervisor.id].sort());
    const chain = await verifyAuditChain(t.db);
    expect(chain.chains.find((c) => c.orgId === org.id)?.broken).toBeUndefined();

    // Again: all raised already.
    expect(await raiseAlerts(ctxOf(t.db), org.id, 'key-date-reminder', alerts)).toBe(0);
  });

  it('raises nothing and writes nothing for an empty list', async () => {
    const org = await insertOrganisation(t.db);
    expect(await raiseAlerts(ctxOf(t.db), org.id, 'review-due', [])).toBe(0);
    const events = await t.db.selectFrom('audit_events').select('seq').where('org_id', '=', org.id).execute();
    expect(events).toEqual([]);
  });
});
