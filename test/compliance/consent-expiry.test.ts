import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs, TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertClient, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();
// Tuesday 24 November 2026, 10:00 in London.
const clock = new TestClock(new Date('2026-11-24T10:00:00Z'));
let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { clock, env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } }));

async function send(session: SignedIn, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return sendAs(await getApp(), session, method, url, payload);
}

async function world() {
  const org = await insertOrganisation(t.db);
  const team = await insertTeam(t.db, { orgId: org.id });
  const adviser = await insertUser(t.db, {
    orgId: org.id,
    roles: ['adviser'],
    team: { id: team.id, role: 'member' },
  });
  const stranger = await insertUser(t.db, { orgId: org.id, roles: ['adviser'] });
  const admin = await insertUser(t.db, { orgId: org.id, roles: ['admin'], totp: true });
  const client = await insertClient(t.db, { orgId: org.id, createdBy: adviser.id });
  const kase = await insertCase(t.db, {
    orgId: org.id,
    ownerId: adviser.id,
    teamId: team.id,
    clientId: client.id,
  });
  const app = await getApp();
  return {
    org,
    adviser,
    admin,
    client,
    kase,
    s: {
      adviser: await signInAs(app, adviser, { clock }),
      stranger: await signInAs(app, stranger, { clock }),
      admin: await signInAs(app, admin, { clock }),
    },
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

async function standing(session: SignedIn, caseId: string) {
  const kase = (await send(session, 'GET', `/api/cases/${caseId}`)).json();
  const worklist = (await send(session, 'GET', '/api/worklist?scope=mine')).json();
  const row = worklist.rows.find((r: { case: { id: string } }) => r.case.id === caseId);
  return { onCase: kase.recordingConsent, onWorklist: row?.recordingConsent };
}

describe('consent settings', () => {
  it('default to 12 months; admins change them (audited), others are refused, bad input names the field', async () => {
    const { org, admin, s } = await world();
    const read = await send(s.adviser, 'GET', '/api/organisation/consent-settings');
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ recordingConsentMonths: 12, defaults: { recordingConsentMonths: 12 } });

    const refused = await send(s.adviser, 'PUT', '/api/organisation/consent-settings', {
      recordingConsentMonths: 6,
    });
    expect(refused.statusCode).toBe(403);

    const bad = await send(s.admin, 'PUT', '/api/organisation/consent-settings', {
      recordingConsentMonths: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ field: 'recordingConsentMonths' })],
    });

    const set = await send(s.admin, 'PUT', '/api/organisation/consent-settings', {
      recordingConsentMonths: 6,
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().recordingConsentMonths).toBe(6);
    const [event] = await auditRows(org.id, 'organisation.consent_settings_set');
    expect(event).toMatchObject({ actor_id: admin.id, entity_id: org.id });
    expect(event?.details).toEqual({ changed: { recordingConsentMonths: { from: 12, to: 6 } } });
    // No change, no event.
    await send(s.admin, 'PUT', '/api/organisation/consent-settings', { recordingConsentMonths: 6 });
    expect(await auditRows(org.id, 'organisation.consent_settings_set')).toHaveLength(1);
  });
});

describe('consent to recording on the case and the worklist', () => {
  it('flags none, then active, expired by the organisation period, and active again once renewed', async () => {
    const { org, client, kase, s } = await world();
    expect(await standing(s.adviser, kase.id)).toEqual({
      onCase: expect.objectContaining({ status: 'none', flagged: true, consentId: null }),
      onWorklist: expect.objectContaining({ status: 'none', flagged: true }),
    });

    const given = await send(s.adviser, 'POST', `/api/clients/${client.id}/consents`, {
      purpose: 'recording',
      lawfulBasis: 'consent',
      givenAt: '2026-03-01',
    });
    expect(given.statusCode).toBe(201);
    expect(given.json()).toMatchObject({ expiresAt: null, expiresOn: '2027-02-28', state: 'active' });
    const consentId = given.json().id;
    expect((await standing(s.adviser, kase.id)).onWorklist).toEqual({
      status: 'active',
      flagged: false,
      consentId,
      expiresOn: '2027-02-28',
      message: 'Consent to recording given, up to 28 Feb 2027',
    });

    await send(s.admin, 'PUT', '/api/organisation/consent-settings', { recordingConsentMonths: 6 });
    const expired = await standing(s.adviser, kase.id);
    expect(expired.onCase).toEqual({
      status: 'expired',
      flagged: true,
      consentId,
      expiresOn: '2026-08-31',
      message: 'Consent to recording ran out after 31 Aug 2026: renew it or record a new consent',
    });
    expect(expired.onWorklist).toEqual(expired.onCase);
    const clientRead = (await send(s.adviser, 'GET', `/api/clients/${client.id}`)).json();
    expect(clientRead.recordingConsent.status).toBe('expired');
    expect(clientRead.consents[0]).toMatchObject({
      id: consentId,
      state: 'expired',
      expiresOn: '2026-08-31',
    });

    const renewed = await send(s.adviser, 'POST', `/api/clients/${client.id}/consents/${consentId}/renew`, {
      givenAt: '2026-11-20',
    });
    expect(renewed.statusCode).toBe(201);
    expect(renewed.json()).toMatchObject({
      purpose: 'recording',
      lawfulBasis: 'consent',
      givenAt: '2026-11-20',
      expiresOn: '2027-05-19',
      renewsConsentId: consentId,
      state: 'active',
    });
    const [event] = await auditRows(org.id, 'consent.renewed');
    expect(event).toMatchObject({ entity_type: 'client', entity_id: client.id });
    expect(event?.details).toEqual({
      consentId: renewed.json().id,
      renewsConsentId: consentId,
      purpose: 'recording',
    });
    expect(await standing(s.adviser, kase.id)).toEqual({
      onCase: expect.objectContaining({ status: 'active', flagged: false, consentId: renewed.json().id }),
      onWorklist: expect.objectContaining({ status: 'active', flagged: false }),
    });

    // Withdrawn: flagged again, and a withdrawn consent is not renewed.
    const renewedId = renewed.json().id;
    await send(s.adviser, 'POST', `/api/clients/${client.id}/consents/${renewedId}/withdraw`, {
      withdrawnAt: '2026-11-24',
    });
    expect((await standing(s.adviser, kase.id)).onWorklist).toMatchObject({
      status: 'withdrawn',
      flagged: true,
    });
    const again = await send(s.adviser, 'POST', `/api/clients/${client.id}/consents/${renewedId}/renew`, {
      givenAt: '2026-11-24',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CONFLICT');
  });

  it('refuses bad renewals with problem details and nothing written; strangers get 404', async () => {
    const { org, client, adviser, s } = await world();
    const consent = await t.db
      .insertInto('consents')
      .values({
        org_id: org.id,
        client_id: client.id,
        purpose: 'recording',
        lawful_basis: 'consent',
        given_at: '2025-01-10',
        recorded_by: adviser.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const url = `/api/clients/${client.id}/consents/${consent.id}/renew`;
    const future = await send(s.adviser, 'POST', url, { givenAt: '2026-11-25' });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([expect.objectContaining({ field: 'givenAt' })]);
    const early = await send(s.adviser, 'POST', url, { givenAt: '2025-01-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors).toEqual([expect.objectContaining({ field: 'givenAt' })]);
    const malformed = await send(s.adviser, 'POST', url, { givenAt: 'next week' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('VALIDATION_FAILED');
    const unseen = await send(s.stranger, 'POST', url, { givenAt: '2026-11-20' });
    expect(unseen.statusCode).toBe(404);
    const noSuch = await send(
      s.adviser,
      'POST',
      `/api/clients/${client.id}/consents/00000000-0000-4000-8000-000000000000/renew`,
      { givenAt: '2026-11-20' },
    );
    expect(noSuch.statusCode).toBe(404);
    expect(noSuch.json().code).toBe('CONSENT_NOT_FOUND');
    const rows = await t.db.selectFrom('consents').select('id').where('client_id', '=', client.id).execute();
    expect(rows).toHaveLength(1);
    expect(await auditRows(org.id, 'consent.renewed')).toHaveLength(0);
  });
});
