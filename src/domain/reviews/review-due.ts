/**
 * The "review due" reminder: a practitioner and the supervisors of their teams are told once per
 * due date, from a week before it, that a caseload review is due — unless one is in progress. People
 * never reviewed and never scheduled are left alone (no flood of reminders when reviews start to be
 * used): a supervisor sets their schedule, or holds a first review, and the reminders follow.
 */
import { DUE_SOON_DAYS, type ReviewSchedule } from './schedule.ts';

export interface ReviewDueReminder {
  /** Unique per practitioner and due date: the alert goes out once. */
  readonly subjectKey: string;
  /** Names the practitioner and the date; nothing about cases or clients. */
  readonly message: string;
}

/**
 * @example reviewDueReminder({ id: 'p', displayName: 'Pat' }, dueOnThursday3DecSeenOnThursday26Nov, false)
 * // { subjectKey: 'p:2026-12-03', message: 'Caseload review of Pat: due in 7 days (Thu 3 Dec).' }
 */
export function reviewDueReminder(
  practitioner: { readonly id: string; readonly displayName: string },
  schedule: ReviewSchedule,
  inProgress: boolean,
): ReviewDueReminder | undefined {
  if (inProgress || schedule.dueSource === 'never-reviewed') return undefined;
  if (schedule.daysUntilDue > DUE_SOON_DAYS) return undefined;
  const words = schedule.words.replace(/\.$/, '');
  return {
    subjectKey: `${practitioner.id}:${schedule.nextDueOn}`,
    message: `Caseload review of ${practitioner.displayName}: ${words[0]?.toLowerCase() ?? ''}${words.slice(1)}.`,
  };
}
