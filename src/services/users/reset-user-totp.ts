import { AppError } from '../../domain/errors.ts';
import { deleteUserSessions } from '../../store/sessions.ts';
import { replaceRecoveryCodes, updateUser as updateUserRow } from '../../store/users.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { loadChangeableUser, loadUserView, type UserView } from './user-view.ts';

/**
 * An administrator removes a person's authenticator app and recovery codes (a lost phone): every
 * session of the person ends, and admins and supervisors set up a new app at their next sign-in.
 * @throws AppError USER_NOT_FOUND, FORBIDDEN
 */
export async function resetUserTotp(ctx: ServiceContext, userId: string): Promise<UserView> {
  const actor = requireActor(ctx);
  const existing = await loadChangeableUser(ctx, userId);
  const user = await inTransaction(ctx, async (tx) => {
    const updated = await updateUserRow(
      tx,
      actor.orgId,
      userId,
      {
        totp_secret: null,
        totp_enabled_at: null,
        totp_last_step: null,
      },
      ctx.clock.now(),
    );
    if (!updated) throw new AppError('USER_NOT_FOUND');
    await replaceRecoveryCodes(tx, actor.orgId, userId, []);
    const sessionsEnded = await deleteUserSessions(tx, actor.orgId, userId);
    await audit(ctx, tx, {
      action: 'user.totp_reset',
      entityType: 'user',
      entityId: userId,
      details: { hadAuthenticator: existing.totp_enabled_at !== null, sessionsEnded },
    });
    return updated;
  });
  return loadUserView(ctx.db, user, ctx.clock.now());
}
