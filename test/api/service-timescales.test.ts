/** Service timescales: the effective table, admins' settings with field-named problems, and re-assessment. */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import type {
  ServiceTimescalesChangeResponse,
  ServiceTimescalesResponse,
} from '../../src/contract/service-timescales.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs, TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

const clock = new TestClock(new Date('2026-11-26T10:00:00Z'));
let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' }, clock }));

async function send(session: SignedIn, method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: object) {
  return sendAs(await getApp(), session, method, url, payload);
}

async function world() {
  const app = await getApp();
  const org = await insertOrganisation(t.db);
  const team = await insertTeam(t.db, { orgId: org.id });
  const admin = await insertUser(t.db, { orgId: org.id, roles: ['admin'], totp: true });
  const adviser = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
  const types = await t.db
    .selectFrom('case_types')
    .select(['id', 'key'])
    .where('org_id', '=', org.id)
    .where('active', '=', true)
    .execute();
  const typeId = (key: string) => {
    const found = types.find((x) => x.key === key);
    if (!found) throw new Error(`no case type ${key}`);
    return found.id;
  };
  return {
    org,
    adviser,
    team,
    types,
    debt: typeId('debt'),
    housing: typeId('housing'),
    admin$: await signInAs(app, admin, { clock }),
    adviser$: await signInAs(app, adviser, { clock }),
  };
}

const URL = '/api/service-timescales';
const table = async (s: SignedIn) => {
  const res = await send(s, 'GET', URL);
  expect(res.statusCode).toBe(200);
  return res.json<ServiceTimescalesResponse>();
};
const bandOf = (v: ServiceTimescalesResponse, caseTypeId: string, band: string) =>
  v.caseTypes.find((c) => c.caseTypeId === caseTypeId)?.bands.find((b) => b.band === band);

describe('service timescales', () => {
  it('show every active case type × band with the built-in defaults, to anyone signed in', async () => {
    const w = await world();
    const v = await table(w.adviser$);
    expect(v.builtIn).toEqual([
      { band: 'red', firstContactDays: 1, reviewDays: 5, resolutionDays: 40 },
      { band: 'amber', firstContactDays: 3, reviewDays: 10, resolutionDays: 60 },
      { band: 'green', firstContactDays: 5, reviewDays: 20, resolutionDays: 90 },
    ]);
    expect(v.bandDefaults.map((b) => b.source)).toEqual(['default', 'default', 'default']);
    expect(v.caseTypes.map((c) => c.caseTypeId).sort()).toEqual(w.types.map((x) => x.id).sort());
    expect(bandOf(v, w.debt, 'red')).toEqual({
      band: 'red',
      firstContactDays: 1,
      reviewDays: 5,
      resolutionDays: 40,
      source: 'default',
    });
  });

  it('lets an admin set a band default and a case type’s own, each audited, with the source shown', async () => {
    const w = await world();
    const band = await send(w.admin$, 'PUT', URL, {
      caseTypeId: null,
      band: 'amber',
      firstContactDays: 2,
      reviewDays: 8,
      resolutionDays: 50,
    });
    expect(band.statusCode, band.body).toBe(200);
    const after = band.json<ServiceTimescalesChangeResponse>();
    expect(after.timescales.bandDefaults[1]).toEqual({
      band: 'amber',
      firstContactDays: 2,
      reviewDays: 8,
      resolutionDays: 50,
      source: 'organisation',
    });
    expect(bandOf(after.timescales, w.housing, 'amber')).toMatchObject({
      reviewDays: 8,
      source: 'organisation',
    });

    const own = await send(w.admin$, 'PUT', URL, {
      caseTypeId: w.debt,
      band: 'amber',
      firstContactDays: 1,
      reviewDays: 4,
      resolutionDays: 30,
    });
    const v = own.json<ServiceTimescalesChangeResponse>().timescales;
    expect(bandOf(v, w.debt, 'amber')).toMatchObject({ reviewDays: 4, source: 'case-type' });
    expect(bandOf(v, w.housing, 'amber')).toMatchObject({ reviewDays: 8, source: 'organisation' });

    // Setting it again replaces it.
    await send(w.admin$, 'PUT', URL, {
      caseTypeId: w.debt,
      band: 'amber',
      firstContactDays: 1,
      reviewDays: 6,
      resolutionDays: 30,
    });
    expect(bandOf(await table(w.adviser$), w.debt, 'amber')).toMatchObject({ reviewDays: 6 });

    const events = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('org_id', '=', w.org.id)
      .where('action', '=', 'service_timescale.set')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.entity_id)).toEqual([
      'organisation:amber',
      `${w.debt}:amber`,
      `${w.debt}:amber`,
    ]);
    expect(events[0]?.details).toEqual({
      caseTypeId: null,
      band: 'amber',
      firstContactDays: 2,
      reviewDays: 8,
      resolutionDays: 50,
    });
  });

  it('clears a setting so it inherits again', async () => {
    const w = await world();
    const body = { band: 'red', firstContactDays: 2, reviewDays: 4, resolutionDays: 20 };
    await send(w.admin$, 'PUT', URL, { ...body, caseTypeId: null });
    await send(w.admin$, 'PUT', URL, { ...body, caseTypeId: w.debt, reviewDays: 3 });

    const cleared = await send(w.admin$, 'DELETE', `${URL}?caseTypeId=${w.debt}&band=red`);
    expect(cleared.statusCode, cleared.body).toBe(200);
    const v = cleared.json<ServiceTimescalesChangeResponse>().timescales;
    expect(bandOf(v, w.debt, 'red')).toMatchObject({ reviewDays: 4, source: 'organisation' });

    const band = await send(w.admin$, 'DELETE', `${URL}?band=red`);
    expect(bandOf(band.json<ServiceTimescalesChangeResponse>().timescales, w.debt, 'red')).toMatchObject({
      reviewDays: 5,
      source: 'default',
    });
    const again = await send(w.admin$, 'DELETE', `${URL}?band=red`);
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('NOT_FOUND');
    const bad = await send(w.admin$, 'DELETE', `${URL}?band=purple`);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'query.band' });
    const events = await t.db
      .selectFrom('audit_events')
      .select('entity_id')
      .where('org_id', '=', w.org.id)
      .where('action', '=', 'service_timescale.cleared')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.entity_id)).toEqual([`${w.debt}:red`, 'organisation:red']);
  });

  it('names the field of every problem', async () => {
    const w = await world();
    const put = (body: object) =>
      send(w.admin$, 'PUT', URL, {
        caseTypeId: null,
        band: 'green',
        firstContactDays: 5,
        reviewDays: 20,
        resolutionDays: 90,
        ...body,
      });
    const zero = await put({ firstContactDays: 0, resolutionDays: 1001 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'firstContactDays' });
    expect(zero.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'firstContactDays',
      'resolutionDays',
    ]);
    expect((await put({ reviewDays: 100 })).json()).toMatchObject({ field: 'reviewDays' });
    expect((await put({ reviewDays: 2.5 })).json()).toMatchObject({ field: 'reviewDays' });
    expect((await put({ band: 'purple' })).json()).toMatchObject({ field: 'band' });
    const otherOrgType = await t.db
      .selectFrom('case_types')
      .select('id')
      .where('org_id', '<>', w.org.id)
      .executeTakeFirstOrThrow();
    const foreign = await put({ caseTypeId: otherOrgType.id });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'CASE_TYPE_NOT_FOUND', field: 'caseTypeId' });
    expect(
      await t.db.selectFrom('service_timescales').select('band').where('org_id', '=', w.org.id).execute(),
    ).toEqual([]);
  });

  it('refuses changes by anyone but an admin', async () => {
    const w = await world();
    const put = await send(w.adviser$, 'PUT', URL, {
      caseTypeId: null,
      band: 'green',
      firstContactDays: 5,
      reviewDays: 20,
      resolutionDays: 90,
    });
    expect(put.statusCode).toBe(403);
    expect((await send(w.adviser$, 'DELETE', `${URL}?band=green`)).statusCode).toBe(403);
  });

  it('re-assesses the organisation’s open cases after a change', async () => {
    const w = await world();
    const open = await insertCase(t.db, { orgId: w.org.id, ownerId: w.adviser.id, teamId: w.team.id });
    const closed = await insertCase(t.db, { orgId: w.org.id, ownerId: w.adviser.id, teamId: w.team.id });
    await t.db
      .updateTable('cases')
      .set({
        status: 'closed',
        closed_at: new Date('2026-11-20T10:00:00Z'),
        outcome: 'resolved',
        closure_reason: 'Advice given',
      })
      .where('id', '=', closed.id)
      .execute();
    const res = await send(w.admin$, 'PUT', URL, {
      caseTypeId: null,
      band: 'green',
      firstContactDays: 4,
      reviewDays: 15,
      resolutionDays: 80,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ServiceTimescalesChangeResponse>().reassessment).toEqual({ assessed: 1, changed: 1 });
    const assessments = await t.db
      .selectFrom('assessments')
      .select(['case_id', 'trigger'])
      .where('org_id', '=', w.org.id)
      .execute();
    expect(assessments).toEqual([{ case_id: open.id, trigger: 'timescales' }]);
  });
});
