/**
 * "Review due" reminders of one organisation, from the daily tick: each practitioner whose next
 * caseload review is due within a week (or overdue) is told, with the supervisors of their teams,
 * once per due date (./raise-alert.ts claims each in alerts_sent, whatever the number of processes).
 */
import { reviewDueReminder } from '../../domain/reviews/review-due.ts';
import { listMembersWithNames } from '../../store/teams.ts';
import { type AlertToRaise, raiseAlerts } from '../alerts/raise-alert.ts';
import type { ServiceContext } from '../context.ts';
import { schedulesOf } from './list-review-schedules.ts';

/** @returns the reminders this call raised */
export async function sendReviewDueAlerts(ctx: ServiceContext, orgId: string): Promise<number> {
  const members = await listMembersWithNames(ctx.db, orgId);
  const practitionerIds = [...new Set(members.filter((m) => m.role === 'member').map((m) => m.userId))];
  if (practitionerIds.length === 0) return 0;
  const { schedules } = await schedulesOf(ctx, ctx.db, practitionerIds, orgId);
  const alerts = schedules.flatMap((s): AlertToRaise[] => {
    const reminder = reviewDueReminder(s.practitioner, s.schedule, s.inProgressReview !== null);
    if (!reminder) return [];
    const teamIds = members.filter((m) => m.userId === s.practitioner.id).map((m) => m.teamId);
    const supervisors = members
      .filter((m) => m.role === 'supervisor' && teamIds.includes(m.teamId))
      .map((m) => m.userId);
    return [
      {
        subjectKey: reminder.subjectKey,
        caseId: null,
        recipients: { users: [s.practitioner.id, ...supervisors] },
        message: reminder.message,
        audit: {
          action: 'alert.review_due',
          entityType: 'user',
          entityId: s.practitioner.id,
          details: { nextDueOn: s.schedule.nextDueOn, status: s.schedule.status },
        },
      },
    ];
  });
  return raiseAlerts(ctx, orgId, 'review-due', alerts);
}
