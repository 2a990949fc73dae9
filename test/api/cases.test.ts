import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.ts';
import { buildTestApp, type SignedIn, signInAs, TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertClient, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

const ENV = {
  CASELOAD_LOGIN_IP_LIMIT: '100000',
  // Clock-driven tests move time by hours: sessions must outlive that.
  CASELOAD_SESSION_IDLE_MINUTES: '1440',
  CASELOAD_SESSION_ABSOLUTE_HOURS: '72',
};

let sharedApp: Promise<App> | undefined;
const getApp = () => (sharedApp ??= buildTestApp(t, { env: ENV }));

/** An app with its own settable clock (sign supervisors in before moving it: TOTP uses real time). */
async function clockedApp(start?: Date) {
  const clock = new TestClock(start);
  return { app: await buildTestApp(t, { env: ENV, clock }), clock };
}

type User = Awaited<ReturnType<typeof insertUser>>;

/** One sign-in per user and app (a TOTP code is accepted only once). */
const sessions = new WeakMap<App, Map<string, Promise<SignedIn>>>();
function sessionOf(app: App, user: User): Promise<SignedIn> {
  const byUser = sessions.get(app) ?? new Map<string, Promise<SignedIn>>();
  sessions.set(app, byUser);
  const s = byUser.get(user.id) ?? signInAs(app, user);
  byUser.set(user.id, s);
  return s;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Requests as `user` on `app` (the shared app unless given). */
function as(user: User, app?: App) {
  return async (method: Method, url: string, payload?: object) => {
    const a = app ?? (await getApp());
    const s = await sessionOf(a, user);
    return a.inject({
      method,
      url,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      ...(payload ? { payload } : {}),
    });
  };
}

const SAFE_CONTACT = {
  voicemail: false,
  letters: false,
  safeTimes: 'Weekdays 10–12',
  notes: 'Use the mobile only',
};
const ACCESS_NEEDS = { interpreter: true, language: 'Tigrinya' };

/** An organisation with two teams, their advisers and supervisors, and a client of team A's adviser. */
async function world() {
  const org = await insertOrganisation(t.db);
  const teamA = await insertTeam(t.db, { orgId: org.id, name: 'Team A' });
  const teamB = await insertTeam(t.db, { orgId: org.id, name: 'Team B' });
  const member = (teamId: string, displayName: string) =>
    insertUser(t.db, { orgId: org.id, displayName, team: { id: teamId, role: 'member' } });
  const supervisorOf = (teamId: string, displayName: string) =>
    insertUser(t.db, {
      orgId: org.id,
      displayName,
      roles: ['supervisor'],
      totp: true,
      team: { id: teamId, role: 'supervisor' },
    });
  const adviser = await member(teamA.id, 'Asha Adviser');
  const teammate = await member(teamA.id, 'Tom Teammate');
  const supervisor = await supervisorOf(teamA.id, 'Sue Supervisor');
  const outsider = await member(teamB.id, 'Otto Outsider');
  const otherSupervisor = await supervisorOf(teamB.id, 'Bea Breakglass');
  const client = await insertClient(t.db, {
    orgId: org.id,
    createdBy: adviser.id,
    legalName: 'Janet Quill',
  });
  await t.db
    .updateTable('clients')
    .set({
      preferred_name: 'Jan',
      pronouns: 'she/her',
      safe_contact: JSON.stringify(SAFE_CONTACT),
      access_needs: JSON.stringify(ACCESS_NEEDS),
    })
    .where('id', '=', client.id)
    .execute();
  const types = await t.db
    .selectFrom('case_types')
    .select(['id', 'key'])
    .where('org_id', '=', org.id)
    .execute();
  const typeId = (key: string) => types.find((ty) => ty.key === key)?.id ?? '';
  return { org, teamA, teamB, adviser, teammate, supervisor, outsider, otherSupervisor, client, typeId };
}
type World = Awaited<ReturnType<typeof world>>;

const PRESENTING = 'Universal Credit sanction after a missed appointment';

const openBody = (w: World, over: Record<string, unknown> = {}) => ({
  clientId: w.client.id,
  caseTypeId: w.typeId('welfare-benefits'),
  presentingIssue: PRESENTING,
  desiredOutcome: 'Sanction lifted',
  vulnerabilityIndicators: ['mental health'],
  ...over,
});

/** Opens a case through the API as the world's adviser. */
async function openAs(w: World, user: User = w.adviser, over: Record<string, unknown> = {}, app?: App) {
  const res = await as(user, app)('POST', '/api/cases', openBody(w, over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const auditRows = (orgId: string, action: string) =>
  t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

const countRows = async (table: 'cases' | 'field_changes' | 'case_shares' | 'case_flags', orgId: string) =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', orgId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const notificationsOf = (userId: string) =>
  t.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();

describe('POST /api/cases', () => {
  it('opens a case with a CL reference, the client summary and the owner’s only team, audited without text', async () => {
    const w = await world();
    const body = await openAs(w);
    const year = new Date().getFullYear();
    expect(body.reference).toMatch(new RegExp(`^CL-(${year - 1}|${year}|${year + 1})-\\d{6}$`));
    expect(body).toMatchObject({
      client: {
        id: w.client.id,
        displayName: 'Jan',
        legalName: 'Janet Quill',
        pronouns: 'she/her',
        safeContact: SAFE_CONTACT,
        accessNeeds: ACCESS_NEEDS,
      },
      type: { key: 'welfare-benefits', name: 'Welfare benefits' },
      presentingIssue: PRESENTING,
      desiredOutcome: 'Sanction lifted',
      status: 'open',
      owner: { id: w.adviser.id, displayName: 'Asha Adviser' },
      team: { id: w.teamA.id, name: 'Team A' },
      complexityWeight: 1,
      vulnerabilityIndicators: ['mental health'],
      flags: [],
      shares: [],
      history: [],
      yourAccess: { contribute: true, manage: true },
    });
    const [event] = await auditRows(w.org.id, 'case.opened');
    expect(event).toMatchObject({ actor_id: w.adviser.id, entity_type: 'case', entity_id: body.id });
    expect(event?.details).toMatchObject({
      clientId: w.client.id,
      ownerId: w.adviser.id,
      teamId: w.teamA.id,
    });
    expect(JSON.stringify(event?.details)).not.toMatch(/sanction|janet|quill|mental/i);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('takes the year from the organisation’s time zone', async () => {
    // 12:30 UTC on 31 December is already 1 January in Kiritimati (UTC+14).
    const { app } = await clockedApp(new Date('2026-12-31T12:30:00Z'));
    const w = await world();
    await t.db
      .updateTable('organisations')
      .set({ time_zone: 'Pacific/Kiritimati' })
      .where('id', '=', w.org.id)
      .execute();
    const first = await openAs(w, w.adviser, {}, app);
    expect(first.reference).toBe('CL-2027-000001');
    await t.db
      .updateTable('organisations')
      .set({ time_zone: 'Europe/London' })
      .where('id', '=', w.org.id)
      .execute();
    const second = await openAs(w, w.adviser, {}, app);
    expect(second.reference).toBe('CL-2026-000001');
  });

  it('gives ten cases opened at once ten distinct, consecutive references', async () => {
    const w = await world();
    const send = as(w.adviser);
    await send('GET', '/api/cases'); // sign in first, so the ten requests race only to open
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        send('POST', '/api/cases', openBody(w, { presentingIssue: `Issue ${i}` })),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    const refs = results.map((r) => r.json().reference as string);
    expect(new Set(refs).size).toBe(10);
    const numbers = refs.map((r) => Number(r.slice(-6))).sort((a, b) => a - b);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(refs.map((r) => r.slice(0, 8))).size).toBe(1);
  });

  it('names the failing field and writes nothing for bad input', async () => {
    const w = await world();
    const send = as(w.adviser);
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ complexityWeight: 11 }, 400, 'VALIDATION_FAILED', 'complexityWeight'],
      [{ complexityWeight: 1.234 }, 400, 'VALIDATION_FAILED', 'complexityWeight'],
      [{ presentingIssue: '   ' }, 400, 'VALIDATION_FAILED', 'presentingIssue'],
      [{ vulnerabilityIndicators: ['a', 'A'] }, 400, 'VALIDATION_FAILED', 'vulnerabilityIndicators'],
      [{ clientId: crypto.randomUUID() }, 404, 'CLIENT_NOT_FOUND', 'clientId'],
      [{ caseTypeId: crypto.randomUUID() }, 404, 'CASE_TYPE_NOT_FOUND', 'caseTypeId'],
      [{ teamId: w.teamB.id }, 400, 'VALIDATION_FAILED', 'teamId'],
      [{ ownerId: crypto.randomUUID() }, 404, 'USER_NOT_FOUND', 'ownerId'],
    ];
    for (const [over, status, code, field] of cases) {
      const res = await send('POST', '/api/cases', openBody(w, over));
      expect(res.statusCode, JSON.stringify(over)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json(), JSON.stringify(over)).toMatchObject({ code, field });
    }
    expect(await countRows('cases', w.org.id)).toBe(0);
    expect(await auditRows(w.org.id, 'case.opened')).toEqual([]);
    const counter = await t.db
      .selectFrom('case_reference_counters')
      .selectAll()
      .where('org_id', '=', w.org.id)
      .execute();
    expect(counter).toEqual([]);
  });

  it('asks which team when the owner belongs to several', async () => {
    const w = await world();
    await t.db
      .insertInto('team_members')
      .values({ org_id: w.org.id, team_id: w.teamB.id, user_id: w.adviser.id, role: 'member' })
      .execute();
    const res = await as(w.adviser)('POST', '/api/cases', openBody(w));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'teamId' });
    expect((await openAs(w, w.adviser, { teamId: w.teamB.id })).team.id).toBe(w.teamB.id);
  });

  it('refuses a client the adviser cannot see as CLIENT_NOT_FOUND', async () => {
    const w = await world();
    const res = await as(w.outsider)('POST', '/api/cases', openBody(w));
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'CLIENT_NOT_FOUND', field: 'clientId' });
    expect(res.body).not.toContain('Janet');
  });

  it('lets someone who may see one of the client’s cases open another for them', async () => {
    const w = await world();
    await openAs(w);
    const second = await openAs(w, w.supervisor, { ownerId: w.supervisor.id, teamId: w.teamA.id });
    expect(second.owner.id).toBe(w.supervisor.id);
  });

  it('refuses admins and auditors: they do not hold cases', async () => {
    const w = await world();
    const auditor = await insertUser(t.db, { orgId: w.org.id, roles: ['auditor'] });
    const res = await as(auditor)('POST', '/api/cases', openBody(w));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    expect(await countRows('cases', w.org.id)).toBe(0);
  });

  it('lets a supervisor open a case for a member of their team, who is notified; not for another team', async () => {
    const w = await world();
    await openAs(w); // the supervisor sees the client through this case
    const body = await openAs(w, w.supervisor, { ownerId: w.teammate.id });
    expect(body).toMatchObject({ owner: { id: w.teammate.id }, team: { id: w.teamA.id } });
    const [note] = await notificationsOf(w.teammate.id);
    expect(note).toMatchObject({ kind: 'case-assigned', case_id: body.id });
    expect(note?.message).toContain(body.reference);

    const refused = await as(w.supervisor)('POST', '/api/cases', openBody(w, { ownerId: w.outsider.id }));
    expect(refused.statusCode).toBe(403);
    const byAdviser = await as(w.adviser)('POST', '/api/cases', openBody(w, { ownerId: w.teammate.id }));
    expect(byAdviser.statusCode).toBe(403);
    expect(await countRows('cases', w.org.id)).toBe(2);
  });
});

describe('who sees a case', () => {
  it('answers another team’s adviser 404 with no case data, on every case route', async () => {
    const w = await world();
    const kase = await openAs(w);
    const send = as(w.outsider);
    const attempts = [
      await send('GET', `/api/cases/${kase.id}`),
      await send('PATCH', `/api/cases/${kase.id}`, { presentingIssue: 'Changed' }),
      await send('POST', `/api/cases/${kase.id}/status`, { status: 'on_hold', reason: 'x' }),
      await send('POST', `/api/cases/${kase.id}/flags`, { kind: 'vulnerability', category: 'x' }),
      await send('POST', `/api/cases/${kase.id}/shares`, { userId: w.outsider.id, reason: 'x' }),
      await send('POST', `/api/cases/${kase.id}/break-glass`, { reason: 'x' }),
    ];
    const missing = await send('GET', `/api/cases/${crypto.randomUUID()}`);
    for (const res of attempts) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'CASE_NOT_FOUND', detail: missing.json().detail });
      for (const secret of [kase.reference, 'Janet', 'Jan', 'Universal Credit', 'Asha', w.client.id]) {
        expect(res.body).not.toContain(secret);
      }
    }
    const list = await send('GET', '/api/cases?scope=team&status=all');
    expect(list.json()).toEqual({ cases: [] });
    const unchanged = await t.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', kase.id)
      .executeTakeFirstOrThrow();
    expect(unchanged.presenting_issue).toBe(PRESENTING);
    expect(await countRows('case_flags', w.org.id)).toBe(0);
    expect(await countRows('case_shares', w.org.id)).toBe(0);
  });

  it('shows the case page to the team’s supervisor, and audits the read', async () => {
    const w = await world();
    const kase = await openAs(w);
    const res = await as(w.supervisor)('GET', `/api/cases/${kase.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      reference: kase.reference,
      client: { displayName: 'Jan', safeContact: SAFE_CONTACT, accessNeeds: ACCESS_NEEDS },
      yourAccess: { contribute: true, manage: true },
    });
    const [event] = await auditRows(w.org.id, 'case.viewed');
    expect(event).toMatchObject({
      actor_id: w.supervisor.id,
      entity_id: kase.id,
      details: { clientId: w.client.id },
    });
  });

  it('lists only cases the reader may see, by scope and status, filtered in the query', async () => {
    const w = await world();
    const mine = await openAs(w);
    const theirClient = await insertClient(t.db, { orgId: w.org.id, createdBy: w.teammate.id });
    const teammates = await openAs(w, w.teammate, {
      clientId: theirClient.id,
      presentingIssue: 'Rent arrears',
    });
    const closed = await insertCase(t.db, {
      orgId: w.org.id,
      ownerId: w.adviser.id,
      teamId: w.teamA.id,
      clientId: w.client.id,
    });
    await t.db
      .updateTable('cases')
      .set({ status: 'closed', outcome: 'Won', closure_reason: 'Done', closed_at: new Date() })
      .where('id', '=', closed.id)
      .execute();
    await as(w.adviser)('POST', `/api/cases/${mine.id}/flags`, {
      kind: 'vulnerability',
      category: 'Mental health',
    });

    const ids = async (user: User, query: string) =>
      ((await as(user)('GET', `/api/cases${query}`)).json().cases as { id: string }[])
        .map((c) => c.id)
        .sort();
    expect(await ids(w.adviser, '')).toEqual([mine.id]);
    expect(await ids(w.adviser, '?status=closed')).toEqual([closed.id]);
    expect(await ids(w.adviser, '?status=all')).toEqual([mine.id, closed.id].sort());
    expect(await ids(w.adviser, '?scope=team')).toEqual([mine.id]); // not the teammate's case
    expect(await ids(w.supervisor, '?scope=team')).toEqual([mine.id, teammates.id].sort());
    expect(await ids(w.supervisor, '?scope=mine')).toEqual([]);
    expect(await ids(w.otherSupervisor, '?scope=team')).toEqual([]);
    expect(await ids(w.teammate, '?scope=shared')).toEqual([]);

    const [item] = (await as(w.adviser)('GET', '/api/cases')).json().cases;
    expect(item).toMatchObject({
      reference: mine.reference,
      client: { id: w.client.id, displayName: 'Jan' },
      type: { key: 'welfare-benefits' },
      status: 'open',
      owner: { id: w.adviser.id, displayName: 'Asha Adviser' },
      team: { id: w.teamA.id, name: 'Team A' },
      openFlags: 1,
    });
    expect(item.lastAttentionAt).toEqual(expect.any(String));
    const listed = await auditRows(w.org.id, 'case.listed');
    expect(listed.at(-1)?.details).toMatchObject({ scope: 'mine', status: 'open', caseIds: [mine.id] });
  });

  it('refuses unknown query parameters and scopes with the field named', async () => {
    const w = await world();
    const res = await as(w.adviser)('GET', '/api/cases?scope=everyone');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'query.scope' });
  });
});

describe('PATCH /api/cases/:id', () => {
  it('keeps each changed field in the history with old and new values, audited by field name', async () => {
    const w = await world();
    const kase = await openAs(w);
    const res = await as(w.adviser)('PATCH', `/api/cases/${kase.id}`, {
      presentingIssue: 'Sanction and rent arrears',
      complexityWeight: 2.5,
      vulnerabilityIndicators: ['mental health', 'digital exclusion'],
      caseTypeId: w.typeId('debt'),
      desiredOutcome: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      presentingIssue: 'Sanction and rent arrears',
      complexityWeight: 2.5,
      desiredOutcome: null,
      type: { key: 'debt' },
    });
    const history = body.history.map((h: { field: string; oldValue: unknown; newValue: unknown }) => [
      h.field,
      h.oldValue,
      h.newValue,
    ]);
    expect(history).toEqual([
      ['presenting_issue', PRESENTING, 'Sanction and rent arrears'],
      ['desired_outcome', 'Sanction lifted', null],
      ['case_type_id', w.typeId('welfare-benefits'), w.typeId('debt')],
      ['complexity_weight', 1, 2.5],
      ['vulnerability_indicators', ['mental health'], ['mental health', 'digital exclusion']],
    ]);
    expect(body.history[0].changedBy).toEqual({ id: w.adviser.id, displayName: 'Asha Adviser' });
    const [event] = await auditRows(w.org.id, 'case.updated');
    expect(event?.details).toEqual({
      fields: [
        'presenting_issue',
        'desired_outcome',
        'case_type_id',
        'complexity_weight',
        'vulnerability_indicators',
      ],
    });
    expect(JSON.stringify(event?.details)).not.toMatch(/arrears|sanction|digital/i);
    // The page shows the same history.
    const page = (await as(w.adviser)('GET', `/api/cases/${kase.id}`)).json();
    expect(page.history).toHaveLength(5);
  });

  it('writes nothing when nothing changes, or when the input is bad', async () => {
    const w = await world();
    const kase = await openAs(w);
    const send = as(w.adviser);
    const same = await send('PATCH', `/api/cases/${kase.id}`, {
      presentingIssue: PRESENTING,
      complexityWeight: 1,
    });
    expect(same.statusCode).toBe(200);
    for (const [body, field] of [
      [{ complexityWeight: 0.2 }, 'complexityWeight'],
      [{ caseTypeId: crypto.randomUUID(), presentingIssue: 'New text' }, 'caseTypeId'],
      [{ ownerId: w.outsider.id }, 'ownerId'],
      [{}, 'body'],
    ] as const) {
      const res = await send('PATCH', `/api/cases/${kase.id}`, body);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.json().field, JSON.stringify(body)).toBe(field);
    }
    expect(await countRows('field_changes', w.org.id)).toBe(0);
    expect(await auditRows(w.org.id, 'case.updated')).toEqual([]);
  });

  it('lets the owner hand the case to a teammate, who is notified; the old owner then loses it', async () => {
    const w = await world();
    const kase = await openAs(w);
    const res = await as(w.adviser)('PATCH', `/api/cases/${kase.id}`, {
      ownerId: w.teammate.id,
      handoverNote: 'Tribunal papers are in the documents; call the client on Monday.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ owner: { id: w.teammate.id }, yourAccess: { manage: false } });
    expect(res.json().history).toMatchObject([
      { field: 'owner_id', oldValue: w.adviser.id, newValue: w.teammate.id },
    ]);
    const [event] = await auditRows(w.org.id, 'case.updated');
    expect(event?.details).toEqual({
      fields: ['owner_id'],
      ownerId: w.teammate.id,
      previousOwnerId: w.adviser.id,
    });
    expect((await notificationsOf(w.teammate.id)).map((n) => n.kind)).toEqual(['case-assigned']);
    expect((await as(w.adviser)('GET', `/api/cases/${kase.id}`)).statusCode).toBe(404);
    expect((await as(w.teammate)('GET', `/api/cases/${kase.id}`)).statusCode).toBe(200);
  });

  it('lets a supervisor move a case into another team they supervise, with an owner from it', async () => {
    const w = await world();
    const kase = await openAs(w);
    // Sue supervises team B too; Otto is in team B.
    await t.db
      .insertInto('team_members')
      .values({ org_id: w.org.id, team_id: w.teamB.id, user_id: w.supervisor.id, role: 'supervisor' })
      .execute();
    const send = as(w.supervisor);
    const ownerOnly = await send('PATCH', `/api/cases/${kase.id}`, { teamId: w.teamB.id });
    expect(ownerOnly.statusCode).toBe(400);
    expect(ownerOnly.json().field).toBe('teamId'); // Asha is not in team B
    const moved = await send('PATCH', `/api/cases/${kase.id}`, {
      teamId: w.teamB.id,
      ownerId: w.outsider.id,
      handoverNote: 'Moving to team B: housing specialism.',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ owner: { id: w.outsider.id }, team: { id: w.teamB.id } });
    // The adviser may not move her own case into a team she is not in.
    const other = await openAs(w);
    const refused = await as(w.adviser)('PATCH', `/api/cases/${other.id}`, { teamId: w.teamB.id });
    expect(refused.statusCode).toBe(403);
  });

  it('refuses a colleague with a share: they may contribute but not manage', async () => {
    const w = await world();
    const kase = await openAs(w);
    await as(w.adviser)('POST', `/api/cases/${kase.id}/shares`, { userId: w.outsider.id, reason: 'Cover' });
    const res = await as(w.outsider)('PATCH', `/api/cases/${kase.id}`, { presentingIssue: 'Changed' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    const [denial] = await auditRows(w.org.id, 'access.denied');
    expect(denial).toMatchObject({
      actor_id: w.outsider.id,
      entity_id: kase.id,
      details: { policy: 'case.manage' },
    });
  });
});

describe('POST /api/cases/:id/status', () => {
  it('holds, closes and reopens a case, keeping every status field in the history', async () => {
    const w = await world();
    const kase = await openAs(w);
    const send = as(w.adviser);
    const url = `/api/cases/${kase.id}/status`;

    const held = await send('POST', url, {
      status: 'on_hold',
      reason: 'Waiting for the mandatory reconsideration',
    });
    expect(held.json()).toMatchObject({
      status: 'on_hold',
      holdReason: 'Waiting for the mandatory reconsideration',
    });
    const closed = await send('POST', url, {
      status: 'closed',
      outcomeKey: 'resolved',
      outcome: 'Sanction lifted',
      closureReason: 'Resolved',
    });
    expect(closed.json()).toMatchObject({
      status: 'closed',
      outcomeType: { key: 'resolved', label: 'Resolved', positive: true },
      outcome: 'Sanction lifted',
      holdReason: null,
    });
    expect(closed.json().closedAt).toEqual(expect.any(String));

    const noReason = await send('POST', url, { status: 'open' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    const toHold = await send('POST', url, { status: 'on_hold', reason: 'x' });
    expect(toHold.statusCode).toBe(409);
    expect(toHold.json()).toMatchObject({ code: 'INVALID_STATUS_CHANGE', field: 'status' });

    const reopened = await send('POST', url, { status: 'open', reason: 'New decision letter' });
    expect(reopened.statusCode).toBe(200);
    const body = reopened.json();
    expect(body).toMatchObject({
      status: 'open',
      outcomeType: null,
      outcome: null,
      closureReason: null,
      closedAt: null,
    });
    expect(body.history).toContainEqual(
      expect.objectContaining({ field: 'outcome_key', oldValue: 'resolved', newValue: null }),
    );
    const statuses = body.history
      .filter((h: { field: string }) => h.field === 'status')
      .map((h: { oldValue: string; newValue: string }) => `${h.oldValue}→${h.newValue}`);
    expect(statuses).toEqual(['open→on_hold', 'on_hold→closed', 'closed→open']);
    expect(body.history).toContainEqual(
      expect.objectContaining({
        field: 'outcome',
        oldValue: 'Sanction lifted',
        newValue: null,
        reason: 'New decision letter',
      }),
    );
    expect(body.history).toContainEqual(
      expect.objectContaining({
        field: 'hold_reason',
        oldValue: null,
        newValue: 'Waiting for the mandatory reconsideration',
      }),
    );
    const events = await auditRows(w.org.id, 'case.status_changed');
    expect(events.map((e) => [e.details.from, e.details.to])).toEqual([
      ['open', 'on_hold'],
      ['on_hold', 'closed'],
      ['closed', 'open'],
    ]);
    expect(JSON.stringify(events.map((e) => e.details))).not.toMatch(/sanction|reconsideration|letter/i);
  });

  it('names the missing field of a closure and changes nothing', async () => {
    const w = await world();
    const kase = await openAs(w);
    const res = await as(w.adviser)('POST', `/api/cases/${kase.id}/status`, {
      status: 'closed',
      outcomeKey: 'resolved',
      outcome: 'Won',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'closureReason' });
    const same = await as(w.adviser)('POST', `/api/cases/${kase.id}/status`, { status: 'open', reason: 'x' });
    expect(same.statusCode).toBe(409);
    expect(await countRows('field_changes', w.org.id)).toBe(0);
    const row = await t.db
      .selectFrom('cases')
      .select('status')
      .where('id', '=', kase.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('open');
  });
});

describe('flags', () => {
  it('raises a safeguarding flag, notifies the team’s supervisor, and resolves it once', async () => {
    const w = await world();
    const kase = await openAs(w);
    const raised = await as(w.adviser)('POST', `/api/cases/${kase.id}/flags`, {
      kind: 'safeguarding',
      category: 'Domestic abuse',
      description: 'Disclosed during the call',
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const flag = raised.json();
    expect(flag).toMatchObject({
      kind: 'safeguarding',
      category: 'Domestic abuse',
      raisedBy: { id: w.adviser.id, displayName: 'Asha Adviser' },
      resolvedAt: null,
    });
    const [note] = await notificationsOf(w.supervisor.id);
    expect(note).toMatchObject({ kind: 'safeguarding-flag', case_id: kase.id });
    expect(note?.message).toContain(kase.reference);
    expect(note?.message).not.toMatch(/domestic|disclosed/i);
    expect(await notificationsOf(w.otherSupervisor.id)).toEqual([]);
    const [event] = await auditRows(w.org.id, 'case.flag_raised');
    expect(event?.details).toEqual({ flagId: flag.id, kind: 'safeguarding', notified: [w.supervisor.id] });

    const page = (await as(w.supervisor)('GET', `/api/cases/${kase.id}`)).json();
    expect(page.flags).toEqual([flag]);

    const url = `/api/cases/${kase.id}/flags/${flag.id}/resolve`;
    const resolved = await as(w.supervisor)('POST', url, { resolution: 'Referred to the IDVA service' });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({
      resolvedBy: { id: w.supervisor.id, displayName: 'Sue Supervisor' },
      resolution: 'Referred to the IDVA service',
      raisedBy: { id: w.adviser.id },
    });
    const again = await as(w.supervisor)('POST', url, { resolution: 'Again' });
    expect(again.statusCode).toBe(409);
    const missing = await as(w.supervisor)(
      'POST',
      `/api/cases/${kase.id}/flags/${crypto.randomUUID()}/resolve`,
      {
        resolution: 'x',
      },
    );
    expect(missing.json().code).toBe('FLAG_NOT_FOUND');
  });

  it('does not notify anyone for a vulnerability flag, and names a bad kind', async () => {
    const w = await world();
    const kase = await openAs(w);
    const ok = await as(w.adviser)('POST', `/api/cases/${kase.id}/flags`, {
      kind: 'vulnerability',
      category: 'Bereavement',
    });
    expect(ok.statusCode).toBe(201);
    expect(await notificationsOf(w.supervisor.id)).toEqual([]);
    const bad = await as(w.adviser)('POST', `/api/cases/${kase.id}/flags`, { kind: 'urgent', category: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'kind' });
    expect(await countRows('case_flags', w.org.id)).toBe(1);
  });
});

describe('shares', () => {
  it('grants a colleague access until the share expires', async () => {
    const { app, clock } = await clockedApp();
    const w = await world();
    const kase = await openAs(w, w.adviser, {}, app);
    const expiresAt = new Date(clock.now().getTime() + 60 * 60_000).toISOString();
    const granted = await as(w.adviser, app)('POST', `/api/cases/${kase.id}/shares`, {
      userId: w.outsider.id,
      reason: 'Covering while I am on leave',
      expiresAt,
    });
    expect(granted.statusCode, granted.body).toBe(201);
    expect(granted.json()).toMatchObject({
      kind: 'share',
      user: { id: w.outsider.id, displayName: 'Otto Outsider' },
      grantedBy: { id: w.adviser.id },
      expiresAt,
      revokedAt: null,
    });
    expect((await notificationsOf(w.outsider.id)).map((n) => n.kind)).toEqual(['case-shared']);
    const outsider = as(w.outsider, app);
    const seen = await outsider('GET', `/api/cases/${kase.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().yourAccess).toEqual({ contribute: true, manage: false });
    expect(
      (await outsider('GET', '/api/cases?scope=shared')).json().cases.map((c: { id: string }) => c.id),
    ).toEqual([kase.id]);
    const dup = await as(w.adviser, app)('POST', `/api/cases/${kase.id}/shares`, {
      userId: w.outsider.id,
      reason: 'x',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().field).toBe('userId');

    clock.advance(61 * 60_000);
    const expired = await outsider('GET', `/api/cases/${kase.id}`);
    expect(expired.statusCode).toBe(404);
    expect(expired.body).not.toContain(kase.reference);
    expect((await outsider('GET', '/api/cases?scope=shared')).json().cases).toEqual([]);
    expect((await as(w.adviser, app)('GET', `/api/cases/${kase.id}`)).json().shares).toEqual([]);
  });

  it('revokes a share at once and keeps it on record', async () => {
    const w = await world();
    const kase = await openAs(w);
    const share = (
      await as(w.adviser)('POST', `/api/cases/${kase.id}/shares`, {
        userId: w.outsider.id,
        reason: 'Second opinion',
      })
    ).json();
    expect((await as(w.outsider)('GET', `/api/cases/${kase.id}`)).statusCode).toBe(200);
    const revoked = await as(w.adviser)('DELETE', `/api/cases/${kase.id}/shares/${share.id}`);
    expect(revoked.statusCode).toBe(204);
    expect((await as(w.outsider)('GET', `/api/cases/${kase.id}`)).statusCode).toBe(404);
    const row = await t.db
      .selectFrom('case_shares')
      .selectAll()
      .where('id', '=', share.id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeInstanceOf(Date);
    const [event] = await auditRows(w.org.id, 'case.share_revoked');
    expect(event?.details).toEqual({ shareId: share.id, userId: w.outsider.id, kind: 'share' });
    const again = await as(w.adviser)('DELETE', `/api/cases/${kase.id}/shares/${share.id}`);
    expect(again.statusCode).toBe(204);
    expect(await auditRows(w.org.id, 'case.share_revoked')).toHaveLength(1);
  });

  it('names bad share input and writes nothing', async () => {
    const w = await world();
    const kase = await openAs(w);
    const send = as(w.adviser);
    for (const [body, field] of [
      [{ userId: w.outsider.id, reason: 'x', expiresAt: '2001-01-01T00:00:00Z' }, 'expiresAt'],
      [{ userId: w.outsider.id, reason: 'x', expiresAt: 'next tuesday' }, 'expiresAt'],
      [{ userId: w.outsider.id, reason: '' }, 'reason'],
      [{ userId: w.adviser.id, reason: 'x' }, 'userId'],
      [{ userId: crypto.randomUUID(), reason: 'x' }, 'userId'],
    ] as const) {
      const res = await send('POST', `/api/cases/${kase.id}/shares`, body);
      expect(res.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.json().field, JSON.stringify(body)).toBe(field);
    }
    expect(await countRows('case_shares', w.org.id)).toBe(0);
    expect(await notificationsOf(w.outsider.id)).toEqual([]);
  });
});

describe('POST /api/cases/:id/break-glass', () => {
  it('gives a supervisor outside the team a two-hour read, audited with the reason, and notifies the team’s supervisor', async () => {
    const { app, clock } = await clockedApp();
    const w = await world();
    const kase = await openAs(w, w.adviser, {}, app);
    const bea = as(w.otherSupervisor, app);
    expect((await bea('GET', `/api/cases/${kase.id}`)).statusCode).toBe(404);

    const reason = 'Owner off sick and the client is at risk tonight';
    const res = await bea('POST', `/api/cases/${kase.id}/break-glass`, { reason });
    expect(res.statusCode, res.body).toBe(201);
    const share = res.json();
    expect(share).toMatchObject({ kind: 'break-glass', user: { id: w.otherSupervisor.id }, reason });
    expect(new Date(share.expiresAt).getTime() - clock.now().getTime()).toBe(2 * 3_600_000);

    const [event] = await auditRows(w.org.id, 'case.break_glass');
    expect(event).toMatchObject({ actor_id: w.otherSupervisor.id, entity_id: kase.id });
    expect(event?.details).toMatchObject({ shareId: share.id, reason, notified: [w.supervisor.id] });
    const [note] = await notificationsOf(w.supervisor.id);
    expect(note).toMatchObject({ kind: 'break-glass', case_id: kase.id });
    expect(note?.message).toContain('Bea Breakglass');
    expect(note?.message).toContain(kase.reference);
    expect(note?.message).not.toContain('sick');

    const page = await bea('GET', `/api/cases/${kase.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({
      reference: kase.reference,
      yourAccess: { contribute: false, manage: false },
    });
    expect(page.json().shares).toContainEqual(expect.objectContaining({ id: share.id, kind: 'break-glass' }));
    // A break-glass read is a read: no flags, no changes.
    const flag = await bea('POST', `/api/cases/${kase.id}/flags`, { kind: 'vulnerability', category: 'x' });
    expect(flag.statusCode).toBe(403);

    clock.advance(2 * 3_600_000 + 60_000);
    const later = await bea('GET', `/api/cases/${kase.id}`);
    expect(later.statusCode).toBe(404);
    expect(later.body).not.toContain(kase.reference);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('notifies the owner when the case has no team', async () => {
    const w = await world();
    const kase = await insertCase(t.db, {
      orgId: w.org.id,
      ownerId: w.adviser.id,
      teamId: null,
      clientId: w.client.id,
    });
    const res = await as(w.otherSupervisor)('POST', `/api/cases/${kase.id}/break-glass`, {
      reason: 'Urgent call',
    });
    expect(res.statusCode).toBe(201);
    expect((await notificationsOf(w.adviser.id)).map((n) => n.kind)).toEqual(['break-glass']);
  });

  it('tells an adviser the case does not exist, audits the attempt, and refuses a supervisor who can see it', async () => {
    const w = await world();
    const kase = await openAs(w);
    const byAdviser = await as(w.outsider)('POST', `/api/cases/${kase.id}/break-glass`, {
      reason: 'Curious',
    });
    expect(byAdviser.statusCode).toBe(404);
    expect(byAdviser.body).not.toContain(kase.reference);
    const [denial] = await auditRows(w.org.id, 'access.denied');
    expect(denial).toMatchObject({
      actor_id: w.outsider.id,
      entity_id: kase.id,
      details: { policy: 'case.break-glass' },
    });
    const own = await as(w.supervisor)('POST', `/api/cases/${kase.id}/break-glass`, {
      reason: 'Mine anyway',
    });
    expect(own.statusCode).toBe(409);
    const missing = await as(w.otherSupervisor)('POST', `/api/cases/${crypto.randomUUID()}/break-glass`, {
      reason: 'x',
    });
    expect(missing.json().code).toBe('CASE_NOT_FOUND');
    const noReason = await as(w.otherSupervisor)('POST', `/api/cases/${kase.id}/break-glass`, {
      reason: ' ',
    });
    expect(noReason.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    expect(await countRows('case_shares', w.org.id)).toBe(0);
  });
});
