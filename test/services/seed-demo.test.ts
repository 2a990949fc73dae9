import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.ts';
import { DEMO_ORGANISATION } from '../../src/services/demo/demo-accounts.ts';
import { seedSynthetic } from '../../src/services/demo/seed-synthetic.ts';
import { createDb, withDatabase } from '../../src/store/db.ts';
import { buildTestApp } from '../app.ts';
import { setupTestDatabase } from '../db.ts';

const t = setupTestDatabase();
const PASSWORD = 'demo passphrase for tests';
const AS_OF = '2026-11-24';
const others: string[] = [];

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: t.serverUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Another throw-away database cloned from this file's template state (migrated, empty). */
async function anotherDatabase(): Promise<string> {
  const name = `${t.name}_s${randomBytes(3).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${inject('testTemplate')}`));
  others.push(name);
  return withDatabase(t.serverUrl, name);
}

afterAll(async () => {
  for (const name of others) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});

async function countIn(url: string, text: string, params: unknown[]): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query<{ n: string }>(text, params)).rows[0]?.n);
  } finally {
    await c.end();
  }
}

/** A digest of the generated rows, by content (ids included: they come from the seed too). */
async function digest(url: string): Promise<Record<string, string>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`SET TIME ZONE 'UTC'`);
    const out: Record<string, string> = {};
    for (const table of [
      'clients',
      'consents',
      'cases',
      'notes',
      'goals',
      'actions',
      'key_dates',
      'case_flags',
      'obstacles',
      'referrals',
      'sharing_records',
      'financial_outcomes',
    ]) {
      // The current assessment's id is made by the real code (random), so it is left out of cases.
      const row =
        table === 'cases'
          ? `(x.id, x.reference, x.status, x.presenting_issue, x.opened_at, x.closed_at, x.priority_band)::text`
          : 'x::text';
      const { rows } = await c.query(
        `SELECT count(*) AS n, md5(string_agg(${row}, '|' ORDER BY x.id)) AS sum FROM ${table} x`,
      );
      out[table] = `${rows[0].n}:${rows[0].sum}`;
    }
    return out;
  } finally {
    await c.end();
  }
}

describe('seedSynthetic (caseload seed-demo)', () => {
  it('loads the small demo: one adviser with 60 cases, 24 of them open and assessed, and a valid audit chain', async () => {
    const summary = await seedSynthetic(t.url, { size: 'small', seed: 1, password: PASSWORD, asOf: AS_OF });
    expect(summary.created).toBe(true);
    expect(summary.organisationName).toBe(DEMO_ORGANISATION);
    expect(summary.accounts).toEqual({
      admin: 'admin@riverside.example',
      supervisor: 'supervisor@riverside.example',
      adviser: 'adviser@riverside.example',
    });
    const org = summary.organisationId;
    const count = (text: string) => countIn(t.url, text, [org]);
    expect(await count('SELECT count(*) AS n FROM cases WHERE org_id = $1')).toBe(60);
    expect(await count(`SELECT count(*) AS n FROM cases WHERE org_id = $1 AND status <> 'closed'`)).toBe(24);
    // Every open case has its current assessment; closed ones have an outcome and a destruction date.
    expect(
      await count(
        `SELECT count(*) AS n FROM cases WHERE org_id = $1 AND status <> 'closed' AND assessment_id IS NULL`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM cases WHERE org_id = $1 AND status = 'closed' AND (outcome_key IS NULL OR destruction_due_on IS NULL)`,
      ),
    ).toBe(0);
    // Most clients filled in the equality monitoring form.
    const clients = await count('SELECT count(*) AS n FROM clients WHERE org_id = $1');
    const forms = await count('SELECT count(*) AS n FROM equality_monitoring WHERE org_id = $1');
    expect(forms).toBeGreaterThan(clients / 2);
    expect(forms).toBeLessThan(clients);
    // What the adviser noticed goes with the vulnerability level the priority uses.
    expect(
      await count(
        `SELECT count(*) AS n FROM cases WHERE org_id = $1 AND (vulnerability > 0) <> (cardinality(vulnerability_indicators) > 0)`,
      ),
    ).toBe(0);
    expect(
      await count(
        `SELECT count(*) AS n FROM cases WHERE org_id = $1 AND cardinality(vulnerability_indicators) > 0`,
      ),
    ).toBeGreaterThan(0);
    // Notes in all four sections, each case's notes inside its life, filed notes immutable as ever.
    for (const section of ['facts', 'advice', 'actions_agreed', 'judgement']) {
      expect(
        await count(`SELECT count(*) AS n FROM notes WHERE org_id = $1 AND ${section} <> ''`),
      ).toBeGreaterThan(0);
    }
    expect(
      await count(`SELECT count(*) AS n FROM notes n JOIN cases c ON c.id = n.case_id
        WHERE n.org_id = $1 AND (n.occurred_at < c.opened_at OR n.occurred_at > coalesce(c.closed_at, now() + interval '1 day'))`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM key_dates WHERE org_id = $1 AND status = 'missed'`),
    ).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*) AS n FROM key_dates k JOIN cases c ON c.id = k.case_id
        WHERE k.org_id = $1 AND c.status <> 'closed' AND k.status = 'pending' AND k.due_date BETWEEN '2026-11-24' AND '2026-12-08'`),
    ).toBeGreaterThan(0);
    // Out-referrals carry consent and the sharing record the real use case writes.
    expect(
      await count(`SELECT count(*) AS n FROM referrals r WHERE r.org_id = $1 AND r.direction = 'out'
        AND (r.consent_id IS NULL OR NOT EXISTS (SELECT 1 FROM sharing_records s WHERE s.referral_id = r.id))`),
    ).toBe(0);
    const chain = await verifyAuditChain(t.db);
    expect(chain.ok).toBe(true);
    expect(chain.chains.find((c) => c.orgId === org)?.events).toBe(summary.counts.audit_events);

    // The adviser signs in and sees the open cases on the worklist.
    const app = await buildTestApp(t);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'adviser@riverside.example', password: PASSWORD },
    });
    expect(login.json().stage).toBe('full');
    const worklist = await app.inject({ method: 'GET', url: '/api/worklist', cookies: cookiesOf(login) });
    expect(worklist.statusCode).toBe(200);
    expect(worklist.json().rows).toHaveLength(24);
  });

  it('does nothing when the organisation exists', async () => {
    const before = await digest(t.url);
    const again = await seedSynthetic(t.url, { size: 'small', seed: 2, password: PASSWORD, asOf: AS_OF });
    expect(again.created).toBe(false);
    expect(await digest(t.url)).toEqual(before);
  });

  it('gives the same rows for the same seed and date, and different ones for another seed', async () => {
    const first = await digest(t.url);
    const same = await anotherDatabase();
    await seedSynthetic(same, {
      size: 'small',
      seed: 1,
      password: 'another passphrase entirely',
      asOf: AS_OF,
    });
    expect(await digest(same)).toEqual(first);
    const other = await anotherDatabase();
    await seedSynthetic(other, { size: 'small', seed: 7, password: PASSWORD, asOf: AS_OF });
    const otherDigest = await digest(other);
    expect(otherDigest.cases).not.toEqual(first.cases);
    expect(otherDigest.notes).not.toEqual(first.notes);
    const db = createDb({ url: other, poolSize: 1 });
    try {
      expect((await verifyAuditChain(db)).ok).toBe(true);
    } finally {
      await db.destroy();
    }
  });
});

function cookiesOf(res: { cookies: { name: string; value: string }[] }): Record<string, string> {
  return Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
}
