import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/api/app.ts';
import { directOutbox } from '../../src/jobs/direct-outbox.ts';
import { systemClock } from '../../src/services/context.ts';
import { createSmtpMailer } from '../../src/services/mail/mailer.ts';
import { buildTestApp, type SignedIn, sendAs, signInAs, testConfig } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertClient, insertOrganisation, insertTeam, insertUser } from '../factories.ts';
import { eventually, startTestSmtpServer, type TestSmtpServer } from '../smtp.ts';

const t = setupTestDatabase();
const ENV = { CASELOAD_LOGIN_IP_LIMIT: '100000' };
const SECRET = 'Mrs Quillfeather rang: the possession hearing moved to Friday';

let appPromise: Promise<App> | undefined;
const getApp = () => (appPromise ??= buildTestApp(t, { env: ENV }));

let smtp: TestSmtpServer;
let mailApp: App;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
  const mail = {
    mailer: createSmtpMailer({ smtpUrl: smtp.url, from: 'Caseload <caseload@example.org>' }),
    publicUrl: 'https://caseload.example.org',
  };
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  mailApp = await buildApp(testConfig(ENV), {
    db: t.db,
    dbKind: 'external',
    clock: systemClock,
    outbox: directOutbox({ db: t.db, clock: systemClock, log: silent, mail }),
  });
});
afterAll(async () => {
  await mailApp.close();
  await smtp.close();
});

async function world(app?: App) {
  const a = app ?? (await getApp());
  const org = await insertOrganisation(t.db);
  const team = await insertTeam(t.db, { orgId: org.id, name: `Housing ${Math.random()}` });
  const owner = await insertUser(t.db, {
    orgId: org.id,
    displayName: 'Alex Owner',
    team: { id: team.id, role: 'member' },
  });
  const colleague = await insertUser(t.db, { orgId: org.id, displayName: 'Casey Colleague' });
  const second = await insertUser(t.db, {
    orgId: org.id,
    displayName: 'Bea Second',
    team: { id: team.id, role: 'member' },
  });
  const disabled = await insertUser(t.db, { orgId: org.id, displayName: 'Dee Disabled', status: 'disabled' });
  const stranger = await insertUser(t.db, {});
  const outsider = await insertUser(t.db, { orgId: org.id });
  const client = await insertClient(t.db, {
    orgId: org.id,
    createdBy: owner.id,
    legalName: 'Zebedee Quillfeather',
  });
  const theCase = await insertCase(t.db, {
    orgId: org.id,
    ownerId: owner.id,
    teamId: team.id,
    clientId: client.id,
  });
  return {
    app: a,
    org,
    team,
    owner,
    colleague,
    second,
    disabled,
    stranger,
    theCase,
    ownerSession: await signInAs(a, owner),
    colleagueSession: await signInAs(a, colleague),
    outsiderSession: await signInAs(a, outsider),
  };
}

type World = Awaited<ReturnType<typeof world>>;
const inform = (w: World, session: SignedIn, payload: object) =>
  sendAs(w.app, session, 'POST', `/api/cases/${w.theCase.id}/inform`, payload);

describe('inform colleagues', () => {
  it('notifies each chosen colleague with the message, sent by the informer, audited with ids only', async () => {
    const w = await world();
    const res = await inform(w, w.ownerSession, {
      userIds: [w.colleague.id, w.second.id],
      message: `  ${SECRET} `,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().recipients).toEqual([
      { id: w.colleague.id, displayName: 'Casey Colleague' },
      { id: w.second.id, displayName: 'Bea Second' },
    ]);

    const list = await sendAs(w.app, w.colleagueSession, 'GET', '/api/notifications');
    expect(list.json().notifications).toEqual([
      expect.objectContaining({
        kind: 'informed',
        caseId: w.theCase.id,
        caseReference: w.theCase.reference,
        message: SECRET,
        sentBy: { id: w.owner.id, displayName: 'Alex Owner' },
        emailStatus: 'none',
      }),
    ]);
    const [event] = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('org_id', '=', w.org.id)
      .where('action', '=', 'case.colleagues_informed')
      .execute();
    expect(event).toMatchObject({ actor_id: w.owner.id, entity_type: 'case', entity_id: w.theCase.id });
    expect(event?.details).toEqual({ notified: [w.colleague.id, w.second.id] });
  });

  it('shows who was told what, when, by whom and when they read it, in the case chronology and its PDF', async () => {
    const w = await world();
    await inform(w, w.ownerSession, { userIds: [w.colleague.id, w.second.id], message: SECRET });
    const chronology = async () =>
      (
        await sendAs(w.app, w.ownerSession, 'GET', `/api/cases/${w.theCase.id}/chronology?kinds=notification`)
      ).json();
    const before = await chronology();
    expect(before.entries).toEqual([
      expect.objectContaining({
        kind: 'notification',
        title: 'Message from a colleague sent to Bea Second and Casey Colleague',
        detail: SECRET,
        by: 'Alex Owner',
        notification: {
          kind: 'informed',
          recipients: [
            { name: 'Bea Second', readAt: null },
            { name: 'Casey Colleague', readAt: null },
          ],
        },
      }),
    ]);
    const [n] = (await sendAs(w.app, w.colleagueSession, 'GET', '/api/notifications')).json().notifications;
    await sendAs(w.app, w.colleagueSession, 'POST', `/api/notifications/${n.id}/read`);
    const after = await chronology();
    expect(after.entries[0].notification.recipients[1]).toEqual({
      name: 'Casey Colleague',
      readAt: expect.any(String),
    });
    const pdf = await sendAs(w.app, w.ownerSession, 'GET', `/api/cases/${w.theCase.id}/chronology.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });

  it('refuses unknown people, people of another organisation and disabled accounts, naming the field', async () => {
    const w = await world();
    for (const id of ['00000000-0000-4000-8000-000000000000', w.stranger.id, w.disabled.id]) {
      const res = await inform(w, w.ownerSession, { userIds: [w.colleague.id, id], message: 'Hello' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'USER_NOT_FOUND', field: 'userIds.1' });
    }
    expect(
      await t.db.selectFrom('notifications').selectAll().where('user_id', '=', w.colleague.id).execute(),
    ).toEqual([]);
  });

  it('refuses an empty or too long message, no colleagues, too many, repeats and only yourself', async () => {
    const w = await world();
    const cases: [object, string][] = [
      [{ userIds: [w.colleague.id], message: '' }, 'message'],
      [{ userIds: [w.colleague.id], message: '   ' }, 'message'],
      [{ userIds: [w.colleague.id], message: 'x'.repeat(1001) }, 'message'],
      [{ userIds: [w.colleague.id] }, 'message'],
      [{ userIds: [], message: 'Hello' }, 'userIds'],
      [{ userIds: Array.from({ length: 21 }, () => crypto.randomUUID()), message: 'Hello' }, 'userIds'],
      [{ userIds: [w.colleague.id, w.colleague.id], message: 'Hello' }, 'userIds'],
      [{ userIds: ['not-a-uuid'], message: 'Hello' }, 'userIds.0'],
      [{ userIds: [w.owner.id], message: 'Hello' }, 'userIds'],
    ];
    for (const [payload, field] of cases) {
      const res = await inform(w, w.ownerSession, payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
  });

  it('is for those who may contribute to the case: others get 404, as if it did not exist', async () => {
    const w = await world();
    const res = await inform(w, w.outsiderSession, { userIds: [w.colleague.id], message: 'Hello' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('CASE_NOT_FOUND');
  });

  it('lists the active people of the organisation one may inform, with their teams, without oneself', async () => {
    const w = await world();
    const res = await sendAs(w.app, w.ownerSession, 'GET', `/api/cases/${w.theCase.id}/colleagues`);
    expect(res.statusCode).toBe(200);
    const colleagues = res.json().colleagues as { id: string; displayName: string; teams: unknown[] }[];
    const ids = colleagues.map((c) => c.id);
    expect(ids).toContain(w.colleague.id);
    expect(ids).not.toContain(w.owner.id);
    expect(ids).not.toContain(w.disabled.id);
    expect(ids).not.toContain(w.stranger.id);
    expect(colleagues.find((c) => c.id === w.second.id)).toEqual({
      id: w.second.id,
      displayName: 'Bea Second',
      teams: [{ id: w.team.id, name: w.team.name }],
    });
    const denied = await sendAs(w.app, w.outsiderSession, 'GET', `/api/cases/${w.theCase.id}/colleagues`);
    expect(denied.statusCode).toBe(404);
  });

  it('e-mails the colleague when e-mail is on, naming the case and the sender but not the message', async () => {
    const w = await world(mailApp);
    const res = await inform(w, w.ownerSession, { userIds: [w.colleague.id], message: SECRET });
    expect(res.statusCode).toBe(201);
    const [mail] = await smtp.waitFor((m) => m.to.includes(w.colleague.email));
    expect(mail?.subject).toBe(`${w.theCase.reference}: message from a colleague`);
    expect(mail?.text).toContain(`Alex Owner sent you a message about ${w.theCase.reference}`);
    expect(mail?.text).toContain(`https://caseload.example.org/cases/${w.theCase.id}`);
    expect(`${mail?.subject}${mail?.text}${mail?.html}`).not.toContain('Quillfeather');
    expect(`${mail?.text}${mail?.html}`).not.toContain('possession');
    const status = await eventually(async () => {
      const row = await t.db
        .selectFrom('notifications')
        .select('email_status')
        .where('user_id', '=', w.colleague.id)
        .executeTakeFirst();
      return row?.email_status === 'sent' ? row.email_status : undefined;
    }, 'the notification to be marked sent');
    expect(status).toBe('sent');
    expect(smtp.to(w.colleague.email)).toHaveLength(1);
  });
});
