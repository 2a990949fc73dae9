/**
 * The effect of priorities on a caseload, through the API, on a fixed clock (Thursday 26 November
 * 2026): cases at risk of neglect, attention by the band of its time over the last 4 weeks, the
 * forecast with the practitioner's capacity and the cases' effort, what-ifs, who may see whose
 * caseload, validation problems, and the audit of each read.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import type { CaseloadEffectResponse, CaseloadWhatIfResponse } from '../../src/contract/caseload.ts';
import type { Band } from '../../src/domain/priority/levels.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs, TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

// Thursday 26 November 2026, 09:00 in London (GMT).
const clock = new TestClock(new Date('2026-11-26T09:00:00Z'));

type User = Awaited<ReturnType<typeof insertUser>>;
type Case = Awaited<ReturnType<typeof insertCase>>;

let app: App;
let orgId: string;
let users: Record<'owner' | 'colleague' | 'supervisor' | 'otherSupervisor' | 'admin' | 'idle', User>;
let sessions: Record<keyof typeof users | 'otherOrg', SignedIn>;
let cases: Record<'urgent' | 'waiting' | 'stale' | 'private' | 'closed', Case>;

/** Sets what the figures read; opened_at and attention are set in SQL (they are not updatable through the API). */
async function setCase(
  c: Case,
  values: { openedAt: string; lastAttentionAt: string; band?: Band; effort?: number; closed?: boolean },
) {
  const closed = values.closed
    ? sql`, status = 'closed', outcome = 'resolved', closure_reason = 'Done', closed_at = ${values.lastAttentionAt}::timestamptz`
    : sql``;
  await sql`
    UPDATE cases SET opened_at = ${values.openedAt}::timestamptz,
      last_attention_at = ${values.lastAttentionAt}::timestamptz,
      priority_band = ${values.band ?? null}, estimated_effort_hours = ${values.effort ?? null} ${closed}
    WHERE id = ${c.id}
  `.execute(t.db);
}

async function assess(c: Case, band: Band, at: string) {
  await t.db
    .insertInto('assessments')
    .values({
      org_id: orgId,
      case_id: c.id,
      policy_version: 0,
      trigger: 'daily',
      inputs: '{}',
      score: 0,
      score_band: band,
      computed_band: band,
      band,
      quadrant: 'neither-urgent-nor-important',
      forced_by: null,
      contributions: '[]',
      rules_fired: '[]',
      reasons: '[]',
      rationale: null,
      override_band: null,
      override_rationale: null,
      assessed_by: null,
      assessed_at: new Date(at),
    })
    .execute();
}

async function note(
  c: Case,
  occurredAt: string,
  extra: { amends?: string; status?: 'draft' | 'filed' } = {},
) {
  const row = await t.db
    .insertInto('notes')
    .values({
      org_id: orgId,
      case_id: c.id,
      author_id: c.owner_id,
      status: extra.status ?? 'filed',
      type: 'contact',
      contact_channel: 'phone',
      occurred_at: new Date(occurredAt),
      recorded_at: extra.status === 'draft' ? null : new Date(occurredAt),
      facts: 'Spoke to the client about the letter.',
      amends_note_id: extra.amends ?? null,
      amendment_reason: extra.amends ? 'Wrong date' : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const get = (who: SignedIn, url: string) => sendAs(app, who, 'GET', url);
const whatIf = (who: SignedIn, body: object) => sendAs(app, who, 'POST', '/api/caseload/what-if', body);
const effectOf = async (who: SignedIn, userId?: string) => {
  const res = await get(who, `/api/caseload/effect${userId ? `?userId=${userId}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CaseloadEffectResponse>();
};

beforeAll(async () => {
  app = await buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' }, clock });
  const org = await insertOrganisation(t.db);
  orgId = org.id;
  const team = await insertTeam(t.db, { orgId });
  const otherTeam = await insertTeam(t.db, { orgId });
  const member = { id: team.id, role: 'member' as const };
  users = {
    owner: await insertUser(t.db, { orgId, displayName: 'Ola Owner', team: member }),
    colleague: await insertUser(t.db, { orgId, team: member }),
    supervisor: await insertUser(t.db, {
      orgId,
      roles: ['adviser', 'supervisor'],
      totp: true,
      team: { id: team.id, role: 'supervisor' },
    }),
    otherSupervisor: await insertUser(t.db, {
      orgId,
      roles: ['adviser', 'supervisor'],
      totp: true,
      team: { id: otherTeam.id, role: 'supervisor' },
    }),
    admin: await insertUser(t.db, { orgId, roles: ['admin'], totp: true }),
    idle: await insertUser(t.db, { orgId, team: member }),
  };
  const otherOrg = await insertOrganisation(t.db);
  const stranger = await insertUser(t.db, { orgId: otherOrg.id });
  const mine = { orgId, ownerId: users.owner.id, teamId: team.id };
  cases = {
    urgent: await insertCase(t.db, mine),
    waiting: await insertCase(t.db, { ...mine, typeKey: 'debt' }),
    stale: await insertCase(t.db, mine),
    // No team: only its owner may see it, not the team's supervisor.
    private: await insertCase(t.db, { ...mine, teamId: null }),
    closed: await insertCase(t.db, mine),
  };
  // Red now, amber until 20 Nov; attended yesterday (1 working day ago), 3 hours estimated.
  await setCase(cases.urgent, {
    openedAt: '2026-10-01T09:00:00Z',
    lastAttentionAt: '2026-11-25T14:00:00Z',
    band: 'red',
    effort: 3,
  });
  await assess(cases.urgent, 'amber', '2026-10-01T09:00:00Z');
  await assess(cases.urgent, 'red', '2026-11-20T09:00:00Z');
  await note(cases.urgent, '2026-11-10T10:00:00Z'); // amber then
  await note(cases.urgent, '2026-11-25T14:00:00Z'); // red then
  const original = await note(cases.urgent, '2026-11-24T10:00:00Z');
  await note(cases.urgent, '2026-11-24T10:30:00Z', { amends: original }); // a correction: not attention
  await note(cases.urgent, '2026-11-26T08:00:00Z', { status: 'draft' }); // not filed: not attention
  // Amber, opened 16 Nov and never attended: 8 of its 10 working days gone.
  await setCase(cases.waiting, {
    openedAt: '2026-11-16T09:00:00Z',
    lastAttentionAt: '2026-11-16T09:00:00Z',
    band: 'amber',
  });
  await assess(cases.waiting, 'amber', '2026-11-16T09:00:00Z');
  // Green, last attended 29 Oct: 20 working days, the whole of its review timescale.
  await setCase(cases.stale, { openedAt: '2026-09-01T09:00:00Z', lastAttentionAt: '2026-10-29T15:00:00Z' });
  await note(cases.stale, '2026-10-29T15:00:00Z'); // before the 4-week window (from 30 Oct)
  await setCase(cases.private, {
    openedAt: '2026-11-26T08:00:00Z',
    lastAttentionAt: '2026-11-26T08:00:00Z',
    band: 'green',
    effort: 0,
  });
  await setCase(cases.closed, {
    openedAt: '2026-09-01T09:00:00Z',
    lastAttentionAt: '2026-11-12T09:00:00Z',
    closed: true,
  });
  await note(cases.closed, '2026-11-12T09:00:00Z');
  // The colleague's own case is not the owner's caseload.
  const theirs = await insertCase(t.db, { orgId, ownerId: users.colleague.id, teamId: team.id });
  await note(theirs, '2026-11-25T09:00:00Z');

  const signIn = (u: User) => signInAs(app, u, { clock });
  sessions = {
    owner: await signIn(users.owner),
    colleague: await signIn(users.colleague),
    supervisor: await signIn(users.supervisor),
    otherSupervisor: await signIn(users.otherSupervisor),
    admin: await signIn(users.admin),
    idle: await signIn(users.idle),
    otherOrg: await signIn(stranger),
  };
  // An administrator sets the owner's weekly capacity: 10 hours (2 a working day).
  const patched = await sendAs(app, sessions.admin, 'PATCH', `/api/users/${users.owner.id}`, {
    weeklyCapacityHours: 10,
  });
  expect(patched.statusCode, patched.body).toBe(200);
});

describe('weekly capacity', () => {
  it('is set by admins through PATCH /api/users/:id and shown on the user', async () => {
    const shown = await get(sessions.owner, `/api/users/${users.owner.id}`);
    expect(shown.json()).toMatchObject({ weeklyCapacityHours: 10 });
    const fresh = await get(sessions.colleague, `/api/users/${users.colleague.id}`);
    expect(fresh.json()).toMatchObject({ weeklyCapacityHours: 30 }); // the default
    const audited = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('org_id', '=', orgId)
      .where('action', '=', 'user.updated')
      .where('entity_id', '=', users.owner.id)
      .executeTakeFirstOrThrow();
    expect(audited.details).toMatchObject({ fields: ['weeklyCapacityHours'] });
  });

  it('refuses a capacity outside 0–80 hours, naming the field, and refuses non-admins', async () => {
    for (const weeklyCapacityHours of [-1, 81, '30']) {
      const res = await sendAs(app, sessions.admin, 'PATCH', `/api/users/${users.idle.id}`, {
        weeklyCapacityHours,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'weeklyCapacityHours' });
    }
    const bySupervisor = await sendAs(app, sessions.supervisor, 'PATCH', `/api/users/${users.owner.id}`, {
      weeklyCapacityHours: 40,
    });
    expect(bySupervisor.statusCode).toBe(403);
  });
});

describe('GET /api/caseload/effect', () => {
  it('lists the cases at risk of neglect, most neglected first, with reasons', async () => {
    const effect = await effectOf(sessions.owner);
    expect(effect.practitioner).toEqual({
      id: users.owner.id,
      displayName: 'Ola Owner',
      weeklyCapacityHours: 10,
    });
    expect(effect.today).toBe('2026-11-26');
    expect(effect.openCases).toBe(4);
    expect(effect.neglect.map((n) => [n.case.reference, n.band, n.shareElapsed])).toEqual([
      [cases.stale.reference, 'green', 1],
      [cases.waiting.reference, 'amber', 0.8],
    ]);
    expect(effect.neglect[0]?.reason).toBe(
      'Review due today: no attention for 20 working days, the whole of its review timescale of 20 working days.',
    );
    expect(effect.neglect[1]).toMatchObject({
      case: { id: cases.waiting.id, clientName: expect.any(String) },
      workingDaysLeft: 2,
      overdue: false,
      reason:
        '80% of its review timescale of 10 working days has gone: no attention since it was opened 8 working days ago; review due within 2 working days.',
    });
  });

  it('counts the last 4 weeks’ attention in the band each case had at the time', async () => {
    const { attention } = await effectOf(sessions.owner);
    expect(attention).toMatchObject({ from: '2026-10-30', to: '2026-11-26', weeks: 4, totalCases: 4 });
    // Two notes on the urgent case (amber on 10 Nov, red on 25 Nov) and its first note of 24 Nov,
    // not its amendment or draft; the closed case's note counts outside the caseload.
    expect(attention.bands.map((b) => [b.band, b.cases, b.attentionEvents])).toEqual([
      ['red', 1, 2],
      ['amber', 1, 1],
      ['green', 2, 0],
    ]);
    expect(attention.totalEvents).toBe(3);
    expect(attention.eventsOutsideCaseload).toBe(1);
    const amber = attention.bands.find((b) => b.band === 'amber');
    expect(amber?.casesWithoutAttention.map((c) => c.id)).toEqual([cases.waiting.id]);
    const green = attention.bands.find((b) => b.band === 'green');
    expect(green?.casesWithoutAttention.map((c) => c.id).sort()).toEqual(
      [cases.stale.id, cases.private.id].sort(),
    );
    expect(attention.summary[0]).toMatch(/^Red: 1 case \(25% of the caseload\); 2 of the 3 attention events/);
  });

  it('forecasts breaches from the capacity and the efforts, defaults stated in the assumptions', async () => {
    const { forecast, assumptions } = await effectOf(sessions.owner);
    // Red (3 h, estimated) first, amber (2 h by default, due in 2 working days), green (1 h, due today).
    expect(forecast.cases.map((c) => [c.case.id, c.effortHours, c.effortEstimated, c.breaches])).toEqual([
      [cases.urgent.id, 3, true, false],
      [cases.waiting.id, 2, false, false],
      [cases.stale.id, 1, false, true],
      [cases.private.id, 0, true, false],
    ]);
    expect(forecast.summary).toMatchObject({ breaching: 1, capacityHours: 40, effortHours: 6 });
    expect(forecast.weeks[0]).toMatchObject({ week: 1, capacityHours: 10, allocatedHours: 6, spareHours: 4 });
    expect(forecast.weeks[0]?.breaching.map((c) => c.id)).toEqual([cases.stale.id]);
    expect(forecast.weeks[1]?.breaching).toEqual([]);
    expect(forecast.cases[2]?.reason).toMatch(/^Breach expected in week 1: its timescale ends today/);
    expect(assumptions).toContain(
      'Cases without an estimated effort are taken to need red 3 hours, amber 2 hours, green 1 hour of work; an estimate on the case replaces this.',
    );
    expect(assumptions.join(' ')).toContain('weekly capacity is 10 hours');
  });

  it('audits each read once, with ids only', async () => {
    const before = await auditCount('caseload.effect_viewed');
    await effectOf(sessions.owner);
    const events = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('action', '=', 'caseload.effect_viewed')
      .orderBy('seq', 'desc')
      .execute();
    expect(events).toHaveLength(before + 1);
    const latest = events[0];
    if (!latest) throw new Error('no caseload.effect_viewed event');
    expect(latest).toMatchObject({
      actor_id: users.owner.id,
      entity_type: 'user',
      entity_id: users.owner.id,
    });
    expect((latest.details as { caseIds: string[] }).caseIds.sort()).toEqual(
      [cases.urgent.id, cases.waiting.id, cases.stale.id, cases.private.id].sort(),
    );
    expect(JSON.stringify(latest.details)).not.toMatch(/Ola|client|reason/i);
  });
});

const auditCount = async (action: string) =>
  (
    await t.db
      .selectFrom('audit_events')
      .select('seq')
      .where('org_id', '=', orgId)
      .where('action', '=', action)
      .execute()
  ).length;

describe('whose caseload', () => {
  it('lets a supervisor see a team member’s caseload, without cases outside the team', async () => {
    const effect = await effectOf(sessions.supervisor, users.owner.id);
    expect(effect.practitioner.id).toBe(users.owner.id);
    expect(effect.openCases).toBe(3);
    expect(effect.forecast.cases.map((c) => c.case.id)).not.toContain(cases.private.id);
  });

  it('refuses anyone else with 403, audited, and answers admins with their own (empty) caseload', async () => {
    for (const who of ['colleague', 'otherSupervisor', 'admin', 'otherOrg'] as const) {
      const res = await get(sessions[who], `/api/caseload/effect?userId=${users.owner.id}`);
      expect(res.statusCode, who).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    const denials = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('org_id', '=', orgId)
      .where('action', '=', 'access.denied')
      .where('entity_id', '=', users.owner.id)
      .execute();
    expect(denials.filter((d) => JSON.stringify(d.details).includes('caseload.effect'))).toHaveLength(3);
    const own = await effectOf(sessions.admin);
    expect(own).toMatchObject({ openCases: 0, neglect: [], forecast: { cases: [] } });
  });

  it('names a malformed userId as the field at fault', async () => {
    const res = await get(sessions.owner, '/api/caseload/effect?userId=nobody');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'query.userId' });
  });
});

describe('POST /api/caseload/what-if', () => {
  it('shows which cases slip when a hypothetical urgent case is added', async () => {
    const res = await whatIf(sessions.owner, { change: { addCase: { band: 'red', effortHours: 4 } } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<CaseloadWhatIfResponse>();
    // Needs first contact within 1 working day, so it goes first; the amber case is pushed past its review.
    expect(body.addedCase).toMatchObject({
      band: 'red',
      deadlineWorkingDays: 1,
      position: 1,
      breaches: false,
    });
    expect(body.slipping.map((d) => [d.case.id, d.shift])).toEqual([
      [cases.urgent.id, 'later'],
      [cases.waiting.id, 'newly breaching'],
      [cases.stale.id, 'later'],
      [cases.private.id, 'later'],
    ]);
    expect(body.slipping[1]?.reason).toMatch(/^Newly breaching: attention moves from week 1/);
    expect(body.unaffected).toBe(0);
    expect(body.baseline.breaching).toBe(1);
    expect(body.scenario.breaching).toBe(2);
    expect(body.summary).toBe(
      '4 cases slip (1 newly breaching); breaches in the caseload go from 1 to 2; the added case gets its attention in week 1 (within 1 working day), in time.',
    );
    expect(body.assumptions.join(' ')).toContain('first-contact timescale of its band');
  });

  it('takes weeks away and less capacity', async () => {
    const away = (
      await whatIf(sessions.owner, { change: { absentWeeks: [1] } })
    ).json<CaseloadWhatIfResponse>();
    expect(away.scenarioWeeks.map((w) => w.capacityHours)).toEqual([0, 10, 10, 10]);
    expect(away.slipping.filter((d) => d.shift === 'newly breaching').map((d) => d.case.id)).toEqual([
      cases.urgent.id,
      cases.waiting.id,
    ]);
    const less = (
      await whatIf(sessions.owner, { change: { capacityHours: 5 } })
    ).json<CaseloadWhatIfResponse>();
    expect(less.scenarioWeeks.map((w) => w.capacityHours)).toEqual([5, 5, 5, 5]);
    expect(less.addedCase).toBeNull();
  });

  it('lets the supervisor ask for a team member and refuses others', async () => {
    const change = { addCase: { band: 'red', effortHours: 2 } };
    const asSupervisor = await whatIf(sessions.supervisor, { userId: users.owner.id, change });
    expect(asSupervisor.statusCode).toBe(200);
    expect(asSupervisor.json<CaseloadWhatIfResponse>().practitioner.id).toBe(users.owner.id);
    for (const who of ['colleague', 'otherSupervisor', 'admin'] as const) {
      expect((await whatIf(sessions[who], { userId: users.owner.id, change })).statusCode, who).toBe(403);
    }
    const before = await auditCount('caseload.what_if_viewed');
    await whatIf(sessions.owner, { change });
    expect(await auditCount('caseload.what_if_viewed')).toBe(before + 1);
  });

  it('names each problem of the change as a field', async () => {
    const cases: [object, string][] = [
      [{ change: {} }, 'change'],
      [{ change: { addCase: { band: 'red', effortHours: -1 } } }, 'change.addCase.effortHours'],
      [{ change: { addCase: { band: 'purple', effortHours: 1 } } }, 'change.addCase.band'],
      [{ change: { capacityHours: 81 } }, 'change.capacityHours'],
      [{ change: { absentWeeks: [5] } }, 'change.absentWeeks.0'],
      [{ change: { absentWeeks: [2, 2] } }, 'change.absentWeeks'],
      [{ change: { capacity: 3 } }, 'change.capacity'],
    ];
    for (const [body, field] of cases) {
      const res = await whatIf(sessions.owner, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json(), JSON.stringify(body)).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
  });

  it('cannot scale a capacity of 0 hours, and says so on the field', async () => {
    await sendAs(app, sessions.admin, 'PATCH', `/api/users/${users.idle.id}`, { weeklyCapacityHours: 0 });
    const res = await whatIf(sessions.idle, { change: { capacityHours: 10 } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'change.capacityHours' });
    const added = await whatIf(sessions.idle, { change: { addCase: { effortHours: 1 } } });
    expect(added.statusCode).toBe(200);
    // With no capacity the added (red by default) case is never reached, and breaches.
    expect(added.json<CaseloadWhatIfResponse>().addedCase).toMatchObject({ band: 'red', breaches: true });
  });
});
