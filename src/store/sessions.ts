/** Sessions: only the SHA-256 of the token is stored. */
import { createHash } from 'node:crypto';
import type { DbOrTx } from './db.ts';
import type { SessionRow, SessionStage } from './schema.ts';

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

export async function findSession(db: DbOrTx, token: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
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
