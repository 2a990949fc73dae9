/**
 * Service timescale breaches worth an alert: a case's first contact or review (the attention
 * clock) or its target resolution whose due date has passed. Each breach is one alert, keyed by
 * the case, the clock and its due date, so attention that restarts the clock and a later breach
 * give a new one. Pure; the job claims each alert once.
 */
import type { CaseClocks } from '../priority/case-clocks.ts';
import { type CalendarDate, calendarDaysBetween, formatShortDate } from '../time/calendar.ts';

export type TimescaleClock = 'first-contact' | 'review' | 'resolution';

export interface TimescaleBreach {
  readonly clock: TimescaleClock;
  /** The last day within the timescale. */
  readonly dueDate: CalendarDate;
  readonly workingDays: number;
  readonly subjectKey: string;
}

/**
 * The breached clocks of a case whose due date passed at most `lookBackDays` calendar days before
 * today (older breaches are on the worklist; alerting them all at once after an upgrade helps nobody).
 * @example timescaleBreaches('c1', clocks, '2027-01-11', 30)
 * // [{ clock: 'first-contact', dueDate: '2027-01-06', workingDays: 2, subjectKey: 'c1:first-contact:2027-01-06' }]
 */
export function timescaleBreaches(
  caseId: string,
  clocks: CaseClocks,
  today: CalendarDate,
  lookBackDays: number,
): TimescaleBreach[] {
  const candidates: { clock: TimescaleClock; status: string; dueDate: CalendarDate; workingDays: number }[] =
    [
      { clock: clocks.attention.kind, ...clocks.attention },
      { clock: 'resolution', ...clocks.resolution },
    ];
  return candidates
    .filter((c) => c.status === 'breached' && calendarDaysBetween(c.dueDate, today) <= lookBackDays)
    .map((c) => ({
      clock: c.clock,
      dueDate: c.dueDate,
      workingDays: c.workingDays,
      subjectKey: `${caseId}:${c.clock}:${c.dueDate}`,
    }));
}

const CLOCK_WORDS: Readonly<Record<TimescaleClock, string>> = {
  'first-contact': 'first contact with the client',
  review: 'the next review',
  resolution: 'the target resolution',
};

/**
 * @example describeTimescaleBreach({ caseReference: 'CL-2027-000001', clock: 'review', dueDate: '2027-01-06', workingDays: 10, today: '2027-01-07' })
 * // 'Service timescale breached on CL-2027-000001: the next review was due by Wed 6 Jan (10 working days).'
 */
export function describeTimescaleBreach(input: {
  readonly caseReference: string;
  readonly clock: TimescaleClock;
  readonly dueDate: CalendarDate;
  readonly workingDays: number;
  readonly today: CalendarDate;
}): string {
  const by = formatShortDate(input.dueDate, { weekday: true, currentYear: Number(input.today.slice(0, 4)) });
  const days = input.workingDays === 1 ? '1 working day' : `${input.workingDays} working days`;
  return `Service timescale breached on ${input.caseReference}: ${CLOCK_WORDS[input.clock]} was due by ${by} (${days}).`;
}
