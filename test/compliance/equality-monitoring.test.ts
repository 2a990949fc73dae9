import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs, TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertClient, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();
const clock = new TestClock(new Date('2026-11-24T10:00:00Z'));
let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { clock, env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } }));

async function send(session: SignedIn, method: 'GET' | 'PUT', url: string, payload?: object) {
  return sendAs(await getApp(), session, method, url, payload);
}

async function world() {
  const org = await insertOrganisation(t.db);
  const team = await insertTeam(t.db, { orgId: org.id });
  const adviser = await insertUser(t.db, {
    orgId: org.id,
    roles: ['adviser'],
    team: { id: team.id, role: 'member' },
  });
  const stranger = await insertUser(t.db, { orgId: org.id, roles: ['adviser'] });
  const admin = await insertUser(t.db, { orgId: org.id, roles: ['admin'], totp: true });
  const auditor = await insertUser(t.db, { orgId: org.id, roles: ['auditor'] });
  const supervisor = await insertUser(t.db, {
    orgId: org.id,
    roles: ['supervisor'],
    totp: true,
    team: { id: team.id, role: 'supervisor' },
  });
  const client = await insertClient(t.db, { orgId: org.id, createdBy: adviser.id });
  const kase = await insertCase(t.db, {
    orgId: org.id,
    ownerId: adviser.id,
    teamId: team.id,
    clientId: client.id,
  });
  const app = await getApp();
  const s = {
    adviser: await signInAs(app, adviser, { clock }),
    stranger: await signInAs(app, stranger, { clock }),
    admin: await signInAs(app, admin, { clock }),
    auditor: await signInAs(app, auditor, { clock }),
    supervisor: await signInAs(app, supervisor, { clock }),
  };
  return { org, adviser, client, kase, s };
}

const auditRows = (orgId: string, action: string) =>
  t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

const ANSWERS = {
  ageBand: '35-44',
  sex: 'female',
  ethnicity: 'white-gypsy-irish-traveller',
  religion: 'prefer-not-to-say',
  disability: 'yes-a-little',
};

describe('equality monitoring of a client', () => {
  it('is recorded by whoever records the client, read only by admins, and kept out of case reads', async () => {
    const { org, client, kase, s } = await world();
    const url = `/api/clients/${client.id}/equality-monitoring`;
    const put = await send(s.adviser, 'PUT', url, ANSWERS);
    expect(put.statusCode).toBe(204);
    expect(put.body).toBe('');
    const [recorded] = await auditRows(org.id, 'equality_monitoring.recorded');
    expect(recorded).toMatchObject({ entity_type: 'client', entity_id: client.id });
    expect(recorded?.details).toEqual({ answered: 5 });

    for (const who of [s.adviser, s.supervisor, s.auditor]) {
      expect((await send(who, 'GET', url)).statusCode).toBe(403);
    }
    const read = await send(s.admin, 'GET', url);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      recorded: true,
      answers: { ...ANSWERS, genderSameAsBirth: null, maritalStatus: null },
    });
    expect(await auditRows(org.id, 'equality_monitoring.viewed')).toHaveLength(1);

    // Nothing of it in the case or client reads.
    const caseJson = (await send(s.adviser, 'GET', `/api/cases/${kase.id}`)).body;
    const clientJson = (await send(s.adviser, 'GET', `/api/clients/${client.id}`)).body;
    for (const body of [caseJson, clientJson]) {
      expect(body).not.toContain('gypsy');
      expect(body).not.toContain('equality');
    }
  });

  it('replaces earlier answers; an admin may type in a paper form', async () => {
    const { client, s } = await world();
    const url = `/api/clients/${client.id}/equality-monitoring`;
    await send(s.adviser, 'PUT', url, ANSWERS);
    expect((await send(s.admin, 'PUT', url, { sex: 'prefer-not-to-say' })).statusCode).toBe(204);
    const read = (await send(s.admin, 'GET', url)).json();
    expect(read.answers).toMatchObject({ sex: 'prefer-not-to-say', ethnicity: null, ageBand: null });
  });

  it('refuses answers not on the list, unknown questions, and clients the writer cannot change', async () => {
    const { org, client, s } = await world();
    const url = `/api/clients/${client.id}/equality-monitoring`;
    const bad = await send(s.adviser, 'PUT', url, { sex: 'unknown', ethnicity: 'white-irish' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'sex' })]);
    const extra = await send(s.adviser, 'PUT', url, { shoeSize: '9' });
    expect(extra.statusCode).toBe(400);
    expect((await send(s.stranger, 'PUT', url, ANSWERS)).statusCode).toBe(404);
    expect(
      (await send(s.admin, 'GET', '/api/clients/00000000-0000-4000-8000-000000000000/equality-monitoring'))
        .statusCode,
    ).toBe(404);
    expect(
      await t.db.selectFrom('equality_monitoring').selectAll().where('org_id', '=', org.id).execute(),
    ).toEqual([]);
  });
});

describe('the equality monitoring report', () => {
  it('counts clients with a case open in the period, with fewer than 5 suppressed and complements withheld', async () => {
    const { org, adviser, s } = await world();
    const add = async (sex: string | null, closedAt: Date | null = null) => {
      const client = await insertClient(t.db, { orgId: org.id, createdBy: adviser.id });
      const c = await insertCase(t.db, { orgId: org.id, ownerId: adviser.id, clientId: client.id });
      await sql`UPDATE cases SET opened_at = '2026-03-01T10:00:00Z' WHERE id = ${c.id}`.execute(t.db);
      if (closedAt) {
        await t.db
          .updateTable('cases')
          .set({ status: 'closed', closed_at: closedAt, outcome: 'Resolved', closure_reason: 'Advice given' })
          .where('id', '=', c.id)
          .execute();
      }
      if (sex) {
        await t.db
          .insertInto('equality_monitoring')
          .values({ org_id: org.id, client_id: client.id, sex, recorded_by: adviser.id })
          .execute();
      }
    };
    for (let i = 0; i < 7; i++) await add('female');
    for (let i = 0; i < 6; i++) await add('male');
    for (let i = 0; i < 2; i++) await add('prefer-not-to-say');
    // Closed before the period: not counted.
    for (let i = 0; i < 3; i++) await add('male', new Date('2026-03-20T10:00:00Z'));

    const res = await send(s.admin, 'GET', '/api/equality-monitoring/report?from=2026-04-01&to=2026-11-30');
    expect(res.statusCode).toBe(200);
    const sex = res.json().tables.find((tb: { question: string }) => tb.question === 'sex');
    // 15 clients with a case in the period plus the world's own client (no form): 16.
    expect(sex.total).toBe(16);
    expect(sex.rows.map((r: { value: string; shown: string }) => [r.value, r.shown])).toEqual([
      ['female', '7'],
      // 2 + 1 suppressed would still leave 3 = 16 − 7 − 6 to be split: the smallest other count joins them.
      ['male', 'suppressed'],
      ['prefer-not-to-say', 'suppressed'],
      ['not-answered', 'suppressed'],
    ]);
    expect(sex.rows[2].count).toBeNull();
    const [event] = await auditRows(org.id, 'equality_monitoring.reported');
    expect(event?.details).toEqual({ from: '2026-04-01', to: '2026-11-30' });

    for (const who of [s.adviser, s.supervisor, s.auditor]) {
      expect(
        (await send(who, 'GET', '/api/equality-monitoring/report?from=2026-04-01&to=2026-11-30')).statusCode,
      ).toBe(403);
    }
    const backwards = await send(
      s.admin,
      'GET',
      '/api/equality-monitoring/report?from=2026-11-30&to=2026-04-01',
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([expect.objectContaining({ field: 'query.to' })]);
    const missing = await send(s.admin, 'GET', '/api/equality-monitoring/report?from=2026-11-30');
    expect(missing.statusCode).toBe(400);
  });
});
