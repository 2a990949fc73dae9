import {
  countUnreadNotifications,
  listNotifications as listNotificationRows,
  type NotificationWithCase,
} from '../../store/notifications.ts';
import { requireActor, type ServiceContext } from '../context.ts';

export interface NotificationList {
  readonly notifications: readonly NotificationWithCase[];
  readonly unreadCount: number;
}

/**
 * The signed-in user's notifications, newest first, with how many are unread in all.
 * @throws AppError UNAUTHENTICATED
 */
export async function listNotifications(
  ctx: ServiceContext,
  input: { readonly unreadOnly: boolean; readonly limit: number },
): Promise<NotificationList> {
  const actor = requireActor(ctx);
  const [notifications, unreadCount] = await Promise.all([
    listNotificationRows(ctx.db, {
      orgId: actor.orgId,
      userId: actor.id,
      unreadOnly: input.unreadOnly,
      limit: input.limit,
    }),
    countUnreadNotifications(ctx.db, actor.orgId, actor.id),
  ]);
  return { notifications, unreadCount };
}
