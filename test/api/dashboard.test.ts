/**
 * GET /api/dashboard on a caseload of known shape: every figure checked against a count made here
 * — from what the test inserted, or with the test's own SQL — never by calling the dashboard's
 * code. Plus who may see whose dashboard, that other teams' cases never count, the audit row, and
 * the caseload settings' effect on "stalled".
 *
 * The clock is fixed at Thursday 26 November 2026, 09:00 in London (GMT): the current week is
 * Mon 23 – Sun 29 Nov, and 10 working days from today end on Thu 10 Dec.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import type { DashboardFigures } from '../../src/contract/dashboard.ts';
import { reassessOpenCases } from '../../src/services/priority/reassess-cases.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs, TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

const NOW = new Date('2026-11-26T09:00:00Z');
const TODAY = '2026-11-26';
const clock = new TestClock(NOW);
const env = { CASELOAD_LOGIN_IP_LIMIT: '100000' };
let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env, clock }));

interface CaseSpec {
  owner: string;
  team: string;
  type: 'welfare-benefits' | 'debt' | 'housing';
  openedAt: string;
  lastAttentionAt?: string;
  /** A filed contact note at this time (the client has been contacted). */
  contactAt?: string;
  vulnerability?: number;
  impact?: 'none' | 'loss-of-home' | 'risk-to-liberty-or-safety';
  complexityWeight?: number;
  onHold?: boolean;
  closed?: { at: string; outcomeKey: string | null };
}

async function aCase(orgId: string, s: CaseSpec) {
  const c = await insertCase(t.db, { orgId, ownerId: s.owner, teamId: s.team, typeKey: s.type });
  await t.db
    .updateTable('cases')
    .set({
      vulnerability: s.vulnerability ?? 0,
      impact: s.impact ?? 'none',
      complexity_weight: s.complexityWeight ?? 1,
      last_attention_at: new Date(s.lastAttentionAt ?? s.openedAt),
      ...(s.onHold ? { status: 'on_hold' as const, hold_reason: 'Waiting for the client' } : {}),
      ...(s.closed
        ? {
            status: 'closed' as const,
            closed_at: new Date(s.closed.at),
            outcome: 'Closed',
            outcome_key: s.closed.outcomeKey,
            closure_reason: 'Finished',
          }
        : {}),
    })
    .where('id', '=', c.id)
    .execute();
  await sql`UPDATE cases SET opened_at = ${new Date(s.openedAt)} WHERE id = ${c.id}`.execute(t.db);
  if (s.contactAt) {
    await t.db
      .insertInto('notes')
      .values({
        org_id: orgId,
        case_id: c.id,
        author_id: s.owner,
        status: 'filed',
        type: 'contact',
        contact_channel: 'phone',
        occurred_at: new Date(s.contactAt),
        recorded_at: new Date(s.contactAt),
        facts: 'Spoke to the client.',
        amends_note_id: null,
        amendment_reason: null,
      })
      .execute();
  }
  return c;
}

async function anAction(orgId: string, caseId: string, by: string, due: string | null, status = 'open') {
  const row = await t.db
    .insertInto('actions')
    .values({
      org_id: orgId,
      case_id: caseId,
      description: 'Next step',
      owner_kind: 'practitioner',
      owner_user_id: by,
      due_date: due,
      status: status as 'open' | 'done',
      completed_at: status === 'done' ? NOW : null,
      created_by: by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function aKeyDate(orgId: string, caseId: string, by: string, due: string, status = 'pending') {
  const row = await t.db
    .insertInto('key_dates')
    .values({
      org_id: orgId,
      case_id: caseId,
      kind: 'hearing',
      due_date: due,
      description: 'Hearing',
      status: status as 'pending' | 'met',
      created_by: by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function anObstacle(orgId: string, caseId: string, by: string, category: string, resolved = false) {
  const row = await t.db
    .insertInto('obstacles')
    .values({
      org_id: orgId,
      case_id: caseId,
      category: category as 'awaiting-documents',
      description: 'Blocked',
      since: '2026-11-01',
      resolved_at: resolved ? new Date('2026-11-20T10:00:00Z') : null,
      created_by: by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function aGoal(orgId: string, caseId: string, by: string, status: string, resultAt: string | null) {
  const row = await t.db
    .insertInto('goals')
    .values({
      org_id: orgId,
      case_id: caseId,
      description: 'Goal',
      status: status as 'achieved',
      result_at: resultAt ? new Date(resultAt) : null,
      created_by: by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function world() {
  const app = await getApp();
  const org = await insertOrganisation(t.db);
  const other = await insertOrganisation(t.db);
  const otherTeamElsewhere = await insertTeam(t.db, { orgId: other.id });
  const team = await insertTeam(t.db, { orgId: org.id, name: 'Welfare team' });
  const teamU = await insertTeam(t.db, { orgId: org.id, name: 'Housing team' });
  const adviser = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
  const colleague = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
  const supervisor = await insertUser(t.db, {
    orgId: org.id,
    roles: ['adviser', 'supervisor'],
    totp: true,
    team: { id: team.id, role: 'supervisor' },
  });
  const outsider = await insertUser(t.db, { orgId: org.id, team: { id: teamU.id, role: 'member' } });
  const admin = await insertUser(t.db, { orgId: org.id, roles: ['admin'], totp: true });

  // Weights: debt 2, housing 1.5, welfare benefits 1; no complexity factors apply (weights are
  // tested with the weighting code; here they only need to be known).
  await t.db.updateTable('complexity_factors').set({ active: false }).where('org_id', '=', org.id).execute();
  for (const [key, w] of [
    ['debt', 2],
    ['housing', 1.5],
    ['welfare-benefits', 1],
  ] as const) {
    await t.db
      .updateTable('case_types')
      .set({ base_weight: w })
      .where('org_id', '=', org.id)
      .where('key', '=', key)
      .execute();
  }
  // The adviser's capacity: 10 points per FTE × 0.5 FTE = 5 points.
  await t.db
    .updateTable('users')
    .set({ capacity_points: 10, fte: 0.5 })
    .where('id', '=', adviser.id)
    .execute();

  const mine = { owner: adviser.id, team: team.id };
  const o = org.id;
  const a = adviser.id;
  // Open and on hold. Red: vulnerability 3 + risk to liberty; amber: 2 + loss of home.
  const red = await aCase(o, {
    ...mine,
    type: 'welfare-benefits',
    openedAt: '2026-11-24T09:00:00Z',
    contactAt: '2026-11-24T10:00:00Z',
    lastAttentionAt: '2026-11-25T09:00:00Z',
    vulnerability: 3,
    impact: 'risk-to-liberty-or-safety',
  });
  const amber = await aCase(o, {
    ...mine,
    type: 'debt',
    openedAt: '2026-10-01T09:00:00Z',
    contactAt: '2026-10-01T10:00:00Z',
    lastAttentionAt: '2026-11-25T09:00:00Z',
    vulnerability: 2,
    impact: 'loss-of-home',
  });
  // On hold since the summer: past its target resolution (breached).
  const onHold = await aCase(o, {
    ...mine,
    type: 'housing',
    openedAt: '2026-07-01T09:00:00Z',
    contactAt: '2026-07-01T10:00:00Z',
    lastAttentionAt: '2026-11-25T09:00:00Z',
    onHold: true,
  });
  // No attention since Mon 2 Nov: 18 working days (stalled after 10; 90 % of a 20-day review).
  const stalled = await aCase(o, {
    ...mine,
    type: 'welfare-benefits',
    openedAt: '2025-06-02T09:00:00Z',
    contactAt: '2025-06-02T10:00:00Z',
    lastAttentionAt: '2026-11-02T09:00:00Z',
    complexityWeight: 2,
  });
  // Closed: 10 days ago resolved (positive), 60 days ago referred on, 6 days ago with no outcome
  // recorded, and 164 days ago (inside the 26 weeks, outside 90 days).
  const closed10 = await aCase(o, {
    ...mine,
    type: 'welfare-benefits',
    openedAt: '2026-08-03T09:00:00Z',
    closed: { at: '2026-11-16T15:00:00Z', outcomeKey: 'resolved' },
  });
  const closed60 = await aCase(o, {
    ...mine,
    type: 'debt',
    openedAt: '2026-09-01T09:00:00Z',
    closed: { at: '2026-09-27T15:00:00Z', outcomeKey: 'referred-on' },
  });
  const closedNoOutcome = await aCase(o, {
    ...mine,
    type: 'housing',
    openedAt: '2026-11-02T09:00:00Z',
    closed: { at: '2026-11-20T15:00:00Z', outcomeKey: null },
  });
  const closedOld = await aCase(o, {
    ...mine,
    type: 'welfare-benefits',
    openedAt: '2026-03-02T09:00:00Z',
    closed: { at: '2026-06-15T12:00:00Z', outcomeKey: 'resolved' },
  });
  // A colleague's case in the same team, and a case of another team (shared with the adviser).
  const colleagueCase = await aCase(o, {
    owner: colleague.id,
    team: team.id,
    type: 'debt',
    openedAt: '2026-11-10T09:00:00Z',
    lastAttentionAt: '2026-11-25T09:00:00Z',
  });
  const otherTeamCase = await aCase(o, {
    owner: outsider.id,
    team: teamU.id,
    type: 'debt',
    openedAt: '2026-11-10T09:00:00Z',
  });
  await t.db
    .insertInto('case_shares')
    .values({
      org_id: o,
      case_id: otherTeamCase.id,
      user_id: a,
      reason: 'Second opinion',
      granted_by: outsider.id,
      granted_at: NOW,
      expires_at: null,
      revoked_at: null,
    })
    .execute();
  await reassessOpenCases({ db: t.db, clock }, o, 'daily');
  // Opened this morning, after the daily assessment: not assessed yet.
  const fresh = await aCase(o, {
    ...mine,
    type: 'debt',
    openedAt: '2026-11-26T08:00:00Z',
  });

  const records = {
    overdue: [
      await anAction(o, red.id, a, '2026-11-20'),
      await anAction(o, red.id, a, '2026-11-25'),
      await anAction(o, stalled.id, a, '2026-11-10'),
    ],
    notOverdue: [
      await anAction(o, amber.id, a, TODAY),
      await anAction(o, amber.id, a, '2026-11-30'),
      await anAction(o, amber.id, a, '2026-11-01', 'done'),
      await anAction(o, amber.id, a, null),
      await anAction(o, closed10.id, a, '2026-11-01'),
      await anAction(o, otherTeamCase.id, outsider.id, '2026-11-01'),
    ],
    dueSoon: [
      await aKeyDate(o, red.id, a, TODAY),
      await aKeyDate(o, red.id, a, '2026-12-03'),
      await aKeyDate(o, amber.id, a, '2026-12-10'),
    ],
    missed: [await aKeyDate(o, red.id, a, '2026-11-20')],
    notKeyDates: [
      await aKeyDate(o, amber.id, a, '2026-12-11'),
      await aKeyDate(o, amber.id, a, '2026-12-01', 'met'),
      await aKeyDate(o, closed10.id, a, '2026-12-01'),
      await aKeyDate(o, otherTeamCase.id, outsider.id, '2026-12-01'),
    ],
    obstacles: {
      'awaiting-documents': [await anObstacle(o, red.id, a, 'awaiting-documents')],
      'awaiting-third-party': [await anObstacle(o, amber.id, a, 'awaiting-third-party')],
    },
    notObstacles: [
      await anObstacle(o, amber.id, a, 'awaiting-documents', true),
      await anObstacle(o, closed10.id, a, 'capacity'),
      await anObstacle(o, otherTeamCase.id, outsider.id, 'capacity'),
    ],
    goals30: [await aGoal(o, red.id, a, 'achieved', '2026-11-20T10:00:00Z')],
    goals90only: [await aGoal(o, closed60.id, a, 'partly_achieved', '2026-09-20T10:00:00Z')],
    notGoals: [
      await aGoal(o, amber.id, a, 'achieved', '2026-07-01T10:00:00Z'),
      await aGoal(o, amber.id, a, 'not_achieved', '2026-11-20T10:00:00Z'),
      await aGoal(o, amber.id, a, 'active', null),
      await aGoal(o, otherTeamCase.id, outsider.id, 'achieved', '2026-11-20T10:00:00Z'),
    ],
    colleagueGoal: await aGoal(o, colleagueCase.id, colleague.id, 'achieved', '2026-11-21T10:00:00Z'),
    colleagueOverdue: await anAction(o, colleagueCase.id, colleague.id, '2026-11-02'),
  };

  const sessions = {
    adviser: await signInAs(app, adviser, { clock }),
    colleague: await signInAs(app, colleague, { clock }),
    supervisor: await signInAs(app, supervisor, { clock }),
    admin: await signInAs(app, admin, { clock }),
  };
  // External factors: the organisation's office closure (Fri 13 – Tue 17 Nov), the adviser's own
  // absence, a colleague's absence and another team's peak.
  const factor = async (body: object) => {
    const res = await sendAs(app, sessions.admin, 'POST', '/api/external-factors', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const factors = {
    closure: await factor({
      kind: 'office-closure',
      title: 'Office closed for refurbishment',
      startsOn: '2026-11-13',
      endsOn: '2026-11-17',
    }),
    adviserAbsence: await factor({
      kind: 'staff-absence',
      title: 'Training course',
      startsOn: '2026-10-05',
      endsOn: '2026-10-06',
      userId: a,
    }),
    colleagueAbsence: await factor({
      kind: 'staff-absence',
      title: 'Annual leave',
      startsOn: '2026-11-02',
      userId: colleague.id,
    }),
    otherTeamPeak: await factor({
      kind: 'seasonal-peak',
      title: 'Winter fuel claims',
      startsOn: '2026-11-02',
      endsOn: '2026-11-30',
      teamId: teamU.id,
    }),
    tooOld: await factor({ kind: 'policy-change', title: 'Old change', startsOn: '2026-01-05' }),
  };
  return {
    org,
    other,
    otherTeamElsewhere,
    team,
    teamU,
    adviser,
    colleague,
    supervisor,
    outsider,
    admin,
    sessions,
    cases: { red, amber, onHold, stalled, closed10, closed60, closedNoOutcome, closedOld, fresh },
    colleagueCase,
    otherTeamCase,
    records,
    factors,
  };
}
type World = Awaited<ReturnType<typeof world>>;
let w: World;
beforeAll(async () => {
  w = await world();
});

async function dashboard(session: SignedIn, query = '') {
  const res = await sendAs(await getApp(), session, 'GET', `/api/dashboard${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DashboardFigures>();
}

const sorted = (ids: readonly string[]) => [...ids].sort();

/** The test's own count of open and on-hold cases of an owner, with their band, type and opening day. */
async function openCasesOf(ownerId: string) {
  const { rows } = await sql<{
    id: string;
    status: string;
    band: string | null;
    type: string;
    opened: string;
  }>`
    SELECT c.id, c.status, a.band, t.name AS type,
           to_char((c.opened_at AT TIME ZONE 'Europe/London')::date, 'YYYY-MM-DD') AS opened
      FROM cases c
      JOIN case_types t ON t.id = c.case_type_id
      LEFT JOIN assessments a ON a.id = c.assessment_id
     WHERE c.owner_id = ${ownerId} AND c.status <> 'closed'`.execute(t.db);
  return rows;
}

describe('GET /api/dashboard (mine)', () => {
  it('counts open cases by band, status and type as the test’s own SQL does', async () => {
    const d = await dashboard(w.sessions.adviser);
    const open = await openCasesOf(w.adviser.id);
    const c = w.cases;
    expect(sorted(open.map((r) => r.id))).toEqual(
      sorted([c.red.id, c.amber.id, c.onHold.id, c.stalled.id, c.fresh.id]),
    );
    expect(d.open.total.count).toBe(5);
    expect(sorted(d.open.total.caseIds)).toEqual(sorted(open.map((r) => r.id)));
    for (const band of ['red', 'amber', 'green'] as const) {
      const expected = open.filter((r) => r.band === band).map((r) => r.id);
      expect(sorted(d.open.byBand[band].caseIds), band).toEqual(sorted(expected));
      expect(d.open.byBand[band].count).toBe(expected.length);
    }
    expect(d.open.byBand.notAssessed.caseIds).toEqual([c.fresh.id]);
    // The fixture has the shape meant: one red, one amber.
    expect(d.open.byBand.red.caseIds).toEqual([c.red.id]);
    expect(d.open.byBand.amber.caseIds).toEqual([c.amber.id]);
    expect(d.open.byStatus.onHold.caseIds).toEqual([c.onHold.id]);
    expect(sorted(d.open.byStatus.open.caseIds)).toEqual(
      sorted([c.red.id, c.amber.id, c.stalled.id, c.fresh.id]),
    );
    const types = new Map<string, string[]>();
    for (const r of open) types.set(r.type, [...(types.get(r.type) ?? []), r.id]);
    expect(d.open.byCaseType.map((x) => [x.name, x.count, sorted(x.caseIds)])).toEqual(
      [...types.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, ids]) => [name, ids.length, sorted(ids)]),
    );
  });

  it('ages the open cases by calendar days since opening', async () => {
    const d = await dashboard(w.sessions.adviser);
    const open = await openCasesOf(w.adviser.id);
    const days = (opened: string) => (Date.parse(TODAY) - Date.parse(opened)) / 86_400_000;
    const bucket = (n: number) =>
      n <= 30 ? '0-30' : n <= 90 ? '31-90' : n <= 180 ? '91-180' : n <= 365 ? '181-365' : 'over-365';
    for (const b of d.ageing) {
      const expected = open.filter((r) => bucket(days(r.opened)) === b.key).map((r) => r.id);
      expect(sorted(b.caseIds), b.key).toEqual(sorted(expected));
      expect(b.count).toBe(expected.length);
    }
    // red (2 days) and fresh (0) are new; amber 56 days; on hold 148; stalled 542.
    const c = w.cases;
    expect(Object.fromEntries(d.ageing.map((b) => [b.key, sorted(b.caseIds)]))).toEqual({
      '0-30': sorted([c.red.id, c.fresh.id]),
      '31-90': [c.amber.id],
      '91-180': [c.onHold.id],
      '181-365': [],
      'over-365': [c.stalled.id],
    });
  });

  it('counts overdue actions, key dates due within 10 working days and missed, and open obstacles', async () => {
    const d = await dashboard(w.sessions.adviser);
    const r = w.records;
    const c = w.cases;
    expect(d.overdueActions.count).toBe(3);
    expect(sorted(d.overdueActions.itemIds)).toEqual(sorted(r.overdue));
    expect(sorted(d.overdueActions.caseIds)).toEqual(sorted([c.red.id, c.stalled.id]));
    expect(d.keyDates.dueSoonUntil).toBe('2026-12-10');
    expect(sorted(d.keyDates.dueSoon.itemIds)).toEqual(sorted(r.dueSoon));
    expect(d.keyDates.dueSoon.count).toBe(3);
    expect(sorted(d.keyDates.dueSoon.caseIds)).toEqual(sorted([c.red.id, c.amber.id]));
    expect(d.keyDates.missed).toEqual({ count: 1, itemIds: r.missed, caseIds: [c.red.id] });
    expect(d.obstacles.total.count).toBe(2);
    expect(Object.fromEntries(d.obstacles.byCategory.map((o) => [o.category, [o.count, o.itemIds]]))).toEqual(
      {
        'awaiting-documents': [1, r.obstacles['awaiting-documents']],
        'awaiting-third-party': [1, r.obstacles['awaiting-third-party']],
      },
    );
  });

  it('finds the stalled and the neglected case, and measures timescale compliance', async () => {
    const d = await dashboard(w.sessions.adviser);
    const c = w.cases;
    expect(d.settings.stalledAfterDays).toBe(10);
    expect(d.stalled).toEqual({ count: 1, caseIds: [c.stalled.id] });
    expect(d.neglect).toEqual({ count: 1, caseIds: [c.stalled.id] });
    // Breached: the case on hold since July (90-day resolution gone) and the one open since 2025.
    // Within: red and amber (contacted, attended yesterday, recent), and this morning's case.
    expect(sorted(d.timescales.breached.caseIds)).toEqual(sorted([c.onHold.id, c.stalled.id]));
    expect(sorted(d.timescales.within.caseIds)).toEqual(sorted([c.red.id, c.amber.id, c.fresh.id]));
    expect(d.timescales.measured).toBe(5);
    expect(d.timescales.compliancePercent).toBe(60);
  });

  it('counts goals achieved and cases closed in the last 30 and 90 days, by outcome', async () => {
    const d = await dashboard(w.sessions.adviser);
    const r = w.records;
    const c = w.cases;
    expect(d.goalsAchieved.last30Days.itemIds).toEqual(r.goals30);
    expect(sorted(d.goalsAchieved.last90Days.itemIds)).toEqual(sorted([...r.goals30, ...r.goals90only]));
    expect(d.goalsAchieved.last90Days.count).toBe(2);
    expect(sorted(d.closed.last30Days.caseIds)).toEqual(sorted([c.closed10.id, c.closedNoOutcome.id]));
    expect(d.closed.last30Days.byOutcome.map((o) => [o.label, o.count, o.caseIds, o.positive])).toEqual([
      ['Resolved', 1, [c.closed10.id], true],
      ['Not recorded', 1, [c.closedNoOutcome.id], false],
    ]);
    expect(d.closed.last90Days.count).toBe(3);
    expect(d.closed.last90Days.byOutcome.map((o) => [o.outcomeKey, o.count])).toEqual([
      ['resolved', 1],
      ['referred-on', 1],
      [null, 1],
    ]);
  });

  it('shows the practitioner’s capacity: the weights of every case they hold against points × FTE', async () => {
    const d = await dashboard(w.sessions.adviser);
    // red 1 + amber 2 + on hold 1.5 + stalled 1 × 2 + fresh 2 = 8.5 points, against 10 × 0.5 = 5.
    const { rows } = await sql<{ load: string }>`
      SELECT sum(t.base_weight * c.complexity_weight) AS load FROM cases c
        JOIN case_types t ON t.id = c.case_type_id
       WHERE c.owner_id = ${w.adviser.id} AND c.status <> 'closed'`.execute(t.db);
    expect(Number(rows[0]?.load)).toBe(8.5);
    expect(d.capacity).toMatchObject({
      userId: w.adviser.id,
      load: 8.5,
      capacity: 5,
      percent: 170,
      rag: 'red',
      hiddenCases: 0,
    });
    expect(sorted(d.capacity?.caseIds ?? [])).toEqual(sorted(d.open.total.caseIds));
  });

  it('draws 26 weekly points of intake, closures, positive outcomes and weighted load', async () => {
    const d = await dashboard(w.sessions.adviser);
    const weeks = d.trends.weeks;
    expect(weeks).toHaveLength(26);
    expect(weeks[0]).toMatchObject({ weekStart: '2026-06-01', weekEnd: '2026-06-07' });
    expect(weeks.at(-1)).toMatchObject({ weekStart: '2026-11-23', weekEnd: '2026-11-29' });
    // The test's own count, week by week, from the rows in the database.
    const { rows } = await sql<{
      id: string;
      opened: string;
      closed: string | null;
      positive: boolean;
      weight: string;
    }>`
      SELECT c.id,
             to_char((c.opened_at AT TIME ZONE 'Europe/London')::date, 'YYYY-MM-DD') AS opened,
             to_char((c.closed_at AT TIME ZONE 'Europe/London')::date, 'YYYY-MM-DD') AS closed,
             coalesce(ot.positive, false) AS positive,
             t.base_weight * c.complexity_weight AS weight
        FROM cases c
        JOIN case_types t ON t.id = c.case_type_id
        LEFT JOIN outcome_types ot ON ot.org_id = c.org_id AND ot.key = c.outcome_key
       WHERE c.owner_id = ${w.adviser.id}`.execute(t.db);
    for (const week of weeks) {
      const inWeek = (d: string | null) => d !== null && d >= week.weekStart && d <= week.weekEnd;
      const end = week.weekEnd < TODAY ? week.weekEnd : TODAY;
      const openAtEnd = rows.filter((r) => r.opened <= end && (r.closed === null || r.closed > end));
      expect(week.intake, week.weekStart).toBe(rows.filter((r) => inWeek(r.opened)).length);
      expect(week.closures, week.weekStart).toBe(rows.filter((r) => inWeek(r.closed)).length);
      expect(week.positiveOutcomes, week.weekStart).toBe(
        rows.filter((r) => inWeek(r.closed) && r.positive).length,
      );
      expect(week.weightedLoad, week.weekStart).toBeCloseTo(
        openAtEnd.reduce((s, r) => s + Number(r.weight), 0),
        2,
      );
    }
    // Some weeks must have something in them, or the loop above proves little.
    expect(weeks.find((x) => x.weekStart === '2026-11-16')).toMatchObject({
      intake: 0,
      closures: 2,
      positiveOutcomes: 1,
    });
    expect(weeks.at(-1)).toMatchObject({ intake: 2, weightedLoad: 8.5 });
    expect(d.trends.notes.join(' ')).toContain('weight it has today');
  });

  it('lists the external factors of the 26 weeks that bear on the practitioner, on the weeks they overlap', async () => {
    const d = await dashboard(w.sessions.adviser);
    const f = w.factors;
    expect(sorted(d.externalFactors.map((x) => x.id))).toEqual(sorted([f.closure, f.adviserAbsence]));
    const weeksOf = (id: string) =>
      d.trends.weeks.filter((x) => x.externalFactorIds.includes(id)).map((x) => x.weekStart);
    expect(weeksOf(f.closure)).toEqual(['2026-11-09', '2026-11-16']);
    expect(weeksOf(f.adviserAbsence)).toEqual(['2026-10-05']);
  });

  it('describes every case a figure names once, with reference, band, status, type and owner', async () => {
    const d = await dashboard(w.sessions.adviser);
    const named = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === 'caseIds' && Array.isArray(x)) for (const id of x) named.add(String(id));
          else if (k !== 'cases') walk(x);
        }
      }
    };
    walk(d);
    const ids = d.cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sorted(ids)).toEqual(sorted([...named]));
    const c = w.cases;
    expect(d.cases.find((x) => x.id === c.closed60.id)).toMatchObject({
      reference: c.closed60.reference,
      status: 'closed',
      caseTypeName: 'Debt',
      ownerName: w.adviser.display_name,
    });
    expect(d.cases.find((x) => x.id === c.onHold.id)).toMatchObject({ status: 'on_hold' });
    expect(d.cases.find((x) => x.id === c.fresh.id)).toMatchObject({ band: 'not-assessed' });
    // The shared case of another team is the adviser's to see, but not theirs: never counted.
    expect(ids).not.toContain(w.otherTeamCase.id);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it('audits the read with the scope, counts and case ids only', async () => {
    const d = await dashboard(w.sessions.adviser);
    const row = await t.db
      .selectFrom('audit_events')
      .select(['details', 'entity_type', 'actor_id'])
      .where('org_id', '=', w.org.id)
      .where('action', '=', 'dashboard.viewed')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.actor_id).toBe(w.adviser.id);
    expect(row.entity_type).toBe('case');
    expect(row.details).toMatchObject({
      scope: 'mine',
      counts: { open: 5, red: 1, overdueActions: 3, stalled: 1, timescaleBreached: 2, closedLast90Days: 3 },
    });
    expect(sorted(row.details.caseIds as string[])).toEqual(sorted(d.cases.map((c) => c.id)));
    const text = JSON.stringify(row.details);
    expect(text).not.toContain(w.adviser.display_name);
    expect(text).not.toContain('Hearing');
  });
});

describe('GET /api/dashboard: supervisors, teams and access', () => {
  it('gives a supervisor the same figures for a member of their team as the member sees', async () => {
    const own = await dashboard(w.sessions.adviser);
    const theirs = await dashboard(w.sessions.supervisor, `?scope=user&userId=${w.adviser.id}`);
    const { scope: _a, generatedAt: _b, ...ownRest } = own;
    const { scope, generatedAt: _c, ...theirRest } = theirs;
    expect(scope).toEqual({ kind: 'user', userId: w.adviser.id, teamIds: [] });
    expect(theirRest).toEqual(ownRest);
  });

  it('counts the whole team for its supervisor, never another team’s cases', async () => {
    const d = await dashboard(w.sessions.supervisor, `?scope=team&teamId=${w.team.id}`);
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM cases WHERE team_id = ${w.team.id} AND status <> 'closed'`.execute(t.db);
    expect(sorted(d.open.total.caseIds)).toEqual(sorted(rows.map((r) => r.id)));
    expect(d.open.total.caseIds).toContain(w.colleagueCase.id);
    expect(d.cases.map((c) => c.id)).not.toContain(w.otherTeamCase.id);
    expect(d.overdueActions.count).toBe(4);
    expect(d.goalsAchieved.last30Days.itemIds).toContain(w.records.colleagueGoal);
    expect(d.goalsAchieved.last30Days.count).toBe(2);
    expect(d.capacity).toBeNull();
    // The team's factors: the organisation's and the team members' (the colleague's absence), not
    // another team's.
    expect(sorted(d.externalFactors.map((f) => f.id))).toEqual(
      sorted([w.factors.closure, w.factors.adviserAbsence, w.factors.colleagueAbsence]),
    );
    // Without teamId: every team they supervise (here the one).
    const all = await dashboard(w.sessions.supervisor, '?scope=team');
    expect(sorted(all.open.total.caseIds)).toEqual(sorted(d.open.total.caseIds));
  });

  it('refuses an adviser a colleague’s or a team’s dashboard (403, audited)', async () => {
    const app = await getApp();
    const res = await sendAs(
      app,
      w.sessions.adviser,
      'GET',
      `/api/dashboard?scope=user&userId=${w.colleague.id}`,
    );
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    const denied = await t.db
      .selectFrom('audit_events')
      .select(['details', 'entity_id'])
      .where('org_id', '=', w.org.id)
      .where('action', '=', 'access.denied')
      .where('actor_id', '=', w.adviser.id)
      .execute();
    expect(denied).toContainEqual({ details: { policy: 'worklist.view' }, entity_id: w.colleague.id });
    const team = await sendAs(
      app,
      w.sessions.adviser,
      'GET',
      `/api/dashboard?scope=team&teamId=${w.team.id}`,
    );
    expect(team.statusCode).toBe(403);
  });

  it('refuses a supervisor another team and its members, and an admin anyone’s', async () => {
    const app = await getApp();
    for (const [session, query] of [
      [w.sessions.supervisor, `?scope=team&teamId=${w.teamU.id}`],
      [w.sessions.supervisor, `?scope=user&userId=${w.outsider.id}`],
      [w.sessions.admin, `?scope=user&userId=${w.adviser.id}`],
      [w.sessions.admin, '?scope=team'],
    ] as const) {
      const res = await sendAs(app, session, 'GET', `/api/dashboard${query}`);
      expect(res.statusCode, query).toBe(403);
    }
  });

  it('names the field when the query is incomplete', async () => {
    const app = await getApp();
    const res = await sendAs(app, w.sessions.supervisor, 'GET', '/api/dashboard?scope=user');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'query.userId' });
    const bad = await sendAs(app, w.sessions.supervisor, 'GET', '/api/dashboard?scope=mine&teamId=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('query.teamId');
  });
});

describe('caseload settings', () => {
  it('lets anyone read them and only admins change them, every problem naming its field', async () => {
    const app = await getApp();
    const read = await sendAs(app, w.sessions.adviser, 'GET', '/api/organisation/caseload-settings');
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      stalledAfterDays: 10,
      reviewCadenceWeeks: 4,
      recordsFinancialOutcomes: true,
    });
    const valid = { stalledAfterDays: 20, reviewCadenceWeeks: 6, recordsFinancialOutcomes: false };
    const refused = await sendAs(
      app,
      w.sessions.supervisor,
      'PUT',
      '/api/organisation/caseload-settings',
      valid,
    );
    expect(refused.statusCode).toBe(403);
    for (const [body, field] of [
      [{ ...valid, stalledAfterDays: 0 }, 'stalledAfterDays'],
      [{ ...valid, stalledAfterDays: 251 }, 'stalledAfterDays'],
      [{ ...valid, stalledAfterDays: 2.5 }, 'stalledAfterDays'],
      [{ ...valid, reviewCadenceWeeks: 53 }, 'reviewCadenceWeeks'],
      [{ ...valid, recordsFinancialOutcomes: 'yes' }, 'recordsFinancialOutcomes'],
      [{ stalledAfterDays: 20, reviewCadenceWeeks: 6 }, 'recordsFinancialOutcomes'],
    ] as const) {
      const res = await sendAs(app, w.sessions.admin, 'PUT', '/api/organisation/caseload-settings', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
    expect(
      (
        await t.db
          .selectFrom('organisations')
          .select('stalled_after_days')
          .where('id', '=', w.org.id)
          .executeTakeFirstOrThrow()
      ).stalled_after_days,
    ).toBe(10);
  });

  it('an admin’s change is audited and moves the stalled line on the dashboard', async () => {
    const app = await getApp();
    const body = { stalledAfterDays: 19, reviewCadenceWeeks: 6, recordsFinancialOutcomes: false };
    const res = await sendAs(app, w.sessions.admin, 'PUT', '/api/organisation/caseload-settings', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject(body);
    const event = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('org_id', '=', w.org.id)
      .where('action', '=', 'organisation.caseload_settings_set')
      .executeTakeFirstOrThrow();
    expect(event.details).toEqual({
      changed: {
        stalledAfterDays: { from: 10, to: 19 },
        reviewCadenceWeeks: { from: 4, to: 6 },
        recordsFinancialOutcomes: { from: true, to: false },
      },
    });
    // 18 working days without attention: stalled after 10, not after 19; 18 after 18.
    expect((await dashboard(w.sessions.adviser)).stalled.count).toBe(0);
    await sendAs(app, w.sessions.admin, 'PUT', '/api/organisation/caseload-settings', {
      ...body,
      stalledAfterDays: 18,
    });
    expect((await dashboard(w.sessions.adviser)).stalled.caseIds).toEqual([w.cases.stalled.id]);
    await sendAs(app, w.sessions.admin, 'PUT', '/api/organisation/caseload-settings', {
      stalledAfterDays: 10,
      reviewCadenceWeeks: 4,
      recordsFinancialOutcomes: true,
    });
  });
});

describe('external factors', () => {
  const post = async (session: SignedIn, body: object) =>
    sendAs(await getApp(), session, 'POST', '/api/external-factors', body);

  it('lists them for anyone signed in, filtered by period, saying who may change each', async () => {
    const app = await getApp();
    const res = await sendAs(
      app,
      w.sessions.adviser,
      'GET',
      '/api/external-factors?from=2026-11-01&to=2026-11-30',
    );
    expect(res.statusCode).toBe(200);
    const list = res.json<{
      items: { id: string; canChange: boolean; userName: string | null }[];
      canAdd: boolean;
    }>();
    expect(list.canAdd).toBe(false);
    expect(sorted(list.items.map((i) => i.id))).toEqual(
      sorted([w.factors.closure, w.factors.colleagueAbsence, w.factors.otherTeamPeak]),
    );
    expect(list.items.every((i) => !i.canChange)).toBe(true);
    const sup = (await sendAs(app, w.sessions.supervisor, 'GET', '/api/external-factors')).json<
      typeof list
    >();
    expect(sup.canAdd).toBe(true);
    const canChange = Object.fromEntries(sup.items.map((i) => [i.id, i.canChange]));
    expect(canChange[w.factors.colleagueAbsence]).toBe(true);
    expect(canChange[w.factors.closure]).toBe(false);
    expect(canChange[w.factors.otherTeamPeak]).toBe(false);
    const bad = await sendAs(
      app,
      w.sessions.adviser,
      'GET',
      '/api/external-factors?from=2026-12-01&to=2026-11-01',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('query.to');
  });

  it('refuses bad values with problem details naming the field, and stores nothing', async () => {
    const before = await t.db
      .selectFrom('external_factors')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const base = { kind: 'staff-absence', title: 'Leave', startsOn: '2026-12-10' };
    for (const [body, field] of [
      [{ ...base, endsOn: '2026-12-09' }, 'endsOn'],
      [{ ...base, teamId: w.otherTeamElsewhere.id }, 'teamId'],
      [{ ...base, userId: w.other.id }, 'userId'],
      [{ ...base, teamId: w.team.id, userId: w.adviser.id }, 'userId'],
      [{ ...base, title: ' ' }, 'title'],
      [{ ...base, kind: 'holiday' }, 'kind'],
      [{ ...base, startsOn: '10/12/2026' }, 'startsOn'],
    ] as const) {
      const res = await post(w.sessions.admin, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
    const after = await t.db
      .selectFrom('external_factors')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('lets a supervisor manage factors of their team and its members only; advisers none', async () => {
    const app = await getApp();
    expect((await post(w.sessions.adviser, { kind: 'other', title: 'x', startsOn: TODAY })).statusCode).toBe(
      403,
    );
    expect(
      (await post(w.sessions.supervisor, { kind: 'other', title: 'x', startsOn: TODAY })).statusCode,
    ).toBe(403);
    expect(
      (await post(w.sessions.supervisor, { kind: 'other', title: 'x', startsOn: TODAY, teamId: w.teamU.id }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await post(w.sessions.supervisor, {
          kind: 'other',
          title: 'x',
          startsOn: TODAY,
          userId: w.outsider.id,
        })
      ).statusCode,
    ).toBe(403);
    const created = await post(w.sessions.supervisor, {
      kind: 'seasonal-peak',
      title: 'Cost of living rush',
      startsOn: '2026-11-23',
      endsOn: '2026-12-04',
      teamId: w.team.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ id: string }>().id;
    expect(created.json()).toMatchObject({ teamName: 'Welfare team', canChange: true });
    // Moving it to another team is refused; changing its dates is not.
    const moved = await sendAs(app, w.sessions.supervisor, 'PATCH', `/api/external-factors/${id}`, {
      teamId: w.teamU.id,
    });
    expect(moved.statusCode).toBe(403);
    const changed = await sendAs(app, w.sessions.supervisor, 'PATCH', `/api/external-factors/${id}`, {
      endsOn: '2026-12-11',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ endsOn: '2026-12-11', startsOn: '2026-11-23' });
    const backwards = await sendAs(app, w.sessions.supervisor, 'PATCH', `/api/external-factors/${id}`, {
      startsOn: '2026-12-31',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().field).toBe('endsOn');
    // The organisation's closure is the admins'.
    const notTheirs = await sendAs(
      app,
      w.sessions.supervisor,
      'DELETE',
      `/api/external-factors/${w.factors.closure}`,
    );
    expect(notTheirs.statusCode).toBe(403);
    // It shows on the team's dashboard, in the weeks it overlaps.
    const d = await dashboard(w.sessions.supervisor, `?scope=team&teamId=${w.team.id}`);
    expect(d.trends.weeks.at(-1)?.externalFactorIds).toContain(id);
    const removed = await sendAs(app, w.sessions.supervisor, 'DELETE', `/api/external-factors/${id}`);
    expect(removed.statusCode).toBe(204);
    const missing = await sendAs(app, w.sessions.supervisor, 'DELETE', `/api/external-factors/${id}`);
    expect(missing.statusCode).toBe(404);
    const events = await t.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'external_factor.added',
      'access.denied',
      'external_factor.changed',
      'external_factor.removed',
    ]);
    expect(events[2]?.details).toEqual({ fields: ['endsOn'], teamId: w.team.id, userId: null });
    expect(JSON.stringify(events)).not.toContain('Cost of living');
  });

  it('answers 404 for another organisation’s factor', async () => {
    const app = await getApp();
    const stranger = await insertUser(t.db, { orgId: w.other.id, roles: ['admin'], totp: true });
    const session = await signInAs(app, stranger, { clock });
    const res = await sendAs(app, session, 'PATCH', `/api/external-factors/${w.factors.closure}`, {
      title: 'Mine now',
    });
    expect(res.statusCode).toBe(404);
    const list = await sendAs(app, session, 'GET', '/api/external-factors');
    expect(list.json().items).toEqual([]);
  });
});
