import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } }));

async function send(session: SignedIn, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return sendAs(await getApp(), session, method, url, payload);
}

/** An organisation with a team, an adviser owning a case in it, and an adviser of another team. */
async function world() {
  const app = await getApp();
  const org = await insertOrganisation(t.db);
  const team = await insertTeam(t.db, { orgId: org.id });
  const otherTeam = await insertTeam(t.db, { orgId: org.id });
  const owner = await insertUser(t.db, {
    orgId: org.id,
    displayName: 'Amira Owner',
    team: { id: team.id, role: 'member' },
  });
  const outsider = await insertUser(t.db, { orgId: org.id, team: { id: otherTeam.id, role: 'member' } });
  const theCase = await insertCase(t.db, { orgId: org.id, ownerId: owner.id, teamId: team.id });
  return {
    org,
    owner,
    theCase,
    ownerSession: await signInAs(app, owner),
    outsiderSession: await signInAs(app, outsider),
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

const goalsOf = (caseId: string) =>
  t.db.selectFrom('goals').selectAll().where('case_id', '=', caseId).execute();

const GOAL = {
  description: 'Client receives PIP daily living at the enhanced rate',
  measure: 'DWP award letter showing the enhanced rate',
  targetDate: '2026-10-31',
};

async function aGoal(w: Awaited<ReturnType<typeof world>>) {
  const res = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/goals`, GOAL);
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string };
}

describe('goals', () => {
  it('records a SMART goal, its progress and its result, and lists them', async () => {
    const w = await world();
    const created = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/goals`, GOAL);
    expect(created.statusCode).toBe(201);
    const goal = created.json();
    expect(goal).toMatchObject({
      ...GOAL,
      caseId: w.theCase.id,
      status: 'active',
      progress: [],
      resultNote: null,
    });

    const progress = await send(w.ownerSession, 'POST', `/api/goals/${goal.id}/progress`, {
      text: 'Mandatory reconsideration lodged',
    });
    expect(progress.statusCode).toBe(200);
    expect(progress.json().progress).toEqual([
      {
        id: expect.any(String),
        text: 'Mandatory reconsideration lodged',
        recordedBy: w.owner.id,
        recordedByName: 'Amira Owner',
        recordedAt: expect.any(String),
      },
    ]);

    const result = await send(w.ownerSession, 'POST', `/api/goals/${goal.id}/result`, {
      status: 'partly_achieved',
      note: 'Standard rate awarded on reconsideration',
    });
    expect(result.statusCode).toBe(200);
    expect(result.json()).toMatchObject({
      status: 'partly_achieved',
      resultNote: 'Standard rate awarded on reconsideration',
    });
    expect(Date.parse(result.json().resultAt)).not.toBeNaN();

    const list = await send(w.ownerSession, 'GET', `/api/cases/${w.theCase.id}/goals`);
    expect(list.statusCode).toBe(200);
    expect(list.json().goals).toEqual([result.json()]);

    const events = await t.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('org_id', '=', w.org.id)
      .where('action', 'like', 'goal%')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'goal.created',
      'goal.progress_recorded',
      'goal.result_recorded',
      'goals.listed',
    ]);
    expect(events[2]?.details).toEqual({ caseId: w.theCase.id, status: 'partly_achieved' });
    expect(JSON.stringify(events)).not.toMatch(/reconsideration|PIP/);
  });

  it('changes an active goal, and refuses progress, edits and a second result once it has a result', async () => {
    const w = await world();
    const goal = await aGoal(w);
    const patched = await send(w.ownerSession, 'PATCH', `/api/goals/${goal.id}`, {
      targetDate: '2026-12-31',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().targetDate).toBe('2026-12-31');
    const [updated] = await auditRows(w.org.id, 'goal.updated');
    expect(updated?.details).toEqual({ caseId: w.theCase.id, fields: ['targetDate'] });

    await send(w.ownerSession, 'POST', `/api/goals/${goal.id}/result`, {
      status: 'withdrawn',
      note: 'Moved away',
    });
    for (const [method, url, payload] of [
      ['POST', `/api/goals/${goal.id}/progress`, { text: 'late' }],
      ['PATCH', `/api/goals/${goal.id}`, { measure: 'changed' }],
      ['POST', `/api/goals/${goal.id}/result`, { status: 'achieved', note: 'rewrite' }],
    ] as const) {
      const res = await send(w.ownerSession, method, url, payload);
      expect(res.statusCode, url).toBe(409);
      expect(res.json()).toMatchObject({
        code: 'INVALID_STATUS_CHANGE',
        detail: expect.stringContaining('withdrawn'),
      });
    }
    const [row] = await goalsOf(w.theCase.id);
    expect(row).toMatchObject({ status: 'withdrawn', measure: GOAL.measure, result_note: 'Moved away' });
    expect(
      await t.db.selectFrom('goal_progress').selectAll().where('goal_id', '=', goal.id).execute(),
    ).toEqual([]);
  });

  it('names the failing field and writes nothing', async () => {
    const w = await world();
    for (const [payload, field] of [
      [{ ...GOAL, measure: undefined }, 'measure'],
      [{ ...GOAL, description: ' ' }, 'description'],
      [{ ...GOAL, targetDate: '31/10/2026' }, 'targetDate'],
    ] as const) {
      const res = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/goals`, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
    const unknown = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/goals`, {
      ...GOAL,
      status: 'achieved',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toContain('status');
    expect(await goalsOf(w.theCase.id)).toEqual([]);

    const goal = await aGoal(w);
    const badResult = await send(w.ownerSession, 'POST', `/api/goals/${goal.id}/result`, {
      status: 'done',
      note: 'x',
    });
    expect(badResult.statusCode).toBe(400);
    expect(badResult.json().field).toBe('status');
    const empty = await send(w.ownerSession, 'PATCH', `/api/goals/${goal.id}`, {});
    expect(empty.statusCode).toBe(400);
    expect((await goalsOf(w.theCase.id))[0]?.status).toBe('active');
  });

  it('answers 404 to another team for the list and for a goal, and changes nothing', async () => {
    const w = await world();
    const goal = await aGoal(w);
    const list = await send(w.outsiderSession, 'GET', `/api/cases/${w.theCase.id}/goals`);
    expect(list.statusCode).toBe(404);
    expect(list.json().code).toBe('CASE_NOT_FOUND');
    expect(list.body).not.toContain('PIP');
    const create = await send(w.outsiderSession, 'POST', `/api/cases/${w.theCase.id}/goals`, GOAL);
    expect(create.statusCode).toBe(404);
    for (const [method, url, payload] of [
      ['PATCH', `/api/goals/${goal.id}`, { measure: 'x' }],
      ['POST', `/api/goals/${goal.id}/progress`, { text: 'x' }],
      ['POST', `/api/goals/${goal.id}/result`, { status: 'achieved', note: 'x' }],
    ] as const) {
      const res = await send(w.outsiderSession, method, url, payload);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('GOAL_NOT_FOUND');
    }
    const rows = await goalsOf(w.theCase.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'active', measure: GOAL.measure });
  });
});
