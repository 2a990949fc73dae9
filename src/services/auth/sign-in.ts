import { requiresMfa } from '../../domain/access/actor.ts';
import { afterFailure, throttleState } from '../../domain/auth/throttle.ts';
import { AppError } from '../../domain/errors.ts';
import { SYSTEM_ORG_ID } from '../../store/audit.ts';
import type { Role, UserRow } from '../../store/schema.ts';
import { deleteSession } from '../../store/sessions.ts';
import { findUserByEmail, getUserForUpdate, updateUser } from '../../store/users.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { type IssuedSession, issueSession, type SessionPolicy } from './sessions.ts';

export interface SignInInput {
  readonly email: string;
  readonly password: string;
  /** The caller's current session token, if any: it is replaced (session rotation). */
  readonly previousToken?: string | undefined;
  readonly userAgent?: string | undefined;
}

/**
 * Checks an email and password. Unknown email, wrong password and disabled account give the same
 * answer after the same argon2 work. Failures count towards the account's back-off and lock.
 * @returns a session whose stage says whether a second factor or enrolment comes next
 * @throws AppError INVALID_CREDENTIALS, ACCOUNT_THROTTLED, ACCOUNT_LOCKED
 */
export async function signIn(
  ctx: ServiceContext,
  policy: SessionPolicy,
  input: SignInInput,
): Promise<{ session: IssuedSession; user: UserRow }> {
  const now = ctx.clock.now();
  const user = await findUserByEmail(ctx.db, input.email);
  if (!user) {
    await verifyAgainstDummy(input.password);
    await inTransaction(ctx, (tx) =>
      audit(ctx, tx, {
        orgId: SYSTEM_ORG_ID,
        actorId: null,
        action: 'auth.login_failed',
        details: { reason: 'unknown-account', ip: ctx.ip ?? null },
      }),
    );
    throw new AppError('INVALID_CREDENTIALS');
  }
  assertNotThrottled(user, now);
  const passwordOk = await verifyPassword(user.password_hash, input.password);
  if (!passwordOk || user.status !== 'active') {
    await recordFailure(ctx, user, passwordOk ? 'account-disabled' : 'wrong-password');
    throw new AppError('INVALID_CREDENTIALS');
  }
  const roles = user.roles as Role[];
  const stage = user.totp_enabled_at ? 'totp' : requiresMfa(roles) ? 'enrol' : 'full';
  const session = await inTransaction(ctx, async (tx) => {
    if (input.previousToken) await deleteSession(tx, input.previousToken);
    if (user.failed_logins > 0 || user.locked_until) {
      await updateUser(tx, user.org_id, user.id, { failed_logins: 0, locked_until: null }, now);
    }
    const issued = await issueSession(tx, user, stage, {
      now,
      policy,
      ip: ctx.ip,
      userAgent: input.userAgent,
    });
    await audit(ctx, tx, {
      orgId: user.org_id,
      actorId: user.id,
      action: stage === 'full' ? 'auth.login' : 'auth.password_verified',
      entityType: 'user',
      entityId: user.id,
      details: { stage, ip: ctx.ip ?? null },
    });
    return issued;
  });
  return { session, user };
}

/** @throws AppError ACCOUNT_LOCKED, ACCOUNT_THROTTLED */
export function assertNotThrottled(user: UserRow, now: Date): void {
  const state = throttleState(user.failed_logins, user.locked_until, now);
  if (state.kind === 'locked') throw new AppError('ACCOUNT_LOCKED');
  if (state.kind === 'wait') {
    const retryAfterSeconds = Math.ceil((state.until.getTime() - now.getTime()) / 1000);
    throw new AppError(
      'ACCOUNT_THROTTLED',
      `Too many failed sign-ins: wait ${retryAfterSeconds} seconds before trying again.`,
      { extra: { retryAfterSeconds } },
    );
  }
}

/** Counts one failed attempt (password or second factor) and audits it; commits on its own. */
export async function recordFailure(ctx: ServiceContext, user: UserRow, reason: string): Promise<void> {
  const now = ctx.clock.now();
  await inTransaction(ctx, async (tx) => {
    // Count from the locked row, so concurrent failures each count and set the right back-off.
    const fresh = await getUserForUpdate(tx, user.org_id, user.id);
    const next = afterFailure(fresh?.failed_logins ?? user.failed_logins, now);
    await updateUser(
      tx,
      user.org_id,
      user.id,
      { failed_logins: next.failures, locked_until: next.lockedUntil },
      now,
    );
    await audit(ctx, tx, {
      orgId: user.org_id,
      actorId: null,
      action: 'auth.login_failed',
      entityType: 'user',
      entityId: user.id,
      details: { reason, failures: next.failures, ip: ctx.ip ?? null },
    });
  });
}
