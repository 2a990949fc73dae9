/**
 * Who may do what with caseload reviews and the reflective log.
 *
 * - A practitioner's schedule and reviews: the practitioner, and a supervisor of a team the
 *   practitioner belongs to.
 * - Start a review, or set a schedule: a supervisor of a team the practitioner belongs to — never
 *   for themself (nobody supervises their own caseload).
 * - Read a review: its practitioner, the supervisor who holds it, and the other supervisors of the
 *   practitioner's teams. Anyone else is told it does not exist.
 * - Change a review (cases, decisions, improvements, completion): the supervisor who holds it.
 * - Share a reflection into a review: the review's practitioner (their own entries only).
 * - Reflective log entries: their author alone — supervisors included are told they do not exist.
 */
import { type Actor, hasRole } from '../access/actor.ts';
import type { Policy } from '../access/policy.ts';

export interface PractitionerView {
  readonly userId: string;
  /** The teams the practitioner belongs to, as member or supervisor. */
  readonly userTeamIds: readonly string[];
}

export interface ReviewAccessView {
  readonly orgId: string;
  readonly practitionerId: string;
  readonly supervisorId: string;
  /** The teams the practitioner belongs to now. */
  readonly practitionerTeamIds: readonly string[];
}

/** A supervisor (by role) of one of the practitioner's teams. */
export const supervisesPractitioner = (actor: Actor, p: PractitionerView): boolean =>
  hasRole(actor, 'supervisor') && p.userTeamIds.some((t) => actor.supervisedTeamIds.includes(t));

/** @example mayViewReviewsOf(adviser, { userId: adviser.id, userTeamIds: [] }) // true */
export const mayViewReviewsOf = (actor: Actor, p: PractitionerView): boolean =>
  p.userId === actor.id || supervisesPractitioner(actor, p);

/** @example maySuperviseReviewOf(supervisor, { userId: supervisor.id, userTeamIds: [team] }) // false */
export const maySuperviseReviewOf = (actor: Actor, p: PractitionerView): boolean =>
  p.userId !== actor.id && supervisesPractitioner(actor, p);

export function mayReadReview(actor: Actor, r: ReviewAccessView): boolean {
  if (actor.orgId !== r.orgId) return false;
  return (
    r.practitionerId === actor.id ||
    r.supervisorId === actor.id ||
    supervisesPractitioner(actor, { userId: r.practitionerId, userTeamIds: r.practitionerTeamIds })
  );
}

export const mayHoldReview = (actor: Actor, r: ReviewAccessView): boolean =>
  actor.orgId === r.orgId && r.supervisorId === actor.id && r.practitionerId !== actor.id;

export const mayShareIntoReview = (actor: Actor, r: ReviewAccessView): boolean =>
  actor.orgId === r.orgId && r.practitionerId === actor.id;

/** Whose reviews and schedule one may see. */
export const viewPractitionerReviews: Policy<PractitionerView> = {
  name: 'reviews.view',
  allows: mayViewReviewsOf,
};

/** Starting a review of someone, or setting their schedule. */
export const superviseReviews: Policy<PractitionerView> = {
  name: 'reviews.supervise',
  allows: maySuperviseReviewOf,
};

/** Changing a review: its holder. */
export const holdReview: Policy<ReviewAccessView> = { name: 'review.hold', allows: mayHoldReview };

/** Sharing a reflection into a review: its practitioner. */
export const shareIntoReview: Policy<ReviewAccessView> = { name: 'review.share', allows: mayShareIntoReview };
