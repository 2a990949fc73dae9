/**
 * Who may do what with file reviews. A file review is about a practitioner's handling of a case,
 * so it is seen by that practitioner and by the supervisors of the case's team — nobody else, and
 * services reach the case itself only through the case access check as well.
 *
 * - sample, add, answer, complete, raise corrective actions: a supervisor of the case's team who
 *   is not the practitioner under review (nor the case's owner);
 * - mark a corrective action done: the person it is assigned to;
 * - verify it: a supervisor of the case's team who is not the assignee, once it is done;
 * - the annual report: supervisors (their teams' reviews) and admins (the organisation's figures,
 *   counts only).
 */
import { type Actor, hasRole } from '../access/actor.ts';
import type { Policy } from '../access/policy.ts';

/** Route policy of sampling, adding, answering and completing reviews, and raising and verifying actions. */
export const superviseFileReviews: Policy = {
  name: 'file-reviews.supervise',
  allows: (a) => hasRole(a, 'supervisor'),
};

/** Route policy of the annual analysis: supervisors and admins. */
export const viewFileReviewReport: Policy = {
  name: 'file-reviews.report',
  allows: (a) => hasRole(a, 'supervisor') || hasRole(a, 'admin'),
};

export interface FileReviewAccessView {
  readonly orgId: string;
  readonly practitionerId: string;
  /** The case's team now (null: the case is in no team). */
  readonly caseTeamId: string | null;
  readonly caseOwnerId: string;
}

/** A supervisor (by role) of the team the reviewed case is in. */
export const supervisesReview = (actor: Actor, r: FileReviewAccessView): boolean =>
  actor.orgId === r.orgId &&
  hasRole(actor, 'supervisor') &&
  r.caseTeamId !== null &&
  actor.supervisedTeamIds.includes(r.caseTeamId);

/** The practitioner under review, or a supervisor of the case's team. */
export const canSeeFileReview = (actor: Actor, r: FileReviewAccessView): boolean =>
  actor.orgId === r.orgId && (actor.id === r.practitionerId || supervisesReview(actor, r));

/** The reviewer: a supervisor of the case's team who is neither the practitioner nor the case's owner. */
export const canReviewFile = (actor: Actor, r: FileReviewAccessView): boolean =>
  supervisesReview(actor, r) && actor.id !== r.practitionerId && actor.id !== r.caseOwnerId;

/** Only the assignee marks a corrective action done. */
export const canMarkCorrectiveActionDone = (actor: Actor, a: { readonly assignedTo: string }): boolean =>
  actor.id === a.assignedTo;

/** A supervisor of the case's team verifies a corrective action, never the person who did it. */
export const canVerifyCorrectiveAction = (
  actor: Actor,
  r: FileReviewAccessView,
  a: { readonly assignedTo: string },
): boolean => supervisesReview(actor, r) && actor.id !== a.assignedTo;
