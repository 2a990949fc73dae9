/**
 * Retention and erasure through the API: destruction dates on closing and reopening, schedules per
 * case type, the monthly review with extend and approve, and right-to-erasure requests with the
 * second-person approval — ending with a search of the whole database for the client's data.
 */
import { describe, expect, it } from 'vitest';
import { todayIn } from '../../src/domain/time/calendar.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.ts';
import { buildTestApp, sendAs, signInAs, TestClock } from '../app.ts';
import { CLIENT_MARKERS as M, seedClientEverywhere } from '../data-protection/client-everywhere.ts';
import { searchDatabase } from '../data-protection/search-database.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();
const clock = new TestClock(new Date('2026-11-24T10:00:00Z'));
const CLOSE = { status: 'closed', outcomeKey: 'resolved', closureReason: 'Advice acted on' };

async function world(orgId?: string) {
  const org = orgId ?? (await insertOrganisation(t.db)).id;
  const team = await insertTeam(t.db, { orgId: org });
  const owner = await insertUser(t.db, { orgId: org, team: { id: team.id, role: 'member' } });
  const admin = await insertUser(t.db, { orgId: org, roles: ['admin'], totp: true });
  const admin2 = await insertUser(t.db, { orgId: org, roles: ['admin'], totp: true });
  const auditor = await insertUser(t.db, { orgId: org, roles: ['auditor'] });
  return { orgId: org, team, owner, admin, admin2, auditor };
}

const caseRow = (id: string) => t.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
const auditOf = (orgId: string, action: string) =>
  t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

describe('retention', () => {
  it('closing sets the destruction date per case type; reopening clears it', async () => {
    const app = await buildTestApp(t, { clock });
    const w = await world();
    const owner = await signInAs(app, w.owner, { clock });
    const admin = await signInAs(app, w.admin, { clock });
    const types = await sendAs(app, admin, 'GET', '/api/retention/schedules');
    expect(types.statusCode).toBe(200);
    const body = types.json<{
      defaultYears: number;
      schedules: { caseTypeId: string; caseTypeKey: string; effectiveYears: number }[];
    }>();
    expect(body.defaultYears).toBe(6);
    const debt = body.schedules.find((s) => s.caseTypeKey === 'debt');
    expect(debt?.effectiveYears).toBe(6);

    // Welfare benefits: the default, 6 years after the closing day.
    const wb = await insertCase(t.db, { orgId: w.orgId, ownerId: w.owner.id, teamId: w.team.id });
    expect((await sendAs(app, owner, 'POST', `/api/cases/${wb.id}/status`, CLOSE)).statusCode).toBe(200);
    expect((await caseRow(wb.id))?.destruction_due_on).toBe('2032-11-24');
    // The case JSON shows the date (the schedule's: no extension).
    const closedView = await sendAs(app, owner, 'GET', `/api/cases/${wb.id}`);
    expect(closedView.statusCode).toBe(200);
    expect(closedView.json()).toMatchObject({ destructionDueOn: '2032-11-24', retentionExtension: null });

    // Debt: the admin sets 2 years; a debt case closing now gets 2 years.
    const put = await sendAs(app, admin, 'PUT', `/api/retention/schedules/${debt?.caseTypeId}`, {
      retentionYears: 2,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().schedules.find((s: { caseTypeKey: string }) => s.caseTypeKey === 'debt')).toMatchObject(
      {
        retentionYears: 2,
        effectiveYears: 2,
      },
    );
    const d = await insertCase(t.db, {
      orgId: w.orgId,
      ownerId: w.owner.id,
      teamId: w.team.id,
      typeKey: 'debt',
    });
    await sendAs(app, owner, 'POST', `/api/cases/${d.id}/status`, CLOSE);
    expect((await caseRow(d.id))?.destruction_due_on).toBe('2028-11-24');

    // Reopening clears the date.
    const reopen = await sendAs(app, owner, 'POST', `/api/cases/${d.id}/status`, {
      status: 'open',
      reason: 'New letter',
    });
    expect(reopen.statusCode).toBe(200);
    expect((await caseRow(d.id))?.destruction_due_on).toBeNull();
    expect((await sendAs(app, owner, 'GET', `/api/cases/${d.id}`)).json()).toMatchObject({
      status: 'open',
      destructionDueOn: null,
      retentionExtension: null,
    });

    // Changing a schedule moves the dates of closed cases of the type (never extended).
    await sendAs(app, owner, 'POST', `/api/cases/${d.id}/status`, CLOSE);
    await sendAs(app, admin, 'PUT', `/api/retention/schedules/${debt?.caseTypeId}`, { retentionYears: 10 });
    expect((await caseRow(d.id))?.destruction_due_on).toBe('2036-11-24');
    const set = await auditOf(w.orgId, 'retention.schedule_set');
    expect(set.at(-1)?.details).toEqual({ years: 10, previousYears: 2, casesRedated: 1 });

    // Bad input: problem details naming the field; an adviser is refused.
    const bad = await sendAs(app, admin, 'PUT', `/api/retention/schedules/${debt?.caseTypeId}`, {
      retentionYears: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('retentionYears');
    expect((await sendAs(app, owner, 'GET', '/api/retention/review')).statusCode).toBe(403);
  });

  it('the monthly review lists a case due today; extending moves it; approving erases it', async () => {
    const app = await buildTestApp(t, { clock });
    const w = await world();
    const admin = await signInAs(app, w.admin, { clock });
    const today = todayIn('Europe/London', clock.now());
    const due = async () => {
      const c = await insertCase(t.db, { orgId: w.orgId, ownerId: w.owner.id, teamId: w.team.id });
      await t.db
        .updateTable('cases')
        .set({
          status: 'closed',
          outcome_key: 'resolved',
          closure_reason: 'Done',
          closed_at: new Date('2020-11-24T10:00:00Z'),
          destruction_due_on: today,
        })
        .where('id', '=', c.id)
        .execute();
      return c;
    };
    const a = await due();
    const b = await due();
    const later = await insertCase(t.db, { orgId: w.orgId, ownerId: w.owner.id });
    await t.db
      .updateTable('cases')
      .set({
        status: 'closed',
        outcome_key: 'resolved',
        closure_reason: 'Done',
        closed_at: new Date(),
        destruction_due_on: '2032-01-01',
      })
      .where('id', '=', later.id)
      .execute();

    const list = await sendAs(app, admin, 'GET', '/api/retention/review');
    expect(list.statusCode).toBe(200);
    const review = list.json<{
      month: string;
      cases: { caseId: string; reference: string; destructionDueOn: string }[];
    }>();
    expect(review.month).toBe('2026-11');
    expect(review.cases.map((c) => c.caseId).sort()).toEqual([a.id, b.id].sort());
    expect(review.cases[0]?.destructionDueOn).toBe(today);
    expect(list.json().cases[0].closedOn).toBe('2020-11-24');
    expect(JSON.stringify(review)).not.toContain('Client ');
    expect((await auditOf(w.orgId, 'retention.review_listed')).at(-1)?.details).toMatchObject({
      month: '2026-11',
    });

    // Extend with a reason: it leaves this month's list (and is listed in its new month).
    const noReason = await sendAs(app, admin, 'POST', `/api/retention/cases/${a.id}/extend`, {
      until: '2027-03-31',
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    const past = await sendAs(app, admin, 'POST', `/api/retention/cases/${a.id}/extend`, {
      until: '2026-11-01',
      reason: 'Complaint',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().field).toBe('until');
    const ext = await sendAs(app, admin, 'POST', `/api/retention/cases/${a.id}/extend`, {
      until: '2027-03-31',
      reason: 'Complaint to the ombudsman still open',
    });
    expect(ext.statusCode).toBe(201);
    expect(ext.json()).toMatchObject({ caseId: a.id, previousOn: today, until: '2027-03-31' });
    expect((await caseRow(a.id))?.destruction_due_on).toBe('2027-03-31');
    // The case JSON shows the new date with the extension that set it and its reason.
    const ownerSession = await signInAs(app, w.owner, { clock });
    const extendedView = await sendAs(app, ownerSession, 'GET', `/api/cases/${a.id}`);
    expect(extendedView.statusCode).toBe(200);
    expect(extendedView.json()).toMatchObject({
      destructionDueOn: '2027-03-31',
      retentionExtension: {
        previousOn: today,
        reason: 'Complaint to the ombudsman still open',
        extendedBy: { id: w.admin.id },
        extendedAt: clock.now().toISOString(),
      },
    });
    expect((await sendAs(app, ownerSession, 'GET', `/api/cases/${b.id}`)).json()).toMatchObject({
      destructionDueOn: today,
      retentionExtension: null,
    });
    const after = (await sendAs(app, admin, 'GET', '/api/retention/review')).json<{
      cases: { caseId: string }[];
    }>();
    expect(after.cases.map((c) => c.caseId)).toEqual([b.id]);
    const march = (await sendAs(app, admin, 'GET', '/api/retention/review?month=2027-03')).json<{
      cases: { caseId: string }[];
    }>();
    expect(march.cases.map((c) => c.caseId).sort()).toEqual([a.id, b.id].sort());
    const extAudit = (await auditOf(w.orgId, 'retention.extended')).at(-1);
    expect(extAudit?.details).toEqual({ extensionId: ext.json().id, from: today, until: '2027-03-31' });

    // Approve: not yet due is refused; due is erased, leaving a tombstone.
    expect((await sendAs(app, admin, 'POST', `/api/retention/cases/${later.id}/approve`)).statusCode).toBe(
      409,
    );
    const approve = await sendAs(app, admin, 'POST', `/api/retention/cases/${b.id}/approve`);
    expect(approve.statusCode).toBe(200);
    expect(approve.json()).toMatchObject({ caseId: b.id, reference: b.reference, clientErased: true });
    expect(await caseRow(b.id)).toBeUndefined();
    const stones = (await sendAs(app, admin, 'GET', '/api/retention/tombstones')).json<{
      tombstones: { caseReference: string; reason: string; openedOn: string; closedOn: string }[];
    }>();
    expect(stones.tombstones).toEqual([
      expect.objectContaining({ caseReference: b.reference, reason: 'retention', closedOn: '2020-11-24' }),
    ]);
    expect((await auditOf(w.orgId, 'retention.approved')).map((e) => e.entity_id)).toEqual([b.id]);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    expect((await sendAs(app, admin, 'GET', '/api/retention/review?month=2026-13')).statusCode).toBe(400);

    // Reopened and closed again: the old extension no longer counts; the schedule's date applies.
    const reopened = await sendAs(app, ownerSession, 'POST', `/api/cases/${a.id}/status`, {
      status: 'open',
      reason: 'New appeal',
    });
    expect(reopened.json()).toMatchObject({ destructionDueOn: null, retentionExtension: null });
    const reclosed = await sendAs(app, ownerSession, 'POST', `/api/cases/${a.id}/status`, CLOSE);
    expect(reclosed.statusCode).toBe(200);
    expect(reclosed.json()).toMatchObject({ destructionDueOn: '2032-11-24', retentionExtension: null });
  });
});

describe('right-to-erasure requests', () => {
  it('a second person approves; every case and the client are erased without trace; the chain verifies', async () => {
    const app = await buildTestApp(t, { clock });
    const seeded = await seedClientEverywhere(t.db);
    const w = await world(seeded.orgId);
    const admin = await signInAs(app, w.admin, { clock });
    const auditor = await signInAs(app, w.auditor, { clock });
    const owner = await signInAs(app, w.owner, { clock });

    // Advisers may not record; bad input names its field.
    const asAdviser = await sendAs(app, owner, 'POST', '/api/erasure-requests', {
      clientId: seeded.clientId,
      receivedOn: '2026-11-20',
      reason: 'Letter',
    });
    expect(asAdviser.statusCode).toBe(403);
    const future = await sendAs(app, admin, 'POST', '/api/erasure-requests', {
      clientId: seeded.clientId,
      receivedOn: '2026-12-20',
      reason: 'Letter',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().field).toBe('receivedOn');

    const recorded = await sendAs(app, admin, 'POST', '/api/erasure-requests', {
      clientId: seeded.clientId,
      receivedOn: '2026-11-20',
      reason: `Letter of 20 November from ${M.legalName} asking us to delete everything`,
    });
    expect(recorded.statusCode).toBe(201);
    const request = recorded.json<{ id: string; status: string; clientName: string }>();
    expect(request).toMatchObject({ status: 'pending', clientName: M.legalName });

    // The person who recorded it may not approve it.
    const self = await sendAs(app, admin, 'POST', `/api/erasure-requests/${request.id}/approve`);
    expect(self.statusCode).toBe(403);
    expect(self.json().detail).toMatch(/different admin or auditor/);
    expect((await auditOf(seeded.orgId, 'access.denied')).at(-1)).toMatchObject({
      entity_id: request.id,
      details: { policy: 'erasure-requests.second-person' },
    });

    // An open case blocks the erasure until it is closed.
    const blocked = await sendAs(app, auditor, 'POST', `/api/erasure-requests/${request.id}/approve`);
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().detail).toContain(seeded.references.open);
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

    const approved = await sendAs(app, auditor, 'POST', `/api/erasure-requests/${request.id}/approve`);
    expect(approved.statusCode).toBe(200);
    const decision = approved.json<{
      erasureRequest: {
        status: string;
        clientId: string | null;
        clientName: string | null;
        reason: string;
        caseCount: number;
      };
      tombstoneIds: string[];
    }>();
    expect(decision.erasureRequest).toMatchObject({
      status: 'approved',
      clientId: null,
      clientName: null,
      caseCount: 2,
    });
    expect(decision.erasureRequest.reason).toBe(
      'Letter of 20 November from [erased] asking us to delete everything',
    );
    expect(decision.tombstoneIds).toHaveLength(2);
    expect((await sendAs(app, admin, 'POST', `/api/erasure-requests/${request.id}/approve`)).statusCode).toBe(
      409,
    );

    // No trace of the client's personal data anywhere in the database (documents' bytes included).
    const traces = await searchDatabase(t.db, [
      M.legalName,
      M.surname,
      'quillfeath',
      M.dateOfBirth,
      M.dateOfBirthText,
      M.niNumber,
      M.niNumber.replace(/\s/g, ''),
      M.phone,
      M.phone.replace(/\s/g, ''),
      M.email,
      M.address,
      M.postcode,
    ]);
    expect(traces).toEqual([]);

    // The tombstones keep the references and dates; the audit chain still verifies.
    const stones = await t.db
      .selectFrom('tombstones')
      .selectAll()
      .where('org_id', '=', seeded.orgId)
      .execute();
    expect(stones.map((s) => s.case_reference).sort()).toEqual(
      [seeded.references.open, seeded.references.closed].sort(),
    );
    expect(stones.every((s) => s.reason === 'erasure-request' && s.erasure_request_id === request.id)).toBe(
      true,
    );
    expect(stones.every((s) => /^\d{4}-\d{2}-\d{2}$/.test(s.opened_on))).toBe(true);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    expect((await auditOf(seeded.orgId, 'erasure_request.approved'))[0]?.details).toMatchObject({
      clientId: seeded.clientId,
      tombstoneIds: decision.tombstoneIds,
    });
    expect(await auditOf(seeded.orgId, 'client.erased')).toHaveLength(1);

    const list = await sendAs(app, auditor, 'GET', '/api/erasure-requests?status=approved');
    expect(list.json().erasureRequests.map((r: { id: string }) => r.id)).toEqual([request.id]);
  });

  it('a request can be refused with a reason by a second person; nothing is erased', async () => {
    const app = await buildTestApp(t, { clock });
    const w = await world();
    const admin = await signInAs(app, w.admin, { clock });
    const admin2 = await signInAs(app, w.admin2, { clock });
    const c = await insertCase(t.db, { orgId: w.orgId, ownerId: w.owner.id, teamId: w.team.id });
    const recorded = await sendAs(app, admin, 'POST', '/api/erasure-requests', {
      clientId: c.client_id,
      receivedOn: '2026-11-23',
      reason: 'Email',
    });
    const id = recorded.json().id;
    expect((await sendAs(app, admin2, 'POST', `/api/erasure-requests/${id}/refuse`, {})).statusCode).toBe(
      400,
    );
    const refused = await sendAs(app, admin2, 'POST', `/api/erasure-requests/${id}/refuse`, {
      reason: 'Needed to defend a legal claim',
    });
    expect(refused.statusCode).toBe(200);
    expect(refused.json().erasureRequest).toMatchObject({
      status: 'refused',
      decisionReason: 'Needed to defend a legal claim',
    });
    expect(await caseRow(c.id)).toBeDefined();
    expect((await auditOf(w.orgId, 'erasure_request.refused'))[0]?.details).toEqual({
      clientId: c.client_id,
    });
  });
});
