/**
 * Capacity over HTTP: each practitioner's load against capacity points × FTE as a RAG, checked
 * against weights and shares computed here; cases the reader may not see counted but never named;
 * the reallocation what-if for both people; the refusals; people's capacity set by an admin.
 *
 * The world: team A (supervisor Sam; advisers Ana and Ben), team B (supervisor Bea; Ana and Cy).
 * Base weights: debt 2, welfare benefits 1.5, housing 1. Ana's capacity is 10 points × 0.5 FTE.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import type { CapacityResponse, ReallocationWhatIfResponse } from '../../src/contract/capacity.ts';
import type { UserResponse } from '../../src/contract/users.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertClient, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

/** Rounds half up to two decimals. */
const round2 = (n: number) => Math.round(Number((n * 100).toPrecision(12))) / 100;
/** The capacity RAG, worked out here in whole hundredths: blue < 70% ≤ green < 90% ≤ amber ≤ 100% < red. */
function ragOf(load: number, capacity: number): string {
  const l = Math.round(load * 100);
  const c = Math.round(capacity * 100);
  if (c === 0) return l === 0 ? 'green' : 'red';
  if (l * 100 > c * 100) return 'red';
  if (l * 100 >= c * 90) return 'amber';
  return l * 100 >= c * 70 ? 'green' : 'blue';
}

type User = Awaited<ReturnType<typeof insertUser>>;
type Session = SignedIn;

let app: App;
let orgId: string;
let teamA: string;
const users = {} as Record<'ana' | 'ben' | 'cy' | 'sam' | 'bea' | 'ada', User>;
const sessions = {} as Record<keyof typeof users | 'otherOrg', Session>;
/** Case ids and the weights worked out by hand. */
const cases = {} as Record<
  'a1' | 'a2' | 'a3' | 'a4' | 'a5' | 'b1' | 'b2',
  { id: string; reference: string; weight: number }
>;

const send = (s: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  sendAs(app, s, method, url, payload);

const auditOf = (action: string) =>
  t.db
    .selectFrom('audit_events')
    .select(['actor_id', 'entity_id', 'details'])
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

async function caseOf(
  owner: User,
  teamId: string,
  typeKey: string,
  weight: number,
  facts: {
    interpreter?: boolean;
    vulnerability?: number;
    safeguarding?: boolean;
    status?: 'on_hold' | 'closed';
  } = {},
) {
  const client = await insertClient(t.db, { orgId, createdBy: owner.id });
  if (facts.interpreter) {
    await t.db
      .updateTable('clients')
      .set({ access_needs: JSON.stringify({ interpreter: true, language: 'Tigrinya' }) })
      .where('id', '=', client.id)
      .execute();
  }
  const c = await insertCase(t.db, { orgId, ownerId: owner.id, teamId, clientId: client.id, typeKey });
  await t.db
    .updateTable('cases')
    .set({
      vulnerability: facts.vulnerability ?? 0,
      status: facts.status ?? 'open',
      ...(facts.status === 'on_hold' ? { hold_reason: 'Waiting for the client’s bank statements' } : {}),
      ...(facts.status === 'closed'
        ? { closed_at: new Date(), outcome: 'Resolved', closure_reason: 'Appeal won' }
        : {}),
    })
    .where('id', '=', c.id)
    .execute();
  if (facts.safeguarding) {
    await t.db
      .insertInto('case_flags')
      .values({
        org_id: orgId,
        case_id: c.id,
        kind: 'safeguarding',
        category: 'financial abuse',
        description: null,
        raised_by: owner.id,
        raised_at: new Date(),
        resolved_by: null,
        resolved_at: null,
        resolution: null,
      })
      .execute();
  }
  return { id: c.id, reference: c.reference, weight };
}

beforeAll(async () => {
  app = await buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } });
  const org = await insertOrganisation(t.db);
  orgId = org.id;
  const a = await insertTeam(t.db, { orgId, name: 'Team A' });
  const b = await insertTeam(t.db, { orgId, name: 'Team B' });
  teamA = a.id;
  const member = (team: string) => ({ id: team, role: 'member' as const });
  users.ana = await insertUser(t.db, { orgId, displayName: 'Ana Adviser', team: member(a.id) });
  await t.db
    .insertInto('team_members')
    .values({ org_id: orgId, team_id: b.id, user_id: users.ana.id, role: 'member' })
    .execute();
  users.ben = await insertUser(t.db, { orgId, displayName: 'Ben Baker', team: member(a.id) });
  users.cy = await insertUser(t.db, { orgId, displayName: 'Cy Cole', team: member(b.id) });
  users.sam = await insertUser(t.db, {
    orgId,
    displayName: 'Sam Supervisor',
    roles: ['supervisor', 'adviser'],
    totp: true,
    team: { id: a.id, role: 'supervisor' },
  });
  users.bea = await insertUser(t.db, {
    orgId,
    displayName: 'Bea Boss',
    roles: ['supervisor'],
    totp: true,
    team: { id: b.id, role: 'supervisor' },
  });
  users.ada = await insertUser(t.db, { orgId, displayName: 'Ada Admin', roles: ['admin'], totp: true });
  await sql`UPDATE users SET capacity_points = 10, fte = 0.5 WHERE id = ${users.ana.id}`.execute(t.db);
  await sql`UPDATE users SET capacity_points = 10 WHERE id = ${users.ben.id}`.execute(t.db);
  await sql`UPDATE case_types SET base_weight = CASE key WHEN 'debt' THEN 2 WHEN 'welfare-benefits' THEN 1.5 ELSE 1 END
    WHERE org_id = ${orgId}`.execute(t.db);

  cases.a1 = await caseOf(users.ana, a.id, 'debt', 2 * 1.25, { interpreter: true });
  cases.a2 = await caseOf(users.ana, a.id, 'welfare-benefits', 1.5 * 1.5, { safeguarding: true });
  cases.a3 = await caseOf(users.ana, b.id, 'housing', 1 * 1.5);
  cases.a4 = await caseOf(users.ana, a.id, 'housing', 1, { status: 'on_hold' });
  cases.a5 = await caseOf(users.ana, a.id, 'debt', 0, { status: 'closed' });
  cases.b1 = await caseOf(users.ben, a.id, 'debt', 2 * 1.5, { vulnerability: 3 });
  cases.b2 = await caseOf(users.ben, a.id, 'welfare-benefits', 1.5);
  // a3 is heavier by a manual factor, ticked by Ana.
  const litigation = await t.db
    .selectFrom('complexity_factors')
    .select('id')
    .where('org_id', '=', orgId)
    .where('key', '=', 'litigation')
    .executeTakeFirstOrThrow();
  for (const key of Object.keys(users) as (keyof typeof users)[])
    sessions[key] = await signInAs(app, users[key]);
  const ticked = await send(sessions.ana, 'PUT', `/api/cases/${cases.a3.id}/complexity-factors`, {
    factorIds: [litigation.id],
  });
  expect(ticked.statusCode, ticked.body).toBe(200);
  const other = await insertOrganisation(t.db);
  sessions.otherOrg = await signInAs(app, await insertUser(t.db, { orgId: other.id }));
});

const capacityOf = async (s: Session, query = '') => {
  const res = await send(s, 'GET', `/api/capacity${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CapacityResponse>();
};

describe('GET /api/capacity', () => {
  it('shows a supervisor each team member’s load and RAG, matching weights worked out by hand', async () => {
    const body = await capacityOf(sessions.sam, '?scope=team');
    expect(body).toMatchObject({ scope: 'team', userId: null, teamId: null });
    expect(body.thresholds).toEqual({ underUsedBelow: 0.7, nearFrom: 0.9, overAbove: 1 });
    expect(body.supervisedTeams).toEqual([{ id: teamA, name: 'Team A' }]);
    expect(body.practitioners.map((p) => p.displayName)).toEqual([
      'Ana Adviser',
      'Ben Baker',
      'Sam Supervisor',
    ]);
    const [ana, ben, sam] = body.practitioners;

    const anaLoad = round2(cases.a1.weight + cases.a2.weight + cases.a3.weight + cases.a4.weight);
    expect(anaLoad).toBe(7.25);
    expect(ana).toMatchObject({
      id: users.ana.id,
      capacityPoints: 10,
      fte: 0.5,
      capacity: 5,
      load: anaLoad,
      share: anaLoad / 5,
      rag: ragOf(anaLoad, 5),
      ragWords: 'over capacity',
      summary: 'Over capacity: 7.25 of 5 points (145%).',
    });
    expect(ana?.rag).toBe('red');
    expect(ana?.active).toBe(true);
    expect(ana?.teams.map((team) => [team.name, team.role])).toEqual([
      ['Team A', 'member'],
      ['Team B', 'member'],
    ]);
    // Heaviest first; the team B case is counted but not named; the closed case is not counted.
    expect(ana?.cases.map((c) => [c.reference, c.weight, c.status])).toEqual([
      [cases.a1.reference, 2.5, 'open'],
      [cases.a2.reference, 2.25, 'open'],
      [cases.a4.reference, 1, 'on_hold'],
    ]);
    expect(ana?.cases[0]?.explanation).toBe('Base 2 × Interpreter needed 1.25 = 2.5');
    expect(ana?.cases[1]?.explanation).toBe('Base 1.5 × Open safeguarding concern 1.5 = 2.25');
    expect(ana?.hidden).toEqual({ count: 1, weight: cases.a3.weight });
    const text = JSON.stringify(body);
    expect(text).not.toContain(cases.a3.reference);
    expect(text).not.toContain(cases.a3.id);
    expect(text).not.toContain(cases.a5.reference);

    const benLoad = round2(cases.b1.weight + cases.b2.weight);
    expect(ben).toMatchObject({
      load: benLoad,
      capacity: 10,
      rag: ragOf(benLoad, 10),
      hidden: { count: 0, weight: 0 },
    });
    expect(ben?.rag).toBe('blue');
    expect(ben?.cases.map((c) => c.reference)).toEqual([cases.b1.reference, cases.b2.reference]);
    expect(sam).toMatchObject({
      load: 0,
      capacity: 100,
      rag: 'blue',
      cases: [],
      summary: 'Under-used: 0 of 100 points (0%).',
    });

    const audited = (await auditOf('capacity.viewed')).at(-1);
    expect(audited?.actor_id).toBe(users.sam.id);
    expect(audited?.details).toEqual({
      scope: 'team',
      practitionerIds: [users.ana.id, users.ben.id, users.sam.id],
      caseIds: [cases.a1.id, cases.a2.id, cases.a4.id, cases.b1.id, cases.b2.id],
      hiddenCases: 1,
    });
  });

  it('shows a practitioner their own load with every case they hold', async () => {
    const body = await capacityOf(sessions.ana);
    expect(body.scope).toBe('mine');
    expect(body.supervisedTeams).toEqual([]);
    expect(body.practitioners).toHaveLength(1);
    expect(body.practitioners[0]?.cases.map((c) => c.reference)).toEqual([
      cases.a1.reference,
      cases.a2.reference,
      cases.a3.reference,
      cases.a4.reference,
    ]);
    expect(body.practitioners[0]?.cases[2]?.explanation).toBe('Base 1 × Litigation or tribunal 1.5 = 1.5');
    expect(body.practitioners[0]?.hidden).toEqual({ count: 0, weight: 0 });
  });

  it('lets another team’s supervisor see a shared member, naming only their own team’s cases', async () => {
    const body = await capacityOf(sessions.bea, `?scope=user&userId=${users.ana.id}`);
    const [ana] = body.practitioners;
    expect(ana?.load).toBe(7.25);
    expect(ana?.cases.map((c) => c.reference)).toEqual([cases.a3.reference]);
    expect(ana?.hidden).toEqual({
      count: 3,
      weight: round2(cases.a1.weight + cases.a2.weight + cases.a4.weight),
    });
    const team = await capacityOf(sessions.bea, '?scope=team');
    expect(team.practitioners.map((p) => p.displayName)).toEqual(['Ana Adviser', 'Bea Boss', 'Cy Cole']);
  });

  it('refuses others’ capacity to those who do not supervise them (403, audited)', async () => {
    for (const [session, query] of [
      [sessions.ana, `?scope=user&userId=${users.ben.id}`],
      [sessions.ana, '?scope=team'],
      [sessions.sam, `?scope=user&userId=${users.cy.id}`],
      [sessions.sam, `?scope=team&teamId=${(await insertTeam(t.db, { orgId })).id}`],
      [sessions.ada, `?scope=user&userId=${users.ana.id}`],
      [sessions.otherOrg, `?scope=user&userId=${users.ana.id}`],
    ] as const) {
      const res = await send(session, 'GET', `/api/capacity${query}`);
      expect(res.statusCode, query).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    const denials = await auditOf('access.denied');
    expect(denials.filter((d) => d.actor_id === users.ana.id).map((d) => d.details)).toContainEqual({
      policy: 'worklist.view',
    });
  });

  it('names the query field at fault', async () => {
    for (const [query, field] of [
      ['?scope=user', 'query.userId'],
      [`?scope=mine&userId=${users.ben.id}`, 'query.userId'],
      [`?teamId=${teamA}`, 'query.teamId'],
      ['?scope=everyone', 'query.scope'],
      ['?scope=user&userId=nope', 'query.userId'],
    ] as const) {
      const res = await send(sessions.sam, 'GET', `/api/capacity${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
  });
});

describe('POST /api/capacity/reallocation-what-if', () => {
  const whatIf = (s: Session, body: object) => send(s, 'POST', '/api/capacity/reallocation-what-if', body);

  it('gives both people’s load and RAG before and after, and changes nothing', async () => {
    const res = await whatIf(sessions.sam, { caseId: cases.a1.id, toUserId: users.ben.id });
    expect(res.statusCode, res.body).toBe(200);
    const w = res.json<ReallocationWhatIfResponse>();
    const anaBefore = 7.25;
    const benBefore = round2(cases.b1.weight + cases.b2.weight);
    expect(w).toMatchObject({
      caseId: cases.a1.id,
      reference: cases.a1.reference,
      weight: 2.5,
      explanation: 'Base 2 × Interpreter needed 1.25 = 2.5',
      from: {
        userId: users.ana.id,
        displayName: 'Ana Adviser',
        before: { load: anaBefore, capacity: 5, rag: ragOf(anaBefore, 5) },
        after: {
          load: anaBefore - 2.5,
          capacity: 5,
          rag: ragOf(anaBefore - 2.5, 5),
          summary: 'Near capacity: 4.75 of 5 points (95%).',
        },
      },
      to: {
        userId: users.ben.id,
        displayName: 'Ben Baker',
        before: { load: benBefore, capacity: 10, rag: ragOf(benBefore, 10) },
        // Exactly 70% of capacity: green.
        after: { load: 7, capacity: 10, rag: 'green', summary: 'Within capacity: 7 of 10 points (70%).' },
      },
      warnings: [],
      summary:
        `Moving ${cases.a1.reference} (weight 2.5) to Ben Baker: Ana Adviser goes from 7.25 to 4.75 of 5 points ` +
        '(over capacity to near capacity); Ben Baker goes from 4.5 to 7 of 10 points (under-used to within capacity).',
    });
    expect(w.from.before.rag).toBe('red');
    const kase = await t.db
      .selectFrom('cases')
      .select('owner_id')
      .where('id', '=', cases.a1.id)
      .executeTakeFirstOrThrow();
    expect(kase.owner_id).toBe(users.ana.id);
    expect((await auditOf('capacity.reallocation_previewed')).at(-1)).toEqual({
      actor_id: users.sam.id,
      entity_id: cases.a1.id,
      details: { fromUserId: users.ana.id, toUserId: users.ben.id },
    });
  });

  it('refuses a caller who may not reassign the case: 404 when unseen, 403 otherwise', async () => {
    const body = { caseId: cases.a1.id, toUserId: users.ben.id };
    for (const [session, status, code] of [
      [sessions.ana, 403, 'FORBIDDEN'], // the owner: may manage it, but the what-if is the supervisor's
      [sessions.ben, 404, 'CASE_NOT_FOUND'],
      [sessions.cy, 404, 'CASE_NOT_FOUND'],
      [sessions.bea, 404, 'CASE_NOT_FOUND'],
      [sessions.ada, 404, 'CASE_NOT_FOUND'],
      [sessions.otherOrg, 404, 'CASE_NOT_FOUND'],
    ] as const) {
      const res = await whatIf(session, body);
      expect(res.statusCode).toBe(status);
      expect(res.json()).toMatchObject({ code });
    }
    // Sam does not supervise team B, so Ana's team B case does not exist for him.
    expect((await whatIf(sessions.sam, { caseId: cases.a3.id, toUserId: users.cy.id })).statusCode).toBe(404);
    const denial = (await auditOf('access.denied')).find(
      (d) => d.actor_id === users.ana.id && d.entity_id === cases.a1.id,
    );
    expect(denial?.details).toEqual({ policy: 'capacity.reallocation-what-if' });
  });

  it('refuses a receiver who could not hold the case, naming toUserId', async () => {
    const refusals: [object, number, string, string][] = [
      [{ toUserId: users.cy.id }, 400, 'VALIDATION_FAILED', 'not a member of the case’s team'],
      [{ toUserId: users.ana.id }, 400, 'VALIDATION_FAILED', 'holds the case already'],
      [{ toUserId: users.ada.id }, 400, 'VALIDATION_FAILED', 'Only advisers and supervisors hold cases'],
      [{ toUserId: '00000000-0000-4000-8000-000000000000' }, 404, 'USER_NOT_FOUND', 'no active person'],
      [{ toUserId: 'ben' }, 400, 'VALIDATION_FAILED', 'Choose the colleague'],
    ];
    for (const [body, status, code, words] of refusals) {
      const res = await whatIf(sessions.sam, { caseId: cases.a1.id, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json()).toMatchObject({ code, field: 'toUserId' });
      expect(res.json<{ detail: string }>().detail).toContain(words);
    }
    const closed = await whatIf(sessions.sam, { caseId: cases.a5.id, toUserId: users.ben.id });
    expect(closed.statusCode).toBe(400);
    expect(closed.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'caseId' });
    expect((await whatIf(sessions.sam, { caseId: cases.a1.id })).json()).toMatchObject({ field: 'toUserId' });
  });
});

describe('people’s capacity, set by an admin', () => {
  it('sets capacity points and FTE, shows them, audits the field names, and re-measures at once', async () => {
    const res = await send(sessions.ada, 'PATCH', `/api/users/${users.ben.id}`, {
      capacityPoints: 12,
      fte: 0.5,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<UserResponse>()).toMatchObject({ capacityPoints: 12, fte: 0.5, weeklyCapacityHours: 30 });
    const shown = await send(sessions.ada, 'GET', `/api/users/${users.ben.id}`);
    expect(shown.json<UserResponse>()).toMatchObject({ capacityPoints: 12, fte: 0.5 });
    const audited = await t.db
      .selectFrom('audit_events')
      .select(['entity_id', 'details'])
      .where('org_id', '=', orgId)
      .where('action', '=', 'user.updated')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audited).toEqual({ entity_id: users.ben.id, details: { fields: ['capacityPoints', 'fte'] } });

    // Ben now has 6 points: moving Ana's 2.5 takes him from 4.5 (75%) to 7 (117%), over capacity.
    const w = (
      await send(sessions.sam, 'POST', '/api/capacity/reallocation-what-if', {
        caseId: cases.a1.id,
        toUserId: users.ben.id,
      })
    ).json<ReallocationWhatIfResponse>();
    expect(w.to.before).toMatchObject({ load: 4.5, capacity: 6, rag: ragOf(4.5, 6) });
    expect(w.to.after).toMatchObject({ load: 7, capacity: 6, rag: 'red' });
    expect(w.warnings).toEqual([
      'The move takes the new owner over capacity: Over capacity: 7 of 6 points (117%).',
    ]);
    const ben = (await capacityOf(sessions.sam, `?scope=user&userId=${users.ben.id}`)).practitioners[0];
    expect(ben).toMatchObject({ capacityPoints: 12, fte: 0.5, capacity: 6, rag: 'green' });
  });

  it('refuses values out of range with the field named, and non-admins', async () => {
    for (const [body, field] of [
      [{ capacityPoints: -1 }, 'capacityPoints'],
      [{ capacityPoints: 1000.5 }, 'capacityPoints'],
      [{ capacityPoints: 10.005 }, 'capacityPoints'],
      [{ fte: 0 }, 'fte'],
      [{ fte: 0.04 }, 'fte'],
      [{ fte: 1.5 }, 'fte'],
      [{ fte: '1' }, 'fte'],
    ] as const) {
      const res = await send(sessions.ada, 'PATCH', `/api/users/${users.cy.id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
    const refused = await send(sessions.sam, 'PATCH', `/api/users/${users.cy.id}`, { fte: 0.5 });
    expect(refused.statusCode).toBe(403);
    const cy = await t.db
      .selectFrom('users')
      .select(['capacity_points', 'fte'])
      .where('id', '=', users.cy.id)
      .executeTakeFirstOrThrow();
    expect([Number(cy.capacity_points), Number(cy.fte)]).toEqual([100, 1]);
  });
});

describe('admin changes show in capacity at once', () => {
  it('a new multiplier changes the weights, loads and summaries on the next read', async () => {
    const interpreter = await t.db
      .selectFrom('complexity_factors')
      .select('id')
      .where('org_id', '=', orgId)
      .where('key', '=', 'interpreter')
      .executeTakeFirstOrThrow();
    const res = await send(sessions.ada, 'PATCH', `/api/complexity-factors/${interpreter.id}`, {
      multiplier: 2,
    });
    expect(res.statusCode, res.body).toBe(200);
    const [ana] = (await capacityOf(sessions.ana)).practitioners;
    const load = round2(2 * 2 + cases.a2.weight + cases.a3.weight + cases.a4.weight);
    expect(ana).toMatchObject({
      load,
      rag: ragOf(load, 5),
      summary: `Over capacity: ${load} of 5 points (175%).`,
    });
    expect(ana?.cases[0]).toMatchObject({
      id: cases.a1.id,
      weight: 4,
      explanation: 'Base 2 × Interpreter needed 2 = 4',
    });
  });
});
