/**
 * Who may look at the effect of priorities on a practitioner's caseload (neglect, attention by
 * band, the forecast and what-ifs): the practitioner themself, and a supervisor of a team the
 * practitioner belongs to. Admins and auditors see no case data, so they see only their own
 * (normally empty) caseload unless they also supervise the person's team — as with the key dates
 * register.
 */
import { type Actor, hasRole } from '../access/actor.ts';
import type { Policy } from '../access/policy.ts';

export interface CaseloadOwner {
  readonly userId: string;
  /** The teams the person belongs to, as member or supervisor. */
  readonly userTeamIds: readonly string[];
}

/**
 * @example mayViewCaseloadEffect(adviser, { userId: adviser.id, userTeamIds: [] }) // true
 * @example mayViewCaseloadEffect(admin, { userId: someoneElse, userTeamIds: ['team-1'] }) // false
 */
export function mayViewCaseloadEffect(actor: Actor, owner: CaseloadOwner): boolean {
  if (owner.userId === actor.id) return true;
  return (
    hasRole(actor, 'supervisor') &&
    owner.userTeamIds.some((teamId) => actor.supervisedTeamIds.includes(teamId))
  );
}

/** The access policy of a practitioner's caseload effect (see {@link mayViewCaseloadEffect}). */
export const viewCaseloadEffect: Policy<CaseloadOwner> = {
  name: 'caseload.effect',
  allows: mayViewCaseloadEffect,
};
