/**
 * The key dates register: a practitioner's pending key dates, and the supervisor's backup diary of
 * a team's (or one team member's). Who may see which register, and how far away each date is in
 * working days.
 */
import type { Actor } from '../access/actor.ts';
import { hasRole } from '../access/actor.ts';
import type { Policy } from '../access/policy.ts';
import type { CalendarDate } from '../time/calendar.ts';
import { type UkNation, workingDaysBetween } from '../time/working-days.ts';

// The lead times live apart (no holiday tables for the web app); re-exported for their readers here.
export {
  DEFAULT_REMINDER_LEAD_DAYS,
  MAX_REMINDER_LEAD_DAYS,
  MAX_REMINDER_LEAD_TIMES,
  normaliseLeadDays,
  reminderLeadDaysProblem,
} from './reminder-lead-days.ts';

/** Whose key dates: the actor's own cases, a team's (all supervised teams when null), one person's. */
export type RegisterScope =
  | { readonly kind: 'mine' }
  | { readonly kind: 'team'; readonly teamId: string | null }
  /** `userTeamIds`: the teams the person belongs to, as member or supervisor. */
  | { readonly kind: 'user'; readonly userId: string; readonly userTeamIds: readonly string[] };

const supervises = (actor: Actor, teamId: string) =>
  hasRole(actor, 'supervisor') && actor.supervisedTeamIds.includes(teamId);

/**
 * Whether the actor may see the register of `scope`: their own always; a team's when they
 * supervise it (with no team named, when they supervise at least one); a person's when it is
 * themself or they supervise a team the person belongs to. Admins and auditors see no case data,
 * so they have no backup diary unless they also supervise the team.
 * @example mayViewKeyDateRegister(adviser, { kind: 'team', teamId: 'team-1' }) // false
 */
export function mayViewKeyDateRegister(actor: Actor, scope: RegisterScope): boolean {
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

/** The access policy of a key dates register (see {@link mayViewKeyDateRegister}). */
export const viewKeyDateRegister: Policy<RegisterScope> = {
  name: 'key-dates.register',
  allows: mayViewKeyDateRegister,
};

export interface KeyDateCountdown {
  /** Working days from today to the date: 0 today, negative once it has passed. */
  readonly workingDaysAway: number;
  /** The date is before today (a pending date that has passed has been missed). */
  readonly overdue: boolean;
}

/**
 * How far away a key date is, counted in the working days of the organisation's nation, as the
 * priority assessment counts them (src/domain/time/working-days.ts). A date that passed over a
 * weekend can be 0 working days away and still overdue: `overdue` says so plainly.
 * @example keyDateCountdown('2026-12-01', '2026-11-26', 'england-and-wales') // { workingDaysAway: 3, overdue: false }
 * @example keyDateCountdown('2026-11-24', '2026-11-26', 'england-and-wales') // { workingDaysAway: -2, overdue: true }
 */
export function keyDateCountdown(
  dueDate: CalendarDate,
  today: CalendarDate,
  nation: UkNation,
): KeyDateCountdown {
  return { workingDaysAway: workingDaysBetween(today, dueDate, nation), overdue: dueDate < today };
}
