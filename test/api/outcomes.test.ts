/**
 * Outcomes through the API: the organisation's outcome list (admins edit it), closing a case needs
 * an outcome from it, financial outcomes where the organisation records them, and the outcome
 * report whose every figure is counted here independently.
 */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { buildTestApp, type SignedIn, signInAs, TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

const clock = new TestClock(new Date('2026-11-20T10:00:00Z'));
let sharedApp: Promise<App> | undefined;
const getApp = () => (sharedApp ??= buildTestApp(t, { clock, env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } }));

type User = Awaited<ReturnType<typeof insertUser>>;
const sessions = new Map<string, Promise<SignedIn>>();

function as(user: User) {
  return async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const app = await getApp();
    const s = sessions.get(user.id) ?? signInAs(app, user, { clock });
    sessions.set(user.id, s);
    const session = await s;
    return app.inject({
      method,
      url,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      ...(payload ? { payload } : {}),
    });
  };
}

async function world() {
  const org = await insertOrganisation(t.db);
  const team = await insertTeam(t.db, { orgId: org.id });
  const adviser = await insertUser(t.db, {
    orgId: org.id,
    displayName: 'Asha Adviser',
    team: { id: team.id, role: 'member' },
  });
  const teammate = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
  const supervisor = await insertUser(t.db, {
    orgId: org.id,
    roles: ['supervisor'],
    totp: true,
    team: { id: team.id, role: 'supervisor' },
  });
  const admin = await insertUser(t.db, { orgId: org.id, roles: ['admin'], totp: true });
  const open = (ownerId = adviser.id) => insertCase(t.db, { orgId: org.id, ownerId, teamId: team.id });
  return { org, team, adviser, teammate, supervisor, admin, open };
}
type World = Awaited<ReturnType<typeof world>>;

const CLOSE = { status: 'closed', outcomeKey: 'resolved', closureReason: 'Advice acted on' };

const auditRows = (orgId: string, action: string) =>
  t.db
    .selectFrom('audit_events')
    .select(['actor_id', 'entity_id', 'details'])
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

const financialCount = async (orgId: string) =>
  (await t.db.selectFrom('financial_outcomes').select('id').where('org_id', '=', orgId).execute()).length;

async function stopRecordingFinancialOutcomes(w: World) {
  await t.db
    .updateTable('organisations')
    .set({ records_financial_outcomes: false })
    .where('id', '=', w.org.id)
    .execute();
}

describe('the outcome list', () => {
  it('is read by anyone signed in and edited by admins only; keys are fixed', async () => {
    const w = await world();
    const list = await as(w.adviser)('GET', '/api/outcome-types');
    expect(list.statusCode).toBe(200);
    expect(list.json().outcomeTypes.map((o: { key: string }) => o.key)).toEqual([
      'resolved',
      'partly-resolved',
      'referred-on',
      'client-withdrew',
      'no-contact',
      'not-resolved',
    ]);
    expect((await as(w.adviser)('GET', '/api/outcome-types?all=true')).statusCode).toBe(403);
    const body = { key: 'debt-relief-order', label: 'Debt relief order granted', positive: true };
    expect((await as(w.adviser)('POST', '/api/outcome-types', body)).statusCode).toBe(403);

    const created = await as(w.admin)('POST', '/api/outcome-types', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ ...body, active: true, sortOrder: 7 });
    const again = await as(w.admin)('POST', '/api/outcome-types', body);
    expect(again.json()).toMatchObject({ code: 'OUTCOME_TYPE_KEY_TAKEN', field: 'key' });
    const badKey = await as(w.admin)('POST', '/api/outcome-types', { key: 'Debt Relief', label: 'x' });
    expect(badKey.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'key' });

    const id = created.json().id;
    const rekey = await as(w.admin)('PATCH', `/api/outcome-types/${id}`, { key: 'dro' });
    expect(rekey.statusCode).toBe(400);
    const off = await as(w.admin)('PATCH', `/api/outcome-types/${id}`, {
      active: false,
      label: 'DRO granted',
    });
    expect(off.json()).toMatchObject({ key: 'debt-relief-order', label: 'DRO granted', active: false });
    expect((await as(w.adviser)('GET', '/api/outcome-types')).json().outcomeTypes).toHaveLength(6);
    expect((await as(w.admin)('GET', '/api/outcome-types?all=true')).json().outcomeTypes).toHaveLength(7);
    expect((await as(w.adviser)('PATCH', `/api/outcome-types/${id}`, { active: true })).statusCode).toBe(403);
    expect((await auditRows(w.org.id, 'outcome-type.updated'))[0]?.details).toEqual({
      key: 'debt-relief-order',
      fields: ['label', 'active'],
      active: false,
    });
    const missing = await as(w.admin)('PATCH', `/api/outcome-types/${crypto.randomUUID()}`, { label: 'x' });
    expect(missing.json().code).toBe('OUTCOME_TYPE_NOT_FOUND');
  });

  it('keeps at least one outcome in use', async () => {
    const w = await world();
    const all = (await as(w.admin)('GET', '/api/outcome-types?all=true')).json().outcomeTypes as {
      id: string;
    }[];
    const [last, ...others] = all;
    for (const o of others) {
      expect((await as(w.admin)('PATCH', `/api/outcome-types/${o.id}`, { active: false })).statusCode).toBe(
        200,
      );
    }
    const refused = await as(w.admin)('PATCH', `/api/outcome-types/${last?.id}`, { active: false });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'CONFLICT', field: 'active' });
  });
});

describe('closing a case needs an outcome from the list', () => {
  it('refuses a closure without an outcome key, or with one not in use, and changes nothing', async () => {
    const w = await world();
    const kase = await w.open();
    const url = `/api/cases/${kase.id}/status`;
    const send = as(w.adviser);
    const without = await send('POST', url, { status: 'closed', outcome: 'Won', closureReason: 'Done' });
    expect(without.statusCode).toBe(400);
    expect(without.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'outcomeKey' });
    const unknown = await send('POST', url, { ...CLOSE, outcomeKey: 'won' });
    expect(unknown.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'outcomeKey' });
    await t.db
      .updateTable('outcome_types')
      .set({ active: false })
      .where('org_id', '=', w.org.id)
      .where('key', '=', 'no-contact')
      .execute();
    const inactive = await send('POST', url, { ...CLOSE, outcomeKey: 'no-contact' });
    expect(inactive.json()).toMatchObject({ field: 'outcomeKey' });
    const row = await t.db
      .selectFrom('cases')
      .select(['status', 'outcome_key'])
      .where('id', '=', kase.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'open', outcome_key: null });
  });

  it('stores the outcome key, in the field history and the case with its label; details are optional', async () => {
    const w = await world();
    const kase = await w.open();
    const res = await as(w.adviser)('POST', `/api/cases/${kase.id}/status`, {
      ...CLOSE,
      outcomeKey: 'partly-resolved',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'closed',
      outcomeType: { key: 'partly-resolved', label: 'Partly resolved', positive: true },
      outcome: null,
      closureReason: 'Advice acted on',
    });
    expect(res.json().history).toContainEqual(
      expect.objectContaining({ field: 'outcome_key', oldValue: null, newValue: 'partly-resolved' }),
    );
    const row = await t.db
      .selectFrom('cases')
      .select('outcome_key')
      .where('id', '=', kase.id)
      .executeTakeFirstOrThrow();
    expect(row.outcome_key).toBe('partly-resolved');
    const [event] = await auditRows(w.org.id, 'case.status_changed');
    expect(event?.details).toMatchObject({ from: 'open', to: 'closed', outcomeKey: 'partly-resolved' });
  });

  it('records financial outcomes with the closure, in one transaction', async () => {
    const w = await world();
    const kase = await w.open();
    const res = await as(w.adviser)('POST', `/api/cases/${kase.id}/status`, {
      ...CLOSE,
      financialOutcomes: [
        { kind: 'income-gained', amountPence: 10_890, frequency: 'weekly', description: 'PIP daily living' },
        { kind: 'debt-written-off', amountPence: 412_000, frequency: 'one-off' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const list = (await as(w.adviser)('GET', `/api/cases/${kase.id}/financial-outcomes`)).json();
    expect(list.recorded).toBe(true);
    // Recorded in one statement at one moment: in no particular order.
    expect(list.financialOutcomes).toHaveLength(2);
    expect(list.financialOutcomes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'income-gained',
          amountPence: 10_890,
          frequency: 'weekly',
          annualisedPence: 566_280,
          description: 'PIP daily living',
        }),
        expect.objectContaining({
          kind: 'debt-written-off',
          amountPence: 412_000,
          annualisedPence: 412_000,
          description: null,
        }),
      ]),
    );
    const [event] = await auditRows(w.org.id, 'case.status_changed');
    expect(event?.details.financialOutcomeIds).toHaveLength(2);
    expect(JSON.stringify(await auditRows(w.org.id, 'financial_outcome.recorded'))).not.toMatch(/10890|PIP/);
  });

  it('refuses the closure whole when the organisation does not record financial outcomes', async () => {
    const w = await world();
    await stopRecordingFinancialOutcomes(w);
    const kase = await w.open();
    const res = await as(w.adviser)('POST', `/api/cases/${kase.id}/status`, {
      ...CLOSE,
      financialOutcomes: [{ kind: 'income-gained', amountPence: 5000, frequency: 'monthly' }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'FINANCIAL_OUTCOMES_NOT_RECORDED', field: 'financialOutcomes' });
    const row = await t.db
      .selectFrom('cases')
      .select('status')
      .where('id', '=', kase.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('open');
    expect(await financialCount(w.org.id)).toBe(0);
  });
});

describe('financial outcomes of a case', () => {
  it('records one where the organisation records them, validates the amount, refuses otherwise', async () => {
    const w = await world();
    const kase = await w.open();
    const url = `/api/cases/${kase.id}/financial-outcomes`;
    const send = as(w.adviser);
    for (const [body, field] of [
      [{ kind: 'income-gained', amountPence: 12.5, frequency: 'weekly' }, 'amountPence'],
      [{ kind: 'income-gained', amountPence: 0, frequency: 'weekly' }, 'amountPence'],
      [{ kind: 'lottery', amountPence: 100, frequency: 'weekly' }, 'kind'],
      [{ kind: 'other', amountPence: 100, frequency: 'daily' }, 'frequency'],
    ] as const) {
      const res = await send('POST', url, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().field, JSON.stringify(body)).toBe(field);
    }
    const ok = await send('POST', url, {
      kind: 'arrears-cleared',
      amountPence: 150_000,
      frequency: 'one-off',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      caseId: kase.id,
      amountPence: 150_000,
      recordedBy: { id: w.adviser.id, displayName: 'Asha Adviser' },
    });
    expect(await financialCount(w.org.id)).toBe(1);

    await stopRecordingFinancialOutcomes(w);
    const off = await send('POST', url, { kind: 'arrears-cleared', amountPence: 100, frequency: 'one-off' });
    expect(off.statusCode).toBe(409);
    expect(off.json().code).toBe('FINANCIAL_OUTCOMES_NOT_RECORDED');
    expect(off.json().detail).toMatch(/does not record financial outcomes/);
    expect((await send('GET', url)).json().recorded).toBe(false);
    expect(await financialCount(w.org.id)).toBe(1);
    // Someone who may not see the case gets 404.
    expect((await as(w.teammate)('GET', url)).statusCode).toBe(404);
    expect(
      (await as(w.teammate)('POST', url, { kind: 'other', amountPence: 1, frequency: 'one-off' })).statusCode,
    ).toBe(404);
  });
});

describe('GET /api/outcome-report', () => {
  async function closeWith(
    w: World,
    ownerId: string,
    owner: User,
    outcomeKey: string,
    financial: object[] = [],
  ) {
    const kase = await w.open(ownerId);
    const res = await as(owner)('POST', `/api/cases/${kase.id}/status`, {
      ...CLOSE,
      outcomeKey,
      ...(financial.length > 0 ? { financialOutcomes: financial } : {}),
    });
    expect(res.statusCode, res.body).toBe(200);
    return kase;
  }

  async function goal(w: World, caseId: string, status: string, resultAt: Date | null) {
    await t.db
      .insertInto('goals')
      .values({
        org_id: w.org.id,
        case_id: caseId,
        description: 'Keep the tenancy',
        measure: null,
        target_date: null,
        status: status as 'achieved',
        result_note: null,
        result_at: resultAt,
        created_by: w.adviser.id,
      })
      .execute();
  }

  async function referral(w: World, caseId: string, status: string, referredOn: string, direction = 'out') {
    await t.db
      .insertInto('referrals')
      .values({
        org_id: w.org.id,
        case_id: caseId,
        direction: direction as 'out',
        organisation: 'StepChange',
        service: null,
        reason: 'Debt advice',
        information_shared: 'Name',
        consent_id: null,
        lawful_basis: 'legitimate-interests',
        sharing_rationale: 'Test',
        status: status as 'made',
        outcome: null,
        referred_on: referredOn,
        created_by: w.adviser.id,
        created_at: clock.now(),
        updated_at: clock.now(),
      })
      .execute();
  }

  it('counts what the period holds, for the reader’s own cases or a supervised team, as JSON and CSV', async () => {
    const w = await world();
    // Asha: two resolved (one with income and a one-off), one no contact; Tom: one partly resolved.
    const a1 = await closeWith(w, w.adviser.id, w.adviser, 'resolved', [
      { kind: 'income-gained', amountPence: 2500, frequency: 'weekly' },
      { kind: 'income-gained', amountPence: 10_000, frequency: 'monthly' },
      { kind: 'debt-written-off', amountPence: 350_000, frequency: 'one-off' },
    ]);
    await closeWith(w, w.adviser.id, w.adviser, 'resolved');
    await closeWith(w, w.adviser.id, w.adviser, 'no-contact');
    const tom = await closeWith(w, w.teammate.id, w.teammate, 'partly-resolved', [
      { kind: 'arrears-cleared', amountPence: 80_000, frequency: 'annual' },
    ]);
    // Closed before the outcome list (no key), and one closed before the period.
    const legacy = await w.open();
    await t.db
      .updateTable('cases')
      .set({
        status: 'closed',
        outcome: 'Won',
        closure_reason: 'Done',
        closed_at: new Date('2026-11-05T12:00:00Z'),
      })
      .where('id', '=', legacy.id)
      .execute();
    const old = await w.open();
    await t.db
      .updateTable('cases')
      .set({
        status: 'closed',
        outcome_key: 'resolved',
        closure_reason: 'Done',
        closed_at: new Date('2026-10-31T23:30:00Z'), // 31 Oct in London: before the period
      })
      .where('id', '=', old.id)
      .execute();
    // Goals: results in the period count; before it, or without a result, do not.
    const live = await w.open();
    await goal(w, live.id, 'achieved', new Date('2026-11-10T09:00:00Z'));
    await goal(w, live.id, 'achieved', new Date('2026-11-11T09:00:00Z'));
    await goal(w, a1.id, 'partly_achieved', new Date('2026-11-12T09:00:00Z'));
    await goal(w, live.id, 'withdrawn', new Date('2026-11-12T09:00:00Z'));
    await goal(w, live.id, 'not_achieved', new Date('2026-10-01T09:00:00Z'));
    await goal(w, live.id, 'active', null);
    await goal(w, tom.id, 'not_achieved', new Date('2026-11-13T09:00:00Z'));
    // Referrals out made in the period by status; one before; one in (not counted).
    await referral(w, live.id, 'made', '2026-11-02');
    await referral(w, live.id, 'accepted', '2026-11-03');
    await referral(w, a1.id, 'accepted', '2026-11-30');
    await referral(w, live.id, 'completed', '2026-10-30');
    await referral(w, live.id, 'received', '2026-11-04', 'in');
    await referral(w, tom.id, 'declined', '2026-11-04');

    const period = 'from=2026-11-01&to=2026-11-30';
    const mine = await as(w.adviser)('GET', `/api/outcome-report?${period}`);
    expect(mine.statusCode, mine.body).toBe(200);
    const r = mine.json();
    const counts = Object.fromEntries(
      r.closedCases.byOutcome.map((o: { key: string | null; count: number }) => [o.key ?? 'none', o.count]),
    );
    expect(counts).toEqual({
      resolved: 2,
      'partly-resolved': 0,
      'referred-on': 0,
      'client-withdrew': 0,
      'no-contact': 1,
      'not-resolved': 0,
      none: 1,
    });
    expect(r.closedCases).toMatchObject({ total: 4, positive: 2 });
    const kinds = Object.fromEntries(
      r.financialOutcomes.byKind.map((k: { kind: string; count: number; annualisedPence: number }) => [
        k.kind,
        [k.count, k.annualisedPence],
      ]),
    );
    expect(kinds).toMatchObject({
      'income-gained': [2, 2500 * 52 + 10_000 * 12],
      'debt-written-off': [1, 350_000],
      'arrears-cleared': [0, 0],
    });
    expect(r.financialOutcomes.totalAnnualisedPence).toBe(130_000 + 120_000 + 350_000);
    expect(r.financialOutcomes.basis).toMatch(/weekly amounts × 52, monthly × 12/);
    expect(r.goalResults.map((g: { result: string; count: number }) => [g.result, g.count])).toEqual([
      ['achieved', 2],
      ['partly_achieved', 1],
      ['not_achieved', 0],
      ['withdrawn', 1],
    ]);
    expect(r.referralsOut).toEqual({
      total: 3,
      byStatus: [
        { status: 'made', count: 1 },
        { status: 'accepted', count: 2 },
        { status: 'declined', count: 0 },
        { status: 'completed', count: 0 },
        { status: 'withdrawn', count: 0 },
      ],
    });
    const [viewed] = await auditRows(w.org.id, 'outcome_report.viewed');
    expect(viewed?.details).toMatchObject({ scope: 'mine', from: '2026-11-01', to: '2026-11-30' });
    expect(viewed?.details.caseIds).toContain(legacy.id);
    expect(viewed?.details.caseIds).not.toContain(old.id);

    // The team: Tom's case too.
    const team = (
      await as(w.supervisor)('GET', `/api/outcome-report?${period}&scope=team&teamId=${w.team.id}`)
    ).json();
    expect(team.closedCases.total).toBe(5);
    expect(team.goalResults.find((g: { result: string }) => g.result === 'not_achieved').count).toBe(1);
    expect(team.referralsOut.total).toBe(4);
    const tomOnly = (
      await as(w.supervisor)('GET', `/api/outcome-report?${period}&scope=user&userId=${w.teammate.id}`)
    ).json();
    expect(tomOnly.closedCases).toMatchObject({ total: 1, positive: 1 });
    expect(tomOnly.financialOutcomes.totalAnnualisedPence).toBe(80_000);

    // The worklist's access rule.
    expect(
      (await as(w.adviser)('GET', `/api/outcome-report?scope=team&teamId=${w.team.id}`)).statusCode,
    ).toBe(403);
    expect(
      (await as(w.adviser)('GET', `/api/outcome-report?scope=user&userId=${w.teammate.id}`)).statusCode,
    ).toBe(403);
    const adminOwn = (await as(w.admin)('GET', `/api/outcome-report?${period}`)).json();
    expect(adminOwn.closedCases.total).toBe(0);
    const backwards = await as(w.adviser)('GET', '/api/outcome-report?from=2026-12-01&to=2026-11-01');
    expect(backwards.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'query.from' });

    const csv = await as(w.adviser)('GET', `/api/outcome-report?${period}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('outcomes-2026-11-01-to-2026-11-30.csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('section,key,label,count,annualised_pounds');
    expect(lines).toContain('closed-cases,resolved,Resolved,2,');
    expect(lines).toContain('closed-cases,not-recorded,Not recorded,1,');
    expect(lines).toContain('financial-outcomes,income-gained,Income gained,2,2500.00');
    expect(lines).toContain('referrals-out,accepted,Accepted,2,');
  });

  it('defaults to the 90 days to today', async () => {
    const w = await world();
    const res = await as(w.adviser)('GET', '/api/outcome-report');
    expect(res.json()).toMatchObject({ from: '2026-08-23', to: '2026-11-20', scope: 'mine' });
  });
});
