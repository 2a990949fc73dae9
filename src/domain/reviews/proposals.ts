/**
 * Which cases a caseload review should discuss, and why, in plain words (LSIAG14 criteria 3–6,
 * 13–14: review the caseload, find obstacles and improvements, see that every case gets attention
 * in time). A case is proposed when it is:
 *
 * - red: its priority band (the override's, when overridden) is red;
 * - stalled: open and without attention for the organisation's number of working days (stalled.ts);
 * - at risk of neglect: open and 75 % or more of its review timescale gone (neglect.ts);
 * - over timescale: its first-contact, review or resolution timescale breached, as the worklist
 *   computes it (worklist-row.ts) — never worked out again here;
 * - over capacity: the practitioner's capacity RAG is red, and it is one of their heaviest cases,
 *   enough of which moved elsewhere would bring the load back within capacity (candidates for
 *   reallocation).
 *
 * One proposal per case with all its reasons; red cases first.
 */

import { DEFAULT_NEGLECT_THRESHOLD, neglectOf } from '../caseload/neglect.ts';
import { stalledOf } from '../caseload/stalled.ts';
import { plural } from '../caseload/wording.ts';
import { type Band, compareBands } from '../priority/levels.ts';
import { type CalendarDate, formatShortDate } from '../time/calendar.ts';
import type { TimescaleState } from '../time/timescales.ts';
import { type CapacityStatus, capacityStatus } from '../weighting/capacity.ts';
import { roundWeight } from '../weighting/case-weight.ts';

/** Why a case is on a review's agenda; 'added' is a case the review added itself. */
export type ReviewReasonKind = 'red' | 'stalled' | 'neglected' | 'over-timescale' | 'over-capacity' | 'added';

/** The order reasons are listed in within one case. */
export const REASON_ORDER: readonly ReviewReasonKind[] = [
  'red',
  'over-timescale',
  'neglected',
  'stalled',
  'over-capacity',
  'added',
];

export const REASON_LABELS: Readonly<Record<ReviewReasonKind, string>> = {
  red: 'Red priority',
  stalled: 'Stalled',
  neglected: 'At risk of neglect',
  'over-timescale': 'Over timescale',
  'over-capacity': 'Over capacity: candidate for reallocation',
  added: 'Added at the review',
};

export interface ReviewReason {
  readonly kind: ReviewReasonKind;
  /** In plain words, e.g. "No attention for 12 working days (stalled after 10)." */
  readonly reason: string;
}

/** A timescale clock of a case as the worklist computed it for today. */
export interface CandidateClock {
  readonly status: TimescaleState;
  /** The last day within the timescale. */
  readonly dueDate: CalendarDate;
  /** The timescale in working days. */
  readonly workingDays: number;
}

/** What the proposals look at for one case of the practitioner's caseload (open or on hold). */
export interface ReviewCandidate {
  readonly caseId: string;
  readonly reference: string;
  /** The band that counts (the override's when overridden); green when never assessed. */
  readonly band: Band;
  readonly status: 'open' | 'on_hold';
  /** Working days since the case last had attention (since it was opened, if never). */
  readonly workingDaysSinceAttention: number;
  /** False when it has had no attention since it was opened. */
  readonly attendedBefore: boolean;
  /** The review timescale of its type and band, in working days; null when none applies. */
  readonly reviewTimescaleWorkingDays: number | null;
  /** First contact until the client has been contacted, then the review interval. */
  readonly attention: CandidateClock & { readonly kind: 'first-contact' | 'review' };
  readonly resolution: CandidateClock;
  /** The case's weight in points; null when unknown (it then never counts towards capacity proposals). */
  readonly weight: number | null;
  /** The headline reason of its band as the worklist words it (e.g. "Red: safeguarding concern raised 26 Nov"). */
  readonly bandReason?: string | null;
}

export interface ProposalSettings {
  /** Today in the organisation's time zone. */
  readonly today: CalendarDate;
  /** organisations.stalled_after_days. */
  readonly stalledAfterDays: number;
  /** Share of the review timescale from which a case is at risk of neglect; default 0.75. */
  readonly neglectThreshold?: number;
  /** The practitioner's load against their capacity; null when not known. */
  readonly capacity: CapacityStatus | null;
}

export interface ReviewProposal {
  readonly caseId: string;
  readonly reference: string;
  readonly band: Band;
  /** In REASON_ORDER. */
  readonly reasons: readonly ReviewReason[];
}

/**
 * Why a red case is red, from the worklist's headline reason without its "Red: " prefix.
 * @example
 * redReason('Red: safeguarding concern raised 26 Nov'); // 'Safeguarding concern raised 26 Nov.'
 * redReason(null); // 'Red priority band.'
 */
export function redReason(headline: string | null): string {
  const text = headline?.replace(/^Red:\s*/, '').trim();
  if (!text) return 'Red priority band.';
  const sentence = `${text[0]?.toUpperCase()}${text.slice(1)}`;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

const dateWords = (date: CalendarDate, today: CalendarDate) =>
  formatShortDate(date, { weekday: true, currentYear: Number(today.slice(0, 4)) });

/**
 * The over-timescale reason of a case, or undefined when no timescale is breached.
 * @example
 * overTimescaleReason({ …, attention: { kind: 'first-contact', status: 'breached', dueDate: '2026-11-03', workingDays: 1 } }, '2026-11-26')
 * // 'First contact overdue: due within 1 working day of opening, by Tue 3 Nov.'
 */
export function overTimescaleReason(c: ReviewCandidate, today: CalendarDate): string | undefined {
  const parts: string[] = [];
  const a = c.attention;
  if (a.status === 'breached') {
    parts.push(
      a.kind === 'first-contact'
        ? `First contact overdue: due within ${plural(a.workingDays, 'working day')} of opening, by ${dateWords(a.dueDate, today)}.`
        : `Review interval passed: attention due every ${plural(a.workingDays, 'working day')}, next by ${dateWords(a.dueDate, today)}.`,
    );
  }
  const r = c.resolution;
  if (r.status === 'breached') {
    parts.push(
      `Past its target resolution of ${plural(r.workingDays, 'working day')} from opening (${dateWords(r.dueDate, today)}).`,
    );
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/**
 * The heaviest cases whose moving elsewhere would bring an over-capacity load back within
 * capacity (load ≤ capacity), heaviest first (ties by reference). All cases with a weight when even
 * that is not enough. None when the load is not over capacity or there is no capacity at all.
 */
export function reallocationCandidates(
  cases: readonly ReviewCandidate[],
  capacity: CapacityStatus | null,
): { readonly caseIds: readonly string[]; readonly reason: (c: ReviewCandidate) => string } {
  const none = { caseIds: [], reason: () => '' };
  if (capacity?.rag !== 'red' || capacity.capacity <= 0) return none;
  const weighted = cases
    .filter((c): c is ReviewCandidate & { weight: number } => c.weight !== null && c.weight > 0)
    .sort(
      (a, b) => b.weight - a.weight || (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0),
    );
  const chosen: (ReviewCandidate & { weight: number })[] = [];
  let remaining = capacity.load;
  for (const c of weighted) {
    if (remaining <= capacity.capacity) break;
    chosen.push(c);
    remaining = roundWeight(remaining - c.weight);
  }
  if (chosen.length === 0) return none;
  const moved = roundWeight(chosen.reduce((t, c) => t + c.weight, 0));
  const after = capacityStatus(Math.max(0, remaining), capacity.capacity);
  const which = chosen.length === 1 ? 'this case' : `the ${chosen.length} heaviest cases`;
  const outcome =
    after.rag === 'red'
      ? `moving ${which} (${moved} points) would still leave ${after.load} of ${after.capacity} points.`
      : `moving ${which} (${moved} points) would bring the load to ${after.load} of ${after.capacity} points.`;
  return {
    caseIds: chosen.map((c) => c.caseId),
    reason: (c) =>
      `Candidate for reallocation: weighs ${c.weight} points. ${capacity.summary} ${capitalise(outcome)}`,
  };
}

const capitalise = (s: string) => `${s[0]?.toUpperCase() ?? ''}${s.slice(1)}`;

/**
 * The cases a review should discuss, one proposal per case with all its reasons, red first (then
 * amber, green; then the case with more reasons; then by reference).
 *
 * @example
 * proposeCases([{ caseId: 'a', reference: 'CL-2026-000001', band: 'red', status: 'open', … }],
 *   { today: '2026-11-26', stalledAfterDays: 10, capacity: null });
 * // [{ caseId: 'a', reference: 'CL-2026-000001', band: 'red', reasons: [{ kind: 'red', reason: 'Red priority band.' }] }]
 * @throws RangeError as stalledOf and neglectOf (negative or broken figures, a bad threshold)
 */
export function proposeCases(
  cases: readonly ReviewCandidate[],
  settings: ProposalSettings,
): ReviewProposal[] {
  const threshold = settings.neglectThreshold ?? DEFAULT_NEGLECT_THRESHOLD;
  if (!(threshold > 0)) throw new RangeError(`neglectThreshold must be above 0; got ${threshold}.`);
  const realloc = reallocationCandidates(cases, settings.capacity);
  const proposals: ReviewProposal[] = [];
  for (const c of cases) {
    const reasons: ReviewReason[] = [];
    if (c.band === 'red') reasons.push({ kind: 'red', reason: redReason(c.bandReason ?? null) });
    const over = overTimescaleReason(c, settings.today);
    if (over) reasons.push({ kind: 'over-timescale', reason: over });
    if (c.status === 'open') {
      const neglect = neglectOf({
        caseId: c.caseId,
        band: c.band,
        reviewTimescaleWorkingDays: c.reviewTimescaleWorkingDays,
        workingDaysSinceAttention: c.workingDaysSinceAttention,
        attendedBefore: c.attendedBefore,
      });
      if (neglect && neglect.shareElapsed >= threshold)
        reasons.push({ kind: 'neglected', reason: neglect.reason });
    }
    const stalled = stalledOf(
      { caseId: c.caseId, status: c.status, workingDaysSinceAttention: c.workingDaysSinceAttention },
      settings.stalledAfterDays,
    );
    if (stalled) reasons.push({ kind: 'stalled', reason: stalled.reason });
    if (realloc.caseIds.includes(c.caseId))
      reasons.push({ kind: 'over-capacity', reason: realloc.reason(c) });
    if (reasons.length > 0)
      proposals.push({ caseId: c.caseId, reference: c.reference, band: c.band, reasons });
  }
  return proposals.sort(
    (a, b) =>
      compareBands(a.band, b.band) ||
      b.reasons.length - a.reasons.length ||
      (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0),
  );
}

/** How many proposals give each reason (a case with two reasons counts under both). */
export function countReasons(proposals: readonly ReviewProposal[]): Record<ReviewReasonKind, number> {
  const counts = Object.fromEntries(REASON_ORDER.map((k) => [k, 0])) as Record<ReviewReasonKind, number>;
  for (const p of proposals) for (const r of p.reasons) counts[r.kind] += 1;
  return counts;
}
