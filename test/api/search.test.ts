import { describe, expect, it } from 'vitest';
import { buildTestApp, signInAs } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

async function world() {
  const org = await insertOrganisation(t.db);
  const teamA = await insertTeam(t.db, { orgId: org.id });
  const teamB = await insertTeam(t.db, { orgId: org.id });
  const owner = await insertUser(t.db, { orgId: org.id, team: { id: teamA.id, role: 'member' } });
  const reader = await insertUser(t.db, { orgId: org.id, team: { id: teamA.id, role: 'member' } });
  const otherTeam = await insertUser(t.db, { orgId: org.id, team: { id: teamB.id, role: 'member' } });
  const kase = await insertCase(t.db, {
    orgId: org.id,
    ownerId: owner.id,
    teamId: teamA.id,
    presentingIssue: 'Eviction notice from a private landlord',
  });
  const note = (
    facts: string,
    sensitivity: 'normal' | 'restricted' = 'normal',
    status: 'filed' | 'draft' = 'filed',
  ) =>
    t.db
      .insertInto('notes')
      .values({
        org_id: org.id,
        case_id: kase.id,
        author_id: owner.id,
        status,
        type: 'advice',
        contact_channel: null,
        occurred_at: new Date('2026-11-20T10:00:00Z'),
        recorded_at: status === 'filed' ? new Date('2026-11-20T11:00:00Z') : null,
        facts,
        sensitivity,
        amends_note_id: null,
        amendment_reason: null,
      })
      .execute();
  await note('Advised on the section 21 notice and the mandatory reconsideration of housing benefit.');
  await note('Restricted: client disclosed a hidden zebracorn debt.', 'restricted');
  await note('Draft about a platypus loan.', 'normal', 'draft');
  await t.db
    .insertInto('case_shares')
    .values({
      org_id: org.id,
      case_id: kase.id,
      user_id: reader.id,
      reason: 'Cover',
      expires_at: null,
      granted_by: owner.id,
      granted_at: new Date(),
      revoked_at: null,
    })
    .execute();
  return { org, owner, reader, otherTeam, kase };
}

const search = async (app: Awaited<ReturnType<typeof buildTestApp>>, cookie: string, q: string) =>
  app.inject({ url: `/api/search?q=${encodeURIComponent(q)}`, headers: { cookie } });

describe('GET /api/search', () => {
  it('finds filed notes and case summaries with highlighted snippets', async () => {
    const w = await world();
    const app = await buildTestApp(t);
    const s = await signInAs(app, w.owner);
    const res = await search(app, s.cookie, 'reconsideration');
    expect(res.statusCode).toBe(200);
    const { notes } = res.json();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ caseId: w.kase.id, reference: w.kase.reference });
    expect(
      notes[0].snippet.filter((p: { match: boolean }) => p.match).map((p: { text: string }) => p.text),
    ).toEqual(['reconsideration']);
    await t.db
      .updateTable('cases')
      .set({ desired_outcome: 'Tenancy kept' })
      .where('id', '=', w.kase.id)
      .execute();
    const cases = (await search(app, s.cookie, 'eviction landlord')).json().cases;
    expect(cases.map((c: { id: string }) => c.id)).toEqual([w.kase.id]);
    // The presenting issue and the desired outcome read apart.
    expect(cases[0].snippet.map((p: { text: string }) => p.text).join('')).toBe(
      'Eviction notice from a private landlord — Tenancy kept',
    );
    const byRef = (await search(app, s.cookie, w.kase.reference.toLowerCase())).json().cases;
    expect(byRef[0]?.id).toBe(w.kase.id);
  });

  it('never returns drafts, and restricted notes only to those who may read them', async () => {
    const w = await world();
    const app = await buildTestApp(t);
    const owner = await signInAs(app, w.owner);
    expect((await search(app, owner.cookie, 'platypus')).json().notes).toHaveLength(0);
    expect((await search(app, owner.cookie, 'zebracorn')).json().notes).toHaveLength(1);
    const reader = await signInAs(app, w.reader);
    const asReader = await search(app, reader.cookie, 'zebracorn');
    expect(asReader.json().notes).toHaveLength(0);
    expect(asReader.body).not.toContain('zebracorn debt');
    expect((await search(app, reader.cookie, 'reconsideration')).json().notes).toHaveLength(1);
  });

  it('gives a user of another team nothing', async () => {
    const w = await world();
    const app = await buildTestApp(t);
    const s = await signInAs(app, w.otherTeam);
    for (const q of ['reconsideration', 'eviction', w.kase.reference]) {
      const res = await search(app, s.cookie, q);
      expect(res.json()).toEqual({ cases: [], notes: [] });
    }
  });

  it('finds through every way of seeing a case — supervising its team, a live share — and not through an ended share', async () => {
    const w = await world();
    const supervisor = await insertUser(t.db, {
      orgId: w.org.id,
      roles: ['supervisor', 'adviser'],
      totp: true,
      team: { id: w.kase.team_id ?? '', role: 'supervisor' },
    });
    const app = await buildTestApp(t);
    const sup = await signInAs(app, supervisor);
    expect((await search(app, sup.cookie, 'reconsideration')).json().notes).toHaveLength(1);
    expect((await search(app, sup.cookie, 'eviction')).json().cases).toHaveLength(1);
    const reader = await signInAs(app, w.reader);
    expect((await search(app, reader.cookie, 'eviction')).json().cases).toHaveLength(1);
    await t.db
      .updateTable('case_shares')
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where('case_id', '=', w.kase.id)
      .execute();
    expect((await search(app, reader.cookie, 'reconsideration')).json()).toEqual({ cases: [], notes: [] });
    expect((await search(app, reader.cookie, 'eviction')).json()).toEqual({ cases: [], notes: [] });
  });

  it('explains a too-short query naming the field, and audits searches without their words', async () => {
    const w = await world();
    const app = await buildTestApp(t);
    const s = await signInAs(app, w.owner);
    const bad = await search(app, s.cookie, 'x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('query.q');
    await search(app, s.cookie, 'eviction');
    const events = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'search.performed')
      .where('actor_id', '=', w.owner.id)
      .execute();
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]?.details)).not.toContain('eviction');
  });
});
