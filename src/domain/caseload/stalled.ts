/**
 * Stalled cases: open cases that have had no attention for the organisation's number of working
 * days (organisations.stalled_after_days, default 10). Unlike the neglect check, which measures a
 * case against its own review timescale, "stalled" is one line for the whole caseload, so a
 * supervisor can ask the same question of every practitioner. Cases on hold are paused on purpose
 * and never count as stalled; closed cases are not on the caseload.
 */
import { plural } from './wording.ts';

export const DEFAULT_STALLED_AFTER_DAYS = 10;

export interface StalledCheck {
  readonly caseId: string;
  readonly status: 'open' | 'on_hold';
  /** Working days since the case last had attention (since it was opened, if never). */
  readonly workingDaysSinceAttention: number;
}

export interface StalledCase {
  readonly caseId: string;
  readonly workingDaysSinceAttention: number;
  /** e.g. "No attention for 12 working days (stalled after 10)." */
  readonly reason: string;
}

/**
 * Whether one case is stalled, with the reason; undefined when it is not.
 *
 * @example
 * stalledOf({ caseId: 'a', status: 'open', workingDaysSinceAttention: 10 }, 10);
 * // { caseId: 'a', workingDaysSinceAttention: 10, reason: 'No attention for 10 working days (stalled after 10).' }
 * stalledOf({ caseId: 'a', status: 'on_hold', workingDaysSinceAttention: 40 }, 10); // undefined
 * @throws RangeError when the days are negative or not whole, or stalledAfterDays is below 1.
 */
export function stalledOf(c: StalledCheck, stalledAfterDays: number): StalledCase | undefined {
  if (!Number.isInteger(stalledAfterDays) || stalledAfterDays < 1) {
    throw new RangeError(`stalledAfterDays must be a whole number of at least 1; got ${stalledAfterDays}.`);
  }
  const days = c.workingDaysSinceAttention;
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(
      `workingDaysSinceAttention of case ${c.caseId} must be a whole number ≥ 0; got ${days}.`,
    );
  }
  if (c.status !== 'open' || days < stalledAfterDays) return undefined;
  return {
    caseId: c.caseId,
    workingDaysSinceAttention: days,
    reason: `No attention for ${plural(days, 'working day')} (stalled after ${stalledAfterDays}).`,
  };
}

/** The stalled cases of a caseload, longest without attention first (then by case id). */
export function stalledCases(cases: readonly StalledCheck[], stalledAfterDays: number): StalledCase[] {
  const out: StalledCase[] = [];
  for (const c of cases) {
    const s = stalledOf(c, stalledAfterDays);
    if (s) out.push(s);
  }
  return out.sort(
    (a, b) =>
      b.workingDaysSinceAttention - a.workingDaysSinceAttention ||
      (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0),
  );
}
