import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.ts';
import { buildTestApp, type SignedIn, signInAs, TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } }));

/** 23:30 UTC on 14 June 2026 is 00:30 on 15 June in London (BST). */
const lateEvening = new TestClock(new Date('2026-06-14T23:30:00Z'));
let clockedAppPromise: Promise<App> | undefined;
const getClockedApp = () =>
  (clockedAppPromise ??= buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' }, clock: lateEvening }));

async function send(
  session: SignedIn,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: object,
  app?: App,
) {
  return (app ?? (await getApp())).inject({
    method,
    url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    ...(payload ? { payload } : {}),
  });
}

/** An organisation with a team, an adviser owning a case in it, and an adviser of another team. */
async function world(app?: App) {
  const theApp = app ?? (await getApp());
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
    team,
    owner,
    outsider,
    theCase,
    ownerSession: await signInAs(theApp, owner),
    outsiderSession: await signInAs(theApp, outsider),
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

const actionsOf = (caseId: string) =>
  t.db.selectFrom('actions').selectAll().where('case_id', '=', caseId).execute();

async function insertGoal(orgId: string, caseId: string, createdBy: string) {
  return t.db
    .insertInto('goals')
    .values({
      org_id: orgId,
      case_id: caseId,
      description: 'PIP award at the standard rate',
      measure: 'Award letter received',
      target_date: '2026-09-30',
      result_note: null,
      result_at: null,
      created_by: createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

describe('POST /api/cases/:caseId/actions', () => {
  it('records an action owned by a practitioner towards a goal, and audits it without its text', async () => {
    const w = await world();
    const goal = await insertGoal(w.org.id, w.theCase.id, w.owner.id);
    const res = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/actions`, {
      description: 'Send the PIP2 form with the GP letter',
      ownerKind: 'practitioner',
      ownerUserId: w.owner.id,
      dueDate: '2099-03-01',
      goalId: goal.id,
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      caseId: w.theCase.id,
      description: 'Send the PIP2 form with the GP letter',
      ownerKind: 'practitioner',
      ownerUserId: w.owner.id,
      ownerName: 'Amira Owner',
      dueDate: '2099-03-01',
      status: 'open',
      overdue: false,
      completedAt: null,
      result: null,
      goalId: goal.id,
      createdBy: w.owner.id,
    });

    const [event] = await auditRows(w.org.id, 'action.created');
    expect(event).toMatchObject({ actor_id: w.owner.id, entity_type: 'action', entity_id: created.id });
    expect(event?.details).toEqual({
      caseId: w.theCase.id,
      ownerKind: 'practitioner',
      ownerUserId: w.owner.id,
      goalId: goal.id,
    });
    expect(JSON.stringify(event?.details)).not.toContain('PIP2');

    const list = await send(w.ownerSession, 'GET', `/api/cases/${w.theCase.id}/actions`);
    expect(list.statusCode).toBe(200);
    expect(list.json().actions).toEqual([created]);
    const [read] = await auditRows(w.org.id, 'actions.listed');
    expect(read).toMatchObject({ actor_id: w.owner.id, entity_type: 'case', entity_id: w.theCase.id });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('records client and third-party owners, keeping only the field that fits the kind', async () => {
    const w = await world();
    const third = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/actions`, {
      description: 'Landlord to confirm the repair date',
      ownerKind: 'third_party',
      ownerName: '  Northside Housing  ',
    });
    expect(third.statusCode).toBe(201);
    expect(third.json()).toMatchObject({
      ownerKind: 'third_party',
      ownerName: 'Northside Housing',
      ownerUserId: null,
    });
    const client = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/actions`, {
      description: 'Bring the tenancy agreement',
      ownerKind: 'client',
    });
    expect(client.statusCode).toBe(201);
    expect(client.json()).toMatchObject({
      ownerKind: 'client',
      ownerName: null,
      ownerUserId: null,
      dueDate: null,
    });
  });

  it('refuses a goal of another case, naming goalId, and writes nothing', async () => {
    const w = await world();
    const otherCase = await insertCase(t.db, { orgId: w.org.id, ownerId: w.owner.id, teamId: w.team.id });
    const foreignGoal = await insertGoal(w.org.id, otherCase.id, w.owner.id);
    const res = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/actions`, {
      description: 'Chase the decision',
      ownerKind: 'client',
      goalId: foreignGoal.id,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      code: 'GOAL_NOT_FOUND',
      field: 'goalId',
      errors: [{ field: 'goalId', message: expect.stringContaining('same case') }],
    });
    expect(await actionsOf(w.theCase.id)).toEqual([]);
    expect(await auditRows(w.org.id, 'action.created')).toEqual([]);
  });

  it('names the field for bad input and writes nothing', async () => {
    const w = await world();
    const stranger = await insertUser(t.db, {}); // another organisation
    const cases: [object, string, number, string][] = [
      [{ description: 'x', ownerKind: 'third_party' }, 'ownerName', 400, 'VALIDATION_FAILED'],
      [{ description: 'x', ownerKind: 'practitioner' }, 'ownerUserId', 400, 'VALIDATION_FAILED'],
      [{ description: 'x', ownerKind: 'client', ownerName: 'Bob' }, 'ownerName', 400, 'VALIDATION_FAILED'],
      [{ description: '   ', ownerKind: 'client' }, 'description', 400, 'VALIDATION_FAILED'],
      [{ description: 'x', ownerKind: 'someone' }, 'ownerKind', 400, 'VALIDATION_FAILED'],
      [{ description: 'x', ownerKind: 'client', dueDate: '2026-02-30' }, 'dueDate', 400, 'VALIDATION_FAILED'],
      [
        { description: 'x', ownerKind: 'practitioner', ownerUserId: stranger.id },
        'ownerUserId',
        404,
        'USER_NOT_FOUND',
      ],
    ];
    for (const [payload, field, status, code] of cases) {
      const res = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/actions`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json(), JSON.stringify(payload)).toMatchObject({ code, field });
    }
    expect(await actionsOf(w.theCase.id)).toEqual([]);
  });

  it('answers 404 for another team’s case and gives nothing away', async () => {
    const w = await world();
    const create = await send(w.outsiderSession, 'POST', `/api/cases/${w.theCase.id}/actions`, {
      description: 'Sneaky',
      ownerKind: 'client',
    });
    expect(create.statusCode).toBe(404);
    expect(create.json().code).toBe('CASE_NOT_FOUND');
    expect(await actionsOf(w.theCase.id)).toEqual([]);

    await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/actions`, {
      description: 'Ring the council tax office',
      ownerKind: 'client',
    });
    const list = await send(w.outsiderSession, 'GET', `/api/cases/${w.theCase.id}/actions`);
    expect(list.statusCode).toBe(404);
    expect(list.json().code).toBe('CASE_NOT_FOUND');
    expect(list.body).not.toContain('council tax');
  });

  it('lets a break-glass reader see the actions but not add one', async () => {
    const w = await world();
    const reader = await insertUser(t.db, { orgId: w.org.id, roles: ['supervisor'], totp: true });
    await t.db
      .insertInto('case_shares')
      .values({
        org_id: w.org.id,
        case_id: w.theCase.id,
        user_id: reader.id,
        kind: 'break-glass',
        reason: 'Owner off sick; urgent hearing',
        granted_by: reader.id,
        granted_at: new Date(),
        expires_at: null,
        revoked_at: null,
      })
      .execute();
    const session = await signInAs(await getApp(), reader);
    expect((await send(session, 'GET', `/api/cases/${w.theCase.id}/actions`)).statusCode).toBe(200);
    const res = await send(session, 'POST', `/api/cases/${w.theCase.id}/actions`, {
      description: 'x',
      ownerKind: 'client',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    expect(await actionsOf(w.theCase.id)).toEqual([]);
  });
});

describe('overdue', () => {
  it('marks an open action overdue once its due date has passed in Europe/London, across midnight', async () => {
    const app = await getClockedApp();
    const w = await world(app);
    const post = (dueDate: string) =>
      send(
        w.ownerSession,
        'POST',
        `/api/cases/${w.theCase.id}/actions`,
        { description: `Due ${dueDate}`, ownerKind: 'client', dueDate },
        app,
      );
    // It is 23:30 on the 14th in UTC but already the 15th in London.
    const yesterday = (await post('2026-06-14')).json();
    const today = (await post('2026-06-15')).json();
    expect(yesterday.overdue).toBe(true);
    expect(today.overdue).toBe(false);

    const list = (
      await send(w.ownerSession, 'GET', `/api/cases/${w.theCase.id}/actions`, undefined, app)
    ).json();
    expect(list.actions.map((a: { dueDate: string; overdue: boolean }) => [a.dueDate, a.overdue])).toEqual([
      ['2026-06-14', true],
      ['2026-06-15', false],
    ]);

    const done = await send(
      w.ownerSession,
      'POST',
      `/api/actions/${yesterday.id}/complete`,
      { result: 'Client brought it in' },
      app,
    );
    expect(done.json()).toMatchObject({ status: 'done', overdue: false });
  });
});

describe('changing an action', () => {
  async function anAction(w: Awaited<ReturnType<typeof world>>) {
    const res = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/actions`, {
      description: 'Ask DWP for the mandatory reconsideration notice',
      ownerKind: 'practitioner',
      ownerUserId: w.owner.id,
      dueDate: '2099-01-10',
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string };
  }

  it('changes owner, due date and goal, and audits the field names', async () => {
    const w = await world();
    const action = await anAction(w);
    const goal = await insertGoal(w.org.id, w.theCase.id, w.owner.id);
    const res = await send(w.ownerSession, 'PATCH', `/api/actions/${action.id}`, {
      ownerKind: 'third_party',
      ownerName: 'DWP',
      dueDate: null,
      goalId: goal.id,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ownerKind: 'third_party',
      ownerUserId: null,
      ownerName: 'DWP',
      dueDate: null,
      goalId: goal.id,
    });
    const [event] = await auditRows(w.org.id, 'action.updated');
    expect(event?.details).toEqual({ caseId: w.theCase.id, fields: ['owner', 'dueDate', 'goalId'] });
  });

  it('refuses an owner id without its kind, and a goal of another case, changing nothing', async () => {
    const w = await world();
    const action = await anAction(w);
    const noKind = await send(w.ownerSession, 'PATCH', `/api/actions/${action.id}`, { ownerName: 'DWP' });
    expect(noKind.statusCode).toBe(400);
    expect(noKind.json().field).toBe('ownerKind');
    const otherCase = await insertCase(t.db, { orgId: w.org.id, ownerId: w.owner.id, teamId: w.team.id });
    const foreignGoal = await insertGoal(w.org.id, otherCase.id, w.owner.id);
    const res = await send(w.ownerSession, 'PATCH', `/api/actions/${action.id}`, {
      description: 'Changed',
      goalId: foreignGoal.id,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'GOAL_NOT_FOUND', field: 'goalId' });
    const [row] = await actionsOf(w.theCase.id);
    expect(row).toMatchObject({
      description: 'Ask DWP for the mandatory reconsideration notice',
      goal_id: null,
    });
    expect(await auditRows(w.org.id, 'action.updated')).toEqual([]);
  });

  it('completes with a result, then refuses further changes', async () => {
    const w = await world();
    const action = await anAction(w);
    const res = await send(w.ownerSession, 'POST', `/api/actions/${action.id}/complete`, {
      result: 'Notice received and scanned',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'done',
      result: 'Notice received and scanned',
      cancellationReason: null,
    });
    expect(Date.parse(body.completedAt)).not.toBeNaN();
    const [row] = await actionsOf(w.theCase.id);
    expect(row?.completed_at).toBeInstanceOf(Date);

    for (const [method, url, payload] of [
      ['POST', `/api/actions/${action.id}/complete`, { result: 'again' }],
      ['POST', `/api/actions/${action.id}/cancel`, { reason: 'no' }],
      ['PATCH', `/api/actions/${action.id}`, { description: 'rewrite history' }],
    ] as const) {
      const again = await send(w.ownerSession, method, url, payload);
      expect(again.statusCode, url).toBe(409);
      expect(again.json().code).toBe('INVALID_STATUS_CHANGE');
    }
    expect((await actionsOf(w.theCase.id))[0]?.description).toBe(
      'Ask DWP for the mandatory reconsideration notice',
    );
    expect(await auditRows(w.org.id, 'action.completed')).toHaveLength(1);
  });

  it('cancels with a reason', async () => {
    const w = await world();
    const action = await anAction(w);
    const res = await send(w.ownerSession, 'POST', `/api/actions/${action.id}/cancel`, {
      reason: 'Client withdrew the claim',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'cancelled',
      result: null,
      cancellationReason: 'Client withdrew the claim',
    });
    const [event] = await auditRows(w.org.id, 'action.cancelled');
    expect(event?.details).toEqual({ caseId: w.theCase.id });
  });

  it('requires a result to complete', async () => {
    const w = await world();
    const action = await anAction(w);
    const res = await send(w.ownerSession, 'POST', `/api/actions/${action.id}/complete`, { result: ' ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('result');
    expect((await actionsOf(w.theCase.id))[0]?.status).toBe('open');
  });

  it('answers 404 ACTION_NOT_FOUND to another team, changing nothing', async () => {
    const w = await world();
    const action = await anAction(w);
    for (const [method, url, payload] of [
      ['PATCH', `/api/actions/${action.id}`, { description: 'Hijacked' }],
      ['POST', `/api/actions/${action.id}/complete`, { result: 'x' }],
      ['POST', `/api/actions/${action.id}/cancel`, { reason: 'x' }],
    ] as const) {
      const res = await send(w.outsiderSession, method, url, payload);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('ACTION_NOT_FOUND');
      expect(res.body).not.toContain('reconsideration');
    }
    expect((await actionsOf(w.theCase.id))[0]).toMatchObject({
      status: 'open',
      description: 'Ask DWP for the mandatory reconsideration notice',
    });
  });
});
