/**
 * Who may record, change and remove external factors. Everyone signed in reads them (they
 * explain the charts). Administrators may manage any. A supervisor may manage those of a team
 * they supervise and of a member of such a team (a staff absence, say); organisation-wide
 * factors (an office closure, a policy change) are for administrators, who speak for the whole
 * organisation.
 */
import { type Actor, hasRole } from '../access/actor.ts';
import type { Policy } from '../access/policy.ts';

export interface ExternalFactorScope {
  readonly teamId: string | null;
  readonly userId: string | null;
  /** The teams the person (userId) belongs to; [] when no person. */
  readonly userTeamIds: readonly string[];
}

const supervises = (actor: Actor, teamId: string) =>
  hasRole(actor, 'supervisor') && actor.supervisedTeamIds.includes(teamId);

/**
 * @example mayManageExternalFactor(admin, { teamId: null, userId: null, userTeamIds: [] }) // true
 * @example mayManageExternalFactor(supervisorOfT, { teamId: 'T', userId: null, userTeamIds: [] }) // true
 * @example mayManageExternalFactor(supervisorOfT, { teamId: null, userId: null, userTeamIds: [] }) // false
 */
export function mayManageExternalFactor(actor: Actor, scope: ExternalFactorScope): boolean {
  if (hasRole(actor, 'admin')) return true;
  if (scope.teamId !== null && !supervises(actor, scope.teamId)) return false;
  if (scope.userId !== null && !scope.userTeamIds.some((t) => supervises(actor, t))) return false;
  return scope.teamId !== null || scope.userId !== null;
}

/** Managing one external factor (see {@link mayManageExternalFactor}). */
export const manageExternalFactor: Policy<ExternalFactorScope> = {
  name: 'external-factor.manage',
  allows: mayManageExternalFactor,
};

/** The routes that change external factors: administrators and supervisors (the service checks which). */
export const manageExternalFactors: Policy = {
  name: 'external-factors.manage',
  allows: (a) => hasRole(a, 'admin') || hasRole(a, 'supervisor'),
};
