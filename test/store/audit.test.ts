import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { readCheckpoint, takeCheckpoint } from '../../src/services/audit/audit-checkpoint.ts';
import { type ChainReport, verifyAuditChain } from '../../src/services/audit/verify-audit-chain.ts';
import {
  appendAuditEvent,
  appendAuditEvents,
  canonicalEvent,
  chainHash,
  GENESIS_HASH,
} from '../../src/store/audit.ts';
import { setupTestDatabase } from '../db.ts';
import { insertOrganisation } from '../factories.ts';

const t = setupTestDatabase();

/** The break in one organisation's chain (other tests of this file break their own chains). */
const brokenOf = (report: ChainReport, orgId: string) => report.chains.find((c) => c.orgId === orgId)?.broken;

const event = (orgId: string, action = 'case.viewed') => ({
  orgId,
  actorId: null,
  action,
  entityType: 'case',
  entityId: 'CL-2026-000001',
  details: { fields: ['status'], b: 2, a: 1 },
});

describe('the audit chain', () => {
  it('chains each event to the one before it, per organisation', async () => {
    const org = await insertOrganisation(t.db);
    const first = await appendAuditEvent(t.db, event(org.id));
    const second = await appendAuditEvent(t.db, event(org.id, 'case.updated'));
    expect(first.seq).toBe(1);
    expect(second.seq).toBe(2);
    expect(first.hash).toBe(chainHash(GENESIS_HASH, first));
    expect(second.hash).toBe(chainHash(first.hash, second));
    // Canonical JSON: keys sorted, so the hash does not depend on key order.
    expect(canonicalEvent(first)).toContain('"details":{"a":1,"b":2,"fields":["status"]}');
    const other = await insertOrganisation(t.db);
    expect((await appendAuditEvent(t.db, event(other.id))).seq).toBe(1);
  });

  it('appends many events at once as the same chain one-by-one appends would make', async () => {
    const at = new Date('2026-11-24T09:00:00Z');
    const inputs = Array.from({ length: 5 }, (_, i) => ({ ...event('x', `case.e${i}`), occurredAt: at }));
    const one = await insertOrganisation(t.db);
    await appendAuditEvent(t.db, { ...event(one.id), occurredAt: at });
    for (const input of inputs) await appendAuditEvent(t.db, { ...input, orgId: one.id });
    const many = await insertOrganisation(t.db);
    await appendAuditEvent(t.db, { ...event(many.id), occurredAt: at });
    await appendAuditEvents(t.db, many.id, inputs);
    const chain = (orgId: string) =>
      t.db
        .selectFrom('audit_events')
        .select(['seq', 'action', 'details'])
        .where('org_id', '=', orgId)
        .orderBy('seq')
        .execute();
    expect(await chain(many.id)).toEqual(await chain(one.id));
    expect((await chain(many.id)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    const report = await verifyAuditChain(t.db);
    expect(brokenOf(report, many.id)).toBeUndefined();
    expect(report.chains.find((c) => c.orgId === many.id)?.events).toBe(6);
    await appendAuditEvents(t.db, many.id, []);
    expect(await chain(many.id)).toHaveLength(6);
  });

  it('keeps sequences gap-free under concurrent appends', async () => {
    const org = await insertOrganisation(t.db);
    await Promise.all(
      Array.from({ length: 20 }, () =>
        t.db.transaction().execute((tx) => appendAuditEvent(tx, event(org.id))),
      ),
    );
    const rows = await t.db
      .selectFrom('audit_events')
      .select('seq')
      .where('org_id', '=', org.id)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(brokenOf(await verifyAuditChain(t.db), org.id)).toBeUndefined();
  });

  it('waits for the chain lock, then chains onto the event committed while it waited', async () => {
    const org = await insertOrganisation(t.db);
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let firstIn = () => {};
    const firstAppended = new Promise<void>((resolve) => {
      firstIn = resolve;
    });
    const first = t.db.transaction().execute(async (tx) => {
      const appended = await appendAuditEvent(tx, event(org.id));
      firstIn();
      await held;
      return appended;
    });
    await firstAppended;
    // The second append starts (and takes its statement's snapshot) while the first holds the lock…
    const second = t.db.transaction().execute((tx) => appendAuditEvent(tx, event(org.id, 'case.changed')));
    const lockKey = `audit:${org.id}`;
    for (let waiting = 0; waiting === 0; ) {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND NOT l.granted AND a.query LIKE '%audit_chain_head%'`.execute(t.db);
      waiting = rows[0]?.n ?? 0;
    }
    // …and is the same lock as before the function (same key), so anything taking it interlocks.
    const { rows: held2 } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_locks
      WHERE locktype = 'advisory' AND granted
        AND ((classid::bigint << 32) | objid::bigint) = hashtextextended(${lockKey}, 0)`.execute(t.db);
    expect(held2[0]?.n).toBe(1);
    release();
    const [a, b] = await Promise.all([first, second]);
    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect(b.prevHash).toBe(a.hash);
    expect(brokenOf(await verifyAuditChain(t.db), org.id)).toBeUndefined();
  });

  it('is written with the change it records: a rolled-back transaction leaves no event', async () => {
    const org = await insertOrganisation(t.db);
    await expect(
      t.db.transaction().execute(async (tx) => {
        await appendAuditEvent(tx, event(org.id));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const count = await t.db
      .selectFrom('audit_events')
      .where('org_id', '=', org.id)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('refuses UPDATE, DELETE and TRUNCATE through the trigger', async () => {
    const org = await insertOrganisation(t.db);
    await appendAuditEvent(t.db, event(org.id));
    await expect(
      sql`UPDATE audit_events SET action = 'x' WHERE org_id = ${org.id}`.execute(t.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_events WHERE org_id = ${org.id}`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`TRUNCATE audit_events`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('names the first altered event when the trigger is bypassed by a superuser', async () => {
    const org = await insertOrganisation(t.db);
    for (let i = 0; i < 4; i++) await appendAuditEvent(t.db, event(org.id));
    expect(brokenOf(await verifyAuditChain(t.db), org.id)).toBeUndefined();
    await t.db.connection().execute(async (conn) => {
      await sql`SET session_replication_role = replica`.execute(conn);
      await sql`UPDATE audit_events SET details = '{"fields":["owner"]}' WHERE org_id = ${org.id} AND seq = 3`.execute(
        conn,
      );
      await sql`SET session_replication_role = origin`.execute(conn);
    });
    const report = await verifyAuditChain(t.db);
    expect(report.ok).toBe(false);
    expect(brokenOf(report, org.id)).toMatchObject({ seq: 3, reason: expect.stringContaining('altered') });
  });

  it('detects a deleted event in the middle, and truncation against a checkpoint', async () => {
    const org = await insertOrganisation(t.db);
    for (let i = 0; i < 5; i++) await appendAuditEvent(t.db, event(org.id));
    const checkpoint = await takeCheckpoint(t.db, new Date());
    expect(checkpoint.chains.find((c) => c.orgId === org.id)?.seq).toBe(5);
    await t.db.connection().execute(async (conn) => {
      await sql`SET session_replication_role = replica`.execute(conn);
      await sql`DELETE FROM audit_events WHERE org_id = ${org.id} AND seq = 5`.execute(conn);
      await sql`SET session_replication_role = origin`.execute(conn);
    });
    // Without a checkpoint, deleting the newest event leaves a valid (shorter) chain…
    const alone = await verifyAuditChain(t.db);
    expect(brokenOf(alone, org.id)).toBeUndefined();
    // …the checkpoint catches it.
    const withCheckpoint = await verifyAuditChain(t.db, checkpoint);
    expect(brokenOf(withCheckpoint, org.id)).toMatchObject({
      seq: 5,
      reason: expect.stringContaining('truncated'),
    });
    await t.db.connection().execute(async (conn) => {
      await sql`SET session_replication_role = replica`.execute(conn);
      await sql`DELETE FROM audit_events WHERE org_id = ${org.id} AND seq = 2`.execute(conn);
      await sql`SET session_replication_role = origin`.execute(conn);
    });
    expect(brokenOf(await verifyAuditChain(t.db), org.id)).toMatchObject({
      seq: 3,
      reason: expect.stringContaining('missing'),
    });
  });

  it('refuses a file that is not a checkpoint', async () => {
    const fs = await import('node:fs/promises');
    const os = await import('node:os');
    const file = `${os.tmpdir()}/not-a-checkpoint-${Date.now()}.json`;
    await fs.writeFile(file, '{"hello":1}');
    await expect(readCheckpoint(file)).rejects.toThrow(/not a Caseload audit checkpoint/);
    await fs.rm(file);
  });
});
