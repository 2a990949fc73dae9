/**
 * File reviews through the API, on a controllable clock (Tuesday 10 November 2026, 10:00 GMT, in
 * the fourth quarter): sampling N per practitioner by risk and at random (predicted from the seed),
 * topping up without a case twice, adding by hand, answering the checklist and completing, the
 * corrective action's 28 days (still open on the due day, overdue the day after), done, verified
 * — never by the assignee — who may see and do what, the audit of each step, and the annual report
 * as JSON, CSV and PDF matching the answers given here.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import type {
  CorrectiveActionListResponse,
  CorrectiveActionResponse,
  FileReviewListResponse,
  FileReviewReportResponse,
  FileReviewResponse,
  SampleResultResponse,
} from '../../src/contract/file-reviews.ts';
import { sampleSeed, seededShuffle } from '../../src/domain/file-reviews/seeded-random.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs, TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();

const DAY = 86_400_000;
const clock = new TestClock(new Date('2026-11-10T10:00:00Z'));

type User = Awaited<ReturnType<typeof insertUser>>;
type Case = Awaited<ReturnType<typeof insertCase>>;
const PEOPLE = ['ari', 'bo', 'sam', 'sue', 'bea', 'cy', 'ada', 'stranger'] as const;
type Person = (typeof PEOPLE)[number];

let app: App;
let orgId: string;
let teamA: string;
let teamB: string;
let users: Record<Person, User>;
let sessions: Record<Person, SignedIn>;
let ariCases: Record<'risky' | 'a2' | 'a3' | 'a4' | 'closedInSeptember' | 'noTeam', Case>;
let boCases: Case[];
let items: { id: string; key: string; label: string }[];

async function signInEveryone() {
  const entries: [Person, SignedIn][] = [];
  for (const p of PEOPLE) entries.push([p, await signInAs(app, users[p], { clock })]);
  sessions = Object.fromEntries(entries) as Record<Person, SignedIn>;
}

/** Moves the clock on (sessions end after 30 idle minutes, so everyone signs in again). */
async function advanceDays(days: number) {
  clock.advance(days * DAY);
  await signInEveryone();
}

const send = (who: Person, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, body?: object) =>
  sendAs(app, sessions[who], method, url, body);

async function ok<T>(res: Awaited<ReturnType<typeof send>>, status = 200): Promise<T> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}

async function setCase(c: Case, values: { openedAt: string; closedAt?: string; band?: 'red' | 'amber' }) {
  const closed = values.closedAt
    ? sql`, status = 'closed', outcome = 'resolved', closure_reason = 'Done', closed_at = ${values.closedAt}::timestamptz`
    : sql``;
  await sql`UPDATE cases SET opened_at = ${values.openedAt}::timestamptz,
      priority_band = ${values.band ?? null} ${closed} WHERE id = ${c.id}`.execute(t.db);
}

async function auditOf(entityId: string) {
  return t.db
    .selectFrom('audit_events')
    .select(['action', 'actor_id', 'details'])
    .where('org_id', '=', orgId)
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
}

const reviewsOf = async (practitionerId: string) =>
  t.db
    .selectFrom('file_reviews')
    .select(['id', 'case_id', 'selection', 'period'])
    .where('practitioner_id', '=', practitionerId)
    .execute();

/** The seeded shuffle the server uses, over case ids in id order. */
const shuffled = (practitionerId: string, caseIds: string[]) =>
  seededShuffle(
    [...caseIds].sort().map((caseId) => ({ caseId })),
    sampleSeed(orgId, '2026-Q4', practitionerId),
  ).map((c) => c.caseId);

beforeAll(async () => {
  app = await buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '100000' }, clock });
  const org = await insertOrganisation(t.db);
  orgId = org.id;
  teamA = (await insertTeam(t.db, { orgId, name: 'Benefits' })).id;
  teamB = (await insertTeam(t.db, { orgId, name: 'Housing' })).id;
  const member = (id: string) => ({ id, role: 'member' as const });
  const supervisor = (id: string) => ({ id, role: 'supervisor' as const });
  const other = await insertOrganisation(t.db);
  users = {
    ari: await insertUser(t.db, { orgId, displayName: 'Ari Adviser', team: member(teamA) }),
    bo: await insertUser(t.db, { orgId, displayName: 'Bo Adviser', team: member(teamA) }),
    sam: await insertUser(t.db, {
      orgId,
      displayName: 'Sam Supervisor',
      roles: ['supervisor', 'adviser'],
      totp: true,
      team: supervisor(teamA),
    }),
    sue: await insertUser(t.db, {
      orgId,
      displayName: 'Sue Supervisor',
      roles: ['supervisor'],
      totp: true,
      team: supervisor(teamA),
    }),
    bea: await insertUser(t.db, {
      orgId,
      displayName: 'Bea Supervisor',
      roles: ['supervisor', 'adviser'],
      totp: true,
      team: supervisor(teamB),
    }),
    cy: await insertUser(t.db, { orgId, displayName: 'Cy Adviser', team: member(teamB) }),
    ada: await insertUser(t.db, { orgId, displayName: 'Ada Admin', roles: ['admin'], totp: true }),
    stranger: await insertUser(t.db, { orgId: other.id }),
  };
  const ariCase = () => insertCase(t.db, { orgId, ownerId: users.ari.id, teamId: teamA });
  ariCases = {
    risky: await ariCase(),
    a2: await ariCase(),
    a3: await ariCase(),
    a4: await ariCase(),
    closedInSeptember: await ariCase(),
    noTeam: await insertCase(t.db, { orgId, ownerId: users.ari.id, teamId: null }),
  };
  for (const c of Object.values(ariCases)) await setCase(c, { openedAt: '2026-09-01T09:00:00Z' });
  await setCase(ariCases.risky, { openedAt: '2026-09-01T09:00:00Z', band: 'red' });
  await setCase(ariCases.closedInSeptember, {
    openedAt: '2026-08-01T09:00:00Z',
    closedAt: '2026-09-20T12:00:00Z',
  });
  await t.db
    .insertInto('case_flags')
    .values({
      org_id: orgId,
      case_id: ariCases.risky.id,
      kind: 'safeguarding',
      category: 'domestic abuse',
      description: null,
      raised_by: users.ari.id,
      raised_at: new Date('2026-10-01T09:00:00Z'),
      resolved_by: null,
      resolved_at: null,
      resolution: null,
    })
    .execute();
  boCases = [];
  for (let i = 0; i < 3; i++) {
    const c = await insertCase(t.db, { orgId, ownerId: users.bo.id, teamId: teamA });
    await setCase(c, { openedAt: '2026-10-15T09:00:00Z' });
    boCases.push(c);
  }
  const cyCase = await insertCase(t.db, { orgId, ownerId: users.cy.id, teamId: teamB });
  await setCase(cyCase, { openedAt: '2026-10-15T09:00:00Z' });
  await signInEveryone();
  items = (await ok<{ items: typeof items }>(await send('ari', 'GET', '/api/file-review-items'))).items;
});

describe('the checklist and the sampling rule', () => {
  it('starts with the default checklist and rule, in words', async () => {
    expect(items.map((i) => i.key)).toEqual([
      'notes-contemporaneous',
      'key-dates-recorded',
      'advice-confirmed',
      'next-steps-agreed',
      'priority-rationale',
      'consent-recorded',
    ]);
    expect(await ok(await send('ari', 'GET', '/api/file-reviews/rule'))).toEqual({
      casesPerPractitioner: 2,
      period: 'quarter',
      riskShare: 0.5,
      currentPeriod: '2026-Q4',
      currentPeriodWords: 'October to December 2026',
      description: '2 cases per practitioner per quarter: 1 chosen by risk, 1 at random.',
    });
  });

  it('lets only admins change the rule, naming bad fields, and audits the change', async () => {
    expect(
      (
        await send('sam', 'PUT', '/api/file-reviews/rule', {
          casesPerPractitioner: 2,
          period: 'quarter',
          riskShare: 0.5,
        })
      ).statusCode,
    ).toBe(403);
    const bad = await send('ada', 'PUT', '/api/file-reviews/rule', {
      casesPerPractitioner: 51,
      period: 'fortnight',
      riskShare: 1.5,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['casesPerPractitioner', 'period', 'riskShare']);
    const set = await ok(
      await send('ada', 'PUT', '/api/file-reviews/rule', {
        casesPerPractitioner: 3,
        period: 'month',
        riskShare: 0,
      }),
    );
    expect(set).toMatchObject({
      currentPeriod: '2026-11',
      description: '3 cases per practitioner per month, chosen at random.',
    });
    await ok(
      await send('ada', 'PUT', '/api/file-reviews/rule', {
        casesPerPractitioner: 2,
        period: 'quarter',
        riskShare: 0.5,
      }),
    );
    const events = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('org_id', '=', orgId)
      .where('action', '=', 'file-review.rule_set')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.details)).toEqual([
      {
        casesPerPractitioner: 3,
        period: 'month',
        riskShare: 0,
        previous: { casesPerPractitioner: 2, period: 'quarter', riskShare: 0.5 },
      },
      {
        casesPerPractitioner: 2,
        period: 'quarter',
        riskShare: 0.5,
        previous: { casesPerPractitioner: 3, period: 'month', riskShare: 0 },
      },
    ]);
  });

  it('lets admins add and reword items, with their key fixed', async () => {
    expect((await send('sam', 'POST', '/api/file-review-items', { key: 'x', label: 'X' })).statusCode).toBe(
      403,
    );
    const created = await ok<{ id: string; sortOrder: number; active: boolean }>(
      await send('ada', 'POST', '/api/file-review-items', {
        key: 'fees-explained',
        label: 'Fees explained',
        active: false,
      }),
      201,
    );
    expect(created).toMatchObject({ sortOrder: 7, active: false });
    const taken = await send('ada', 'POST', '/api/file-review-items', {
      key: 'fees-explained',
      label: 'Again',
    });
    expect(taken.json()).toMatchObject({ status: 409, code: 'CONFLICT', field: 'key' });
    const keyChange = await send('ada', 'PATCH', `/api/file-review-items/${created.id}`, { key: 'other' });
    expect(keyChange.json()).toMatchObject({ status: 400, field: 'key' });
    const reworded = await ok(
      await send('ada', 'PATCH', `/api/file-review-items/${created.id}`, {
        label: 'Costs explained',
        guidance: 'Look for the letter',
      }),
    );
    expect(reworded).toMatchObject({
      key: 'fees-explained',
      label: 'Costs explained',
      guidance: 'Look for the letter',
    });
    // Inactive: not on the list everyone sees, only on admins' `all=true`.
    const listed = await ok<{ items: { id: string }[] }>(await send('ari', 'GET', '/api/file-review-items'));
    expect(listed.items.map((i) => i.id)).not.toContain(created.id);
    expect((await send('ari', 'GET', '/api/file-review-items?all=true')).statusCode).toBe(403);
    const all = await ok<{ items: { id: string }[] }>(
      await send('ada', 'GET', '/api/file-review-items?all=true'),
    );
    expect(all.items.map((i) => i.id)).toContain(created.id);
    expect((await auditOf(created.id)).map((e) => e.action)).toEqual([
      'file-review-item.created',
      'file-review-item.updated',
    ]);
  });
});

describe('sampling', () => {
  let first: SampleResultResponse;

  it('picks exactly N per practitioner of the teams one supervises: the riskiest, then at random as the seed predicts', async () => {
    first = await ok<SampleResultResponse>(await send('sam', 'POST', '/api/file-reviews/sample', {}));
    expect(first).toMatchObject({ period: '2026-Q4', periodWords: 'October to December 2026', added: 4 });
    expect(first.practitioners.map((p) => p.practitioner.displayName)).toEqual(['Ari Adviser', 'Bo Adviser']);
    const [ari, bo] = first.practitioners;
    // Ari: the red case with an open safeguarding concern by risk; one of the other three open in Q4 at random.
    const eligible = [ariCases.risky, ariCases.a2, ariCases.a3, ariCases.a4].map((c) => c.id);
    const predicted = shuffled(users.ari.id, eligible).find((id) => id !== ariCases.risky.id);
    expect(ari?.chosen.map((c) => [c.case.id, c.selection])).toEqual([
      [ariCases.risky.id, 'risk'],
      [predicted, 'random'],
    ]);
    expect(ari?.chosen[0]?.reason).toBe(
      'Chosen by risk, the highest among 4 cases open in October to December 2026 (2026-Q4): ' +
        'risk score 8.5: red priority; open safeguarding concern; case weight 1.5 (an average case weighs 1).',
    );
    expect(ari?.chosen[0]?.case.reference).toBe(ariCases.risky.reference);
    expect(ari).toMatchObject({
      eligible: 4,
      shortfall: 0,
      summary: '2 cases added: 1 by risk, 1 at random.',
    });
    // Bo: no case has a risk factor, so both at random.
    expect(bo?.chosen.map((c) => [c.case.id, c.selection])).toEqual(
      shuffled(
        users.bo.id,
        boCases.map((c) => c.id),
      )
        .slice(0, 2)
        .map((id) => [id, 'random']),
    );
    expect(bo?.chosen[0]?.reason).toContain('(too few cases had a risk factor to fill the risk share)');
    // Never the case closed before the quarter, nor the case in no team, nor Bea's team.
    const ariReviews = await reviewsOf(users.ari.id);
    expect(ariReviews).toHaveLength(2);
    expect(ariReviews.map((r) => r.case_id)).not.toContain(ariCases.closedInSeptember.id);
    expect(await reviewsOf(users.cy.id)).toEqual([]);
  });

  it('adds nothing when sampled again, and tops up without a case twice when N grows', async () => {
    const again = await ok<SampleResultResponse>(
      await send('sam', 'POST', '/api/file-reviews/sample', { period: '2026-Q4' }),
    );
    expect(again.added).toBe(0);
    expect(again.practitioners[0]?.summary).toBe(
      'Already has 2 cases to review this period (the rule asks for 2).',
    );
    await ok(
      await send('ada', 'PUT', '/api/file-reviews/rule', {
        casesPerPractitioner: 3,
        period: 'quarter',
        riskShare: 0.5,
      }),
    );
    const before = new Set((await reviewsOf(users.ari.id)).map((r) => r.case_id));
    const topUp = await ok<SampleResultResponse>(
      await send('sue', 'POST', '/api/file-reviews/sample', { teamId: teamA }),
    );
    expect(topUp.added).toBe(2);
    const remaining = [ariCases.a2, ariCases.a3, ariCases.a4]
      .map((c) => c.id)
      .filter((id) => !before.has(id));
    expect(topUp.practitioners[0]?.chosen.map((c) => c.case.id)).toEqual([
      shuffled(users.ari.id, remaining)[0],
    ]);
    for (const who of [users.ari.id, users.bo.id]) {
      const ids = (await reviewsOf(who)).map((r) => r.case_id);
      expect(ids).toHaveLength(3);
      expect(new Set(ids).size).toBe(3);
    }
    expect(new Set((await reviewsOf(users.bo.id)).map((r) => r.case_id))).toEqual(
      new Set(boCases.map((c) => c.id)),
    );
    await ok(
      await send('ada', 'PUT', '/api/file-reviews/rule', {
        casesPerPractitioner: 2,
        period: 'quarter',
        riskShare: 0.5,
      }),
    );
  });

  it('refuses other teams, other kinds of period and periods not begun, and audits what it drew', async () => {
    expect((await send('bea', 'POST', '/api/file-reviews/sample', { teamId: teamA })).json()).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
      field: 'teamId',
    });
    expect((await send('ari', 'POST', '/api/file-reviews/sample', {})).statusCode).toBe(403);
    expect(
      (await send('sam', 'POST', '/api/file-reviews/sample', { period: '2026-11' })).json(),
    ).toMatchObject({
      status: 400,
      field: 'period',
      detail: 'Your organisation samples by quarter: use a label such as 2026-Q4',
    });
    expect(
      (await send('sam', 'POST', '/api/file-reviews/sample', { period: '2027-Q1' })).json(),
    ).toMatchObject({
      status: 400,
      field: 'period',
    });
    const drawn = await t.db
      .selectFrom('audit_events')
      .select(['details', 'actor_id'])
      .where('org_id', '=', orgId)
      .where('action', '=', 'file-review.sample_drawn')
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    expect(drawn.actor_id).toBe(users.sam.id);
    expect(drawn.details).toMatchObject({
      period: '2026-Q4',
      teamIds: [teamA],
      practitioners: 2,
      candidateCases: 7,
    });
    expect((drawn.details as { fileReviewIds: string[] }).fileReviewIds).toHaveLength(4);
    const risky = first.practitioners[0]?.chosen[0];
    expect((await auditOf(risky?.fileReviewId ?? '')).map((e) => [e.action, e.details])).toEqual([
      [
        'file-review.selected',
        {
          caseId: ariCases.risky.id,
          practitionerId: users.ari.id,
          period: '2026-Q4',
          selection: 'risk',
          riskScore: 8.5,
        },
      ],
    ]);
  });

  it('adds a case by hand, once, only when it was open in the period, and only for the team’s supervisors', async () => {
    const cyCase = await insertCase(t.db, { orgId, ownerId: users.cy.id, teamId: teamB });
    await setCase(cyCase, { openedAt: '2026-10-01T09:00:00Z' });
    expect((await send('sam', 'POST', '/api/file-reviews', { caseId: cyCase.id })).json()).toMatchObject({
      status: 404,
      code: 'CASE_NOT_FOUND',
    });
    expect((await send('cy', 'POST', '/api/file-reviews', { caseId: cyCase.id })).statusCode).toBe(403);
    const added = await ok<{ selection: string; period: string; practitioner: { id: string } }>(
      await send('bea', 'POST', '/api/file-reviews', { caseId: cyCase.id }),
      201,
    );
    expect(added).toMatchObject({
      selection: 'manual',
      period: '2026-Q4',
      practitioner: { id: users.cy.id },
    });
    expect((await send('bea', 'POST', '/api/file-reviews', { caseId: cyCase.id })).json()).toMatchObject({
      status: 409,
      field: 'caseId',
    });
    expect(
      (await send('sam', 'POST', '/api/file-reviews', { caseId: ariCases.closedInSeptember.id })).json(),
    ).toMatchObject({
      status: 400,
      field: 'caseId',
      detail: 'This case was not open at any time in 2026-Q4',
    });
    // An earlier quarter in which it was open is fine.
    await ok(
      await send('sam', 'POST', '/api/file-reviews', {
        caseId: ariCases.closedInSeptember.id,
        period: '2026-Q3',
      }),
      201,
    );
  });
});

describe('a review, its answers and its corrective actions', () => {
  let reviewId: string;
  let action: CorrectiveActionResponse;
  const answer = (i: number, result: string, comment?: string) => ({
    itemId: items[i]?.id,
    result,
    ...(comment === undefined ? {} : { comment }),
  });

  beforeAll(async () => {
    const row = await t.db
      .selectFrom('file_reviews')
      .select('id')
      .where('case_id', '=', ariCases.risky.id)
      .executeTakeFirstOrThrow();
    reviewId = row.id;
  });

  it('is seen by the practitioner and the team’s supervisors, and by nobody else', async () => {
    const own = await ok<FileReviewResponse>(await send('ari', 'GET', `/api/file-reviews/${reviewId}`));
    expect(own).toMatchObject({
      status: 'due',
      canReview: false,
      answered: 0,
      itemsToAnswer: 6,
      case: { reference: ariCases.risky.reference },
    });
    expect(own.checklist.map((c) => c.answer)).toEqual([null, null, null, null, null, null]);
    expect(
      (await ok<FileReviewResponse>(await send('sam', 'GET', `/api/file-reviews/${reviewId}`))).canReview,
    ).toBe(true);
    for (const who of ['bo', 'bea', 'cy', 'ada', 'stranger'] as const) {
      expect((await send(who, 'GET', `/api/file-reviews/${reviewId}`)).json(), who).toMatchObject({
        status: 404,
        code: 'NOT_FOUND',
      });
    }
    const mine = await ok<FileReviewListResponse>(
      await send('ari', 'GET', '/api/file-reviews?period=2026-Q4'),
    );
    expect(mine.reviews.map((r) => r.practitioner.id)).toEqual([users.ari.id, users.ari.id, users.ari.id]);
    const team = await ok<FileReviewListResponse>(
      await send('sam', 'GET', '/api/file-reviews?status=due&period=2026-Q4'),
    );
    expect(new Set(team.reviews.map((r) => r.practitioner.id))).toEqual(new Set([users.ari.id, users.bo.id]));
    const bea = await ok<FileReviewListResponse>(await send('bea', 'GET', '/api/file-reviews'));
    expect(bea.reviews.map((r) => r.practitioner.id)).toEqual([users.cy.id]);
    expect((await ok<FileReviewListResponse>(await send('ada', 'GET', '/api/file-reviews'))).reviews).toEqual(
      [],
    );
    const audited = await auditOf(reviewId);
    expect(audited.filter((e) => e.action === 'file-review.viewed').map((e) => e.actor_id)).toEqual([
      users.ari.id,
      users.sam.id,
    ]);
  });

  it('is answered by the team’s supervisor only, with a comment for every item not met', async () => {
    expect(
      (await send('ari', 'PUT', `/api/file-reviews/${reviewId}/answers`, { answers: [answer(0, 'met')] }))
        .statusCode,
    ).toBe(403);
    expect(
      (await send('bea', 'PUT', `/api/file-reviews/${reviewId}/answers`, { answers: [answer(0, 'met')] }))
        .statusCode,
    ).toBe(404);
    const noComment = await send('sam', 'PUT', `/api/file-reviews/${reviewId}/answers`, {
      answers: [answer(0, 'met'), answer(1, 'not-met')],
    });
    expect(noComment.json()).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      field: 'answers.1.comment',
    });
    const saved = await ok<FileReviewResponse>(
      await send('sam', 'PUT', `/api/file-reviews/${reviewId}/answers`, {
        answers: [
          answer(0, 'met'),
          answer(1, 'not-met', 'The hearing date has no source'),
          answer(2, 'not-applicable'),
        ],
      }),
    );
    expect(saved).toMatchObject({ answered: 3, reviewer: { id: users.sam.id } });
    expect(saved.checklist[1]).toMatchObject({
      label: 'Key dates are recorded with their source',
      answer: { result: 'not-met', comment: 'The hearing date has no source' },
    });
  });

  it('cannot be completed until every item is answered, and says which are missing', async () => {
    const early = await send('sam', 'POST', `/api/file-reviews/${reviewId}/complete`, {});
    const problem = early.json();
    expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', field: `items.${items[3]?.id}` });
    expect(problem.missingItems.map((m: { key: string }) => m.key)).toEqual([
      'next-steps-agreed',
      'priority-rationale',
      'consent-recorded',
    ]);
    expect(problem.errors).toHaveLength(3);
    await ok(
      await send('sam', 'PUT', `/api/file-reviews/${reviewId}/answers`, {
        answers: [answer(3, 'met'), answer(4, 'met'), answer(5, 'not-met', 'No consent to refer recorded')],
      }),
    );
    const done = await ok<FileReviewResponse>(
      await send('sam', 'POST', `/api/file-reviews/${reviewId}/complete`, {
        summary: 'Good file; two gaps.',
      }),
    );
    expect(done).toMatchObject({ status: 'completed', summary: 'Good file; two gaps.', answered: 6 });
    expect(
      (
        await send('sam', 'PUT', `/api/file-reviews/${reviewId}/answers`, {
          answers: [answer(0, 'not-applicable')],
        })
      ).json(),
    ).toMatchObject({
      status: 409,
      code: 'CONFLICT',
    });
  });

  it('raises a corrective action due in 28 days, still open on the due day and overdue the day after', async () => {
    expect(
      (await send('ari', 'POST', `/api/file-reviews/${reviewId}/corrective-actions`, { description: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await send('sam', 'POST', `/api/file-reviews/${reviewId}/corrective-actions`, {
          description: 'x',
          assignedTo: users.cy.id,
        })
      ).json(),
    ).toMatchObject({ status: 400, field: 'assignedTo' });
    action = await ok<CorrectiveActionResponse>(
      await send('sam', 'POST', `/api/file-reviews/${reviewId}/corrective-actions`, {
        itemId: items[1]?.id,
        description: 'Record the source of the hearing date',
      }),
      201,
    );
    expect(action).toMatchObject({
      dueOn: '2026-12-08',
      state: 'open',
      stateWords: 'Open: due in 28 days (8 Dec 2026)',
      assignedTo: { id: users.ari.id },
      item: { id: items[1]?.id, label: 'Key dates are recorded with their source' },
    });

    await advanceDays(28); // Tuesday 8 December: the due day itself
    const onTheDay = await ok<CorrectiveActionListResponse>(
      await send('ari', 'GET', '/api/corrective-actions'),
    );
    expect(onTheDay.today).toBe('2026-12-08');
    expect(onTheDay.correctiveActions.map((a) => [a.id, a.state, a.stateWords])).toEqual([
      [action.id, 'open', 'Open: due today (8 Dec 2026)'],
    ]);
    expect(
      (
        await ok<CorrectiveActionListResponse>(
          await send('sam', 'GET', '/api/corrective-actions?state=overdue'),
        )
      ).correctiveActions,
    ).toEqual([]);

    await advanceDays(1); // Wednesday 9 December
    const overdue = await ok<CorrectiveActionListResponse>(
      await send('sam', 'GET', '/api/corrective-actions?state=overdue'),
    );
    expect(overdue.correctiveActions.map((a) => [a.id, a.daysOverdue, a.stateWords])).toEqual([
      [action.id, 1, 'Overdue by 1 day: it was due on 8 Dec 2026'],
    ]);
    const review = await ok<FileReviewResponse>(await send('ari', 'GET', `/api/file-reviews/${reviewId}`));
    expect(review.correctiveActions).toEqual({ open: 0, overdue: 1, awaitingVerification: 0, verified: 0 });
    expect(review.correctiveActionList[0]).toMatchObject({
      id: action.id,
      state: 'overdue',
      stateLabel: 'Overdue',
    });
    // Another team's supervisor and colleagues see nothing of it.
    for (const who of ['bea', 'bo'] as const) {
      expect(
        (await ok<CorrectiveActionListResponse>(await send(who, 'GET', '/api/corrective-actions')))
          .correctiveActions,
      ).toEqual([]);
    }
  });

  it('is done by the assignee, then verified by a supervisor who is not the assignee', async () => {
    expect(
      (await send('sam', 'POST', `/api/corrective-actions/${action.id}/verify`, { note: 'Too soon' })).json(),
    ).toMatchObject({
      status: 409,
      code: 'CONFLICT',
    });
    expect(
      (await send('sam', 'POST', `/api/corrective-actions/${action.id}/done`, { note: 'Not mine' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await send('bo', 'POST', `/api/corrective-actions/${action.id}/done`, { note: 'Not mine' }))
        .statusCode,
    ).toBe(404);
    expect((await send('ari', 'POST', `/api/corrective-actions/${action.id}/done`, {})).json()).toMatchObject(
      { status: 400, field: 'note' },
    );
    const done = await ok<CorrectiveActionResponse>(
      await send('ari', 'POST', `/api/corrective-actions/${action.id}/done`, {
        note: 'Source added: the tribunal’s letter of 2 Nov',
      }),
    );
    expect(done).toMatchObject({
      state: 'awaiting-verification',
      stateWords: 'Done on 9 Dec 2026 (1 day after it was due); awaiting verification by a supervisor',
    });
    // The assignee cannot verify their own action (an adviser: the route's policy).
    expect(
      (await send('ari', 'POST', `/api/corrective-actions/${action.id}/verify`, { note: 'Mine' })).statusCode,
    ).toBe(403);
    expect(
      (await send('bea', 'POST', `/api/corrective-actions/${action.id}/verify`, { note: 'Other team' }))
        .statusCode,
    ).toBe(404);
    const verified = await ok<CorrectiveActionResponse>(
      await send('sam', 'POST', `/api/corrective-actions/${action.id}/verify`, {
        note: 'Checked the key date record',
      }),
    );
    expect(verified).toMatchObject({
      state: 'verified',
      verifiedBy: { id: users.sam.id },
      verificationNote: 'Checked the key date record',
    });
    expect((await auditOf(action.id)).map((e) => [e.action, e.actor_id])).toEqual([
      ['corrective-action.raised', users.sam.id],
      ['access.denied', users.sam.id], // Sam tried to mark Ari's action done
      ['corrective-action.done', users.ari.id],
      ['corrective-action.verified', users.sam.id],
    ]);
  });

  it('never lets a supervisor verify an action assigned to themself', async () => {
    const own = await ok<CorrectiveActionResponse>(
      await send('sam', 'POST', `/api/file-reviews/${reviewId}/corrective-actions`, {
        description: 'Brief the team on consent records',
        assignedTo: users.sam.id,
      }),
      201,
    );
    expect(own.dueOn).toBe('2027-01-06'); // 28 days after 9 December
    await ok(
      await send('sam', 'POST', `/api/corrective-actions/${own.id}/done`, {
        note: 'Briefed at the team meeting',
      }),
    );
    const refused = await send('sam', 'POST', `/api/corrective-actions/${own.id}/verify`, { note: 'Mine' });
    expect(refused.json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(refused.json().detail).toContain('You cannot verify an action assigned to you');
    await ok(await send('sue', 'POST', `/api/corrective-actions/${own.id}/verify`, { note: 'I was there' }));
    const denial = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('org_id', '=', orgId)
      .where('action', '=', 'access.denied')
      .where('entity_id', '=', own.id)
      .executeTakeFirstOrThrow();
    expect(denial.details).toEqual({ policy: 'corrective-action.verify' });
  });

  it('audits each step of the review with ids and counts only, never the comments', async () => {
    const events = await auditOf(reviewId);
    const actions = events.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'file-review.selected',
        'file-review.viewed',
        'file-review.answered',
        'file-review.completed',
      ]),
    );
    const completed = events.find((e) => e.action === 'file-review.completed');
    expect(completed?.details).toEqual({
      caseId: ariCases.risky.id,
      met: 3,
      notMet: 2,
      notApplicable: 1,
      summary: true,
    });
    expect(JSON.stringify(events)).not.toContain('hearing date');
    expect(JSON.stringify(events)).not.toContain('Good file');
  });
});

describe('the annual report', () => {
  beforeAll(async () => {
    // A second completed review: one of Bo's, every item met.
    const bo = await t.db
      .selectFrom('file_reviews')
      .select('id')
      .where('practitioner_id', '=', users.bo.id)
      .where('period', '=', '2026-Q4')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await ok(
      await send('sue', 'PUT', `/api/file-reviews/${bo.id}/answers`, {
        answers: items.map((i) => ({ itemId: i.id, result: 'met' })),
      }),
    );
    await ok(await send('sue', 'POST', `/api/file-reviews/${bo.id}/complete`, {}));
  });

  it('counts each item’s answers in the year’s completed reviews, as the tests answered them', async () => {
    const report = await ok<FileReviewReportResponse>(
      await send('sam', 'GET', '/api/file-reviews/report?year=2026'),
    );
    expect(report).toMatchObject({
      year: 2026,
      scope: 'teams',
      teams: [{ id: teamA, name: 'Benefits' }],
      reviews: 2,
    });
    expect(report.items.map((i) => [i.key, i.met, i.notMet, i.notApplicable, i.percentMet])).toEqual([
      ['notes-contemporaneous', 2, 0, 0, 100],
      ['key-dates-recorded', 1, 1, 0, 50],
      ['advice-confirmed', 1, 0, 1, 100],
      ['next-steps-agreed', 2, 0, 0, 100],
      ['priority-rationale', 2, 0, 0, 100],
      ['consent-recorded', 1, 1, 0, 50],
    ]);
    expect(report.percentMet).toBe(82); // 9 met of 11 applicable
    expect(report.practitioners.map((p) => [p.practitioner.displayName, p.reviews, p.percentMet])).toEqual([
      ['Ari Adviser', 1, 60],
      ['Bo Adviser', 1, 100],
    ]);
    expect(report.correctiveActions).toEqual({
      raised: 2,
      open: 0,
      overdue: 0,
      awaitingVerification: 0,
      verified: 2,
    });
    // 7 reviews of the year in team A: 3 of Ari's and 3 of Bo's in Q4, 1 of Ari's in Q3; 2 completed.
    expect(report.reviewsNotCompleted).toBe(5);
  });

  it('gives admins the organisation’s figures, other teams their own, and advisers nothing', async () => {
    const admin = await ok<FileReviewReportResponse>(
      await send('ada', 'GET', '/api/file-reviews/report?year=2026'),
    );
    expect(admin).toMatchObject({ scope: 'organisation', reviews: 2, reviewsNotCompleted: 6 });
    expect(JSON.stringify(admin)).not.toContain(ariCases.risky.reference);
    const bea = await ok<FileReviewReportResponse>(
      await send('bea', 'GET', '/api/file-reviews/report?year=2026'),
    );
    expect(bea).toMatchObject({ scope: 'teams', reviews: 0, reviewsNotCompleted: 1, percentMet: null });
    expect((await send('ari', 'GET', '/api/file-reviews/report?year=2026')).statusCode).toBe(403);
    expect((await send('sam', 'GET', '/api/file-reviews/report?year=26')).json()).toMatchObject({
      status: 400,
      field: 'query.year',
    });
    const empty = await ok<FileReviewReportResponse>(
      await send('sam', 'GET', '/api/file-reviews/report?year=2025'),
    );
    expect(empty).toMatchObject({ reviews: 0, percentMet: null });
  });

  it('downloads as CSV with a header and a row per item, and as a PDF', async () => {
    const csv = await send('sam', 'GET', '/api/file-reviews/report?year=2026&format=csv');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="file-reviews-2026.csv"');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('Practitioner,Checklist item,Key,Met,Not met,Not applicable,% met of applicable');
    expect(lines[2]).toBe(
      'All practitioners,Key dates are recorded with their source,key-dates-recorded,1,1,0,50',
    );
    expect(lines).toHaveLength(1 + 6 * 3);
    expect(lines).toContain(
      'Ari Adviser,Key dates are recorded with their source,key-dates-recorded,0,1,0,0',
    );
    const pdf = await send('ada', 'GET', '/api/file-reviews/report?year=2026&format=pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const viewed = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('org_id', '=', orgId)
      .where('action', '=', 'file-review.report_viewed')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(viewed.details).toEqual({
      year: 2026,
      format: 'pdf',
      scope: 'organisation',
      teamIds: null,
      reviews: 2,
    });
  });
});
