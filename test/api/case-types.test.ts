import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { DEFAULT_CASE_TYPES } from '../../src/domain/cases/reference.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertOrganisation, insertUser } from '../factories.ts';

const t = setupTestDatabase();

let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } }));

async function send(session: SignedIn, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return sendAs(await getApp(), session, method, url, payload);
}

async function org() {
  const o = await insertOrganisation(t.db);
  const app = await getApp();
  const admin = await insertUser(t.db, { orgId: o.id, roles: ['admin'], totp: true });
  const adviser = await insertUser(t.db, { orgId: o.id, roles: ['adviser'] });
  const auditor = await insertUser(t.db, { orgId: o.id, roles: ['auditor'] });
  return {
    org: o,
    admin: await signInAs(app, admin),
    adviser: await signInAs(app, adviser),
    auditor: await signInAs(app, auditor),
  };
}

const typeRows = (orgId: string) =>
  t.db.selectFrom('case_types').selectAll().where('org_id', '=', orgId).orderBy('key').execute();

const auditRows = (orgId: string, action: string) =>
  t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

interface CaseTypeBody {
  id: string;
  key: string;
  name: string;
  baseWeight: number;
  active: boolean;
  sortOrder: number;
}

describe('GET /api/case-types', () => {
  it('gives anyone signed in the organisation’s active types in order', async () => {
    const { adviser, auditor } = await org();
    for (const session of [adviser, auditor]) {
      const res = await send(session, 'GET', '/api/case-types');
      expect(res.statusCode).toBe(200);
      const types: CaseTypeBody[] = res.json().caseTypes;
      expect(types.map((c) => c.key)).toEqual(DEFAULT_CASE_TYPES.map((c) => c.key));
      expect(types[2]).toMatchObject({
        key: 'housing',
        name: 'Housing and homelessness',
        baseWeight: 1,
        active: true,
      });
    }
  });

  it('shows inactive types with all=true to admins only', async () => {
    const { org: o, admin, adviser } = await org();
    await t.db
      .updateTable('case_types')
      .set({ active: false })
      .where('org_id', '=', o.id)
      .where('key', '=', 'consumer')
      .execute();
    const active = (await send(adviser, 'GET', '/api/case-types')).json().caseTypes;
    expect(active.map((c: CaseTypeBody) => c.key)).not.toContain('consumer');
    const all = await send(admin, 'GET', '/api/case-types?all=true');
    expect(all.json().caseTypes.find((c: CaseTypeBody) => c.key === 'consumer')).toMatchObject({
      active: false,
    });
    const refused = await send(adviser, 'GET', '/api/case-types?all=true');
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(await auditRows(o.id, 'access.denied')).toHaveLength(1);
  });

  it('never shows another organisation’s types', async () => {
    const mine = await org();
    const other = await org();
    await send(other.admin, 'POST', '/api/case-types', { key: 'their-own', name: 'Theirs' });
    const res = await send(mine.admin, 'GET', '/api/case-types?all=true');
    expect(res.json().caseTypes.map((c: CaseTypeBody) => c.key)).not.toContain('their-own');
    expect(res.json().caseTypes).toHaveLength(DEFAULT_CASE_TYPES.length);
  });
});

describe('POST /api/case-types', () => {
  it('lets an admin add a type, placed last, and audits it', async () => {
    const { org: o, admin, adviser } = await org();
    const res = await send(admin, 'POST', '/api/case-types', {
      key: 'education',
      name: 'Education and SEND',
      baseWeight: 1.25,
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      key: 'education',
      name: 'Education and SEND',
      baseWeight: 1.25,
      active: true,
      sortOrder: DEFAULT_CASE_TYPES.length + 1,
    });
    const listed = (await send(adviser, 'GET', '/api/case-types')).json().caseTypes;
    expect(listed.at(-1)).toMatchObject({ id: created.id, key: 'education' });
    const [event] = await auditRows(o.id, 'case-type.created');
    expect(event).toMatchObject({
      entity_type: 'case-type',
      entity_id: created.id,
      details: { key: 'education', baseWeight: 1.25, active: true },
    });
  });

  it('refuses advisers and auditors with 403, writing nothing', async () => {
    const { org: o, adviser, auditor } = await org();
    const before = await typeRows(o.id);
    for (const session of [adviser, auditor]) {
      const res = await send(session, 'POST', '/api/case-types', { key: 'sneaky', name: 'Sneaky' });
      expect(res.statusCode).toBe(403);
    }
    expect(await typeRows(o.id)).toEqual(before);
  });

  it('answers CASE_TYPE_KEY_TAKEN on the key field for a key in use, inactive or not', async () => {
    const { org: o, admin } = await org();
    await send(
      admin,
      'PATCH',
      `/api/case-types/${(await typeRows(o.id)).find((r) => r.key === 'debt')?.id}`,
      {
        active: false,
      },
    );
    const res = await send(admin, 'POST', '/api/case-types', { key: 'debt', name: 'Money advice' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CASE_TYPE_KEY_TAKEN', field: 'key' });
    expect(res.json().detail).toMatch(/all=true/);
  });

  it('names each bad field and writes nothing', async () => {
    const { org: o, admin } = await org();
    const before = await typeRows(o.id);
    const cases: [object, string][] = [
      [{ key: 'Welfare Benefits', name: 'X' }, 'key'],
      [{ key: 'ok-key', name: '' }, 'name'],
      [{ key: 'ok-key', name: 'X', baseWeight: 0 }, 'baseWeight'],
      [{ key: 'ok-key', name: 'X', baseWeight: 1.234 }, 'baseWeight'],
      [{ key: 'ok-key', name: 'X', sortOrder: 1.5 }, 'sortOrder'],
      [{ name: 'No key' }, 'key'],
    ];
    for (const [body, field] of cases) {
      const res = await send(admin, 'POST', '/api/case-types', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json(), JSON.stringify(body)).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
    expect(await typeRows(o.id)).toEqual(before);
  });
});

describe('PATCH /api/case-types/:id', () => {
  it('renames, re-weights and deactivates a type; it is then hidden from the default list', async () => {
    const { org: o, admin, adviser } = await org();
    const housing = (await typeRows(o.id)).find((r) => r.key === 'housing');
    const res = await send(admin, 'PATCH', `/api/case-types/${housing?.id}`, {
      name: 'Housing',
      baseWeight: 1.5,
      active: false,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: housing?.id,
      key: 'housing',
      name: 'Housing',
      baseWeight: 1.5,
      active: false,
    });
    const listed = (await send(adviser, 'GET', '/api/case-types')).json().caseTypes;
    expect(listed.map((c: CaseTypeBody) => c.key)).not.toContain('housing');
    const [event] = await auditRows(o.id, 'case-type.updated');
    expect(event?.details).toEqual({
      key: 'housing',
      fields: ['name', 'baseWeight', 'active'],
      active: false,
    });

    const back = await send(admin, 'PATCH', `/api/case-types/${housing?.id}`, { active: true, sortOrder: 0 });
    expect(back.json()).toMatchObject({ active: true, sortOrder: 0 });
    expect((await send(adviser, 'GET', '/api/case-types')).json().caseTypes[0].key).toBe('housing');
  });

  it('keeps the key fixed, naming the field, and changes nothing', async () => {
    const { org: o, admin } = await org();
    const before = await typeRows(o.id);
    const debt = before.find((r) => r.key === 'debt');
    for (const body of [{ key: 'money' }, { key: 'money', name: 'Money' }]) {
      const res = await send(admin, 'PATCH', `/api/case-types/${debt?.id}`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'key' });
      expect(res.json().errors.find((e: { field: string }) => e.field === 'key').message).toMatch(/fixed/);
    }
    const empty = await send(admin, 'PATCH', `/api/case-types/${debt?.id}`, {});
    expect(empty.statusCode).toBe(400);
    expect(await typeRows(o.id)).toEqual(before);
  });

  it('answers CASE_TYPE_NOT_FOUND for another organisation’s type, changing nothing', async () => {
    const mine = await org();
    const other = await org();
    const theirs = (await typeRows(other.org.id)).find((r) => r.key === 'debt');
    const res = await send(mine.admin, 'PATCH', `/api/case-types/${theirs?.id}`, { name: 'Hijacked' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'CASE_TYPE_NOT_FOUND' });
    expect((await typeRows(other.org.id)).find((r) => r.key === 'debt')?.name).toBe('Debt');
  });

  it('refuses advisers with 403', async () => {
    const { org: o, adviser } = await org();
    const debt = (await typeRows(o.id)).find((r) => r.key === 'debt');
    const res = await send(adviser, 'PATCH', `/api/case-types/${debt?.id}`, { active: false });
    expect(res.statusCode).toBe(403);
    expect((await typeRows(o.id)).find((r) => r.key === 'debt')?.active).toBe(true);
  });

  it('keeps at least one active type', async () => {
    const { org: o, admin } = await org();
    const rows = await typeRows(o.id);
    const [last, ...others] = rows;
    await t.db
      .updateTable('case_types')
      .set({ active: false })
      .where(
        'id',
        'in',
        others.map((r) => r.id),
      )
      .execute();
    const res = await send(admin, 'PATCH', `/api/case-types/${last?.id}`, { active: false });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT', field: 'active' });
    expect((await typeRows(o.id)).find((r) => r.id === last?.id)?.active).toBe(true);
  });
});
