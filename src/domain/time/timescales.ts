/**
 * Service timescales ("first contact within 2 working days", "review every 20 working days"):
 * where a case stands against one, computed from dates each time it is asked, never stored.
 */
import { type CalendarDate, compareDates } from './calendar.ts';
import { addWorkingDays, type UkNation, workingDaysBetween } from './working-days.ts';

/** Share of a timescale elapsed from which a case is "near" a breach (unless the policy says otherwise). */
export const NEAR_BREACH_SHARE = 0.75;

export type TimescaleState = 'within' | 'near' | 'breached';

export interface TimescaleInput {
  /** When the clock started: the case opened, or it last had attention. */
  readonly start: CalendarDate;
  /** The timescale, in working days (a whole number ≥ 1). */
  readonly workingDays: number;
  /** Today in the organisation's time zone (see `todayIn`). */
  readonly today: CalendarDate;
  readonly nation: UkNation;
  /** Elapsed share from which the status is 'near'; default {@link NEAR_BREACH_SHARE}. */
  readonly nearShare?: number;
}

export interface TimescaleStatus {
  /** The last day within the timescale: `workingDays` working days after `start`. */
  readonly dueDate: CalendarDate;
  /**
   * Working days after today up to and including the due date; 0 on the due date, negative once
   * it has passed (and 0 on a weekend straight after a Friday due date, which is still a breach).
   */
  readonly workingDaysLeft: number;
  /**
   * Working days elapsed since `start` (up to and including today) over the timescale: 0 at the
   * start (and before it), 1 on the due date, above 1 after it (1.5 = half as long again).
   */
  readonly elapsedShare: number;
  /** 'breached' once today is after the due date; 'near' from `nearShare` elapsed; else 'within'. */
  readonly status: TimescaleState;
}

/**
 * Where a case stands against a service timescale today.
 * @throws RangeError when `workingDays` is not a whole number ≥ 1, `nearShare` is not in 0–1, a
 *   date is malformed or the nation unknown
 * @example
 * timescaleStatus({ start: '2027-12-20', workingDays: 5, today: '2027-12-24', nation: 'england-and-wales' })
 * // { dueDate: '2027-12-29', workingDaysLeft: 1, elapsedShare: 0.8, status: 'near' }
 * // (Mon 27 and Tue 28 Dec 2027 are substitute bank holidays)
 */
export function timescaleStatus(input: TimescaleInput): TimescaleStatus {
  const { start, workingDays, today, nation, nearShare = NEAR_BREACH_SHARE } = input;
  if (!Number.isSafeInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`a timescale must be a whole number of working days ≥ 1: ${workingDays}`);
  }
  if (!(nearShare >= 0 && nearShare <= 1)) throw new RangeError(`nearShare must be in 0–1: ${nearShare}`);
  const dueDate = addWorkingDays(start, workingDays, nation);
  const workingDaysLeft = workingDaysBetween(today, dueDate, nation);
  const elapsed = workingDaysBetween(start, today, nation);
  const elapsedShare = Math.max(0, elapsed) / workingDays;
  const status: TimescaleState =
    compareDates(today, dueDate) > 0 ? 'breached' : elapsedShare >= nearShare ? 'near' : 'within';
  return { dueDate, workingDaysLeft, elapsedShare, status };
}
