import type { Actor, Role } from './actor.ts';
import { hasRole } from './actor.ts';

/**
 * An access policy: a named, pure decision about an actor (and optionally a resource).
 * Every API route declares one; services call resource policies again before touching data.
 */
export interface Policy<R = void> {
  readonly name: string;
  /** Signed-out callers are allowed (login, health). */
  readonly public?: boolean;
  /** Allowed before the second factor is complete (TOTP step, enrolment, sign-out). */
  readonly partialSession?: boolean;
  readonly allows: (actor: Actor, resource: R) => boolean;
}

export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly reason: string };

export function decide<R>(policy: Policy<R>, actor: Actor | undefined, resource: R): Decision {
  if (policy.public) return { allowed: true };
  if (!actor) return { allowed: false, reason: 'not signed in' };
  return policy.allows(actor, resource)
    ? { allowed: true }
    : { allowed: false, reason: `policy ${policy.name} refused` };
}

const always = () => true;

/** Anyone, signed in or not. */
export const publicAccess: Policy = { name: 'public', public: true, allows: always };

/** A caller half-way through sign-in (password checked, second factor pending) or fully signed in. */
export const signingIn: Policy = { name: 'signing-in', partialSession: true, allows: always };

/** Any fully signed-in user of the organisation. */
export const signedIn: Policy = { name: 'signed-in', allows: always };

/** Users, teams and organisation settings. */
export const manageUsers: Policy = { name: 'users.manage', allows: (a) => hasRole(a, 'admin') };

/** The list of users and teams (names and roles) of the organisation. */
export const viewDirectory: Policy = {
  name: 'directory.view',
  allows: (a) => hasRole(a, 'admin') || hasRole(a, 'supervisor') || hasRole(a, 'auditor'),
};

/** The audit log: auditors (data-protection officers) and admins. */
export const readAuditLog: Policy = {
  name: 'audit.read',
  allows: (a) => hasRole(a, 'auditor') || hasRole(a, 'admin'),
};

/** A user record: directory viewers (admins, supervisors, auditors) of the same organisation, or the user themself. */
export const viewUser: Policy<{ orgId: string; userId: string }> = {
  name: 'user.view',
  allows: (a, u) => a.orgId === u.orgId && (a.id === u.userId || viewDirectory.allows(a, undefined)),
};

/** Admins change other users of their organisation, never across organisations. */
export const changeUser: Policy<{ orgId: string; userId: string }> = {
  name: 'user.change',
  allows: (a, u) => a.orgId === u.orgId && hasRole(a, 'admin'),
};

/** Teams and their memberships: admins of the same organisation. */
export const changeTeam: Policy<{ orgId: string; teamId: string }> = {
  name: 'team.change',
  allows: (a, t) => a.orgId === t.orgId && hasRole(a, 'admin'),
};

/** The state of a user that decides whether they count as an active administrator. */
export interface AdminStanding {
  readonly roles: readonly Role[];
  readonly status: 'active' | 'disabled';
}

const isActiveAdmin = (u: AdminStanding) => u.status === 'active' && u.roles.includes('admin');

/**
 * Why a change to a user's roles or status would lock administrators out, or undefined when it is
 * safe. `SELF_LOCKOUT`: an admin may not disable themself or drop their own admin role.
 * `LAST_ADMIN`: the organisation must keep at least one active admin; `otherActiveAdmins` counts
 * the active admins other than the target, read under lock in the same transaction.
 */
export function adminChangeRefusal(
  actor: Actor,
  target: { readonly id: string; readonly orgId: string } & AdminStanding,
  next: AdminStanding,
  otherActiveAdmins: number,
): 'SELF_LOCKOUT' | 'LAST_ADMIN' | undefined {
  if (!isActiveAdmin(target) || isActiveAdmin(next)) return undefined;
  if (actor.id === target.id && actor.orgId === target.orgId) return 'SELF_LOCKOUT';
  return otherActiveAdmins < 1 ? 'LAST_ADMIN' : undefined;
}
