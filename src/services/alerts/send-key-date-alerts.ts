/**
 * Scheduled key-date alerts of one organisation: reminders as pending dates near (to the case's
 * owner; the last one before the date also to the team's supervisors), and escalation of pending dates that have passed (to the owner and the supervisors of
 * the case's team). Each alert happens once whatever the number of processes running this
 * (./raise-alert.ts).
 */
import {
  type AlertCalendar,
  describeMissed,
  describeReminder,
  dueReminders,
  type KeyDateForAlerts,
  missedKeyDates,
} from '../../domain/alerts/key-date-alerts.ts';
import { DEFAULT_REMINDER_LEAD_DAYS } from '../../domain/key-dates/register.ts';
import { addCalendarDays, todayIn } from '../../domain/time/calendar.ts';
import type { UkNation } from '../../domain/time/working-days.ts';
import {
  type KeyDateAlertCandidate,
  listPendingKeyDatesDue,
  sentAlertKeys,
} from '../../store/key-date-alerts.ts';
import type { ServiceContext } from '../context.ts';
import { type AlertToRaise, raiseAlerts } from './raise-alert.ts';

/** The organisation as the alerts need it. */
export interface AlertingOrganisation {
  readonly id: string;
  readonly timeZone: string;
  readonly nation: UkNation;
  readonly reminderLeadDays: readonly number[] | null;
}

/**
 * The longest lead time is 60 working days: 100 calendar days ahead covers it with every weekend
 * and bank holiday in between.
 */
const LOOK_AHEAD_DAYS = 100;
/**
 * Missed dates are escalated when found within this many days of passing, so that the first run
 * after an upgrade does not escalate years of dates nobody closed.
 */
export const MISSED_LOOK_BACK_DAYS = 30;

export interface KeyDateAlertsResult {
  /** Reminders this process sent (others may have sent more). */
  readonly reminders: number;
  /** Escalations of missed dates this process sent. */
  readonly escalations: number;
}

const auditOf = (action: string, k: KeyDateAlertCandidate, details: Record<string, unknown>) => ({
  action,
  entityType: 'key_date',
  entityId: k.id,
  details: { caseId: k.case_id, dueDate: k.due_date, ...details },
});

const forAlerts = (k: KeyDateAlertCandidate): KeyDateForAlerts => ({
  id: k.id,
  dueDate: k.due_date,
  status: k.status,
  reminderLeadDays: k.reminder_lead_days,
});

/**
 * Sends the key-date reminders and escalations due today in one organisation (system context: no
 * actor). Safe to run concurrently in several processes and as often as wanted.
 */
export async function sendKeyDateAlerts(
  ctx: ServiceContext,
  org: AlertingOrganisation,
): Promise<KeyDateAlertsResult> {
  const today = todayIn(org.timeZone, ctx.clock.now());
  const candidates = await listPendingKeyDatesDue(ctx.db, org.id, {
    from: addCalendarDays(today, -MISSED_LOOK_BACK_DAYS),
    to: addCalendarDays(today, LOOK_AHEAD_DAYS),
  });
  const byId = new Map(candidates.map((k) => [k.id, k]));
  const dates = candidates.map(forAlerts);
  const calendar: AlertCalendar = {
    today,
    nation: org.nation,
    leadDays: org.reminderLeadDays ?? DEFAULT_REMINDER_LEAD_DAYS,
  };

  const reminders = dueReminders(dates, calendar);
  const remindedAlready = await sentAlertKeys(
    ctx.db,
    org.id,
    'key-date-reminder',
    reminders.map((r) => r.subjectKey),
  );
  const reminderAlerts = reminders.flatMap((due): AlertToRaise[] => {
    const k = byId.get(due.keyDateId);
    if (!k || remindedAlready.has(due.subjectKey)) return [];
    // The owner gets every reminder; the team's supervisors (the backup diary) the last one before
    // the date, and every one when the owner's account is disabled, so no date goes unwatched.
    const leads = k.reminder_lead_days ?? org.reminderLeadDays ?? DEFAULT_REMINDER_LEAD_DAYS;
    const lastReminder = due.leadDays === Math.min(...leads);
    const toSupervisors = (lastReminder || !k.owner_active) && k.team_id !== null;
    return [
      {
        subjectKey: due.subjectKey,
        caseId: k.case_id,
        recipients: {
          users: k.owner_active ? [k.owner_id] : [],
          supervisorsOfTeams: toSupervisors && k.team_id ? [k.team_id] : [],
        },
        message: describeReminder({
          caseReference: k.case_reference,
          kind: k.kind,
          dueDate: k.due_date,
          workingDaysLeft: due.workingDaysLeft,
          today,
        }),
        audit: auditOf('alert.key_date_reminder', k, { leadDays: due.leadDays }),
      },
    ];
  });
  const sentReminders = await raiseAlerts(ctx, org.id, 'key-date-reminder', reminderAlerts);

  const missed = missedKeyDates(dates, today);
  const escalatedAlready = await sentAlertKeys(
    ctx.db,
    org.id,
    'key-date-missed',
    missed.map((m) => m.subjectKey),
  );
  const missedAlerts = missed.flatMap((m): AlertToRaise[] => {
    const k = byId.get(m.keyDateId);
    if (!k || escalatedAlready.has(m.subjectKey)) return [];
    return [
      {
        subjectKey: m.subjectKey,
        caseId: k.case_id,
        recipients: {
          users: k.owner_active ? [k.owner_id] : [],
          supervisorsOfTeams: k.team_id ? [k.team_id] : [],
        },
        message: describeMissed({
          caseReference: k.case_reference,
          kind: k.kind,
          dueDate: k.due_date,
          today,
        }),
        audit: auditOf('alert.key_date_missed', k, {}),
      },
    ];
  });
  const escalations = await raiseAlerts(ctx, org.id, 'key-date-missed', missedAlerts);
  return { reminders: sentReminders, escalations };
}
