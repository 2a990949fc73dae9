import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs, TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

/** 23:30 UTC on 14 June 2026 is already 15 June in London. */
const clock = new TestClock(new Date('2026-06-14T23:30:00Z'));
let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' }, clock }));

async function send(session: SignedIn, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return sendAs(await getApp(), session, method, url, payload);
}

async function world() {
  const app = await getApp();
  const org = await insertOrganisation(t.db);
  const team = await insertTeam(t.db, { orgId: org.id });
  const otherTeam = await insertTeam(t.db, { orgId: org.id });
  const owner = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
  const outsider = await insertUser(t.db, { orgId: org.id, team: { id: otherTeam.id, role: 'member' } });
  const theCase = await insertCase(t.db, { orgId: org.id, ownerId: owner.id, teamId: team.id });
  return {
    org,
    theCase,
    ownerSession: await signInAs(app, owner),
    outsiderSession: await signInAs(app, outsider),
  };
}

const obstaclesOf = (caseId: string) =>
  t.db.selectFrom('obstacles').selectAll().where('case_id', '=', caseId).execute();

const auditActions = async (orgId: string) =>
  (
    await t.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('org_id', '=', orgId)
      .where('action', 'like', 'obstacle%')
      .orderBy('seq')
      .execute()
  ).map((e) => e.action);

const OBSTACLE = {
  category: 'awaiting-third-party',
  description: 'Waiting for the GP to send medical evidence',
  since: '2026-06-01',
  plan: 'Chase the surgery weekly',
};

describe('obstacles', () => {
  it('records, changes and resolves an obstacle, lists unresolved first, and audits each step', async () => {
    const w = await world();
    const created = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/obstacles`, OBSTACLE);
    expect(created.statusCode).toBe(201);
    const first = created.json();
    expect(first).toMatchObject({ ...OBSTACLE, caseId: w.theCase.id, resolved: false, resolvedAt: null });
    const second = (
      await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/obstacles`, {
        category: 'client-contact-lost',
        description: 'Phone disconnected',
        since: '2026-06-10',
      })
    ).json();
    expect(second.plan).toBeNull();

    const patched = await send(w.ownerSession, 'PATCH', `/api/obstacles/${first.id}`, {
      plan: 'Ask the practice manager',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().plan).toBe('Ask the practice manager');

    const resolved = await send(w.ownerSession, 'POST', `/api/obstacles/${first.id}/resolve`, {
      resolution: 'Evidence arrived',
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ resolved: true, resolution: 'Evidence arrived' });
    expect(resolved.json().resolvedAt).toBe('2026-06-14T23:30:00.000Z');

    const list = await send(w.ownerSession, 'GET', `/api/cases/${w.theCase.id}/obstacles`);
    expect(list.statusCode).toBe(200);
    expect(list.json().obstacles.map((o: { id: string }) => o.id)).toEqual([second.id, first.id]);
    expect(await auditActions(w.org.id)).toEqual([
      'obstacle.created',
      'obstacle.created',
      'obstacle.updated',
      'obstacle.resolved',
      'obstacles.listed',
    ]);
  });

  it('accepts since = today in London (after UTC midnight) but not tomorrow, naming the field', async () => {
    const w = await world();
    const today = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/obstacles`, {
      ...OBSTACLE,
      since: '2026-06-15',
    });
    expect(today.statusCode).toBe(201);
    const tomorrow = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/obstacles`, {
      ...OBSTACLE,
      since: '2026-06-16',
    });
    expect(tomorrow.statusCode).toBe(400);
    expect(tomorrow.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'since' });
    expect(await obstaclesOf(w.theCase.id)).toHaveLength(1);
  });

  it('names the failing field and writes nothing', async () => {
    const w = await world();
    for (const [payload, field] of [
      [{ ...OBSTACLE, category: 'bad-weather' }, 'category'],
      [{ ...OBSTACLE, description: '' }, 'description'],
      [{ ...OBSTACLE, since: undefined }, 'since'],
      [{ ...OBSTACLE, plan: '' }, 'plan'],
    ] as const) {
      const res = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/obstacles`, payload);
      expect(res.statusCode, field).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
    expect(await obstaclesOf(w.theCase.id)).toEqual([]);
    expect(await auditActions(w.org.id)).toEqual([]);
  });

  it('refuses to change or re-resolve a resolved obstacle', async () => {
    const w = await world();
    const o = (await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/obstacles`, OBSTACLE)).json();
    await send(w.ownerSession, 'POST', `/api/obstacles/${o.id}/resolve`, { resolution: 'Done' });
    const patch = await send(w.ownerSession, 'PATCH', `/api/obstacles/${o.id}`, { description: 'x' });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().code).toBe('INVALID_STATUS_CHANGE');
    const again = await send(w.ownerSession, 'POST', `/api/obstacles/${o.id}/resolve`, {
      resolution: 'Again',
    });
    expect(again.statusCode).toBe(409);
    expect((await obstaclesOf(w.theCase.id))[0]).toMatchObject({
      description: OBSTACLE.description,
      resolution: 'Done',
    });
  });

  it('answers 404 to another team and changes nothing', async () => {
    const w = await world();
    const o = (await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/obstacles`, OBSTACLE)).json();
    const list = await send(w.outsiderSession, 'GET', `/api/cases/${w.theCase.id}/obstacles`);
    expect(list.statusCode).toBe(404);
    expect(list.json().code).toBe('CASE_NOT_FOUND');
    expect(list.body).not.toContain('GP');
    const patch = await send(w.outsiderSession, 'PATCH', `/api/obstacles/${o.id}`, { description: 'x' });
    expect(patch.statusCode).toBe(404);
    expect(patch.json().code).toBe('OBSTACLE_NOT_FOUND');
    const resolve = await send(w.outsiderSession, 'POST', `/api/obstacles/${o.id}/resolve`, {
      resolution: 'x',
    });
    expect(resolve.statusCode).toBe(404);
    expect((await obstaclesOf(w.theCase.id))[0]).toMatchObject({
      resolved_at: null,
      description: OBSTACLE.description,
    });
  });
});
