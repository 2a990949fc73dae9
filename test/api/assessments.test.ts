import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import type { AssessmentListResponse } from '../../src/contract/assessments.ts';
import { DEFAULT_PRIORITY_POLICY } from '../../src/domain/priority/policy.ts';
import { systemClock } from '../../src/services/context.ts';
import { reassessCases, reassessOpenCases } from '../../src/services/priority/reassess-cases.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs, TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

// Thursday 26 November 2026, 09:00 in London.
const clock = new TestClock(new Date('2026-11-26T09:00:00Z'));
let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' }, clock }));

async function send(session: SignedIn, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return sendAs(await getApp(), session, method, url, payload);
}

async function world() {
  const app = await getApp();
  const org = await insertOrganisation(t.db);
  const team = await insertTeam(t.db, { orgId: org.id });
  const owner = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
  const supervisor = await insertUser(t.db, {
    orgId: org.id,
    roles: ['adviser', 'supervisor'],
    totp: true,
    team: { id: team.id, role: 'supervisor' },
  });
  const admin = await insertUser(t.db, { orgId: org.id, roles: ['admin'], totp: true });
  const outsider = await insertUser(t.db, { orgId: org.id });
  const theCase = await insertCase(t.db, { orgId: org.id, ownerId: owner.id, teamId: team.id });
  return {
    org,
    owner,
    supervisor,
    theCase,
    ownerSession: await signInAs(app, owner, { clock }),
    supervisorSession: await signInAs(app, supervisor, { clock }),
    adminSession: await signInAs(app, admin, { clock }),
    outsiderSession: await signInAs(app, outsider, { clock }),
  };
}

const historyOf = async (session: SignedIn, caseId: string) => {
  const res = await send(session, 'GET', `/api/cases/${caseId}/assessments`);
  expect(res.statusCode).toBe(200);
  return res.json<AssessmentListResponse>();
};

const notificationsOf = (userId: string, kind: string) =>
  t.db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .execute();

describe('assessments', () => {
  it('assesses a case when it is opened through the API: green, with the reasons in plain words', async () => {
    const w = await world();
    const type = await t.db
      .selectFrom('case_types')
      .select('id')
      .where('org_id', '=', w.org.id)
      .where('key', '=', 'debt')
      .executeTakeFirstOrThrow();
    const opened = await send(w.ownerSession, 'POST', '/api/cases', {
      clientId: w.theCase.client_id,
      caseTypeId: type.id,
      presentingIssue: 'Council tax arrears',
    });
    expect(opened.statusCode).toBe(201);
    const history = await historyOf(w.ownerSession, opened.json<{ id: string }>().id);
    expect(history.assessments).toHaveLength(1);
    expect(history.current).toMatchObject({
      trigger: 'case-opened',
      band: 'green',
      computedBand: 'green',
      score: 0,
      policyVersion: 0,
      assessedBy: null,
      override: null,
    });
    expect(history.current?.reasons[0]).toBe('Green: nothing raises its priority');
  });

  it('a safeguarding flag makes the case red with the reason; the supervisor is told once, not twice', async () => {
    const w = await world();
    const flag = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/flags`, {
      kind: 'safeguarding',
      category: 'domestic abuse',
    });
    expect(flag.statusCode).toBe(201);
    const { current } = await historyOf(w.ownerSession, w.theCase.id);
    expect(current).toMatchObject({ band: 'red', trigger: 'flag', forcedBy: 'safeguarding-is-red' });
    expect(current?.reasons[0]).toBe('Red: safeguarding concern raised 26 Nov');
    const stored = await t.db
      .selectFrom('cases')
      .select(['priority_band', 'assessment_id'])
      .where('id', '=', w.theCase.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ priority_band: 'red', assessment_id: current?.id });
    // Told of the concern, the supervisor is not told again that the case turned red.
    expect(await notificationsOf(w.supervisor.id, 'safeguarding-flag')).toHaveLength(1);
    expect(await notificationsOf(w.supervisor.id, 'turned-red')).toHaveLength(0);
    // The owner raised the flag: they know, so they are not told.
    expect(await notificationsOf(w.owner.id, 'turned-red')).toHaveLength(0);

    // Re-assessing with nothing changed stores nothing and tells no one.
    await reassessOpenCases({ db: t.db, clock }, w.org.id, 'daily');
    expect((await historyOf(w.ownerSession, w.theCase.id)).assessments).toHaveLength(2);
    expect(
      await t.db.selectFrom('notifications').select('id').where('case_id', '=', w.theCase.id).execute(),
    ).toHaveLength(1);
  });

  it('stores a practitioner assessment with rationale, and refuses an override without its own rationale', async () => {
    const w = await world();
    const url = `/api/cases/${w.theCase.id}/assessments`;
    const noOverrideReason = await send(w.ownerSession, 'POST', url, {
      vulnerability: 2,
      impact: 'loss-of-home',
      rationale: 'Possession hearing listed; client has two children.',
      override: { band: 'red', rationale: '   ' },
    });
    expect(noOverrideReason.statusCode).toBe(400);
    expect(noOverrideReason.headers['content-type']).toContain('application/problem+json');
    expect(noOverrideReason.json()).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'override.rationale',
    });
    const noRationale = await send(w.ownerSession, 'POST', url, {
      vulnerability: 2,
      impact: 'loss-of-home',
      rationale: '',
    });
    expect(noRationale.statusCode).toBe(400);
    expect(noRationale.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'rationale' });
    // Nothing was half-written.
    const unchanged = await t.db
      .selectFrom('cases')
      .select(['vulnerability', 'impact'])
      .where('id', '=', w.theCase.id)
      .executeTakeFirstOrThrow();
    expect(unchanged).toEqual({ vulnerability: 0, impact: 'none' });
    expect(
      await t.db.selectFrom('assessments').select('id').where('case_id', '=', w.theCase.id).execute(),
    ).toEqual([]);

    // 20 (vulnerability 2) + 35 (loss of home) = 55: amber.
    const assessed = await send(w.ownerSession, 'POST', url, {
      vulnerability: 2,
      impact: 'loss-of-home',
      rationale: 'Possession hearing listed; client has two children.',
    });
    expect(assessed.statusCode).toBe(201);
    expect(assessed.json<AssessmentListResponse>().current).toMatchObject({
      trigger: 'practitioner',
      band: 'amber',
      score: 55,
      rationale: 'Possession hearing listed; client has two children.',
      assessedBy: { id: w.owner.id },
      quadrant: 'important-not-urgent',
    });
    expect(assessed.json<AssessmentListResponse>().judgements).toEqual({
      vulnerability: 2,
      impact: 'loss-of-home',
    });

    const sameBand = await send(w.ownerSession, 'POST', url, {
      vulnerability: 2,
      impact: 'loss-of-home',
      rationale: 'Reviewed.',
      override: { band: 'amber', rationale: 'No change' },
    });
    expect(sameBand.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'override.band' });

    const overridden = await send(w.ownerSession, 'POST', url, {
      vulnerability: 2,
      impact: 'loss-of-home',
      rationale: 'Reviewed after the call.',
      override: { band: 'red', rationale: 'Bailiffs booked for Monday; the letter is not yet on file.' },
    });
    expect(overridden.statusCode).toBe(201);
    const body = overridden.json<AssessmentListResponse>();
    expect(body.current).toMatchObject({
      band: 'red',
      computedBand: 'amber',
      override: { band: 'red', rationale: 'Bailiffs booked for Monday; the letter is not yet on file.' },
    });
    expect(body.current?.reasons[0]).toBe(
      'Red, overridden from amber: Bailiffs booked for Monday; the letter is not yet on file.',
    );
    expect(body.assessments.map((a) => a.band)).toEqual(['red', 'amber']);
    // The judgements' changes are in the case's field history.
    const changes = await t.db
      .selectFrom('field_changes')
      .select(['field'])
      .where('entity_id', '=', w.theCase.id)
      .orderBy('id')
      .execute();
    expect(changes.map((c) => c.field)).toEqual(['vulnerability', 'impact']);
    // The supervisor is told that the case turned red (the override counts).
    expect(await notificationsOf(w.supervisor.id, 'turned-red')).toHaveLength(1);
  });

  it('carries an override while the policy’s band stands, and lets it lapse when the facts move the band', async () => {
    const w = await world();
    const url = `/api/cases/${w.theCase.id}/assessments`;
    await send(w.ownerSession, 'POST', url, {
      vulnerability: 0,
      impact: 'inconvenience',
      rationale: 'Client managing.',
      override: { band: 'amber', rationale: 'Client asked us to chase the council this week.' },
    });
    // A note filed: re-assessed, same computed band (green), so the override stands (nothing new stored).
    await reassessOpenCases({ db: t.db, clock }, w.org.id, 'daily');
    let history = await historyOf(w.ownerSession, w.theCase.id);
    expect(history.assessments).toHaveLength(1);
    expect(history.current).toMatchObject({ band: 'amber', computedBand: 'green' });

    await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/flags`, {
      kind: 'safeguarding',
      category: 'self-neglect',
    });
    history = await historyOf(w.ownerSession, w.theCase.id);
    expect(history.current).toMatchObject({
      band: 'red',
      computedBand: 'red',
      override: null,
      trigger: 'flag',
    });
  });

  it('previews an assessment without storing it', async () => {
    const w = await world();
    const res = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/assessments/preview`, {
      vulnerability: 3,
      impact: 'risk-to-liberty-or-safety',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: null, band: 'red', score: 75, quadrant: 'important-not-urgent' });
    expect(
      await t.db.selectFrom('assessments').select('id').where('case_id', '=', w.theCase.id).execute(),
    ).toEqual([]);
    const bad = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/assessments/preview`, {
      vulnerability: 4,
      impact: 'loss-of-home',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'vulnerability' });
  });

  it('answers 404 to someone who may not see the case, and audits reads and writes', async () => {
    const w = await world();
    const url = `/api/cases/${w.theCase.id}/assessments`;
    expect((await send(w.outsiderSession, 'GET', url)).statusCode).toBe(404);
    expect(
      (await send(w.outsiderSession, 'POST', url, { vulnerability: 1, impact: 'none', rationale: 'x' }))
        .statusCode,
    ).toBe(404);
    await send(w.supervisorSession, 'POST', url, { vulnerability: 1, impact: 'none', rationale: 'Checked.' });
    await historyOf(w.supervisorSession, w.theCase.id);
    const actions = await t.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id', 'details'])
      .where('org_id', '=', w.org.id)
      .where('entity_id', '=', w.theCase.id)
      .where('action', 'like', 'assessment.%')
      .orderBy('seq')
      .execute();
    // The POST answers with the history, a read of its own.
    expect(actions.map((a) => [a.action, a.actor_id])).toEqual([
      ['assessment.recorded', w.supervisor.id],
      ['assessment.listed', w.supervisor.id],
      ['assessment.listed', w.supervisor.id],
    ]);
    expect(JSON.stringify(actions[0]?.details)).not.toContain('Checked.');
  });

  it('re-assesses daily as time passes: the waiting criterion grows with the working days since attention', async () => {
    const w = await world();
    const daily = new TestClock(new Date('2026-11-26T09:00:00Z'));
    await t.db
      .updateTable('cases')
      .set({
        last_attention_at: new Date('2026-11-02T10:00:00Z'),
        opened_at: new Date('2026-10-01T10:00:00Z'),
      } as never)
      .where('id', '=', w.theCase.id)
      .execute();
    // A first contact, so the review interval (green: 20 working days) is the clock.
    await t.db
      .insertInto('notes')
      .values({
        org_id: w.org.id,
        case_id: w.theCase.id,
        author_id: w.owner.id,
        status: 'filed',
        type: 'contact',
        occurred_at: new Date('2026-11-02T10:00:00Z'),
        recorded_at: new Date('2026-11-02T10:00:00Z'),
        facts: 'Client phoned.',
      })
      .execute();
    await t.db.transaction().execute((tx) =>
      reassessCases({ db: t.db, clock: daily }, tx, {
        orgId: w.org.id,
        caseIds: [w.theCase.id],
        trigger: 'daily',
      }),
    );
    let history = await historyOf(w.ownerSession, w.theCase.id);
    // 18 working days of 20 since Mon 2 Nov: 90%, ≥ 75% → 10 points.
    expect(history.current?.score).toBe(10);
    expect(history.current?.reasons[0]).toContain(
      '90% of the service timescale elapsed since last attention',
    );

    daily.advance(4 * 24 * 3600_000); // Mon 30 Nov: 20 of 20 working days → 20 points and the amber rule.
    const summary = await reassessOpenCases({ db: t.db, clock: daily }, w.org.id, 'daily');
    expect(summary).toMatchObject({ changed: 1 });
    history = await historyOf(w.ownerSession, w.theCase.id);
    expect(history.current).toMatchObject({
      score: 20,
      band: 'amber',
      forcedBy: 'timescale-passed-is-amber',
    });
    expect(history.assessments.map((a) => a.trigger)).toEqual(['daily', 'daily']);
  });

  it('re-assesses every open case under a new policy version, naming the version', async () => {
    const w = await world();
    await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/assessments`, {
      vulnerability: 1,
      impact: 'financial-loss',
      rationale: 'Arrears growing.',
    });
    const policy = {
      ...DEFAULT_PRIORITY_POLICY,
      thresholds: { red: 70, amber: 20 },
    };
    const saved = await send(w.adminSession, 'PUT', '/api/priority-policy', {
      policy,
      changeNote: 'Amber from 20 points',
    });
    expect(saved.statusCode).toBe(200);
    const { current } = await historyOf(w.ownerSession, w.theCase.id);
    expect(current).toMatchObject({ policyVersion: 1, trigger: 'policy', band: 'amber', score: 25 });
  });

  it('refuses to assess a closed case', async () => {
    const w = await world();
    await t.db
      .updateTable('cases')
      .set({ status: 'closed', outcome: 'resolved', closure_reason: 'Done', closed_at: systemClock.now() })
      .where('id', '=', w.theCase.id)
      .execute();
    const res = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/assessments`, {
      vulnerability: 1,
      impact: 'none',
      rationale: 'x',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'INVALID_STATUS_CHANGE' });
  });
});
