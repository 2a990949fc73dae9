/** Users, their team memberships and recovery codes. Every query is scoped by org_id. */
import type { Actor } from '../domain/access/actor.ts';
import type { DbOrTx } from './db.ts';
import type { NewUser, Role, UserRow } from './schema.ts';

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

export async function insertUserRow(db: DbOrTx, user: NewUser): Promise<UserRow> {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

export async function listUsers(db: DbOrTx, orgId: string): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().where('org_id', '=', orgId).orderBy('display_name').execute();
}

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
    >
  >,
): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set({ ...patch, updated_at: new Date() })
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}

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
  return {
    id: user.id,
    orgId: user.org_id,
    roles: user.roles as Role[],
    teamIds: memberships.map((m) => m.team_id),
    supervisedTeamIds: memberships.filter((m) => m.role === 'supervisor').map((m) => m.team_id),
  };
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
