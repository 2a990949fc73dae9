import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { insertNotifications } from '../../src/store/notifications.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } }));

async function send(session: SignedIn, method: 'GET' | 'POST', url: string, payload?: object) {
  return sendAs(await getApp(), session, method, url, payload);
}

async function world() {
  const org = await insertOrganisation(t.db);
  const team = await insertTeam(t.db, { orgId: org.id });
  const owner = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
  const colleague = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
  const kase = await insertCase(t.db, { orgId: org.id, ownerId: owner.id, teamId: team.id });
  const app = await getApp();
  return {
    org,
    owner,
    colleague,
    kase,
    ownerSession: await signInAs(app, owner),
    colleagueSession: await signInAs(app, colleague),
  };
}

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 30, 9, minutes));

describe('GET /api/notifications', () => {
  it('lists only my notifications, newest first, with the unread count', async () => {
    const w = await world();
    const mine = (minutes: number, message: string) => ({
      orgId: w.org.id,
      userId: w.colleague.id,
      kind: 'case-shared',
      caseId: w.kase.id,
      message,
      createdAt: at(minutes),
    });
    await insertNotifications(t.db, [
      mine(1, 'first'),
      mine(3, 'third'),
      mine(2, 'second'),
      { ...mine(4, 'for someone else'), userId: w.owner.id },
    ]);
    const res = await send(w.colleagueSession, 'GET', '/api/notifications');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unreadCount).toBe(3);
    expect(body.notifications.map((n: { message: string }) => n.message)).toEqual([
      'third',
      'second',
      'first',
    ]);
    expect(body.notifications[0]).toEqual({
      id: expect.any(String),
      kind: 'case-shared',
      caseId: w.kase.id,
      caseReference: w.kase.reference,
      message: 'third',
      createdAt: at(3).toISOString(),
      readAt: null,
      sentBy: null,
      emailStatus: 'none',
    });
    expect(res.body).not.toContain('for someone else');
    const limited = await send(w.colleagueSession, 'GET', '/api/notifications?limit=1');
    expect(limited.json()).toMatchObject({ unreadCount: 3, notifications: [{ message: 'third' }] });
  });

  it('shows what a share of a case told the colleague', async () => {
    const w = await world();
    const shared = await send(w.ownerSession, 'POST', `/api/cases/${w.kase.id}/shares`, {
      userId: w.colleague.id,
      reason: 'Covering my leave',
    });
    expect(shared.statusCode, shared.body).toBe(201);
    const body = (await send(w.colleagueSession, 'GET', '/api/notifications')).json();
    expect(body.unreadCount).toBe(1);
    expect(body.notifications[0]).toMatchObject({ kind: 'case-shared', caseReference: w.kase.reference });
    expect(body.notifications[0].message).not.toContain('Covering');
    expect((await send(w.ownerSession, 'GET', '/api/notifications')).json()).toEqual({
      notifications: [],
      unreadCount: 0,
    });
  });

  it('names a bad query parameter', async () => {
    const w = await world();
    const res = await send(w.ownerSession, 'GET', '/api/notifications?limit=0');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'query.limit' });
  });
});

describe('POST /api/notifications/:id/read', () => {
  it('marks my notification read once, audited, and keeps the first time', async () => {
    const w = await world();
    const [id] = await insertNotifications(t.db, [
      {
        orgId: w.org.id,
        userId: w.colleague.id,
        kind: 'case-shared',
        caseId: null,
        message: 'hello',
        createdAt: at(0),
      },
    ]);
    const first = await send(w.colleagueSession, 'POST', `/api/notifications/${id}/read`);
    expect(first.statusCode).toBe(200);
    const readAt = first.json().readAt;
    expect(readAt).toEqual(expect.any(String));
    const second = await send(w.colleagueSession, 'POST', `/api/notifications/${id}/read`);
    expect(second.json().readAt).toBe(readAt);
    expect((await send(w.colleagueSession, 'GET', '/api/notifications')).json().unreadCount).toBe(0);
    const events = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('org_id', '=', w.org.id)
      .where('action', '=', 'notification.read')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_id: w.colleague.id, entity_id: id, details: {} });
  });

  it('answers 404 for someone else’s notification and leaves it unread', async () => {
    const w = await world();
    const [id] = await insertNotifications(t.db, [
      {
        orgId: w.org.id,
        userId: w.owner.id,
        kind: 'case-shared',
        caseId: null,
        message: 'private',
        createdAt: at(0),
      },
    ]);
    const res = await send(w.colleagueSession, 'POST', `/api/notifications/${id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('private');
    const row = await t.db
      .selectFrom('notifications')
      .select('read_at')
      .where('id', '=', id ?? '')
      .executeTakeFirstOrThrow();
    expect(row.read_at).toBeNull();
  });
});
