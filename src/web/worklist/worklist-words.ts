/** The worklist's facts in plain words, as the table and the summary say them. */
import { formatDate } from '../lib/format.ts';
import type { Band, WorklistFlag, WorklistRow, WorklistStatus } from './worklist-query.ts';

export const BAND_WORDS: Record<Band, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

export const STATUS_WORDS: Record<WorklistStatus, string> = { open: 'Open', on_hold: 'On hold' };

export const FLAG_WORDS: Record<WorklistFlag, string> = {
  safeguarding: 'With a safeguarding concern',
  vulnerability: 'With a vulnerability flag',
  overridden: 'Band overridden',
  resources: 'Red, lacking resources',
};

/**
 * A calendar date, short: without the year when it falls in the year of `today`.
 * @example shortDate('2026-11-27', '2026-11-26') // '27 Nov'
 * @example shortDate('2027-01-22', '2026-11-26') // '22 Jan 2027'
 */
export function shortDate(date: string, today: string): string {
  const full = formatDate(date);
  return date.slice(0, 4) === today.slice(0, 4) ? full.replace(/ \d{4}$/, '') : full;
}

const plural = (n: number, noun: string) => `${n} ${noun}${Math.abs(n) === 1 ? '' : 's'}`;

/**
 * How far a date is, in working days: "today", "in 3 working days", "2 working days ago".
 * @example workingDaysWords(-1) // '1 working day ago'
 */
export function workingDaysWords(days: number): string {
  if (days === 0) return 'today';
  return days > 0 ? `in ${plural(days, 'working day')}` : `${plural(-days, 'working day')} ago`;
}

/** @example daysSinceWords(1) // '1 day ago' */
export function daysSinceWords(days: number): string {
  return days <= 0 ? 'today' : `${plural(days, 'day')} ago`;
}

/**
 * The next key date's distance, saying plainly when it was missed (a date that passed over a
 * weekend can be 0 working days away and still missed).
 * @example keyDateWhen({ workingDaysAway: -2, missed: true }) // 'missed, 2 working days ago'
 */
export function keyDateWhen(d: { workingDaysAway: number; missed: boolean }): string {
  if (d.missed) return d.workingDaysAway < 0 ? `missed, ${workingDaysWords(d.workingDaysAway)}` : 'missed';
  return workingDaysWords(d.workingDaysAway);
}

type Clock = WorklistRow['timescale']['resolution'];

export const CLOCK_STATUS_WORDS: Record<Clock['status'], string> = {
  within: 'Within',
  near: 'Near breach',
  breached: 'Breached',
};

/**
 * When a timescale clock falls due, and how far that is.
 * @example clockDue({ status: 'near', dueDate: '2026-11-27', workingDaysLeft: 1, workingDays: 5 }, '2026-11-26')
 * // 'due 27 Nov, 1 working day left'
 */
export function clockDue(clock: Clock, today: string): string {
  const left =
    clock.workingDaysLeft > 0
      ? `${plural(clock.workingDaysLeft, 'working day')} left`
      : clock.workingDaysLeft < 0
        ? `${plural(-clock.workingDaysLeft, 'working day')} over`
        : clock.status === 'breached'
          ? 'past due'
          : 'due today';
  return `due ${shortDate(clock.dueDate, today)}, ${left}`;
}

/** The attention clock's name: first contact until the client was contacted, then the review. */
export const attentionWhat = (kind: WorklistRow['timescale']['attention']['kind']): string =>
  kind === 'first-contact' ? 'First contact' : 'Review';

/** Open flags of a row as short tags' words. */
export function flagTags(flags: WorklistRow['flags']): string[] {
  const tags: string[] = [];
  if (flags.safeguarding > 0) {
    tags.push(
      flags.safeguarding === 1 ? 'Safeguarding concern' : `${flags.safeguarding} safeguarding concerns`,
    );
  }
  if (flags.vulnerability > 0) {
    tags.push(
      flags.vulnerability === 1 ? 'Vulnerability flag' : `${flags.vulnerability} vulnerability flags`,
    );
  }
  return tags;
}
