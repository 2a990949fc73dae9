import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import type {
  CaseResourcesResponse,
  SpecialistListResponse,
  SpecialistResponse,
} from '../../src/contract/resources.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } }));

async function send(session: SignedIn, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return sendAs(await getApp(), session, method, url, payload);
}

async function world() {
  const app = await getApp();
  const org = await insertOrganisation(t.db);
  const team = await insertTeam(t.db, { orgId: org.id });
  const otherTeam = await insertTeam(t.db, { orgId: org.id });
  const owner = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
  const supervisor = await insertUser(t.db, {
    orgId: org.id,
    roles: ['adviser', 'supervisor'],
    totp: true,
    team: { id: team.id, role: 'supervisor' },
  });
  const specialist = await insertUser(t.db, {
    orgId: org.id,
    displayName: 'Dana Debt',
    team: { id: otherTeam.id, role: 'member' },
  });
  const outsider = await insertUser(t.db, { orgId: org.id, team: { id: otherTeam.id, role: 'member' } });
  const theCase = await insertCase(t.db, { orgId: org.id, ownerId: owner.id, teamId: team.id });
  return {
    org,
    owner,
    supervisor,
    specialist,
    outsider,
    theCase,
    ownerSession: await signInAs(app, owner),
    supervisorSession: await signInAs(app, supervisor),
    specialistSession: await signInAs(app, specialist),
    outsiderSession: await signInAs(app, outsider),
  };
}
type World = Awaited<ReturnType<typeof world>>;

const resourcesUrl = (w: World) => `/api/cases/${w.theCase.id}/resources`;
const specialistsUrl = (w: World) => `/api/cases/${w.theCase.id}/specialists`;

const auditOf = (orgId: string, action: string) =>
  t.db
    .selectFrom('audit_events')
    .select(['action', 'actor_id', 'details'])
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

const sharesOf = (caseId: string, userId: string) =>
  t.db
    .selectFrom('case_shares')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .orderBy('granted_at')
    .execute();

async function addSpecialist(w: World, body: object = {}) {
  const res = await send(w.ownerSession, 'POST', specialistsUrl(w), {
    userId: w.specialist.id,
    role: 'Debt specialist',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<SpecialistResponse>();
}

describe('resources: allocated hours and estimated effort', () => {
  it('sets both, keeps each change in the field history and audits the field names only', async () => {
    const w = await world();
    const before = await send(w.ownerSession, 'GET', resourcesUrl(w));
    expect(before.statusCode).toBe(200);
    expect(before.json<CaseResourcesResponse>()).toMatchObject({
      caseId: w.theCase.id,
      owner: { id: w.owner.id, active: true },
      allocatedHours: null,
      estimatedEffortHours: null,
      specialists: [],
      yourAccess: { contribute: true, manage: true },
    });

    const set = await send(w.ownerSession, 'PUT', resourcesUrl(w), {
      allocatedHours: 6.5,
      estimatedEffortHours: 4.75,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<CaseResourcesResponse>()).toMatchObject({
      allocatedHours: 6.5,
      estimatedEffortHours: 4.75,
    });

    // Only the allocated hours change: one more history row.
    const again = await send(w.ownerSession, 'PUT', resourcesUrl(w), {
      allocatedHours: null,
      estimatedEffortHours: 4.75,
    });
    expect(again.json<CaseResourcesResponse>()).toMatchObject({
      allocatedHours: null,
      estimatedEffortHours: 4.75,
    });
    // The same values again: nothing recorded.
    await send(w.ownerSession, 'PUT', resourcesUrl(w), { allocatedHours: null, estimatedEffortHours: 4.75 });

    const history = await t.db
      .selectFrom('field_changes')
      .select(['field', 'old_value', 'new_value', 'changed_by'])
      .where('entity_type', '=', 'case')
      .where('entity_id', '=', w.theCase.id)
      .orderBy('id')
      .execute();
    expect(history).toEqual([
      { field: 'allocated_hours', old_value: null, new_value: 6.5, changed_by: w.owner.id },
      { field: 'estimated_effort_hours', old_value: null, new_value: 4.75, changed_by: w.owner.id },
      { field: 'allocated_hours', old_value: 6.5, new_value: null, changed_by: w.owner.id },
    ]);
    // The case page's history shows them too.
    const kase = await send(w.ownerSession, 'GET', `/api/cases/${w.theCase.id}`);
    expect(kase.json<{ history: { field: string }[] }>().history.map((h) => h.field)).toEqual([
      'allocated_hours',
      'estimated_effort_hours',
      'allocated_hours',
    ]);

    const audited = await auditOf(w.org.id, 'case.resources_updated');
    expect(audited.map((a) => a.details)).toEqual([
      { fields: ['allocated_hours', 'estimated_effort_hours'] },
      { fields: ['allocated_hours'] },
    ]);
    expect((await auditOf(w.org.id, 'case.resources_viewed')).map((a) => a.actor_id)).toEqual([w.owner.id]);
  });

  it('refuses invalid hours with problem details naming the field, and changes nothing', async () => {
    const w = await world();
    const cases: [object, string][] = [
      [{ allocatedHours: 1.3, estimatedEffortHours: null }, 'allocatedHours'],
      [{ allocatedHours: 1001, estimatedEffortHours: null }, 'allocatedHours'],
      [{ allocatedHours: -1, estimatedEffortHours: null }, 'allocatedHours'],
      [{ allocatedHours: '4', estimatedEffortHours: null }, 'allocatedHours'],
      [{ allocatedHours: 4, estimatedEffortHours: 1000.5 }, 'estimatedEffortHours'],
      [{ allocatedHours: 4, estimatedEffortHours: 2.125 }, 'estimatedEffortHours'],
      [{ allocatedHours: 4 }, 'estimatedEffortHours'],
    ];
    for (const [payload, field] of cases) {
      const res = await send(w.ownerSession, 'PUT', resourcesUrl(w), payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json(), JSON.stringify(payload)).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
    const row = await t.db
      .selectFrom('cases')
      .select(['allocated_hours', 'estimated_effort_hours'])
      .where('id', '=', w.theCase.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ allocated_hours: null, estimated_effort_hours: null });
  });

  it('lets a colleague the case is shared with set hours; others get 404', async () => {
    const w = await world();
    const body = { allocatedHours: 2, estimatedEffortHours: 3 };
    expect((await send(w.outsiderSession, 'PUT', resourcesUrl(w), body)).json()).toMatchObject({
      status: 404,
      code: 'CASE_NOT_FOUND',
    });
    expect((await send(w.outsiderSession, 'GET', resourcesUrl(w))).statusCode).toBe(404);
    const share = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/shares`, {
      userId: w.outsider.id,
      reason: 'Cover during leave',
    });
    expect(share.statusCode).toBe(201);
    const res = await send(w.outsiderSession, 'PUT', resourcesUrl(w), body);
    expect(res.statusCode).toBe(200);
    // A covering colleague may contribute but not manage: no specialists.
    expect(res.json<CaseResourcesResponse>().yourAccess).toEqual({ contribute: true, manage: false });
    const add = await send(w.outsiderSession, 'POST', specialistsUrl(w), {
      userId: w.specialist.id,
      role: 'Debt specialist',
    });
    expect(add.statusCode).toBe(403);
    expect(add.json()).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('resources check', () => {
  it('warns about a red case without a dated next action or allocated time, until it has both', async () => {
    const w = await world();
    const flag = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/flags`, {
      kind: 'safeguarding',
      category: 'domestic abuse',
    });
    expect(flag.statusCode).toBe(201);
    let res = (await send(w.ownerSession, 'GET', resourcesUrl(w))).json<CaseResourcesResponse>();
    expect(res.band).toBe('red');
    expect(res.check.problems).toEqual(['No next action with a due date', 'No time allocated']);

    // An action without a due date is not a next action with a due date.
    const undated = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/actions`, {
      description: 'Refer to the refuge',
      ownerKind: 'client',
    });
    expect(undated.statusCode, undated.body).toBe(201);
    res = (await send(w.ownerSession, 'GET', resourcesUrl(w))).json<CaseResourcesResponse>();
    expect(res.check.problems).toEqual(['No next action with a due date', 'No time allocated']);

    const dated = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/actions`, {
      description: 'Call the client back',
      ownerKind: 'practitioner',
      ownerUserId: w.owner.id,
      dueDate: '2030-01-10',
    });
    expect(dated.statusCode, dated.body).toBe(201);
    res = (
      await send(w.ownerSession, 'PUT', resourcesUrl(w), { allocatedHours: 3, estimatedEffortHours: null })
    ).json<CaseResourcesResponse>();
    expect(res.check.problems).toEqual([]);

    // A disabled owner cannot work on the case.
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', w.owner.id).execute();
    res = (await send(w.supervisorSession, 'GET', resourcesUrl(w))).json<CaseResourcesResponse>();
    expect(res.owner).toMatchObject({ id: w.owner.id, active: false });
    expect(res.check.problems).toEqual(['No active owner: the owner’s account is disabled']);
  });

  it('does not check a case that is not red (unassessed, amber)', async () => {
    const w = await world();
    const res = (await send(w.ownerSession, 'GET', resourcesUrl(w))).json<CaseResourcesResponse>();
    expect(res.band).toBe(null);
    expect(res.check.problems).toEqual([]);
    // 20 (vulnerability 2) + 35 (loss of home) = 55: amber, not checked.
    const assessed = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/assessments`, {
      vulnerability: 2,
      impact: 'loss-of-home',
      rationale: 'Possession claim issued.',
    });
    expect(assessed.statusCode).toBe(201);
    const amber = (await send(w.ownerSession, 'GET', resourcesUrl(w))).json<CaseResourcesResponse>();
    expect(amber.band).toBe('amber');
    expect(amber.check.problems).toEqual([]);
  });
});

describe('specialists', () => {
  it('adds a specialist: the case is shared with them, they are told, and they can open it', async () => {
    const w = await world();
    expect((await send(w.specialistSession, 'GET', `/api/cases/${w.theCase.id}`)).statusCode).toBe(404);
    const added = await addSpecialist(w, { hours: 2.5 });
    expect(added).toMatchObject({
      caseId: w.theCase.id,
      user: { id: w.specialist.id, displayName: 'Dana Debt' },
      role: 'Debt specialist',
      hours: 2.5,
      addedBy: { id: w.owner.id },
      removedAt: null,
      canSeeCase: true,
    });
    const shares = await sharesOf(w.theCase.id, w.specialist.id);
    expect(shares).toHaveLength(1);
    expect(shares[0]).toMatchObject({
      kind: 'share',
      reason: 'Specialist: Debt specialist',
      granted_by: w.owner.id,
      expires_at: null,
      revoked_at: null,
    });
    const notes = await t.db
      .selectFrom('notifications')
      .select(['kind', 'case_id', 'message'])
      .where('user_id', '=', w.specialist.id)
      .execute();
    expect(notes).toEqual([
      {
        kind: 'case-shared',
        case_id: w.theCase.id,
        message: `You have been added as a specialist on case ${w.theCase.reference}; it is shared with you.`,
      },
    ]);
    const kase = await send(w.specialistSession, 'GET', `/api/cases/${w.theCase.id}`);
    expect(kase.statusCode).toBe(200);
    // The specialist sees the resources (they may contribute, not manage).
    const resources = (await send(w.specialistSession, 'GET', resourcesUrl(w))).json<CaseResourcesResponse>();
    expect(resources.specialists.map((s) => s.user.id)).toEqual([w.specialist.id]);
    expect(resources.yourAccess).toEqual({ contribute: true, manage: false });

    const audited = await auditOf(w.org.id, 'case.specialist_added');
    expect(audited).toHaveLength(1);
    expect(audited[0]?.details).toEqual({
      specialistId: added.id,
      userId: w.specialist.id,
      shareId: shares[0]?.id,
      hours: 2.5,
    });
    expect(JSON.stringify(audited[0]?.details)).not.toContain('Debt');
  });

  it('removes a specialist: the share is revoked, they lose the case, and the record stays', async () => {
    const w = await world();
    const added = await addSpecialist(w);
    const removed = await send(w.supervisorSession, 'POST', `${specialistsUrl(w)}/${added.id}/remove`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json<SpecialistResponse>()).toMatchObject({
      id: added.id,
      removedBy: { id: w.supervisor.id },
      canSeeCase: false,
    });
    expect(removed.json<SpecialistResponse>().removedAt).not.toBeNull();
    const [share] = await sharesOf(w.theCase.id, w.specialist.id);
    expect(share?.revoked_at).not.toBeNull();
    expect((await send(w.specialistSession, 'GET', `/api/cases/${w.theCase.id}`)).statusCode).toBe(404);

    const list = (await send(w.ownerSession, 'GET', specialistsUrl(w))).json<SpecialistListResponse>();
    expect(list.specialists.map((s) => [s.id, s.removedBy?.id])).toEqual([[added.id, w.supervisor.id]]);
    const resources = (await send(w.ownerSession, 'GET', resourcesUrl(w))).json<CaseResourcesResponse>();
    expect(resources.specialists).toEqual([]);

    // Removing again changes nothing and audits nothing more.
    const again = await send(w.ownerSession, 'POST', `${specialistsUrl(w)}/${added.id}/remove`);
    expect(again.statusCode).toBe(200);
    expect(again.json<SpecialistResponse>().removedBy?.id).toBe(w.supervisor.id);
    const audited = await auditOf(w.org.id, 'case.specialist_removed');
    expect(audited.map((a) => a.details)).toEqual([
      { specialistId: added.id, userId: w.specialist.id, shareId: share?.id, shareRevoked: true },
    ]);

    // They can be added again later, with a new share.
    await addSpecialist(w, { role: 'Housing solicitor' });
    const shares = await sharesOf(w.theCase.id, w.specialist.id);
    expect(shares.map((s) => [s.reason, s.revoked_at === null])).toEqual([
      ['Specialist: Debt specialist', false],
      ['Specialist: Housing solicitor', true],
    ]);
  });

  it('leaves a share that existed before the specialist was added', async () => {
    const w = await world();
    await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/shares`, {
      userId: w.specialist.id,
      reason: 'Cover during leave',
    });
    const added = await addSpecialist(w);
    expect(added.canSeeCase).toBe(true);
    expect(await sharesOf(w.theCase.id, w.specialist.id)).toHaveLength(1);
    await send(w.ownerSession, 'POST', `${specialistsUrl(w)}/${added.id}/remove`);
    const shares = await sharesOf(w.theCase.id, w.specialist.id);
    expect(shares.map((s) => [s.reason, s.revoked_at])).toEqual([['Cover during leave', null]]);
    expect((await send(w.specialistSession, 'GET', `/api/cases/${w.theCase.id}`)).statusCode).toBe(200);
  });

  it('refuses invalid specialists with problem details naming the field', async () => {
    const w = await world();
    const other = await insertOrganisation(t.db);
    const foreigner = await insertUser(t.db, { orgId: other.id });
    const disabled = await insertUser(t.db, { orgId: w.org.id, status: 'disabled' });
    const url = specialistsUrl(w);
    const expectProblem = async (payload: object, status: number, code: string, field: string) => {
      const res = await send(w.ownerSession, 'POST', url, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json(), JSON.stringify(payload)).toMatchObject({ code, field });
    };
    await expectProblem({ userId: w.specialist.id, role: '  ' }, 400, 'VALIDATION_FAILED', 'role');
    await expectProblem({ userId: w.specialist.id, role: 'x'.repeat(121) }, 400, 'VALIDATION_FAILED', 'role');
    await expectProblem({ userId: w.specialist.id }, 400, 'VALIDATION_FAILED', 'role');
    await expectProblem({ userId: 'not-a-uuid', role: 'Debt' }, 400, 'VALIDATION_FAILED', 'userId');
    await expectProblem(
      { userId: w.specialist.id, role: 'Debt', hours: 0.1 },
      400,
      'VALIDATION_FAILED',
      'hours',
    );
    await expectProblem({ userId: foreigner.id, role: 'Debt' }, 404, 'USER_NOT_FOUND', 'userId');
    await expectProblem({ userId: disabled.id, role: 'Debt' }, 404, 'USER_NOT_FOUND', 'userId');
    await expectProblem({ userId: w.owner.id, role: 'Debt' }, 400, 'VALIDATION_FAILED', 'userId');
    await addSpecialist(w);
    await expectProblem({ userId: w.specialist.id, role: 'Debt' }, 409, 'CONFLICT', 'userId');
    // Only the one good request left a share behind.
    expect(
      await t.db.selectFrom('case_shares').select('id').where('case_id', '=', w.theCase.id).execute(),
    ).toHaveLength(1);
  });

  it('answers 404 for an unknown specialist and for a case one may not see', async () => {
    const w = await world();
    const unknown = await send(
      w.ownerSession,
      'POST',
      `${specialistsUrl(w)}/00000000-0000-4000-8000-000000000000/remove`,
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'SPECIALIST_NOT_FOUND' });
    const added = await addSpecialist(w);
    // A specialist of another case is not found on this one.
    const otherCase = await insertCase(t.db, { orgId: w.org.id, ownerId: w.owner.id });
    const elsewhere = await send(
      w.ownerSession,
      'POST',
      `/api/cases/${otherCase.id}/specialists/${added.id}/remove`,
    );
    expect(elsewhere.json()).toMatchObject({ code: 'SPECIALIST_NOT_FOUND' });
    for (const [method, url] of [
      ['GET', specialistsUrl(w)],
      ['POST', `${specialistsUrl(w)}/${added.id}/remove`],
    ] as const) {
      const res = await send(w.outsiderSession, method, url);
      expect(res.json(), url).toMatchObject({ status: 404, code: 'CASE_NOT_FOUND' });
    }
    // The specialist (a covering colleague now) may not remove themself or add others.
    const self = await send(w.specialistSession, 'POST', `${specialistsUrl(w)}/${added.id}/remove`);
    expect(self.statusCode).toBe(403);
  });
});
