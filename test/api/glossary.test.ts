/** The organisation's glossary: everyone reads it, administrators keep it, every change audited. */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertOrganisation, insertUser } from '../factories.ts';

const t = setupTestDatabase();

let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } }));

async function send(session: SignedIn, method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: object) {
  return sendAs(await getApp(), session, method, url, payload);
}

async function orgWithPeople() {
  const org = await insertOrganisation(t.db);
  const admin = await insertUser(t.db, { orgId: org.id, roles: ['admin'], totp: true });
  const adviser = await insertUser(t.db, { orgId: org.id, roles: ['adviser'] });
  const app = await getApp();
  return {
    org,
    admin: await signInAs(app, admin),
    adviser: await signInAs(app, adviser),
    adviserId: adviser.id,
  };
}

const auditRows = (orgId: string, action: string) =>
  t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

describe('the glossary', () => {
  it('lets an admin add, change and remove terms that everyone reads, auditing each change', async () => {
    const { org, admin, adviser } = await orgWithPeople();
    expect((await send(adviser, 'GET', '/api/glossary')).json()).toEqual({ terms: [] });

    const added = await send(admin, 'PUT', '/api/glossary/pip', {
      meaning: ' Personal Independence Payment ',
    });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toEqual({ term: 'PIP', meaning: 'Personal Independence Payment' });
    await send(admin, 'PUT', '/api/glossary/UC', { meaning: 'Universal Credit' });
    const changed = await send(admin, 'PUT', '/api/glossary/UC', { meaning: 'Universal Credit (DWP)' });
    expect(changed.json()).toEqual({ term: 'UC', meaning: 'Universal Credit (DWP)' });

    const list = await send(adviser, 'GET', '/api/glossary');
    expect(list.json()).toEqual({
      terms: [
        { term: 'PIP', meaning: 'Personal Independence Payment' },
        { term: 'UC', meaning: 'Universal Credit (DWP)' },
      ],
    });

    const removed = await send(admin, 'DELETE', '/api/glossary/pip');
    expect(removed.statusCode).toBe(204);
    expect(
      (await send(adviser, 'GET', '/api/glossary')).json().terms.map((e: { term: string }) => e.term),
    ).toEqual(['UC']);

    const set = await auditRows(org.id, 'glossary.term_set');
    expect(set.map((e) => [e.entity_type, e.entity_id, e.details])).toEqual([
      ['glossary_term', 'PIP', { created: true }],
      ['glossary_term', 'UC', { created: true }],
      ['glossary_term', 'UC', { created: false }],
    ]);
    const deleted = await auditRows(org.id, 'glossary.term_deleted');
    expect(deleted.map((e) => e.entity_id)).toEqual(['PIP']);
  });

  it('refuses an adviser with 403 and keeps the glossary as it was', async () => {
    const { org, admin, adviser, adviserId } = await orgWithPeople();
    await send(admin, 'PUT', '/api/glossary/MR', { meaning: 'Mandatory reconsideration' });
    const put = await send(adviser, 'PUT', '/api/glossary/ESA', {
      meaning: 'Employment and Support Allowance',
    });
    expect(put.statusCode).toBe(403);
    expect(put.json().code).toBe('FORBIDDEN');
    const del = await send(adviser, 'DELETE', '/api/glossary/MR');
    expect(del.statusCode).toBe(403);
    expect((await send(adviser, 'GET', '/api/glossary')).json().terms).toEqual([
      { term: 'MR', meaning: 'Mandatory reconsideration' },
    ]);
    const denials = await auditRows(org.id, 'access.denied');
    expect(denials.map((e) => e.actor_id)).toEqual([adviserId, adviserId]);
  });

  it('names the field of bad input and writes nothing', async () => {
    const { org, admin } = await orgWithPeople();
    for (const [url, payload, field] of [
      ['/api/glossary/not-a-term', { meaning: 'x' }, 'params.term'],
      ['/api/glossary/A', { meaning: 'x' }, 'params.term'],
      ['/api/glossary/1UC', { meaning: 'x' }, 'params.term'],
      [`/api/glossary/${'A'.repeat(21)}`, { meaning: 'x' }, 'params.term'],
      ['/api/glossary/UC', { meaning: '   ' }, 'meaning'],
      ['/api/glossary/UC', { meaning: 'x'.repeat(201) }, 'meaning'],
      ['/api/glossary/UC', { meaning: 'x', extra: 1 }, 'extra'],
    ] as const) {
      const res = await send(admin, 'PUT', url, payload);
      expect(res.statusCode, url).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
    expect((await send(admin, 'GET', '/api/glossary')).json().terms).toEqual([]);
    expect(await auditRows(org.id, 'glossary.term_set')).toEqual([]);
  });

  it('answers 404 GLOSSARY_TERM_NOT_FOUND for a term the organisation does not have', async () => {
    const { admin } = await orgWithPeople();
    const res = await send(admin, 'DELETE', '/api/glossary/XYZ');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('GLOSSARY_TERM_NOT_FOUND');
  });

  it('keeps each organisation’s glossary to itself', async () => {
    const one = await orgWithPeople();
    const two = await orgWithPeople();
    await send(one.admin, 'PUT', '/api/glossary/HB', { meaning: 'Housing Benefit' });
    expect((await send(two.adviser, 'GET', '/api/glossary')).json().terms).toEqual([]);
    expect((await send(two.admin, 'DELETE', '/api/glossary/HB')).statusCode).toBe(404);
    expect((await send(one.adviser, 'GET', '/api/glossary')).json().terms).toHaveLength(1);
  });
});
