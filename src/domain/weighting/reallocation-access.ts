/**
 * Who may ask "what if I move this case?" and to whom: the rules of reassigning a case
 * (src/services/cases/case-assignment.ts) as a supervisor applies them. Only a supervisor of the
 * case's team may, and only to someone who may hold the case there: an active adviser or supervisor
 * who belongs to that team, other than its owner. An owner handing a case to a teammate does not
 * get the what-if: it shows a colleague's load, which only their supervisors see.
 */
import { type Actor, hasRole } from '../access/actor.ts';

export interface ReallocationCase {
  readonly ownerId: string;
  readonly teamId: string | null;
}

/** The person who would receive the case, as the policies see them (undefined: no active user). */
export interface Receiver {
  readonly id: string;
  readonly roles: Actor['roles'];
  readonly teamIds: readonly string[];
}

export type ReallocationRefusal =
  /** The case has no team, so nobody supervises it. */
  | 'no-team'
  /** The actor does not supervise the case's team. */
  | 'not-supervisor'
  /** No active user of the organisation has that id. */
  | 'no-receiver'
  /** The receiver is the case's owner already. */
  | 'same-owner'
  /** The receiver holds no cases (not an adviser or supervisor). */
  | 'cannot-hold-cases'
  /** The receiver is not a member of the case's team. */
  | 'not-in-team';

/** Why the actor may not preview moving the case to anyone, or undefined when they may. */
export function reallocationActorRefusal(
  actor: Actor,
  kase: ReallocationCase,
): 'no-team' | 'not-supervisor' | undefined {
  if (kase.teamId === null) return 'no-team';
  if (!(hasRole(actor, 'supervisor') && actor.supervisedTeamIds.includes(kase.teamId))) {
    return 'not-supervisor';
  }
  return undefined;
}

/**
 * Why the actor may not preview moving the case to the receiver, or undefined when they may.
 * The actor's checks come first, so someone refused learns nothing about the receiver.
 * @example reallocationRefusal(supervisorOfTeam, { ownerId: ana, teamId: team }, ben) // undefined
 */
export function reallocationRefusal(
  actor: Actor,
  kase: ReallocationCase,
  receiver: Receiver | undefined,
): ReallocationRefusal | undefined {
  const refused = reallocationActorRefusal(actor, kase);
  if (refused || kase.teamId === null) return refused ?? 'no-team';
  if (!receiver) return 'no-receiver';
  if (receiver.id === kase.ownerId) return 'same-owner';
  if (!receiver.roles.some((r) => r === 'adviser' || r === 'supervisor')) return 'cannot-hold-cases';
  if (!receiver.teamIds.includes(kase.teamId)) return 'not-in-team';
  return undefined;
}
