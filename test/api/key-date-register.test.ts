/**
 * The key dates register: a practitioner's key dates across their cases, the supervisor's backup
 * diary of a team and of one team member, and who is refused.
 */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import type { KeyDateRegisterResponse } from '../../src/contract/key-date-register.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs, TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

// Thursday 26 November 2026, 10:00 in London.
const clock = new TestClock(new Date('2026-11-26T10:00:00Z'));
let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' }, clock }));

async function get(session: SignedIn, url: string) {
  return sendAs(await getApp(), session, 'GET', url);
}

async function register(session: SignedIn, query = '') {
  const res = await get(session, `/api/key-dates/register${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<KeyDateRegisterResponse>();
}

async function insertKeyDate(
  w: { orgId: string },
  caseRow: { id: string; owner_id: string },
  values: { dueDate: string; description: string; status?: 'pending' | 'met'; dueTime?: string },
) {
  return t.db
    .insertInto('key_dates')
    .values({
      org_id: w.orgId,
      case_id: caseRow.id,
      kind: 'appeal-deadline',
      due_date: values.dueDate,
      due_time: values.dueTime ?? null,
      description: values.description,
      source: 'DWP letter',
      status: values.status ?? 'pending',
      status_note: null,
      created_by: caseRow.owner_id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

async function world() {
  const app = await getApp();
  const org = await insertOrganisation(t.db);
  const teamA = await insertTeam(t.db, { orgId: org.id, name: 'Team A' });
  const teamB = await insertTeam(t.db, { orgId: org.id, name: 'Team B' });
  const owner = await insertUser(t.db, {
    orgId: org.id,
    displayName: 'Olu Owner',
    team: { id: teamA.id, role: 'member' },
  });
  const colleague = await insertUser(t.db, { orgId: org.id, team: { id: teamA.id, role: 'member' } });
  const adviserB = await insertUser(t.db, { orgId: org.id, team: { id: teamB.id, role: 'member' } });
  const supervisorA = await insertUser(t.db, {
    orgId: org.id,
    roles: ['supervisor', 'adviser'],
    totp: true,
    team: { id: teamA.id, role: 'supervisor' },
  });
  const admin = await insertUser(t.db, { orgId: org.id, roles: ['admin'], totp: true });
  const ownerCase = await insertCase(t.db, { orgId: org.id, ownerId: owner.id, teamId: teamA.id });
  const ownerSecondCase = await insertCase(t.db, { orgId: org.id, ownerId: owner.id, teamId: teamA.id });
  const colleagueCase = await insertCase(t.db, { orgId: org.id, ownerId: colleague.id, teamId: teamA.id });
  const caseB = await insertCase(t.db, { orgId: org.id, ownerId: adviserB.id, teamId: teamB.id });
  const w = { orgId: org.id };
  const keyDates = {
    // Tue 24 Nov: passed, still pending.
    missed: await insertKeyDate(w, ownerCase, { dueDate: '2026-11-24', description: 'MR request' }),
    // Tue 1 Dec, at 10:00 and whole-day.
    timed: await insertKeyDate(w, ownerSecondCase, {
      dueDate: '2026-12-01',
      dueTime: '10:00',
      description: 'Tribunal hearing',
    }),
    wholeDay: await insertKeyDate(w, ownerCase, { dueDate: '2026-12-01', description: 'Evidence due' }),
    met: await insertKeyDate(w, ownerCase, { dueDate: '2026-11-20', description: 'Done', status: 'met' }),
    colleague: await insertKeyDate(w, colleagueCase, { dueDate: '2026-11-30', description: 'Colleague’s' }),
    teamB: await insertKeyDate(w, caseB, { dueDate: '2026-11-27', description: 'Team B’s' }),
  };
  return {
    org,
    teamA,
    teamB,
    owner,
    colleague,
    adviserB,
    supervisorA,
    ownerCase,
    keyDates,
    owner$: await signInAs(app, owner, { clock }),
    colleague$: await signInAs(app, colleague, { clock }),
    supervisor$: await signInAs(app, supervisorA, { clock }),
    admin$: await signInAs(app, admin, { clock }),
  };
}

const ids = (r: KeyDateRegisterResponse) => r.keyDates.map((k) => k.id);

const auditRows = (orgId: string, action: string) =>
  t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

describe('the key dates register', () => {
  it('lists my pending key dates by date, missed ones first, with working days away', async () => {
    const w = await world();
    const mine = await register(w.owner$);
    expect(mine).toMatchObject({ scope: 'mine', teamId: null, userId: null, today: '2026-11-26' });
    expect(ids(mine)).toEqual([w.keyDates.missed.id, w.keyDates.wholeDay.id, w.keyDates.timed.id]);
    const [missed, wholeDay, timed] = mine.keyDates;
    expect(missed).toMatchObject({
      case: { id: w.ownerCase.id, reference: w.ownerCase.reference, status: 'open' },
      owner: { id: w.owner.id, displayName: 'Olu Owner' },
      kind: 'appeal-deadline',
      description: 'MR request',
      dueDate: '2026-11-24',
      dueTime: null,
      status: 'pending',
      source: 'DWP letter',
      workingDaysAway: -2,
      overdue: true,
      computedFromTemplate: null,
    });
    // Thu 26 Nov → Tue 1 Dec: Fri, Mon, Tue.
    expect(wholeDay).toMatchObject({ workingDaysAway: 3, overdue: false });
    expect(timed).toMatchObject({ dueTime: '10:00', workingDaysAway: 3 });
  });

  it('filters by status and dates', async () => {
    const w = await world();
    expect(ids(await register(w.owner$, '?status=met'))).toEqual([w.keyDates.met.id]);
    expect(ids(await register(w.owner$, '?status=all'))).toHaveLength(4);
    expect(ids(await register(w.owner$, '?from=2026-11-25&to=2026-12-01'))).toEqual([
      w.keyDates.wholeDay.id,
      w.keyDates.timed.id,
    ]);
    expect(ids(await register(w.owner$, '?to=2026-11-30'))).toEqual([w.keyDates.missed.id]);
  });

  it('counts working days in the organisation’s nation', async () => {
    const w = await world();
    await t.db.updateTable('organisations').set({ nation: 'scotland' }).where('id', '=', w.org.id).execute();
    const mine = await register(w.owner$, '?from=2026-12-01');
    // Mon 30 Nov 2026 is St Andrew's Day, a bank holiday in Scotland.
    expect(mine.keyDates.map((k) => k.workingDaysAway)).toEqual([2, 2]);
  });

  it('audits the read once, with ids only', async () => {
    const w = await world();
    await register(w.owner$);
    const events = await auditRows(w.org.id, 'key_dates.register_viewed');
    expect(events).toHaveLength(1);
    expect(events[0]?.actor_id).toBe(w.owner.id);
    expect(events[0]?.details).toEqual({
      scope: 'mine',
      status: 'pending',
      keyDateIds: [w.keyDates.missed.id, w.keyDates.wholeDay.id, w.keyDates.timed.id],
      caseIds: expect.arrayContaining([w.ownerCase.id]),
    });
    expect(JSON.stringify(events[0]?.details)).not.toContain('MR request');
  });

  it('gives a supervisor the team’s backup diary, and not another team’s', async () => {
    const w = await world();
    const diary = await register(w.supervisor$, `?scope=team&teamId=${w.teamA.id}`);
    expect(diary).toMatchObject({ scope: 'team', teamId: w.teamA.id });
    expect(ids(diary)).toEqual([
      w.keyDates.missed.id,
      w.keyDates.colleague.id,
      w.keyDates.wholeDay.id,
      w.keyDates.timed.id,
    ]);
    expect(new Set(diary.keyDates.map((k) => k.owner.id))).toEqual(new Set([w.owner.id, w.colleague.id]));
    expect(ids(await register(w.supervisor$, '?scope=team'))).toEqual(ids(diary));

    const other = await get(w.supervisor$, `/api/key-dates/register?scope=team&teamId=${w.teamB.id}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('FORBIDDEN');
    const denied = await auditRows(w.org.id, 'access.denied');
    expect(denied.at(-1)).toMatchObject({ entity_type: 'team', entity_id: w.teamB.id });
  });

  it('gives a supervisor one team member’s key dates', async () => {
    const w = await world();
    const owners = await register(w.supervisor$, `?scope=user&userId=${w.owner.id}`);
    expect(owners).toMatchObject({ scope: 'user', userId: w.owner.id });
    expect(ids(owners)).toEqual([w.keyDates.missed.id, w.keyDates.wholeDay.id, w.keyDates.timed.id]);
    const outsideTeam = await get(
      w.supervisor$,
      `/api/key-dates/register?scope=user&userId=${w.adviserB.id}`,
    );
    expect(outsideTeam.statusCode).toBe(403);
  });

  it('refuses an adviser another team’s diary or a colleague’s key dates, and admins any team', async () => {
    const w = await world();
    for (const url of [
      `?scope=team&teamId=${w.teamA.id}`,
      `?scope=team&teamId=${w.teamB.id}`,
      '?scope=team',
      `?scope=user&userId=${w.owner.id}`,
    ]) {
      const res = await get(w.colleague$, `/api/key-dates/register${url}`);
      expect(res.statusCode, url).toBe(403);
    }
    const admin = await get(w.admin$, `/api/key-dates/register?scope=team&teamId=${w.teamA.id}`);
    expect(admin.statusCode).toBe(403);
    // Their own register is always theirs, by either name.
    expect(ids(await register(w.colleague$, `?scope=user&userId=${w.colleague.id}`))).toEqual([
      w.keyDates.colleague.id,
    ]);
    expect((await register(w.admin$)).keyDates).toEqual([]);
  });

  it('names the field of a bad combination of parameters', async () => {
    const w = await world();
    const cases: [string, string][] = [
      ['?scope=user', 'query.userId'],
      [`?userId=${w.owner.id}`, 'query.userId'],
      [`?scope=mine&teamId=${w.teamA.id}`, 'query.teamId'],
      ['?from=2026-12-02&to=2026-12-01', 'query.to'],
      ['?from=2026-02-30', 'query.from'],
      ['?scope=everyone', 'query.scope'],
      ['?status=late', 'query.status'],
    ];
    for (const [query, field] of cases) {
      const res = await get(w.owner$, `/api/key-dates/register${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json(), query).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
  });

  it('leaves out key dates of cases the reader may no longer see', async () => {
    const w = await world();
    // The case moves to team B: the supervisor of A no longer sees it, its owner still does.
    await t.db.updateTable('cases').set({ team_id: w.teamB.id }).where('id', '=', w.ownerCase.id).execute();
    const diary = await register(w.supervisor$, `?scope=user&userId=${w.owner.id}`);
    expect(ids(diary)).toEqual([w.keyDates.timed.id]);
    expect(ids(await register(w.owner$))).toHaveLength(3);
  });
});
