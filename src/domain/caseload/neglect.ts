/**
 * Cases at risk of neglect: open cases that have gone a large share of their review timescale
 * without attention (LSIAG14 criteria 13–14, SFJHA5 P22–P23: watch what the priorities do to
 * the rest of the caseload, and see that every case gets attention within the service's
 * timescales).
 *
 * Pure: the caller counts working days (skipping weekends and bank holidays, and leaving out any
 * days the case was on hold or waiting on a third party, if its policy allows for that) and
 * passes the figures in.
 */
import { type Band, compareBands } from '../priority/levels.ts';
import { checkNumber, checkUniqueCaseIds } from './input-checks.ts';
import { percent, plural } from './wording.ts';

/** The default share of the review timescale after which a case counts as at risk: 75%. */
export const DEFAULT_NEGLECT_THRESHOLD = 0.75;

export interface NeglectCheck {
  readonly caseId: string;
  /** The case's current band. */
  readonly band: Band;
  /** Working days allowed between reviews for this case type and band; null when the policy sets none. */
  readonly reviewTimescaleWorkingDays: number | null;
  /** Working days since the case last had attention (since it was opened, if it never had any). */
  readonly workingDaysSinceAttention: number;
  /** False when the case has never had attention (the count then runs from its opening). */
  readonly attendedBefore?: boolean;
}

export interface NeglectOptions {
  /** Share of the review timescale (0 < threshold) from which a case is at risk; default 0.75. */
  readonly threshold?: number;
}

export interface NeglectedCase {
  readonly caseId: string;
  readonly band: Band;
  /** Working days elapsed divided by the review timescale (1 = due today, above 1 = overdue). */
  readonly shareElapsed: number;
  readonly workingDaysSinceAttention: number;
  readonly reviewTimescaleWorkingDays: number;
  /** Working days until the review is due; negative when it is overdue. */
  readonly workingDaysLeft: number;
  readonly overdue: boolean;
  /** Why the case is listed, in plain words. */
  readonly reason: string;
}

/**
 * The cases at risk of neglect, most neglected first (highest share elapsed; then red before
 * amber before green; then case id). Cases without a review timescale are never listed.
 *
 * @example
 * casesAtRiskOfNeglect([
 *   { caseId: 'a', band: 'green', reviewTimescaleWorkingDays: 20, workingDaysSinceAttention: 16 },
 *   { caseId: 'b', band: 'red', reviewTimescaleWorkingDays: 5, workingDaysSinceAttention: 1 },
 * ]);
 * // [{ caseId: 'a', shareElapsed: 0.8, workingDaysLeft: 4, overdue: false,
 * //    reason: '80% of its review timescale of 20 working days has gone: no attention for
 * //             16 working days; review due within 4 working days.', … }]
 * @throws RangeError when a figure is negative or not finite, a timescale is not positive, the
 *   threshold is not positive, or a case id appears twice.
 */
export function casesAtRiskOfNeglect(
  cases: readonly NeglectCheck[],
  options: NeglectOptions = {},
): NeglectedCase[] {
  const threshold = options.threshold ?? DEFAULT_NEGLECT_THRESHOLD;
  checkNumber(threshold, 'threshold');
  if (threshold <= 0) throw new RangeError(`threshold must be above 0; got ${threshold}.`);
  checkUniqueCaseIds(cases);
  const atRisk: NeglectedCase[] = [];
  for (const c of cases) {
    const checked = neglectOf(c);
    if (checked && checked.shareElapsed >= threshold) atRisk.push(checked);
  }
  return atRisk.sort(
    (a, b) =>
      b.shareElapsed - a.shareElapsed ||
      compareBands(a.band, b.band) ||
      (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0),
  );
}

/**
 * How far one case is through its review timescale, with the reason in words; undefined when the
 * case has no review timescale.
 *
 * @throws RangeError as casesAtRiskOfNeglect.
 */
export function neglectOf(c: NeglectCheck): NeglectedCase | undefined {
  const elapsed = checkNumber(c.workingDaysSinceAttention, `workingDaysSinceAttention of case ${c.caseId}`, {
    min: 0,
  });
  if (c.reviewTimescaleWorkingDays === null) return undefined;
  const timescale = checkNumber(
    c.reviewTimescaleWorkingDays,
    `reviewTimescaleWorkingDays of case ${c.caseId}`,
  );
  if (timescale <= 0) {
    throw new RangeError(`reviewTimescaleWorkingDays of case ${c.caseId} must be above 0; got ${timescale}.`);
  }
  const shareElapsed = elapsed / timescale;
  const workingDaysLeft = timescale - elapsed;
  return {
    caseId: c.caseId,
    band: c.band,
    shareElapsed,
    workingDaysSinceAttention: elapsed,
    reviewTimescaleWorkingDays: timescale,
    workingDaysLeft,
    overdue: workingDaysLeft < 0,
    reason: neglectReason(elapsed, timescale, c.attendedBefore ?? true),
  };
}

function neglectReason(elapsed: number, timescale: number, attendedBefore: boolean): string {
  const left = timescale - elapsed;
  const since = attendedBefore
    ? `no attention for ${plural(elapsed, 'working day')}`
    : `no attention since it was opened ${plural(elapsed, 'working day')} ago`;
  const ofTimescale = `review timescale of ${plural(timescale, 'working day')}`;
  if (left < 0)
    return `Review overdue by ${plural(-left, 'working day')}: ${since}, against a ${ofTimescale}.`;
  if (left === 0) return `Review due today: ${since}, the whole of its ${ofTimescale}.`;
  const gone = `${percent(elapsed / timescale)} of its ${ofTimescale} has gone`;
  return `${gone}: ${since}; review due within ${plural(left, 'working day')}.`;
}
