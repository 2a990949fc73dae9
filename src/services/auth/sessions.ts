/**
 * Database sessions: a 128-bit random token in the cookie, its SHA-256 in the database;
 * idle timeout and absolute lifetime from config; a new token at every change of stage (rotation).
 */
import { randomBytes } from 'node:crypto';
import type { Actor } from '../../domain/access/actor.ts';
import type { DbOrTx } from '../../store/db.ts';
import type { SessionRow, SessionStage, UserRow } from '../../store/schema.ts';
import { deleteSession, findSessionWithUser, insertSession, touchSession } from '../../store/sessions.ts';
import { actorOf } from '../../store/users.ts';

export interface SessionPolicy {
  readonly idleMinutes: number;
  readonly absoluteHours: number;
}

/** A half-finished sign-in (second factor pending) lives at most this long. */
export const PARTIAL_SESSION_MINUTES = 10;
/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_INTERVAL_MS = 60_000;

export const newToken = (): string => randomBytes(16).toString('base64url');

export interface IssuedSession {
  readonly token: string;
  readonly stage: SessionStage;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export async function issueSession(
  db: DbOrTx,
  user: Pick<UserRow, 'id' | 'org_id'>,
  stage: SessionStage,
  opts: { now: Date; policy: SessionPolicy; ip?: string | undefined; userAgent?: string | undefined },
): Promise<IssuedSession> {
  const token = newToken();
  const csrfToken = randomBytes(16).toString('base64url');
  const lifetimeMs =
    stage === 'full' ? opts.policy.absoluteHours * 3_600_000 : PARTIAL_SESSION_MINUTES * 60_000;
  const expiresAt = new Date(opts.now.getTime() + lifetimeMs);
  await insertSession(db, {
    token,
    orgId: user.org_id,
    userId: user.id,
    stage,
    csrfToken,
    now: opts.now,
    expiresAt,
    ip: opts.ip ?? null,
    userAgent: opts.userAgent ?? null,
  });
  return { token, stage, csrfToken, expiresAt };
}

export interface ResolvedSession {
  readonly token: string;
  readonly session: SessionRow;
  readonly user: UserRow;
  /** Present only for a fully signed-in session. */
  readonly actor: Actor | undefined;
}

/** The effective end of a session: the absolute expiry or the idle timeout, whichever is first. */
export function sessionEndsAt(session: SessionRow, policy: SessionPolicy): Date {
  const idleEnd = session.last_seen_at.getTime() + policy.idleMinutes * 60_000;
  return new Date(Math.min(idleEnd, session.expires_at.getTime()));
}

/**
 * Looks up the session of a cookie token, with its user and their teams in the same query.
 * Expired or idle sessions, and sessions of a disabled user, are deleted and resolve to
 * undefined; a live one has its last-seen time refreshed (at most once a minute).
 */
export async function resolveSession(
  db: DbOrTx,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<ResolvedSession | undefined> {
  const found = await findSessionWithUser(db, token);
  if (!found) return undefined;
  const { session, user, memberships } = found;
  if (sessionEndsAt(session, policy).getTime() <= now.getTime()) {
    await deleteSession(db, token);
    return undefined;
  }
  if (user.status !== 'active') {
    await deleteSession(db, token);
    return undefined;
  }
  if (now.getTime() - session.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
    await touchSession(db, token, now);
    session.last_seen_at = now;
  }
  const actor = session.stage === 'full' ? actorOf(user, memberships) : undefined;
  return { token, session, user, actor };
}
