import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs, TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertOrganisation, insertUser } from '../factories.ts';

const t = setupTestDatabase();
// Tuesday 24 November 2026, 10:00 in London (GMT).
const clock = new TestClock(new Date('2026-11-24T10:00:00Z'));
let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { clock, env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } }));

async function send(session: SignedIn, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return sendAs(await getApp(), session, method, url, payload);
}

async function world() {
  const org = await insertOrganisation(t.db);
  const other = await insertOrganisation(t.db);
  const app = await getApp();
  const admin = await insertUser(t.db, { orgId: org.id, roles: ['admin'], totp: true });
  const auditor = await insertUser(t.db, { orgId: org.id, roles: ['auditor'] });
  const adviser = await insertUser(t.db, { orgId: org.id, roles: ['adviser'] });
  const supervisor = await insertUser(t.db, { orgId: org.id, roles: ['supervisor'], totp: true });
  const otherAdmin = await insertUser(t.db, { orgId: other.id, roles: ['admin'], totp: true });
  return {
    org,
    admin,
    auditor,
    s: {
      admin: await signInAs(app, admin, { clock }),
      auditor: await signInAs(app, auditor, { clock }),
      adviser: await signInAs(app, adviser, { clock }),
      supervisor: await signInAs(app, supervisor, { clock }),
      otherAdmin: await signInAs(app, otherAdmin, { clock }),
    },
  };
}

const auditRows = (orgId: string, action: string) =>
  t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

const BREACH = {
  discoveredAt: '2026-11-23T15:30:00Z',
  whatHappened: 'A case file summary was emailed to the wrong housing officer.',
  dataCategories: ['contact details', 'housing circumstances'],
  peopleAffected: 1,
  peopleCategories: ['clients'],
  containment: 'Recipient confirmed deletion in writing.',
  riskLevel: 'risk',
};

describe('the breach log', () => {
  it('records a breach with its 72-hour deadline and time left in words, audited without free text', async () => {
    const { org, admin, s } = await world();
    const res = await send(s.admin, 'POST', '/api/breaches', BREACH);
    expect(res.statusCode).toBe(201);
    const breach = res.json();
    expect(breach).toMatchObject({
      ...BREACH,
      discoveredAt: '2026-11-23T15:30:00.000Z',
      reportDecision: 'undecided',
      decisionReason: null,
      reportedAt: null,
      recordedBy: { id: admin.id },
      deadline: {
        at: '2026-11-26T15:30:00.000Z',
        state: 'due',
        minutesLeft: 2 * 24 * 60 + 5 * 60 + 30,
        late: false,
        words: '2 days 5 hours left to report to the ICO: the deadline is Thu 26 Nov 2026 at 15:30',
      },
    });
    const [event] = await auditRows(org.id, 'breach.recorded');
    expect(event).toMatchObject({ actor_id: admin.id, entity_type: 'breach', entity_id: breach.id });
    expect(JSON.stringify(event?.details)).not.toContain('housing officer');
    expect(event?.details).toMatchObject({ peopleAffected: 1, riskLevel: 'risk' });

    const list = await send(s.auditor, 'GET', '/api/breaches');
    expect(list.statusCode).toBe(200);
    expect(list.json().breaches.map((b: { id: string }) => b.id)).toEqual([breach.id]);
    expect(await auditRows(org.id, 'breach.listed')).toHaveLength(1);
  });

  it('shows an unreported breach as overdue after 72 hours, and records the decision, its reason and the report', async () => {
    const { org, auditor, s } = await world();
    const old = (
      await send(s.admin, 'POST', '/api/breaches', { ...BREACH, discoveredAt: '2026-11-20T09:00:00Z' })
    ).json();
    expect(old.deadline).toMatchObject({ state: 'overdue', minutesLeft: -(24 * 60 + 60) });
    expect(old.deadline.words).toBe('Overdue by 1 day 1 hour: the 72 hours ended Mon 23 Nov 2026 at 09:00');

    const noReason = await send(s.auditor, 'PATCH', `/api/breaches/${old.id}`, { reportDecision: 'report' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toEqual([expect.objectContaining({ field: 'decisionReason' })]);
    const reportedUndecided = await send(s.auditor, 'PATCH', `/api/breaches/${old.id}`, {
      reportedAt: '2026-11-24T09:00:00Z',
    });
    expect(reportedUndecided.statusCode).toBe(400);
    expect(reportedUndecided.json().errors).toEqual([expect.objectContaining({ field: 'reportedAt' })]);
    const malformed = await send(s.auditor, 'PATCH', `/api/breaches/${old.id}`, { reportedAt: 'yesterday' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await auditRows(org.id, 'breach.updated')).toHaveLength(0);

    const decided = await send(s.auditor, 'PATCH', `/api/breaches/${old.id}`, {
      reportDecision: 'report',
      decisionReason: 'Health data of a client at risk: likely risk to their rights.',
      reportedAt: '2026-11-24T09:45:00Z',
      icoReference: 'IC-12345-A1B2',
      individualsInformedAt: '2026-11-24T09:50:00Z',
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({
      reportDecision: 'report',
      decidedBy: { id: auditor.id },
      decidedAt: '2026-11-24T10:00:00.000Z',
      reportedAt: '2026-11-24T09:45:00.000Z',
      deadline: { state: 'reported', late: true, minutesLeft: null },
    });
    expect(decided.json().deadline.words).toBe(
      'Reported to the ICO on Tue 24 Nov 2026 at 09:45, 1 day after the deadline (Mon 23 Nov 2026 at 09:00): record why it was late',
    );
    const [event] = await auditRows(org.id, 'breach.updated');
    expect(event?.details).toEqual({
      fields: ['reportDecision', 'decisionReason', 'reportedAt', 'icoReference', 'individualsInformedAt'],
      reportDecision: 'report',
      riskLevel: 'risk',
    });
    expect(JSON.stringify(event?.details)).not.toContain('Health data');
  });

  it('records a decision not to report with its reason', async () => {
    const { s } = await world();
    const b = (await send(s.admin, 'POST', '/api/breaches', BREACH)).json();
    const res = await send(s.admin, 'PATCH', `/api/breaches/${b.id}`, {
      reportDecision: 'do-not-report',
      decisionReason: 'Encrypted laptop, key not compromised: unlikely to result in a risk.',
      riskLevel: 'unlikely',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().deadline).toMatchObject({ state: 'not-reporting' });
  });

  it('refuses advisers and supervisors (403, audited), other organisations (404) and future discovery', async () => {
    const { org, s } = await world();
    const b = (await send(s.admin, 'POST', '/api/breaches', BREACH)).json();
    for (const who of [s.adviser, s.supervisor]) {
      expect((await send(who, 'GET', '/api/breaches')).statusCode).toBe(403);
      expect((await send(who, 'POST', '/api/breaches', BREACH)).statusCode).toBe(403);
      expect((await send(who, 'PATCH', `/api/breaches/${b.id}`, { riskLevel: 'high-risk' })).statusCode).toBe(
        403,
      );
    }
    expect((await auditRows(org.id, 'access.denied')).length).toBeGreaterThanOrEqual(6);
    const elsewhere = await send(s.otherAdmin, 'PATCH', `/api/breaches/${b.id}`, { riskLevel: 'high-risk' });
    expect(elsewhere.statusCode).toBe(404);
    expect((await send(s.otherAdmin, 'GET', '/api/breaches')).json().breaches).toEqual([]);
    const future = await send(s.admin, 'POST', '/api/breaches', {
      ...BREACH,
      discoveredAt: '2026-11-25T10:00:00Z',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([expect.objectContaining({ field: 'discoveredAt' })]);
    const empty = await send(s.admin, 'POST', '/api/breaches', { ...BREACH, whatHappened: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([expect.objectContaining({ field: 'whatHappened' })]);
  });
});
