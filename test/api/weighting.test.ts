/**
 * Case weighting over HTTP: the organisation's complexity factors (read by everyone, changed by
 * admins), a case's weight with every kind of factor, ticking manual factors, and admin changes
 * re-weighting cases at once. Weights are checked against arithmetic done here.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import type {
  CaseWeightResponse,
  ComplexityFactorListResponse,
  ComplexityFactorResponse,
} from '../../src/contract/weighting.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertClient, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } }));

async function send(
  session: SignedIn,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  payload?: object,
) {
  return sendAs(await getApp(), session, method, url, payload);
}

/** Rounds half up to two decimals, as a person would. */
const round2 = (n: number) => Math.round(Number((n * 100).toPrecision(12))) / 100;

async function world() {
  const app = await getApp();
  const org = await insertOrganisation(t.db);
  const team = await insertTeam(t.db, { orgId: org.id });
  const otherTeam = await insertTeam(t.db, { orgId: org.id });
  const owner = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
  const supervisor = await insertUser(t.db, {
    orgId: org.id,
    roles: ['adviser', 'supervisor'],
    totp: true,
    team: { id: team.id, role: 'supervisor' },
  });
  const outsider = await insertUser(t.db, { orgId: org.id, team: { id: otherTeam.id, role: 'member' } });
  const admin = await insertUser(t.db, { orgId: org.id, roles: ['admin'], totp: true });
  await sql`UPDATE case_types SET base_weight = 2 WHERE org_id = ${org.id} AND key = 'debt'`.execute(t.db);
  const factors = await t.db
    .selectFrom('complexity_factors')
    .select(['id', 'key'])
    .where('org_id', '=', org.id)
    .execute();
  const factorId = (key: string) => {
    const f = factors.find((x) => x.key === key);
    if (!f) throw new Error(`no factor ${key}`);
    return f.id;
  };
  return {
    org,
    team,
    owner,
    supervisor,
    outsider,
    admin,
    factorId,
    ownerSession: await signInAs(app, owner),
    supervisorSession: await signInAs(app, supervisor),
    outsiderSession: await signInAs(app, outsider),
    adminSession: await signInAs(app, admin),
  };
}
type World = Awaited<ReturnType<typeof world>>;

/** A debt case (base weight 2) of the owner, with the facts the rule-based factors read. */
async function debtCase(
  w: World,
  facts: { interpreter?: boolean; bsl?: boolean; vulnerability?: number; safeguarding?: boolean } = {},
) {
  const client = await insertClient(t.db, { orgId: w.org.id, createdBy: w.owner.id });
  await t.db
    .updateTable('clients')
    .set({
      access_needs: JSON.stringify({ interpreter: facts.interpreter ?? false, bsl: facts.bsl ?? false }),
    })
    .where('id', '=', client.id)
    .execute();
  const c = await insertCase(t.db, {
    orgId: w.org.id,
    ownerId: w.owner.id,
    teamId: w.team.id,
    clientId: client.id,
    typeKey: 'debt',
  });
  await t.db
    .updateTable('cases')
    .set({ vulnerability: facts.vulnerability ?? 0 })
    .where('id', '=', c.id)
    .execute();
  if (facts.safeguarding) {
    await t.db
      .insertInto('case_flags')
      .values({
        org_id: w.org.id,
        case_id: c.id,
        kind: 'safeguarding',
        category: 'domestic abuse',
        description: null,
        raised_by: w.owner.id,
        raised_at: new Date(),
        resolved_by: null,
        resolved_at: null,
        resolution: null,
      })
      .execute();
  }
  return c;
}

const auditOf = (orgId: string, action: string) =>
  t.db
    .selectFrom('audit_events')
    .select(['action', 'actor_id', 'entity_id', 'details'])
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

async function weightOf(session: SignedIn, caseId: string) {
  const res = await send(session, 'GET', `/api/cases/${caseId}/weight`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CaseWeightResponse>();
}

describe('the organisation’s complexity factors', () => {
  it('lists the defaults with each rule in words, to everyone signed in', async () => {
    const w = await world();
    for (const session of [w.ownerSession, w.adminSession]) {
      const res = await send(session, 'GET', '/api/complexity-factors');
      expect(res.statusCode).toBe(200);
      const list = res.json<ComplexityFactorListResponse>();
      expect(list.factors.map((f) => [f.key, f.multiplier, f.appliesWhen, f.active])).toEqual([
        ['vulnerability', 1.5, 'vulnerability-high', true],
        ['interpreter', 1.25, 'interpreter-needed', true],
        ['safeguarding', 1.5, 'safeguarding-open', true],
        ['multiple-issues', 1.25, 'manual', true],
        ['litigation', 1.5, 'manual', true],
      ]);
      expect(list.factors[1]?.appliesWhenWords).toBe(
        'the client’s access needs say an interpreter is needed (a spoken-language or a British Sign Language interpreter)',
      );
      expect(list.rules.map((r) => r.rule)).toEqual([
        'manual',
        'vulnerability-high',
        'interpreter-needed',
        'safeguarding-open',
      ]);
      expect(list.rules[0]?.words).toBe('ticked on the case by the practitioner');
    }
  });

  it('lets an admin add one, and refuses a taken key, bad values and non-admins', async () => {
    const w = await world();
    const created = await send(w.adminSession, 'POST', '/api/complexity-factors', {
      key: 'urgent-court',
      label: 'Court hearing within a month',
      multiplier: 1.75,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<ComplexityFactorResponse>()).toMatchObject({
      key: 'urgent-court',
      label: 'Court hearing within a month',
      multiplier: 1.75,
      appliesWhen: 'manual',
      appliesWhenWords: 'ticked on the case by the practitioner',
      active: true,
      sortOrder: 6,
    });
    const audited = await auditOf(w.org.id, 'complexity-factor.created');
    expect(audited).toEqual([
      {
        action: 'complexity-factor.created',
        actor_id: w.admin.id,
        entity_id: created.json<ComplexityFactorResponse>().id,
        details: { key: 'urgent-court', multiplier: 1.75, appliesWhen: 'manual', active: true },
      },
    ]);

    const taken = await send(w.adminSession, 'POST', '/api/complexity-factors', {
      key: 'litigation',
      label: 'Again',
      multiplier: 2,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'CONFLICT', field: 'key' });

    for (const [body, field] of [
      [{ key: 'Bad Key', label: 'x', multiplier: 2 }, 'key'],
      [{ key: 'ok', label: '', multiplier: 2 }, 'label'],
      [{ key: 'ok', label: 'x', multiplier: 5.5 }, 'multiplier'],
      [{ key: 'ok', label: 'x', multiplier: 0.05 }, 'multiplier'],
      [{ key: 'ok', label: 'x', multiplier: 1.255 }, 'multiplier'],
      [{ key: 'ok', label: 'x', multiplier: 2, appliesWhen: 'always' }, 'appliesWhen'],
    ] as const) {
      const res = await send(w.adminSession, 'POST', '/api/complexity-factors', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
    const refused = await send(w.supervisorSession, 'POST', '/api/complexity-factors', {
      key: 'sneaky',
      label: 'Sneaky',
      multiplier: 2,
    });
    expect(refused.statusCode).toBe(403);
    const count = await t.db
      .selectFrom('complexity_factors')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', w.org.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(6);
  });

  it('lets an admin change one, names the changed fields in the audit, and 404s an unknown id', async () => {
    const w = await world();
    const id = w.factorId('interpreter');
    const res = await send(w.adminSession, 'PATCH', `/api/complexity-factors/${id}`, {
      label: 'Interpreter or BSL needed',
      multiplier: 1.4,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ComplexityFactorResponse>()).toMatchObject({
      key: 'interpreter',
      label: 'Interpreter or BSL needed',
      multiplier: 1.4,
      appliesWhen: 'interpreter-needed',
    });
    // The same values again change nothing and record nothing.
    await send(w.adminSession, 'PATCH', `/api/complexity-factors/${id}`, { multiplier: 1.4 });
    expect((await auditOf(w.org.id, 'complexity-factor.updated')).map((a) => a.details)).toEqual([
      { key: 'interpreter', fields: ['label', 'multiplier'], multiplier: 1.4, previousMultiplier: 1.25 },
    ]);

    const keyChange = await send(w.adminSession, 'PATCH', `/api/complexity-factors/${id}`, { key: 'x' });
    expect(keyChange.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'key' });
    const empty = await send(w.adminSession, 'PATCH', `/api/complexity-factors/${id}`, {});
    expect(empty.statusCode).toBe(400);
    const unknown = await send(
      w.adminSession,
      'PATCH',
      '/api/complexity-factors/00000000-0000-4000-8000-000000000000',
      { active: false },
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
    // Another organisation's factor does not exist for this admin.
    const other = await insertOrganisation(t.db);
    const theirs = await t.db
      .selectFrom('complexity_factors')
      .select('id')
      .where('org_id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(
      (await send(w.adminSession, 'PATCH', `/api/complexity-factors/${theirs.id}`, { active: false }))
        .statusCode,
    ).toBe(404);
    expect(
      (await send(w.ownerSession, 'PATCH', `/api/complexity-factors/${id}`, { active: false })).statusCode,
    ).toBe(403);
  });
});

describe('a case’s weight', () => {
  it('multiplies the base weight by every kind of factor, and explains it', async () => {
    const w = await world();
    const plain = await debtCase(w);
    expect(await weightOf(w.ownerSession, plain.id)).toMatchObject({
      caseId: plain.id,
      reference: plain.reference,
      status: 'open',
      countsInLoad: true,
      caseType: { name: 'Debt' },
      weight: 2,
      baseWeight: 2,
      adjustment: 1,
      explanation: 'Base 2 = 2',
      factors: [],
      yourAccess: { contribute: true },
    });

    // Interpreter needed and an open safeguarding concern: 2 × 1.25 × 1.5.
    const interp = await debtCase(w, { interpreter: true, safeguarding: true });
    const weighed = await weightOf(w.ownerSession, interp.id);
    expect(weighed.weight).toBe(round2(2 * 1.25 * 1.5));
    expect(weighed.explanation).toBe(
      'Base 2 × Interpreter needed 1.25 × Open safeguarding concern 1.5 = 3.75',
    );
    expect(weighed.factors.map((f) => f.key)).toEqual(['interpreter', 'safeguarding']);

    // A British Sign Language interpreter counts as an interpreter; vulnerability 2 or more applies.
    const bsl = await debtCase(w, { bsl: true, vulnerability: 2 });
    expect((await weightOf(w.ownerSession, bsl.id)).factors.map((f) => f.key)).toEqual([
      'vulnerability',
      'interpreter',
    ]);
    const mild = await debtCase(w, { vulnerability: 1 });
    expect((await weightOf(w.ownerSession, mild.id)).factors).toEqual([]);

    // Every kind at once, with the case's own adjustment 1.2: 2 × 1.2 × 1.5 × 1.25 × 1.5 × 1.25 × 1.5.
    const all = await debtCase(w, { interpreter: true, vulnerability: 3, safeguarding: true });
    await t.db.updateTable('cases').set({ complexity_weight: 1.2 }).where('id', '=', all.id).execute();
    const ticked = await send(w.ownerSession, 'PUT', `/api/cases/${all.id}/complexity-factors`, {
      factorIds: [w.factorId('litigation'), w.factorId('multiple-issues')],
    });
    expect(ticked.statusCode, ticked.body).toBe(200);
    const heavy = ticked.json<CaseWeightResponse>();
    expect(heavy.weight).toBe(round2(2 * 1.2 * 1.5 * 1.25 * 1.5 * 1.25 * 1.5));
    expect(heavy.explanation).toBe(
      'Base 2 × case adjustment 1.2 × Client highly vulnerable 1.5 × Interpreter needed 1.25 × ' +
        `Open safeguarding concern 1.5 × Multiple issues 1.25 × Litigation or tribunal 1.5 = ${heavy.weight}`,
    );
    expect(heavy.manualFactors.map((f) => [f.key, f.ticked])).toEqual([
      ['multiple-issues', true],
      ['litigation', true],
    ]);

    // Resolving the safeguarding flag takes its factor off at once: weights are computed on read.
    await t.db
      .updateTable('case_flags')
      .set({ resolved_at: new Date() })
      .where('case_id', '=', all.id)
      .execute();
    expect((await weightOf(w.ownerSession, all.id)).weight).toBe(round2(2 * 1.2 * 1.5 * 1.25 * 1.25 * 1.5));

    // A closed case has a weight but counts in no load.
    await t.db
      .updateTable('cases')
      .set({
        status: 'closed',
        closed_at: new Date(),
        outcome: 'Resolved',
        closure_reason: 'Debt written off',
      })
      .where('id', '=', plain.id)
      .execute();
    expect(await weightOf(w.ownerSession, plain.id)).toMatchObject({
      status: 'closed',
      countsInLoad: false,
      weight: 2,
    });

    const reads = await auditOf(w.org.id, 'case.weight_viewed');
    expect(reads.filter((r) => r.entity_id === interp.id).map((r) => r.details)).toEqual([
      { factorIds: [w.factorId('interpreter'), w.factorId('safeguarding')] },
    ]);
  });

  it('is 404 for someone who may not see the case, and readable by the team’s supervisor', async () => {
    const w = await world();
    const c = await debtCase(w);
    for (const session of [w.outsiderSession, w.adminSession]) {
      const res = await send(session, 'GET', `/api/cases/${c.id}/weight`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'CASE_NOT_FOUND' });
    }
    expect((await weightOf(w.supervisorSession, c.id)).yourAccess).toEqual({ contribute: true });
  });
});

describe('ticking manual factors', () => {
  it('ticks and unticks exactly the set sent, audits the ids, and records nothing for the same set', async () => {
    const w = await world();
    const c = await debtCase(w);
    const url = `/api/cases/${c.id}/complexity-factors`;
    const litigation = w.factorId('litigation');
    const multiple = w.factorId('multiple-issues');

    const first = await send(w.ownerSession, 'PUT', url, { factorIds: [litigation] });
    expect(first.json<CaseWeightResponse>()).toMatchObject({
      weight: 3,
      explanation: 'Base 2 × Litigation or tribunal 1.5 = 3',
    });
    const second = await send(w.supervisorSession, 'PUT', url, { factorIds: [multiple] });
    expect(second.json<CaseWeightResponse>().weight).toBe(2.5);
    const same = await send(w.ownerSession, 'PUT', url, { factorIds: [multiple] });
    expect(same.statusCode).toBe(200);
    expect(same.json<CaseWeightResponse>().weight).toBe(2.5);

    const rows = await t.db
      .selectFrom('case_complexity_factors')
      .select(['factor_id', 'added_by'])
      .where('case_id', '=', c.id)
      .execute();
    expect(rows).toEqual([{ factor_id: multiple, added_by: w.supervisor.id }]);
    const audited = await auditOf(w.org.id, 'case.complexity_factors_set');
    expect(audited.map((a) => [a.actor_id, a.entity_id, a.details])).toEqual([
      [w.owner.id, c.id, { factorIds: [litigation], added: [litigation], removed: [] }],
      [w.supervisor.id, c.id, { factorIds: [multiple], added: [multiple], removed: [litigation] }],
    ]);
  });

  it('refuses rule-based, inactive, unknown and repeated factors with problem details, changing nothing', async () => {
    const w = await world();
    const c = await debtCase(w);
    const url = `/api/cases/${c.id}/complexity-factors`;
    const litigation = w.factorId('litigation');
    await send(w.ownerSession, 'PUT', url, { factorIds: [litigation] });
    await t.db
      .updateTable('complexity_factors')
      .set({ active: false })
      .where('id', '=', w.factorId('multiple-issues'))
      .execute();

    const cases: [object, string][] = [
      [{ factorIds: [litigation, w.factorId('interpreter')] }, '“Interpreter needed” applies by itself when'],
      [{ factorIds: [w.factorId('multiple-issues')] }, '“Multiple issues” is no longer in use: untick it.'],
      [{ factorIds: ['00000000-0000-4000-8000-000000000000'] }, 'There is no complexity factor'],
      [{ factorIds: [litigation, litigation] }, 'Give each complexity factor only once.'],
      [{ factorIds: ['not-a-uuid'] }, 'Use complexity factor ids'],
      [{}, 'Send factorIds'],
    ];
    for (const [body, message] of cases) {
      const res = await send(w.ownerSession, 'PUT', url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const problem = res.json<{ code: string; field: string; detail: string }>();
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(problem.field).toMatch(/^factorIds/);
      expect(problem.detail).toContain(message);
    }
    const rows = await t.db
      .selectFrom('case_complexity_factors')
      .select('factor_id')
      .where('case_id', '=', c.id)
      .execute();
    expect(rows.map((r) => r.factor_id)).toEqual([litigation]);
    expect(await auditOf(w.org.id, 'case.complexity_factors_set')).toHaveLength(1);
  });

  it('is 404 for outsiders and 403 for a break-glass reader, who may view but not contribute', async () => {
    const w = await world();
    const c = await debtCase(w);
    const body = { factorIds: [w.factorId('litigation')] };
    const url = `/api/cases/${c.id}/complexity-factors`;
    expect((await send(w.outsiderSession, 'PUT', url, body)).statusCode).toBe(404);
    const readerUser = await insertUser(t.db, { orgId: w.org.id, roles: ['supervisor'], totp: true });
    await t.db
      .insertInto('case_shares')
      .values({
        org_id: w.org.id,
        case_id: c.id,
        user_id: readerUser.id,
        kind: 'break-glass',
        reason: 'Client in crisis, owner away',
        expires_at: null,
        granted_by: readerUser.id,
        granted_at: new Date(),
        revoked_at: null,
      })
      .execute();
    const reader = await signInAs(await getApp(), readerUser);
    expect((await weightOf(reader, c.id)).yourAccess).toEqual({ contribute: false });
    const refused = await send(reader, 'PUT', url, body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    const denials = await auditOf(w.org.id, 'access.denied');
    expect(denials.map((d) => [d.actor_id, d.entity_id, d.details])).toContainEqual([
      readerUser.id,
      c.id,
      { policy: 'case.contribute' },
    ]);
  });

  it('keeps the tick of a factor an admin deactivates, which counts again when it is reactivated', async () => {
    const w = await world();
    const c = await debtCase(w);
    const url = `/api/cases/${c.id}/complexity-factors`;
    const litigation = w.factorId('litigation');
    await send(w.ownerSession, 'PUT', url, { factorIds: [litigation] });
    await send(w.adminSession, 'PATCH', `/api/complexity-factors/${litigation}`, { active: false });
    const off = await weightOf(w.ownerSession, c.id);
    expect(off.weight).toBe(2);
    expect(off.manualFactors.map((f) => f.key)).toEqual(['multiple-issues']);
    // Saving the case's ticks without the inactive factor keeps its tick.
    await send(w.ownerSession, 'PUT', url, { factorIds: [] });
    await send(w.adminSession, 'PATCH', `/api/complexity-factors/${litigation}`, { active: true });
    expect((await weightOf(w.ownerSession, c.id)).weight).toBe(3);
  });
});

describe('admin changes re-weight cases at once', () => {
  it('a new multiplier, a changed rule and a new factor show on the next read', async () => {
    const w = await world();
    const c = await debtCase(w, { interpreter: true });
    expect((await weightOf(w.ownerSession, c.id)).weight).toBe(2.5);

    await send(w.adminSession, 'PATCH', `/api/complexity-factors/${w.factorId('interpreter')}`, {
      multiplier: 2,
    });
    expect((await weightOf(w.ownerSession, c.id)).weight).toBe(4);

    // The manual "multiple issues" factor turned into a rule: it applies when an interpreter is needed.
    await send(w.adminSession, 'PATCH', `/api/complexity-factors/${w.factorId('multiple-issues')}`, {
      appliesWhen: 'interpreter-needed',
    });
    const ruled = await weightOf(w.ownerSession, c.id);
    expect(ruled.weight).toBe(round2(2 * 2 * 1.25));
    expect(ruled.factors.map((f) => f.key)).toEqual(['interpreter', 'multiple-issues']);

    const created = await send(w.adminSession, 'POST', '/api/complexity-factors', {
      key: 'lighter',
      label: 'Signposting only',
      multiplier: 0.5,
      sortOrder: 0,
    });
    const lighter = created.json<ComplexityFactorResponse>();
    const now = await weightOf(w.ownerSession, c.id);
    expect(now.manualFactors.map((f) => [f.key, f.ticked])).toEqual([
      ['lighter', false],
      ['litigation', false],
    ]);
    const ticked = await send(w.ownerSession, 'PUT', `/api/cases/${c.id}/complexity-factors`, {
      factorIds: [lighter.id],
    });
    expect(ticked.json<CaseWeightResponse>()).toMatchObject({
      weight: round2(2 * 0.5 * 2 * 1.25),
      explanation: 'Base 2 × Signposting only 0.5 × Interpreter needed 2 × Multiple issues 1.25 = 2.5',
    });
  });
});
