/** Test data factories: `insertUser(db, overrides)` and friends. Real rows, real hashes. */
import { randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { hashPassword } from '../src/services/auth/passwords.ts';
import { newTotpSecret } from '../src/services/auth/totp.ts';
import type { Db } from '../src/store/db.ts';
import type { Role, UserRow } from '../src/store/schema.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
let testPasswordHash: Promise<string> | undefined;

const unique = () => randomBytes(4).toString('hex');

export async function insertOrganisation(db: Db, overrides: { name?: string } = {}) {
  return db
    .insertInto('organisations')
    .values({ name: overrides.name ?? `Advice Centre ${unique()}` })
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
