import { describe, expect, it } from 'vitest';
import type { App } from '../../src/api/app.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs, TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertClient, insertOrganisation, insertTeam, insertUser } from '../factories.ts';

const t = setupTestDatabase();
const clock = new TestClock(new Date('2026-11-24T10:00:00Z'));
let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { clock, env: { CASELOAD_LOGIN_IP_LIMIT: '100000' } }));

const send = async (session: SignedIn, url: string) => sendAs(await getApp(), session, 'GET', url);
const PERIOD = '/api/evidence-pack?from=2026-10-01&to=2026-10-31';

async function world() {
  const org = await insertOrganisation(t.db);
  const teamA = await insertTeam(t.db, { orgId: org.id });
  const teamB = await insertTeam(t.db, { orgId: org.id });
  const adviserA = await insertUser(t.db, {
    orgId: org.id,
    displayName: 'Ari Adviser',
    team: { id: teamA.id, role: 'member' },
  });
  const adviserB = await insertUser(t.db, { orgId: org.id, team: { id: teamB.id, role: 'member' } });
  const supervisor = await insertUser(t.db, {
    orgId: org.id,
    displayName: 'Sam Supervisor',
    roles: ['supervisor'],
    totp: true,
    team: { id: teamA.id, role: 'supervisor' },
  });
  const admin = await insertUser(t.db, { orgId: org.id, roles: ['admin'], totp: true });
  const auditor = await insertUser(t.db, { orgId: org.id, roles: ['auditor'] });
  const clientA = await insertClient(t.db, {
    orgId: org.id,
    createdBy: adviserA.id,
    legalName: 'Zelda Quince',
  });
  const caseA = await insertCase(t.db, {
    orgId: org.id,
    ownerId: adviserA.id,
    teamId: teamA.id,
    clientId: clientA.id,
  });
  const caseB = await insertCase(t.db, { orgId: org.id, ownerId: adviserB.id, teamId: teamB.id });
  const keyDate = (caseId: string, due: string, status: 'pending' | 'met') =>
    t.db
      .insertInto('key_dates')
      .values({
        org_id: org.id,
        case_id: caseId,
        kind: 'hearing',
        due_date: due,
        description: 'Tribunal hearing',
        status,
        created_by: adviserA.id,
      })
      .execute();
  await keyDate(caseA.id, '2026-10-05', 'met');
  await keyDate(caseA.id, '2026-10-10', 'pending'); // passed, still pending: missed
  await keyDate(caseA.id, '2026-12-10', 'pending'); // outside the period
  await keyDate(caseB.id, '2026-10-06', 'met');

  const review = await t.db
    .insertInto('file_reviews')
    .values({
      org_id: org.id,
      case_id: caseA.id,
      practitioner_id: adviserA.id,
      period: '2026-10',
      selection: 'random',
      status: 'completed',
      reviewer_id: supervisor.id,
      selected_by: supervisor.id,
      selected_at: new Date('2026-10-02T09:00:00Z'),
      completed_at: new Date('2026-10-20T09:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const items = await t.db
    .selectFrom('file_review_items')
    .select(['id', 'label'])
    .where('org_id', '=', org.id)
    .limit(3)
    .execute();
  const results = ['met', 'met', 'not-met'] as const;
  for (const [i, item] of items.entries()) {
    await t.db
      .insertInto('file_review_answers')
      .values({
        org_id: org.id,
        file_review_id: review.id,
        item_id: item.id,
        item_label: item.label,
        result: results[i] ?? 'met',
        comment: null,
      })
      .execute();
  }
  await t.db
    .insertInto('corrective_actions')
    .values({
      org_id: org.id,
      file_review_id: review.id,
      item_id: items[2]?.id ?? null,
      description: 'Confirm advice in writing',
      assigned_to: adviserA.id,
      due_on: '2026-11-01',
      done_at: new Date('2026-10-25T09:00:00Z'),
      created_by: supervisor.id,
      created_at: new Date('2026-10-20T09:00:00Z'),
    })
    .execute();

  const caseloadReview = (completedAt: string, next: string) =>
    t.db
      .insertInto('caseload_reviews')
      .values({
        org_id: org.id,
        practitioner_id: adviserA.id,
        supervisor_id: supervisor.id,
        status: 'completed',
        started_at: new Date(completedAt),
        completed_at: new Date(completedAt),
        snapshot: '{}',
        next_review_on: next,
      })
      .execute();
  await caseloadReview('2026-09-01T10:00:00Z', '2026-10-01');
  await caseloadReview('2026-10-03T10:00:00Z', '2026-10-31'); // due 1 Oct: late
  await caseloadReview('2026-10-30T10:00:00Z', '2026-11-30'); // due 31 Oct: on time

  const app = await getApp();
  return {
    org,
    caseA,
    caseB,
    s: {
      adviser: await signInAs(app, adviserA, { clock }),
      supervisor: await signInAs(app, supervisor, { clock }),
      admin: await signInAs(app, admin, { clock }),
      auditor: await signInAs(app, auditor, { clock }),
    },
  };
}

describe('the quality-mark evidence pack', () => {
  it('gives a supervisor their teams’ register, file reviews, supervision and timescales as CSV, audited', async () => {
    const { org, caseA, caseB, s } = await world();
    const res = await send(s.supervisor, `${PERIOD}&format=csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('evidence-pack-2026-10-01-to-2026-10-31.csv');
    const csv = res.body;
    expect(csv).toContain('Key dates: counts\nmet,missed,pending,cancelled\n1,1,0,0\n');
    expect(csv).toContain(`${caseA.reference},hearing,2026-10-10,pending,missed`);
    expect(csv).not.toContain(caseB.reference);
    expect(csv).not.toContain('2026-12-10');
    expect(csv).toContain(
      `${caseA.reference},Ari Adviser,Sam Supervisor,2026-10,random,completed,2026-10-20,2,1,0,1,1,0`,
    );
    expect(csv).toContain(
      'Supervision: caseload reviews held\npractitioner,held,on time,late\nAri Adviser,2,1,1\n',
    );
    expect(csv).toMatch(
      /Service timescales \(open cases at the time of export\)\ncases measured,within timescale,breached,percent within,breached case references\n1,[01],[01],\d+(\.\d)?,/,
    );
    expect(csv).not.toContain('Zelda');
    const [event] = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('action', '=', 'evidence_pack.exported')
      .execute();
    expect(event?.details).toMatchObject({
      from: '2026-10-01',
      to: '2026-10-31',
      format: 'csv',
      keyDates: 2,
      fileReviews: 1,
      reviews: 2,
    });
  });

  it('gives admins the whole organisation, and a PDF', async () => {
    const { caseA, caseB, s } = await world();
    const csv = (await send(s.admin, `${PERIOD}&format=csv`)).body;
    expect(csv).toContain('met,missed,pending,cancelled\n2,1,0,0\n');
    expect(csv).toContain(caseA.reference);
    expect(csv).toContain(caseB.reference);
    const pdf = await send(s.admin, `${PERIOD}&format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses advisers and auditors, and bad periods or formats with problem details', async () => {
    const { s } = await world();
    expect((await send(s.adviser, `${PERIOD}&format=csv`)).statusCode).toBe(403);
    expect((await send(s.auditor, `${PERIOD}&format=csv`)).statusCode).toBe(403);
    const backwards = await send(s.admin, '/api/evidence-pack?from=2026-10-31&to=2026-10-01&format=csv');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([expect.objectContaining({ field: 'query.to' })]);
    const format = await send(s.admin, `${PERIOD}&format=xlsx`);
    expect(format.statusCode).toBe(400);
    expect(format.json().code).toBe('VALIDATION_FAILED');
  });
});
