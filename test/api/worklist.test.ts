/**
 * GET /api/worklist: the order of DESIGN.md with each position explained, a safeguarding flag
 * taking a case to the top with its reason in plain words, the filters, the timescale clocks (with a
 * test clock), the resources check, and who may see whose worklist.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { type WorklistResponse, worklistSchema } from '../../src/contract/worklist.ts';
import type { ImpactLevel } from '../../src/domain/priority/levels.ts';
import { reassessOpenCases } from '../../src/services/priority/reassess-cases.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs, TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

// Thursday 26 November 2026, 09:00 in London.
const NOW = new Date('2026-11-26T09:00:00Z');
const clock = new TestClock(NOW);
const env = { CASELOAD_LOGIN_IP_LIMIT: '100000' };
let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env, clock }));

async function worklist(session: SignedIn, query = '', app?: App) {
  const res = await sendAs(app ?? (await getApp()), session, 'GET', `/api/worklist${query}`);
  expect(res.statusCode, res.body).toBe(200);
  // The route's compiled serialiser writes exactly what the zod contract would: valid values, no
  // undeclared property, the same bytes.
  expect(res.body).toBe(JSON.stringify(worklistSchema.encode(res.json())));
  return res.json<WorklistResponse>();
}

async function statusOf(session: SignedIn, query: string) {
  const res = await sendAs(await getApp(), session, 'GET', `/api/worklist${query}`);
  return { status: res.statusCode, body: res.json() };
}

async function world() {
  const app = await getApp();
  const org = await insertOrganisation(t.db);
  const team = await insertTeam(t.db, { orgId: org.id });
  const adviser = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
  const colleague = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
  const supervisor = await insertUser(t.db, {
    orgId: org.id,
    roles: ['adviser', 'supervisor'],
    totp: true,
    team: { id: team.id, role: 'supervisor' },
  });
  return {
    org,
    team,
    adviser,
    colleague,
    supervisor,
    adviserSession: await signInAs(app, adviser, { clock }),
    colleagueSession: await signInAs(app, colleague, { clock }),
    supervisorSession: await signInAs(app, supervisor, { clock }),
  };
}
type World = Awaited<ReturnType<typeof world>>;

interface CaseSetup {
  owner?: string;
  vulnerability?: number;
  impact?: ImpactLevel;
  /** Default Tue 24 Nov 09:00. */
  openedAt?: string;
  /** Default Wed 25 Nov 09:00. */
  lastAttentionAt?: string;
  keyDate?: string;
  overdueActionDue?: string;
  allocatedHours?: number;
  typeKey?: string;
}

/** A case of the world's team with fixed times, judgements, a key date and an action as asked. */
async function aCase(w: World, s: CaseSetup = {}) {
  const owner = s.owner ?? w.adviser.id;
  const c = await insertCase(t.db, {
    orgId: w.org.id,
    ownerId: owner,
    teamId: w.team.id,
    typeKey: s.typeKey,
  });
  await t.db
    .updateTable('cases')
    .set({
      vulnerability: s.vulnerability ?? 0,
      impact: s.impact ?? 'none',
      last_attention_at: new Date(s.lastAttentionAt ?? '2026-11-25T09:00:00Z'),
      allocated_hours: s.allocatedHours ?? null,
    })
    .where('id', '=', c.id)
    .execute();
  // opened_at is set by the database only (the schema types refuse it): tests date it themselves.
  await sql`UPDATE cases SET opened_at = ${new Date(s.openedAt ?? '2026-11-24T09:00:00Z')} WHERE id = ${c.id}`.execute(
    t.db,
  );
  if (s.keyDate) {
    await t.db
      .insertInto('key_dates')
      .values({
        org_id: w.org.id,
        case_id: c.id,
        kind: 'hearing',
        due_date: s.keyDate,
        description: 'Tribunal hearing',
        created_by: owner,
      })
      .execute();
  }
  if (s.overdueActionDue) await addAction(w, c.id, s.overdueActionDue);
  return c;
}

async function addAction(w: World, caseId: string, due: string) {
  await t.db
    .insertInto('actions')
    .values({
      org_id: w.org.id,
      case_id: caseId,
      description: 'Send the reconsideration request',
      owner_kind: 'practitioner',
      owner_user_id: w.adviser.id,
      due_date: due,
      created_by: w.adviser.id,
    })
    .execute();
}

const assessAll = (w: World) => reassessOpenCases({ db: t.db, clock }, w.org.id, 'daily');
const refs = (list: WorklistResponse) => list.rows.map((r) => r.case.reference);

describe('GET /api/worklist', () => {
  it('orders red, amber, green; then the nearest key date or overdue action; then score; then the longest since attention', async () => {
    const w = await world();
    const greenNew = await aCase(w, { lastAttentionAt: '2026-11-25T12:00:00Z' });
    const greenOld = await aCase(w, { lastAttentionAt: '2026-11-25T08:00:00Z' });
    const amberLow = await aCase(w, { vulnerability: 2, impact: 'loss-of-home' }); // 55
    const amberHigh = await aCase(w, { vulnerability: 3, impact: 'loss-of-home' }); // 65
    const amberKey = await aCase(w, { vulnerability: 2, impact: 'loss-of-home', keyDate: '2026-12-07' }); // 65
    const amberOverdue = await aCase(w, {
      vulnerability: 2,
      impact: 'loss-of-home',
      overdueActionDue: '2026-11-24',
    });
    const red = await aCase(w, { keyDate: '2026-11-27' }); // within 2 working days: red by rule
    const closed = await aCase(w, { vulnerability: 3, impact: 'risk-to-liberty-or-safety' });
    await t.db
      .updateTable('cases')
      .set({ status: 'closed', closed_at: NOW, outcome: 'resolved', closure_reason: 'Done' })
      .where('id', '=', closed.id)
      .execute();
    await assessAll(w);
    // Not assessed yet (inserted after the re-assessment): green, score 0, and it says so.
    const unassessed = await aCase(w, { lastAttentionAt: '2026-11-25T10:00:00Z' });

    const list = await worklist(w.adviserSession);
    expect(refs(list)).toEqual(
      [red, amberOverdue, amberKey, amberHigh, amberLow, greenOld, unassessed, greenNew].map(
        (c) => c.reference,
      ),
    );
    expect(list.rows.map((r) => r.band)).toEqual([
      'red',
      'amber',
      'amber',
      'amber',
      'amber',
      'green',
      'green',
      'green',
    ]);
    expect(list.rows.map((r) => r.decidedBy)).toEqual([
      null,
      'band',
      'next-date',
      'next-date',
      'score',
      'band',
      'last-attention',
      'last-attention',
    ]);
    expect(list.rows.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(list.rows[0]?.explanation).toBe(
      'Top of the worklist: red, next date Fri 27 Nov (tribunal hearing), score 40.',
    );
    expect(list.rows[4]?.explanation).toBe(
      `After ${amberHigh.reference} (same band and next date): lower score, 55 against 65.`,
    );

    const top = list.rows[0];
    expect(top).toMatchObject({
      assessed: true,
      score: 40,
      nextKeyDate: {
        date: '2026-11-27',
        kind: 'hearing',
        description: 'Tribunal hearing',
        workingDaysAway: 1,
        missed: false,
      },
      nextActionDue: null,
      daysSinceAttention: 1,
    });
    expect(top?.reasons[0]).toMatch(/^Red: /);
    expect(list.rows[1]?.nextActionDue).toMatchObject({ dueDate: '2026-11-24', overdue: true });
    expect(list.rows[6]).toMatchObject({
      assessed: false,
      band: 'green',
      score: 0,
      reasons: ['Not yet assessed'],
    });
    expect(list.rows.some((r) => r.case.id === closed.id)).toBe(false);
    expect(list.summary).toMatchObject({
      total: 8,
      shown: 8,
      byBand: { red: 1, amber: 4, green: 3 },
      notAssessed: 1,
      redWithResourceProblems: 1,
    });
    expect(list.today).toBe('2026-11-26');
  });

  it('puts a case with a safeguarding flag at the top, with the reason in plain words', async () => {
    const w = await world();
    await aCase(w, { vulnerability: 2, impact: 'loss-of-home', keyDate: '2026-12-08' }); // amber (65), a date
    await aCase(w, { vulnerability: 3, impact: 'loss-of-home' });
    const quiet = await aCase(w);
    await assessAll(w);
    expect((await worklist(w.adviserSession)).rows.at(-1)?.case.id).toBe(quiet.id);

    const flag = await sendAs(await getApp(), w.adviserSession, 'POST', `/api/cases/${quiet.id}/flags`, {
      kind: 'safeguarding',
      category: 'domestic abuse',
    });
    expect(flag.statusCode).toBe(201);
    const list = await worklist(w.adviserSession);
    const top = list.rows[0];
    expect(top?.case.id).toBe(quiet.id);
    expect(top?.band).toBe('red');
    expect(top?.reasons[0]).toBe('Red: safeguarding concern raised 26 Nov');
    expect(top?.flags).toEqual({ safeguarding: 1, vulnerability: 0 });
    expect(top?.explanation).toBe('Top of the worklist: red, score 50.');
  });

  it('filters by band (repeated or comma list), type, status and flag; the summary counts the whole worklist', async () => {
    const w = await world();
    const red = await aCase(w, { keyDate: '2026-11-27' });
    const amber = await aCase(w, { vulnerability: 2, impact: 'loss-of-home', typeKey: 'debt' });
    const green = await aCase(w);
    const onHold = await aCase(w, { typeKey: 'debt' });
    await t.db
      .updateTable('cases')
      .set({ status: 'on_hold', hold_reason: 'Waiting' })
      .where('id', '=', onHold.id)
      .execute();
    await t.db
      .insertInto('case_flags')
      .values({
        org_id: w.org.id,
        case_id: green.id,
        kind: 'vulnerability',
        category: 'mental health',
        raised_by: w.adviser.id,
        raised_at: NOW,
      })
      .execute();
    await assessAll(w);
    const overridden = await sendAs(
      await getApp(),
      w.adviserSession,
      'POST',
      `/api/cases/${amber.id}/assessments`,
      {
        vulnerability: 2,
        impact: 'loss-of-home',
        rationale: 'Reviewed.',
        override: { band: 'red', rationale: 'Bailiffs booked for Monday.' },
      },
    );
    expect(overridden.statusCode).toBe(201);

    // The red case has a key date; the overridden one none.
    expect(refs(await worklist(w.adviserSession, '?band=red'))).toEqual([red.reference, amber.reference]);
    const redOrGreen = await worklist(w.adviserSession, '?band=red&band=green');
    expect(redOrGreen.rows).toHaveLength(4);
    expect(redOrGreen.summary).toMatchObject({ total: 4, shown: 4 });
    expect(refs(await worklist(w.adviserSession, '?band=green,amber'))).toHaveLength(2);
    expect(refs(await worklist(w.adviserSession, '?type=debt')).sort()).toEqual(
      [amber.reference, onHold.reference].sort(),
    );
    const debtType = (await worklist(w.adviserSession, '?type=debt')).rows[0]?.type.id;
    expect(refs(await worklist(w.adviserSession, `?type=${debtType}`))).toHaveLength(2);
    expect(refs(await worklist(w.adviserSession, '?status=on_hold'))).toEqual([onHold.reference]);
    expect(refs(await worklist(w.adviserSession, '?status=open'))).toHaveLength(3);
    expect(refs(await worklist(w.adviserSession, '?flag=vulnerability'))).toEqual([green.reference]);
    const over = await worklist(w.adviserSession, '?flag=overridden');
    expect(refs(over)).toEqual([amber.reference]);
    expect(over.rows[0]).toMatchObject({
      band: 'red',
      computedBand: 'amber',
      overridden: true,
      override: { band: 'red', rationale: 'Bailiffs booked for Monday.' },
    });
    expect(over.summary).toMatchObject({ total: 4, shown: 1, byBand: { red: 2, amber: 0, green: 2 } });

    const badBand = await statusOf(w.adviserSession, '?band=purple');
    expect(badBand.status).toBe(400);
    expect(badBand.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'query.band' });
    expect((await statusOf(w.adviserSession, '?flag=urgent')).body).toMatchObject({ field: 'query.flag' });
    expect((await statusOf(w.adviserSession, '?status=closed')).body).toMatchObject({
      field: 'query.status',
    });
    expect((await statusOf(w.adviserSession, '?type=no-such-type')).body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'query.type',
    });
  });

  it('computes the timescale clocks for today: within, near, breached (with a test clock)', async () => {
    const later = new TestClock(NOW);
    const app = await buildTestApp(t, { env, clock: later });
    const w = await world();
    // Opened Wed 25 Nov, never contacted: green first contact within 5 working days, by Wed 2 Dec.
    const c = await aCase(w, { openedAt: '2026-11-25T10:00:00Z', lastAttentionAt: '2026-11-25T10:00:00Z' });
    await assessAll(w);
    const at = async (iso: string) => {
      later.advance(new Date(iso).getTime() - later.now().getTime());
      const session = await signInAs(app, w.adviser, { clock: later });
      const list = await worklist(session, '', app);
      return list;
    };
    let list = await at('2026-11-26T09:00:00Z');
    expect(list.rows[0]?.case.id).toBe(c.id);
    expect(list.rows[0]?.timescale).toMatchObject({
      source: 'default',
      attention: {
        kind: 'first-contact',
        status: 'within',
        dueDate: '2026-12-02',
        workingDaysLeft: 4,
        workingDays: 5,
      },
      resolution: { status: 'within', workingDays: 90 },
    });
    list = await at('2026-12-01T09:00:00Z');
    expect(list.rows[0]?.timescale.attention).toMatchObject({ status: 'near', workingDaysLeft: 1 });
    expect(list.rows[0]?.daysSinceAttention).toBe(6);
    expect(list.summary.attention).toEqual({ near: 1, breached: 0 });
    list = await at('2026-12-03T09:00:00Z');
    expect(list.rows[0]?.timescale.attention).toMatchObject({ status: 'breached', workingDaysLeft: -1 });
    expect(list.summary.attention).toEqual({ near: 0, breached: 1 });

    // Once the client has been contacted, the clock is the review interval since the last attention.
    await t.db
      .insertInto('notes')
      .values({
        org_id: w.org.id,
        case_id: c.id,
        author_id: w.adviser.id,
        status: 'filed',
        type: 'contact',
        contact_channel: 'phone',
        occurred_at: new Date('2026-12-03T08:00:00Z'),
        recorded_at: new Date('2026-12-03T08:30:00Z'),
        facts: 'Rang the client.',
        amends_note_id: null,
        amendment_reason: null,
      })
      .execute();
    await t.db
      .updateTable('cases')
      .set({ last_attention_at: new Date('2026-12-03T08:30:00Z') })
      .where('id', '=', c.id)
      .execute();
    list = await at('2026-12-03T10:00:00Z');
    expect(list.rows[0]?.timescale.attention).toMatchObject({
      kind: 'review',
      status: 'within',
      workingDays: 20,
    });
    expect(list.rows[0]?.daysSinceAttention).toBe(0);
  });

  it('checks the resources of red cases: an active owner, a next action with a due date, allocated time', async () => {
    const w = await world();
    const red = await aCase(w, { keyDate: '2026-11-27' });
    await aCase(w, { vulnerability: 2, impact: 'loss-of-home' }); // amber: not checked
    await assessAll(w);
    let list = await worklist(w.adviserSession);
    expect(list.rows[0]).toMatchObject({
      band: 'red',
      resources: { ownerActive: true, hasNextActionWithDueDate: false, allocatedHours: null },
      resourceProblems: ['No next action with a due date', 'No time allocated'],
    });
    expect(list.rows[1]?.resourceProblems).toEqual([]);
    expect(refs(await worklist(w.adviserSession, '?flag=resources'))).toEqual([red.reference]);

    await addAction(w, red.id, '2026-11-30');
    await t.db.updateTable('cases').set({ allocated_hours: 4.5 }).where('id', '=', red.id).execute();
    list = await worklist(w.adviserSession);
    expect(list.rows[0]).toMatchObject({
      resources: { ownerActive: true, hasNextActionWithDueDate: true, allocatedHours: 4.5 },
      resourceProblems: [],
      nextActionDue: { dueDate: '2026-11-30', overdue: false },
    });
    expect(list.summary.redWithResourceProblems).toBe(0);
    expect((await worklist(w.adviserSession, '?flag=resources')).rows).toEqual([]);

    // The owner leaves: the supervisor's view of the team shows the case has no active owner.
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', w.adviser.id).execute();
    const team = await worklist(w.supervisorSession, '?scope=team&flag=resources');
    expect(team.rows.map((r) => [r.case.id, r.resourceProblems])).toEqual([
      [red.id, ['No active owner: the owner’s account is disabled']],
    ]);
    expect(team.summary.redWithResourceProblems).toBe(1);
  });

  it('shows a supervisor a member’s worklist and the team’s; an adviser only their own', async () => {
    const w = await world();
    const mine = await aCase(w);
    const theirs = await aCase(w, { owner: w.colleague.id });
    const otherTeam = await insertTeam(t.db, { orgId: w.org.id });
    const elsewhere = await insertUser(t.db, { orgId: w.org.id, team: { id: otherTeam.id, role: 'member' } });
    const outside = await insertCase(t.db, { orgId: w.org.id, ownerId: elsewhere.id, teamId: otherTeam.id });
    await assessAll(w);

    expect((await worklist(w.adviserSession)).rows.map((r) => r.case.id)).toEqual([mine.id]);
    expect((await worklist(w.colleagueSession)).rows.map((r) => r.case.id)).toEqual([theirs.id]);
    // The supervisor's own worklist is their own cases: none.
    expect((await worklist(w.supervisorSession)).rows).toEqual([]);

    const member = await worklist(w.supervisorSession, `?scope=user&userId=${w.colleague.id}`);
    expect(member).toMatchObject({ scope: 'user', userId: w.colleague.id, teamId: null });
    expect(member.rows.map((r) => [r.case.id, r.owner.id])).toEqual([[theirs.id, w.colleague.id]]);

    const team = await worklist(w.supervisorSession, `?scope=team&teamId=${w.team.id}`);
    expect(team.rows.map((r) => r.case.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect(team.rows.every((r) => r.team?.id === w.team.id)).toBe(true);
    const allTeams = await worklist(w.supervisorSession, '?scope=team');
    expect(allTeams.rows.map((r) => r.case.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect(allTeams.rows.some((r) => r.case.id === outside.id)).toBe(false);

    // Not a team they supervise, nor a member of one.
    expect((await statusOf(w.supervisorSession, `?scope=team&teamId=${otherTeam.id}`)).status).toBe(403);
    expect((await statusOf(w.supervisorSession, `?scope=user&userId=${elsewhere.id}`)).status).toBe(403);

    // An adviser may not see a colleague's worklist or the team's.
    const refused = await statusOf(w.adviserSession, `?scope=user&userId=${w.colleague.id}`);
    expect(refused).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await statusOf(w.adviserSession, `?scope=team&teamId=${w.team.id}`)).status).toBe(403);
    expect((await statusOf(w.adviserSession, '?scope=team')).status).toBe(403);
    // Naming oneself is one's own worklist.
    expect((await worklist(w.adviserSession, `?scope=user&userId=${w.adviser.id}`)).rows).toHaveLength(1);

    // The combination of parameters is checked.
    expect((await statusOf(w.supervisorSession, '?scope=user')).body).toMatchObject({
      field: 'query.userId',
    });
    expect((await statusOf(w.supervisorSession, `?teamId=${w.team.id}`)).body).toMatchObject({
      field: 'query.teamId',
    });
  });

  it('shows another organisation nothing, and refuses an admin a team’s worklist', async () => {
    const w = await world();
    await aCase(w);
    const app = await getApp();
    const other = await insertOrganisation(t.db);
    const stranger = await insertUser(t.db, {
      orgId: other.id,
      roles: ['adviser', 'supervisor'],
      totp: true,
    });
    const strangerSession = await signInAs(app, stranger, { clock });
    expect((await worklist(strangerSession)).rows).toEqual([]);
    expect((await statusOf(strangerSession, `?scope=user&userId=${w.adviser.id}`)).status).toBe(403);
    expect((await statusOf(strangerSession, `?scope=team&teamId=${w.team.id}`)).status).toBe(403);

    const admin = await insertUser(t.db, { orgId: w.org.id, roles: ['admin'], totp: true });
    const adminSession = await signInAs(app, admin, { clock });
    expect((await statusOf(adminSession, `?scope=team&teamId=${w.team.id}`)).status).toBe(403);
    expect((await statusOf(adminSession, `?scope=user&userId=${w.adviser.id}`)).status).toBe(403);
    expect((await worklist(adminSession)).rows).toEqual([]);
  });

  it('audits the read: one event with the scope, the number of rows and the case ids', async () => {
    const w = await world();
    const a = await aCase(w, { keyDate: '2026-11-27' });
    const b = await aCase(w);
    await assessAll(w);
    await worklist(w.supervisorSession, `?scope=user&userId=${w.adviser.id}&band=red`);
    const events = await t.db
      .selectFrom('audit_events')
      .select(['actor_id', 'action', 'entity_type', 'details'])
      .where('org_id', '=', w.org.id)
      .where('action', '=', 'worklist.viewed')
      .execute();
    expect(events).toEqual([
      {
        actor_id: w.supervisor.id,
        action: 'worklist.viewed',
        entity_type: 'case',
        details: {
          scope: 'user',
          userId: w.adviser.id,
          filters: { bands: ['red'], statuses: [] },
          rows: 1,
          caseIds: [a.id],
        },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain(b.id);
    // A refusal is audited as a denial.
    await statusOf(w.adviserSession, `?scope=user&userId=${w.colleague.id}`);
    const denied = await t.db
      .selectFrom('audit_events')
      .select(['details', 'entity_id'])
      .where('org_id', '=', w.org.id)
      .where('action', '=', 'access.denied')
      .execute();
    expect(denied).toEqual([{ details: { policy: 'worklist.view' }, entity_id: w.colleague.id }]);
  });
});
