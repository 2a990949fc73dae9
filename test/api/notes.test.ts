/**
 * Case notes through the API: drafts their author's alone, filing, immutability through every
 * route, amendments, late entries, restricted content, links, clarity hints, and the audit trail.
 */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.ts';
import { buildTestApp, type SignedIn, signInAs } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

const LOGIN_LIMIT = { CASELOAD_LOGIN_IP_LIMIT: '100000' };
let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env: LOGIN_LIMIT }));

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function send(session: SignedIn, method: Method, url: string, payload?: object, app?: App) {
  const target = app ?? (await getApp());
  return target.inject({
    method,
    url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    ...(payload ? { payload } : {}),
  });
}

/**
 * One organisation: a case owned by an adviser in a team with a supervisor, shared with two
 * colleagues, and an adviser of another team who may not see it.
 */
async function world(app?: App) {
  const theApp = app ?? (await getApp());
  const org = await insertOrganisation(t.db);
  const team = await insertTeam(t.db, { orgId: org.id });
  const otherTeam = await insertTeam(t.db, { orgId: org.id });
  const owner = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
  const supervisor = await insertUser(t.db, {
    orgId: org.id,
    roles: ['supervisor'],
    totp: true,
    team: { id: team.id, role: 'supervisor' },
  });
  const colleague = await insertUser(t.db, { orgId: org.id, team: { id: otherTeam.id, role: 'member' } });
  const reader = await insertUser(t.db, { orgId: org.id, team: { id: otherTeam.id, role: 'member' } });
  const outsider = await insertUser(t.db, { orgId: org.id, team: { id: otherTeam.id, role: 'member' } });
  const kase = await insertCase(t.db, { orgId: org.id, ownerId: owner.id, teamId: team.id });
  for (const user of [colleague, reader]) {
    await t.db
      .insertInto('case_shares')
      .values({
        org_id: org.id,
        case_id: kase.id,
        user_id: user.id,
        reason: 'Covering while the owner is on leave',
        expires_at: null,
        granted_by: owner.id,
        granted_at: new Date(),
        revoked_at: null,
      })
      .execute();
  }
  const [ownerS, supervisorS, colleagueS, readerS, outsiderS] = await Promise.all(
    [owner, supervisor, colleague, reader, outsider].map((u) => signInAs(theApp, u)),
  );
  if (!ownerS || !supervisorS || !colleagueS || !readerS || !outsiderS) throw new Error('sign-in failed');
  return {
    org,
    team,
    kase,
    owner: { ...owner, s: ownerS },
    supervisor: { ...supervisor, s: supervisorS },
    colleague: { ...colleague, s: colleagueS },
    reader: { ...reader, s: readerS },
    outsider: { ...outsider, s: outsiderS },
  };
}
type World = Awaited<ReturnType<typeof world>>;

const notePayload = (over: Record<string, unknown> = {}) => ({
  type: 'advice',
  occurredAt: ago(HOUR),
  facts: 'Client brought the PIP decision letter dated 3 November.',
  advice: 'Explained how to ask for a mandatory reconsideration.',
  actionsAgreed: 'Client to send the request by Friday.',
  judgement: 'I think the decision maker missed the care needs.',
  ...over,
});

async function createDraft(session: SignedIn, caseId: string, over: Record<string, unknown> = {}, app?: App) {
  const res = await send(session, 'POST', `/api/cases/${caseId}/notes`, notePayload(over), app);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function fileNew(session: SignedIn, caseId: string, over: Record<string, unknown> = {}, app?: App) {
  const draft = await createDraft(session, caseId, over, app);
  const res = await send(session, 'POST', `/api/notes/${draft.id}/file`, undefined, app);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const noteRow = (id: string) => t.db.selectFrom('notes').selectAll().where('id', '=', id).executeTakeFirst();
const countNotes = async (caseId: string) =>
  (await t.db.selectFrom('notes').select('id').where('case_id', '=', caseId).execute()).length;
const auditRows = (orgId: string, action: string) =>
  t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

async function insertGoal(w: World, caseId = w.kase.id) {
  return t.db
    .insertInto('goals')
    .values({
      org_id: w.org.id,
      case_id: caseId,
      description: 'PIP award restored',
      measure: null,
      target_date: null,
      result_note: null,
      result_at: null,
      created_by: w.owner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

async function insertAction(w: World, caseId = w.kase.id) {
  return t.db
    .insertInto('actions')
    .values({
      org_id: w.org.id,
      case_id: caseId,
      description: 'Send the reconsideration request',
      owner_kind: 'client',
      owner_user_id: null,
      owner_name: null,
      due_date: null,
      completed_at: null,
      result: null,
      goal_id: null,
      created_by: w.owner.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

describe('drafts', () => {
  it('creates a draft that only its author sees, anywhere', async () => {
    const w = await world();
    const draft = await createDraft(w.owner.s, w.kase.id, { type: 'contact', contactChannel: 'phone' });
    expect(draft).toMatchObject({
      caseId: w.kase.id,
      caseReference: w.kase.reference,
      status: 'draft',
      type: 'contact',
      contactChannel: 'phone',
      recordedAt: null,
      lateEntry: false,
      author: { id: w.owner.id, displayName: w.owner.display_name },
      sensitivity: 'normal',
      restricted: false,
      facts: 'Client brought the PIP decision letter dated 3 November.',
      professionalJudgement: 'I think the decision maker missed the care needs.',
      amends: null,
      amendedBy: [],
    });
    expect(draft).not.toHaveProperty('judgement');

    for (const other of [w.supervisor, w.colleague, w.outsider]) {
      const get = await send(other.s, 'GET', `/api/notes/${draft.id}`);
      expect(get.statusCode).toBe(404);
      expect(get.json().code).toBe('NOTE_NOT_FOUND');
      for (const [method, url, payload] of [
        ['PATCH', `/api/notes/${draft.id}`, { facts: 'hijacked' }],
        ['DELETE', `/api/notes/${draft.id}`, undefined],
        ['POST', `/api/notes/${draft.id}/file`, undefined],
        ['POST', `/api/notes/${draft.id}/amendments`, { reason: 'x', facts: 'hijacked' }],
      ] as const) {
        const res = await send(other.s, method, url, payload);
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.json().code).toBe('NOTE_NOT_FOUND');
      }
      const drafts = await send(other.s, 'GET', '/api/notes/drafts');
      expect(drafts.json().drafts).toEqual([]);
    }
    for (const other of [w.supervisor, w.colleague]) {
      const list = await send(other.s, 'GET', `/api/cases/${w.kase.id}/notes`);
      expect(list.statusCode).toBe(200);
      expect(list.json().notes).toEqual([]);
    }
    expect((await noteRow(draft.id))?.facts).toBe('Client brought the PIP decision letter dated 3 November.');

    const mine = await send(w.owner.s, 'GET', '/api/notes/drafts');
    expect(mine.json().drafts).toEqual([
      expect.objectContaining({ id: draft.id, caseReference: w.kase.reference }),
    ]);
    const list = await send(w.owner.s, 'GET', `/api/cases/${w.kase.id}/notes`);
    expect(list.json().notes.map((n: { id: string }) => n.id)).toEqual([draft.id]);

    const [event] = await auditRows(w.org.id, 'note.draft_created');
    expect(event).toMatchObject({ actor_id: w.owner.id, entity_type: 'note', entity_id: draft.id });
    expect(event?.details).toEqual({ caseId: w.kase.id, type: 'contact', sensitivity: 'normal' });
  });

  it('auto-saves the fields sent and keeps the rest, auditing field names only', async () => {
    const w = await world();
    const draft = await createDraft(w.owner.s, w.kase.id, { advice: '' });
    const res = await send(w.owner.s, 'PATCH', `/api/notes/${draft.id}`, {
      advice: 'Ask for a mandatory reconsideration within one month.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'draft',
      facts: draft.facts,
      advice: 'Ask for a mandatory reconsideration within one month.',
      actionsAgreed: draft.actionsAgreed,
    });
    const toContact = await send(w.owner.s, 'PATCH', `/api/notes/${draft.id}`, {
      type: 'contact',
      contactChannel: 'face-to-face',
    });
    expect(toContact.json()).toMatchObject({ type: 'contact', contactChannel: 'face-to-face' });
    // Another type drops the channel: only contact notes have one.
    const toReview = await send(w.owner.s, 'PATCH', `/api/notes/${draft.id}`, { type: 'review' });
    expect(toReview.json()).toMatchObject({ type: 'review', contactChannel: null });

    const events = await auditRows(w.org.id, 'note.draft_updated');
    expect(events.map((e) => e.details)).toEqual([
      { caseId: w.kase.id, fields: ['advice'] },
      { caseId: w.kase.id, fields: ['type', 'contactChannel'] },
      { caseId: w.kase.id, fields: ['type', 'contactChannel'] },
    ]);
    expect(JSON.stringify(events)).not.toContain('reconsideration');
  });

  it('refuses bad input with a problem naming the field, and writes nothing', async () => {
    const w = await world();
    const otherCase = await insertCase(t.db, { orgId: w.org.id, ownerId: w.owner.id, teamId: w.team.id });
    const foreignGoal = await insertGoal(w, otherCase.id);
    const foreignAction = await insertAction(w, otherCase.id);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ occurredAt: new Date(Date.now() + 10 * 60_000).toISOString() }, 'occurredAt', /future/],
      [{ occurredAt: '24/11/2026 10:00' }, 'occurredAt', /date and time/],
      [{ type: 'meeting' }, 'type', /contact, advice, action/],
      [{ sensitivity: 'secret' }, 'sensitivity', /normal or restricted/],
      [{ goalIds: [foreignGoal.id] }, 'goalIds', /goals of this case/],
      [{ actionIds: [foreignAction.id] }, 'actionIds', /actions of this case/],
      [{ goalIds: ['not-a-uuid'] }, 'goalIds.0', /goal ids/],
      [{ facts: 'x'.repeat(20_001) }, 'facts', /20,000/],
    ];
    for (const [over, field, message] of cases) {
      const res = await send(w.owner.s, 'POST', `/api/cases/${w.kase.id}/notes`, notePayload(over));
      expect(res.statusCode, JSON.stringify(over).slice(0, 80)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = res.json();
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(problem.field).toBe(field);
      expect(problem.errors[0].message).toMatch(message);
    }
    expect(await countNotes(w.kase.id)).toBe(0);

    // Both problems at once, each named.
    const both = await send(w.owner.s, 'POST', `/api/cases/${w.kase.id}/notes`, {
      ...notePayload({ goalIds: [foreignGoal.id], actionIds: [foreignAction.id] }),
    });
    expect(both.json().errors.map((e: { field: string }) => e.field)).toEqual(['goalIds', 'actionIds']);

    // The same rules when a draft is changed; the draft stays as it was.
    const draft = await createDraft(w.owner.s, w.kase.id);
    for (const [over, field] of [
      [{ goalIds: [foreignGoal.id] }, 'goalIds'],
      [{ occurredAt: new Date(Date.now() + HOUR).toISOString() }, 'occurredAt'],
      [{}, 'body'],
    ] as const) {
      const res = await send(w.owner.s, 'PATCH', `/api/notes/${draft.id}`, over);
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe(field);
    }
    const row = await noteRow(draft.id);
    expect(row).toMatchObject({ type: 'advice', goal_ids: [], occurred_at: new Date(draft.occurredAt) });
    expect(await auditRows(w.org.id, 'note.draft_updated')).toEqual([]);
  });

  it('saves a contact draft before its channel is chosen, and asks for the channel at filing', async () => {
    const w = await world();
    const draft = await send(
      w.owner.s,
      'POST',
      `/api/cases/${w.kase.id}/notes`,
      notePayload({ type: 'contact' }),
    );
    expect(draft.statusCode).toBe(201);
    const id = draft.json().id as string;
    const refused = await send(w.owner.s, 'POST', `/api/notes/${id}/file`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'contactChannel' });
    expect((await noteRow(id))?.status).toBe('draft');
    await send(w.owner.s, 'PATCH', `/api/notes/${id}`, { contactChannel: 'phone' });
    const filed = await send(w.owner.s, 'POST', `/api/notes/${id}/file`);
    expect(filed.statusCode).toBe(200);
    expect(filed.json()).toMatchObject({ status: 'filed', contactChannel: 'phone' });
  });

  it('accepts a time a few minutes ahead (clocks differ) and links goals and actions of the case', async () => {
    const w = await world();
    const goal = await insertGoal(w);
    const action = await insertAction(w);
    const draft = await createDraft(w.owner.s, w.kase.id, {
      occurredAt: new Date(Date.now() + 2 * 60_000).toISOString(),
      goalIds: [goal.id],
      actionIds: [action.id],
    });
    expect(draft).toMatchObject({ goalIds: [goal.id], actionIds: [action.id] });
  });

  it('deletes a draft, audited', async () => {
    const w = await world();
    const draft = await createDraft(w.owner.s, w.kase.id);
    const res = await send(w.owner.s, 'DELETE', `/api/notes/${draft.id}`);
    expect(res.statusCode).toBe(204);
    expect(await noteRow(draft.id)).toBeUndefined();
    expect((await send(w.owner.s, 'GET', `/api/notes/${draft.id}`)).statusCode).toBe(404);
    const [event] = await auditRows(w.org.id, 'note.draft_deleted');
    expect(event).toMatchObject({ entity_id: draft.id, details: { caseId: w.kase.id } });
  });

  it('answers 404 CASE_NOT_FOUND for a case the user may not view, and 403 to a break-glass reader writing', async () => {
    const w = await world();
    for (const [method, payload] of [
      ['GET', undefined],
      ['POST', notePayload()],
    ] as const) {
      const res = await send(w.outsider.s, method, `/api/cases/${w.kase.id}/notes`, payload);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('CASE_NOT_FOUND');
    }
    const missing = await send(w.owner.s, 'GET', '/api/cases/00000000-0000-4000-8000-000000000000/notes');
    expect(missing.json().code).toBe('CASE_NOT_FOUND');

    const app = await getApp();
    const glass = await insertUser(t.db, { orgId: w.org.id, roles: ['supervisor'], totp: true });
    await t.db
      .insertInto('case_shares')
      .values({
        org_id: w.org.id,
        case_id: w.kase.id,
        user_id: glass.id,
        kind: 'break-glass',
        reason: 'Client at risk tonight',
        expires_at: new Date(Date.now() + HOUR),
        granted_by: glass.id,
        granted_at: new Date(),
        revoked_at: null,
      })
      .execute();
    const glassS = await signInAs(app, glass);
    expect((await send(glassS, 'GET', `/api/cases/${w.kase.id}/notes`)).statusCode).toBe(200);
    const write = await send(glassS, 'POST', `/api/cases/${w.kase.id}/notes`, notePayload());
    expect(write.statusCode).toBe(403);
    expect(await countNotes(w.kase.id)).toBe(0);
  });
});

describe('filing', () => {
  it('refuses a note without facts, advice or actions: NOTE_EMPTY naming facts', async () => {
    const w = await world();
    const draft = await createDraft(w.owner.s, w.kase.id, {
      facts: '  ',
      advice: '',
      actionsAgreed: '',
      judgement: 'Opinion alone is not a record.',
    });
    const res = await send(w.owner.s, 'POST', `/api/notes/${draft.id}/file`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'NOTE_EMPTY', field: 'facts' });
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'facts',
      'advice',
      'actionsAgreed',
    ]);
    expect((await noteRow(draft.id))?.status).toBe('draft');
    expect(await auditRows(w.org.id, 'note.filed')).toEqual([]);
  });

  it('freezes the note at the server clock, shows it to the case’s readers, and counts as attention', async () => {
    const w = await world();
    await t.db
      .updateTable('cases')
      .set({ last_attention_at: new Date('2026-01-01T00:00:00Z') })
      .where('id', '=', w.kase.id)
      .execute();
    const occurredAt = ago(2 * HOUR);
    const draft = await createDraft(w.owner.s, w.kase.id, { occurredAt });
    const before = Date.now();
    const res = await send(w.owner.s, 'POST', `/api/notes/${draft.id}/file`);
    const after = Date.now();
    expect(res.statusCode).toBe(200);
    const filed = res.json();
    expect(filed).toMatchObject({ id: draft.id, status: 'filed', lateEntry: false });
    expect(filed).not.toHaveProperty('clarityHints');
    const recordedAt = new Date(filed.recordedAt).getTime();
    expect(recordedAt).toBeGreaterThanOrEqual(before);
    expect(recordedAt).toBeLessThanOrEqual(after);

    const seen = await send(w.colleague.s, 'GET', `/api/notes/${draft.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ status: 'filed', facts: draft.facts });

    const kase = await t.db
      .selectFrom('cases')
      .select('last_attention_at')
      .where('id', '=', w.kase.id)
      .executeTakeFirstOrThrow();
    expect(kase.last_attention_at.toISOString()).toBe(occurredAt);

    const [event] = await auditRows(w.org.id, 'note.filed');
    expect(event).toMatchObject({ actor_id: w.owner.id, entity_type: 'note', entity_id: draft.id });
    expect(event?.details).toEqual({
      caseId: w.kase.id,
      type: 'advice',
      sensitivity: 'normal',
      lateEntry: false,
    });
  });

  it('lets no route change or delete a filed note: 409 NOTE_IMMUTABLE and nothing changes', async () => {
    const w = await world();
    const filed = await fileNew(w.owner.s, w.kase.id);
    const before = await noteRow(filed.id);
    for (const who of [w.owner, w.supervisor, w.colleague]) {
      for (const [method, url, payload] of [
        ['PATCH', `/api/notes/${filed.id}`, { facts: 'Rewritten history.' }],
        ['PATCH', `/api/notes/${filed.id}`, { sensitivity: 'restricted' }],
        ['DELETE', `/api/notes/${filed.id}`, undefined],
        ['POST', `/api/notes/${filed.id}/file`, undefined],
      ] as const) {
        const res = await send(who.s, method, url, payload);
        expect(res.statusCode, `${method} ${url}`).toBe(409);
        expect(res.json().code).toBe('NOTE_IMMUTABLE');
        expect(res.json().detail).toMatch(/amendment/);
      }
    }
    // Someone who may not see it learns nothing, not even that it is filed.
    const outsider = await send(w.outsider.s, 'PATCH', `/api/notes/${filed.id}`, { facts: 'x' });
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json().code).toBe('NOTE_NOT_FOUND');

    expect(await noteRow(filed.id)).toEqual(before);
    expect(await auditRows(w.org.id, 'note.draft_updated')).toEqual([]);
    expect(await auditRows(w.org.id, 'note.draft_deleted')).toEqual([]);
  });
});

describe('filing at once (fileNow)', () => {
  const fileNow = (session: SignedIn, caseId: string, over: Record<string, unknown> = {}) =>
    send(session, 'POST', `/api/cases/${caseId}/notes`, { ...notePayload(over), fileNow: true });

  it('files a new note in one request, exactly as draft-then-file would, audited once as note.filed', async () => {
    const w = await world();
    await t.db
      .updateTable('cases')
      .set({ last_attention_at: new Date('2026-01-01T00:00:00Z') })
      .where('id', '=', w.kase.id)
      .execute();
    const occurredAt = ago(2 * HOUR);
    const before = Date.now();
    const res = await fileNow(w.owner.s, w.kase.id, { occurredAt, type: 'contact', contactChannel: 'phone' });
    const after = Date.now();
    expect(res.statusCode, res.body).toBe(201);
    const filed = res.json();
    expect(filed).toMatchObject({
      caseId: w.kase.id,
      caseReference: w.kase.reference,
      status: 'filed',
      type: 'contact',
      contactChannel: 'phone',
      occurredAt,
      lateEntry: false,
      author: { id: w.owner.id, displayName: w.owner.display_name },
      restricted: false,
      facts: 'Client brought the PIP decision letter dated 3 November.',
      professionalJudgement: 'I think the decision maker missed the care needs.',
      amends: null,
      amendedBy: [],
    });
    expect(filed).not.toHaveProperty('clarityHints');
    const recordedAt = new Date(filed.recordedAt).getTime();
    expect(recordedAt).toBeGreaterThanOrEqual(before);
    expect(recordedAt).toBeLessThanOrEqual(after);
    // The answer is what reading the note gives.
    const read = await send(w.owner.s, 'GET', `/api/notes/${filed.id}`);
    expect(read.json()).toEqual(filed);

    // Frozen, and seen by the case's readers.
    const patch = await send(w.owner.s, 'PATCH', `/api/notes/${filed.id}`, { facts: 'Rewritten.' });
    expect(patch.statusCode).toBe(409);
    expect((await send(w.colleague.s, 'GET', `/api/notes/${filed.id}`)).json()).toMatchObject({
      status: 'filed',
      facts: filed.facts,
    });
    // Attention to the case, and the case re-assessed in the same transaction.
    const kase = await t.db
      .selectFrom('cases')
      .select(['last_attention_at', 'assessment_id'])
      .where('id', '=', w.kase.id)
      .executeTakeFirstOrThrow();
    expect(kase.last_attention_at.toISOString()).toBe(occurredAt);
    const assessment = await t.db
      .selectFrom('assessments')
      .select(['id', 'trigger'])
      .where('case_id', '=', w.kase.id)
      .orderBy('assessed_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(assessment).toEqual({ id: kase.assessment_id, trigger: 'note' });
    // Found by search (filed notes only are indexed).
    const search = await send(w.owner.s, 'GET', '/api/search?q=reconsideration');
    expect(JSON.stringify(search.json())).toContain(filed.id);

    // One note.filed (there never was a draft), after the re-assessment's event; the chain holds.
    expect(await auditRows(w.org.id, 'note.draft_created')).toEqual([]);
    const [event] = await auditRows(w.org.id, 'note.filed');
    expect(event).toMatchObject({ actor_id: w.owner.id, entity_type: 'note', entity_id: filed.id });
    expect(event?.details).toEqual({
      caseId: w.kase.id,
      type: 'contact',
      sensitivity: 'normal',
      lateEntry: false,
    });
    const [recorded] = await auditRows(w.org.id, 'assessment.recorded');
    expect(recorded).toMatchObject({ entity_id: w.kase.id, details: { trigger: 'note' } });
    expect(Number(recorded?.seq)).toBeLessThan(Number(event?.seq));
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('marks a late entry and leaves the case’s newer attention as it was', async () => {
    const w = await world();
    const newer = new Date(Date.now() - HOUR);
    await t.db.updateTable('cases').set({ last_attention_at: newer }).where('id', '=', w.kase.id).execute();
    const res = await fileNow(w.owner.s, w.kase.id, { occurredAt: ago(25 * HOUR) });
    expect(res.json()).toMatchObject({ status: 'filed', lateEntry: true });
    const [event] = await auditRows(w.org.id, 'note.filed');
    expect(event?.details).toMatchObject({ lateEntry: true });
    const kase = await t.db
      .selectFrom('cases')
      .select('last_attention_at')
      .where('id', '=', w.kase.id)
      .executeTakeFirstOrThrow();
    expect(kase.last_attention_at).toEqual(newer);
  });

  it('refuses an empty note with NOTE_EMPTY naming the sections, and writes nothing', async () => {
    const w = await world();
    const res = await fileNow(w.owner.s, w.kase.id, {
      facts: '  ',
      advice: '',
      actionsAgreed: '',
      judgement: 'Opinion alone is not a record.',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'NOTE_EMPTY', field: 'facts' });
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'facts',
      'advice',
      'actionsAgreed',
    ]);
    expect(await countNotes(w.kase.id)).toBe(0);
    expect(await auditRows(w.org.id, 'note.filed')).toEqual([]);
    expect(await auditRows(w.org.id, 'assessment.recorded')).toEqual([]);
  });

  it('applies the filing rules at once: a contact note names its channel, links stay in the case', async () => {
    const w = await world();
    const otherCase = await insertCase(t.db, { orgId: w.org.id, ownerId: w.owner.id, teamId: w.team.id });
    const foreignGoal = await insertGoal(w, otherCase.id);
    const res = await fileNow(w.owner.s, w.kase.id, { type: 'contact', goalIds: [foreignGoal.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['contactChannel', 'goalIds']);
    const bad = await send(w.owner.s, 'POST', `/api/cases/${w.kase.id}/notes`, {
      ...notePayload(),
      fileNow: 'yes',
    });
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'fileNow' });
    expect(await countNotes(w.kase.id)).toBe(0);
    // fileNow: false starts a draft, as without it.
    const draft = await send(w.owner.s, 'POST', `/api/cases/${w.kase.id}/notes`, {
      ...notePayload(),
      fileNow: false,
    });
    expect(draft.json()).toMatchObject({ status: 'draft', recordedAt: null });
  });

  it('answers 404 to someone who may not see the case and 403 to a break-glass reader, writing no note', async () => {
    const w = await world();
    const hidden = await fileNow(w.outsider.s, w.kase.id);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe('CASE_NOT_FOUND');

    const glass = await insertUser(t.db, { orgId: w.org.id, roles: ['supervisor'], totp: true });
    await t.db
      .insertInto('case_shares')
      .values({
        org_id: w.org.id,
        case_id: w.kase.id,
        user_id: glass.id,
        kind: 'break-glass',
        reason: 'Client at risk tonight',
        expires_at: new Date(Date.now() + HOUR),
        granted_by: glass.id,
        granted_at: new Date(),
        revoked_at: null,
      })
      .execute();
    const glassS = await signInAs(await getApp(), glass);
    const write = await fileNow(glassS, w.kase.id);
    expect(write.statusCode).toBe(403);
    expect(write.json().code).toBe('FORBIDDEN');
    expect(await countNotes(w.kase.id)).toBe(0);
    expect(await auditRows(w.org.id, 'note.filed')).toEqual([]);
    const [denied] = await auditRows(w.org.id, 'access.denied');
    expect(denied).toMatchObject({
      actor_id: glass.id,
      entity_id: w.kase.id,
      details: { policy: 'case.contribute' },
    });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });
});

describe('amendments', () => {
  it('records a correction as a new filed note; the original stays and says "amended — see …"', async () => {
    const w = await world();
    const original = await fileNew(w.owner.s, w.kase.id);
    const res = await send(w.owner.s, 'POST', `/api/notes/${original.id}/amendments`, {
      reason: 'Wrong date of the decision letter',
      facts: 'Client brought the PIP decision letter dated 13 November.',
    });
    expect(res.statusCode).toBe(201);
    const amendment = res.json();
    expect(amendment).toMatchObject({
      status: 'filed',
      type: original.type,
      occurredAt: original.occurredAt,
      facts: 'Client brought the PIP decision letter dated 13 November.',
      advice: original.advice,
      professionalJudgement: original.professionalJudgement,
      amends: { id: original.id, recordedAt: original.recordedAt },
      amendmentReason: 'Wrong date of the decision letter',
      amendedBy: [],
    });
    expect(amendment.id).not.toBe(original.id);
    expect(amendment.recordedAt).toEqual(expect.any(String));

    const now = (await send(w.colleague.s, 'GET', `/api/notes/${original.id}`)).json();
    expect(now).toMatchObject({
      facts: original.facts,
      amends: null,
      amendedBy: [
        { id: amendment.id, recordedAt: amendment.recordedAt, reason: 'Wrong date of the decision letter' },
      ],
    });
    const list = (await send(w.colleague.s, 'GET', `/api/cases/${w.kase.id}/notes`)).json();
    expect(list.notes.map((n: { id: string }) => n.id)).toEqual([original.id, amendment.id]);
    expect(list.notes[0].amendedBy).toHaveLength(1);
    expect(list.notes[1].amends).toEqual({ id: original.id, recordedAt: original.recordedAt });

    const [event] = await auditRows(w.org.id, 'note.amended');
    expect(event).toMatchObject({ entity_id: amendment.id });
    expect(event?.details).toEqual({
      caseId: w.kase.id,
      amendsNoteId: original.id,
      fields: ['facts'],
      sensitivity: 'normal',
    });
  });

  it('chains: an amendment can itself be amended', async () => {
    const w = await world();
    const original = await fileNew(w.owner.s, w.kase.id);
    const first = (
      await send(w.owner.s, 'POST', `/api/notes/${original.id}/amendments`, {
        reason: 'First fix',
        advice: 'A.',
      })
    ).json();
    const second = await send(w.supervisor.s, 'POST', `/api/notes/${first.id}/amendments`, {
      reason: 'Second fix',
      advice: 'B.',
    });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({
      advice: 'B.',
      amends: { id: first.id },
      author: { id: w.supervisor.id },
    });
    const middle = (await send(w.owner.s, 'GET', `/api/notes/${first.id}`)).json();
    expect(middle).toMatchObject({ amends: { id: original.id }, amendedBy: [{ id: second.json().id }] });
    expect(await countNotes(w.kase.id)).toBe(3);
  });

  it('refuses to amend a draft, without a reason, without a change, or into an empty note', async () => {
    const w = await world();
    const draft = await createDraft(w.owner.s, w.kase.id);
    const onDraft = await send(w.owner.s, 'POST', `/api/notes/${draft.id}/amendments`, {
      reason: 'x',
      facts: 'y',
    });
    expect(onDraft.statusCode).toBe(409);
    expect(onDraft.json().code).toBe('CONFLICT');
    const filed = await fileNew(w.owner.s, w.kase.id);
    const url = `/api/notes/${filed.id}/amendments`;
    const noReason = await send(w.owner.s, 'POST', url, { reason: '  ', facts: 'y' });
    expect(noReason.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });
    const noChange = await send(w.owner.s, 'POST', url, { reason: 'Typo' });
    expect(noChange.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body' });
    const empty = await send(w.owner.s, 'POST', url, {
      reason: 'Wrong case',
      facts: '',
      advice: '',
      actionsAgreed: '',
    });
    expect(empty.json()).toMatchObject({ code: 'NOTE_EMPTY', field: 'facts' });
    const future = await send(w.owner.s, 'POST', url, {
      reason: 'Time',
      occurredAt: new Date(Date.now() + HOUR).toISOString(),
    });
    expect(future.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'occurredAt' });
    expect(await countNotes(w.kase.id)).toBe(2);
  });

  it('lets only readers of a restricted note amend it', async () => {
    const w = await world();
    const secret = await fileNew(w.owner.s, w.kase.id, { sensitivity: 'restricted' });
    const res = await send(w.colleague.s, 'POST', `/api/notes/${secret.id}/amendments`, {
      reason: 'Correction',
      facts: 'Overwritten.',
    });
    expect(res.statusCode).toBe(403);
    expect(await countNotes(w.kase.id)).toBe(1);
  });
});

describe('late entries', () => {
  it('marks a note filed more than 24 hours after it occurred', async () => {
    const w = await world();
    const late = await fileNew(w.owner.s, w.kase.id, { occurredAt: ago(25 * HOUR) });
    const timely = await fileNew(w.owner.s, w.kase.id, { occurredAt: ago(23 * HOUR) });
    expect(late.lateEntry).toBe(true);
    expect(timely.lateEntry).toBe(false);
    const list = (await send(w.colleague.s, 'GET', `/api/cases/${w.kase.id}/notes`)).json();
    expect(list.notes.map((n: { id: string; lateEntry: boolean }) => [n.id, n.lateEntry])).toEqual([
      [late.id, true],
      [timely.id, false],
    ]);
    expect((await send(w.colleague.s, 'GET', `/api/notes/${late.id}`)).json().lateEntry).toBe(true);
    const [event] = await auditRows(w.org.id, 'note.filed');
    expect(event?.details).toMatchObject({ lateEntry: true });
    // A draft says whether it would be late if filed now.
    expect((await createDraft(w.owner.s, w.kase.id, { occurredAt: ago(30 * HOUR) })).lateEntry).toBe(true);
  });

  it('takes the threshold from CASELOAD_LATE_ENTRY_HOURS', async () => {
    const app = await buildTestApp(t, { env: { ...LOGIN_LIMIT, CASELOAD_LATE_ENTRY_HOURS: '48' } });
    const w = await world(app);
    expect((await fileNew(w.owner.s, w.kase.id, { occurredAt: ago(25 * HOUR) }, app)).lateEntry).toBe(false);
    expect((await fileNew(w.owner.s, w.kase.id, { occurredAt: ago(49 * HOUR) }, app)).lateEntry).toBe(true);
  });
});

const SECRET = 'Disclosed domestic abuse by her partner';
const WITHHELD_KEYS = [
  'author',
  'caseId',
  'caseReference',
  'id',
  'lateEntry',
  'occurredAt',
  'recordedAt',
  'restricted',
  'sensitivity',
  'status',
  'type',
];

describe('restricted notes', () => {
  it('keeps the content from a shared colleague in every response, and shows it to owner, author and supervisor', async () => {
    const w = await world();
    const goal = await insertGoal(w);
    const note = await fileNew(w.owner.s, w.kase.id, {
      type: 'safeguarding',
      sensitivity: 'restricted',
      facts: SECRET,
      advice: `${SECRET} (advice)`,
      actionsAgreed: `${SECRET} (actions)`,
      judgement: `${SECRET} (judgement)`,
      goalIds: [goal.id],
    });

    const list = await send(w.colleague.s, 'GET', `/api/cases/${w.kase.id}/notes`);
    const one = await send(w.colleague.s, 'GET', `/api/notes/${note.id}`);
    for (const res of [list, one]) {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('Disclosed');
      expect(res.body).not.toContain(goal.id);
    }
    const [listed] = list.json().notes;
    for (const shown of [listed, one.json()]) {
      expect(Object.keys(shown).sort()).toEqual(WITHHELD_KEYS);
      expect(shown).toMatchObject({
        id: note.id,
        type: 'safeguarding',
        sensitivity: 'restricted',
        restricted: true,
        author: { id: w.owner.id, displayName: w.owner.display_name },
        recordedAt: note.recordedAt,
      });
    }

    for (const who of [w.owner, w.supervisor]) {
      const res = await send(who.s, 'GET', `/api/notes/${note.id}`);
      expect(res.json()).toMatchObject({
        restricted: false,
        sensitivity: 'restricted',
        facts: SECRET,
        goalIds: [goal.id],
      });
      const all = (await send(who.s, 'GET', `/api/cases/${w.kase.id}/notes`)).json();
      expect(all.notes[0]).toMatchObject({ facts: SECRET });
    }

    const viewed = await auditRows(w.org.id, 'note.viewed');
    expect(viewed.map((e) => [e.actor_id, e.details])).toEqual([
      [w.colleague.id, { caseId: w.kase.id, contentWithheld: true }],
      [w.owner.id, { caseId: w.kase.id, contentWithheld: false }],
      [w.supervisor.id, { caseId: w.kase.id, contentWithheld: false }],
    ]);
    const listedEvents = await auditRows(w.org.id, 'note.listed');
    expect(listedEvents[0]).toMatchObject({
      actor_id: w.colleague.id,
      entity_type: 'case',
      entity_id: w.kase.id,
      details: { notes: 1, withheld: 1 },
    });
    const everything = JSON.stringify(await t.db.selectFrom('audit_events').select('details').execute());
    expect(everything).not.toContain('Disclosed');
  });

  it('lets a colleague’s restricted note be read by its author, the owner and the supervisor only', async () => {
    const w = await world();
    const note = await fileNew(w.colleague.s, w.kase.id, { sensitivity: 'restricted', facts: SECRET });
    for (const who of [w.colleague, w.owner, w.supervisor]) {
      expect((await send(who.s, 'GET', `/api/notes/${note.id}`)).json().facts).toBe(SECRET);
    }
    const res = await send(w.reader.s, 'GET', `/api/notes/${note.id}`);
    expect(res.json()).toMatchObject({ restricted: true });
    expect(res.body).not.toContain('Disclosed');
    expect((await send(w.outsider.s, 'GET', `/api/notes/${note.id}`)).json().code).toBe('NOTE_NOT_FOUND');
  });

  it('withholds the reason of a restricted amendment from those who may not read it', async () => {
    const w = await world();
    const original = await fileNew(w.owner.s, w.kase.id);
    const amendment = (
      await send(w.owner.s, 'POST', `/api/notes/${original.id}/amendments`, {
        reason: `${SECRET}: moved here`,
        sensitivity: 'restricted',
        facts: SECRET,
      })
    ).json();
    const res = await send(w.reader.s, 'GET', `/api/notes/${original.id}`);
    expect(res.json().amendedBy).toEqual([
      { id: amendment.id, recordedAt: amendment.recordedAt, reason: null },
    ]);
    const list = await send(w.reader.s, 'GET', `/api/cases/${w.kase.id}/notes`);
    expect(list.body).not.toContain('Disclosed');
    expect(list.json().notes[1]).toMatchObject({ id: amendment.id, restricted: true });
    const owner = (await send(w.owner.s, 'GET', `/api/notes/${original.id}`)).json();
    expect(owner.amendedBy[0].reason).toBe(`${SECRET}: moved here`);
  });
});

describe('clarity hints', () => {
  it('hints at "client was aggressive" and a missing next step, honouring the glossary', async () => {
    const w = await world();
    const body = { type: 'contact', facts: 'Client was aggressive about the UC sanction.' };
    const res = await send(w.owner.s, 'POST', '/api/notes/clarity-hints', body);
    expect(res.statusCode).toBe(200);
    const { hints } = res.json();
    expect(hints.map((h: { code: string; excerpt: string }) => `${h.code}:${h.excerpt}`)).toEqual([
      'LABEL_WITHOUT_FACTS:aggressive',
      'UNEXPLAINED_ABBREVIATION:UC',
      'NO_AGREED_NEXT_STEP:',
    ]);
    expect(hints[0]).toMatchObject({ section: 'facts', why: expect.any(String) });
    expect(hints[0].suggestion).toMatch(/Describe what was said and done/);

    const admin = await insertUser(t.db, { orgId: w.org.id, roles: ['admin'], totp: true });
    const adminS = await signInAs(await getApp(), admin);
    const put = await send(adminS, 'PUT', '/api/glossary/UC', { meaning: 'Universal Credit' });
    expect(put.statusCode).toBe(200);
    const again = (await send(w.owner.s, 'POST', '/api/notes/clarity-hints', body)).json();
    expect(again.hints.map((h: { code: string }) => h.code)).toEqual([
      'LABEL_WITHOUT_FACTS',
      'NO_AGREED_NEXT_STEP',
    ]);
  });

  it('comes with drafts (never blocking filing) and not with filed notes', async () => {
    const w = await world();
    const draft = await createDraft(w.owner.s, w.kase.id, {
      type: 'contact',
      contactChannel: 'phone',
      facts: 'Client refused to engage.',
      actionsAgreed: '',
    });
    expect(draft.clarityHints.map((h: { code: string }) => h.code)).toEqual([
      'LABEL_WITHOUT_FACTS',
      'NO_AGREED_NEXT_STEP',
    ]);
    const listed = (await send(w.owner.s, 'GET', '/api/notes/drafts')).json();
    expect(listed.drafts[0].clarityHints).toHaveLength(2);
    const filed = await send(w.owner.s, 'POST', `/api/notes/${draft.id}/file`);
    expect(filed.statusCode).toBe(200);
    expect(filed.json()).not.toHaveProperty('clarityHints');
  });

  it('refuses a body that is not a note', async () => {
    const w = await world();
    const res = await send(w.owner.s, 'POST', '/api/notes/clarity-hints', { type: 'memo', facts: 1 });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['facts', 'type']);
  });
});
