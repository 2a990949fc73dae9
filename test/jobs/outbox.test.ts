/** The e-mail outbox: retries, giving up, disabled recipients, and two deliveries at once. */
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/services/context.ts';
import type { Mailer, MailMessage } from '../../src/services/mail/mailer.ts';
import {
  deliverPendingEmail,
  MAX_EMAIL_ATTEMPTS,
} from '../../src/services/notifications/deliver-pending-email.ts';
import { setupTestDatabase } from '../db.ts';
import { insertCase, insertOrganisation, insertUser } from '../factories.ts';

const t = setupTestDatabase();
const PUBLIC_URL = 'https://caseload.example.org';

/** A mailer that keeps what it is given, or fails as told; it yields between messages. */
function fakeMailer(failWith?: Error) {
  const sent: MailMessage[] = [];
  const mailer: Mailer = {
    async send(message) {
      await new Promise((r) => setTimeout(r, 5));
      if (failWith) throw failWith;
      sent.push(message);
    },
    close: () => undefined,
  };
  return { sent, mailer };
}

async function pendingNotifications(count: number, over: { status?: 'active' | 'disabled' } = {}) {
  const org = await insertOrganisation(t.db);
  const user = await insertUser(t.db, { orgId: org.id, ...(over.status ? { status: over.status } : {}) });
  const kase = await insertCase(t.db, { orgId: org.id, ownerId: user.id });
  const rows = await t.db
    .insertInto('notifications')
    .values(
      Array.from({ length: count }, (_, i) => ({
        org_id: org.id,
        user_id: user.id,
        kind: 'key-date-reminder',
        case_id: kase.id,
        message: `Key date on ${kase.reference}: reminder ${i}`,
        created_at: new Date(Date.now() - (count - i) * 1000),
        email_status: 'pending' as const,
      })),
    )
    .returning('id')
    .execute();
  return { user, kase, ids: rows.map((r) => r.id) };
}

const rowsOf = (ids: string[]) =>
  t.db.selectFrom('notifications').selectAll().where('id', 'in', ids).orderBy('created_at').execute();

describe('the outbox', () => {
  it('retries a failing e-mail on later runs and gives up after the fifth attempt, keeping the reason', async () => {
    const w = await pendingNotifications(1);
    const failing = fakeMailer(
      Object.assign(new Error('Mailbox unavailable for someone@example.org via smtp://u:secret@mail:587'), {
        responseCode: 550,
      }),
    );
    const ctx = { db: t.db, clock: systemClock };
    for (let run = 1; run < MAX_EMAIL_ATTEMPTS; run++) {
      const result = await deliverPendingEmail(ctx, { mailer: failing.mailer, publicUrl: PUBLIC_URL });
      expect(result.retrying).toBeGreaterThanOrEqual(1);
      const [row] = await rowsOf(w.ids);
      expect(row).toMatchObject({ email_status: 'pending', email_attempts: run });
    }
    await deliverPendingEmail(ctx, { mailer: failing.mailer, publicUrl: PUBLIC_URL });
    const [row] = await rowsOf(w.ids);
    expect(row).toMatchObject({
      email_status: 'failed',
      email_attempts: MAX_EMAIL_ATTEMPTS,
      emailed_at: null,
    });
    expect(row?.email_error).toContain('SMTP 550');
    expect(row?.email_error).not.toContain('secret');

    // A failed row is not tried again.
    const working = fakeMailer();
    await deliverPendingEmail(ctx, { mailer: working.mailer, publicUrl: PUBLIC_URL });
    expect(working.sent.filter((m) => m.to === w.user.email)).toEqual([]);
  });

  it('does not e-mail a disabled recipient', async () => {
    const w = await pendingNotifications(1, { status: 'disabled' });
    const mail = fakeMailer();
    await deliverPendingEmail(
      { db: t.db, clock: systemClock },
      { mailer: mail.mailer, publicUrl: PUBLIC_URL },
    );
    expect(mail.sent.filter((m) => m.to === w.user.email)).toEqual([]);
    expect((await rowsOf(w.ids))[0]).toMatchObject({ email_status: 'failed', email_attempts: 1 });
  });

  it('sends each e-mail once when two deliveries run at the same time, in batches', async () => {
    const w = await pendingNotifications(45);
    const one = fakeMailer();
    const two = fakeMailer();
    const ctx = { db: t.db, clock: systemClock };
    await Promise.all([
      deliverPendingEmail(ctx, { mailer: one.mailer, publicUrl: PUBLIC_URL, batchSize: 10 }),
      deliverPendingEmail(ctx, { mailer: two.mailer, publicUrl: PUBLIC_URL, batchSize: 10 }),
    ]);
    const subjects = [...one.sent, ...two.sent].filter((m) => m.to === w.user.email).map((m) => m.text);
    expect(subjects).toHaveLength(45);
    expect(new Set(subjects).size).toBe(45);
    const rows = await rowsOf(w.ids);
    expect(rows.every((r) => r.email_status === 'sent' && r.email_attempts === 1 && r.emailed_at)).toBe(true);
  });
});
