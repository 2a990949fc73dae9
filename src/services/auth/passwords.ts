/** Password hashing (argon2id, OWASP parameters) and the password rules with the common-password list. */
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { checkPassword, PASSWORD_MESSAGES } from '../../domain/auth/password-rules.ts';
import { AppError } from '../../domain/errors.ts';

/** argon2id, m = 19 MiB, t = 2, p = 1: the OWASP Password Storage minimum. `2` is Algorithm.Argon2id. */
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2_OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Spends the same time as a real check when the email is unknown, so the answer and its timing
 * do not tell whether an account exists.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('caseload-timing-equaliser-not-a-password');
  await verifyPassword(await dummyHash, password);
  return false;
}

const denyList: ReadonlySet<string> = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

/**
 * Checks a new password against the rules.
 * @throws AppError WEAK_PASSWORD naming the field
 */
export function assertAcceptablePassword(
  password: string,
  who: { email?: string; displayName?: string },
  field = 'password',
): void {
  const problem = checkPassword(password, { ...who, denyList });
  if (problem) throw AppError.field(field, PASSWORD_MESSAGES[problem], 'WEAK_PASSWORD');
}
