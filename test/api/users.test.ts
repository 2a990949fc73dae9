import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { AppError } from '../../src/domain/errors.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.ts';
import { systemClock } from '../../src/services/context.ts';
import { updateUser } from '../../src/services/users/update-user.ts';
import { buildTestApp, type SignedIn, signInAs } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

let appPromise: Promise<App> | undefined;
/** One app for the file; sign-ins are many, so the per-IP login limit is raised. */
const getApp = () => (appPromise ??= buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } }));

const NEW_PASSWORD = 'plum orchard lantern seventeen';

async function send(
  session: SignedIn | undefined,
  method: 'GET' | 'POST' | 'PATCH',
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

/** A fresh organisation with a signed-in admin (TOTP enrolled, as admins must be). */
async function orgWithAdmin() {
  const org = await insertOrganisation(t.db);
  const admin = await insertUser(t.db, { orgId: org.id, roles: ['admin'], totp: true });
  const session = await signInAs(await getApp(), admin);
  expect(session.stage).toBe('full');
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

/** Audit details hold ids, codes and field names: none of these personal values. */
function expectNoPersonalData(details: unknown, values: readonly string[]) {
  const text = JSON.stringify(details).toLowerCase();
  for (const v of values) expect(text).not.toContain(v.toLowerCase());
}

/** Whether a backend of this test database is waiting for a lock. */
async function someoneWaitsOnALock(): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(t.db);
  return (rows[0]?.n ?? 0) > 0;
}

const userRow = (id: string) =>
  t.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('POST /api/users', () => {
  it('lets an admin add a person who can then sign in, and audits it without personal data', async () => {
    const { org, session } = await orgWithAdmin();
    const team = await insertTeam(t.db, { orgId: org.id });
    const body = {
      email: 'Priya.Shah@Example.org',
      displayName: 'Priya Shah',
      roles: ['adviser'],
      password: NEW_PASSWORD,
      teamId: team.id,
    };
    const res = await send(session, 'POST', '/api/users', body);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      email: 'priya.shah@example.org',
      displayName: 'Priya Shah',
      roles: ['adviser'],
      status: 'active',
      totpEnabled: false,
      lockedOut: false,
      teams: [{ id: team.id, name: team.name, role: 'member' }],
    });
    expect(res.body).not.toMatch(/password|totp_secret|argon2/i);

    const signedIn = await signInAs(await getApp(), {
      email: 'priya.shah@example.org',
      password: NEW_PASSWORD,
    });
    expect(signedIn.stage).toBe('full');

    const [event] = await auditRows(org.id, 'user.created');
    expect(event).toMatchObject({ entity_type: 'user', entity_id: created.id });
    expect(event?.details).toEqual({ roles: ['adviser'], teamId: team.id, teamRole: 'member' });
    expectNoPersonalData(event?.details, ['priya', 'shah', NEW_PASSWORD]);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('makes a new admin set up an authenticator app at first sign-in', async () => {
    const { session } = await orgWithAdmin();
    const email = `new-admin-${Date.now()}@example.org`;
    const res = await send(session, 'POST', '/api/users', {
      email,
      displayName: 'Second Admin',
      roles: ['admin'],
      password: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(201);
    expect((await signInAs(await getApp(), { email, password: NEW_PASSWORD })).stage).toBe('enrol');
  });

  it('refuses an adviser with 403 FORBIDDEN and audits the denial', async () => {
    const org = await insertOrganisation(t.db);
    const adviser = await insertUser(t.db, { orgId: org.id, roles: ['adviser'] });
    const session = await signInAs(await getApp(), adviser);
    const res = await send(session, 'POST', '/api/users', {
      email: 'sneaky@example.org',
      displayName: 'Sneaky',
      roles: ['admin'],
      password: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    const [denial] = await auditRows(org.id, 'access.denied');
    expect(denial).toMatchObject({ actor_id: adviser.id, details: { policy: 'users.manage' } });
    const found = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'sneaky@example.org')
      .execute();
    expect(found).toEqual([]);
  });

  it('names every failing field in a problem+json answer', async () => {
    const { session } = await orgWithAdmin();
    const res = await send(session, 'POST', '/api/users', {
      email: 'not-an-email',
      displayName: '',
      roles: [],
      password: 'short',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem).toMatchObject({ code: 'VALIDATION_FAILED', field: 'email' });
    const fields = problem.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'displayName', 'roles', 'password']));
  });

  it('refuses a team role without a team, and a team supervisor without the supervisor role', async () => {
    const { org, session } = await orgWithAdmin();
    const team = await insertTeam(t.db, { orgId: org.id });
    const base = {
      email: 'x@example.org',
      displayName: 'X Person',
      roles: ['adviser'],
      password: NEW_PASSWORD,
    };
    const noTeam = await send(session, 'POST', '/api/users', { ...base, teamRole: 'member' });
    expect(noTeam.json()).toMatchObject({ status: 400, field: 'teamRole' });
    const notSupervisor = await send(session, 'POST', '/api/users', {
      ...base,
      teamId: team.id,
      teamRole: 'supervisor',
    });
    expect(notSupervisor.json()).toMatchObject({ status: 400, field: 'teamRole' });
  });

  it('answers 409 EMAIL_TAKEN on the email field for an address in use, whatever its case', async () => {
    const { org, session } = await orgWithAdmin();
    const existing = await insertUser(t.db, { orgId: org.id });
    const res = await send(session, 'POST', '/api/users', {
      email: existing.email.toUpperCase(),
      displayName: 'Someone Else',
      roles: ['adviser'],
      password: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'EMAIL_TAKEN', field: 'email' });
  });

  it('refuses a common password with WEAK_PASSWORD on the password field', async () => {
    const { session } = await orgWithAdmin();
    const res = await send(session, 'POST', '/api/users', {
      email: 'weak@example.org',
      displayName: 'Weak Password',
      roles: ['adviser'],
      password: 'password1234',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'WEAK_PASSWORD', field: 'password' });
  });

  it('answers TEAM_NOT_FOUND on teamId for a team of another organisation', async () => {
    const { session } = await orgWithAdmin();
    const foreignTeam = await insertTeam(t.db);
    const res = await send(session, 'POST', '/api/users', {
      email: 'teamless@example.org',
      displayName: 'Teamless',
      roles: ['adviser'],
      password: NEW_PASSWORD,
      teamId: foreignTeam.id,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'TEAM_NOT_FOUND', field: 'teamId' });
  });

  it('refuses a write without the x-csrf-token header with 403 CSRF_FAILED', async () => {
    const { session } = await orgWithAdmin();
    const res = await send(
      session,
      'POST',
      '/api/users',
      { email: 'csrf@example.org', displayName: 'Csrf', roles: ['adviser'], password: NEW_PASSWORD },
      { csrf: false },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'CSRF_FAILED' });
    const found = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'csrf@example.org')
      .execute();
    expect(found).toEqual([]);
  });
});

describe('GET /api/users and /api/users/:id', () => {
  it('lists only the organisation’s users, with teams and lock state, never secrets', async () => {
    const { org, admin, session } = await orgWithAdmin();
    const team = await insertTeam(t.db, { orgId: org.id });
    const member = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
    await t.db.updateTable('users').set({ failed_logins: 100 }).where('id', '=', member.id).execute();
    const stranger = await insertUser(t.db);
    const res = await send(session, 'GET', '/api/users');
    expect(res.statusCode).toBe(200);
    const users: { id: string; lockedOut: boolean; teams: unknown[]; totpEnabled: boolean }[] =
      res.json().users;
    expect(users.map((u) => u.id).sort()).toEqual([admin.id, member.id].sort());
    expect(users.find((u) => u.id === member.id)).toMatchObject({
      lockedOut: true,
      teams: [{ id: team.id, name: team.name, role: 'member' }],
    });
    expect(users.find((u) => u.id === admin.id)).toMatchObject({ lockedOut: false, totpEnabled: true });
    expect(res.body).not.toContain(stranger.email);
    expect(res.body).not.toContain(admin.totpSecret);
    expect(res.body).not.toContain(admin.password_hash);
  });

  it('lets an adviser see themself but nobody else, and refuses them the directory', async () => {
    const org = await insertOrganisation(t.db);
    const adviser = await insertUser(t.db, { orgId: org.id });
    const colleague = await insertUser(t.db, { orgId: org.id });
    const session = await signInAs(await getApp(), adviser);
    expect((await send(session, 'GET', `/api/users/${adviser.id}`)).json()).toMatchObject({ id: adviser.id });
    const other = await send(session, 'GET', `/api/users/${colleague.id}`);
    expect(other.statusCode).toBe(403);
    expect(other.body).not.toContain(colleague.email);
    const [denial] = await auditRows(org.id, 'access.denied');
    expect(denial).toMatchObject({ entity_id: colleague.id, details: { policy: 'user.view' } });
    expect((await send(session, 'GET', '/api/users')).statusCode).toBe(403);
  });

  it('answers 404 for a user of another organisation, to a supervisor as to an admin', async () => {
    const org = await insertOrganisation(t.db);
    const supervisor = await insertUser(t.db, { orgId: org.id, roles: ['supervisor'], totp: true });
    const session = await signInAs(await getApp(), supervisor);
    const stranger = await insertUser(t.db);
    const res = await send(session, 'GET', `/api/users/${stranger.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'USER_NOT_FOUND' });
    expect(res.body).not.toContain(stranger.email);
  });

  it('validates the id in the path', async () => {
    const { session } = await orgWithAdmin();
    const res = await send(session, 'GET', '/api/users/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'params.id' });
  });

  it('answers 401 to a signed-out caller', async () => {
    expect((await send(undefined, 'GET', '/api/users')).statusCode).toBe(401);
  });
});

describe('PATCH /api/users/:id', () => {
  it('disabling a person ends their live session at once, and they cannot sign in again', async () => {
    const { org, session } = await orgWithAdmin();
    const adviser = await insertUser(t.db, { orgId: org.id });
    const theirs = await signInAs(await getApp(), adviser);
    expect((await send(theirs, 'GET', `/api/users/${adviser.id}`)).statusCode).toBe(200);

    const res = await send(session, 'PATCH', `/api/users/${adviser.id}`, { status: 'disabled' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'disabled' });

    // Gone from the database at once, not only refused when next seen.
    const sessions = await t.db
      .selectFrom('sessions')
      .select('user_id')
      .where('user_id', '=', adviser.id)
      .execute();
    expect(sessions).toEqual([]);
    const after = await send(theirs, 'GET', `/api/users/${adviser.id}`);
    expect(after.statusCode).toBe(401);
    await expect(signInAs(await getApp(), adviser)).rejects.toThrow(/401/);

    const [event] = await auditRows(org.id, 'user.updated');
    expect(event?.details).toEqual({
      fields: ['status'],
      status: 'disabled',
      previousStatus: 'active',
      sessionsEnded: 1,
    });
  });

  it('audits changed field names and roles, never the new name', async () => {
    const { org, session } = await orgWithAdmin();
    const person = await insertUser(t.db, { orgId: org.id, displayName: 'Old Name' });
    const res = await send(session, 'PATCH', `/api/users/${person.id}`, {
      displayName: 'Amara Okafor',
      roles: ['auditor', 'adviser'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: 'Amara Okafor', roles: ['adviser', 'auditor'] });
    const [event] = await auditRows(org.id, 'user.updated');
    expect(event?.details).toEqual({
      fields: ['displayName', 'roles'],
      roles: ['adviser', 'auditor'],
      previousRoles: ['adviser'],
    });
    expectNoPersonalData(event?.details, ['Amara', 'Okafor', 'Old Name', person.email]);
  });

  it('ends the sessions of a person who gains the admin role without an authenticator app', async () => {
    const { org, session } = await orgWithAdmin();
    const adviser = await insertUser(t.db, { orgId: org.id });
    const theirs = await signInAs(await getApp(), adviser);
    const res = await send(session, 'PATCH', `/api/users/${adviser.id}`, { roles: ['adviser', 'admin'] });
    expect(res.statusCode).toBe(200);
    expect((await send(theirs, 'GET', `/api/users/${adviser.id}`)).statusCode).toBe(401);
    expect((await signInAs(await getApp(), adviser)).stage).toBe('enrol');
  });

  it('turns team supervisions into memberships when the supervisor role goes', async () => {
    const { org, session } = await orgWithAdmin();
    const team = await insertTeam(t.db, { orgId: org.id });
    const lead = await insertUser(t.db, {
      orgId: org.id,
      roles: ['supervisor'],
      totp: true,
      team: { id: team.id, role: 'supervisor' },
    });
    const res = await send(session, 'PATCH', `/api/users/${lead.id}`, { roles: ['adviser'] });
    expect(res.json()).toMatchObject({ roles: ['adviser'], teams: [{ id: team.id, role: 'member' }] });
    const [event] = await auditRows(org.id, 'user.updated');
    expect(event?.details).toMatchObject({ teamsDemoted: [team.id] });
  });

  it('refuses an admin disabling themself or dropping their own admin role (SELF_LOCKOUT)', async () => {
    const { org, admin, session } = await orgWithAdmin();
    await insertUser(t.db, { orgId: org.id, roles: ['admin'] }); // another admin: not the last
    const disable = await send(session, 'PATCH', `/api/users/${admin.id}`, { status: 'disabled' });
    expect(disable.statusCode).toBe(409);
    expect(disable.json()).toMatchObject({ code: 'SELF_LOCKOUT' });
    const demote = await send(session, 'PATCH', `/api/users/${admin.id}`, { roles: ['adviser'] });
    expect(demote.json()).toMatchObject({ code: 'SELF_LOCKOUT' });
    expect(await userRow(admin.id)).toMatchObject({ status: 'active', roles: ['admin'] });
    const renamed = await send(session, 'PATCH', `/api/users/${admin.id}`, { roles: ['admin', 'auditor'] });
    expect(renamed.statusCode).toBe(200);
  });

  it('refuses to take away the last active admin (LAST_ADMIN)', async () => {
    // The admin acting was disabled by another admin a moment ago; their request was already
    // authorised. Only the target is left as an active admin, so it must stay one.
    const org = await insertOrganisation(t.db);
    const acting = await insertUser(t.db, { orgId: org.id, roles: ['admin'], status: 'disabled' });
    const last = await insertUser(t.db, { orgId: org.id, roles: ['admin'] });
    const ctx = {
      db: t.db,
      clock: systemClock,
      actor: { id: acting.id, orgId: org.id, roles: ['admin'] as const, teamIds: [], supervisedTeamIds: [] },
    };
    for (const change of [{ status: 'disabled' as const }, { roles: ['adviser' as const] }]) {
      const error = await updateUser(ctx, last.id, change).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'LAST_ADMIN' });
    }
    expect(await userRow(last.id)).toMatchObject({ status: 'active', roles: ['admin'] });
  });

  it('keeps an active admin when two admins disable each other at the same moment', async () => {
    const org = await insertOrganisation(t.db);
    const a = await insertUser(t.db, { orgId: org.id, roles: ['admin'], totp: true });
    const b = await insertUser(t.db, { orgId: org.id, roles: ['admin'], totp: true });
    const sa = await signInAs(await getApp(), a);
    // B's request disabling A is mid-transaction (row written, not committed) when A's request
    // to disable B arrives: A's request must wait for it, then see that B would be the last admin.
    let commitOther!: () => void;
    let otherWritten!: () => void;
    const written = new Promise<void>((resolve) => (otherWritten = resolve));
    const other = t.db.transaction().execute(async (tx) => {
      await tx.updateTable('users').set({ status: 'disabled' }).where('id', '=', a.id).execute();
      otherWritten();
      await new Promise<void>((resolve) => (commitOther = resolve));
    });
    await written;
    const attempt = send(sa, 'PATCH', `/api/users/${b.id}`, { status: 'disabled' });
    let settled = false;
    void attempt.finally(() => (settled = true));
    // Wait until A's request blocks on the row lock (or, were it not to lock, finishes on its own).
    while (!settled && !(await someoneWaitsOnALock())) await new Promise((r) => setTimeout(r, 10));
    commitOther();
    await other;
    const res = await attempt;
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'LAST_ADMIN' });
    expect((await userRow(b.id)).status).toBe('active');
  });

  it('answers 404 for another organisation’s user and leaves them alone', async () => {
    const { session } = await orgWithAdmin();
    const stranger = await insertUser(t.db, { totp: true });
    for (const [method, url, payload] of [
      ['PATCH', `/api/users/${stranger.id}`, { status: 'disabled' }],
      ['POST', `/api/users/${stranger.id}/reset-totp`, undefined],
      ['POST', `/api/users/${stranger.id}/unlock`, undefined],
    ] as const) {
      const res = await send(session, method, url, payload);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'USER_NOT_FOUND' });
    }
    const row = await userRow(stranger.id);
    expect(row.status).toBe('active');
    expect(row.totp_secret).toBe(stranger.totpSecret);
  });

  it('rejects an empty change and fields that cannot be changed here', async () => {
    const { org, session } = await orgWithAdmin();
    const person = await insertUser(t.db, { orgId: org.id });
    const empty = await send(session, 'PATCH', `/api/users/${person.id}`, {});
    expect(empty.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const email = await send(session, 'PATCH', `/api/users/${person.id}`, { email: 'new@example.org' });
    expect(email.statusCode).toBe(400);
    const status = await send(session, 'PATCH', `/api/users/${person.id}`, { status: 'gone' });
    expect(status.json()).toMatchObject({ status: 400, field: 'status' });
    expect((await userRow(person.id)).email).toBe(person.email);
  });

  it('refuses a change without the x-csrf-token header', async () => {
    const { org, session } = await orgWithAdmin();
    const person = await insertUser(t.db, { orgId: org.id });
    const res = await send(
      session,
      'PATCH',
      `/api/users/${person.id}`,
      { status: 'disabled' },
      { csrf: false },
    );
    expect(res.json()).toMatchObject({ status: 403, code: 'CSRF_FAILED' });
    expect((await userRow(person.id)).status).toBe('active');
  });
});

describe('POST /api/users/:id/reset-totp and /unlock', () => {
  it('removes the authenticator app and recovery codes and ends the person’s sessions', async () => {
    const { org, session } = await orgWithAdmin();
    const supervisor = await insertUser(t.db, { orgId: org.id, roles: ['supervisor'], totp: true });
    await t.db
      .insertInto('recovery_codes')
      .values({ org_id: org.id, user_id: supervisor.id, code_hash: 'x', used_at: null })
      .execute();
    const theirs = await signInAs(await getApp(), supervisor);
    const res = await send(session, 'POST', `/api/users/${supervisor.id}/reset-totp`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ totpEnabled: false });
    expect((await send(theirs, 'GET', `/api/users/${supervisor.id}`)).statusCode).toBe(401);
    expect(await userRow(supervisor.id)).toMatchObject({ totp_secret: null, totp_enabled_at: null });
    const codes = await t.db
      .selectFrom('recovery_codes')
      .select('code_hash')
      .where('user_id', '=', supervisor.id)
      .execute();
    expect(codes).toEqual([]);
    expect((await signInAs(await getApp(), supervisor)).stage).toBe('enrol');
    const [event] = await auditRows(org.id, 'user.totp_reset');
    expect(event).toMatchObject({
      entity_id: supervisor.id,
      details: { hadAuthenticator: true, sessionsEnded: 1 },
    });
  });

  it('unlocks a locked-out account so the person can sign in again', async () => {
    const { org, session } = await orgWithAdmin();
    const person = await insertUser(t.db, { orgId: org.id });
    await t.db.updateTable('users').set({ failed_logins: 100 }).where('id', '=', person.id).execute();
    await expect(signInAs(await getApp(), person)).rejects.toThrow(/423/);
    const res = await send(session, 'POST', `/api/users/${person.id}/unlock`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ lockedOut: false });
    expect((await signInAs(await getApp(), person)).stage).toBe('full');
    const [event] = await auditRows(org.id, 'user.unlocked');
    expect(event).toMatchObject({ entity_id: person.id, details: { failedLogins: 100 } });
  });

  it('is for admins only: a supervisor is refused and the refusal audited', async () => {
    const org = await insertOrganisation(t.db);
    const supervisor = await insertUser(t.db, { orgId: org.id, roles: ['supervisor'], totp: true });
    const person = await insertUser(t.db, { orgId: org.id });
    await t.db.updateTable('users').set({ failed_logins: 100 }).where('id', '=', person.id).execute();
    const session = await signInAs(await getApp(), supervisor);
    const res = await send(session, 'POST', `/api/users/${person.id}/unlock`);
    expect(res.json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect((await userRow(person.id)).failed_logins).toBe(100);
    expect(await auditRows(org.id, 'access.denied')).toHaveLength(1);
  });
});
