import { viewDirectory } from '../../domain/access/policy.ts';
import { listMemberships, listUsers as listUserRows } from '../../store/users.ts';
import { requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { toUserView, type UserView } from './user-view.ts';

/**
 * The users of the actor's organisation with their teams, by name.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN
 */
export async function listUsers(ctx: ServiceContext): Promise<UserView[]> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, viewDirectory, undefined);
  const [rows, memberships] = await Promise.all([
    listUserRows(ctx.db, actor.orgId),
    listMemberships(ctx.db, actor.orgId),
  ]);
  const now = ctx.clock.now();
  return rows.map((row) => toUserView(row, memberships, now));
}
