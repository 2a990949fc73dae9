/** Sessions: only the SHA-256 of the token is stored. */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DbOrTx } from './db.ts';
import type { SessionRow, SessionStage, UserRow } from './schema.ts';
import type { TeamRole } from './users.ts';

export const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();

export async function insertSession(
  db: DbOrTx,
  s: {
    token: string;
    orgId: string;
    userId: string;
    stage: SessionStage;
    csrfToken: string;
    now: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(s.token),
      org_id: s.orgId,
      user_id: s.userId,
      stage: s.stage,
      csrf_token: s.csrfToken,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent?.slice(0, 500) ?? null,
    })
    .execute();
}

/** The teams of the user `u` with their role in each, as JSON. */
const teamsOfUser = sql<TeamRole[]>`(
  SELECT coalesce(json_agg(json_build_object('team_id', tm.team_id, 'role', tm.role)), '[]')
  FROM team_members tm WHERE tm.org_id = u.org_id AND tm.user_id = u.id)`;

/** A session with its user and the user's team memberships. */
export interface SessionWithUser {
  readonly session: SessionRow;
  readonly user: UserRow;
  readonly memberships: TeamRole[];
}

/**
 * The session of a token with its user and the user's teams, in one query (every signed-in
 * request starts here). Sessions cascade with their user, so a session always has one.
 */
export async function findSessionWithUser(db: DbOrTx, token: string): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', (j) => j.onRef('u.org_id', '=', 's.org_id').onRef('u.id', '=', 's.user_id'))
    .selectAll('u')
    .select([
      's.token_hash as s_token_hash',
      's.org_id as s_org_id',
      's.user_id as s_user_id',
      's.stage as s_stage',
      's.csrf_token as s_csrf_token',
      's.created_at as s_created_at',
      's.last_seen_at as s_last_seen_at',
      's.expires_at as s_expires_at',
      's.ip as s_ip',
      's.user_agent as s_user_agent',
      teamsOfUser.as('memberships'),
    ])
    .where('s.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    s_token_hash,
    s_org_id,
    s_user_id,
    s_stage,
    s_csrf_token,
    s_created_at,
    s_last_seen_at,
    s_expires_at,
    s_ip,
    s_user_agent,
    memberships,
    ...user
  } = row;
  return {
    session: {
      token_hash: s_token_hash,
      org_id: s_org_id,
      user_id: s_user_id,
      stage: s_stage,
      csrf_token: s_csrf_token,
      created_at: s_created_at,
      last_seen_at: s_last_seen_at,
      expires_at: s_expires_at,
      ip: s_ip,
      user_agent: s_user_agent,
    },
    user,
    memberships,
  };
}

export async function touchSession(db: DbOrTx, token: string, at: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: at })
    .where('token_hash', '=', hashToken(token))
    .execute();
}

export async function deleteSession(db: DbOrTx, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

export async function deleteUserSessions(db: DbOrTx, orgId: string, userId: string): Promise<number> {
  const r = await db
    .deleteFrom('sessions')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date, idleCutoff: Date): Promise<number> {
  const r = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Ends every session of a user except the one holding `keepToken`. */
export async function deleteOtherSessions(
  db: DbOrTx,
  orgId: string,
  userId: string,
  keepToken: string,
): Promise<number> {
  const r = await db
    .deleteFrom('sessions')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('token_hash', '!=', hashToken(keepToken))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
