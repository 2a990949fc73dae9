/** Who is asking: the signed-in user as the access policies see them. */
export type Role = 'adviser' | 'supervisor' | 'admin' | 'auditor';

export interface Actor {
  readonly id: string;
  readonly orgId: string;
  readonly roles: readonly Role[];
  /** Teams the user belongs to (as member or supervisor). */
  readonly teamIds: readonly string[];
  /** Teams the user supervises. */
  readonly supervisedTeamIds: readonly string[];
}

export const hasRole = (actor: Actor, role: Role): boolean => actor.roles.includes(role);

/** Roles that must use a second factor (TOTP) before they are signed in. */
export const ROLES_REQUIRING_MFA: readonly Role[] = ['admin', 'supervisor'];

export const requiresMfa = (roles: readonly Role[]): boolean =>
  roles.some((r) => ROLES_REQUIRING_MFA.includes(r));
