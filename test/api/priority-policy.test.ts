/** The priority policy: the default as version 0, admins save new versions, versions never change. */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import {
  DEFAULT_PRIORITY_POLICY,
  describePolicy,
  type PriorityPolicy,
} from '../../src/domain/priority/policy.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertOrganisation, insertUser } from '../factories.ts';

const t = setupTestDatabase();

let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } }));

async function send(session: SignedIn, method: 'GET' | 'PUT', url: string, payload?: object) {
  return sendAs(await getApp(), session, method, url, payload);
}

async function orgWithPeople() {
  const org = await insertOrganisation(t.db);
  const admin = await insertUser(t.db, {
    orgId: org.id,
    roles: ['admin'],
    totp: true,
    displayName: 'Ada Admin',
  });
  const supervisor = await insertUser(t.db, { orgId: org.id, roles: ['supervisor', 'adviser'], totp: true });
  const adviser = await insertUser(t.db, { orgId: org.id, roles: ['adviser'] });
  const app = await getApp();
  return {
    org,
    adminUser: admin,
    adviserUser: adviser,
    admin: await signInAs(app, admin),
    supervisor: await signInAs(app, supervisor),
    adviser: await signInAs(app, adviser),
  };
}

const storedVersions = (orgId: string) =>
  t.db.selectFrom('priority_policies').selectAll().where('org_id', '=', orgId).orderBy('version').execute();

const auditRows = (orgId: string, action: string) =>
  t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

/** The default with a higher red threshold: a valid change. */
const stricter: PriorityPolicy = { ...DEFAULT_PRIORITY_POLICY, thresholds: { red: 80, amber: 35 } };

describe('the priority policy', () => {
  it('is described in README line for line', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const line of describePolicy(DEFAULT_PRIORITY_POLICY)) expect(readme).toContain(`- ${line}\n`);
  });

  it('is the default, as version 0, until an admin saves one', async () => {
    const { adviser } = await orgWithPeople();
    const res = await send(adviser, 'GET', '/api/priority-policy');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      version: 0,
      policy: JSON.parse(JSON.stringify(DEFAULT_PRIORITY_POLICY)),
      description: describePolicy(DEFAULT_PRIORITY_POLICY),
      createdAt: null,
      changeNote: null,
    });
    expect(res.json().description[0]).toBe('An open safeguarding concern: 50 points.');
  });

  it('lets an admin save a valid change as version 1, audited without personal data', async () => {
    const { org, admin, adviser, adminUser } = await orgWithPeople();
    const saved = await send(admin, 'PUT', '/api/priority-policy', {
      policy: stricter,
      changeNote: ' Fewer cases red on score alone ',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, changeNote: 'Fewer cases red on score alone' });
    expect(saved.json().createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const current = (await send(adviser, 'GET', '/api/priority-policy')).json();
    expect(current.version).toBe(1);
    expect(current.policy.thresholds).toEqual({ red: 80, amber: 35 });
    expect(current.description).toContain('Score: 80 or more is red, 35 or more amber, less green.');
    expect(current.description).not.toEqual(describePolicy(DEFAULT_PRIORITY_POLICY));

    const [event, ...more] = await auditRows(org.id, 'priority_policy.saved');
    expect(more).toEqual([]);
    expect(event).toMatchObject({ actor_id: adminUser.id, entity_type: 'priority_policy', entity_id: '1' });
    expect(event?.details).toEqual({ version: 1 });
    expect(JSON.stringify(event)).not.toContain('Ada Admin');
    expect(JSON.stringify(event)).not.toContain('Fewer cases');

    // Another change takes the next number; the same policy again is refused.
    const next = await send(admin, 'PUT', '/api/priority-policy', {
      policy: DEFAULT_PRIORITY_POLICY,
      changeNote: 'Back to the default',
    });
    expect(next.json().version).toBe(2);
    const again = await send(admin, 'PUT', '/api/priority-policy', { policy: DEFAULT_PRIORITY_POLICY });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONFLICT' });
    expect(again.json().detail).toContain('version 2');
    expect((await storedVersions(org.id)).map((v) => v.version)).toEqual([1, 2]);
  });

  it('refuses saving the default unchanged while no policy is saved', async () => {
    const { org, admin } = await orgWithPeople();
    const res = await send(admin, 'PUT', '/api/priority-policy', { policy: DEFAULT_PRIORITY_POLICY });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('version 0');
    expect(await storedVersions(org.id)).toEqual([]);
  });

  it('names every problem of an invalid policy as a policy.<path> field and stores nothing', async () => {
    const { org, admin } = await orgWithPeople();
    const [safeguarding, ...others] = DEFAULT_PRIORITY_POLICY.criteria;
    const invalid = {
      ...DEFAULT_PRIORITY_POLICY,
      criteria: [{ ...safeguarding, points: -5 }, ...others],
      thresholds: { red: 30, amber: 40 },
    };
    const res = await send(admin, 'PUT', '/api/priority-policy', { policy: invalid, changeNote: 'Oops' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        {
          field: 'policy.criteria.0.points',
          message: 'Points cannot be negative (-5); use 0 for no points.',
        },
        {
          field: 'policy.thresholds.red',
          message: 'The red threshold (30) must be higher than the amber threshold (40).',
        },
      ]),
    );
    expect(body.detail).toBe(`${body.errors[0].field}: ${body.errors[0].message}`);
    expect(await storedVersions(org.id)).toEqual([]);
    expect(await auditRows(org.id, 'priority_policy.saved')).toEqual([]);
  });

  it('names the field when the shape is wrong (an unknown kind of criterion)', async () => {
    const { org, admin } = await orgWithPeople();
    const res = await send(admin, 'PUT', '/api/priority-policy', {
      policy: { ...DEFAULT_PRIORITY_POLICY, criteria: [{ key: 'x', kind: 'hunch', points: 5 }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'policy.criteria.0.kind' });
    expect(await storedVersions(org.id)).toEqual([]);
  });

  it('refuses an adviser a save with 403, audits the denial and stores nothing', async () => {
    const { org, adviser, adviserUser } = await orgWithPeople();
    const res = await send(adviser, 'PUT', '/api/priority-policy', { policy: stricter });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    const [denial] = await auditRows(org.id, 'access.denied');
    expect(denial).toMatchObject({ actor_id: adviserUser.id, details: { policy: 'users.manage' } });
    expect(await storedVersions(org.id)).toEqual([]);
  });

  it('lists the versions with who saved them, and shows any version, to supervisors but not advisers', async () => {
    const { admin, supervisor, adviser, adminUser } = await orgWithPeople();
    expect((await send(supervisor, 'GET', '/api/priority-policy/versions')).json()).toEqual({ versions: [] });
    await send(admin, 'PUT', '/api/priority-policy', { policy: stricter, changeNote: 'Stricter red' });
    await send(admin, 'PUT', '/api/priority-policy', { policy: DEFAULT_PRIORITY_POLICY });

    const list = await send(supervisor, 'GET', '/api/priority-policy/versions');
    expect(list.statusCode).toBe(200);
    expect(list.json().versions).toEqual([
      {
        version: 2,
        createdAt: expect.any(String),
        createdBy: { id: adminUser.id, name: 'Ada Admin' },
        changeNote: null,
      },
      {
        version: 1,
        createdAt: expect.any(String),
        createdBy: { id: adminUser.id, name: 'Ada Admin' },
        changeNote: 'Stricter red',
      },
    ]);
    const one = await send(supervisor, 'GET', '/api/priority-policy/versions/1');
    expect(one.json()).toMatchObject({ version: 1, policy: { thresholds: { red: 80 } } });
    const zero = await send(supervisor, 'GET', '/api/priority-policy/versions/0');
    expect(zero.json()).toMatchObject({ version: 0, createdAt: null });
    const missing = await send(supervisor, 'GET', '/api/priority-policy/versions/9');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');

    const refused = await send(adviser, 'GET', '/api/priority-policy/versions');
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('Ada Admin');
  });

  it('keeps other organisations’ versions apart', async () => {
    const a = await orgWithPeople();
    const b = await orgWithPeople();
    await send(a.admin, 'PUT', '/api/priority-policy', { policy: stricter });
    expect((await send(b.adviser, 'GET', '/api/priority-policy')).json().version).toBe(0);
    expect((await send(b.supervisor, 'GET', '/api/priority-policy/versions/1')).statusCode).toBe(404);
  });

  it('refuses changing or deleting a stored version in SQL (the trigger)', async () => {
    const { org, admin } = await orgWithPeople();
    await send(admin, 'PUT', '/api/priority-policy', { policy: stricter });
    await expect(
      sql`UPDATE priority_policies SET change_note = 'rewritten' WHERE org_id = ${org.id}`.execute(t.db),
    ).rejects.toThrow(/cannot be changed/);
    await expect(sql`DELETE FROM priority_policies WHERE org_id = ${org.id}`.execute(t.db)).rejects.toThrow(
      /cannot be changed/,
    );
    const [kept] = await storedVersions(org.id);
    expect(kept).toMatchObject({ version: 1, change_note: null });
  });
});
