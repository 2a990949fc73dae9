/**
 * Caseload reviews (issue 5, "Done when"): a supervisor holds a review for a practitioner with a
 * red, a stalled and an over-timescale case on a fixed clock (Thursday 26 November 2026); all three
 * are proposed with the right reasons; an improvement becomes an action on the case; the snapshot
 * stays the same after the caseload changes; completing sets the next due date; the practitioner
 * sees the review, another adviser gets 404; reflections are private until shared; the PDF is a PDF;
 * two reviews compare figure by figure. Also: schedules, over capacity, and refusals.
 */
import { inflateSync } from 'node:zlib';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import type { ActionListResponse } from '../../src/contract/actions.ts';
import type { ReflectionResponse } from '../../src/contract/reflections.ts';
import type {
  ReviewComparisonResponse,
  ReviewResponse,
  ReviewScheduleListResponse,
} from '../../src/contract/reviews.ts';
import { reassessOpenCases } from '../../src/services/priority/reassess-cases.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs, TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();
/** Thursday 26 November 2026, 10:00 in London: every world starts on it, with a clock of its own. */
const NOW = '2026-11-26T10:00:00Z';

/**
 * The text of a pdfkit PDF: its streams inflated, the strings of each TJ run joined (WinAnsi; the
 * em dash is byte 0x97). No poppler on the machine, and the PDF's text is what the test must read.
 */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const runs: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      continue; // not a compressed content stream (fonts, images)
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...(tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      runs.push(Buffer.from(hex, 'hex').toString('latin1').replace(/\x97/g, '—').replace(/\x92/g, '’'));
    }
  }
  return runs.join('\n');
}

type User = Awaited<ReturnType<typeof insertUser>>;
interface World {
  app: App;
  clock: TestClock;
  orgId: string;
  teamId: string;
  practitioner: User;
  supervisor: User;
  adviserUser: User;
  s: Record<'practitioner' | 'supervisor' | 'adviser' | 'supervisorB' | 'admin', SignedIn>;
  cases: Record<'red' | 'stalled' | 'overTimescale' | 'quiet', { id: string; reference: string }>;
}

/** A case of the practitioner, opened and last attended when given; a contact note on `contactedAt`. */
async function aCase(
  w: Pick<World, 'orgId' | 'teamId' | 'practitioner'>,
  s: { openedAt: string; contactedAt?: string },
) {
  const c = await insertCase(t.db, { orgId: w.orgId, ownerId: w.practitioner.id, teamId: w.teamId });
  const lastAttention = new Date(s.contactedAt ?? s.openedAt);
  await sql`UPDATE cases SET opened_at = ${new Date(s.openedAt)}, last_attention_at = ${lastAttention}
    WHERE id = ${c.id}`.execute(t.db);
  if (s.contactedAt) {
    await t.db
      .insertInto('notes')
      .values({
        org_id: w.orgId,
        case_id: c.id,
        author_id: w.practitioner.id,
        status: 'filed',
        type: 'contact',
        contact_channel: 'phone',
        occurred_at: lastAttention,
        recorded_at: lastAttention,
        facts: 'Rang the client about the letter.',
        amends_note_id: null,
        amendment_reason: null,
      })
      .execute();
  }
  return { id: c.id, reference: c.reference };
}

async function setUp(): Promise<World> {
  const clock = new TestClock(new Date(NOW));
  const app = await buildTestApp(t, { clock, env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } });
  const org = await insertOrganisation(t.db);
  const team = await insertTeam(t.db, { orgId: org.id });
  const teamB = await insertTeam(t.db, { orgId: org.id });
  const practitioner = await insertUser(t.db, {
    orgId: org.id,
    displayName: 'Pat Practitioner',
    team: { id: team.id, role: 'member' },
  });
  const supervisor = await insertUser(t.db, {
    orgId: org.id,
    displayName: 'Sam Supervisor',
    roles: ['supervisor', 'adviser'],
    totp: true,
    team: { id: team.id, role: 'supervisor' },
  });
  // A colleague in the same team, and a supervisor of another team: neither may see the review.
  const adviser = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
  const supervisorB = await insertUser(t.db, {
    orgId: org.id,
    roles: ['supervisor'],
    totp: true,
    team: { id: teamB.id, role: 'supervisor' },
  });
  const admin = await insertUser(t.db, { orgId: org.id, roles: ['admin'], totp: true });
  const w = { orgId: org.id, teamId: team.id, practitioner };
  // Red: a safeguarding concern raised yesterday (opened yesterday: within its first-contact day).
  const red = await aCase(w, { openedAt: '2026-11-25T09:00:00Z' });
  await t.db
    .insertInto('case_flags')
    .values({
      org_id: org.id,
      case_id: red.id,
      kind: 'safeguarding',
      category: 'domestic abuse',
      description: null,
      raised_by: practitioner.id,
      raised_at: new Date('2026-11-25T09:30:00Z'),
      resolved_by: null,
      resolved_at: null,
      resolution: null,
    })
    .execute();
  // Stalled: contacted on Tue 10 Nov, 12 working days ago (stalled after 10; 60% of its 20-day review).
  const stalled = await aCase(w, { openedAt: '2026-11-10T09:00:00Z', contactedAt: '2026-11-10T11:00:00Z' });
  // Over timescale: opened on 1 July, past its 90-working-day target resolution; contacted on Tuesday.
  const overTimescale = await aCase(w, {
    openedAt: '2026-07-01T09:00:00Z',
    contactedAt: '2026-11-24T11:00:00Z',
  });
  // Quiet: nothing to discuss.
  const quiet = await aCase(w, { openedAt: '2026-11-20T09:00:00Z', contactedAt: '2026-11-25T11:00:00Z' });
  await reassessOpenCases({ db: t.db, clock }, org.id, 'daily');
  const as = (u: User) => signInAs(app, u, { clock });
  return {
    app,
    clock,
    orgId: org.id,
    teamId: team.id,
    practitioner,
    supervisor,
    adviserUser: adviser,
    s: {
      practitioner: await as(practitioner),
      supervisor: await as(supervisor),
      adviser: await as(adviser),
      supervisorB: await as(supervisorB),
      admin: await as(admin),
    },
    cases: { red, stalled, overTimescale, quiet },
  };
}

const auditRows = (orgId: string, action: string) =>
  t.db
    .selectFrom('audit_events')
    .select(['entity_id', 'details', 'actor_id'])
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

describe('a caseload review, from the schedule to the comparison', () => {
  let w: World;
  let review: ReviewResponse;
  let firstSnapshot: ReviewResponse['snapshot'];
  const send = (
    who: keyof World['s'],
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    body?: object,
  ) => sendAs(w.app, w.s[who], method, url, body);

  beforeAll(async () => {
    w = await setUp();
  });

  it('shows the supervisor the practitioner’s schedule: never reviewed, so due now', async () => {
    const res = await send('supervisor', 'GET', '/api/review-schedules');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<ReviewScheduleListResponse>();
    const pat = list.schedules.find((s) => s.practitioner.id === w.practitioner.id);
    expect(pat).toMatchObject({
      nextDueOn: '2026-11-26',
      dueSource: 'never-reviewed',
      status: 'due-today',
      cadenceWeeks: 4,
      cadenceSource: 'organisation',
      mayStart: true,
      lastReview: null,
    });
    expect(list.schedules[0]?.self).toBe(true);
    // The practitioner sees only their own schedule.
    const own = (
      await send('practitioner', 'GET', '/api/review-schedules')
    ).json<ReviewScheduleListResponse>();
    expect(own.schedules.map((s) => s.practitioner.id)).toEqual([w.practitioner.id]);
    expect(own.schedules[0]?.mayStart).toBe(false);
  });

  it('refuses to let anyone but a supervisor of the practitioner’s team start one', async () => {
    const body = { practitionerId: w.practitioner.id };
    for (const who of ['practitioner', 'adviser', 'supervisorB', 'admin'] as const) {
      const res = await send(who, 'POST', '/api/reviews', body);
      expect(res.statusCode, who).toBe(403);
    }
    const self = await send('supervisor', 'POST', '/api/reviews', { practitionerId: w.supervisor.id });
    expect(self.statusCode).toBe(403);
  });

  it('proposes the red, the stalled and the over-timescale case with their reasons, red first', async () => {
    const res = await send('supervisor', 'POST', '/api/reviews', { practitionerId: w.practitioner.id });
    expect(res.statusCode, res.body).toBe(201);
    review = res.json<ReviewResponse>();
    firstSnapshot = review.snapshot;
    expect(review).toMatchObject({ status: 'in-progress', yourRole: 'supervisor', mayChange: true });
    const byCase = Object.fromEntries(review.cases.map((c) => [c.caseId, c]));
    expect(review.cases[0]?.caseId).toBe(w.cases.red.id);
    expect(byCase[w.cases.red.id]?.reasons).toEqual([
      { kind: 'red', label: 'Red priority', reason: 'Safeguarding concern raised 25 Nov.' },
    ]);
    expect(byCase[w.cases.red.id]?.band).toBe('red');
    expect(byCase[w.cases.stalled.id]?.reasons).toEqual([
      { kind: 'stalled', label: 'Stalled', reason: 'No attention for 12 working days (stalled after 10).' },
    ]);
    expect(byCase[w.cases.overTimescale.id]?.reasons).toEqual([
      {
        kind: 'over-timescale',
        label: 'Over timescale',
        reason: expect.stringMatching(/^Past its target resolution of 90 working days from opening \(/),
      },
    ]);
    expect(byCase[w.cases.quiet.id]).toBeUndefined();
    expect(review.cases.every((c) => c.proposed && !c.discussed)).toBe(true);
    // The snapshot: the dashboard's figures, labelled, and the proposals.
    const figure = (key: string) => review.snapshot.figures.find((f) => f.key === key)?.value;
    expect(figure('open.total')).toBe(4);
    expect(figure('open.byBand.red')).toBe(1);
    expect(figure('stalled')).toBe(1);
    expect(figure('proposals.total')).toBe(3);
    expect(review.snapshot.capacity?.rag).toBe('blue');

    const [started] = await auditRows(w.orgId, 'review.started');
    expect(started?.entity_id).toBe(review.id);
    expect(started?.details).toMatchObject({
      practitionerId: w.practitioner.id,
      proposedCases: 3,
      reasons: { red: 1, stalled: 1, 'over-timescale': 1 },
    });
    expect(JSON.stringify(started?.details)).not.toContain('Pat');
  });

  it('allows one review in progress per practitioner', async () => {
    const res = await send('supervisor', 'POST', '/api/reviews', { practitionerId: w.practitioner.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CONFLICT');
  });

  it('records a decision and obstacles for a case; a decision marks it discussed', async () => {
    const url = `/api/reviews/${review.id}/cases/${w.cases.stalled.id}`;
    const res = await send('supervisor', 'PATCH', url, {
      decision: 'Ring the client this week; close if no reply in 10 days.',
      obstacles: 'Client not answering the phone.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<ReviewResponse>().cases.find((x) => x.caseId === w.cases.stalled.id);
    expect(c).toMatchObject({
      decision: 'Ring the client this week; close if no reply in 10 days.',
      obstacles: 'Client not answering the phone.',
      discussed: true,
    });
    const [updated] = await auditRows(w.orgId, 'review.case_updated');
    expect(updated?.details).toEqual({
      caseId: w.cases.stalled.id,
      fields: ['decision', 'discussed_at', 'obstacles'],
    });
    // The practitioner reads the review but does not hold it.
    const refused = await send('practitioner', 'PATCH', url, { decision: 'Mine' });
    expect(refused.statusCode).toBe(403);
  });

  it('turns an improvement into an action on the case, visible with the case’s actions', async () => {
    const res = await send('supervisor', 'POST', `/api/reviews/${review.id}/improvements`, {
      caseId: w.cases.stalled.id,
      description: 'Write to the client offering an appointment',
      ownerKind: 'practitioner',
      ownerUserId: w.practitioner.id,
      dueDate: '2026-12-03',
    });
    expect(res.statusCode, res.body).toBe(201);
    const actionId = res.json<{ id: string }>().id;
    const list = await send('practitioner', 'GET', `/api/cases/${w.cases.stalled.id}/actions`);
    const action = list.json<ActionListResponse>().actions.find((a) => a.id === actionId);
    expect(action).toMatchObject({
      description: 'Write to the client offering an appointment',
      ownerKind: 'practitioner',
      ownerName: 'Pat Practitioner',
      dueDate: '2026-12-03',
      status: 'open',
      reviewId: review.id,
    });
    const row = await t.db
      .selectFrom('actions')
      .select('review_id')
      .where('id', '=', actionId)
      .executeTakeFirst();
    expect(row?.review_id).toBe(review.id);
    const created = (await auditRows(w.orgId, 'action.created')).find((a) => a.entity_id === actionId);
    expect(created?.details).toMatchObject({ caseId: w.cases.stalled.id, reviewId: review.id });
    const again = await send('supervisor', 'GET', `/api/reviews/${review.id}`);
    const c = again.json<ReviewResponse>().cases.find((x) => x.caseId === w.cases.stalled.id);
    expect(c?.improvements).toEqual([
      expect.objectContaining({ id: actionId, ownerName: 'Pat Practitioner', dueDate: '2026-12-03' }),
    ]);
    // An improvement needs a due date, and a case on the review.
    const noDate = await send('supervisor', 'POST', `/api/reviews/${review.id}/improvements`, {
      caseId: w.cases.stalled.id,
      description: 'Something',
      ownerKind: 'client',
    });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().field).toBe('dueDate');
    const notOn = await send('supervisor', 'POST', `/api/reviews/${review.id}/improvements`, {
      caseId: w.cases.quiet.id,
      description: 'Something',
      ownerKind: 'client',
      dueDate: '2026-12-03',
    });
    expect(notOn.statusCode).toBe(404);
    expect(notOn.json()).toMatchObject({ code: 'CASE_NOT_FOUND', field: 'caseId' });
  });

  it('adds a case that was not proposed, and records an obstacle on it', async () => {
    const res = await send('supervisor', 'POST', `/api/reviews/${review.id}/cases`, {
      caseId: w.cases.quiet.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const added = res.json<ReviewResponse>().cases.find((c) => c.caseId === w.cases.quiet.id);
    expect(added).toMatchObject({
      proposed: false,
      reasons: [{ kind: 'added', reason: 'Added at the review.' }],
    });
    const twice = await send('supervisor', 'POST', `/api/reviews/${review.id}/cases`, {
      caseId: w.cases.quiet.id,
    });
    expect(twice.statusCode).toBe(409);
    const obstacle = await send('supervisor', 'POST', `/api/reviews/${review.id}/obstacles`, {
      caseId: w.cases.quiet.id,
      category: 'awaiting-documents',
      description: 'Waiting for payslips',
      since: '2026-11-20',
    });
    expect(obstacle.statusCode, obstacle.body).toBe(201);
    const row = await t.db
      .selectFrom('obstacles')
      .select(['review_id', 'case_id'])
      .where('id', '=', obstacle.json<{ id: string }>().id)
      .executeTakeFirst();
    expect(row).toEqual({ review_id: review.id, case_id: w.cases.quiet.id });
  });

  it('keeps the snapshot as it was after the caseload changes', async () => {
    await sql`UPDATE cases SET status = 'closed', closed_at = now(), outcome = 'Resolved',
      closure_reason = 'Safe accommodation found' WHERE id = ${w.cases.red.id}`.execute(t.db);
    await aCase(w, { openedAt: '2026-11-26T09:00:00Z' });
    const dashboard = await send(
      'supervisor',
      'GET',
      `/api/dashboard?scope=user&userId=${w.practitioner.id}`,
    );
    // The live figures moved (the red case is closed)…
    expect(dashboard.statusCode, dashboard.body).toBe(200);
    expect(dashboard.json().open.byBand.red.count).toBe(0);
    // …the review's did not.
    expect(firstSnapshot.figures.find((f) => f.key === 'open.byBand.red')?.value).toBe(1);
    const res = await send('supervisor', 'GET', `/api/reviews/${review.id}`);
    expect(res.json<ReviewResponse>().snapshot).toEqual(firstSnapshot);
    // The database refuses to change a snapshot, whoever asks.
    await expect(
      sql`UPDATE caseload_reviews SET snapshot = '{}' WHERE id = ${review.id}`.execute(t.db),
    ).rejects.toThrow(/snapshot cannot be changed/);
  });

  it('keeps reflections private until the practitioner shares one into the review', async () => {
    const write = (title: string) =>
      send('practitioner', 'POST', '/api/reflections', {
        title,
        occurredOn: '2026-11-24',
        description: 'A client shouted at reception.',
        feelings: 'Shaken.',
        actionPlan: 'Ask for de-escalation training.',
      });
    const shared = (await write('A difficult phone call')).json<ReflectionResponse>();
    const kept = (await write('Private thoughts')).json<ReflectionResponse>();
    expect(shared.id).toBeTruthy();
    for (const who of ['supervisor', 'adviser'] as const) {
      expect((await send(who, 'GET', `/api/reflections/${shared.id}`)).statusCode).toBe(404);
      expect((await send(who, 'PATCH', `/api/reflections/${shared.id}`, { title: 'x' })).statusCode).toBe(
        404,
      );
      const list = await send(who, 'GET', '/api/reflections');
      expect(list.json().reflections).toEqual([]);
    }
    expect(
      (await send('supervisor', 'GET', `/api/reviews/${review.id}`)).json<ReviewResponse>().reflections,
    ).toEqual([]);
    // Only the review's practitioner shares, and only their own entries.
    const bySupervisor = await send('supervisor', 'POST', `/api/reviews/${review.id}/reflections`, {
      reflectionId: shared.id,
    });
    expect(bySupervisor.statusCode).toBe(403);
    const res = await send('practitioner', 'POST', `/api/reviews/${review.id}/reflections`, {
      reflectionId: shared.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const seen = (await send('supervisor', 'GET', `/api/reviews/${review.id}`)).json<ReviewResponse>()
      .reflections;
    expect(seen.map((r) => [r.id, r.title, r.feelings])).toEqual([
      [shared.id, 'A difficult phone call', 'Shaken.'],
    ]);
    expect(seen.some((r) => r.id === kept.id)).toBe(false);
    expect((await send('supervisor', 'GET', `/api/reflections/${kept.id}`)).statusCode).toBe(404);
  });

  it('lets the practitioner see their review; another adviser and another team’s supervisor get 404', async () => {
    const mine = await send('practitioner', 'GET', `/api/reviews/${review.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json<ReviewResponse>()).toMatchObject({
      yourRole: 'practitioner',
      mayChange: false,
      mayShareReflections: true,
    });
    for (const who of ['adviser', 'supervisorB', 'admin'] as const) {
      for (const url of [`/api/reviews/${review.id}`, `/api/reviews/${review.id}/pdf`]) {
        const res = await send(who, 'GET', url);
        expect(res.statusCode, `${who} ${url}`).toBe(404);
        expect(res.json().code).toBe('REVIEW_NOT_FOUND');
      }
    }
    const list = await send('adviser', 'GET', `/api/reviews?practitionerId=${w.practitioner.id}`);
    expect(list.statusCode).toBe(403);
    const own = await send('practitioner', 'GET', '/api/reviews');
    expect(own.json().reviews.map((r: { id: string }) => r.id)).toEqual([review.id]);
  });

  it('completes with a summary and the next review date, which becomes the due date; then nothing changes', async () => {
    const url = `/api/reviews/${review.id}/complete`;
    const today = await send('supervisor', 'POST', url, {
      summary: 'Good progress.',
      nextReviewOn: '2026-11-26',
    });
    expect(today.statusCode).toBe(400);
    expect(today.json().field).toBe('nextReviewOn');
    const byPractitioner = await send('practitioner', 'POST', url, {
      summary: 'x',
      nextReviewOn: '2026-12-24',
    });
    expect(byPractitioner.statusCode).toBe(403);
    const res = await send('supervisor', 'POST', url, {
      summary: 'Two cases need contact this week; one to close.',
      nextReviewOn: '2026-12-24',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ReviewResponse>()).toMatchObject({
      status: 'completed',
      nextReviewOn: '2026-12-24',
      mayChange: false,
    });
    const schedule = (
      await send('practitioner', 'GET', '/api/review-schedules')
    ).json<ReviewScheduleListResponse>();
    expect(schedule.schedules[0]).toMatchObject({
      nextDueOn: '2026-12-24',
      dueSource: 'scheduled',
      status: 'scheduled',
      lastReview: { id: review.id, supervisorName: 'Sam Supervisor' },
    });
    // A completed review is a record: no more changes, by the API or in the database.
    const patch = await send('supervisor', 'PATCH', `/api/reviews/${review.id}/cases/${w.cases.stalled.id}`, {
      decision: 'Changed my mind',
    });
    expect(patch.statusCode).toBe(409);
    expect(
      (await send('supervisor', 'POST', url, { summary: 'again', nextReviewOn: '2027-01-07' })).statusCode,
    ).toBe(409);
    await expect(
      sql`UPDATE review_cases SET decision = 'x' WHERE review_id = ${review.id}`.execute(t.db),
    ).rejects.toThrow(/completed caseload review cannot be changed/);
    // The reflection shared into it is part of the record now.
    const [shared] = (await send('supervisor', 'GET', `/api/reviews/${review.id}`)).json<ReviewResponse>()
      .reflections;
    const locked = await send('practitioner', 'PATCH', `/api/reflections/${shared?.id}`, {
      title: 'Rewritten',
    });
    expect(locked.statusCode).toBe(409);
  });

  it('prints the review as a PDF with the cases, the improvement and the next review date', async () => {
    const res = await send('practitioner', 'GET', `/api/reviews/${review.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Caseload review — Pat Practitioner');
    for (const c of [w.cases.red, w.cases.stalled, w.cases.overTimescale])
      expect(text).toContain(c.reference);
    expect(text).toContain('Write to the client offering an appointment');
    expect(text).toContain('by Pat Practitioner, due 3 Dec 2026');
    expect(text).toContain('Ring the client this week');
    expect(text).toContain('Next review: 24 Dec 2026');
    expect((await auditRows(w.orgId, 'review.exported')).length).toBe(1);
  });

  it('compares two reviews figure by figure', async () => {
    w.clock.advance(7 * 24 * 3600 * 1000);
    for (const who of ['supervisor', 'practitioner', 'adviser'] as const) {
      w.s[who] = await signInAs(
        w.app,
        who === 'supervisor' ? w.supervisor : who === 'practitioner' ? w.practitioner : w.adviserUser,
        { clock: w.clock },
      );
    }
    const second = await send('supervisor', 'POST', '/api/reviews', { practitionerId: w.practitioner.id });
    expect(second.statusCode, second.body).toBe(201);
    const secondId = second.json<ReviewResponse>().id;
    expect(second.json<ReviewResponse>().previousReviewId).toBe(review.id);
    const res = await send('practitioner', 'GET', `/api/reviews/compare?from=${review.id}&to=${secondId}`);
    expect(res.statusCode, res.body).toBe(200);
    const cmp = res.json<ReviewComparisonResponse>();
    const of = (key: string) => cmp.figures.find((f) => f.key === key);
    // The red case was closed and a new case opened: 4 open before and after, one red fewer.
    expect(of('open.total')).toMatchObject({ before: 4, after: 4, change: 0, words: 'no change' });
    expect(of('open.byBand.red')).toMatchObject({ before: 1, after: 0, change: -1, words: 'down 1' });
    expect(of('proposals.red')).toMatchObject({ before: 1, after: 0 });
    const stranger = await send('adviser', 'GET', `/api/reviews/compare?from=${review.id}&to=${secondId}`);
    expect(stranger.statusCode).toBe(404);
  });
});

describe('schedules and capacity', () => {
  it('lets a supervisor set a practitioner’s cadence and due date, never their own', async () => {
    const w = await setUp();
    const url = `/api/review-schedules/${w.practitioner.id}`;
    const res = await sendAs(w.app, w.s.supervisor, 'PUT', url, { cadenceWeeks: 2, nextDueOn: '2026-12-10' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      cadenceWeeks: 2,
      cadenceSource: 'own',
      nextDueOn: '2026-12-10',
      status: 'scheduled',
    });
    // Left out, the date follows the cadence (never reviewed: today).
    const follow = await sendAs(w.app, w.s.supervisor, 'PUT', url, { cadenceWeeks: null });
    expect(follow.json()).toMatchObject({
      cadenceWeeks: 4,
      cadenceSource: 'organisation',
      nextDueOn: '2026-11-26',
    });
    const bad = await sendAs(w.app, w.s.supervisor, 'PUT', url, { cadenceWeeks: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('cadenceWeeks');
    const past = await sendAs(w.app, w.s.supervisor, 'PUT', url, {
      cadenceWeeks: 4,
      nextDueOn: '2026-11-01',
    });
    expect(past.json()).toMatchObject({ status: 400, field: 'nextDueOn' });
    for (const who of ['practitioner', 'adviser', 'supervisorB'] as const) {
      expect((await sendAs(w.app, w.s[who], 'PUT', url, { cadenceWeeks: 3 })).statusCode, who).toBe(403);
    }
    const own = `/api/review-schedules/${w.supervisor.id}`;
    expect((await sendAs(w.app, w.s.supervisor, 'PUT', own, { cadenceWeeks: 3 })).statusCode).toBe(403);
    const [set] = await auditRows(w.orgId, 'review_schedule.set');
    expect(set?.details).toEqual({ cadenceWeeks: 2, nextDueOn: '2026-12-10' });
  });

  it('proposes the heaviest cases for reallocation when the practitioner is over capacity', async () => {
    const w = await setUp();
    // Capacity of 2.5 points against four cases; the red one weighs 1.5 with its safeguarding factor.
    await sql`UPDATE users SET capacity_points = 2.5 WHERE id = ${w.practitioner.id}`.execute(t.db);
    const res = await sendAs(w.app, w.s.supervisor, 'POST', '/api/reviews', {
      practitionerId: w.practitioner.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const review = res.json<ReviewResponse>();
    expect(review.snapshot.capacity?.rag).toBe('red');
    const overCapacity = review.cases.filter((c) => c.reasons.some((r) => r.kind === 'over-capacity'));
    expect(overCapacity.length).toBeGreaterThan(0);
    const load = review.snapshot.capacity?.load ?? 0;
    expect(overCapacity[0]?.reasons.find((r) => r.kind === 'over-capacity')?.reason).toMatch(
      new RegExp(
        `^Candidate for reallocation: weighs [0-9.]+ points\\. Over capacity: ${load} of 2\\.5 points`,
      ),
    );
  });
});
