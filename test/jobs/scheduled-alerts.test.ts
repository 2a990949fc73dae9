/**
 * Scheduled work end to end on a real PostgreSQL and a real SMTP server started here: key-date
 * reminders and escalations, e-mailed once whatever the number of workers, and the daily
 * re-assessment claimed once per organisation and day.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startJobQueue } from '../../src/jobs/queue.ts';
import { type MailDelivery, runTick, type TickDeps } from '../../src/jobs/tick.ts';
import { createSmtpMailer } from '../../src/services/mail/mailer.ts';
import type { ReassessOpenCases } from '../../src/services/scheduled/run-daily-reassessment.ts';
import { createDb, type Db } from '../../src/store/db.ts';
import { TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertClient, insertOrganisation, insertTeam, insertUser } from '../factories.ts';
import { eventually, startTestSmtpServer, type TestSmtpServer } from '../smtp.ts';

const t = setupTestDatabase();
let smtp: TestSmtpServer;
let otherPool: Db;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  otherPool = createDb({ url: t.url, poolSize: 5 });
});
afterAll(async () => {
  await otherPool.destroy();
  await smtp.close();
});

const CLIENT_NAME = 'Zebedee Quillfeather';
const PUBLIC_URL = 'https://caseload.example.org';
/** Monday 4 January 2027, 09:00 in London. */
const MONDAY = new Date('2027-01-04T09:00:00Z');

const mail = (): MailDelivery => ({
  mailer: createSmtpMailer({ smtpUrl: smtp.url, from: 'Caseload <caseload@example.org>' }),
  publicUrl: PUBLIC_URL,
});

/** A stand-in for the daily re-assessment that records which organisations it ran for. */
function recordingReassess() {
  const calls: string[] = [];
  const reassess: ReassessOpenCases = async (_ctx, orgId, trigger) => {
    expect(trigger).toBe('daily');
    calls.push(orgId);
    return { assessed: 0, changed: 0 };
  };
  return { calls, reassess };
}

const worker = (db: Db, over: Partial<TickDeps> = {}): TickDeps => ({
  db,
  clock: new TestClock(MONDAY),
  mail: mail(),
  reassess: recordingReassess().reassess,
  ...over,
});

async function world() {
  const org = await insertOrganisation(t.db);
  const team = await insertTeam(t.db, { orgId: org.id });
  const otherTeam = await insertTeam(t.db, { orgId: org.id });
  const owner = await insertUser(t.db, { orgId: org.id, team: { id: team.id, role: 'member' } });
  const supervisor = await insertUser(t.db, {
    orgId: org.id,
    roles: ['adviser', 'supervisor'],
    team: { id: team.id, role: 'supervisor' },
  });
  const otherSupervisor = await insertUser(t.db, {
    orgId: org.id,
    roles: ['adviser', 'supervisor'],
    team: { id: otherTeam.id, role: 'supervisor' },
  });
  const client = await insertClient(t.db, { orgId: org.id, createdBy: owner.id, legalName: CLIENT_NAME });
  // Opened just before the tests' Monday, so its service timescales are not breached (see below).
  const newCase = async (openedAt = new Date(MONDAY.getTime() - 3_600_000)) => {
    const c = await insertCase(t.db, {
      orgId: org.id,
      ownerId: owner.id,
      teamId: team.id,
      clientId: client.id,
    });
    await sql`UPDATE cases SET opened_at = ${openedAt}, last_attention_at = ${openedAt} WHERE id = ${c.id}`.execute(
      t.db,
    );
    return c;
  };
  return { org, team, owner, supervisor, otherSupervisor, theCase: await newCase(), newCase };
}

async function addKeyDate(
  c: { id: string; org_id: string; owner_id: string },
  dueDate: string,
  kind: 'hearing' | 'appeal-deadline' = 'hearing',
) {
  return t.db
    .insertInto('key_dates')
    .values({
      org_id: c.org_id,
      case_id: c.id,
      kind,
      due_date: dueDate,
      due_time: null,
      description: `Tribunal hearing for ${CLIENT_NAME}`,
      source: null,
      status_note: null,
      created_by: c.owner_id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

const notificationsOf = (userId: string) =>
  t.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();

const everything = (m: { subject: string; text: string; html: string }) => m.subject + m.text + m.html;

describe('key-date reminders', () => {
  it('e-mails the owner once about a key date 5 working days away, with the case reference and no client name', async () => {
    const w = await world();
    const k = await addKeyDate(w.theCase, '2027-01-11', 'appeal-deadline');
    const deps = worker(t.db);

    const first = await runTick(deps);
    expect(first.failures).toBe(0);
    await runTick(deps);

    const [received] = await smtp.waitFor((m) => m.to.includes(w.owner.email));
    expect(received?.subject).toBe(`${w.theCase.reference}: key date reminder`);
    expect(received?.text).toContain(
      `Key date on ${w.theCase.reference}: appeal deadline in 5 working days (Mon 11 Jan).`,
    );
    expect(received?.text).toContain(`${PUBLIC_URL}/cases/${w.theCase.id}`);
    expect(received?.html).toContain(`href="${PUBLIC_URL}/cases/${w.theCase.id}"`);
    expect(everything(received ?? { subject: '', text: '', html: '' })).not.toContain('Quillfeather');
    expect(everything(received ?? { subject: '', text: '', html: '' })).not.toContain('Tribunal hearing for');
    expect(smtp.to(w.owner.email)).toHaveLength(1);
    expect(smtp.to(w.supervisor.email)).toHaveLength(0);

    const [notification, ...more] = await notificationsOf(w.owner.id);
    expect(more).toEqual([]);
    expect(notification).toMatchObject({
      kind: 'key-date-reminder',
      case_id: w.theCase.id,
      sent_by: null,
      email_status: 'sent',
      email_attempts: 1,
    });
    expect(notification?.emailed_at).toBeInstanceOf(Date);
    const alerts = await t.db.selectFrom('alerts_sent').selectAll().where('org_id', '=', w.org.id).execute();
    expect(alerts.map((a) => [a.kind, a.subject_key])).toEqual([
      ['key-date-reminder', `${k.id}:2027-01-11:5`],
    ]);
    const [event] = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('org_id', '=', w.org.id)
      .where('action', '=', 'alert.key_date_reminder')
      .execute();
    expect(event).toMatchObject({ actor_id: null, entity_type: 'key_date', entity_id: k.id });
    expect(event?.details).toEqual({
      caseId: w.theCase.id,
      dueDate: '2027-01-11',
      leadDays: 5,
      notified: [w.owner.id],
    });
  });

  it('sends the next reminder when the next lead time is reached, and one for a date added the day before', async () => {
    const w = await world();
    await addKeyDate(w.theCase, '2027-01-11');
    const later = await w.newCase();
    await addKeyDate(later, '2027-01-05');
    const clock = new TestClock(MONDAY);
    const deps = worker(t.db, { clock });
    await runTick(deps);
    // Mon 4 Jan: the 5-day reminder of the first date, the 1-day reminder (only) of the second.
    const monday = (await notificationsOf(w.owner.id)).map((n) => n.message);
    expect(monday).toHaveLength(2);
    expect(monday).toContain(`Key date on ${w.theCase.reference}: hearing in 5 working days (Mon 11 Jan).`);
    expect(monday).toContain(`Key date on ${later.reference}: hearing in 1 working day (Tue 5 Jan).`);
    // The last reminder before a date also goes to the team's supervisors (the backup diary).
    expect((await notificationsOf(w.supervisor.id)).map((n) => n.message)).toEqual([
      `Key date on ${later.reference}: hearing in 1 working day (Tue 5 Jan).`,
    ]);

    clock.advance(3 * 86_400_000); // Thu 7 Jan: 2 working days left of the first; the second passed
    await runTick(deps);
    await runTick(deps);
    const thursday = (await notificationsOf(w.owner.id)).map((n) => n.message);
    expect(thursday).toHaveLength(4);
    expect(thursday.slice(2).sort()).toEqual([
      `Key date missed on ${later.reference}: the hearing of Tue 5 Jan has passed and is still pending.`,
      `Key date on ${w.theCase.reference}: hearing in 2 working days (Mon 11 Jan).`,
    ]);
  });
});

describe('missed key dates', () => {
  it('escalate to the owner and the supervisors of the case’s team, once', async () => {
    const w = await world();
    const k = await addKeyDate(w.theCase, '2026-12-31');
    const deps = worker(t.db);
    await runTick(deps);
    await runTick(deps);

    const [toSupervisor] = await smtp.waitFor((m) => m.to.includes(w.supervisor.email));
    expect(toSupervisor?.subject).toBe(`${w.theCase.reference}: key date missed`);
    expect(toSupervisor?.text).toContain(
      `Key date missed on ${w.theCase.reference}: the hearing of Thu 31 Dec 2026 has passed and is still pending.`,
    );
    expect(everything(toSupervisor ?? { subject: '', text: '', html: '' })).not.toContain('Quillfeather');
    await smtp.waitFor((m) => m.to.includes(w.owner.email));
    expect(smtp.to(w.supervisor.email)).toHaveLength(1);
    expect(smtp.to(w.owner.email)).toHaveLength(1);
    expect(smtp.to(w.otherSupervisor.email)).toHaveLength(0);
    expect((await notificationsOf(w.supervisor.id)).map((n) => n.kind)).toEqual(['key-date-missed']);
    const alerts = await t.db.selectFrom('alerts_sent').selectAll().where('org_id', '=', w.org.id).execute();
    expect(alerts.map((a) => [a.kind, a.subject_key])).toEqual([['key-date-missed', `${k.id}:2026-12-31`]]);
  });

  it('leave alone dates that are met, cancelled or of closed cases', async () => {
    const w = await world();
    const met = await addKeyDate(w.theCase, '2026-12-30');
    await t.db.updateTable('key_dates').set({ status: 'met' }).where('id', '=', met.id).execute();
    const closed = await w.newCase();
    await addKeyDate(closed, '2026-12-30');
    await t.db
      .updateTable('cases')
      .set({
        status: 'closed',
        outcome: 'resolved',
        closure_reason: 'Appeal won',
        closed_at: new Date('2026-12-31T12:00:00Z'),
      })
      .where('id', '=', closed.id)
      .execute();
    await runTick(worker(t.db));
    expect(await notificationsOf(w.owner.id)).toEqual([]);
    expect(await notificationsOf(w.supervisor.id)).toEqual([]);
  });
});

describe('service timescale breaches', () => {
  it('are told to the owner and the team’s supervisors once, naming the case and the timescale', async () => {
    const w = await world();
    // Opened Mon 21 Dec 2026 and never contacted: first contact (5 working days for a green case,
    // over Christmas) was due by Wed 30 Dec.
    const late = await w.newCase(new Date('2026-12-21T10:00:00Z'));
    const deps = worker(t.db);
    await runTick(deps);
    const second = await runTick(deps);
    expect(second.failures).toBe(0);
    const [toSupervisor] = await smtp.waitFor((m) => m.to.includes(w.supervisor.email));
    expect(toSupervisor?.subject).toBe(`${late.reference}: service timescale breached`);
    expect(toSupervisor?.text).toContain(
      `Service timescale breached on ${late.reference}: first contact with the client was due by Wed 30 Dec 2026 (5 working days).`,
    );
    await smtp.waitFor((m) => m.to.includes(w.owner.email));
    expect(smtp.to(w.owner.email)).toHaveLength(1);
    expect(smtp.to(w.supervisor.email)).toHaveLength(1);
    const alerts = await t.db.selectFrom('alerts_sent').selectAll().where('org_id', '=', w.org.id).execute();
    expect(alerts.map((a) => [a.kind, a.subject_key])).toEqual([
      ['timescale-breached', `${late.id}:first-contact:2026-12-30`],
    ]);
  });
});

describe('two workers', () => {
  it('running the tick at the same time, twice each, send every reminder and escalation exactly once', async () => {
    const w = await world();
    const cases = [w.theCase, await w.newCase(), await w.newCase()];
    for (const c of cases) await addKeyDate(c, '2027-01-11');
    await addKeyDate(w.theCase, '2026-12-31');
    const daily = recordingReassess();
    const one = worker(t.db, { reassess: daily.reassess });
    const two = worker(otherPool, { reassess: daily.reassess });

    const results = await Promise.all([runTick(one), runTick(two), runTick(one), runTick(two)]);

    expect(results.map((r) => r.failures)).toEqual([0, 0, 0, 0]);
    expect(daily.calls.filter((id) => id === w.org.id)).toHaveLength(1);
    // 3 reminders and 1 escalation to the owner, 1 escalation to the supervisor.
    await smtp.waitFor((m) => m.to.includes(w.owner.email), 4);
    await smtp.waitFor((m) => m.to.includes(w.supervisor.email), 1);
    const subjects = smtp
      .to(w.owner.email)
      .map((m) => m.subject)
      .sort();
    expect(subjects).toEqual(
      [
        ...cases.map((c) => `${c.reference}: key date reminder`),
        `${w.theCase.reference}: key date missed`,
      ].sort(),
    );
    expect(smtp.to(w.supervisor.email).map((m) => m.subject)).toEqual([
      `${w.theCase.reference}: key date missed`,
    ]);
    expect(await notificationsOf(w.owner.id)).toHaveLength(4);
    expect(
      (await notificationsOf(w.owner.id)).every((n) => n.email_status === 'sent' && n.email_attempts === 1),
    ).toBe(true);
  });

  it('two pg-boss job queues on one database run the tick and deliver each e-mail once', async () => {
    const w = await world();
    await addKeyDate(w.theCase, '2027-01-11');
    await addKeyDate(w.theCase, '2026-12-31');
    const errors: unknown[] = [];
    const silent = {
      info: () => undefined,
      warn: () => undefined,
      error: (o: object) => void errors.push(o),
    };
    const queues = await Promise.all(
      [t.db, otherPool].map((db) =>
        startJobQueue({ ...worker(db), log: silent, pollingIntervalSeconds: 0.5 }),
      ),
    );
    try {
      for (const q of [...queues, ...queues]) await q.triggerTick();
      await smtp.waitFor((m) => m.to.includes(w.owner.email), 2);
      await smtp.waitFor((m) => m.to.includes(w.supervisor.email), 1);
      // Every job sent so far has finished: nothing is left that could send again.
      await eventually(async () => {
        const { rows } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active')
        `.execute(t.db);
        return rows[0]?.n === 0 ? true : undefined;
      }, 'the job queues to finish');
    } finally {
      await Promise.all(queues.map((q) => q.stop()));
    }
    expect(errors).toEqual([]);
    expect(
      smtp
        .to(w.owner.email)
        .map((m) => m.subject)
        .sort(),
    ).toEqual([`${w.theCase.reference}: key date missed`, `${w.theCase.reference}: key date reminder`]);
    expect(smtp.to(w.supervisor.email)).toHaveLength(1);
  });
});

describe('the daily re-assessment', () => {
  it('runs once per organisation and day, whichever worker claims it, and again the next day', async () => {
    const w = await world();
    const daily = recordingReassess();
    const clock = new TestClock(MONDAY);
    const deps = [t.db, otherPool].map((db) => worker(db, { clock, reassess: daily.reassess }));
    await Promise.all(deps.flatMap((d) => [runTick(d), runTick(d)]));
    expect(daily.calls.filter((id) => id === w.org.id)).toHaveLength(1);
    const org = await t.db
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', w.org.id)
      .executeTakeFirst();
    expect(org?.daily_run_on).toBe('2027-01-04');

    clock.advance(86_400_000);
    await Promise.all(deps.map((d) => runTick(d)));
    expect(daily.calls.filter((id) => id === w.org.id)).toHaveLength(2);
  });

  it('gives the day back when the run fails, so the next tick tries again', async () => {
    const w = await world();
    const clock = new TestClock(new Date('2027-02-01T09:00:00Z'));
    await t.db
      .updateTable('organisations')
      .set({ daily_run_on: '2027-01-31' })
      .where('id', '=', w.org.id)
      .execute();
    let fail = true;
    const calls: string[] = [];
    const reassess: ReassessOpenCases = async (_ctx, orgId) => {
      if (orgId === w.org.id) calls.push(orgId);
      if (fail && orgId === w.org.id) throw new Error('database hiccup');
      return { assessed: 0, changed: 0 };
    };
    const failed = await runTick(worker(t.db, { clock, reassess }));
    expect(failed.failures).toBeGreaterThanOrEqual(1);
    const org = () =>
      t.db.selectFrom('organisations').select('daily_run_on').where('id', '=', w.org.id).executeTakeFirst();
    expect((await org())?.daily_run_on).toBe('2027-01-31');
    fail = false;
    await runTick(worker(t.db, { clock, reassess }));
    expect(calls).toHaveLength(2);
    expect((await org())?.daily_run_on).toBe('2027-02-01');
  });
});

describe('with e-mail off', () => {
  it('notifies in the app only: no e-mail is pending or sent', async () => {
    const w = await world();
    await addKeyDate(w.theCase, '2027-01-11');
    const { mail: _off, ...withoutMail } = worker(t.db);
    const summary = await runTick(withoutMail);
    expect(summary.emailsSent).toBe(0);
    const [n] = await notificationsOf(w.owner.id);
    expect(n).toMatchObject({ kind: 'key-date-reminder', email_status: 'none', email_attempts: 0 });
    expect(smtp.to(w.owner.email)).toEqual([]);
  });
});
