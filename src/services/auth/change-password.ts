import { AppError } from '../../domain/errors.ts';
import { deleteOtherSessions } from '../../store/sessions.ts';
import { updateUser } from '../../store/users.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './passwords.ts';
import type { ResolvedSession } from './sessions.ts';

/**
 * Changes the signed-in user's password after checking the current one; every other session of
 * the user ends.
 * @throws AppError INVALID_CREDENTIALS (field currentPassword), WEAK_PASSWORD (field newPassword)
 */
export async function changePassword(
  ctx: ServiceContext,
  current: ResolvedSession,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = current.user;
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw AppError.field('currentPassword', 'Your current password is not right.', 'INVALID_CREDENTIALS');
  }
  assertAcceptablePassword(
    input.newPassword,
    { email: user.email, displayName: user.display_name },
    'newPassword',
  );
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    await updateUser(tx, user.org_id, user.id, { password_hash: passwordHash }, ctx.clock.now());
    await deleteOtherSessions(tx, user.org_id, user.id, current.token);
    await audit(ctx, tx, { action: 'user.password_changed', entityType: 'user', entityId: user.id });
  });
}
