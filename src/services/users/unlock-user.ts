import { AppError } from '../../domain/errors.ts';
import { updateUser as updateUserRow } from '../../store/users.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { loadChangeableUser, loadUserView, type UserView } from './user-view.ts';

/**
 * An administrator lifts a sign-in lock: the failure count and any back-off are cleared.
 * @throws AppError USER_NOT_FOUND, FORBIDDEN
 */
export async function unlockUser(ctx: ServiceContext, userId: string): Promise<UserView> {
  const actor = requireActor(ctx);
  const existing = await loadChangeableUser(ctx, userId);
  const user = await inTransaction(ctx, async (tx) => {
    const updated = await updateUserRow(
      tx,
      actor.orgId,
      userId,
      { failed_logins: 0, locked_until: null },
      ctx.clock.now(),
    );
    if (!updated) throw new AppError('USER_NOT_FOUND');
    await audit(ctx, tx, {
      action: 'user.unlocked',
      entityType: 'user',
      entityId: userId,
      details: { failedLogins: existing.failed_logins },
    });
    return updated;
  });
  return loadUserView(ctx.db, user, ctx.clock.now());
}
