/**
 * Information exchange through the API: handover on reassignment (the new owner sees it first),
 * referrals out and in with the consent rule, information-sharing records (shared and not shared,
 * immutable), and the one dated view. Every write is checked by SQL, every read in the audit log.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { buildTestApp, type SignedIn, signInAs, TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertClient, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

/** Friday 20 November 2026, 10:00 in London. */
const clock = new TestClock(new Date('2026-11-20T10:00:00Z'));
const TODAY = '2026-11-20';
let sharedApp: Promise<App> | undefined;
const getApp = () => (sharedApp ??= buildTestApp(t, { clock, env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } }));

type User = Awaited<ReturnType<typeof insertUser>>;
const sessions = new Map<string, Promise<SignedIn>>();

function as(user: User) {
  return async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const app = await getApp();
    const s = sessions.get(user.id) ?? signInAs(app, user, { clock });
    sessions.set(user.id, s);
    const session = await s;
    return app.inject({
      method,
      url,
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      ...(payload ? { payload } : {}),
    });
  };
}

async function world() {
  const org = await insertOrganisation(t.db);
  const teamA = await insertTeam(t.db, { orgId: org.id, name: 'Team A' });
  const teamB = await insertTeam(t.db, { orgId: org.id, name: 'Team B' });
  const member = (teamId: string, displayName: string) =>
    insertUser(t.db, { orgId: org.id, displayName, team: { id: teamId, role: 'member' } });
  const adviser = await member(teamA.id, 'Asha Adviser');
  const teammate = await member(teamA.id, 'Tom Teammate');
  const outsider = await member(teamB.id, 'Otto Outsider');
  const supervisor = await insertUser(t.db, {
    orgId: org.id,
    displayName: 'Sue Supervisor',
    roles: ['supervisor'],
    totp: true,
    team: { id: teamA.id, role: 'supervisor' },
  });
  const otherSupervisor = await insertUser(t.db, {
    orgId: org.id,
    displayName: 'Bea Breakglass',
    roles: ['supervisor'],
    totp: true,
    team: { id: teamB.id, role: 'supervisor' },
  });
  const client = await insertClient(t.db, { orgId: org.id, createdBy: adviser.id, legalName: 'Janet Quill' });
  const kase = await insertCase(t.db, {
    orgId: org.id,
    ownerId: adviser.id,
    teamId: teamA.id,
    clientId: client.id,
  });
  return { org, teamA, adviser, teammate, outsider, supervisor, otherSupervisor, client, kase };
}
type World = Awaited<ReturnType<typeof world>>;

async function consent(
  w: World,
  over: { purpose?: 'recording' | 'referral' | 'feedback'; expiresAt?: string; withdrawnAt?: string } = {},
) {
  return t.db
    .insertInto('consents')
    .values({
      org_id: w.org.id,
      client_id: w.client.id,
      purpose: over.purpose ?? 'referral',
      lawful_basis: 'consent',
      given_at: '2026-10-01',
      expires_at: over.expiresAt ?? null,
      withdrawn_at: over.withdrawnAt ?? null,
      notes: null,
      recorded_by: w.adviser.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

const count = async (table: 'referrals' | 'sharing_records' | 'case_handovers', orgId: string) =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', orgId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const auditRows = (orgId: string, action: string) =>
  t.db
    .selectFrom('audit_events')
    .select(['actor_id', 'entity_type', 'entity_id', 'details'])
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

const OUT = {
  direction: 'out',
  organisation: 'StepChange',
  service: 'Debt advice',
  reason: 'Specialist help with priority debts',
  informationShared: 'Name, phone number and the list of creditors',
};

describe('handover on reassignment', () => {
  it('refuses a reassignment without a handover note, naming the field, and changes nothing', async () => {
    const w = await world();
    const res = await as(w.adviser)('PATCH', `/api/cases/${w.kase.id}`, { ownerId: w.teammate.id });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'handoverNote' });
    const blank = await as(w.adviser)('PATCH', `/api/cases/${w.kase.id}`, {
      ownerId: w.teammate.id,
      handoverNote: '   ',
    });
    expect(blank.json().field).toBe('handoverNote');
    const row = await t.db
      .selectFrom('cases')
      .select('owner_id')
      .where('id', '=', w.kase.id)
      .executeTakeFirstOrThrow();
    expect(row.owner_id).toBe(w.adviser.id);
    expect(await count('case_handovers', w.org.id)).toBe(0);
    const changes = await t.db
      .selectFrom('field_changes')
      .select('id')
      .where('org_id', '=', w.org.id)
      .execute();
    expect(changes).toEqual([]);
    const notes = await t.db
      .selectFrom('notifications')
      .select('id')
      .where('org_id', '=', w.org.id)
      .execute();
    expect(notes).toEqual([]);
  });

  it('keeps the note, tells the new owner, who sees it first and alone may mark it read', async () => {
    const w = await world();
    const note = 'Tribunal hearing on 3 December: the bundle is in documents. Ring the client on Monday.';
    const res = await as(w.adviser)('PATCH', `/api/cases/${w.kase.id}`, {
      ownerId: w.teammate.id,
      handoverNote: note,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().owner.id).toBe(w.teammate.id);

    const stored = await t.db
      .selectFrom('case_handovers')
      .selectAll()
      .where('case_id', '=', w.kase.id)
      .execute();
    expect(stored).toMatchObject([
      {
        from_user_id: w.adviser.id,
        to_user_id: w.teammate.id,
        handed_over_by: w.adviser.id,
        note,
        acknowledged_at: null,
      },
    ]);
    const handoverId = stored[0]?.id;
    const [event] = await auditRows(w.org.id, 'case.handed_over');
    expect(event).toMatchObject({
      entity_type: 'handover',
      entity_id: handoverId,
      details: { caseId: w.kase.id, fromUserId: w.adviser.id, toUserId: w.teammate.id },
    });
    expect(JSON.stringify(event?.details)).not.toMatch(/tribunal|bundle/i);
    const told = await t.db
      .selectFrom('notifications')
      .select(['kind', 'message'])
      .where('user_id', '=', w.teammate.id)
      .execute();
    expect(told).toEqual([{ kind: 'case-assigned', message: expect.stringContaining('handover note') }]);

    const mine = await as(w.teammate)('GET', `/api/cases/${w.kase.id}/handovers`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().handovers).toEqual([
      expect.objectContaining({
        id: handoverId,
        note,
        from: { id: w.adviser.id, displayName: 'Asha Adviser' },
        to: { id: w.teammate.id, displayName: 'Tom Teammate' },
        acknowledgedAt: null,
        toYou: true,
      }),
    ]);
    const theirs = await as(w.supervisor)('GET', `/api/cases/${w.kase.id}/handovers`);
    expect(theirs.json().handovers[0].toYou).toBe(false);
    expect((await auditRows(w.org.id, 'handovers.listed')).map((e) => e.actor_id)).toEqual([
      w.teammate.id,
      w.supervisor.id,
    ]);

    // The supervisor sees the case but is not the new owner; the old owner no longer sees it.
    const bySupervisor = await as(w.supervisor)('POST', `/api/handovers/${handoverId}/acknowledge`);
    expect(bySupervisor.statusCode).toBe(403);
    const [denial] = await auditRows(w.org.id, 'access.denied');
    expect(denial).toMatchObject({ actor_id: w.supervisor.id, details: { policy: 'handover.acknowledge' } });
    const byOldOwner = await as(w.adviser)('POST', `/api/handovers/${handoverId}/acknowledge`);
    expect(byOldOwner.statusCode).toBe(404);
    expect(byOldOwner.json().code).toBe('HANDOVER_NOT_FOUND');
    expect((await as(w.adviser)('GET', `/api/cases/${w.kase.id}/handovers`)).statusCode).toBe(404);

    const marked = async () =>
      (await as(w.teammate)('GET', '/api/worklist'))
        .json()
        .rows.map((r: { case: { id: string }; handoverToRead: boolean }) => [r.case.id, r.handoverToRead]);
    expect(await marked()).toEqual([[w.kase.id, true]]);
    const read = await as(w.teammate)('POST', `/api/handovers/${handoverId}/acknowledge`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().acknowledgedAt).toBe(clock.now().toISOString());
    const again = await as(w.teammate)('POST', `/api/handovers/${handoverId}/acknowledge`);
    expect(again.json().acknowledgedAt).toBe(read.json().acknowledgedAt);
    expect(await auditRows(w.org.id, 'handover.acknowledged')).toHaveLength(1);
    expect(await marked()).toEqual([[w.kase.id, false]]);

    const chronology = await as(w.teammate)('GET', `/api/cases/${w.kase.id}/chronology?kinds=handover`);
    expect(chronology.json().entries.map((e: { title: string }) => e.title)).toEqual([
      'Handed over from Asha Adviser to Tom Teammate',
      'Handover note read by Tom Teammate',
    ]);
  });
});

describe('referrals: a referral without consent is refused unless a lawful basis and rationale are recorded', () => {
  it('refuses a referral out without consent, naming consentId, and writes nothing', async () => {
    const w = await world();
    const res = await as(w.adviser)('POST', `/api/cases/${w.kase.id}/referrals`, OUT);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'CONSENT_REQUIRED', field: 'consentId' });
    expect(res.json().detail).toMatch(/lawful basis/);
    expect(await count('referrals', w.org.id)).toBe(0);
    expect(await count('sharing_records', w.org.id)).toBe(0);
    expect(await auditRows(w.org.id, 'referral.created')).toEqual([]);
  });

  it('does not count a withdrawn, expired or other-purpose consent', async () => {
    const w = await world();
    const withdrawn = await consent(w, { withdrawnAt: '2026-11-10' });
    const expired = await consent(w, { expiresAt: '2026-11-19' });
    const recording = await consent(w, { purpose: 'recording' });
    const send = as(w.adviser);
    const found = await send('POST', `/api/cases/${w.kase.id}/referrals`, OUT);
    expect(found.json()).toMatchObject({ code: 'CONSENT_REQUIRED', field: 'consentId' });
    for (const [c, words] of [
      [withdrawn, /was withdrawn/],
      [expired, /has expired/],
      [recording, /not a consent to referral/],
    ] as const) {
      const named = await send('POST', `/api/cases/${w.kase.id}/referrals`, { ...OUT, consentId: c.id });
      expect(named.statusCode).toBe(400);
      expect(named.json()).toMatchObject({ code: 'CONSENT_REQUIRED', field: 'consentId' });
      expect(named.json().detail).toMatch(words);
    }
    const stranger = await send('POST', `/api/cases/${w.kase.id}/referrals`, {
      ...OUT,
      consentId: crypto.randomUUID(),
    });
    expect(stranger.json()).toMatchObject({ code: 'CONSENT_NOT_FOUND', field: 'consentId' });
    expect(await count('referrals', w.org.id)).toBe(0);
    expect(await count('sharing_records', w.org.id)).toBe(0);
  });

  it('records a referral out on the client’s live referral consent, with a sharing record', async () => {
    const w = await world();
    const live = await consent(w, { expiresAt: '2027-10-01' });
    const res = await as(w.adviser)('POST', `/api/cases/${w.kase.id}/referrals`, OUT);
    expect(res.statusCode, res.body).toBe(201);
    const referral = res.json();
    expect(referral).toMatchObject({
      direction: 'out',
      organisation: 'StepChange',
      status: 'made',
      nextStatuses: ['accepted', 'declined', 'withdrawn'],
      consentId: live.id,
      lawfulBasis: 'consent',
      sharingRationale: null,
      referredOn: TODAY,
      createdBy: { id: w.adviser.id, displayName: 'Asha Adviser' },
    });
    const records = await t.db
      .selectFrom('sharing_records')
      .selectAll()
      .where('org_id', '=', w.org.id)
      .execute();
    expect(records).toMatchObject([
      {
        case_id: w.kase.id,
        decision: 'shared',
        recipient: 'StepChange (Debt advice)',
        information: OUT.informationShared,
        consent_id: live.id,
        referral_id: referral.id,
        decided_on: TODAY,
        recorded_by: w.adviser.id,
      },
    ]);
    const [created] = await auditRows(w.org.id, 'referral.created');
    expect(created?.details).toEqual({
      caseId: w.kase.id,
      direction: 'out',
      status: 'made',
      consentId: live.id,
      lawfulBasis: 'consent',
      sharingRecordId: records[0]?.id,
    });
    expect(JSON.stringify(await auditRows(w.org.id, 'sharing_record.created'))).not.toMatch(
      /creditors|StepChange/,
    );
  });

  it('records a referral out without consent when a lawful basis and rationale are given', async () => {
    const w = await world();
    await consent(w, { withdrawnAt: '2026-11-01' });
    const send = as(w.adviser);
    const half = await send('POST', `/api/cases/${w.kase.id}/referrals`, {
      ...OUT,
      lawfulBasis: 'vital-interests',
    });
    expect(half.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'sharingRationale' });
    const other = await send('POST', `/api/cases/${w.kase.id}/referrals`, {
      ...OUT,
      sharingRationale: 'Risk',
    });
    expect(other.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'lawfulBasis' });
    const consentBasis = await send('POST', `/api/cases/${w.kase.id}/referrals`, {
      ...OUT,
      lawfulBasis: 'consent',
      sharingRationale: 'The client agreed on the phone',
    });
    expect(consentBasis.json()).toMatchObject({ field: 'lawfulBasis' });
    expect(await count('referrals', w.org.id)).toBe(0);

    const res = await send('POST', `/api/cases/${w.kase.id}/referrals`, {
      ...OUT,
      organisation: 'Adult Social Care',
      service: undefined,
      lawfulBasis: 'vital-interests',
      sharingRationale: 'Safeguarding: the client disclosed a risk of serious harm at home.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ consentId: null, lawfulBasis: 'vital-interests' });
    const [record] = await t.db
      .selectFrom('sharing_records')
      .selectAll()
      .where('org_id', '=', w.org.id)
      .execute();
    expect(record).toMatchObject({
      decision: 'shared',
      recipient: 'Adult Social Care',
      consent_id: null,
      lawful_basis: 'vital-interests',
      rationale: 'Safeguarding: the client disclosed a risk of serious harm at home.',
      referral_id: res.json().id,
    });
  });

  it('needs what is shared for a referral out; a referral in needs no consent and shares nothing', async () => {
    const w = await world();
    await consent(w);
    const send = as(w.adviser);
    const { informationShared: _, ...noInfo } = OUT;
    const missing = await send('POST', `/api/cases/${w.kase.id}/referrals`, noInfo);
    expect(missing.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'informationShared' });
    const future = await send('POST', `/api/cases/${w.kase.id}/referrals`, {
      ...OUT,
      referredOn: '2026-11-21',
    });
    expect(future.json()).toMatchObject({ field: 'referredOn' });

    const inBody = { direction: 'in', organisation: 'Jobcentre Plus', reason: 'Sanction advice' };
    const withConsent = await send('POST', `/api/cases/${w.kase.id}/referrals`, {
      ...inBody,
      lawfulBasis: 'public-task',
    });
    expect(withConsent.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'lawfulBasis' });
    const received = await send('POST', `/api/cases/${w.kase.id}/referrals`, {
      ...inBody,
      referredOn: '2026-11-18',
    });
    expect(received.statusCode, received.body).toBe(201);
    expect(received.json()).toMatchObject({ direction: 'in', status: 'received', referredOn: '2026-11-18' });
    expect(await count('sharing_records', w.org.id)).toBe(0);
  });

  it('moves a referral on, refuses a move the life of a referral does not allow, and records its outcome', async () => {
    const w = await world();
    await consent(w);
    const send = as(w.adviser);
    const { id } = (await send('POST', `/api/cases/${w.kase.id}/referrals`, OUT)).json();
    const skip = await send('PATCH', `/api/referrals/${id}`, { status: 'completed' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json()).toMatchObject({ code: 'INVALID_STATUS_CHANGE', field: 'status' });
    const accepted = await send('PATCH', `/api/referrals/${id}`, {
      status: 'accepted',
      outcome: 'Appointment 1 Dec',
    });
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      outcome: 'Appointment 1 Dec',
      nextStatuses: ['completed', 'withdrawn'],
    });
    const done = await send('PATCH', `/api/referrals/${id}`, { status: 'completed' });
    expect(done.json()).toMatchObject({ status: 'completed', nextStatuses: [] });
    const back = await send('PATCH', `/api/referrals/${id}`, { status: 'withdrawn' });
    expect(back.statusCode).toBe(409);
    const events = await auditRows(w.org.id, 'referral.updated');
    expect(events.map((e) => e.details)).toEqual([
      { caseId: w.kase.id, fields: ['status', 'outcome'], from: 'made', to: 'accepted' },
      { caseId: w.kase.id, fields: ['status'], from: 'accepted', to: 'completed' },
    ]);
    // Someone who may not see the case finds no referral; a break-glass reader may not change it.
    const outsider = await as(w.outsider)('PATCH', `/api/referrals/${id}`, { outcome: 'x' });
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json().code).toBe('REFERRAL_NOT_FOUND');
    expect((await as(w.outsider)('GET', `/api/cases/${w.kase.id}/referrals`)).statusCode).toBe(404);
    const glass = await as(w.otherSupervisor)('POST', `/api/cases/${w.kase.id}/break-glass`, {
      reason: 'Crisis call',
    });
    expect(glass.statusCode).toBe(201);
    expect((await as(w.otherSupervisor)('GET', `/api/cases/${w.kase.id}/referrals`)).statusCode).toBe(200);
    expect((await as(w.otherSupervisor)('PATCH', `/api/referrals/${id}`, { outcome: 'x' })).statusCode).toBe(
      403,
    );
    expect((await as(w.otherSupervisor)('POST', `/api/cases/${w.kase.id}/referrals`, OUT)).statusCode).toBe(
      403,
    );
  });
});

describe('information-sharing records', () => {
  const SHARED = {
    decision: 'shared',
    recipient: 'Housing Options team',
    information: 'Tenancy details and the notice seeking possession',
    purpose: 'Homelessness prevention',
    rationale: 'Needed to prevent eviction; the client agreed',
  };

  it('validates shared and not-shared decisions and writes nothing when refused', async () => {
    const w = await world();
    const send = as(w.adviser);
    const url = `/api/cases/${w.kase.id}/sharing-records`;
    const noBasis = await send('POST', url, SHARED);
    expect(noBasis.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'lawfulBasis' });
    const noRationale = await send('POST', url, { ...SHARED, decision: 'not-shared', rationale: undefined });
    expect(noRationale.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'rationale' });
    const future = await send('POST', url, {
      ...SHARED,
      lawfulBasis: 'public-task',
      decidedOn: '2026-12-01',
    });
    expect(future.json()).toMatchObject({ field: 'decidedOn' });
    const withdrawn = await consent(w, { withdrawnAt: '2026-11-02' });
    const stale = await send('POST', url, { ...SHARED, consentId: withdrawn.id });
    expect(stale.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'consentId' });
    // Live on the day of the decision: it stands.
    const earlier = await send('POST', url, { ...SHARED, consentId: withdrawn.id, decidedOn: '2026-11-01' });
    expect(earlier.statusCode, earlier.body).toBe(201);
    expect(await count('sharing_records', w.org.id)).toBe(1);

    const shared = await send('POST', url, { ...SHARED, lawfulBasis: 'public-task' });
    expect(shared.statusCode, shared.body).toBe(201);
    expect(shared.json()).toMatchObject({ decision: 'shared', lawfulBasis: 'public-task', decidedOn: TODAY });
    clock.advance(60_000);
    const notShared = await send('POST', url, {
      decision: 'not-shared',
      recipient: 'The client’s former partner',
      information: 'Current address',
      purpose: 'Asked where the client now lives',
      rationale: 'Risk of domestic abuse: no lawful basis and no consent to share',
    });
    expect(notShared.statusCode, notShared.body).toBe(201);
    expect(notShared.json()).toMatchObject({ decision: 'not-shared', lawfulBasis: null, consentId: null });
    const list = await send('GET', url);
    expect(list.json().sharingRecords.map((r: { decision: string }) => r.decision)).toEqual([
      'not-shared',
      'shared',
      'shared',
    ]);
    const events = await auditRows(w.org.id, 'sharing_record.created');
    expect(events).toHaveLength(3);
    expect(JSON.stringify(events)).not.toMatch(/partner|address|tenancy/i);
  });

  it('is immutable: the database refuses updates and deletes; a correction is a new record', async () => {
    const w = await world();
    const send = as(w.adviser);
    const url = `/api/cases/${w.kase.id}/sharing-records`;
    const first = (await send('POST', url, { ...SHARED, lawfulBasis: 'public-task' })).json();
    await expect(
      sql`UPDATE sharing_records SET rationale = 'changed' WHERE id = ${first.id}`.execute(t.db),
    ).rejects.toThrow(/cannot be changed/);
    await expect(sql`DELETE FROM sharing_records WHERE id = ${first.id}`.execute(t.db)).rejects.toThrow(
      /cannot be changed/,
    );
    const other = await insertCase(t.db, { orgId: w.org.id, ownerId: w.adviser.id, teamId: w.teamA.id });
    const elsewhere = await send('POST', `/api/cases/${other.id}/sharing-records`, {
      ...SHARED,
      lawfulBasis: 'public-task',
      correctsId: first.id,
    });
    expect(elsewhere.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'correctsId' });
    clock.advance(60_000);
    const correction = await send('POST', url, {
      ...SHARED,
      lawfulBasis: 'legal-obligation',
      correctsId: first.id,
    });
    expect(correction.statusCode, correction.body).toBe(201);
    expect(correction.json().correctsId).toBe(first.id);
    const rows = await t.db
      .selectFrom('sharing_records')
      .select(['id', 'lawful_basis', 'corrects_id'])
      .where('case_id', '=', w.kase.id)
      .orderBy('recorded_at')
      .orderBy('corrects_id', (o) => o.nullsFirst())
      .execute();
    expect(rows).toEqual([
      { id: first.id, lawful_basis: 'public-task', corrects_id: null },
      { id: correction.json().id, lawful_basis: 'legal-obligation', corrects_id: first.id },
    ]);
    const chronology = await send('GET', `/api/cases/${w.kase.id}/chronology?kinds=sharing`);
    expect(chronology.json().entries.map((e: { title: string }) => e.title)).toEqual([
      'Information shared with Housing Options team',
      'Correction: Information shared with Housing Options team',
    ]);
  });
});

describe('GET /api/cases/:caseId/information-exchange', () => {
  it('lists referrals, sharing records, colleague shares, specialists and handovers as one dated list', async () => {
    const w = await world();
    const live = await consent(w);
    const send = as(w.adviser);
    const base = `/api/cases/${w.kase.id}`;
    expect((await send('POST', `${base}/referrals`, OUT)).statusCode).toBe(201);
    clock.advance(60_000);
    expect(
      (
        await send('POST', `${base}/shares`, {
          userId: w.outsider.id,
          reason: 'Covering while I am on leave',
        })
      ).statusCode,
    ).toBe(201);
    clock.advance(60_000);
    expect(
      (
        await as(w.supervisor)('POST', `${base}/specialists`, {
          userId: w.teammate.id,
          role: 'Debt specialist',
        })
      ).statusCode,
    ).toBe(201);
    clock.advance(60_000);
    const glass = await as(w.otherSupervisor)('POST', `${base}/break-glass`, { reason: 'Client in crisis' });
    expect(glass.statusCode).toBe(201);
    clock.advance(60_000);
    const handed = await as(w.supervisor)('PATCH', base, {
      ownerId: w.teammate.id,
      handoverNote: 'Over to Tom.',
    });
    expect(handed.statusCode, handed.body).toBe(200);

    const res = await as(w.teammate)('GET', `${base}/information-exchange`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.referralConsent).toEqual({ id: live.id, givenAt: '2026-10-01', expiresAt: null });
    expect(body.yourAccess).toEqual({ contribute: true });
    expect(body.entries.map((e: { kind: string }) => e.kind)).toEqual([
      'handover',
      'colleague-share', // break-glass
      'specialist',
      'colleague-share', // the specialist's share
      'colleague-share',
      'sharing-record',
      'referral',
    ]);
    expect(body.entries.every((e: { date: string }) => e.date === TODAY)).toBe(true);
    expect(body.entries[1].share).toMatchObject({
      kind: 'break-glass',
      user: { displayName: 'Bea Breakglass' },
    });
    expect(body.entries[0].handover).toMatchObject({ note: 'Over to Tom.', toYou: true });
    const [viewed] = await auditRows(w.org.id, 'information_exchange.viewed');
    expect(viewed).toMatchObject({
      actor_id: w.teammate.id,
      entity_id: w.kase.id,
      details: { referrals: 1, sharingRecords: 1, shares: 3, specialists: 1, handovers: 1 },
    });
    // The previous owner lost the case with the handover; others never had it.
    expect((await as(w.adviser)('GET', `${base}/information-exchange`)).statusCode).toBe(404);
    const stranger = await insertUser(t.db, { orgId: w.org.id, team: { id: w.teamA.id, role: 'member' } });
    expect((await as(stranger)('GET', `${base}/information-exchange`)).json().code).toBe('CASE_NOT_FOUND');
  });
});
