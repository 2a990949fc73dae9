/** Key dates worked out from a time-limit template (confirmed by the practitioner) and reminder lead times. */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import type { KeyDateRegisterResponse } from '../../src/contract/key-date-register.ts';
import type { KeyDateResponse } from '../../src/contract/key-dates.ts';
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
  const owner = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
  const outsider = await insertUser(t.db, { orgId: org.id });
  const theCase = await insertCase(t.db, { orgId: org.id, ownerId: owner.id, teamId: team.id });
  return {
    org,
    owner,
    theCase,
    url: `/api/cases/${theCase.id}/key-dates`,
    owner$: await signInAs(app, owner),
    outsider$: await signInAs(app, outsider),
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

const DEFENCE = {
  kind: 'statutory-deadline',
  description: 'Defence to the money claim',
  fromTemplate: { templateKey: 'county-court-defence', eventDate: '2026-11-02', confirmed: true },
};

describe('a key date from a time-limit template', () => {
  it('records the computed date with how it was computed and who confirmed it', async () => {
    const w = await world();
    const res = await send(w.owner$, 'POST', w.url, DEFENCE);
    expect(res.statusCode, res.body).toBe(201);
    const k = res.json<KeyDateResponse>();
    expect(k).toMatchObject({
      dueDate: '2026-11-16',
      source: 'Civil Procedure Rules, r. 15.4 (England and Wales)',
      reminderLeadDays: null,
      computedFrom: {
        templateKey: 'county-court-defence',
        templateName: 'County Court: defence to a money claim',
        eventDate: '2026-11-02',
        useAlternative: false,
        computedDate: '2026-11-16',
        source: 'Civil Procedure Rules, r. 15.4 (England and Wales)',
        confirmedBy: w.owner.id,
        differsFromComputed: false,
      },
    });
    expect(k.computedFrom?.explanation).toContain('14 days after service of the particulars of claim');
    const [event] = await auditRows(w.org.id, 'key_date.created');
    expect(event?.details).toEqual({
      caseId: w.theCase.id,
      kind: 'statutory-deadline',
      dueDate: '2026-11-16',
      templateKey: 'county-court-defence',
      computedDate: '2026-11-16',
      differsFromComputed: false,
    });
    // The case's list and the register show it too.
    const list = await send(w.owner$, 'GET', w.url);
    expect(list.json().keyDates[0].computedFrom.computedDate).toBe('2026-11-16');
    const register = (
      await send(w.owner$, 'GET', '/api/key-dates/register?status=all')
    ).json<KeyDateRegisterResponse>();
    expect(register.keyDates[0]?.computedFromTemplate).toBe('county-court-defence');
  });

  it('keeps a different date chosen by the practitioner, shown as differing, and their own source', async () => {
    const w = await world();
    const res = await send(w.owner$, 'POST', w.url, {
      ...DEFENCE,
      dueDate: '2026-11-13',
      source: 'Claim form served by hand on 2 Nov',
      fromTemplate: { ...DEFENCE.fromTemplate, useAlternative: true },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      dueDate: '2026-11-13',
      source: 'Claim form served by hand on 2 Nov',
      computedFrom: { computedDate: '2026-11-30', useAlternative: true, differsFromComputed: true },
    });
    const [event] = await auditRows(w.org.id, 'key_date.created');
    expect(event?.details).toMatchObject({ computedDate: '2026-11-30', differsFromComputed: true });
  });

  it('is refused unless the practitioner confirms the date', async () => {
    const w = await world();
    for (const fromTemplate of [
      { ...DEFENCE.fromTemplate, confirmed: false },
      { templateKey: 'county-court-defence', eventDate: '2026-11-02' },
    ]) {
      const res = await send(w.owner$, 'POST', w.url, { ...DEFENCE, fromTemplate });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'fromTemplate.confirmed' });
    }
    expect(
      await t.db.selectFrom('key_dates').select('id').where('case_id', '=', w.theCase.id).execute(),
    ).toEqual([]);
  });

  it('names the field at fault: an unknown template, an alternative that does not exist, no date at all', async () => {
    const w = await world();
    const unknown = await send(w.owner$, 'POST', w.url, {
      ...DEFENCE,
      fromTemplate: { ...DEFENCE.fromTemplate, templateKey: 'no-such-limit' },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({
      code: 'TIME_LIMIT_TEMPLATE_NOT_FOUND',
      field: 'fromTemplate.templateKey',
    });
    const noAlternative = await send(w.owner$, 'POST', w.url, {
      ...DEFENCE,
      fromTemplate: {
        templateKey: 'benefits-mandatory-reconsideration',
        eventDate: '2026-11-02',
        useAlternative: true,
        confirmed: true,
      },
    });
    expect(noAlternative.json()).toMatchObject({ field: 'fromTemplate.useAlternative' });
    const noDate = await send(w.owner$, 'POST', w.url, { kind: 'hearing', description: 'Hearing' });
    expect(noDate.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'dueDate' });
    const badEvent = await send(w.owner$, 'POST', w.url, {
      ...DEFENCE,
      fromTemplate: { ...DEFENCE.fromTemplate, eventDate: '2 Nov' },
    });
    expect(badEvent.json()).toMatchObject({ field: 'fromTemplate.eventDate' });
  });

  it('answers 404 for a case the person may not see, before anything is computed', async () => {
    const w = await world();
    const res = await send(w.outsider$, 'POST', w.url, DEFENCE);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('CASE_NOT_FOUND');
  });
});

describe('reminder lead times of a key date', () => {
  it('keeps its own lead times, longest first, changes them and goes back to the organisation’s', async () => {
    const w = await world();
    const created = await send(w.owner$, 'POST', w.url, {
      kind: 'hearing',
      dueDate: '2027-01-20',
      description: 'Tribunal hearing',
      reminderLeadDays: [1, 15, 3],
    });
    expect(created.statusCode, created.body).toBe(201);
    const k = created.json<KeyDateResponse>();
    expect(k.reminderLeadDays).toEqual([15, 3, 1]);
    const none = await send(w.owner$, 'PATCH', `/api/key-dates/${k.id}`, { reminderLeadDays: [] });
    expect(none.json().reminderLeadDays).toEqual([]);
    const reset = await send(w.owner$, 'PATCH', `/api/key-dates/${k.id}`, { reminderLeadDays: null });
    expect(reset.json().reminderLeadDays).toBeNull();
    const events = await auditRows(w.org.id, 'key_date.updated');
    expect(events.map((e) => e.details)).toEqual([
      { caseId: w.theCase.id, fields: ['reminderLeadDays'] },
      { caseId: w.theCase.id, fields: ['reminderLeadDays'] },
    ]);
    // The same lead times again change nothing.
    await send(w.owner$, 'PATCH', `/api/key-dates/${k.id}`, { reminderLeadDays: null });
    expect(await auditRows(w.org.id, 'key_date.updated')).toHaveLength(2);
  });

  it('refuses lead times out of range, repeated or too many, naming reminderLeadDays', async () => {
    const w = await world();
    for (const reminderLeadDays of [[0], [61], [5, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [2.5], 'soon']) {
      const res = await send(w.owner$, 'POST', w.url, {
        kind: 'hearing',
        dueDate: '2027-01-20',
        description: 'Tribunal hearing',
        reminderLeadDays,
      });
      expect(res.statusCode, JSON.stringify(reminderLeadDays)).toBe(400);
      expect(res.json().field).toBe('reminderLeadDays');
    }
  });
});
