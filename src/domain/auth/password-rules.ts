/**
 * Password rules (OWASP ASVS 5.0 level 2, NIST 800-63B): 12 to 128 characters, no composition
 * rules, not a common password, not the person's own email or name.
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export type PasswordProblem = 'too-short' | 'too-long' | 'common' | 'personal' | 'repetitive';

export interface PasswordContext {
  readonly email?: string;
  readonly displayName?: string;
  /** Lower-case common passwords (the deny list). */
  readonly denyList: ReadonlySet<string>;
}

/** Counts user-perceived characters, so an emoji or accented letter counts once. */
const length = (s: string) => [...s.normalize('NFC')].length;

export function checkPassword(password: string, ctx: PasswordContext): PasswordProblem | undefined {
  const n = length(password);
  if (n < PASSWORD_MIN) return 'too-short';
  if (n > PASSWORD_MAX) return 'too-long';
  const lower = password.normalize('NFC').toLowerCase();
  if (ctx.denyList.has(lower)) return 'common';
  if (new Set(lower).size <= 2) return 'repetitive';
  const personal = [ctx.email, ctx.email?.split('@')[0], ctx.displayName?.replace(/\s+/g, '')]
    .filter((v): v is string => typeof v === 'string' && v.length >= 4)
    .map((v) => v.toLowerCase());
  if (personal.some((p) => lower.replace(/\s+/g, '').includes(p) && p.length * 2 >= lower.length)) {
    return 'personal';
  }
  return undefined;
}

export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  'too-short': `Use at least ${PASSWORD_MIN} characters; a short phrase of several words is easy to remember.`,
  'too-long': `Use at most ${PASSWORD_MAX} characters.`,
  common: 'This password is on a list of commonly used passwords; choose another.',
  repetitive: 'This password repeats one or two characters; choose another.',
  personal: 'This password is mostly your name or email address; choose another.',
};
