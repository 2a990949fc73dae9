import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } }));

async function send(session: SignedIn, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return sendAs(await getApp(), session, method, url, payload);
}

async function world() {
  const app = await getApp();
  const org = await insertOrganisation(t.db);
  const team = await insertTeam(t.db, { orgId: org.id });
  const otherTeam = await insertTeam(t.db, { orgId: org.id });
  const owner = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
  const outsider = await insertUser(t.db, { orgId: org.id, team: { id: otherTeam.id, role: 'member' } });
  const theCase = await insertCase(t.db, { orgId: org.id, ownerId: owner.id, teamId: team.id });
  return {
    org,
    theCase,
    ownerSession: await signInAs(app, owner),
    outsiderSession: await signInAs(app, outsider),
  };
}

const keyDatesOf = (caseId: string) =>
  t.db.selectFrom('key_dates').selectAll().where('case_id', '=', caseId).execute();

const auditRows = (orgId: string, action: string) =>
  t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

const HEARING = {
  kind: 'hearing',
  dueDate: '2026-11-03',
  dueTime: '10:30',
  description: 'First-tier tribunal hearing (PIP appeal)',
  source: 'HMCTS notice of hearing dated 1 October',
};

describe('key dates', () => {
  it('records key dates and lists them by date, whole-day dates before timed ones', async () => {
    const w = await world();
    const url = `/api/cases/${w.theCase.id}/key-dates`;
    const hearing = await send(w.ownerSession, 'POST', url, HEARING);
    expect(hearing.statusCode).toBe(201);
    expect(hearing.json()).toMatchObject({
      ...HEARING,
      caseId: w.theCase.id,
      status: 'pending',
      statusNote: null,
    });
    const early = await send(w.ownerSession, 'POST', url, {
      kind: 'appointment',
      dueDate: '2026-11-03',
      dueTime: '09:00',
      description: 'Pre-hearing call with the client',
    });
    const deadline = await send(w.ownerSession, 'POST', url, {
      kind: 'appeal-deadline',
      dueDate: '2026-11-03',
      description: 'Last day to submit further evidence',
    });
    const earlier = await send(w.ownerSession, 'POST', url, {
      kind: 'statutory-deadline',
      dueDate: '2026-10-01',
      description: 'Mandatory reconsideration deadline',
    });
    expect(deadline.json()).toMatchObject({ dueTime: null, source: null });

    const list = await send(w.ownerSession, 'GET', url);
    expect(list.statusCode).toBe(200);
    expect(list.json().keyDates.map((k: { id: string }) => k.id)).toEqual([
      earlier.json().id,
      deadline.json().id,
      early.json().id,
      hearing.json().id,
    ]);
    const [created] = await auditRows(w.org.id, 'key_date.created');
    expect(created?.details).toEqual({ caseId: w.theCase.id, kind: 'hearing', dueDate: '2026-11-03' });
    expect(await auditRows(w.org.id, 'key_dates.listed')).toHaveLength(1);
  });

  it('records a status with a note, refuses the same status and edits until it is pending again', async () => {
    const w = await world();
    const k = (await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/key-dates`, HEARING)).json();
    const met = await send(w.ownerSession, 'POST', `/api/key-dates/${k.id}/status`, {
      status: 'cancelled',
      note: 'Hearing adjourned',
    });
    expect(met.statusCode).toBe(200);
    expect(met.json()).toMatchObject({ status: 'cancelled', statusNote: 'Hearing adjourned' });
    const [event] = await auditRows(w.org.id, 'key_date.status_changed');
    expect(event?.details).toEqual({ caseId: w.theCase.id, status: 'cancelled', previousStatus: 'pending' });
    expect(JSON.stringify(event?.details)).not.toContain('adjourned');

    const same = await send(w.ownerSession, 'POST', `/api/key-dates/${k.id}/status`, { status: 'cancelled' });
    expect(same.statusCode).toBe(409);
    expect(same.json()).toMatchObject({ code: 'INVALID_STATUS_CHANGE', field: 'status' });

    const edit = await send(w.ownerSession, 'PATCH', `/api/key-dates/${k.id}`, { dueDate: '2026-12-01' });
    expect(edit.statusCode).toBe(409);
    expect((await keyDatesOf(w.theCase.id))[0]?.due_date).toBe('2026-11-03');

    await send(w.ownerSession, 'POST', `/api/key-dates/${k.id}/status`, { status: 'pending' });
    const moved = await send(w.ownerSession, 'PATCH', `/api/key-dates/${k.id}`, {
      dueDate: '2026-12-01',
      dueTime: null,
      source: null,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      dueDate: '2026-12-01',
      dueTime: null,
      source: null,
      status: 'pending',
    });
    const [updated] = await auditRows(w.org.id, 'key_date.updated');
    expect(updated?.details).toEqual({ caseId: w.theCase.id, fields: ['dueDate', 'dueTime', 'source'] });
  });

  it('names the failing field and writes nothing', async () => {
    const w = await world();
    for (const [payload, field] of [
      [{ ...HEARING, kind: 'birthday' }, 'kind'],
      [{ ...HEARING, dueDate: '2026-13-01' }, 'dueDate'],
      [{ ...HEARING, dueTime: '25:00' }, 'dueTime'],
      [{ ...HEARING, dueTime: '10:30:00' }, 'dueTime'],
      [{ ...HEARING, description: '' }, 'description'],
    ] as const) {
      const res = await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/key-dates`, payload);
      expect(res.statusCode, field).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
    expect(await keyDatesOf(w.theCase.id)).toEqual([]);
    expect(await auditRows(w.org.id, 'key_date.created')).toEqual([]);
  });

  it('answers 404 to another team and changes nothing', async () => {
    const w = await world();
    const k = (await send(w.ownerSession, 'POST', `/api/cases/${w.theCase.id}/key-dates`, HEARING)).json();
    const list = await send(w.outsiderSession, 'GET', `/api/cases/${w.theCase.id}/key-dates`);
    expect(list.statusCode).toBe(404);
    expect(list.json().code).toBe('CASE_NOT_FOUND');
    expect(list.body).not.toContain('tribunal');
    const status = await send(w.outsiderSession, 'POST', `/api/key-dates/${k.id}/status`, {
      status: 'missed',
    });
    expect(status.statusCode).toBe(404);
    expect(status.json().code).toBe('KEY_DATE_NOT_FOUND');
    const patch = await send(w.outsiderSession, 'PATCH', `/api/key-dates/${k.id}`, { description: 'x' });
    expect(patch.statusCode).toBe(404);
    expect((await keyDatesOf(w.theCase.id))[0]).toMatchObject({
      status: 'pending',
      description: HEARING.description,
    });
  });
});
