import { viewUser } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import { getUser as getUserRow } from '../../store/users.ts';
import { requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { loadUserView, type UserView } from './user-view.ts';

/**
 * One user of the actor's organisation: for directory viewers (admins, supervisors, auditors) and
 * for the user themself. An id from another organisation is not found.
 * @throws AppError UNAUTHENTICATED, USER_NOT_FOUND, FORBIDDEN
 */
export async function getUser(ctx: ServiceContext, userId: string): Promise<UserView> {
  const actor = requireActor(ctx);
  const user = await getUserRow(ctx.db, actor.orgId, userId);
  if (!user) throw new AppError('USER_NOT_FOUND');
  await requireAccess(
    ctx,
    viewUser,
    { orgId: user.org_id, userId: user.id },
    { entityType: 'user', entityId: user.id },
  );
  return loadUserView(ctx.db, user, ctx.clock.now());
}
