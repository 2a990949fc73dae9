/**
 * The reads the user-administration use cases share, and the view they answer with.
 * The queries are org-scoped repository functions that src/store/users.ts does not have yet;
 * they belong there (this folder could not change src/store when it was written).
 */
import type { Role } from '../../domain/access/actor.ts';
import { throttleState } from '../../domain/auth/throttle.ts';
import type { DbOrTx } from '../../store/db.ts';
import type { UserRow } from '../../store/schema.ts';

export interface UserMembership {
  readonly userId: string;
  readonly teamId: string;
  readonly teamName: string;
  readonly role: 'member' | 'supervisor';
}

/** A user as the administration API shows them: the row, their teams and whether sign-in is locked. */
export interface UserView {
  readonly user: UserRow;
  readonly teams: readonly { id: string; name: string; role: 'member' | 'supervisor' }[];
  readonly lockedOut: boolean;
}

/** Team memberships (with team names) of the organisation, or of some of its users. */
export async function listMemberships(
  db: DbOrTx,
  orgId: string,
  userIds?: readonly string[],
): Promise<UserMembership[]> {
  if (userIds?.length === 0) return [];
  let query = db
    .selectFrom('team_members')
    .innerJoin('teams', (join) =>
      join.onRef('teams.id', '=', 'team_members.team_id').onRef('teams.org_id', '=', 'team_members.org_id'),
    )
    .select([
      'team_members.user_id as userId',
      'team_members.team_id as teamId',
      'teams.name as teamName',
      'team_members.role as role',
    ])
    .where('team_members.org_id', '=', orgId);
  if (userIds) query = query.where('team_members.user_id', 'in', [...userIds]);
  return query.orderBy('teams.name').execute();
}

/**
 * Locks the organisation's active administrators (in id order, so concurrent changes queue rather
 * than deadlock) and returns their ids. Under READ COMMITTED a waiting transaction re-checks the
 * rows once the other commits, so two admins disabling each other at once cannot both succeed.
 */
export async function lockActiveAdmins(db: DbOrTx, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', orgId)
    .where('status', '=', 'active')
    .where((eb) => eb(eb.val('admin'), '=', eb.fn.any('roles')))
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

/** One user of the organisation, locked for the rest of the transaction. */
export async function getUserForUpdate(db: DbOrTx, orgId: string, userId: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
}

/** Roles in one canonical order, without repeats. */
export function canonicalRoles(roles: readonly Role[]): Role[] {
  const order: readonly Role[] = ['adviser', 'supervisor', 'admin', 'auditor'];
  return order.filter((r) => roles.includes(r));
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

/** Whether a database error is a unique violation of the named constraint or index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string } | null;
  return e?.code === '23505' && e.constraint === constraint;
}
