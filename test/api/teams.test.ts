import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.ts';
import { buildTestApp, type SignedIn, signInAs } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } }));

async function send(
  session: SignedIn | undefined,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  opts: { csrf?: boolean } = {},
) {
  const app = await getApp();
  const headers: Record<string, string> = {};
  if (session) headers.cookie = session.cookie;
  if (session && opts.csrf !== false) headers['x-csrf-token'] = session.csrfToken;
  return app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
}

async function orgWithAdmin() {
  const org = await insertOrganisation(t.db);
  const admin = await insertUser(t.db, { orgId: org.id, roles: ['admin'], totp: true });
  const session = await signInAs(await getApp(), admin);
  return { org, admin, session };
}

const auditRows = (orgId: string, action: string) =>
  t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

const membersOf = (teamId: string) =>
  t.db.selectFrom('team_members').select(['user_id', 'role']).where('team_id', '=', teamId).execute();

describe('POST /api/teams', () => {
  it('lets an admin add a team, audited without its name', async () => {
    const { org, session } = await orgWithAdmin();
    const res = await send(session, 'POST', '/api/teams', { name: '  Housing Rights  ' });
    expect(res.statusCode).toBe(201);
    const team = res.json();
    expect(team).toMatchObject({ name: 'Housing Rights', members: [] });
    const [event] = await auditRows(org.id, 'team.created');
    expect(event).toMatchObject({ entity_type: 'team', entity_id: team.id, details: {} });
    expect(JSON.stringify(event?.details)).not.toContain('Housing');
  });

  it('answers 409 TEAM_NAME_TAKEN on the name field for a name in use, ignoring case', async () => {
    const { org, session } = await orgWithAdmin();
    await insertTeam(t.db, { orgId: org.id, name: 'Debt Advice' });
    const res = await send(session, 'POST', '/api/teams', { name: 'debt advice' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'TEAM_NAME_TAKEN', field: 'name' });
  });

  it('allows a name another organisation uses', async () => {
    const { session } = await orgWithAdmin();
    await insertTeam(t.db, { name: 'Welfare Benefits' });
    expect((await send(session, 'POST', '/api/teams', { name: 'Welfare Benefits' })).statusCode).toBe(201);
  });

  it('names the failing field of an invalid team', async () => {
    const { session } = await orgWithAdmin();
    const res = await send(session, 'POST', '/api/teams', { name: '   ' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'name' });
  });

  it('refuses an adviser with 403 and audits the denial', async () => {
    const org = await insertOrganisation(t.db);
    const adviser = await insertUser(t.db, { orgId: org.id });
    const session = await signInAs(await getApp(), adviser);
    const res = await send(session, 'POST', '/api/teams', { name: 'Shadow Team' });
    expect(res.json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    const [denial] = await auditRows(org.id, 'access.denied');
    expect(denial).toMatchObject({ actor_id: adviser.id, details: { policy: 'users.manage' } });
    expect(await t.db.selectFrom('teams').select('id').where('org_id', '=', org.id).execute()).toEqual([]);
  });

  it('refuses a write without the x-csrf-token header', async () => {
    const { org, session } = await orgWithAdmin();
    const res = await send(session, 'POST', '/api/teams', { name: 'No Token' }, { csrf: false });
    expect(res.json()).toMatchObject({ status: 403, code: 'CSRF_FAILED' });
    expect(await t.db.selectFrom('teams').select('id').where('org_id', '=', org.id).execute()).toEqual([]);
  });
});

describe('GET /api/teams', () => {
  it('shows a supervisor their organisation’s teams with members, and no other organisation’s', async () => {
    const org = await insertOrganisation(t.db);
    const team = await insertTeam(t.db, { orgId: org.id, name: 'Employment' });
    const supervisor = await insertUser(t.db, {
      orgId: org.id,
      roles: ['supervisor'],
      totp: true,
      displayName: 'Sam Lead',
      team: { id: team.id, role: 'supervisor' },
    });
    const member = await insertUser(t.db, {
      orgId: org.id,
      displayName: 'Ada Adviser',
      team: { id: team.id, role: 'member' },
    });
    const foreign = await insertTeam(t.db, { name: 'Foreign Team' });
    const session = await signInAs(await getApp(), supervisor);
    const res = await send(session, 'GET', '/api/teams');
    expect(res.statusCode).toBe(200);
    expect(res.json().teams).toEqual([
      {
        id: team.id,
        name: 'Employment',
        createdAt: team.created_at.toISOString(),
        members: [
          { userId: member.id, displayName: 'Ada Adviser', role: 'member' },
          { userId: supervisor.id, displayName: 'Sam Lead', role: 'supervisor' },
        ],
      },
    ]);
    expect(res.body).not.toContain(foreign.id);
  });

  it('is not for advisers', async () => {
    const adviser = await insertUser(t.db);
    const session = await signInAs(await getApp(), adviser);
    expect((await send(session, 'GET', '/api/teams')).statusCode).toBe(403);
  });
});

describe('PUT and DELETE /api/teams/:id/members/:userId', () => {
  it('adds a person, changes their role and takes them out, auditing each step', async () => {
    const { org, session } = await orgWithAdmin();
    const team = await insertTeam(t.db, { orgId: org.id });
    const person = await insertUser(t.db, {
      orgId: org.id,
      roles: ['adviser', 'supervisor'],
      displayName: 'Kim Lee',
    });
    const url = `/api/teams/${team.id}/members/${person.id}`;

    const added = await send(session, 'PUT', url, { role: 'member' });
    expect(added.statusCode).toBe(200);
    expect(added.json().members).toEqual([{ userId: person.id, displayName: 'Kim Lee', role: 'member' }]);
    const promoted = await send(session, 'PUT', url, { role: 'supervisor' });
    expect(promoted.json().members).toEqual([
      { userId: person.id, displayName: 'Kim Lee', role: 'supervisor' },
    ]);
    expect(await membersOf(team.id)).toEqual([{ user_id: person.id, role: 'supervisor' }]);

    const removed = await send(session, 'DELETE', url);
    expect(removed.statusCode).toBe(204);
    expect(await membersOf(team.id)).toEqual([]);
    const again = await send(session, 'DELETE', url);
    expect(again.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });

    const sets = await auditRows(org.id, 'team.member_set');
    expect(sets.map((e) => e.details)).toEqual([
      { userId: person.id, role: 'member', previousRole: null },
      { userId: person.id, role: 'supervisor', previousRole: 'member' },
    ]);
    const [removal] = await auditRows(org.id, 'team.member_removed');
    expect(removal).toMatchObject({
      entity_id: team.id,
      details: { userId: person.id, previousRole: 'supervisor' },
    });
    for (const e of [...sets, removal]) expect(JSON.stringify(e?.details)).not.toMatch(/Kim|Lee|@/);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('refuses to make someone without the supervisor role a team supervisor', async () => {
    const { org, session } = await orgWithAdmin();
    const team = await insertTeam(t.db, { orgId: org.id });
    const adviser = await insertUser(t.db, { orgId: org.id });
    const res = await send(session, 'PUT', `/api/teams/${team.id}/members/${adviser.id}`, {
      role: 'supervisor',
    });
    expect(res.json()).toMatchObject({ status: 409, code: 'CONFLICT', field: 'role' });
    expect(await membersOf(team.id)).toEqual([]);
  });

  it('answers 404 for another organisation’s team or user, and changes nothing', async () => {
    const { org, session } = await orgWithAdmin();
    const ownTeam = await insertTeam(t.db, { orgId: org.id });
    const ownUser = await insertUser(t.db, { orgId: org.id });
    const foreignTeam = await insertTeam(t.db);
    const foreignUser = await insertUser(t.db, {
      orgId: foreignTeam.org_id,
      team: { id: foreignTeam.id, role: 'member' },
    });

    const intoForeign = await send(session, 'PUT', `/api/teams/${foreignTeam.id}/members/${ownUser.id}`, {
      role: 'member',
    });
    expect(intoForeign.json()).toMatchObject({ status: 404, code: 'TEAM_NOT_FOUND' });
    const foreignIntoOwn = await send(session, 'PUT', `/api/teams/${ownTeam.id}/members/${foreignUser.id}`, {
      role: 'member',
    });
    expect(foreignIntoOwn.json()).toMatchObject({ status: 404, code: 'USER_NOT_FOUND' });
    const removeForeign = await send(
      session,
      'DELETE',
      `/api/teams/${foreignTeam.id}/members/${foreignUser.id}`,
    );
    expect(removeForeign.json()).toMatchObject({ status: 404, code: 'TEAM_NOT_FOUND' });

    expect(await membersOf(foreignTeam.id)).toEqual([{ user_id: foreignUser.id, role: 'member' }]);
    expect(await membersOf(ownTeam.id)).toEqual([]);
  });

  it('validates ids in the path and the role', async () => {
    const { org, session } = await orgWithAdmin();
    const team = await insertTeam(t.db, { orgId: org.id });
    const person = await insertUser(t.db, { orgId: org.id });
    const badId = await send(session, 'PUT', `/api/teams/nope/members/${person.id}`, { role: 'member' });
    expect(badId.json()).toMatchObject({ status: 400, field: 'params.id' });
    const badRole = await send(session, 'PUT', `/api/teams/${team.id}/members/${person.id}`, {
      role: 'boss',
    });
    expect(badRole.json()).toMatchObject({ status: 400, field: 'role' });
  });

  it('is for admins only, and needs the x-csrf-token header', async () => {
    const org = await insertOrganisation(t.db);
    const team = await insertTeam(t.db, { orgId: org.id });
    const supervisor = await insertUser(t.db, { orgId: org.id, roles: ['supervisor'], totp: true });
    const person = await insertUser(t.db, { orgId: org.id });
    const session = await signInAs(await getApp(), supervisor);
    const url = `/api/teams/${team.id}/members/${person.id}`;
    expect((await send(session, 'PUT', url, { role: 'member' })).json()).toMatchObject({ code: 'FORBIDDEN' });
    expect((await send(session, 'PUT', url, { role: 'member' }, { csrf: false })).json()).toMatchObject({
      code: 'CSRF_FAILED',
    });
    expect(await membersOf(team.id)).toEqual([]);
  });
});
