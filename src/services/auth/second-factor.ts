import { AppError } from '../../domain/errors.ts';
import type { UserRow } from '../../store/schema.ts';
import { deleteSession } from '../../store/sessions.ts';
import {
  consumeRecoveryCode,
  getUser,
  getUserForUpdate,
  replaceRecoveryCodes,
  updateUser,
} from '../../store/users.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import { type IssuedSession, issueSession, type ResolvedSession, type SessionPolicy } from './sessions.ts';
import { assertNotThrottled, recordFailure } from './sign-in.ts';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpQrSvg, totpUrl, verifyTotp } from './totp.ts';

const isRecoveryCode = (code: string) => code.includes('-');

/**
 * The second sign-in step: a TOTP code or an unused recovery code. Failures count towards the
 * account's back-off like wrong passwords. On success the session is rotated to a full one.
 * @throws AppError MFA_REQUIRED (wrong stage), INVALID_TOTP, ACCOUNT_THROTTLED, ACCOUNT_LOCKED
 */
export async function verifySecondFactor(
  ctx: ServiceContext,
  policy: SessionPolicy,
  current: ResolvedSession,
  input: { code: string; userAgent?: string | undefined },
): Promise<{ session: IssuedSession; user: UserRow }> {
  if (current.session.stage !== 'totp') throw new AppError('CONFLICT', 'No second factor is pending.');
  const now = ctx.clock.now();
  const user = current.user;
  assertNotThrottled(user, now);
  const code = input.code.trim().toLowerCase();
  const result = await inTransaction(ctx, async (tx) => {
    let step: number | undefined;
    if (isRecoveryCode(code)) {
      if (!(await consumeRecoveryCode(tx, user.org_id, user.id, hashRecoveryCode(code), now)))
        return undefined;
    } else {
      // Lock the user row so two concurrent submissions of one code cannot both pass.
      const locked = await getUserForUpdate(tx, user.org_id, user.id);
      if (!locked?.totp_secret) return undefined;
      step = await verifyTotp(locked.totp_secret, code, now, locked.totp_last_step);
      if (step === undefined) return undefined;
    }
    await deleteSession(tx, current.token);
    await updateUser(
      tx,
      user.org_id,
      user.id,
      {
        failed_logins: 0,
        locked_until: null,
        ...(step === undefined ? {} : { totp_last_step: step }),
      },
      now,
    );
    const session = await issueSession(tx, user, 'full', {
      now,
      policy,
      ip: ctx.ip,
      userAgent: input.userAgent,
    });
    await audit(ctx, tx, {
      orgId: user.org_id,
      actorId: user.id,
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      details: { secondFactor: step === undefined ? 'recovery-code' : 'totp', ip: ctx.ip ?? null },
    });
    return session;
  });
  if (!result) {
    await recordFailure(ctx, user, 'wrong-second-factor');
    throw new AppError('INVALID_TOTP');
  }
  return { session: result, user };
}

/**
 * Starts authenticator enrolment: a new secret, kept pending until a code from it is confirmed.
 * @throws AppError CONFLICT when an authenticator is already enrolled
 */
export async function startTotpEnrolment(ctx: ServiceContext, current: ResolvedSession) {
  const user = current.user;
  if (user.totp_enabled_at) throw new AppError('CONFLICT', 'An authenticator app is already set up.');
  const secret = newTotpSecret();
  await updateUser(ctx.db, user.org_id, user.id, { totp_secret: secret }, ctx.clock.now());
  const otpauthUrl = totpUrl(secret, user.email);
  return { secret, otpauthUrl, qrCodeSvg: await totpQrSvg(otpauthUrl) };
}

/**
 * Confirms enrolment with a code from the new authenticator: enables TOTP, issues ten recovery
 * codes (returned once, stored hashed) and rotates the session to a full one.
 * @throws AppError CONFLICT (nothing pending), INVALID_TOTP
 */
export async function confirmTotpEnrolment(
  ctx: ServiceContext,
  policy: SessionPolicy,
  current: ResolvedSession,
  input: { code: string; userAgent?: string | undefined },
): Promise<{ session: IssuedSession; user: UserRow; recoveryCodes: string[] }> {
  const now = ctx.clock.now();
  const user = await getUser(ctx.db, current.user.org_id, current.user.id);
  if (!user?.totp_secret || user.totp_enabled_at) {
    throw new AppError('CONFLICT', 'Start the authenticator set-up first.');
  }
  assertNotThrottled(user, now);
  const step = await verifyTotp(user.totp_secret, input.code.trim(), now, null);
  if (step === undefined) {
    await recordFailure(ctx, user, 'wrong-enrolment-code');
    throw new AppError('INVALID_TOTP');
  }
  const recoveryCodes = newRecoveryCodes();
  return inTransaction(ctx, async (tx) => {
    const updated = await updateUser(
      tx,
      user.org_id,
      user.id,
      {
        totp_enabled_at: now,
        totp_last_step: step,
        failed_logins: 0,
        locked_until: null,
      },
      now,
    );
    await replaceRecoveryCodes(tx, user.org_id, user.id, recoveryCodes.map(hashRecoveryCode));
    await deleteSession(tx, current.token);
    const session = await issueSession(tx, user, 'full', {
      now,
      policy,
      ip: ctx.ip,
      userAgent: input.userAgent,
    });
    await audit(ctx, tx, {
      orgId: user.org_id,
      actorId: user.id,
      action: 'auth.mfa_enrolled',
      entityType: 'user',
      entityId: user.id,
    });
    return { session, user: updated ?? user, recoveryCodes };
  });
}
