/**
 * Erasure leaves no trace of the client's personal data in any table or document (the whole
 * database is searched), keeps a tombstone for statistics, and the audit chain still verifies.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import type { Actor } from '../../src/domain/access/actor.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { eraseCaseIn } from '../../src/services/retention/erase.ts';
import { setupTestDatabase } from '../db.ts';
import { insertUser } from '../factories.ts';
import { CLIENT_MARKERS as M, seedClientEverywhere } from './client-everywhere.ts';
import { searchDatabase } from './search-database.ts';

const t = setupTestDatabase();

/** The `caseload` command as an operator runs it. */
function caseloadCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin', 'caseload.mjs'), ...args], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

const NEEDLES = [
  M.legalName,
  M.surname,
  'quillfeath', // the English stem, as tsvector columns hold it
  M.preferredName,
  M.dateOfBirth,
  M.dateOfBirthText,
  M.niNumber,
  M.niNumber.replace(/\s/g, ''),
  M.phone,
  M.phone.replace(/\s/g, ''),
  M.email,
  'Larkspur',
  M.postcode,
  'Brackenbury',
];

async function adminCtx(orgId: string): Promise<ServiceContext> {
  const admin = await insertUser(t.db, { orgId, roles: ['admin'] });
  const actor: Actor = { id: admin.id, orgId, roles: ['admin'], teamIds: [], supervisedTeamIds: [] };
  return { db: t.db, clock: { now: () => new Date() }, actor };
}

describe('erasure', () => {
  it('erasing every case of the client leaves no trace, a tombstone per case, and a valid audit chain', async () => {
    const seeded = await seedClientEverywhere(t.db);
    // A second client in the same organisation must not be touched.
    const bystander = await seedClientEverywhere(t.db, { orgId: seeded.orgId });
    expect((await searchDatabase(t.db, [M.legalName])).length).toBeGreaterThan(5);
    const ctx = await adminCtx(seeded.orgId);
    // The open case is closed first (erasure refuses open cases).
    await t.db
      .updateTable('cases')
      .set({
        status: 'closed',
        outcome_key: 'client-withdrew',
        closure_reason: 'Erasure requested',
        closed_at: new Date(),
      })
      .where('id', '=', seeded.openCaseId)
      .execute();
    const erased = await t.db
      .transaction()
      .execute(async (tx) => [
        await eraseCaseIn(ctx, tx, { caseId: seeded.openCaseId, reason: 'retention' }),
        await eraseCaseIn(ctx, tx, { caseId: seeded.closedCaseId, reason: 'retention' }),
      ]);
    expect(erased.map((e) => e.clientErased)).toEqual([false, true]);

    // The bystander carries the same markers: search with the first client's rows gone, then
    // erase the bystander too, so that the search over the whole database must come back empty.
    const ctx2 = ctx;
    await t.db
      .updateTable('cases')
      .set({ status: 'closed', outcome_key: 'resolved', closure_reason: 'Done', closed_at: new Date() })
      .where('id', '=', bystander.openCaseId)
      .execute();
    const stillThere = await t.db
      .selectFrom('clients')
      .select('id')
      .where('id', '=', bystander.clientId)
      .execute();
    expect(stillThere).toHaveLength(1);
    const bystanderNotes = await t.db
      .selectFrom('notes')
      .select('id')
      .where('case_id', '=', bystander.openCaseId)
      .execute();
    expect(bystanderNotes).toHaveLength(4);
    await t.db.transaction().execute(async (tx) => {
      await eraseCaseIn(ctx2, tx, { caseId: bystander.openCaseId, reason: 'retention' });
      await eraseCaseIn(ctx2, tx, { caseId: bystander.closedCaseId, reason: 'retention' });
    });

    expect(await searchDatabase(t.db, NEEDLES)).toEqual([]);

    const tombstones = await t.db
      .selectFrom('tombstones')
      .selectAll()
      .where('org_id', '=', seeded.orgId)
      .execute();
    expect(tombstones).toHaveLength(4);
    const closed = tombstones.find((s) => s.case_reference === seeded.references.closed);
    expect(closed).toMatchObject({
      case_type_key: 'welfare-benefits',
      outcome_key: 'resolved',
      reason: 'retention',
    });
    expect(closed?.closed_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(closed?.financial_outcomes).toEqual([
      { kind: 'debt-written-off', frequency: 'one-off', count: 1, totalPence: '123456' },
    ]);
    // The completed caseload review survives with its summary redacted.
    const review = await t.db
      .selectFrom('caseload_reviews')
      .select(['status', 'summary'])
      .where('id', '=', seeded.ids.caseloadReviews[0] ?? '')
      .executeTakeFirstOrThrow();
    expect(review).toEqual({
      status: 'completed',
      summary: "Discussed [erased]'s PIP appeal and the safeguarding concern.",
    });

    const report = await verifyAuditChain(t.db);
    expect(report.ok).toBe(true);
    const events = await t.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id', 'details'])
      .where('org_id', '=', seeded.orgId)
      .where('action', 'in', ['case.erased', 'client.erased'])
      .execute();
    expect(events.filter((e) => e.action === 'case.erased')).toHaveLength(4);
    expect(events.find((e) => e.entity_id === seeded.closedCaseId)?.details).toMatchObject({
      tombstoneId: closed?.id,
      clientErased: true,
    });
  });

  it('redacts the free text of audit events and the verifier accounts for it — and only for it', async () => {
    const seeded = await seedClientEverywhere(t.db);
    const ctx = await adminCtx(seeded.orgId);
    const breakGlass = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('org_id', '=', seeded.orgId)
      .where('action', '=', 'case.break_glass')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(breakGlass.details)).toContain(M.legalName);
    await t.db
      .updateTable('cases')
      .set({ status: 'closed', outcome_key: 'resolved', closure_reason: 'Done', closed_at: new Date() })
      .where('id', '=', seeded.openCaseId)
      .execute();
    const erased = await t.db
      .transaction()
      .execute((tx) => eraseCaseIn(ctx, tx, { caseId: seeded.openCaseId, reason: 'retention' }));
    const after = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('org_id', '=', seeded.orgId)
      .where('seq', '=', breakGlass.seq)
      .executeTakeFirstOrThrow();
    expect(after.details).toEqual({ ...breakGlass.details, reason: { erased: erased.tombstoneId } });
    expect(after.hash).toBe(breakGlass.hash);
    const report = await verifyAuditChain(t.db);
    expect(report.ok).toBe(true);
    expect(report.chains.find((c) => c.orgId === seeded.orgId)?.redacted).toBe(1);
    // And as an operator runs it: `caseload audit verify` (a child process) passes.
    const cli = await caseloadCli(['audit', 'verify', '--no-checkpoint'], { DATABASE_URL: t.url });
    expect(cli.stdout).toContain('audit log intact');
    expect(cli.stdout).toContain('1 with free text erased');
    expect(cli.code).toBe(0);
    const attest = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('org_id', '=', seeded.orgId)
      .where('action', '=', 'case.erased')
      .executeTakeFirstOrThrow();
    expect(attest.details).toMatchObject({
      redactedAuditEvents: [{ seq: Number(breakGlass.seq), hash: breakGlass.hash }],
    });

    // Outside an erasure the audit log still refuses any change, and a redaction record without
    // the attestation of a case.erased event is not accepted by the verifier.
    await expect(
      t.db
        .deleteFrom('audit_events')
        .where('org_id', '=', seeded.orgId)
        .where('seq', '=', breakGlass.seq)
        .execute(),
    ).rejects.toThrow(/append-only/);
    const other = await t.db
      .selectFrom('audit_events')
      .select(['seq'])
      .where('org_id', '=', seeded.orgId)
      .where('action', '=', 'client.created')
      .executeTakeFirstOrThrow();
    await expect(
      t.db.transaction().execute(async (tx) => {
        await sql`SELECT set_config('caseload.erasure', ${erased.tombstoneId}, true)`.execute(tx);
        await tx
          .insertInto('audit_redactions')
          .values({
            org_id: seeded.orgId,
            seq: Number(other.seq),
            tombstone_id: erased.tombstoneId,
            paths: ['x'],
            redacted_at: new Date(),
          })
          .execute();
        await sql`UPDATE audit_events SET details = '{"x": {"erased": "forged"}}' WHERE org_id = ${seeded.orgId} AND seq = ${other.seq}`.execute(
          tx,
        );
        const forged = await verifyAuditChain(tx);
        expect(forged.ok).toBe(false);
        expect(forged.broken?.seq).toBe(Number(other.seq));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
  });

  it('erasing one of two cases keeps the other case and the client intact', async () => {
    const seeded = await seedClientEverywhere(t.db);
    const ctx = await adminCtx(seeded.orgId);
    await t.db
      .transaction()
      .execute((tx) => eraseCaseIn(ctx, tx, { caseId: seeded.closedCaseId, reason: 'retention' }));
    expect(
      await t.db.selectFrom('cases').select('id').where('id', '=', seeded.closedCaseId).execute(),
    ).toEqual([]);
    const client = await t.db
      .selectFrom('clients')
      .selectAll()
      .where('id', '=', seeded.clientId)
      .executeTakeFirstOrThrow();
    expect(client.legal_name).toBe(M.legalName);
    const open = await t.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', seeded.openCaseId)
      .executeTakeFirstOrThrow();
    expect(open.presenting_issue).toContain(M.legalName);
    const notes = await t.db
      .selectFrom('notes')
      .select('id')
      .where('case_id', '=', seeded.openCaseId)
      .execute();
    expect(notes).toHaveLength(4);
    expect(
      await t.db.selectFrom('consents').select('id').where('client_id', '=', seeded.clientId).execute(),
    ).toHaveLength(3);
    // The client's own records stay with the client while a case is left.
    for (const table of [
      'equality_monitoring',
      'subject_access_requests',
      'rectification_requests',
    ] as const) {
      const rows = await t.db
        .selectFrom(table)
        .select('client_id')
        .where('client_id', '=', seeded.clientId)
        .execute();
      expect(rows, table).toHaveLength(1);
    }
    // The closed case's file review and financial outcome went with it.
    expect(
      await t.db.selectFrom('file_reviews').select('id').where('case_id', '=', seeded.closedCaseId).execute(),
    ).toEqual([]);
    expect(
      await t.db
        .selectFrom('financial_outcomes')
        .select('id')
        .where('case_id', '=', seeded.closedCaseId)
        .execute(),
    ).toEqual([]);
  });

  it('refuses an open case, and the immutable tables still refuse changes outside erasure', async () => {
    const seeded = await seedClientEverywhere(t.db);
    const ctx = await adminCtx(seeded.orgId);
    await expect(
      t.db
        .transaction()
        .execute((tx) => eraseCaseIn(ctx, tx, { caseId: seeded.openCaseId, reason: 'retention' })),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(t.db.deleteFrom('notes').where('id', '=', seeded.ids.notes.filed).execute()).rejects.toThrow(
      /filed/,
    );
    await expect(
      t.db
        .deleteFrom('sharing_records')
        .where('id', '=', seeded.ids.sharingRecords[0] ?? '')
        .execute(),
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      t.db
        .deleteFrom('assessments')
        .where('id', '=', seeded.ids.assessments[0] ?? '')
        .execute(),
    ).rejects.toThrow(/cannot be changed/);
    // A made-up tombstone id in the setting does not open the gate.
    await expect(
      t.db.transaction().execute(async (tx) => {
        await sql`SELECT set_config('caseload.erasure', ${'6f1d2c1e-0000-4000-8000-000000000000'}, true)`.execute(
          tx,
        );
        await tx.deleteFrom('notes').where('id', '=', seeded.ids.notes.filed).execute();
      }),
    ).rejects.toThrow(/filed/);
  });
});
