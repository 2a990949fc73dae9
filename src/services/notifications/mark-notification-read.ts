import { AppError } from '../../domain/errors.ts';
import { markNotificationRead as markRead, type NotificationWithCase } from '../../store/notifications.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';

/**
 * Marks one of the signed-in user's notifications read. Reading it again keeps the first time.
 * Another person's notification answers NOT_FOUND, like one that does not exist.
 * @throws AppError UNAUTHENTICATED, NOT_FOUND
 */
export async function markNotificationRead(
  ctx: ServiceContext,
  notificationId: string,
): Promise<NotificationWithCase> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const result = await markRead(tx, {
      orgId: actor.orgId,
      userId: actor.id,
      id: notificationId,
      now: ctx.clock.now(),
    });
    if (!result) throw new AppError('NOT_FOUND', 'You have no such notification.');
    if (result.firstRead) {
      await audit(ctx, tx, {
        action: 'notification.read',
        entityType: 'notification',
        entityId: notificationId,
        details: {},
      });
    }
    return result.notification;
  });
}
