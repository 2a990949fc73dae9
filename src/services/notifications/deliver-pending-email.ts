/**
 * The outbox: e-mails notifications that are waiting ('pending'). Several processes may run it at
 * once: each locks a batch of rows (FOR UPDATE SKIP LOCKED) and holds them while it sends, so no
 * row is sent by two. A failed attempt is counted and retried on a later run; after the fifth it
 * is marked failed with the reason. (A process that dies after sending but before recording it
 * leaves the row pending, so that e-mail may arrive twice: at least once, never lost.)
 */
import { composeNotificationEmail } from '../../domain/notifications/notification-kinds.ts';
import { lockPendingEmails, recordEmailAttempt } from '../../store/notifications.ts';
import type { ServiceContext } from '../context.ts';
import { describeMailError, type Mailer } from '../mail/mailer.ts';

export const MAX_EMAIL_ATTEMPTS = 5;

/** A server's refusal may quote the address: the log gets none. */
const withoutAddresses = (s: string) => s.replace(/[^\s<>@"']+@[^\s<>@"']+/g, '***');

export interface DeliveryOptions {
  readonly mailer: Mailer;
  /** The app's public address, for links. */
  readonly publicUrl: string;
  /** Rows locked per transaction. */
  readonly batchSize?: number;
  /** Stop after this many rows in one run (the next run goes on). */
  readonly maxPerRun?: number;
}

export interface DeliveryResult {
  readonly sent: number;
  /** Attempts that failed and will be retried. */
  readonly retrying: number;
  /** Notifications given up on (after the last attempt, or a disabled recipient). */
  readonly failed: number;
}

/**
 * Sends pending notification e-mails in batches until none is left (or `maxPerRun`); each row is
 * tried at most once per run.
 */
export async function deliverPendingEmail(
  ctx: ServiceContext,
  options: DeliveryOptions,
): Promise<DeliveryResult> {
  const batchSize = options.batchSize ?? 20;
  const maxPerRun = options.maxPerRun ?? 1000;
  const tried: string[] = [];
  const result = { sent: 0, retrying: 0, failed: 0 };
  while (tried.length < maxPerRun) {
    const count = await ctx.db.transaction().execute(async (tx) => {
      const rows = await lockPendingEmails(tx, { limit: batchSize, exclude: tried });
      for (const row of rows) {
        tried.push(row.id);
        const attempts = row.email_attempts + 1;
        const record = (status: 'pending' | 'sent' | 'failed', error: string | null) =>
          recordEmailAttempt(tx, {
            orgId: row.org_id,
            id: row.id,
            status,
            attempts,
            at: ctx.clock.now(),
            error,
          });
        if (!row.recipient_active) {
          await record('failed', 'The recipient’s account is disabled.');
          result.failed++;
          continue;
        }
        const email = composeNotificationEmail({
          kind: row.kind,
          caseId: row.case_id,
          caseReference: row.case_reference,
          message: row.message,
          sentByName: row.sent_by_name,
          publicUrl: options.publicUrl,
        });
        try {
          await options.mailer.send({ to: row.recipient_email, ...email });
          await record('sent', null);
          result.sent++;
        } catch (error) {
          const reason = describeMailError(error);
          const giveUp = attempts >= MAX_EMAIL_ATTEMPTS;
          await record(giveUp ? 'failed' : 'pending', reason);
          if (giveUp) result.failed++;
          else result.retrying++;
          ctx.log?.warn(
            { module: 'outbox', notificationId: row.id, attempts, error: withoutAddresses(reason) },
            'e-mail not sent',
          );
        }
      }
      return rows.length;
    });
    if (count < batchSize) break;
  }
  return result;
}
