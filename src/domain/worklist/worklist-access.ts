/**
 * Whose worklist a person may see: their own always; a team's, or one team member's, when they
 * supervise that team. The cases in it are then only those the case access policies let them see
 * (src/domain/cases/case-access.ts, as SQL in src/store/case-visibility.ts).
 */
import { type Actor, hasRole } from '../access/actor.ts';
import type { Policy } from '../access/policy.ts';

/** Whose worklist: the actor's own cases, a team's (every team they supervise when null), one person's. */
export type WorklistScope =
  | { readonly kind: 'mine' }
  | { readonly kind: 'team'; readonly teamId: string | null }
  /** `userTeamIds`: the teams the person belongs to (as member or supervisor); empty when unknown. */
  | { readonly kind: 'user'; readonly userId: string; readonly userTeamIds: readonly string[] };

const supervises = (actor: Actor, teamId: string) =>
  hasRole(actor, 'supervisor') && actor.supervisedTeamIds.includes(teamId);

/**
 * Whether the actor may see the worklist of `scope`. Admins and auditors see no case data, so they
 * have no worklist of others unless they also supervise the team.
 * @example mayViewWorklist(adviser, { kind: 'user', userId: colleague, userTeamIds: [team] }) // false
 * @example mayViewWorklist(supervisorOfTeam, { kind: 'team', teamId: team }) // true
 */
export function mayViewWorklist(actor: Actor, scope: WorklistScope): boolean {
  switch (scope.kind) {
    case 'mine':
      return true;
    case 'team':
      return scope.teamId === null
        ? hasRole(actor, 'supervisor') && actor.supervisedTeamIds.length > 0
        : supervises(actor, scope.teamId);
    case 'user':
      return scope.userId === actor.id || scope.userTeamIds.some((teamId) => supervises(actor, teamId));
  }
}

/** The access policy of a worklist (see {@link mayViewWorklist}). */
export const viewWorklist: Policy<WorklistScope> = { name: 'worklist.view', allows: mayViewWorklist };

/** The teams whose cases a team worklist shows: the one named, or every team the actor supervises. */
export const worklistTeamIds = (actor: Actor, teamId: string | null): readonly string[] =>
  teamId === null ? actor.supervisedTeamIds : [teamId];
