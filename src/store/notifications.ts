/** In-app notifications. Every query is scoped by org_id and, for reading, by the recipient. */
import { sql } from 'kysely';
import type { DbOrTx } from './db.ts';

export interface NewNotification {
  readonly orgId: string;
  readonly userId: string;
  readonly kind: string;
  readonly caseId: string | null;
  readonly message: string;
  readonly createdAt: Date;
  /** The colleague who sent it; null or absent when the system did. */
  readonly sentBy?: string | null;
  /** 'pending' to e-mail it too (when mail is on); 'none' (the default) for in-app only. */
  readonly emailStatus?: 'none' | 'pending';
}

/** A notification with the reference of its case (when it has one). */
export interface NotificationWithCase {
  readonly id: string;
  readonly kind: string;
  readonly case_id: string | null;
  readonly case_reference: string | null;
  readonly message: string;
  readonly created_at: Date;
  readonly read_at: Date | null;
  readonly sent_by: string | null;
  readonly sent_by_name: string | null;
  readonly email_status: 'none' | 'pending' | 'sent' | 'failed';
}

/** Inserts one notification per recipient; returns their ids. */
export async function insertNotifications(db: DbOrTx, rows: readonly NewNotification[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insertInto('notifications')
    .values(
      rows.map((n) => ({
        org_id: n.orgId,
        user_id: n.userId,
        kind: n.kind,
        case_id: n.caseId,
        message: n.message,
        created_at: n.createdAt,
        sent_by: n.sentBy ?? null,
        email_status: n.emailStatus ?? 'none',
      })),
    )
    .returning('id')
    .execute();
  return inserted.map((r) => r.id);
}

const withCase = (db: DbOrTx, orgId: string, userId: string) =>
  db
    .selectFrom('notifications as n')
    .leftJoin('cases as c', (join) => join.onRef('c.id', '=', 'n.case_id').onRef('c.org_id', '=', 'n.org_id'))
    .leftJoin('users as s', (join) => join.onRef('s.id', '=', 'n.sent_by').onRef('s.org_id', '=', 'n.org_id'))
    .select([
      'n.id',
      'n.kind',
      'n.case_id',
      'c.reference as case_reference',
      'n.message',
      'n.created_at',
      'n.read_at',
      'n.sent_by',
      's.display_name as sent_by_name',
      'n.email_status',
    ])
    .where('n.org_id', '=', orgId)
    .where('n.user_id', '=', userId);

/** A user's notifications, newest first. */
export async function listNotifications(
  db: DbOrTx,
  q: { orgId: string; userId: string; unreadOnly: boolean; limit: number },
): Promise<NotificationWithCase[]> {
  let query = withCase(db, q.orgId, q.userId);
  if (q.unreadOnly) query = query.where('n.read_at', 'is', null);
  return query.orderBy('n.created_at', 'desc').orderBy('n.id').limit(q.limit).execute();
}

export async function countUnreadNotifications(db: DbOrTx, orgId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Marks one of the user's notifications read (keeping the first read time); undefined when the
 * user has no such notification.
 */
export async function markNotificationRead(
  db: DbOrTx,
  q: { orgId: string; userId: string; id: string; now: Date },
): Promise<{ firstRead: boolean; notification: NotificationWithCase } | undefined> {
  const updated = await db
    .updateTable('notifications')
    .set({ read_at: q.now })
    .where('org_id', '=', q.orgId)
    .where('user_id', '=', q.userId)
    .where('id', '=', q.id)
    .where('read_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  const notification = await withCase(db, q.orgId, q.userId).where('n.id', '=', q.id).executeTakeFirst();
  return notification ? { firstRead: updated !== undefined, notification } : undefined;
}

/** A notification waiting to be e-mailed, with what the e-mail needs. */
export interface PendingEmail {
  readonly id: string;
  readonly org_id: string;
  readonly kind: string;
  readonly case_id: string | null;
  readonly case_reference: string | null;
  readonly message: string;
  readonly email_attempts: number;
  readonly recipient_email: string;
  readonly recipient_active: boolean;
  readonly sent_by_name: string | null;
}

/**
 * Locks up to `limit` notifications waiting for e-mail, oldest first, skipping rows another
 * process holds (FOR UPDATE SKIP LOCKED) and those in `exclude` (tried already in this run). The
 * outbox serves every organisation, so this one query is not scoped by org_id; it reads only
 * what an e-mail carries. Hold the transaction until each row's result is recorded.
 */
export async function lockPendingEmails(
  tx: DbOrTx,
  q: { limit: number; exclude: readonly string[] },
): Promise<PendingEmail[]> {
  let query = tx
    .selectFrom('notifications as n')
    .innerJoin('users as u', (j) => j.onRef('u.id', '=', 'n.user_id').onRef('u.org_id', '=', 'n.org_id'))
    .leftJoin('cases as c', (j) => j.onRef('c.id', '=', 'n.case_id').onRef('c.org_id', '=', 'n.org_id'))
    .leftJoin('users as s', (j) => j.onRef('s.id', '=', 'n.sent_by').onRef('s.org_id', '=', 'n.org_id'))
    .select([
      'n.id',
      'n.org_id',
      'n.kind',
      'n.case_id',
      'c.reference as case_reference',
      'n.message',
      'n.email_attempts',
      'u.email as recipient_email',
      sql<boolean>`u.status = 'active'`.as('recipient_active'),
      's.display_name as sent_by_name',
    ])
    .where('n.email_status', '=', 'pending');
  if (q.exclude.length > 0) query = query.where('n.id', 'not in', [...q.exclude]);
  return query.orderBy('n.created_at').orderBy('n.id').limit(q.limit).forUpdate('n').skipLocked().execute();
}

/** Records the outcome of one e-mail attempt. */
export async function recordEmailAttempt(
  tx: DbOrTx,
  r: {
    orgId: string;
    id: string;
    status: 'pending' | 'sent' | 'failed';
    attempts: number;
    at: Date;
    error: string | null;
  },
): Promise<void> {
  await tx
    .updateTable('notifications')
    .set({
      email_status: r.status,
      email_attempts: r.attempts,
      emailed_at: r.status === 'sent' ? r.at : null,
      email_error: r.error === null ? null : r.error.slice(0, 500),
    })
    .where('org_id', '=', r.orgId)
    .where('id', '=', r.id)
    .execute();
}

/** The notifications about a case (its chronology): who was told what, when, by whom, read when. */
export async function listCaseNotifications(db: DbOrTx, orgId: string, caseId: string) {
  return db
    .selectFrom('notifications as n')
    .innerJoin('users as u', (j) => j.onRef('u.id', '=', 'n.user_id').onRef('u.org_id', '=', 'n.org_id'))
    .leftJoin('users as s', (j) => j.onRef('s.id', '=', 'n.sent_by').onRef('s.org_id', '=', 'n.org_id'))
    .select([
      'n.id',
      'n.kind',
      'n.user_id',
      'u.display_name as recipient_name',
      'n.message',
      'n.created_at',
      'n.read_at',
      's.display_name as sent_by_name',
    ])
    .where('n.org_id', '=', orgId)
    .where('n.case_id', '=', caseId)
    .orderBy('n.created_at')
    .orderBy('u.display_name')
    .execute();
}
