/**
 * Which key-date alerts are due today: reminders as a pending date nears (at the lead times in
 * working days the date or its organisation set), and the escalation of a pending date that has
 * passed. Pure: the scheduled job gathers the dates and records each alert once (alerts_sent), so
 * these functions may say "due" on every run — the record decides whether it was sent already.
 */
import type { KeyDateStatus } from '../key-dates/key-date-rules.ts';
import { type CalendarDate, formatShortDate } from '../time/calendar.ts';
import { type UkNation, workingDaysBetween } from '../time/working-days.ts';

/** What the alerts need of a key date. */
export interface KeyDateForAlerts {
  readonly id: string;
  readonly dueDate: CalendarDate;
  readonly status: KeyDateStatus;
  /** The date's own lead times in working days; null: the organisation's. An empty list: no reminders. */
  readonly reminderLeadDays: readonly number[] | null;
}

export interface AlertCalendar {
  /** The organisation's today. */
  readonly today: CalendarDate;
  /** Whose bank holidays count. */
  readonly nation: UkNation;
  /** The organisation's lead times (used when a date has none of its own). */
  readonly leadDays: readonly number[];
}

export interface DueReminder {
  readonly keyDateId: string;
  readonly dueDate: CalendarDate;
  /** The lead time this reminder stands for (working days before the date). */
  readonly leadDays: number;
  /** Working days from today to the date: 0 when it is today (or the next working day is after it). */
  readonly workingDaysLeft: number;
  /** Unique per date, due date and lead time: a moved date is reminded of again. */
  readonly subjectKey: string;
}

export interface MissedKeyDate {
  readonly keyDateId: string;
  readonly dueDate: CalendarDate;
  /** Unique per date and due date: a date moved later and missed again escalates again. */
  readonly subjectKey: string;
}

/**
 * The reminder due today for one key date, or undefined. Only a pending date that has not passed
 * gets one. A lead time L is reached once the date is L working days away or closer; the reminder
 * is the one for the smallest lead time reached, so a date added the day before it falls gets one
 * reminder (for 1 day), never the four of 10, 5, 2 and 1 at once, and a server that was down for a
 * few days sends the reminder for where the date stands now. Each later lead time reached gives a
 * new reminder (a new subject key); the job's record of sent alerts stops repeats.
 * @example reminderDue({ id: 'k', dueDate: '2027-01-08', status: 'pending', reminderLeadDays: null },
 *   { today: '2027-01-01', nation: 'england-and-wales', leadDays: [10, 5, 2, 1] })
 * // { keyDateId: 'k', dueDate: '2027-01-08', leadDays: 5, workingDaysLeft: 5, subjectKey: 'k:2027-01-08:5' }
 */
export function reminderDue(keyDate: KeyDateForAlerts, calendar: AlertCalendar): DueReminder | undefined {
  if (keyDate.status !== 'pending' || keyDate.dueDate < calendar.today) return undefined;
  const leads = keyDate.reminderLeadDays ?? calendar.leadDays;
  const left = workingDaysBetween(calendar.today, keyDate.dueDate, calendar.nation);
  const reached = leads.filter((lead) => Number.isInteger(lead) && lead >= 1 && lead >= left);
  if (reached.length === 0) return undefined;
  const leadDays = Math.min(...reached);
  return {
    keyDateId: keyDate.id,
    dueDate: keyDate.dueDate,
    leadDays,
    workingDaysLeft: left,
    subjectKey: `${keyDate.id}:${keyDate.dueDate}:${leadDays}`,
  };
}

/** The reminders due today for these key dates (at most one per date), in the order given. */
export function dueReminders(keyDates: readonly KeyDateForAlerts[], calendar: AlertCalendar): DueReminder[] {
  return keyDates.flatMap((k) => {
    const due = reminderDue(k, calendar);
    return due ? [due] : [];
  });
}

/**
 * The pending key dates whose day has passed (before today in the organisation's time zone): they
 * are escalated to the case's owner and its team's supervisors. A date is not marked missed here:
 * it may have been met and not recorded, which the practitioner says.
 * @example missedKeyDates([{ id: 'k', dueDate: '2027-01-04', status: 'pending', reminderLeadDays: null }], '2027-01-05')
 * // [{ keyDateId: 'k', dueDate: '2027-01-04', subjectKey: 'k:2027-01-04' }]
 */
export function missedKeyDates(keyDates: readonly KeyDateForAlerts[], today: CalendarDate): MissedKeyDate[] {
  return keyDates
    .filter((k) => k.status === 'pending' && k.dueDate < today)
    .map((k) => ({ keyDateId: k.id, dueDate: k.dueDate, subjectKey: `${k.id}:${k.dueDate}` }));
}

const kindWords = (kind: string) => kind.replaceAll('-', ' ');

/**
 * The words of a reminder: the case reference, the kind of date and when — no description, which
 * may name the client.
 * @example describeReminder({ caseReference: 'CL-2027-000001', kind: 'appeal-deadline', dueDate: '2027-01-08', workingDaysLeft: 5, today: '2027-01-01' })
 * // 'Key date on CL-2027-000001: appeal deadline in 5 working days (Fri 8 Jan).'
 */
export function describeReminder(input: {
  readonly caseReference: string;
  readonly kind: string;
  readonly dueDate: CalendarDate;
  readonly workingDaysLeft: number;
  readonly today: CalendarDate;
}): string {
  const currentYear = Number(input.today.slice(0, 4));
  const on = formatShortDate(input.dueDate, { weekday: true, currentYear });
  const when =
    input.workingDaysLeft > 0
      ? `in ${input.workingDaysLeft === 1 ? '1 working day' : `${input.workingDaysLeft} working days`} (${on})`
      : input.dueDate === input.today
        ? `is today (${on})`
        : `falls before the next working day (${on})`;
  return `Key date on ${input.caseReference}: ${kindWords(input.kind)} ${when}.`;
}

/**
 * The words of a missed date's escalation.
 * @example describeMissed({ caseReference: 'CL-2027-000001', kind: 'hearing', dueDate: '2027-01-04', today: '2027-01-05' })
 * // 'Key date missed on CL-2027-000001: the hearing of Mon 4 Jan has passed and is still pending.'
 */
export function describeMissed(input: {
  readonly caseReference: string;
  readonly kind: string;
  readonly dueDate: CalendarDate;
  readonly today: CalendarDate;
}): string {
  const on = formatShortDate(input.dueDate, { weekday: true, currentYear: Number(input.today.slice(0, 4)) });
  return `Key date missed on ${input.caseReference}: the ${kindWords(input.kind)} of ${on} has passed and is still pending.`;
}
