/** Users, their team memberships and recovery codes. Every query is scoped by org_id. */
import type { Actor } from '../domain/access/actor.ts';
import type { DbOrTx } from './db.ts';
import type { NewUser, Role, UserRow } from './schema.ts';

/** A user's membership of a team, with the team's name. */
export interface UserMembership {
  readonly userId: string;
  readonly teamId: string;
  readonly teamName: string;
  readonly role: 'member' | 'supervisor';
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function getUser(db: DbOrTx, orgId: string, userId: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** One user of the organisation, locked for the rest of the transaction. */
export async function getUserForUpdate(
  db: DbOrTx,
  orgId: string,
  userId: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
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

export async function insertUserRow(db: DbOrTx, user: NewUser): Promise<UserRow> {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

export async function listUsers(db: DbOrTx, orgId: string): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().where('org_id', '=', orgId).orderBy('display_name').execute();
}

/** Changes some fields of one user of the organisation, stamping updated_at with `at`. */
export async function updateUser(
  db: DbOrTx,
  orgId: string,
  userId: string,
  patch: Partial<
    Pick<
      UserRow,
      | 'display_name'
      | 'roles'
      | 'status'
      | 'password_hash'
      | 'totp_secret'
      | 'totp_enabled_at'
      | 'totp_last_step'
      | 'failed_logins'
      | 'locked_until'
      | 'weekly_capacity_hours'
      | 'capacity_points'
      | 'fte'
    >
  >,
  at: Date,
): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set({ ...patch, updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .returningAll()
    .executeTakeFirst();
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

/** A user's team and role in it, as the access policies need it. */
export interface TeamRole {
  readonly team_id: string;
  readonly role: 'member' | 'supervisor';
}

/** The access-policy view of a user of whom roles and team memberships are known. */
export const actorOf = (
  user: { readonly id: string; readonly org_id: string; readonly roles: readonly string[] },
  memberships: readonly TeamRole[],
): Actor => ({
  id: user.id,
  orgId: user.org_id,
  roles: user.roles as Role[],
  teamIds: memberships.map((m) => m.team_id),
  supervisedTeamIds: memberships.filter((m) => m.role === 'supervisor').map((m) => m.team_id),
});

/** The access-policy view of a user: roles and team memberships. */
export async function loadActor(db: DbOrTx, orgId: string, userId: string): Promise<Actor | undefined> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'org_id', 'roles'])
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!user) return undefined;
  const memberships = await db
    .selectFrom('team_members')
    .select(['team_id', 'role'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .execute();
  return actorOf(user, memberships);
}

export async function replaceRecoveryCodes(
  db: DbOrTx,
  orgId: string,
  userId: string,
  codeHashes: readonly string[],
): Promise<void> {
  await db.deleteFrom('recovery_codes').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
  if (codeHashes.length === 0) return;
  await db
    .insertInto('recovery_codes')
    .values(codeHashes.map((code_hash) => ({ org_id: orgId, user_id: userId, code_hash, used_at: null })))
    .execute();
}

/** Marks an unused recovery code as used; true when it existed and was unused. */
export async function consumeRecoveryCode(
  db: DbOrTx,
  orgId: string,
  userId: string,
  codeHash: string,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: at })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Display names of users of the organisation, by id. */
export async function displayNamesOf(
  db: DbOrTx,
  orgId: string,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
