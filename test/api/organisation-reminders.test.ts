/** The organisation's reminder lead times: everyone reads them, admins change them. */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertOrganisation, insertUser } from '../factories.ts';

const t = setupTestDatabase();

let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } }));

async function send(session: SignedIn, method: 'GET' | 'PUT', payload?: object) {
  return sendAs(await getApp(), session, method, '/api/organisation/reminders', payload);
}

async function world() {
  const app = await getApp();
  const org = await insertOrganisation(t.db);
  const admin = await insertUser(t.db, { orgId: org.id, roles: ['admin'], totp: true });
  const adviser = await insertUser(t.db, { orgId: org.id });
  const other = await insertUser(t.db, {});
  return {
    org,
    admin$: await signInAs(app, admin),
    adviser$: await signInAs(app, adviser),
    other$: await signInAs(app, other),
  };
}

describe('reminder lead times', () => {
  it('are 10, 5, 2 and 1 working days until an admin changes them; everyone reads them', async () => {
    const w = await world();
    const res = await send(w.adviser$, 'GET');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ leadDays: [10, 5, 2, 1], defaultLeadDays: [10, 5, 2, 1] });

    const set = await send(w.admin$, 'PUT', { leadDays: [3, 15, 1] });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().leadDays).toEqual([15, 3, 1]);
    expect((await send(w.adviser$, 'GET')).json().leadDays).toEqual([15, 3, 1]);
    // Another organisation keeps its own.
    expect((await send(w.other$, 'GET')).json().leadDays).toEqual([10, 5, 2, 1]);

    const events = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('org_id', '=', w.org.id)
      .where('action', '=', 'organisation.reminders_set')
      .execute();
    expect(events.map((e) => e.details)).toEqual([{ leadDays: [15, 3, 1], previousLeadDays: [10, 5, 2, 1] }]);
    await send(w.admin$, 'PUT', { leadDays: [1, 3, 15] });
    expect(
      await t.db
        .selectFrom('audit_events')
        .select('seq')
        .where('org_id', '=', w.org.id)
        .where('action', '=', 'organisation.reminders_set')
        .execute(),
    ).toHaveLength(1);
  });

  it('refuses anyone but an admin, and bad lead times naming leadDays', async () => {
    const w = await world();
    expect((await send(w.adviser$, 'PUT', { leadDays: [5] })).statusCode).toBe(403);
    for (const leadDays of [[], [0], [61], [2, 2], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [1.5]]) {
      const res = await send(w.admin$, 'PUT', { leadDays });
      expect(res.statusCode, JSON.stringify(leadDays)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'leadDays' });
    }
    expect((await send(w.adviser$, 'GET')).json().leadDays).toEqual([10, 5, 2, 1]);
  });
});
