/**
 * Issue 4's "done when", end to end through the API with a real SMTP server: adding a key date 3
 * working days away turns a green case red, and the team's supervisor is e-mailed. The default
 * policy makes a key date red within 2 working days (3 days is amber there); this organisation
 * has saved a policy whose hard rule reaches 3 working days, as many advice services do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/api/app.ts';
import type { AssessmentListResponse } from '../../src/contract/assessments.ts';
import { DEFAULT_PRIORITY_POLICY } from '../../src/domain/priority/policy.ts';
import { todayIn } from '../../src/domain/time/calendar.ts';
import { addWorkingDays } from '../../src/domain/time/working-days.ts';
import { directOutbox } from '../../src/jobs/direct-outbox.ts';
import { systemClock } from '../../src/services/context.ts';
import { createSmtpMailer } from '../../src/services/mail/mailer.ts';
import { sendAs, signInAs, testConfig } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertClient, insertOrganisation, insertTeam, insertUser } from '../factories.ts';
import { eventually, startTestSmtpServer, type TestSmtpServer } from '../smtp.ts';

const t = setupTestDatabase();
let smtp: TestSmtpServer;
let app: App;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  app = await buildApp(testConfig({ CASELOAD_LOGIN_IP_LIMIT: '100000' }), {
    db: t.db,
    dbKind: 'external',
    clock: systemClock,
    outbox: directOutbox({
      db: t.db,
      clock: systemClock,
      log: silent,
      mail: {
        mailer: createSmtpMailer({ smtpUrl: smtp.url, from: 'Caseload <caseload@example.org>' }),
        publicUrl: 'https://caseload.example.org',
      },
    }),
  });
});
afterAll(async () => {
  await app.close();
  await smtp.close();
});

describe('a key date close by', () => {
  it('turns a green case red and e-mails the team’s supervisor', async () => {
    const org = await insertOrganisation(t.db);
    const team = await insertTeam(t.db, { orgId: org.id });
    const owner = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
    const supervisor = await insertUser(t.db, {
      orgId: org.id,
      email: `supervisor-${Date.now()}@example.org`,
      roles: ['adviser', 'supervisor'],
      team: { id: team.id, role: 'supervisor' },
    });
    await t.db
      .insertInto('priority_policies')
      .values({
        org_id: org.id,
        version: 1,
        policy: JSON.stringify({
          ...DEFAULT_PRIORITY_POLICY,
          rules: DEFAULT_PRIORITY_POLICY.rules.map((r) =>
            r.kind === 'deadline' ? { ...r, withinWorkingDays: 3 } : r,
          ),
        }),
        change_note: 'Key dates within 3 working days are red',
        created_by: null,
        created_at: new Date(),
      })
      .execute();
    const client = await insertClient(t.db, {
      orgId: org.id,
      createdBy: owner.id,
      legalName: 'Rowena Quillfeather',
    });
    const theCase = await insertCase(t.db, {
      orgId: org.id,
      ownerId: owner.id,
      teamId: team.id,
      clientId: client.id,
    });
    const session = await signInAs(app, owner);
    const url = `/api/cases/${theCase.id}/assessments`;

    const green = await sendAs(app, session, 'POST', url, {
      vulnerability: 1,
      impact: 'inconvenience',
      rationale: 'Client managing; wants help with the appeal form.',
    });
    expect(green.json<AssessmentListResponse>().current?.band).toBe('green');

    const threeWorkingDays = addWorkingDays(todayIn('Europe/London', new Date()), 3, 'england-and-wales');
    const added = await sendAs(app, session, 'POST', `/api/cases/${theCase.id}/key-dates`, {
      kind: 'appeal-deadline',
      dueDate: threeWorkingDays,
      description: 'Tribunal appeal deadline',
    });
    expect(added.statusCode).toBe(201);

    const { current } = (await sendAs(app, session, 'GET', url)).json<AssessmentListResponse>();
    expect(current).toMatchObject({ band: 'red', trigger: 'key-date', forcedBy: 'key-date-near-is-red' });
    expect(current?.reasons[0]).toMatch(
      /^Red: tribunal appeal deadline in 3 working days \(\w{3} \d{1,2} \w{3}\)/,
    );

    const [mail] = await smtp.waitFor((m) => m.to.includes(supervisor.email));
    expect(mail?.subject).toContain(theCase.reference);
    expect(`${mail?.subject} ${mail?.text}`).toMatch(/red/i);
    expect(mail?.text).toContain(`https://caseload.example.org/cases/${theCase.id}`);
    // Nothing about the client leaves in an e-mail.
    expect(`${mail?.subject} ${mail?.text} ${mail?.html}`).not.toContain('Quillfeather');
    // The owner added the date: they know, and are neither notified nor e-mailed.
    expect(smtp.to(owner.email)).toEqual([]);
    // The SMTP server has the message before the outbox hears back and marks it sent.
    const rows = await eventually(async () => {
      const found = await t.db
        .selectFrom('notifications')
        .select(['user_id', 'kind', 'email_status'])
        .where('case_id', '=', theCase.id)
        .execute();
      return found.every((row) => row.email_status !== 'pending') ? found : undefined;
    }, 'the notification to be marked sent');
    expect(rows).toEqual([{ user_id: supervisor.id, kind: 'turned-red', email_status: 'sent' }]);
  });
});
