import { AppError } from '../../domain/errors.ts';
import { isUniqueViolation } from '../../store/errors.ts';
import { seedOrganisationDefaults } from '../../store/organisation-defaults.ts';
import { findOrganisationByName, insertOrganisation } from '../../store/organisations.ts';
import { findUserByEmail, insertUserRow } from '../../store/users.ts';
import { assertAcceptablePassword, hashPassword } from '../auth/passwords.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';

export interface CreateAdminInput {
  readonly organisation: string;
  readonly email: string;
  readonly displayName: string;
  readonly password: string;
}

/**
 * The first-run path (CLI `caseload create-admin`): creates the organisation when it does not
 * exist and an administrator in it. The admin sets up an authenticator app at first sign-in.
 * @throws AppError EMAIL_TAKEN, WEAK_PASSWORD
 */
export async function createAdmin(ctx: ServiceContext, input: CreateAdminInput) {
  const email = input.email.trim().toLowerCase();
  const taken = () =>
    AppError.field('email', `An account with the email ${email} already exists.`, 'EMAIL_TAKEN');
  if (await findUserByEmail(ctx.db, email)) throw taken();
  assertAcceptablePassword(input.password, { email, displayName: input.displayName });
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const existing = await findOrganisationByName(tx, input.organisation);
    const org = existing ?? (await insertOrganisation(tx, input.organisation));
    if (!existing) {
      await seedOrganisationDefaults(tx, org.id);
      await audit(ctx, tx, {
        orgId: org.id,
        actorId: null,
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: org.id,
      });
    }
    const user = await insertUserRow(tx, {
      org_id: org.id,
      email,
      display_name: input.displayName,
      roles: ['admin'],
      password_hash: passwordHash,
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      locked_until: null,
    });
    await audit(ctx, tx, {
      orgId: org.id,
      actorId: null,
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      details: { roles: ['admin'], via: 'cli' },
    });
    return { org, user };
  }).catch((error: unknown) => {
    // Two create-admin runs racing for one email: the unique index decides.
    throw isUniqueViolation(error, 'users_email_key') ? taken() : error;
  });
}
