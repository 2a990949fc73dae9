import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertClient, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } }));

type Method = 'GET' | 'POST' | 'PATCH';

async function send(session: SignedIn, method: Method, url: string, payload?: object) {
  return sendAs(await getApp(), session, method, url, payload);
}

/**
 * One organisation with two teams: team A (adviser, colleague, supervisor) and team B (adviser,
 * supervisor); an admin and an auditor outside the teams.
 */
async function world() {
  const org = await insertOrganisation(t.db);
  const teamA = await insertTeam(t.db, { orgId: org.id });
  const teamB = await insertTeam(t.db, { orgId: org.id });
  const user = (
    roles: ('adviser' | 'supervisor' | 'admin' | 'auditor')[],
    team?: { id: string; role: 'member' | 'supervisor' },
  ) =>
    insertUser(t.db, {
      orgId: org.id,
      roles,
      totp: roles.some((r) => r === 'supervisor' || r === 'admin'),
      ...(team ? { team } : {}),
    });
  const people = {
    adviserA: await user(['adviser'], { id: teamA.id, role: 'member' }),
    colleagueA: await user(['adviser'], { id: teamA.id, role: 'member' }),
    supervisorA: await user(['supervisor'], { id: teamA.id, role: 'supervisor' }),
    adviserB: await user(['adviser'], { id: teamB.id, role: 'member' }),
    supervisorB: await user(['supervisor'], { id: teamB.id, role: 'supervisor' }),
    admin: await user(['admin']),
    auditor: await user(['auditor']),
  };
  const app = await getApp();
  const sessions = {} as Record<keyof typeof people, SignedIn>;
  for (const [name, person] of Object.entries(people)) {
    sessions[name as keyof typeof people] = await signInAs(app, person);
  }
  return { org, teamA, teamB, people, s: sessions };
}

const count = async (table: 'clients' | 'consents' | 'field_changes', orgId: string) => {
  const row = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

const auditRows = (orgId: string, action: string) =>
  t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

const FULL_CLIENT = {
  legalName: 'Amara Okafor',
  preferredName: 'Amy',
  pronouns: 'she/her',
  dateOfBirth: '1984-02-29',
  email: 'Amara.Okafor@Example.org',
  phone: '07700 900123',
  address: '12 Canal Street, Leeds',
  safeContact: {
    voicemail: false,
    letters: true,
    safeTimes: 'Weekdays 10:00–12:00',
    safeAddress: 'c/o Women’s Aid, Leeds',
    safePhone: '07700 900456',
    notes: 'Do not mention the service if someone else answers',
  },
  accessNeeds: { interpreter: true, language: 'Igbo', bsl: false, easyRead: true, other: 'Step-free room' },
};

/** Personal values that must never appear in audit details. */
const PERSONAL = ['Amara', 'Okafor', 'Amy', '07700', 'Canal', 'Igbo', 'Women'];

function expectNoPersonalData(details: unknown) {
  const text = JSON.stringify(details).toLowerCase();
  for (const v of PERSONAL) expect(text).not.toContain(v.toLowerCase());
}

describe('POST /api/clients', () => {
  it('records a client with safe contact and access needs, audited by field names only', async () => {
    const { org, people, s } = await world();
    const res = await send(s.adviserA, 'POST', '/api/clients', FULL_CLIENT);
    expect(res.statusCode).toBe(201);
    const client = res.json();
    expect(client).toMatchObject({
      ...FULL_CLIENT,
      email: 'amara.okafor@example.org',
      displayName: 'Amy',
      consents: [],
      cases: [],
      createdBy: people.adviserA.id,
    });
    const [event] = await auditRows(org.id, 'client.created');
    expect(event).toMatchObject({
      actor_id: people.adviserA.id,
      entity_type: 'client',
      entity_id: client.id,
    });
    expect(event?.details).toMatchObject({
      fields: expect.arrayContaining([
        'legalName',
        'dateOfBirth',
        'safeContact.voicemail',
        'accessNeeds.language',
      ]),
    });
    expectNoPersonalData(event?.details);

    const read = await send(s.adviserA, 'GET', `/api/clients/${client.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(client);
    const [viewed] = await auditRows(org.id, 'client.viewed');
    expect(viewed).toMatchObject({ actor_id: people.adviserA.id, entity_id: client.id });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('leaves unanswered safe-contact questions out rather than answering no, and takes empty text as none', async () => {
    const { s } = await world();
    const res = await send(s.supervisorA, 'POST', '/api/clients', {
      legalName: '  Li   Wei ',
      preferredName: '',
      email: '',
      safeContact: { letters: false },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      legalName: 'Li   Wei',
      preferredName: null,
      displayName: 'Li   Wei',
      email: null,
      dateOfBirth: null,
      safeContact: { letters: false },
      accessNeeds: {},
    });
    expect(res.json().safeContact).not.toHaveProperty('voicemail');
  });

  it('refuses admins and auditors (who hold no cases) with 403, writing nothing', async () => {
    const { org, s } = await world();
    const before = await count('clients', org.id);
    for (const session of [s.admin, s.auditor]) {
      const res = await send(session, 'POST', '/api/clients', FULL_CLIENT);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await count('clients', org.id)).toBe(before);
    expect(await auditRows(org.id, 'access.denied')).toHaveLength(2);
  });

  it('names every failing field and writes nothing', async () => {
    const { org, s } = await world();
    const before = await count('clients', org.id);
    const res = await send(s.adviserA, 'POST', '/api/clients', {
      legalName: ' ',
      dateOfBirth: '17/05/1980',
      email: 'not-an-email',
      phone: 'call me maybe',
      safeContact: { voicemail: 'yes' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['legalName', 'dateOfBirth', 'email', 'phone', 'safeContact.voicemail']),
    );
    const dobMessage = problem.errors.find((e: { field: string }) => e.field === 'dateOfBirth').message;
    expect(dobMessage).toMatch(/2026-03-31/);
    expect(await count('clients', org.id)).toBe(before);
  });

  it('refuses a date of birth in the future and an interpreter without a language, writing nothing', async () => {
    const { org, s } = await world();
    const before = await count('clients', org.id);
    const future = await send(s.adviserA, 'POST', '/api/clients', {
      legalName: 'Sam Hill',
      dateOfBirth: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'dateOfBirth' });
    const interpreter = await send(s.adviserA, 'POST', '/api/clients', {
      legalName: 'Sam Hill',
      accessNeeds: { interpreter: true },
    });
    expect(interpreter.statusCode).toBe(400);
    expect(interpreter.json()).toMatchObject({ field: 'accessNeeds.language' });
    expect(await count('clients', org.id)).toBe(before);
  });
});

describe('duplicate detection', () => {
  it('warns of the same legal name (any case and spacing) and date of birth, naming the visible match and its cases', async () => {
    const { org, people, s } = await world();
    const existing = await insertClient(t.db, {
      orgId: org.id,
      createdBy: people.adviserA.id,
      legalName: 'Amara Okafor',
      dateOfBirth: '1984-02-29',
    });
    const mine = await insertCase(t.db, {
      orgId: org.id,
      ownerId: people.adviserA.id,
      clientId: existing.id,
    });
    const theirs = await insertCase(t.db, {
      orgId: org.id,
      ownerId: people.adviserB.id,
      clientId: existing.id,
    });
    const before = await count('clients', org.id);

    const res = await send(s.adviserA, 'POST', '/api/clients', {
      ...FULL_CLIENT,
      legalName: '  amara   OKAFOR ',
    });
    expect(res.statusCode).toBe(409);
    const problem = res.json();
    expect(problem).toMatchObject({
      code: 'POSSIBLE_DUPLICATE_CLIENT',
      field: 'legalName',
      matches: [{ clientId: existing.id, caseReferences: [mine.reference] }],
      otherMatches: 0,
    });
    expect(problem.detail).toMatch(/confirm/i);
    expect(res.body).not.toContain(theirs.reference);
    expect(await count('clients', org.id)).toBe(before);
    const [warned] = await auditRows(org.id, 'client.duplicate-warned');
    expect(warned?.details).toEqual({ clientIds: [existing.id], otherMatches: 0 });

    const confirmed = await send(s.adviserA, 'POST', '/api/clients', {
      ...FULL_CLIENT,
      legalName: '  amara   OKAFOR ',
      confirmNotDuplicate: true,
    });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().id).not.toBe(existing.id);
    expect(await count('clients', org.id)).toBe(before + 1);
    const [created] = await auditRows(org.id, 'client.created');
    expect(created?.details).toMatchObject({ confirmedNotDuplicateOf: [existing.id] });
  });

  it('never names a matching client the actor may not see, nor their cases: it only counts them', async () => {
    const { org, people, s } = await world();
    const hidden = await insertClient(t.db, {
      orgId: org.id,
      createdBy: people.adviserB.id,
      legalName: 'Amara Okafor',
      dateOfBirth: '1984-02-29',
    });
    const theirCase = await insertCase(t.db, {
      orgId: org.id,
      ownerId: people.adviserB.id,
      teamId: null,
      clientId: hidden.id,
    });
    const res = await send(s.adviserA, 'POST', '/api/clients', FULL_CLIENT);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'POSSIBLE_DUPLICATE_CLIENT', matches: [], otherMatches: 1 });
    expect(res.json().detail).toMatch(/another team/);
    expect(res.body).not.toContain(hidden.id);
    expect(res.body).not.toContain(theirCase.reference);
  });

  it('does not warn for the same name with another date of birth, or without one', async () => {
    const { org, people, s } = await world();
    await insertClient(t.db, {
      orgId: org.id,
      createdBy: people.adviserA.id,
      legalName: 'Amara Okafor',
      dateOfBirth: '1984-02-29',
    });
    const other = await send(s.adviserA, 'POST', '/api/clients', {
      legalName: 'Amara Okafor',
      dateOfBirth: '1985-02-28',
    });
    expect(other.statusCode).toBe(201);
    const none = await send(s.adviserA, 'POST', '/api/clients', { legalName: 'Amara Okafor' });
    expect(none.statusCode).toBe(201);
    const otherName = await send(s.adviserA, 'POST', '/api/clients', {
      legalName: 'Amara Okafo',
      dateOfBirth: '1984-02-29',
    });
    expect(otherName.statusCode).toBe(201);
  });

  it('does not look across organisations', async () => {
    const { s } = await world();
    const elsewhere = await world();
    await insertClient(t.db, {
      orgId: elsewhere.org.id,
      createdBy: elsewhere.people.adviserA.id,
      legalName: 'Amara Okafor',
      dateOfBirth: '1984-02-29',
    });
    const res = await send(s.adviserA, 'POST', '/api/clients', FULL_CLIENT);
    expect(res.statusCode).toBe(201);
  });
});

describe('who may see a client', () => {
  async function clientOfTeamB() {
    const w = await world();
    const client = await insertClient(t.db, {
      orgId: w.org.id,
      createdBy: w.people.adviserB.id,
      legalName: 'Hidden Person',
    });
    const kase = await insertCase(t.db, {
      orgId: w.org.id,
      ownerId: w.people.adviserB.id,
      teamId: w.teamB.id,
      clientId: client.id,
    });
    return { ...w, client, kase };
  }

  it('answers 404 CLIENT_NOT_FOUND, without content, for a client of another team’s case', async () => {
    const { org, client, s } = await clientOfTeamB();
    for (const session of [s.adviserA, s.colleagueA, s.supervisorA, s.admin, s.auditor]) {
      for (const url of [`/api/clients/${client.id}`, `/api/clients/${client.id}/history`]) {
        const res = await send(session, 'GET', url);
        expect(res.statusCode, url).toBe(404);
        expect(res.json()).toMatchObject({ code: 'CLIENT_NOT_FOUND' });
        expect(res.body).not.toContain('Hidden');
      }
      const patch = await send(session, 'PATCH', `/api/clients/${client.id}`, { pronouns: 'they/them' });
      expect(patch.statusCode).toBe(404);
    }
    expect(await auditRows(org.id, 'client.viewed')).toEqual([]);
    expect(await count('field_changes', org.id)).toBe(0);
  });

  it('shows the client to the case owner and the team’s supervisor, with the cases they may see', async () => {
    const { client, kase, s } = await clientOfTeamB();
    for (const session of [s.adviserB, s.supervisorB]) {
      const res = await send(session, 'GET', `/api/clients/${client.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        legalName: 'Hidden Person',
        cases: [{ id: kase.id, reference: kase.reference, status: 'open' }],
      });
    }
  });

  it('lists only the cases the reader may see', async () => {
    const { org, client, kase, people, s } = await clientOfTeamB();
    await insertCase(t.db, { orgId: org.id, ownerId: people.adviserA.id, teamId: null, clientId: client.id });
    const res = await send(s.adviserA, 'GET', `/api/clients/${client.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().cases).toHaveLength(1);
    expect(res.body).not.toContain(kase.reference);
  });

  it('answers 404 to another organisation, even to its admin and supervisors', async () => {
    const { client } = await clientOfTeamB();
    const elsewhere = await world();
    for (const session of [elsewhere.s.adviserA, elsewhere.s.supervisorB, elsewhere.s.admin]) {
      const res = await send(session, 'GET', `/api/clients/${client.id}`);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Hidden');
      const consent = await send(session, 'POST', `/api/clients/${client.id}/consents`, {
        purpose: 'recording',
        lawfulBasis: 'consent',
        givenAt: '2024-01-01',
      });
      expect(consent.statusCode).toBe(404);
    }
  });

  it('lets a colleague with a live share change the client, and a break-glass reader only read', async () => {
    const { org, client, kase, people, s } = await clientOfTeamB();
    const share = (userId: string, kind: 'share' | 'break-glass') =>
      t.db
        .insertInto('case_shares')
        .values({
          org_id: org.id,
          case_id: kase.id,
          user_id: userId,
          kind,
          reason: 'Covering leave',
          expires_at: null,
          granted_by: people.supervisorB.id,
          granted_at: new Date(),
          revoked_at: null,
        })
        .execute();
    await share(people.colleagueA.id, 'share');
    await share(people.supervisorA.id, 'break-glass');

    const byShare = await send(s.colleagueA, 'PATCH', `/api/clients/${client.id}`, { pronouns: 'they/them' });
    expect(byShare.statusCode).toBe(200);
    expect(byShare.json().pronouns).toBe('they/them');

    const read = await send(s.supervisorA, 'GET', `/api/clients/${client.id}`);
    expect(read.statusCode).toBe(200);
    const before = await count('field_changes', org.id);
    const write = await send(s.supervisorA, 'PATCH', `/api/clients/${client.id}`, { pronouns: 'he/him' });
    expect(write.statusCode).toBe(403);
    expect(write.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(await count('field_changes', org.id)).toBe(before);
    const [denial] = await auditRows(org.id, 'access.denied');
    expect(denial).toMatchObject({
      actor_id: people.supervisorA.id,
      entity_id: client.id,
      details: { policy: 'client.change' },
    });
  });
});

describe('PATCH /api/clients/:id and the field history', () => {
  it('keeps every changed field with old and new values, and audits the field names only', async () => {
    const { org, people, s } = await world();
    const created = (await send(s.adviserA, 'POST', '/api/clients', FULL_CLIENT)).json();
    const res = await send(s.adviserA, 'PATCH', `/api/clients/${created.id}`, {
      legalName: 'Amara Okafor-Jones',
      phone: null,
      pronouns: 'she/her',
      safeContact: { voicemail: true, safeTimes: null },
      accessNeeds: { bsl: true },
    });
    expect(res.statusCode).toBe(200);
    const updated = res.json();
    expect(updated).toMatchObject({ legalName: 'Amara Okafor-Jones', phone: null, pronouns: 'she/her' });
    expect(updated.safeContact).toEqual({
      voicemail: true,
      letters: true,
      safeAddress: FULL_CLIENT.safeContact.safeAddress,
      safePhone: FULL_CLIENT.safeContact.safePhone,
      notes: FULL_CLIENT.safeContact.notes,
    });
    expect(updated.accessNeeds.bsl).toBe(true);

    const history = await send(s.adviserA, 'GET', `/api/clients/${created.id}/history`);
    expect(history.statusCode).toBe(200);
    const changes = history.json().changes;
    expect(changes.map((c: { field: string }) => c.field)).toEqual([
      'legalName',
      'phone',
      'safeContact.voicemail',
      'safeContact.safeTimes',
      'accessNeeds.bsl',
    ]);
    expect(changes[0]).toMatchObject({
      oldValue: 'Amara Okafor',
      newValue: 'Amara Okafor-Jones',
      reason: null,
      changedBy: { id: people.adviserA.id, displayName: people.adviserA.display_name },
    });
    expect(changes[1]).toMatchObject({ oldValue: '07700 900123', newValue: null });
    expect(changes[3]).toMatchObject({ oldValue: FULL_CLIENT.safeContact.safeTimes, newValue: null });

    const [event] = await auditRows(org.id, 'client.updated');
    expect(event?.details).toEqual({
      fields: ['legalName', 'phone', 'safeContact.voicemail', 'safeContact.safeTimes', 'accessNeeds.bsl'],
    });
    expectNoPersonalData(event?.details);
    const [historyRead] = await auditRows(org.id, 'client.history-viewed');
    expect(historyRead).toMatchObject({ entity_id: created.id, actor_id: people.adviserA.id });
  });

  it('writes no history and no audit event when nothing changes', async () => {
    const { org, s } = await world();
    const created = (await send(s.adviserA, 'POST', '/api/clients', FULL_CLIENT)).json();
    const res = await send(s.adviserA, 'PATCH', `/api/clients/${created.id}`, {
      pronouns: FULL_CLIENT.pronouns,
      safeContact: { letters: true },
    });
    expect(res.statusCode).toBe(200);
    expect(await count('field_changes', org.id)).toBe(0);
    expect(await auditRows(org.id, 'client.updated')).toEqual([]);
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const { org, s } = await world();
    const created = (await send(s.adviserA, 'POST', '/api/clients', FULL_CLIENT)).json();
    const cases: [object, string][] = [
      [{}, 'body'],
      [{ legalName: '' }, 'legalName'],
      [{ dateOfBirth: '1984-02-30' }, 'dateOfBirth'],
      [{ dateOfBirth: '2999-01-01' }, 'dateOfBirth'],
      [{ accessNeeds: { language: null } }, 'accessNeeds.language'],
      [{ safeContact: { carrierPigeon: true } }, 'safeContact.carrierPigeon'],
    ];
    for (const [body, field] of cases) {
      const res = await send(s.adviserA, 'PATCH', `/api/clients/${created.id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json(), JSON.stringify(body)).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
    expect(await count('field_changes', org.id)).toBe(0);
    const after = (await send(s.adviserA, 'GET', `/api/clients/${created.id}`)).json();
    expect(after).toMatchObject({ legalName: FULL_CLIENT.legalName, dateOfBirth: FULL_CLIENT.dateOfBirth });
    expect(after.accessNeeds.language).toBe('Igbo');
  });
});

describe('GET /api/clients?q=', () => {
  it('finds clients the actor may see by part of a name or a date of birth, and no others', async () => {
    const { org, people, s } = await world();
    const own = await insertClient(t.db, {
      orgId: org.id,
      createdBy: people.adviserA.id,
      legalName: 'Maryam Hussain',
      dateOfBirth: '1990-07-04',
    });
    const viaCase = await insertClient(t.db, {
      orgId: org.id,
      createdBy: people.adviserB.id,
      legalName: 'Mary  Hussey',
      dateOfBirth: '1990-07-04',
    });
    const kase = await insertCase(t.db, { orgId: org.id, ownerId: people.adviserA.id, clientId: viaCase.id });
    const hidden = await insertClient(t.db, {
      orgId: org.id,
      createdBy: people.adviserB.id,
      legalName: 'Mary Husband',
      dateOfBirth: '1990-07-04',
    });

    const spaced = await send(s.adviserA, 'GET', '/api/clients?q=MARY%20HUS');
    expect(spaced.json().clients.map((c: { id: string }) => c.id)).toEqual([viaCase.id]);
    const byName = await send(s.adviserA, 'GET', '/api/clients?q=hus');
    expect(byName.statusCode).toBe(200);
    const names = byName.json().clients;
    expect(names.map((c: { id: string }) => c.id).sort()).toEqual([own.id, viaCase.id].sort());
    expect(names.find((c: { id: string }) => c.id === viaCase.id).caseReferences).toEqual([kase.reference]);
    expect(byName.body).not.toContain('Husband');
    expect(byName.body).not.toContain(hidden.id);

    const byDate = await send(s.adviserA, 'GET', '/api/clients?q=04/07/1990');
    expect(byDate.json().clients).toHaveLength(2);
    expect(byDate.body).not.toContain('Husband');

    const forB = await send(s.adviserB, 'GET', '/api/clients?q=1990-07-04');
    expect(
      forB
        .json()
        .clients.map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual([viaCase.id, hidden.id].sort());
    expect(forB.json().clients.find((c: { id: string }) => c.id === viaCase.id).caseReferences).toEqual([]);

    const [event] = await auditRows(org.id, 'client.looked-up');
    expect(event).toMatchObject({ actor_id: people.adviserA.id, details: { by: 'name' } });
    expect(JSON.stringify(event?.details)).not.toContain('mary');
  });

  it('treats LIKE wildcards as text and names a query that is too short', async () => {
    const { org, people, s } = await world();
    await insertClient(t.db, { orgId: org.id, createdBy: people.adviserA.id, legalName: 'Zed Zulu' });
    const wildcard = await send(s.adviserA, 'GET', '/api/clients?q=%25%25');
    expect(wildcard.statusCode).toBe(200);
    expect(wildcard.json().clients).toEqual([]);
    const short = await send(s.adviserA, 'GET', '/api/clients?q=z');
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'query.q' });
    const missing = await send(s.adviserA, 'GET', '/api/clients');
    expect(missing.json()).toMatchObject({ field: 'query.q' });
  });
});

describe('consent records', () => {
  const consent = (over: object = {}) => ({
    purpose: 'recording',
    lawfulBasis: 'consent',
    givenAt: '2020-01-01',
    ...over,
  });

  it('records consents and shows each with its state: active, expired, withdrawn', async () => {
    const { org, people, s } = await world();
    const client = (await send(s.adviserA, 'POST', '/api/clients', FULL_CLIENT)).json();
    const url = `/api/clients/${client.id}/consents`;
    const active = await send(
      s.adviserA,
      'POST',
      url,
      consent({ expiresAt: '2999-12-31', notes: 'Signed form' }),
    );
    expect(active.statusCode).toBe(201);
    expect(active.json()).toMatchObject({
      purpose: 'recording',
      lawfulBasis: 'consent',
      givenAt: '2020-01-01',
      expiresAt: '2999-12-31',
      withdrawnAt: null,
      notes: 'Signed form',
      state: 'active',
      recordedBy: { id: people.adviserA.id, displayName: people.adviserA.display_name },
    });
    const expired = await send(
      s.adviserA,
      'POST',
      url,
      consent({ purpose: 'referral', expiresAt: '2020-12-31' }),
    );
    expect(expired.json().state).toBe('expired');
    const feedback = (
      await send(
        s.adviserA,
        'POST',
        url,
        consent({ purpose: 'feedback', lawfulBasis: 'legitimate-interests' }),
      )
    ).json();
    expect(feedback.state).toBe('active');

    const withdrawn = await send(s.adviserA, 'POST', `${url}/${feedback.id}/withdraw`, {
      withdrawnAt: '2021-06-01',
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({
      id: feedback.id,
      withdrawnAt: '2021-06-01',
      state: 'withdrawn',
    });

    const read = (await send(s.adviserA, 'GET', `/api/clients/${client.id}`)).json();
    expect(read.consents.map((c: { purpose: string; state: string }) => [c.purpose, c.state])).toEqual([
      ['recording', 'active'],
      ['referral', 'expired'],
      ['feedback', 'withdrawn'],
    ]);
    const recorded = await auditRows(org.id, 'consent.recorded');
    expect(recorded).toHaveLength(3);
    expect(recorded[0]?.details).toEqual({
      consentId: active.json().id,
      purpose: 'recording',
      lawfulBasis: 'consent',
    });
    const [withdrawal] = await auditRows(org.id, 'consent.withdrawn');
    expect(withdrawal).toMatchObject({
      entity_id: client.id,
      details: { consentId: feedback.id, purpose: 'feedback' },
    });
    expect(JSON.stringify(recorded.map((r) => r.details))).not.toContain('Signed');
  });

  it('refuses bad dates naming the field, and writes nothing', async () => {
    const { org, s } = await world();
    const client = (await send(s.adviserA, 'POST', '/api/clients', FULL_CLIENT)).json();
    const url = `/api/clients/${client.id}/consents`;
    const cases: [object, string][] = [
      [consent({ givenAt: '2999-01-01' }), 'givenAt'],
      [consent({ expiresAt: '2019-12-31' }), 'expiresAt'],
      [consent({ purpose: 'marketing' }), 'purpose'],
      [consent({ lawfulBasis: 'because' }), 'lawfulBasis'],
      [{ purpose: 'recording', lawfulBasis: 'consent' }, 'givenAt'],
    ];
    for (const [body, field] of cases) {
      const res = await send(s.adviserA, 'POST', url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json(), JSON.stringify(body)).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
    expect(await count('consents', org.id)).toBe(0);
  });

  it('refuses a withdrawal before the consent, in the future, or twice', async () => {
    const { org, s } = await world();
    const client = (await send(s.adviserA, 'POST', '/api/clients', FULL_CLIENT)).json();
    const url = `/api/clients/${client.id}/consents`;
    const given = (await send(s.adviserA, 'POST', url, consent())).json();
    const withdraw = (withdrawnAt: string) =>
      send(s.adviserA, 'POST', `${url}/${given.id}/withdraw`, { withdrawnAt });
    expect((await withdraw('2019-12-31')).json()).toMatchObject({ status: 400, field: 'withdrawnAt' });
    expect((await withdraw('2999-01-01')).json()).toMatchObject({ status: 400, field: 'withdrawnAt' });
    const stored = () =>
      t.db.selectFrom('consents').select('withdrawn_at').where('id', '=', given.id).executeTakeFirstOrThrow();
    expect((await stored()).withdrawn_at).toBeNull();
    expect((await withdraw('2020-02-01')).statusCode).toBe(200);
    const again = await withdraw('2020-03-01');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONFLICT', field: 'withdrawnAt' });
    expect((await stored()).withdrawn_at).toBe('2020-02-01');
    expect(await auditRows(org.id, 'consent.withdrawn')).toHaveLength(1);
  });

  it('answers CONSENT_NOT_FOUND for a consent of another client', async () => {
    const { s } = await world();
    const first = (await send(s.adviserA, 'POST', '/api/clients', { legalName: 'First Client' })).json();
    const second = (await send(s.adviserA, 'POST', '/api/clients', { legalName: 'Second Client' })).json();
    const given = (await send(s.adviserA, 'POST', `/api/clients/${first.id}/consents`, consent())).json();
    const res = await send(s.adviserA, 'POST', `/api/clients/${second.id}/consents/${given.id}/withdraw`, {
      withdrawnAt: '2020-02-01',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'CONSENT_NOT_FOUND' });
  });

  it('answers CLIENT_NOT_FOUND to someone who may not see the client, writing nothing', async () => {
    const { org, s } = await world();
    const client = (await send(s.adviserA, 'POST', '/api/clients', FULL_CLIENT)).json();
    const given = (await send(s.adviserA, 'POST', `/api/clients/${client.id}/consents`, consent())).json();
    const record = await send(s.adviserB, 'POST', `/api/clients/${client.id}/consents`, consent());
    expect(record.statusCode).toBe(404);
    expect(record.json()).toMatchObject({ code: 'CLIENT_NOT_FOUND' });
    const withdraw = await send(
      s.supervisorB,
      'POST',
      `/api/clients/${client.id}/consents/${given.id}/withdraw`,
      {
        withdrawnAt: '2020-02-01',
      },
    );
    expect(withdraw.statusCode).toBe(404);
    expect(await count('consents', org.id)).toBe(1);
    expect(await auditRows(org.id, 'consent.withdrawn')).toEqual([]);
  });
});
