/** In-app notifications. Every query is scoped by org_id and, for reading, by the recipient. */
import type { DbOrTx } from './db.ts';

export interface NewNotification {
  readonly orgId: string;
  readonly userId: string;
  readonly kind: string;
  readonly caseId: string | null;
  readonly message: string;
  readonly createdAt: Date;
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
    .select([
      'n.id',
      'n.kind',
      'n.case_id',
      'c.reference as case_reference',
      'n.message',
      'n.created_at',
      'n.read_at',
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
