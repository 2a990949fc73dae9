/**
 * The 72-hour deadline for reporting a personal data breach to the ICO (UK GDPR Article 33: without
 * undue delay and, where feasible, not later than 72 hours after becoming aware of it). Hours are
 * real elapsed hours (a clock change does not move the deadline); times are shown in the
 * organisation's time zone.
 */
import { DEFAULT_TIME_ZONE } from '../time/calendar.ts';

export const ICO_REPORTING_HOURS = 72;
const HOUR_MS = 3_600_000;

export type BreachReportDecision = 'undecided' | 'report' | 'do-not-report';

export interface BreachDeadlineFacts {
  readonly discoveredAt: Date;
  readonly reportDecision: BreachReportDecision;
  readonly reportedAt: Date | null;
}

/**
 * - due: not reported, the deadline not yet passed (undecided or decided to report);
 * - overdue: not reported and the deadline has passed;
 * - reported: reported to the ICO (in time or late: see `late`);
 * - not-reporting: the decision was not to report (the reason is recorded).
 */
export type BreachDeadlineState = 'due' | 'overdue' | 'reported' | 'not-reporting';

export interface BreachDeadline {
  readonly deadline: Date;
  readonly state: BreachDeadlineState;
  /** Whole minutes to the deadline (negative once passed); null once reported or not reporting. */
  readonly minutesLeft: number | null;
  /** Reported after the deadline (an explanation of the delay is then owed to the ICO). */
  readonly late: boolean;
  /** In plain words, with the deadline in the organisation's time zone. */
  readonly words: string;
}

/** The instant 72 hours after the breach was discovered. */
export const reportingDeadline = (discoveredAt: Date): Date =>
  new Date(discoveredAt.getTime() + ICO_REPORTING_HOURS * HOUR_MS);

/**
 * "2 days 3 hours", "5 hours 20 minutes", "40 minutes", "less than a minute".
 * @example durationWords(2 * 24 * 60 + 3 * 60) // '2 days 3 hours'
 */
export function durationWords(totalMinutes: number): string {
  const m = Math.abs(Math.trunc(totalMinutes));
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const minutes = m % 60;
  const unit = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0)
    return minutes > 0 ? `${unit(hours, 'hour')} ${unit(minutes, 'minute')}` : unit(hours, 'hour');
  return minutes > 0 ? unit(minutes, 'minute') : 'less than a minute';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as a British date and 24-hour time in `timeZone`.
 * @example instantWords(new Date('2026-07-01T13:05:00Z'), 'Europe/London') // 'Wed 1 Jul 2026 at 14:05'
 */
export function instantWords(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')} at ${part('hour')}:${part('minute')}`;
}

/** Where a breach stands against the 72-hour deadline at `now`. */
export function breachDeadline(
  b: BreachDeadlineFacts,
  now: Date,
  timeZone: string = DEFAULT_TIME_ZONE,
): BreachDeadline {
  const deadline = reportingDeadline(b.discoveredAt);
  const due = instantWords(deadline, timeZone);
  if (b.reportedAt !== null) {
    const late = b.reportedAt.getTime() > deadline.getTime();
    const lateness = Math.floor((b.reportedAt.getTime() - deadline.getTime()) / 60_000);
    return {
      deadline,
      state: 'reported',
      minutesLeft: null,
      late,
      words: late
        ? `Reported to the ICO on ${instantWords(b.reportedAt, timeZone)}, ${durationWords(lateness)} after the deadline (${due}): record why it was late`
        : `Reported to the ICO on ${instantWords(b.reportedAt, timeZone)}, within 72 hours`,
    };
  }
  if (b.reportDecision === 'do-not-report') {
    return {
      deadline,
      state: 'not-reporting',
      minutesLeft: null,
      late: false,
      words: 'Decided not to report to the ICO (the reason is recorded)',
    };
  }
  const minutesLeft = Math.floor((deadline.getTime() - now.getTime()) / 60_000);
  if (minutesLeft >= 0) {
    return {
      deadline,
      state: 'due',
      minutesLeft,
      late: false,
      words: `${durationWords(minutesLeft)} left to report to the ICO: the deadline is ${due}`,
    };
  }
  return {
    deadline,
    state: 'overdue',
    minutesLeft,
    late: false,
    words: `Overdue by ${durationWords(-minutesLeft)}: the 72 hours ended ${due}`,
  };
}
