import type { Role } from '../../domain/access/actor.ts';
import { manageUsers } from '../../domain/access/policy.ts';
import { canonicalRoles } from '../../domain/access/roles.ts';
import { AppError } from '../../domain/errors.ts';
import { isUniqueViolation } from '../../store/errors.ts';
import { getTeam, setTeamMember } from '../../store/teams.ts';
import { findUserByEmail, insertUserRow } from '../../store/users.ts';
import { assertAcceptablePassword, hashPassword } from '../auth/passwords.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import type { UserView } from './user-view.ts';

export interface CreateUserInput {
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  /** An initial password the person changes after signing in. */
  readonly password: string;
  readonly teamId?: string | undefined;
  readonly teamRole?: 'member' | 'supervisor' | undefined;
}

const emailTaken = () =>
  AppError.field(
    'email',
    'An account with this email address already exists; each person signs in with their own address.',
    'EMAIL_TAKEN',
  );

/**
 * An administrator adds a person to their organisation, optionally into one of its teams.
 * Admins and supervisors set up an authenticator app at their first sign-in.
 * @throws AppError FORBIDDEN, EMAIL_TAKEN (field email), WEAK_PASSWORD (field password),
 *   TEAM_NOT_FOUND (field teamId), VALIDATION_FAILED (field teamRole)
 */
export async function createUser(ctx: ServiceContext, input: CreateUserInput): Promise<UserView> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined);
  const email = input.email.trim().toLowerCase();
  const displayName = input.displayName.trim();
  const roles = canonicalRoles(input.roles);
  if (roles.length === 0) throw AppError.field('roles', 'Choose at least one role.');
  const teamRole = input.teamRole ?? 'member';
  if (teamRole === 'supervisor' && !roles.includes('supervisor')) {
    throw AppError.field('teamRole', 'Only a person with the supervisor role can supervise a team.');
  }
  if (await findUserByEmail(ctx.db, email)) throw emailTaken();
  assertAcceptablePassword(input.password, { email, displayName });
  const team = input.teamId ? await getTeam(ctx.db, actor.orgId, input.teamId) : undefined;
  if (input.teamId && !team) {
    throw AppError.field('teamId', 'There is no such team in your organisation.', 'TEAM_NOT_FOUND');
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await inTransaction(ctx, async (tx) => {
      const user = await insertUserRow(tx, {
        org_id: actor.orgId,
        email,
        display_name: displayName,
        roles,
        password_hash: passwordHash,
        totp_secret: null,
        totp_enabled_at: null,
        totp_last_step: null,
        locked_until: null,
      });
      if (team)
        await setTeamMember(tx, { orgId: actor.orgId, teamId: team.id, userId: user.id, role: teamRole });
      await audit(ctx, tx, {
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        details: { roles, ...(team ? { teamId: team.id, teamRole } : {}) },
      });
      return {
        user,
        teams: team ? [{ id: team.id, name: team.name, role: teamRole }] : [],
        lockedOut: false,
      };
    });
  } catch (error) {
    // Two admins adding the same address at once: the unique index decides.
    if (isUniqueViolation(error, 'users_email_key')) throw emailTaken();
    throw error;
  }
}
