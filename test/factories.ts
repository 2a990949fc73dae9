/** Test data factories: `insertUser(db, overrides)` and friends. Real rows, real hashes. */
import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { formatCaseReference } from '../src/domain/cases/reference.ts';
import { hashPassword } from '../src/services/auth/passwords.ts';
import { newTotpSecret } from '../src/services/auth/totp.ts';
import { nextCaseNumber } from '../src/store/cases.ts';
import type { Db } from '../src/store/db.ts';
import { seedOrganisationDefaults } from '../src/store/organisation-defaults.ts';
import type { Role, UserRow } from '../src/store/schema.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
let testPasswordHash: Promise<string> | undefined;

const unique = () => randomBytes(4).toString('hex');

/** An organisation with the default case types and time-limit templates, as create-admin makes it. */
export async function insertOrganisation(db: Db, overrides: { name?: string } = {}) {
  const org = await db
    .insertInto('organisations')
    .values({ name: overrides.name ?? `Advice Centre ${unique()}` })
    .returningAll()
    .executeTakeFirstOrThrow();
  await seedOrganisationDefaults(db, org.id);
  return org;
}

export async function insertClient(
  db: Db,
  overrides: { orgId: string; createdBy: string; legalName?: string; dateOfBirth?: string | null },
) {
  return db
    .insertInto('clients')
    .values({
      org_id: overrides.orgId,
      legal_name: overrides.legalName ?? `Client ${unique()}`,
      date_of_birth: overrides.dateOfBirth === undefined ? '1980-05-17' : overrides.dateOfBirth,
      preferred_name: null,
      pronouns: null,
      email: null,
      phone: null,
      address: null,
      created_by: overrides.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An open case owned by `ownerId` (a client is created unless given), with a real reference. */
export async function insertCase(
  db: Db,
  overrides: {
    orgId: string;
    ownerId: string;
    teamId?: string | null;
    clientId?: string;
    typeKey?: string;
    presentingIssue?: string;
  },
) {
  const clientId =
    overrides.clientId ??
    (await insertClient(db, { orgId: overrides.orgId, createdBy: overrides.ownerId })).id;
  const type = await db
    .selectFrom('case_types')
    .select('id')
    .where('org_id', '=', overrides.orgId)
    .where('key', '=', overrides.typeKey ?? 'welfare-benefits')
    .executeTakeFirstOrThrow();
  const year = new Date().getUTCFullYear();
  const reference = formatCaseReference(year, await nextCaseNumber(db, overrides.orgId, year));
  return db
    .insertInto('cases')
    .values({
      org_id: overrides.orgId,
      reference,
      client_id: clientId,
      case_type_id: type.id,
      presenting_issue: overrides.presentingIssue ?? 'Universal Credit sanction and rent arrears',
      desired_outcome: null,
      hold_reason: null,
      outcome: null,
      closure_reason: null,
      owner_id: overrides.ownerId,
      team_id: overrides.teamId ?? null,
      complexity_weight: 1,
      closed_at: null,
      created_by: overrides.ownerId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertTeam(db: Db, overrides: { orgId?: string; name?: string } = {}) {
  const orgId = overrides.orgId ?? (await insertOrganisation(db)).id;
  return db
    .insertInto('teams')
    .values({ org_id: orgId, name: overrides.name ?? `Team ${unique()}` })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface UserOverrides {
  orgId?: string;
  email?: string;
  displayName?: string;
  roles?: Role[];
  password?: string;
  status?: 'active' | 'disabled';
  /** Enrol a TOTP authenticator (secret returned as `totpSecret`). */
  totp?: boolean;
  team?: { id: string; role: 'member' | 'supervisor' };
}

export async function insertUser(
  db: Db,
  overrides: UserOverrides = {},
): Promise<UserRow & { password: string; totpSecret: string | null }> {
  const orgId = overrides.orgId ?? (await insertOrganisation(db)).id;
  const password = overrides.password ?? TEST_PASSWORD;
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = password === TEST_PASSWORD ? await testPasswordHash : await hashPassword(password);
  const totpSecret = overrides.totp ? newTotpSecret() : null;
  const user = await db
    .insertInto('users')
    .values({
      org_id: orgId,
      email: overrides.email ?? `user-${unique()}@example.org`,
      display_name: overrides.displayName ?? `Test User ${unique()}`,
      roles: overrides.roles ?? ['adviser'],
      status: overrides.status ?? 'active',
      password_hash: passwordHash,
      totp_secret: totpSecret,
      totp_enabled_at: totpSecret ? new Date() : null,
      totp_last_step: null,
      locked_until: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (overrides.team) {
    await db
      .insertInto('team_members')
      .values({ org_id: orgId, team_id: overrides.team.id, user_id: user.id, role: overrides.team.role })
      .execute();
  }
  return { ...user, password, totpSecret };
}

/** The current TOTP code of a secret (optionally at another time). */
export function totpCode(secret: string, at: Date = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}
