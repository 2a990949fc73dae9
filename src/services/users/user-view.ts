/** The view the user-administration use cases answer with, and how to build it. */
import { changeUser } from '../../domain/access/policy.ts';
import { throttleState } from '../../domain/auth/throttle.ts';
import { AppError } from '../../domain/errors.ts';
import type { DbOrTx } from '../../store/db.ts';
import type { UserRow } from '../../store/schema.ts';
import { getUser, listMemberships, type UserMembership } from '../../store/users.ts';
import { requireAccess, requireActor, type ServiceContext } from '../context.ts';

/** A user as the administration API shows them: the row, their teams and whether sign-in is locked. */
export interface UserView {
  readonly user: UserRow;
  readonly teams: readonly { id: string; name: string; role: 'member' | 'supervisor' }[];
  readonly lockedOut: boolean;
}

export function toUserView(user: UserRow, memberships: readonly UserMembership[], now: Date): UserView {
  return {
    user,
    teams: memberships
      .filter((m) => m.userId === user.id)
      .map((m) => ({ id: m.teamId, name: m.teamName, role: m.role })),
    lockedOut: throttleState(user.failed_logins, user.locked_until, now).kind !== 'open',
  };
}

/** Loads the memberships of one user and builds their view. */
export async function loadUserView(db: DbOrTx, user: UserRow, now: Date): Promise<UserView> {
  return toUserView(user, await listMemberships(db, user.org_id, [user.id]), now);
}

/**
 * Loads a user of the actor's organisation and checks that the actor may change them.
 * @throws AppError UNAUTHENTICATED, USER_NOT_FOUND, FORBIDDEN (audited)
 */
export async function loadChangeableUser(ctx: ServiceContext, userId: string): Promise<UserRow> {
  const actor = requireActor(ctx);
  const existing = await getUser(ctx.db, actor.orgId, userId);
  if (!existing) throw new AppError('USER_NOT_FOUND');
  await requireAccess(
    ctx,
    changeUser,
    { orgId: existing.org_id, userId: existing.id },
    { entityType: 'user', entityId: existing.id },
  );
  return existing;
}
